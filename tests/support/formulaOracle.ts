/**
 * Today's formula evaluator (src/core/formula.ts before issue 14's compiler), kept verbatim as the oracle
 * the compiled evaluator is tested against: the tokenizer, the functions and the recursive-descent
 * interpreter that re-parses the tokens at every evaluation. Test support only.
 */
import type { CellValue } from "../../src/core/types";
import { columnIndex } from "../../src/core/address";
import { FormulaError, UnsupportedFormula, type CellGetter } from "../../src/core/formula";

type Scalar = number | string | boolean | null | FormulaError;
type Arg = Scalar | Scalar[];

type Token =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; sheet: string | null; c1: number; r1: number; c2: number; r2: number }
  | { t: "fn"; v: string }
  | { t: "op"; v: string };

const REF_SOURCE = String.raw`(?:('(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?`;
// Sticky regexes for the tokenizer: match at a position without slicing the formula.
const REF_AT = new RegExp(REF_SOURCE, "y");
const NUM_AT = /\d+(\.\d+)?([eE][+-]?\d+)?/y;
const FN_AT = /([A-Za-z_][A-Za-z0-9._]*)\(/y;
/** Operator and function-name tokens are shared: token lists only read them. */
const OPS = new Map<string, Token>(
  ["<>", "<=", ">=", ..."-+*/&=<>(),^%"].map((v) => [v, { t: "op", v }] as [string, Token]),
);
const FNS = new Map<string, Token>();

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === " " || ch === "\n" || ch === "\t" || ch === "\r") {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = "";
      while (j < src.length) {
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      out.push({ t: "str", v: s });
      i = j + 1;
      continue;
    }
    const code = src.charCodeAt(i);
    const digit = code >= 48 && code <= 57;
    NUM_AT.lastIndex = i;
    const num = digit ? NUM_AT.exec(src) : null;
    if (num) {
      out.push({ t: "num", v: parseFloat(num[0]) });
      i += num[0].length;
      continue;
    }
    // Names and references start with a letter, "_", "$" or "'" (a quoted sheet name).
    const word = !digit && /[A-Za-z_$']/.test(ch);
    FN_AT.lastIndex = i;
    const fn = word ? FN_AT.exec(src) : null;
    if (fn) {
      let tok = FNS.get(fn[1]);
      // Files store newer functions as _xlfn.NUMBERVALUE: the name is the same function.
      if (!tok) FNS.set(fn[1], (tok = { t: "fn", v: fn[1].toUpperCase().replace(/^_XLFN\./, "") }));
      out.push(tok);
      i += fn[1].length;
      continue;
    }
    REF_AT.lastIndex = i;
    const ref = word ? REF_AT.exec(src) : null;
    if (ref) {
      const sheet = ref[1] ? ref[1].replace(/^'|'$/g, "").replace(/''/g, "'") : null;
      const c1 = columnIndex(ref[2]);
      const r1 = parseInt(ref[3], 10) - 1;
      const c2 = ref[4] ? columnIndex(ref[4]) : c1;
      const r2 = ref[5] ? parseInt(ref[5], 10) - 1 : r1;
      out.push({
        t: "ref",
        sheet,
        c1: Math.min(c1, c2),
        r1: Math.min(r1, r2),
        c2: Math.max(c1, c2),
        r2: Math.max(r1, r2),
      });
      i += ref[0].length;
      continue;
    }
    const two = src.slice(i, i + 2);
    const op = OPS.get(two === "<>" || two === "<=" || two === ">=" ? two : ch);
    if (op) {
      out.push(op);
      i += (op as { v: string }).v.length;
      continue;
    }
    throw new UnsupportedFormula(`cannot read «${src.slice(i, i + 10)}»`);
  }
  return out;
}

const err = (v: unknown): v is FormulaError => v instanceof FormulaError;

function toNumber(v: Scalar): number | FormulaError {
  if (err(v)) return v;
  if (v === null || v === "") return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v;
  const n = Number(v.trim());
  return v.trim() !== "" && Number.isFinite(n) ? n : new FormulaError("#VALUE!");
}

function excelRound(x: number, digits: number): number {
  const f = Math.pow(10, digits);
  const y = Math.abs(x) * f;
  const r = Math.round(y + 1e-9 * Math.max(1, y)) / f;
  return x < 0 ? -r : r;
}

