/**
 * The rows of one criteria table read top to bottom (analyze.ts's first step): each row skipped, ending the
 * table (its total) or a criterion with its code, place in the tree, stated numbers, appraisal and issues.
 * Pure, never throws on cell content.
 */
import type { CellValue, SheetSnapshot } from "./types";
import type { Analysis, CriterionRow, Issue, NumberRole } from "./analyze";
import {
  adjustmentOf,
  cellAt,
  formatAt,
  isColumnNumberRow,
  isFinalTotal,
  isTotalRow,
  matchHeaders,
  type Role,
  type TableLayout,
} from "./table";
import { cellText, followsLetter, isBlankCell, parseCode, subItemLetter } from "./text";
import { NONE, ReadRow } from "./criterionRow";
import { evaluateUncached } from "./formula";
import { KeyTree } from "./keyTree";
import { BLANK_NUMBER, readNumber, type ParsedNumber } from "./numbers";

const NUMBER_ROLES: readonly NumberRole[] = ["max", "achieved", "gap", "percent"];

/** A code cell holding only a bullet: "-", "–", "+", "•", "*". */
const BULLET = /^[-\u2013\u2014+\u2022\u00b7*]$/;
/** parseNumber's own blank: every blank reading is one object, of one shape (see readNumber). */
const BLANK: ParsedNumber = BLANK_NUMBER;
/** What `appraisal` returns for a table without self-assessed or appraisal-round columns (most). */
const NO_APPRAISAL: { self: number | null; col?: number } = Object.freeze({ self: null });

/** The line of a row past the snapshot's block: no cells. */
const NO_CELLS: readonly CellValue[] = Object.freeze([]);
/** What `table.rounds` is for a table without appraisal rounds (most): no list built per row. */
const NO_ROUNDS: readonly number[] = Object.freeze([]);

const NOT_LETTERS = /[^\p{L}]/gu;

function isUpperName(name: string): boolean {
  const letters = name.replace(NOT_LETTERS, "");
  return letters.length >= 3 && letters === letters.toLocaleUpperCase("vi");
}

/**
 * The stated max and achieved of the coded domains (level-1 rows with a code that count), added up; null when
 * one of them states no number (then no row can be told to repeat their sum).
 */
function statedDomainSums(rows: readonly CriterionRow[]): { max: number; achieved: number } | null {
  let max = 0;
  let achieved = 0;
  let any = false;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.key === null || r.level !== 1 || r.adjust !== null || r.na) continue;
    const m = r.stated.max;
    const a = r.stated.achieved;
    if (m.kind !== "number" || a.kind !== "number") return null;
    max += m.value;
    achieved += a.value;
    any = true;
  }
  return any ? { max, achieved } : null;
}

/**
 * A row in capitals without a code is a domain (official tables without codes), unless its max and achieved are
 * the coded domains' sums: then it is a total in words no rule knows («TỔNG ĐIỂM CỦA ĐƠN VỊ»), which counted as
 * one more domain would double the score. It is left unplaced instead: not counted, and said.
 */
function sumsDomains(r: CriterionRow, sums: { max: number; achieved: number }): boolean {
  const m = r.stated.max;
  const a = r.stated.achieved;
  return (
    m.kind === "number" &&
    a.kind === "number" &&
    sums.max > 0 &&
    Math.abs(m.value - sums.max) < 0.005 &&
    Math.abs(a.value - sums.achieved) < 0.005
  );
}

/** Reads the rows of one table, top to bottom: each row is skipped, ends the table (total) or is a criterion. */
export class RowReader {
  readonly issues: Issue[] = [];
  readonly skipped: Analysis["skipped"] = [];
  readonly rows: CriterionRow[] = [];
  totalRow: number | null = null;
  /** The total row came before any criterion (right under the header): the criteria follow it. */
  private totalFirst = false;
  /** The stated final score under a bonus/penalty block after the total («Tổng điểm sau khi cộng, trừ»). */
  finalRow: number | null = null;
  private readonly cols: TableLayout["columns"];
  /** The code keys read so far: each row's parent and repeated codes. */
  private readonly keys = new KeyTree();
  /** The Roman-numbered domain the rows are under ("II" → 2), if any. */
  private romanDomain: number | null = null;
  /** The key of the last row with a numbered code: the criterion lettered sub-items («a)», «b)») belong to. */
  private lastNumbered: string | null = null;
  /** The letter of the last lettered sub-item read since that row, if any. */
  private lastLetter: string | null = null;
  /** Index of the last row without a code whose name is in capitals (a domain). */
  private lastUpper: number | null = null;
  /** Cells holding a formula with no cached value that the evaluator could not calculate ("row,col"). */
  private readonly uncalculated = new Set<string>();
  /** The bonus/penalty block being read: index of its last heading or row, and its kind. */
  private adjustBlock: { index: number; kind: "bonus" | "penalty" | "both" } | null = null;
  /** The columns a «Không áp dụng» note may be in: the table's columns that are not its own roles, and reason. */
  private readonly noteCols: number[] = [];

