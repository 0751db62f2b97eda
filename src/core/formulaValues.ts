/**
 * The values of core's formula evaluator (formula.ts, formulaCompile.ts): Excel errors, the conversions,
 * comparison and the functions it knows (ROUND, IF's helpers, OR, AND, SUM, COUNT, MIN, MAX, ABS, NOT,
 * NUMBERVALUE, SUBSTITUTE, VALUE, ISNUMBER, ISTEXT, IFERROR). Pure.
 */

/** An Excel error value (#VALUE!, #DIV/0!…) while a formula is evaluated. */
export class FormulaError {
  constructor(readonly code: string) {}
}
/** A formula beyond the evaluator: callers keep the cell's cached result. */
export class UnsupportedFormula extends Error {}

export type Scalar = number | string | boolean | null | FormulaError;
/** An operand: a value, or a range's values row by row. */
export type Arg = Scalar | Scalar[];

export const err = (v: unknown): v is FormulaError => v instanceof FormulaError;

export function toNumber(v: Scalar): number | FormulaError {
  if (err(v)) return v;
  if (v === null || v === "") return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v;
  const n = Number(v.trim());
  return v.trim() !== "" && Number.isFinite(n) ? n : new FormulaError("#VALUE!");
}

export function excelRound(x: number, digits: number): number {
  const f = Math.pow(10, digits);
  const y = Math.abs(x) * f;
  const r = Math.round(y + 1e-9 * Math.max(1, y)) / f;
  return x < 0 ? -r : r;
}

export function compare(a: Scalar, b: Scalar, op: string): Scalar {
  if (err(a)) return a;
  if (err(b)) return b;
  const norm = (v: Scalar) => (v === null ? "" : v);
  let x = norm(a);
  let y = norm(b);
  if (a === null && typeof b === "number") x = 0;
  if (b === null && typeof a === "number") y = 0;
  let c: number;
  if (typeof x === "number" && typeof y === "number") c = x - y;
  else if (typeof x === "string" && typeof y === "string") {
    // Equal texts, or an empty one (lower case never empties a text: the order is the same), need no
    // lower-case copies: the table's formulas compare every score with "".
    if (x === y) c = 0;
    else if (x === "" || y === "") c = x === "" ? -1 : 1;
    else {
      const lx = x.toLowerCase();
      const ly = y.toLowerCase();
      c = lx < ly ? -1 : lx > ly ? 1 : 0;
    }
  } else if (typeof x === typeof y) c = Number(x) - Number(y);
  else c = typeof x === "number" ? -1 : typeof y === "number" ? 1 : typeof x === "string" ? -1 : 1;
  switch (op) {
    case "=":
      return c === 0;
    case "<>":
      return c !== 0;
    case "<":
      return c < 0;
    case ">":
      return c > 0;
    case "<=":
      return c <= 0;
    default:
      return c >= 0;
  }
}

/**
 * Text of ASCII digits with at most one decimal separator ("," or "."), the text the add-in's guards read
 * most: its number, exactly as the general reading below gives it (no spaces, sign, group or percent to
 * strip), or undefined for any other text.
 */
/** 10^0 … 10^15, each exact. */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

function plainNumber(s: string, dec: string, group: string): number | undefined {
  // The general reading drops `group` from the integer part and refuses it in the fraction: a group with
  // a non-digit character cannot occur in digits. An empty or digit-only separator: the general reading.
  if ((dec !== "," && dec !== ".") || !hasNonDigit(group) || s.length > 300) return undefined;
  const decCode = dec.charCodeAt(0);
  let d = -1;
  // The digits' integer (exact while there are at most 15 digits: below 2^53).
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      continue;
    }
    if (c !== decCode || d !== -1) return undefined;
    d = i;
  }
  // At most 15 digits: the integer and the power of ten are exact and IEEE division rounds once, so the
  // quotient is the number the text says, rounded as Number() rounds it (no string made: a 10,000-row
  // table's recalculation reads some 40,000 of them).
  const digits = d === -1 ? s.length : s.length - 1;
  if (digits <= 15) {
    const k = d === -1 ? 0 : s.length - d - 1;
    return k === 0 ? n : n / POW10[k];
  }
  const intPart = d === -1 ? s : s.slice(0, d);
  const frac = d === -1 ? "" : s.slice(d + 1);
  return Number(`${intPart}${frac ? "." + frac : ""}`);
}

function hasNonDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return true;
  }
  return false;
}

