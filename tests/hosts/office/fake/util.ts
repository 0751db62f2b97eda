/** The double's shared bits: Office errors, addresses, typed input, sizes, load specs. */
import { columnIndex } from "../../../../src/core/address";
import type { CellInput, Rect } from "../../../../src/core/types";

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export type Entry =
  | {
      kind: "write";
      label: () => string;
      sheet: () => string | null;
      bytes: number;
      run(): void;
      rects?: () => Rect[];
    }
  | { kind: "read"; run(): { bytes: number; commit: () => void } };

export function parseCell(a: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a);
  return m ? { row: Number(m[2]) - 1, col: columnIndex(m[1]) } : null;
}

/** "A1", "A1:B2", "F:G" (whole columns), "3:5" (whole rows), with an optional sheet prefix. */
export function fakeParseAddress(address: string): Rect {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [p, q = p] = bare.split(":");
  const a = parseCell(p);
  const b = parseCell(q);
  if (a && b) {
    return {
      top: Math.min(a.row, b.row),
      left: Math.min(a.col, b.col),
      rows: Math.abs(a.row - b.row) + 1,
      cols: Math.abs(a.col - b.col) + 1,
    };
  }
  if (/^\$?[A-Za-z]{1,3}$/.test(p) && /^\$?[A-Za-z]{1,3}$/.test(q)) {
    const x = columnIndex(p.replace("$", ""));
    const y = columnIndex(q.replace("$", ""));
    return { top: 0, left: Math.min(x, y), rows: MAX_ROWS, cols: Math.abs(x - y) + 1 };
  }
  if (/^\$?\d+$/.test(p) && /^\$?\d+$/.test(q)) {
    const x = Number(p.replace("$", "")) - 1;
    const y = Number(q.replace("$", "")) - 1;
    return { top: Math.min(x, y), left: 0, rows: Math.abs(x - y) + 1, cols: MAX_COLS };
  }
  throw new FakeOfficeError("InvalidArgument", `bad address «${address}»`);
}

export const quoteSheet = (name: string) =>
  /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;

/** How Excel takes a value given to Range.values / Range.formulas: like typed input. */
export function typedInput(v: unknown): CellInput {
  if (typeof v === "number") return { kind: "number", value: v };
  if (typeof v === "boolean") return { kind: "bool", value: v };
  if (v === "") return { kind: "blank" };
  if (typeof v !== "string")
    throw new FakeOfficeError("InvalidArgument", `cannot write ${JSON.stringify(v)}`);
  if (v.startsWith("'")) return { kind: "text", text: v.slice(1) };
  if (v.startsWith("=")) return { kind: "formula", formula: v };
  const t = v.trim();
  const num = /^[+-]?(\d+([.]\d*)?|[.]\d+)([eE][+-]?\d+)?(%)?$/.exec(t);
  if (num) return { kind: "number", value: parseFloat(t) / (num[4] ? 100 : 1) };
  if (/^[+\-@]/.test(v)) return { kind: "formula", formula: `=${v.slice(1)}` };
  if (/^(true|false)$/i.test(t)) return { kind: "bool", value: t.toLowerCase() === "true" };
  // Dates as Excel reads them: "1.6.2", "3/4", "1-2" become date serials.
  if (/^\d{1,4}[./-]\d{1,2}([./-]\d{1,4})?$/.test(t)) return { kind: "number", value: 45000 };
  return { kind: "text", text: v };
}

export function jsonBytes(x: unknown): number {
  const json = JSON.stringify(x) ?? "";
  // Node (and jsdom) have Buffer; the browser bundle (tests/e2e) has TextEncoder.
  return typeof Buffer !== "undefined"
    ? Buffer.byteLength(json, "utf8")
    : new TextEncoder().encode(json).length;
}

/** The ExcelApi versions compare as numbers after the dot: 1.9 < 1.13. */
export function versionAtLeast(have: string, want: string): boolean {
  const [a1, a2] = have.split(".").map(Number);
  const [b1, b2] = want.split(".").map(Number);
  return a1 > b1 || (a1 === b1 && (a2 ?? 0) >= (b2 ?? 0));
}

export const pointsToChars = (pt: number) => Math.round(((Math.round(pt / 0.75) - 5) / 7) * 100) / 100;
export const charsToPoints = (w: number) => Math.round(w * 7 + 5) * 0.75;

export function notLoaded(what: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${what}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** Load specs: "a, b/c" or ["a", "b"]. */
export function loadNames(spec: unknown): string[] {
  if (typeof spec === "string")
    return spec
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(spec)) return spec.map(String);
  throw new FakeOfficeError("InvalidArgument", 'the double only takes load("a, b") or load(["a"])');
}
