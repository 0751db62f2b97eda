// The model evaluates a row formula by its object (one closure compiled per object), not by its text: the
// same values, errors and cells read as the texts it writes, evaluated by evaluateFormula. Differential: random
// row formulas over random grids, written once as row formulas and once as their texts, through the same ops.
import type { CellInput, CellValue, Op, WorkbookSnapshot } from "../../src/core";
import { formulaTextAt, rowFormula, WorkbookModel } from "../../src/core";
import * as formula from "../../src/core/formula";
import { readRowFormula } from "../../src/core/rowFormulaRead";
import { rng } from "../support/seeded";

/** Where a generated formula has its row number. */
const ROW = "\u0001";
/** Columns the grids fill (A to E) and the columns row formulas go to (F to H). */
const DATA_COLS = 5;
const FORMULA_COLS = [5, 6, 7];

function generator(rand: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const int = (n: number) => Math.floor(rand() * n);
  const col = () => pick(["A", "B", "C", "D", "E", "F", "G", "H", "$B", "c"]);
  // The own row (a join point), or a fixed one.
  const cell = () => (rand() < 0.75 ? `${col()}${ROW}` : `${col()}$${1 + int(12)}`);
  const ref = () => {
    const sheet = pick(["", "", "", "", "S!", "'S'!", "Other!"]);
    return rand() < 0.2 ? `${sheet}${cell()}:${cell()}` : `${sheet}${cell()}`;
  };
  const str = () => pick(['""', '","', '"."', '"12,5"', '" 1.234,5 "', '"x"', '"1"']);
  const num = () => pick(["0", "1", "2", "100", "0.5", "1e3"]);
  const fns = [
    "ROUND",
    "SUM",
    "COUNT",
    "ABS",
    "OR",
    "AND",
    "NUMBERVALUE",
    "SUBSTITUTE",
    "IF",
    "ISNUMBER",
    "FOO",
  ];
  const expr = (depth: number): string => {
    const k = depth > 3 ? rand() * 0.4 : rand();
    if (k < 0.25) return ref();
    if (k < 0.32) return num();
    if (k < 0.38) return str();
    if (k < 0.4) return pick(["TRUE()", "B2C3", "#REF!"]);
    if (k < 0.48) return `-${expr(depth + 1)}`;
    if (k < 0.55) return `(${expr(depth + 1)})`;
    if (k < 0.8)
      return `${expr(depth + 1)}${pick(["+", "-", "*", "/", "&", "=", "<>", "<", ">="])}${expr(depth + 1)}`;
    const name = pick(fns);
    const n = name === "IF" ? 2 + int(2) : 1 + int(3);
    return `${name}(${Array.from({ length: n }, () => expr(depth + 1)).join(",")})`;
  };
  /** A row formula, sometimes one that breaks the contract (the model reads those as text). */
  const rowFormulaParts = (): string[] => {
    let text = `=${expr(0)}`;
    if (!text.includes(ROW)) text += `+A${ROW}`;
    if (rand() < 0.1) text += pick(["+B7", "&A1", "+0"]);
    return text.split(ROW);
  };
  const value = (): CellValue =>
    pick<CellValue>([
      null,
      null,
      0,
      1,
      2.5,
      -3,
      100,
      "9,50",
      "1.000,25",
      "x",
      "",
      " 7 ",
      true,
      false,
      "#N/A",
    ]);
  return { rowFormulaParts, value, int, rand };
}

interface Case {
  ws: WorkbookSnapshot;
  /** setCells ops writing row formulas (as objects). */
  ops: Op[];
}

function randomCase(seed: number): Case {
  const g = generator(rng(seed));
  const rows = 4 + g.int(20);
  const values = Array.from({ length: rows }, () => Array.from({ length: DATA_COLS }, g.value));
  const other = [[g.value(), g.value()]];
  const ws: WorkbookSnapshot = {
    active: { name: "S", top: 0, left: 0, values },
    sheetNames: ["S", "Other"],
    others: { Other: { name: "Other", top: 0, left: 0, values: other } },
  };
  const ops: Op[] = [];
  for (const c of FORMULA_COLS) {
    // Each column: one or two row formulas, each shared by its rows; some rows left as they are.
    const fs = [rowFormula(g.rowFormulaParts()), rowFormula(g.rowFormulaParts())];
    const cells = Array.from({ length: rows }, (): (CellInput | null)[] => {
      const k = g.rand();
      return [k < 0.1 ? null : k < 0.6 ? fs[0] : fs[1]];
    });
    ops.push({ op: "setCells", sheet: "S", top: 0, left: c, cells });
  }
  return { ws, ops };
}