  constructor(
    private readonly sheet: SheetSnapshot,
    readonly table: TableLayout,
  ) {
    this.cols = table.columns;
    const own = new Set(Object.values(this.cols));
    for (let c = table.left; c <= table.right; c++)
      if (!own.has(c) || c === this.cols.reason) this.noteCols.push(c);
  }

  text(row: number, role: Role): string {
    return this.textIn(this.lineOf(row), role);
  }

  num(row: number, role: NumberRole): ParsedNumber {
    const c = this.cols[role];
    return c === undefined ? BLANK : this.numIn(this.lineOf(row), row, c);
  }

  /**
   * A row's cells as the snapshot holds them (a shared empty line past the block). The per-row readers take
   * the line once and read its cells from it: a call or two per cell less, which is what a first (cold,
   * interpreted) analysis pays for on every row.
   */
  private lineOf(row: number): readonly CellValue[] {
    return this.sheet.values[row - this.sheet.top] ?? NO_CELLS;
  }

  /** The text of a role's cell on a row's line, "" when the table has no such column. */
  private textIn(line: readonly CellValue[], role: Role): string {
    const c = this.cols[role];
    return c === undefined ? "" : cellText(line[c - this.sheet.left]);
  }

  /** A row's four numbers, in NUMBER_ROLES order (one object literal: one shape for every row). */
  statedOf(row: number): Record<NumberRole, ParsedNumber> {
    return this.statedIn(this.lineOf(row), row);
  }

  private statedIn(line: readonly CellValue[], row: number): Record<NumberRole, ParsedNumber> {
    const { max, achieved, gap, percent } = this.cols;
    return {
      max: max === undefined ? BLANK : this.numIn(line, row, max),
      achieved: achieved === undefined ? BLANK : this.numIn(line, row, achieved),
      gap: gap === undefined ? BLANK : this.numIn(line, row, gap),
      percent: percent === undefined ? BLANK : this.numIn(line, row, percent),
    };
  }

  /** The number in a cell; a formula with no cached value is calculated by the core's evaluator. */
  numAt(row: number, col: number): ParsedNumber {
    return this.numIn(this.lineOf(row), row, col);
  }

  /** numAt on the row's line. */
  private numIn(line: readonly CellValue[], row: number, col: number): ParsedNumber {
    const v = line[col - this.sheet.left];
    if (v === null || v === undefined) {
      const f = formatAt(this.sheet, this.sheet.formulas, row, col);
      if (f) return this.evaluated(row, col, f);
      return BLANK;
    }
    return readNumber(v);
  }

  private evaluated(row: number, col: number, formula: string): ParsedNumber {
    const v = evaluateUncached(this.sheet, formula);
    // Frozen like every other reading (see readNumber): one shape per kind for the per-row tests.
    if (typeof v === "number")
      return Object.freeze({ kind: "number", value: v, style: "number", percentText: false });
    if (v === "") return BLANK;
    this.uncalculated.add(`${row},${col}`);
    return Object.freeze({ kind: "invalid", text: formula });
  }

  /** Reads every row; after the total row only a bonus/penalty block belongs to the table. */
  readAll(): void {
    for (let row = this.table.firstRow; row <= this.table.lastRow; row++) {
      const next = this.readRow(row);
      if (next < 0) break;
      row = next;
    }
  }

  /** An unreadable number cell: "unparseable", or "formula-not-calculated" for a formula with no value. */
  private unreadable(row: number, code: string | null, role: NumberRole, text: string): void {
    const col = this.cols[role]!;
    const kind = this.uncalculated.has(`${row},${col}`) ? "formula-not-calculated" : "unparseable";
    this.issues.push({ kind, row, code, column: role, data: { text } });
  }

