/**
 * The record of one criterion row as the row reader (rowReader.ts) makes it, one per row of the table. Pure.
 */
import type { CriterionRow, NumberRole, Status } from "./analyze";
import type { ParsedNumber } from "./numbers";

/** Shared empty list for rows without children or continuation rows (most of them); replaced on first push. */
export const NONE: number[] = Object.freeze([]) as unknown as number[];

/**
 * A criterion row as the reader makes it: a class, not an object literal, since one is made per row of the
 * table and a constructor of 21 stores built them ~10% faster than the literal did (the core's time target
 * of issue 14); to every reader it is a CriterionRow (no methods; its fields made in the literal's order, so
 * JSON and copies are alike). `achievedCol` is set only on a row that has one, as before.
 */
export class ReadRow implements CriterionRow {
  row: number;
  code: string | null;
  key: string | null;
  level: number;
  name: string;
  reason: string;
  continuationRows: number[];
  parent: number | null;
  children: number[];
  stated: Record<NumberRole, ParsedNumber>;
  max: number | null;
  achieved: number | null;
  derived: boolean;
  self: number | null;
  selfDiff: number | null;
  na: boolean;
  adjust: CriterionRow["adjust"];
  unclassified: boolean;
  gap: number | null;
  percent: number | null;
  status: Status;
  declare achievedCol?: number;

  constructor(
    row: number,
    code: string | null,
    key: string | null,
    level: number,
    name: string,
    reason: string,
    parent: number | null,
    stated: Record<NumberRole, ParsedNumber>,
    self: number | null,
    na: boolean,
    adjust: CriterionRow["adjust"],
    unclassified: boolean,
  ) {
    this.row = row;
    this.code = code;
    this.key = key;
    this.level = level;
    this.name = name;
    this.reason = reason;
    this.continuationRows = NONE;
    this.parent = parent;
    this.children = NONE;
    this.stated = stated;
    this.max = null;
    this.achieved = null;
    this.derived = false;
    this.self = self;
    this.selfDiff = null;
    this.na = na;
    this.adjust = adjust;
    this.unclassified = unclassified;
    this.gap = null;
    this.percent = null;
    this.status = "unscored";
  }
}