/** `op` with its row formulas written as their texts. */
function asText(op: Op): Op {
  if (op.op !== "setCells") return op;
  return {
    ...op,
    cells: op.cells.map((line, r) =>
      line.map((v) =>
        v?.kind === "rowFormula" ? { kind: "formula", formula: formulaTextAt(v, op.top + r)! } : v,
      ),
    ),
  };
}

/** Every cell of the model: value and formula text, by sheet. */
function cells(m: WorkbookModel): unknown {
  const out: Record<string, unknown> = {};
  for (const name of m.order) {
    const s = m.toSnapshot(name).active;
    out[name] = [s.top, s.left, s.values, s.formulas];
  }
  return out;
}

/** Which cells of the grid (and around it) some formula read in the last recalculation. */
function readMap(m: WorkbookModel, rows: number): string {
  let out = "";
  for (const sheet of ["S", "Other", "Missing"])
    for (let r = 0; r < rows + 14; r++)
      for (let c = 0; c < 10; c++)
        out += m.mayChangeResults({
          op: "setCells",
          sheet,
          top: r,
          left: c,
          cells: [[{ kind: "number", value: 1 }]],
        })
          ? "1"
          : "0";
  return out;
}

/** Ops after the row formulas: ones that move their references, others that only write constants. */
function laterOps(seed: number, rows: number): Op[][] {
  const g = generator(rng(seed * 7 + 1));
  const constants = (): Op => ({
    op: "setCells",
    sheet: "S",
    top: g.int(rows),
    left: g.int(DATA_COLS),
    cells: [
      [
        { kind: "number", value: g.int(9) },
        { kind: "text", text: "3,5" },
      ],
    ],
  });
  return [
    [constants()],
    [{ op: "insertRows", sheet: "S", at: g.int(rows), count: 1 + g.int(2) }],
    [constants(), { op: "deleteRows", sheet: "S", at: g.int(rows), count: 1 }],
    [{ op: "insertColumns", sheet: "S", at: g.int(4), count: 1 }],
    [constants()],
  ];
}

