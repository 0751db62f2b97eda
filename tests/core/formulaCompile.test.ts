/**
 * The compiled evaluator (formula.ts over formulaCompile.ts) against today's interpreter kept as the
 * oracle (tests/support/formulaOracle.ts): random formulas from a grammar, evaluated at random rows over
 * random cell grids, must give the same value, the same thrown error and the same cells read in the same
 * order — by text, and by shape (the row given), where formulas that differ by row share a compilation.
 */
import { evaluateFormula, UnsupportedFormula } from "../../src/core/formula";
import { shapeKey } from "../../src/core/formulaTokens";
import { compileFormula } from "../../src/core/formulaCompile";
import { evaluateFormulaOracle } from "../support/formulaOracle";
import type { CellValue } from "../../src/core/types";
import { rng } from "../support/seeded";

/** A formula template: its text at a given row (0-based) of the formula cell. */
type Template = (row: number) => string;

function grammar(rand: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const int = (n: number) => Math.floor(rand() * n);
  const lit =
    (s: string): Template =>
    () =>
      s;
  const join =
    (...parts: Template[]): Template =>
    (row) =>
      parts.map((p) => p(row)).join("");
  // Ranges stay small (columns A to D); far columns appear in single cells.
  const col = () => pick(["A", "B", "C", "D", "c"]);
  const farCol = () => pick(["A", "B", "C", "D", "c", "AB", "XFD", "ZZ", "$D"]);
  /** A row part: relative (an offset from the formula's row), or fixed with "$", or a plain fixed number. */
  const rowPart = (): Template => {
    const k = rand();
    if (k < 0.6) {
      const off = int(7) - 3;
      return (row) => String(Math.max(0, row + off + 1));
    }
    if (k < 0.8) return lit(`$${1 + int(9)}`);
    if (k < 0.9) return lit(`0${1 + int(9)}`);
    return lit(String(1 + int(12)));
  };
  const sheet = () => pick(["", "", "", "Sheet1!", "Other!", "'My ''x'' 5'!", "'A1'!", "s.2!", "Missing!"]);
  const cell = (): Template => join(lit(rand() < 0.2 ? "$" : ""), lit(col()), rowPart());
  const ref = (): Template => {
    const s = sheet();
    if (rand() < 0.25) return join(lit(s), cell(), lit(":"), cell());
    return join(lit(s), lit(farCol()), rowPart());
  };
  const str = () =>
    pick([
      '","',
      '"."',
      '" "',
      '"1"',
      '""',
      '"A5"',
      '"x""C7""y"',
      '"12,5"',
      '"=B3"',
      '"Sheet1!A1"',
      '"true"',
      '"50%"',
      '" 1.234,5 "',
    ]);
  const num = () => pick(["0", "1", "2", "100", "0.5", "1e3", "2.5E-1", "007", "1.", "3e"]);
  const fns = [
    "ROUND",
    "SUM",
    "COUNT",
    "MIN",
    "MAX",
    "ABS",
    "OR",
    "AND",
    "NOT",
    "NUMBERVALUE",
    "_xlfn.NUMBERVALUE",
    "SUBSTITUTE",
    "VALUE",
    "ISNUMBER",
    "ISTEXT",
    "IFERROR",
    "TRUE",
    "FALSE",
    "round",
    "LOG10",
    "FOO",
    "IF",
  ];
  const expr = (depth: number): Template => {
    const k = depth > 3 ? rand() * 0.45 : rand();
    if (k < 0.2) return ref();
    if (k < 0.3) return lit(num());
    if (k < 0.4) return lit(str());
    if (k < 0.45) return lit(pick(["TRUE()", "FALSE()", "#REF!", "A1:", "'x'!", "B2C3"]));
    if (k < 0.55) return join(lit(pick(["-", "+", "--"])), expr(depth + 1));
    if (k < 0.62) return join(lit("("), expr(depth + 1), lit(")"));
    if (k < 0.82) {
      const op = pick(["+", "-", "*", "/", "&", "=", "<>", "<", ">", "<=", ">=", "^", "%", " * "]);
      return join(expr(depth + 1), lit(op), expr(depth + 1));
    }
    const name = pick(fns);
    const n = name === "IF" ? 2 + int(2) : int(4);
    const args: Template[] = [];
    for (let i = 0; i < n; i++) args.push(expr(depth + 1));
    return (row) => `${name}(${args.map((a) => a(row)).join(",")})`;
  };
  /** A formula, sometimes broken: a character dropped, doubled or added. */
  const formula = (): Template => {
    const body = expr(0);
    const k = rand();
    if (k < 0.85) return join(lit(rand() < 0.9 ? "=" : ""), body);
    const at = rand();
    const extra = pick([",", ")", "(", '"', "$", "!", ":", "1", "A", " "]);
    return (row) => {
      const t = `=${body(row)}`;
      const i = Math.floor(at * t.length);
      if (k < 0.9) return t.slice(0, i) + t.slice(i + 1);
      if (k < 0.95) return t.slice(0, i) + extra + t.slice(i);
      return t.slice(0, i);
    };
  };
  return { formula };
}