  /** One row; returns the last row it covered (a two-row repeated header covers two), -1 to stop. */
  private readRow(row: number): number {
    if (this.totalRow !== null && !this.totalFirst) return this.readAfterTotal(row);
    const { sheet, table } = this;
    const line = this.lineOf(row);
    let blank = true;
    for (let c = table.left; c <= table.right && blank; c++)
      if (!isBlankCell(line[c - sheet.left])) blank = false;
    if (blank) {
      this.skipped.push({ row, why: "blank" });
      return row;
    }
    const stated = this.statedIn(line, row);
    // Only a row with text where the scores should be can be a repeated header.
    if (stated.max.kind === "invalid" || stated.achieved.kind === "invalid") {
      const h = matchHeaders(sheet, row)[0];
      if (h) {
        for (let r = h.top; r <= h.row; r++) this.skipped.push({ row: r, why: "header" });
        return h.row;
      }
    }
    if (isColumnNumberRow(sheet, row, table.left, table.right)) {
      // Not a header row: the headers of inserted columns are not written on it.
      this.skipped.push({ row, why: "numbering" });
      return row;
    }
    if (isTotalRow(sheet, row, this.cols)) {
      this.totalRow = row;
      this.lastNumbered = null;
      this.totalFirst = this.rows.length === 0;
      for (const r of NUMBER_ROLES)
        if (stated[r].kind === "invalid")
          this.unreadable(row, null, r, cellText(cellAt(sheet, row, this.cols[r]!)));
      return row;
    }
    const codeText = this.textIn(line, "code");
    const name = this.textIn(line, "name");
    const hasNumbers =
      stated.max.kind !== "blank" ||
      stated.achieved.kind !== "blank" ||
      stated.gap.kind !== "blank" ||
      stated.percent.kind !== "blank";
    // A row with no code and no numbers continues the previous row's wrapped text (in a table without
    // codes, a name in capitals is a domain heading instead).
    const heading = this.cols.code === undefined && isUpperName(name);
    if (codeText === "" && !hasNumbers && !heading && adjustmentOf(name) === null) {
      this.continueRow(row, name);
      return row;
    }
    // «- Ban hành kế hoạch…» under a criterion, without a score: a line of its details (highlighted with it),
    // not a criterion with a code no one can read; its text stays out of the criterion's name.
    // A lettered line («a) Ban hành …») without a score is one too.
    if (!hasNumbers && (BULLET.test(codeText) || subItemLetter(codeText) !== null) && this.rows.length > 0) {
      this.continueRow(row, "");
      return row;
    }
    this.addCriterion(line, row, codeText, name, stated);
    return row;
  }

  /** A row under the total row: part of the table only as a bonus/penalty row; anything else ends it. */
  private readAfterTotal(row: number): number {
    const sheet = this.sheet;
    const line = this.lineOf(row);
    let blank = true;
    for (let c = this.table.left; c <= this.table.right && blank; c++)
      if (!isBlankCell(line[c - sheet.left])) blank = false;
    if (blank) {
      this.skipped.push({ row, why: "blank" });
      return row;
    }
    const name = this.textIn(line, "name");
    const codeText = this.textIn(line, "code");
    const own = adjustmentOf(name) ?? adjustmentOf(codeText);
    if (own === null && this.adjustBlock === null) return -1;
    if (own === null && (isFinalTotal(name) || isFinalTotal(codeText))) {
      this.finalRow = row;
      return -1;
    }
    const stated = this.statedIn(line, row);
    this.addCriterion(line, row, codeText, name, stated);
    return row;
  }

  /** A continuation row: its name and reason are appended to the previous criterion's. */
  private continueRow(row: number, name: string): void {
    const prev = this.rows[this.rows.length - 1];
    if (prev) {
      if (name) prev.name = `${prev.name} ${name}`.trim();
      const reason = this.text(row, "reason");
      if (reason) prev.reason = `${prev.reason} ${reason}`.trim();
      if (prev.continuationRows === NONE) prev.continuationRows = [];
      prev.continuationRows.push(row);
    }
    this.skipped.push({ row, why: "continuation" });
  }