describe("the model evaluates row formulas by their object, as evaluateFormula reads their texts", () => {
  test("random row formulas over random grids: same values, formulas and cells read, through later ops", () => {
    let templated = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const { ws, ops } = randomCase(seed);
      const rows = ws.active.values.length;
      const byObject = WorkbookModel.fromSnapshot(ws);
      const byText = WorkbookModel.fromSnapshot(ws);
      for (const op of ops) {
        byObject.apply(op);
        byText.apply(asText(op));
      }
      for (const step of [[], ...laterOps(seed, rows)]) {
        for (const op of step) {
          byObject.apply(op);
          byText.apply(op);
        }
        const run = (m: WorkbookModel) => {
          try {
            m.recalculate();
            return "ok";
          } catch (e) {
            return String(e);
          }
        };
        expect([seed, run(byObject)]).toEqual([seed, run(byText)]);
        expect([seed, cells(byObject)]).toEqual([seed, cells(byText)]);
        expect([seed, readMap(byObject, rows)]).toEqual([seed, readMap(byText, rows)]);
      }
      for (const op of ops)
        if (op.op === "setCells")
          for (const line of op.cells)
            if (line[0]?.kind === "rowFormula" && readRowFormula(line[0]).run) templated++;
    }
    // Most generated row formulas keep the contract: the object's path is the one compared.
    expect(templated).toBeGreaterThan(1000);
  });

  test("a column of row formulas is evaluated without evaluateFormula; one moved with its columns by its text", () => {
    const values: CellValue[][] = Array.from({ length: 30 }, (_, r) => [r, "2,5", r % 3 === 0 ? null : 1]);
    const ws: WorkbookSnapshot = { active: { name: "S", top: 0, left: 0, values }, sheetNames: ["S"] };
    const f = rowFormula(["=IF(OR(A", '="",C', '=""),"",ROUND(A', "-NUMBERVALUE(B", ',",","."),2))']);
    const m = WorkbookModel.fromSnapshot(ws);
    m.apply({ op: "setCells", sheet: "S", top: 0, left: 4, cells: values.map(() => [f]) });
    const spy = jest.spyOn(formula, "evaluateFormula");
    try {
      m.recalculate();
      expect(spy).not.toHaveBeenCalled();
      expect(m.valueAt("S", 1, 4)).toBe(-1.5);
      expect(m.valueAt("S", 3, 4)).toBeNull();
      // Rows inserted above: each cell's text is the object's on its new row, the object still evaluates it.
      m.apply({ op: "insertRows", sheet: "S", at: 0, count: 2 });
      m.recalculate();
      expect(spy).not.toHaveBeenCalled();
      expect(m.valueAt("S", 3, 4)).toBe(-1.5);
      // A column inserted before its references: the texts change, the object no longer writes them.
      m.apply({ op: "insertColumns", sheet: "S", at: 1, count: 1 });
      m.recalculate();
      expect(spy).toHaveBeenCalled();
      expect(m.valueAt("S", 3, 5)).toBe(-1.5);
      expect(m.toSnapshot("S", { top: 0, left: 0, rows: 40, cols: 8 }).active.formulas![3][5]).toBe(
        '=IF(OR(A4="",D4=""),"",ROUND(A4-NUMBERVALUE(C4,",","."),2))',
      );
    } finally {
      spy.mockRestore();
    }
  });

  test("a structured clone of the ops (objects no longer frozen) gives the same results", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { ws, ops } = randomCase(seed);
      const original = WorkbookModel.fromSnapshot(ws);
      const cloned = WorkbookModel.fromSnapshot(ws);
      for (const op of ops) original.apply(op);
      for (const op of structuredClone(ops)) cloned.apply(op);
      original.recalculate();
      cloned.recalculate();
      expect([seed, cells(cloned)]).toEqual([seed, cells(original)]);
    }
  });

  test("a constant written over a row formula cell is a constant", () => {
    const ws: WorkbookSnapshot = {
      active: { name: "S", top: 0, left: 0, values: [[1], [2]] },
      sheetNames: ["S"],
    };
    const f = rowFormula(["=A", "*10"]);
    const m = WorkbookModel.fromSnapshot(ws);
    m.apply({ op: "setCells", sheet: "S", top: 0, left: 1, cells: [[f], [f]] });
    m.recalculate();
    expect([m.valueAt("S", 0, 1), m.valueAt("S", 1, 1)]).toEqual([10, 20]);
    m.apply({ op: "setCells", sheet: "S", top: 1, left: 1, cells: [[{ kind: "number", value: 5 }]] });
    m.apply({ op: "setCells", sheet: "S", top: 1, left: 0, cells: [[{ kind: "number", value: 7 }]] });
    m.recalculate();
    expect([m.valueAt("S", 0, 1), m.valueAt("S", 1, 1)]).toEqual([10, 5]);
    expect(m.toSnapshot("S").active.formulas![1][1]).toBeNull();
  });

  test("writing a row formula may change results and makes the cells read stale", () => {
    const ws: WorkbookSnapshot = { active: { name: "S", top: 0, left: 0, values: [[1]] }, sheetNames: ["S"] };
    const m = WorkbookModel.fromSnapshot(ws);
    m.recalculate();
    const op: Op = { op: "setCells", sheet: "S", top: 5, left: 5, cells: [[rowFormula(["=A", ""])]] };
    expect(m.mayChangeResults(op)).toBe(true);
    m.apply(op);
    // Stale: unknown what is read until the next recalculation.
    expect(
      m.mayChangeResults({ op: "setCells", sheet: "S", top: 9, left: 9, cells: [[{ kind: "blank" }]] }),
    ).toBe(true);
    m.recalculate();
    expect(m.valueAt("S", 5, 5)).toBeNull();
    expect(
      m.mayChangeResults({ op: "setCells", sheet: "S", top: 9, left: 9, cells: [[{ kind: "blank" }]] }),
    ).toBe(false);
    expect(
      m.mayChangeResults({ op: "setCells", sheet: "S", top: 5, left: 0, cells: [[{ kind: "blank" }]] }),
    ).toBe(true);
  });
});
