/** What a corpus fixture declares: how to build it and what the product must make of it. */
import type { BookSpec } from "./builder";

/** The checks the corpus runs; a fixture marks the ones the current engine gets wrong. */
export type Check =
  | "reading" // sheet, total {max, achieved}, unmet count
  | "warnings" // exactly the declared warnings (kind + row)
  | "untouched" // the declared ranges come out unchanged from every command
  | `lost:${"recalc" | "assign" | "plan" | "apply"}` // nothing of the input lost, outside what the add-in owns
  | `twice:${"recalc" | "assign" | "plan" | "apply"}` // running the command on its own output changes nothing
  | `visible:${"recalc" | "assign" | "plan"}` // columns the add-in inserts are not hidden
  | `reread:${"recalc" | "assign" | "plan" | "apply"}`; // the output reads as the input did, no new warning

export interface Expected {
  /** The sheet the table must be read from (default: the fixture's first sheet holding the table). */
  sheet?: string;
  total: { max: number; achieved: number };
  unmet: number;
  /** Exactly the warnings the table must raise: kind and 1-based Excel row. Default none. */
  warnings?: { kind: string; row: number }[];
  /**
   * Ranges of the table's sheet (A1, input coordinates) that every command must leave as they are:
   * titles, the stated total when it is kept, the bonus block, the signature, the user's cells.
   * "Sheet!A1:B2" for another sheet.
   */
  untouched?: string[];
}

export interface Fixture {
  id: string;
  /** One line: what office habit this reproduces. */
  about: string;
  book: BookSpec;
  expect: Expected;
  /** Checks the current engine fails, each with a one-line reason naming the issue item. */
  failing?: Partial<Record<Check, string>>;
}

/** Files that are not .xlsx workbooks, with the error code the product must give (issue 9 item 8). */
export interface BadFile {
  id: string;
  about: string;
  bytes: () => Uint8Array;
  code: "file-xls" | "file-encrypted" | "file-csv" | "file-html" | "file-empty" | "file-too-large";
  /** Why the current engine does not give the file its own code. */
  failing?: string;
  /** Why the current engine does not even refuse it. */
  failingRefused?: string;
}

/** The same reason on every command's variant of a check. */
export function onAll(
  kind: "lost" | "twice" | "visible",
  reason: string,
  commands: readonly ("recalc" | "assign" | "plan" | "apply")[] = ["recalc", "assign", "plan", "apply"],
): Partial<Record<Check, string>> {
  return Object.fromEntries(
    commands.filter((c) => kind !== "visible" || c !== "apply").map((c) => [`${kind}:${c}`, reason]),
  );
}

/** Every check failing for one reason: a table the current engine does not find at all. */
export function notRead(reason: string): Partial<Record<Check, string>> {
  return {
    reading: reason,
    warnings: reason,
    untouched: reason,
    ...onAll("lost", reason),
    ...onAll("twice", reason),
    ...onAll("visible", reason),
  };
}