function grid(rand: () => number): Map<string, CellValue> {
  const values: CellValue[] = [
    null,
    null,
    0,
    1,
    -2.5,
    100,
    "",
    "abc",
    "12,5",
    "1.234,5",
    " 7 ",
    "TRUE",
    "true",
  ];
  const more: CellValue[] = [true, false, "50%", "0", "#N/A", "A5", 1e308, 3];
  const m = new Map<string, CellValue>();
  for (const s of ["S", "Sheet1", "Other", "My 'x' 5", "A1", "s.2"])
    for (let r = 0; r < 40; r++)
      for (let c = 0; c < 30; c++) {
        if (rand() < 0.3) continue;
        m.set(
          `${s}|${r}|${c}`,
          rand() < 0.8 ? values[Math.floor(rand() * values.length)] : more[Math.floor(rand() * more.length)],
        );
      }
  return m;
}

interface Outcome {
  value?: CellValue;
  error?: string;
  reads: string[];
}

type Getter = (s: string | null, r: number, c: number) => CellValue;

function run(evaluate: (get: Getter) => CellValue, cells: Map<string, CellValue>, reader?: Getter): Outcome {
  const reads: string[] = [];
  const get = (s: string | null, r: number, c: number): CellValue => {
    reads.push(`${s}|${r}|${c}`);
    if (reader) return reader(s, r, c);
    // As evaluateUncached's reader: another sheet is beyond the evaluator.
    if (s === "Missing") throw new UnsupportedFormula(`sheet ${s}`);
    // A reader that breaks its contract (undefined) must break both evaluators the same way.
    return s === "s.2" ? (cells.get(`${s}|${r}|${c}`) as CellValue) : (cells.get(`${s}|${r}|${c}`) ?? null);
  };
  try {
    return { value: evaluate(get), reads };
  } catch (e) {
    const name = e instanceof UnsupportedFormula ? "UnsupportedFormula" : (e as Error).constructor.name;
    return { error: `${name}: ${e instanceof UnsupportedFormula ? e.message : ""}`, reads };
  }
}