  /** The canonical key of a row's code: within the current Roman domain when there is one. */
  private keyOf(line: readonly CellValue[], row: number, codeText: string, name: string): string | null {
    let parsed = codeText === "" ? null : parseCode(line[this.cols.code! - this.sheet.left]);
    // «i.», «v.», «x.» right after «h.», «u.», «v.»: the next letter of the list, not a Roman domain.
    if (parsed?.roman && this.lastLetter !== null && followsLetter(codeText, this.lastLetter)) parsed = null;
    if (!parsed && this.lastNumbered !== null && adjustmentOf(name) === null) {
      // «a)», «b)» under 1.3 (in the code column, or starting the name when that is blank): 1.3's children,
      // keyed "1.3.a" — read, counted within 1.3 and checked against it, not left unplaced. Only right under
      // the numbered row or its lettered rows: a row without a key between (a bonus block's heading, a domain
      // in capitals) or the total ends its list (lastNumbered), and a bonus or penalty row is never one.
      const letter =
        codeText !== ""
          ? subItemLetter(codeText)
          : this.cols.code !== undefined
            ? subItemLetter(name, true)
            : null;
      this.lastLetter = letter;
      if (letter !== null) return `${this.lastNumbered}.${letter}`;
    }
    if (parsed) this.lastLetter = null;
    // A lettered item of a bonus or penalty block («a) Sáng kiến …») is placed by its block: its code is read.
    // Asked only of a code that did not parse: the wording test reads the whole name.
    const blockItem =
      codeText !== "" &&
      !parsed &&
      subItemLetter(codeText) !== null &&
      (this.adjustBlock !== null || adjustmentOf(name) !== null);
    if (codeText !== "" && !parsed && !blockItem)
      this.issues.push({
        kind: "unparseable",
        row,
        code: codeText,
        column: "code",
        data: { text: codeText },
      });
    if (!parsed) return null;
    if (parsed.roman) {
      this.romanDomain = parsed.first;
      return (this.lastNumbered = parsed.key);
    }
    // Under a Roman-numbered domain, "1" and "1.2" are numbered within the domain.
    if (this.romanDomain !== null && !(parsed.depth >= 2 && parsed.first === this.romanDomain))
      return (this.lastNumbered = `${this.romanDomain}.${parsed.key}`);
    return (this.lastNumbered = parsed.key);
  }

  /** The parent placeInTree found (a field, not an object per row). */
  private placed: number | null = null;

  /** Level of the row about to be added at `index`, its parent in `placed`: by its key, else by capitals. */
  private placeInTree(
    row: number,
    index: number,
    key: string | null,
    codeText: string,
    name: string,
  ): number {
    let parent: number | null = null;
    if (key) {
      let level = 1;
      for (let i = key.indexOf("."); i !== -1; i = key.indexOf(".", i + 1)) level++;
      // The nearest ancestor key read anywhere above, as written; the first row of a repeated code.
      const first = this.keys.add(key, index);
      if (this.keys.parent >= 0) parent = this.keys.parent;
      if (parent === null && level > 1) {
        this.issues.push({
          kind: "parent-missing",
          row,
          code: codeText,
          data: { parent: key.slice(0, key.lastIndexOf(".")) },
        });
      }
      if (first >= 0) {
        this.issues.push({
          kind: "duplicate-code",
          row,
          code: codeText,
          data: { firstRow: this.rows[first].row + 1 },
        });
      }
      this.placed = parent;
      return level;
    }
    if (isUpperName(name) || this.lastUpper === null) {
      // No code: a name in capitals is a domain, as in the official tables.
      if (isUpperName(name)) this.lastUpper = index;
      this.placed = null;
      return 1;
    }
    this.placed = this.lastUpper;
    return 2;
  }

  /** Whether row `index` is `ancestor` or lies under it. */
  private isUnder(index: number, ancestor: number): boolean {
    for (let i: number | null = index; i !== null; i = this.rows[i].parent) if (i === ancestor) return true;
    return false;
  }

  /**
   * Self-assessed and appraised scores: the last filled appraisal round is the achieved score; a row with
   * no appraisal yet uses its self-assessed score («chưa thẩm định»). Updates `stated.achieved`.
   */
  private appraisal(
    row: number,
    codeText: string,
    stated: Record<NumberRole, ParsedNumber>,
  ): { self: number | null; col?: number } {
    const selfCol = this.cols.self;
    const rounds = this.table.rounds ?? NO_ROUNDS;
    if (selfCol === undefined && rounds.length === 0) return NO_APPRAISAL;
    const sp = selfCol === undefined ? BLANK : this.numAt(row, selfCol);
    const self = sp.kind === "number" ? sp.value : null;
    const cols = rounds.length ? rounds : [this.cols.achieved!];
    for (let k = cols.length - 1; k >= 0; k--) {
      const p = this.numAt(row, cols[k]);
      if (p.kind === "blank") continue;
      if (k === cols.length - 1) return { self };
      stated.achieved = p;
      return { self, col: cols[k] };
    }
    if (self === null || selfCol === undefined) return { self };
    stated.achieved = sp;
    this.issues.push({
      kind: "not-appraised",
      row,
      code: codeText || null,
      column: "achieved",
      data: { self },
    });
    return { self, col: selfCol };
  }

