/**
 * A formula compiled once into a tree of closures (formula.ts caches them by text or by shape). The
 * compiler is the recursive-descent reading core's evaluator always had, run once: each closure does what
 * that reading did when it met the same tokens — the same cells read in the same order (IF reads both
 * branches), the same values and errors, the same UnsupportedFormula at the same point (a formula the
 * reading rejects halfway still reads the cells before that point first). Pure.
 */
import type { CellValue } from "./types";
import {
  compare,
  err,
  FormulaError,
  callFunction,
  numberValueOf,
  orAnd,
  round,
  scalar,
  toNumber,
  UnsupportedFormula,
  type Arg,
  type Scalar,
} from "./formulaValues";
import { tokenize, type Token } from "./formulaTokens";

export type CellGetter = (sheet: string | null, row: number, col: number) => CellValue;
/** A compiled formula: its value given the cells (`get`), its default sheet and its row (for offsets). */
export type Compiled = (get: CellGetter, sheet: string | null, row: number) => CellValue;
type Node = (get: CellGetter, sheet: string | null, row: number) => Arg;

/** A reading that stops: the message of the UnsupportedFormula it throws. */
class ParseFail {
  constructor(readonly message: string) {}
}

/** How a reference token's rows are found at run time: relative ones are offsets from the formula's row. */
interface RefRows {
  rel1: boolean;
  at1: number;
  rel2: boolean;
  at2: number;
}

/**
 * Compiles `formula` ("=ROUND(C5-D5,2)"). `marks` (start, end pairs, shapeKey's) are the row numbers that
 * are offsets from `row`: the compiled formula reads them at `row` plus that offset, every other number
 * as written. Null when a mark is not a reference's row (the shape cannot be trusted); throws
 * UnsupportedFormula when the text cannot be read into tokens at all.
 */
export function compileFormula(formula: string, marks: readonly number[], row: number): Compiled | null {
  const src = formula.replace(/^=/, "");
  const spans: number[] = [];
  const tokens = tokenize(src, spans, formula.length - src.length);
  const refs = new Map<number, RefRows>();
  let matched = 0;
  const relative = (start: number, end: number) => {
    for (let m = 0; m < marks.length; m += 2)
      if (marks[m] === start && marks[m + 1] === end) return (matched++, true);
    return false;
  };
  for (let t = 0, k = 0; t < tokens.length; t++) {
    if (tokens[t].t !== "ref") continue;
    const [s1, e1, s2, e2] = spans.slice(4 * k, 4 * ++k);
    const v1 = parseInt(formula.slice(s1, e1), 10) - 1;
    const rel1 = relative(s1, e1);
    const v2 = s2 < 0 ? v1 : parseInt(formula.slice(s2, e2), 10) - 1;
    const rel2 = s2 < 0 ? rel1 : relative(s2, e2);
    refs.set(t, { rel1, at1: rel1 ? v1 - row : v1, rel2, at2: rel2 ? v2 - row : v2 });
  }
  if (matched !== marks.length / 2) return null;
  return compileTokens(tokens, refs);
}

function compileTokens(tokens: Token[], refs: Map<number, RefRows>): Compiled {
  let pos = 0;
  // The closures read so far and not yet taken into a bigger one: what the reading has evaluated when it stops.
  const done: Node[] = [];
  const pop = () => done.pop()!;
  const isOp = (v: string) => {
    const tk = tokens[pos];
    return tk?.t === "op" && tk.v === v;
  };
  const expect = (v: string) => {
    if (!isOp(v)) throw new ParseFail(`expected ${v}`);
    pos++;
  };
  const comparison = (): void => {
    additive();
    for (const op of ["=", "<>", "<=", ">=", "<", ">"]) {
      if (isOp(op)) {
        pos++;
        additive();
        const b = pop();
        const a = pop();
        done.push((g, s, p) => {
          const x = scalar(a(g, s, p));
          return compare(x, scalar(b(g, s, p)), op);
        });
        return;
      }
    }
  };
  const additive = (): void => {
    term();
    while (isOp("+") || isOp("-") || isOp("&")) {
      const op = (tokens[pos++] as { v: string }).v;
      term();
      const b = pop();
      const a = pop();
      done.push(op === "&" ? concat(a, b) : op === "+" ? plus(a, b) : minus(a, b));
    }
  };
  const term = (): void => {
    primary();
    while (isOp("*") || isOp("/")) {
      const op = (tokens[pos++] as { v: string }).v;
      // The left operand is a number before the right one is read.
      const a = pop();
      done.push((g, s, p) => {
        const v = a(g, s, p);
        toNumber(scalar(v));
        return v;
      });
      primary();
      const b = pop();
      pop();
      done.push(op === "*" ? times(a, b) : divide(a, b));
    }
  };
  const primary = (): void => {
    const at = pos;
    const tk = tokens[pos++];
    if (!tk) throw new ParseFail("unexpected end");
    if (tk.t === "num" || tk.t === "str") {
      const v = tk.v;
      return void done.push(() => v);
    }
    if (tk.t === "ref") return void done.push(reference(tk, refs.get(at)!));
    if (tk.t === "fn") {
      expect("(");
      if (tk.v === "IF") {
        comparison();
        expect(",");
        comparison();
        let n = 2;
        if (isOp(",")) {
          pos++;
          comparison();
          n = 3;
        }
        expect(")");
        const elseV = n === 3 ? pop() : null;
        const thenV = pop();
        const cond = pop();
        return void done.push(ifNode(cond, thenV, elseV));
      }
      let n = 0;
      if (!isOp(")")) {
        comparison();
        n++;
        while (isOp(",")) {
          pos++;
          comparison();
          n++;
        }
      }
      expect(")");
      return void done.push(call(tk.v, done.splice(done.length - n, n)));
    }
    if (tk.v === "(") {
      comparison();
      return expect(")");
    }
    if (tk.v === "-") {
      primary();
      const a = pop();
      return void done.push((g, s, p) => {
        const v = toNumber(scalar(a(g, s, p)));
        return err(v) ? v : -v;
      });
    }
    if (tk.v === "+") return primary();
    throw new ParseFail(`unexpected ${tk.v}`);
  };
  let root: Node;
  try {
    comparison();
    if (pos !== tokens.length) throw new ParseFail("trailing input");
    root = pop();
  } catch (e) {
    if (!(e instanceof ParseFail)) throw e;
    const effects = [...done];
    const message = e.message;
    return (g, s, p) => {
      for (const n of effects) n(g, s, p);
      throw new UnsupportedFormula(message);
    };
  }
  return (g, s, p) => {
    const result = scalar(root(g, s, p));
    if (err(result)) return result.code;
    if (typeof result === "number") return Number.isFinite(result) ? result : "#NUM!";
    return result;
  };
}