describe("compiled formulas against the interpreter (oracle)", () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])("random formulas, seed %i: same value, error and cells read", (seed) => {
    const rand = rng(seed);
    const g = grammar(rand);
    const cells = grid(rand);
    let unsupported = 0;
    let values = 0;
    let shaped = 0;
    for (let i = 0; i < 400; i++) {
      const t = g.formula();
      const sheet = rand() < 0.2 ? null : "S";
      // Rows far apart and near: shapes are shared between them (the first compiles, the others reuse).
      for (const row of [5 + Math.floor(rand() * 30), 3 + Math.floor(rand() * 30), 20]) {
        const text = t(row);
        const want = run((get) => evaluateFormulaOracle(text, get, sheet), cells);
        const byShape = run((get) => evaluateFormula(text, get, sheet, row), cells);
        const byText = run((get) => evaluateFormula(text, get, sheet), cells);
        expect({ text, row, ...byShape }).toEqual({ text, row, ...want });
        expect({ text, row, ...byText }).toEqual({ text, row, ...want });
        // The scan finds exactly the tokenizer's references: no shape is refused for disagreeing.
        const marks: number[] = [];
        if (shapeKey(text, row, marks) !== null && marks.length > 0) {
          let compiled: unknown = "tokenizer refused";
          try {
            compiled = compileFormula(text, marks, row);
          } catch (e) {
            if (!(e instanceof UnsupportedFormula)) throw e;
          }
          expect({ text, shaped: compiled !== null }).toEqual({ text, shaped: true });
          if (compiled !== "tokenizer refused") shaped++;
        }
        if (want.error?.startsWith("UnsupportedFormula")) unsupported++;
        else if (!want.error) values++;
      }
    }
    // The grammar reaches both kinds of outcome in earnest.
    expect(unsupported).toBeGreaterThan(100);
    expect(values).toBeGreaterThan(300);
    expect(shaped).toBeGreaterThan(300);
  });

  it.each(["=A1*", "=A1*)", "=1+A1/(", "=ROUND(A1,B1", "=IF(A1,B1", "=A1+B1 C1", "=ROUND(A1)*FOO(B1)+"])(
    "%s: a reading that stops halfway reads the cells before that point first, as the interpreter did",
    (text) => {
      for (const value of [2, undefined]) {
        const get = (s: string | null, r: number, c: number) => (r === 0 && c === 0 ? value : 1) as CellValue;
        const want = run((g) => evaluateFormulaOracle(text, g, "S"), new Map(), get);
        expect(run((g) => evaluateFormula(text, g, "S", 0), new Map(), get)).toEqual(want);
        expect(want.reads.length).toBeGreaterThan(0);
      }
    },
  );

  it("reads number text as the interpreter did, whatever the separators", () => {
    const texts = ["12,5", "1.5", ",5", "5,", ",", ".", "12,5,1", "1.234,5", "1,234.5", "007", "1e3", "-5"];
    const more = [
      "+5",
      " 7 ",
      "50%",
      "5%%",
      "1 000,5",
      "",
      "abc",
      "1.2.3",
      "١٢",
      "9".repeat(310),
      "12.",
      "0,0",
    ];
    const seps = [",", ".", " ", "", "%", "1", "12", ",.", "x", null, 3];
    const cells = new Map<string, CellValue>();
    let n = 0;
    for (const t of [...texts, ...more])
      for (const dec of seps)
        for (const group of seps) {
          cells.set(`S|${n}|0`, t);
          cells.set(`S|${n}|1`, dec);
          cells.set(`S|${n}|2`, group);
          const text = `=NUMBERVALUE(A${n + 1},B${n + 1},C${n + 1})`;
          const want = run((get) => evaluateFormulaOracle(text, get, "S"), cells);
          expect({ t, dec, group, ...run((get) => evaluateFormula(text, get, "S", n), cells) }).toEqual({
            t,
            dec,
            group,
            ...want,
          });
          n++;
        }
  });

  it.each([
    "=AND(A1:B1,C1)",
    "=OR(A1:B1,C1)",
    "=AND(A1,B1/C1)",
    "=OR(A1:C1)",
    "=AND(A1:A1,1/B1,C1)",
    "=ROUND(A1,B1)",
    "=ROUND(A1*C1,B1,C1)",
    "=ROUND(A1)",
    "=NUMBERVALUE(A1,B1)",
    "=_xlfn.NUMBERVALUE(A1,B1,C1)",
    "=IF(A1,B1,C1)&IF(A1,B1)",
  ])("%s over every mix of values: as the interpreter did", (text) => {
    const vals: CellValue[] = [true, false, 0, 2, 2.25, "TRUE", "false", "", null, "x", "2,5", ","];
    for (const a of vals)
      for (const b of vals)
        for (const c of vals) {
          const cells = new Map<string, CellValue>([
            ["S|0|0", a],
            ["S|0|1", b],
            ["S|0|2", c],
          ]);
          const want = run((get) => evaluateFormulaOracle(text, get, "S"), cells);
          expect({ a, b, c, ...run((get) => evaluateFormula(text, get, "S", 0), cells) }).toEqual({
            a,
            b,
            c,
            ...want,
          });
        }
  });

  it("gives the row its value whatever row the caller names (the row only shares compilations)", () => {
    const cells = new Map<string, CellValue>([
      ["S|4|2", 10],
      ["S|4|3", 4],
      ["S|9|2", 7],
      ["S|9|3", 2],
    ]);
    const get = (s: string | null, r: number, c: number) => cells.get(`${s}|${r}|${c}`) ?? null;
    expect(evaluateFormula("=ROUND(C5-D5,2)", get, "S", 4)).toBe(6);
    expect(evaluateFormula("=ROUND(C10-D10,2)", get, "S", 9)).toBe(5);
    expect(evaluateFormula("=ROUND(C10-D10,2)", get, "S", 4)).toBe(5);
    expect(evaluateFormula('="C5"&C5', get, "S", 4)).toBe("C510");
    expect(evaluateFormula('="C10"&C10', get, "S", 9)).toBe("C107");
    // A row that is no integer shares nothing (NaN offsets would make every row number alike).
    expect(evaluateFormula("=C5-D5", get, "S", NaN)).toBe(6);
    expect(evaluateFormula("=C10-D10", get, "S", NaN)).toBe(5);
    expect(evaluateFormula("=C10-D10", get, "S", Infinity)).toBe(5);
    expect(evaluateFormula("=C5-D5", get, "S", Infinity)).toBe(6);
    // A mixed range: single cell on one row, two cells (a #VALUE! for ROUND) on the next.
    expect(evaluateFormula("=ROUND(C$5:C5,0)", get, "S", 4)).toBe(10);
    expect(evaluateFormula("=ROUND(C$5:C6,0)", get, "S", 5)).toBe("#VALUE!");
  });
});