  /** «Không áp dụng», «KAD», «N/A» in max, achieved or a note column, or "—" as max. */
  private notApplicable(line: readonly CellValue[], stated: Record<NumberRole, ParsedNumber>): boolean {
    const { max, achieved } = stated;
    if (max.kind === "na" || achieved.kind === "na" || (max.kind === "blank" && max.dash)) return true;
    for (let k = 0; k < this.noteCols.length; k++) {
      const v = line[this.noteCols[k] - this.sheet.left];
      if (typeof v === "string" && v.length <= 20 && readNumber(v).kind === "na") return true;
    }
    return false;
  }

  /** Rows with numbers but no code and no domain, in a table whose rows have codes: not placed. */
  markUnclassified(): void {
    // Index loops over the rows (here and on every per-row path): a for-of loop that is not optimised yet
    // (every first run) makes an iterator result per row.
    // One pass marks and reports (a pass over 10,000 rows is memory-bound): a row is marked here, or was
    // already («unsure» under a «thưởng, trừ» heading), and reported in row order either way.
    const rows = this.rows;
    if (!rows.some((r) => r.key !== null)) return;
    const domains = statedDomainSums(rows);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (
        r.key === null &&
        r.adjust === null &&
        r.parent === null &&
        !r.na &&
        (!isUpperName(r.name) || (domains !== null && sumsDomains(r, domains))) &&
        NUMBER_ROLES.some((k) => r.stated[k].kind === "number")
      )
        r.unclassified = true;
      if (r.unclassified)
        this.issues.push({
          kind: "unclassified-row",
          row: r.row,
          code: r.code,
          data: { name: r.name.slice(0, 60) },
        });
    }
  }

  private addCriterion(
    line: readonly CellValue[],
    row: number,
    codeText: string,
    name: string,
    stated: Record<NumberRole, ParsedNumber>,
  ): void {
    const key = this.keyOf(line, row, codeText, name);
    if (key === null) this.lastNumbered = null;
    const index = this.rows.length;
    // A bonus/penalty row, or a row inside such a block: never a child of a domain. A code that parsed
    // (digits and dots, a Roman numeral) says neither, so only a row without a key asks its code cell.
    const own = adjustmentOf(name) ?? (key === null ? adjustmentOf(codeText) : null);
    const block = this.adjustBlock;
    let adjust: CriterionRow["adjust"] = own;
    let unsure = false;
    let level: number;
    let parent: number | null;
    if (own !== null && key === null) {
      level = 1;
      parent = null;
    } else if (own === null && block !== null && key === null) {
      level = 2;
      parent = block.index;
    } else {
      level = this.placeInTree(row, index, key, codeText, name);
      parent = this.placed;
    }
    if (own !== null) this.adjustBlock = { index, kind: own };
    else if (block !== null) {
      if (parent !== null && this.isUnder(parent, block.index)) {
        adjust = block.kind === "both" ? null : block.kind;
        // Under a «thưởng, trừ» heading a row that says neither cannot be signed.
        unsure = block.kind === "both";
      } else this.adjustBlock = null;
    }
    const appraisal = this.appraisal(row, codeText, stated);
    const na = this.notApplicable(line, stated);
    for (let k = 0; k < NUMBER_ROLES.length; k++) {
      const r = NUMBER_ROLES[k];
      const p = stated[r];
      if (p.kind === "invalid") {
        this.unreadable(row, codeText || null, r, p.text);
      } else if (p.kind === "number" && p.value < 0 && (r === "max" || r === "achieved") && adjust === null) {
        this.issues.push({
          kind: "negative",
          row,
          code: codeText || null,
          column: r,
          data: { value: p.value },
        });
      }
    }
    this.rows.push(
      new ReadRow(
        row,
        codeText || null,
        key,
        level,
        name,
        this.textIn(line, "reason"),
        parent,
        stated,
        appraisal.self,
        na,
        adjust,
        unsure,
      ),
    );
    if (appraisal.col !== undefined) this.rows[index].achievedCol = appraisal.col;
    if (parent !== null) {
      const p = this.rows[parent];
      if (p.children === NONE) p.children = [];
      p.children.push(index);
    }
  }
}