function compare(a: Scalar, b: Scalar, op: string): Scalar {
  if (err(a)) return a;
  if (err(b)) return b;
  const norm = (v: Scalar) => (v === null ? "" : v);
  let x = norm(a);
  let y = norm(b);
  if (a === null && typeof b === "number") x = 0;
  if (b === null && typeof a === "number") y = 0;
  let c: number;
  if (typeof x === "number" && typeof y === "number") c = x - y;
  else if (typeof x === "string" && typeof y === "string")
    c = x.toLowerCase() < y.toLowerCase() ? -1 : x.toLowerCase() > y.toLowerCase() ? 1 : 0;
  else if (typeof x === typeof y) c = Number(x) - Number(y);
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

function numberValue(text: Scalar, dec = ".", group = ","): Scalar {
  if (err(text)) return text;
  if (text === null || text === "") return 0;
  if (typeof text === "number") return text;
  if (typeof text === "boolean") return new FormulaError("#VALUE!");
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

const flat = (args: Arg[]): Scalar[] => args.flatMap((a) => (Array.isArray(a) ? a : [a]));
const scalar = (a: Arg): Scalar =>
  Array.isArray(a) ? (a.length === 1 ? a[0] : new FormulaError("#VALUE!")) : a;

function callFunction(name: string, args: Arg[]): Scalar {
  switch (name) {
    case "ROUND": {
      const x = toNumber(scalar(args[0]));
      const d = toNumber(scalar(args[1] ?? 0));
      if (err(x)) return x;
      if (err(d)) return d;
      return excelRound(x, d);
    }
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
    case "AND": {
      const vs = flat(args);
      const e = vs.find(err);
      if (e) return e;
      const bs = vs
        .filter((v) => v !== null && v !== "")
        .map((v) => (typeof v === "string" ? v.toLowerCase() === "true" : Boolean(v)));
      return name === "OR" ? bs.some(Boolean) : bs.every(Boolean);
    }
    case "NOT": {
      const v = scalar(args[0]);
      return err(v) ? v : !v;
    }
    case "NUMBERVALUE": {
      const dec = args[1] !== undefined ? String(scalar(args[1]) ?? ".") : ".";
      const grp = args[2] !== undefined ? String(scalar(args[2]) ?? ",") : ",";
      return numberValue(scalar(args[0]), dec, grp);
    }
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

/** Token lists by formula text: workbooks are recalculated more than once with the same formulas. */
const TOKENS = new Map<string, Token[]>();

/** Evaluates a formula ("=ROUND(C5-D5,2)"); errors come back as Excel shows them ("#VALUE!"). */
export function evaluateFormulaOracle(
  formula: string,
  get: CellGetter,
  sheet: string | null = null,
): CellValue {
  let tokens = TOKENS.get(formula);
  if (!tokens) {
    if (TOKENS.size >= 100_000) TOKENS.clear();
    TOKENS.set(formula, (tokens = tokenize(formula.replace(/^=/, ""))));
  }
  let pos = 0;
  const peek = () => tokens[pos];
  const isOp = (v: string) => peek()?.t === "op" && (peek() as { v: string }).v === v;
  const expect = (v: string) => {
    if (!isOp(v)) throw new UnsupportedFormula(`expected ${v}`);
    pos++;
  };
  const lazyIf = (): Arg => {
    // Both branches are parsed; the one not taken is discarded with its errors, as in Excel.
    const cond = scalar(comparison());
    expect(",");
    const thenV = comparison();
    let elseV: Arg = false;
    if (isOp(",")) {
      pos++;
      elseV = comparison();
    }
    if (err(cond)) return cond;
    const c = typeof cond === "string" ? cond.toLowerCase() === "true" : Boolean(cond);
    return c ? thenV : elseV;
  };
  const primary = (): Arg => {
    const tk = tokens[pos++];
    if (!tk) throw new UnsupportedFormula("unexpected end");
    if (tk.t === "num") return tk.v;
    if (tk.t === "str") return tk.v;
    if (tk.t === "ref") {
      const s = tk.sheet ?? sheet;
      if (tk.r1 === tk.r2 && tk.c1 === tk.c2) return get(s, tk.r1, tk.c1);
      const vals: Scalar[] = [];
      for (let r = tk.r1; r <= tk.r2; r++) for (let c = tk.c1; c <= tk.c2; c++) vals.push(get(s, r, c));
      return vals;
    }
    if (tk.t === "fn") {
      expect("(");
      if (tk.v === "IF") {
        const v = lazyIf();
        expect(")");
        return v;
      }
      const args: Arg[] = [];
      if (!isOp(")")) {
        args.push(comparison());
        while (isOp(",")) {
          pos++;
          args.push(comparison());
        }
      }
      expect(")");
      if (tk.v === "TRUE") return true;
      if (tk.v === "FALSE") return false;
      return callFunction(tk.v, args);
    }
    if (tk.v === "(") {
      const v = comparison();
      expect(")");
      return v;
    }
    if (tk.v === "-") {
      const v = toNumber(scalar(primary()));
      return err(v) ? v : -v;
    }
    if (tk.v === "+") return primary();
    throw new UnsupportedFormula(`unexpected ${tk.v}`);
  };
  const term = (): Arg => {
    let a = primary();
    while (isOp("*") || isOp("/")) {
      const op = (tokens[pos++] as { v: string }).v;
      const x = toNumber(scalar(a));
      const y = toNumber(scalar(primary()));
      if (err(x)) a = x;
      else if (err(y)) a = y;
      else if (op === "/" && y === 0) a = new FormulaError("#DIV/0!");
      else a = op === "*" ? x * y : x / y;
    }
    return a;
  };
  const additive = (): Arg => {
    let a = term();
    while (isOp("+") || isOp("-") || isOp("&")) {
      const op = (tokens[pos++] as { v: string }).v;
      const b = term();
      if (op === "&") {
        const x = scalar(a);
        const y = scalar(b);
        a = err(x) ? x : err(y) ? y : `${x ?? ""}${y ?? ""}`;
        continue;
      }
      const x = toNumber(scalar(a));
      const y = toNumber(scalar(b));
      a = err(x) ? x : err(y) ? y : op === "+" ? x + y : x - y;
    }
    return a;
  };
  const comparison = (): Arg => {
    const a = additive();
    for (const op of ["=", "<>", "<=", ">=", "<", ">"]) {
      if (isOp(op)) {
        pos++;
        return compare(scalar(a), scalar(additive()), op);
      }
    }
    return a;
  };
  const result = scalar(comparison());
  if (pos !== tokens.length) throw new UnsupportedFormula("trailing input");
  if (err(result)) return result.code;
  if (typeof result === "number") return Number.isFinite(result) ? result : "#NUM!";
  return result;
}