export function numberValue(text: Scalar, dec = ".", group = ","): Scalar {
  if (err(text)) return text;
  if (text === null || text === "") return 0;
  if (typeof text === "number") return text;
  if (typeof text === "boolean") return new FormulaError("#VALUE!");
  const plain = plainNumber(text, dec, group);
  if (plain !== undefined) return plain;
  let s = text.replace(/\s/g, "");
  let pct = 0;
  while (s.endsWith("%")) {
    pct++;
    s = s.slice(0, -1);
  }
  const d = s.indexOf(dec);
  const intPart = (d === -1 ? s : s.slice(0, d)).split(group).join("");
  const frac = d === -1 ? "" : s.slice(d + 1);
  if (frac.includes(group) || frac.includes(dec)) return new FormulaError("#VALUE!");
  const n = Number(`${intPart}${frac ? "." + frac : ""}`);
  if (!/^[+-]?\d*$/.test(intPart) || !/^\d*$/.test(frac) || !Number.isFinite(n))
    return new FormulaError("#VALUE!");
  return n / Math.pow(100, pct);
}

export const scalar = (a: Arg): Scalar =>
  Array.isArray(a) ? (a.length === 1 ? a[0] : new FormulaError("#VALUE!")) : a;

const flat = (args: Arg[]): Scalar[] => args.flatMap((a) => (Array.isArray(a) ? a : [a]));

/** ROUND(x, digits): its arguments as given (undefined: absent). */
export function round(a0: Arg, a1: Arg | undefined): Scalar {
  const x = toNumber(scalar(a0));
  const d = toNumber(scalar(a1 ?? 0));
  if (err(x)) return x;
  if (err(d)) return d;
  return excelRound(x, d);
}

/** NUMBERVALUE(text, decimal, group): its arguments as given (undefined: absent). */
export function numberValueOf(a0: Arg, a1: Arg | undefined, a2: Arg | undefined): Scalar {
  const dec = a1 !== undefined ? String(scalar(a1) ?? ".") : ".";
  const grp = a2 !== undefined ? String(scalar(a2) ?? ",") : ",";
  return numberValue(scalar(a0), dec, grp);
}

/**
 * OR and AND over their arguments' values in order (ranges flattened): the first error, else whether any
 * (OR) or every (AND) non-empty value is true ("TRUE" text counts, any case).
 */
export function orAnd(isOr: boolean, args: Arg[]): Scalar {
  let some = false;
  let every = true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (Array.isArray(a)) {
      for (let j = 0; j < a.length; j++) {
        const v = a[j];
        if (err(v)) return v;
        if (v === null || v === "") continue;
        const b = typeof v === "string" ? v.toLowerCase() === "true" : Boolean(v);
        if (b) some = true;
        else every = false;
      }
    } else {
      if (err(a)) return a;
      if (a === null || a === "") continue;
      const b = typeof a === "string" ? a.toLowerCase() === "true" : Boolean(a);
      if (b) some = true;
      else every = false;
    }
  }
  return isOr ? some : every;
}

/** A function's value from its arguments' values; an unknown name is UnsupportedFormula. */
export function callFunction(name: string, args: Arg[]): Scalar {
  switch (name) {
    case "ROUND":
      return round(args[0], args[1]);
    case "SUM": {
      let s = 0;
      for (const a of args) {
        if (Array.isArray(a)) {
          for (const v of a) {
            if (err(v)) return v;
            if (typeof v === "number") s += v;
          }
        } else {
          const n = toNumber(a);
          if (err(n)) return n;
          s += n;
        }
      }
      return s;
    }
    case "COUNT":
      return flat(args).filter((v) => typeof v === "number").length;
    case "MIN":
    case "MAX": {
      const ns = flat(args).filter((v): v is number => typeof v === "number");
      return ns.length ? (name === "MIN" ? Math.min(...ns) : Math.max(...ns)) : 0;
    }
    case "ABS": {
      const x = toNumber(scalar(args[0]));
      return err(x) ? x : Math.abs(x);
    }
    case "OR":
    case "AND":
      return orAnd(name === "OR", args);
    case "NOT": {
      const v = scalar(args[0]);
      return err(v) ? v : !v;
    }
    case "NUMBERVALUE":
      return numberValueOf(args[0], args[1], args[2]);
    case "SUBSTITUTE": {
      const t = scalar(args[0]);
      const from = scalar(args[1]);
      const to = scalar(args[2] ?? "");
      if (err(t)) return t;
      if (err(from)) return from;
      if (err(to)) return to;
      const text = typeof t === "number" ? String(t) : String(t ?? "");
      const old = String(from ?? "");
      return old === "" ? text : text.split(old).join(String(to ?? ""));
    }
    case "VALUE":
      return numberValue(scalar(args[0]));
    case "ISNUMBER":
      return typeof scalar(args[0]) === "number";
    case "ISTEXT": {
      const v = scalar(args[0]);
      return typeof v === "string" && v !== "";
    }
    case "IFERROR": {
      const v = scalar(args[0]);
      return err(v) ? scalar(args[1] ?? "") : v;
    }
    default:
      throw new UnsupportedFormula(`function ${name}`);
  }
}