function reference(tk: Extract<Token, { t: "ref" }>, rows: RefRows): Node {
  const { sheet: sh, c1, c2 } = tk;
  const { rel1, at1, rel2, at2 } = rows;
  if (rel1 === rel2 && at1 === at2 && c1 === c2) {
    return rel1 ? (g, s, p) => g(sh ?? s, p + at1, c1) : (g, s) => g(sh ?? s, at1, c1);
  }
  return (g, s, p) => {
    const a = rel1 ? p + at1 : at1;
    const b = rel2 ? p + at2 : at2;
    const r1 = Math.min(a, b);
    const r2 = Math.max(a, b);
    const name = sh ?? s;
    if (r1 === r2 && c1 === c2) return g(name, r1, c1);
    const vals: Scalar[] = [];
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) vals.push(g(name, r, c));
    return vals;
  };
}

const times =
  (a: Node, b: Node): Node =>
  (g, s, p) => {
    const x = toNumber(scalar(a(g, s, p)));
    const y = toNumber(scalar(b(g, s, p)));
    if (err(x)) return x;
    if (err(y)) return y;
    return x * y;
  };

const divide =
  (a: Node, b: Node): Node =>
  (g, s, p) => {
    const x = toNumber(scalar(a(g, s, p)));
    const y = toNumber(scalar(b(g, s, p)));
    if (err(x)) return x;
    if (err(y)) return y;
    return y === 0 ? new FormulaError("#DIV/0!") : x / y;
  };

const plus =
  (a: Node, b: Node): Node =>
  (g, s, p) => {
    const av = a(g, s, p);
    const bv = b(g, s, p);
    const x = toNumber(scalar(av));
    const y = toNumber(scalar(bv));
    return err(x) ? x : err(y) ? y : x + y;
  };

const minus =
  (a: Node, b: Node): Node =>
  (g, s, p) => {
    const av = a(g, s, p);
    const bv = b(g, s, p);
    const x = toNumber(scalar(av));
    const y = toNumber(scalar(bv));
    return err(x) ? x : err(y) ? y : x - y;
  };

const concat =
  (a: Node, b: Node): Node =>
  (g, s, p) => {
    const av = a(g, s, p);
    const bv = b(g, s, p);
    const x = scalar(av);
    const y = scalar(bv);
    return err(x) ? x : err(y) ? y : `${x ?? ""}${y ?? ""}`;
  };

/** IF: both branches are evaluated; the one not taken is discarded with its errors, as in Excel. */
function ifNode(cond: Node, thenV: Node, elseV: Node | null): Node {
  return (g, s, p) => {
    const c0 = scalar(cond(g, s, p));
    const t = thenV(g, s, p);
    const e = elseV ? elseV(g, s, p) : false;
    if (err(c0)) return c0;
    const c = typeof c0 === "string" ? c0.toLowerCase() === "true" : Boolean(c0);
    return c ? t : e;
  };
}

/** A function call: its arguments in order, then the function (TRUE() and FALSE() are constants). */
function call(name: string, args: Node[]): Node {
  const [a0, a1, a2] = args;
  if (name === "ROUND" && args.length === 2) return (g, s, p) => round(a0(g, s, p), a1(g, s, p));
  if (name === "NUMBERVALUE" && args.length === 3)
    return (g, s, p) => numberValueOf(a0(g, s, p), a1(g, s, p), a2(g, s, p));
  if (name === "NUMBERVALUE" && args.length === 1)
    return (g, s, p) => numberValueOf(a0(g, s, p), undefined, undefined);
  const n = args.length;
  const values = (g: CellGetter, s: string | null, p: number): Arg[] => {
    const vs = new Array<Arg>(n);
    for (let i = 0; i < n; i++) vs[i] = args[i](g, s, p);
    return vs;
  };
  if (name === "TRUE" || name === "FALSE") {
    const v = name === "TRUE";
    return (g, s, p) => (values(g, s, p), v);
  }
  if (name === "OR" || name === "AND") {
    const isOr = name === "OR";
    return (g, s, p) => orAnd(isOr, values(g, s, p));
  }
  return (g, s, p) => callFunction(name, values(g, s, p));
}