describe("shapeKey", () => {
  const marks: number[] = [];
  const key = (f: string, row: number) => shapeKey(f, row, marks);

  it("writes relative rows as offsets from the formula's row, so a column of formulas shares one key", () => {
    expect(key("=ROUND(C5-D5,2)", 4)).toBe(key("=ROUND(C6-D6,2)", 5));
    expect(key('=IF(C5=0,"",ROUND(D5/C5*100,2))', 4)).toBe(key('=IF(C900=0,"",ROUND(D900/C900*100,2))', 899));
    expect(key("=Sheet1!C5+'My x'!D4:E6", 4)).toBe(key("=Sheet1!C7+'My x'!D6:E8", 6));
    expect(key("=ROUND(C5-D5,2)", 4)).not.toBe(key("=ROUND(C6-D5,2)", 5));
  });

  it("keeps fixed rows, numbers, strings and function names as written", () => {
    expect(key("=C$5+C5", 4)).not.toBe(key("=C$6+C6", 5));
    expect(key('="C5"&C5', 4)).not.toBe(key('="C6"&C6', 5));
    expect(key("=LOG10(5)+A5", 4)).not.toBe(key("=LOG10(6)+A6", 5));
    expect(key("=_xlfn.NUMBERVALUE(C5)", 4)).toBe(key("=_xlfn.NUMBERVALUE(C6)", 5));
    expect(key("=5+A5", 4)).not.toBe(key("=6+A6", 5));
    expect(key("='Q5'!A5", 4)).not.toBe(key("='Q6'!A6", 5));
  });

  it("marks where the relative rows are, and gives up where the tokenizer would", () => {
    expect(key("=A12+$B$3+C7:D9", 0)).not.toBeNull();
    expect(marks).toEqual([2, 4, 11, 12, 14, 15]);
    expect(key("=A1+#REF!", 0)).toBeNull();
    expect(key("=A1+\u0001", 0)).toBeNull();
  });
});
