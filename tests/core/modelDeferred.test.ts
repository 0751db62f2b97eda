// Cell writes a sheet holds back until its cells are read (SheetModel.defer): every read, shift, snapshot and
// inverse sees them made, in order, exactly as writes made at once would leave the workbook.
import {
  invertChangeSet,
  WorkbookModel,
  type CellInput,
  type Op,
  type WorkbookSnapshot,
} from "../../src/core";
import { rng } from "../support/seeded";

const book = (): WorkbookSnapshot => ({
  active: {
    name: "A",
    top: 0,
    left: 0,
    values: [
      ["x", 1, 2],
      ["y", 3, null],
    ],
    formulas: [
      [null, null, null],
      [null, null, "=B2*2"],
    ],
    fills: [
      ["#FF0000", null, null],
      [null, null, null],
    ],
  },
  others: { B: { name: "B", top: 0, left: 0, values: [["b"]] } },
  sheetNames: ["A", "B"],
});

const text = (t: string): CellInput => ({ kind: "text", text: t });
const num = (value: number): CellInput => ({ kind: "number", value });
const formula = (f: string): CellInput => ({ kind: "formula", formula: f });
const blank: CellInput = { kind: "blank" };

test("a write then a read of the same cell sees the write, formats and contents together", () => {
  const m = WorkbookModel.fromSnapshot(book());
  m.apply({ op: "setCells", sheet: "A", top: 0, left: 1, cells: [[num(7)]] });
  m.apply({
    op: "setStyle",
    sheet: "A",
    ranges: [{ top: 0, left: 1, rows: 1, cols: 1 }],
    style: { bold: true },
  });
  expect(m.valueAt("A", 0, 1)).toBe(7);
  const c = m.sheet("A").get(0, 1);
  expect([c.value, c.bold, c.fill]).toEqual([7, true, null]);
  // Written again after the read: the second write is seen too.
  m.apply({ op: "setCells", sheet: "A", top: 0, left: 1, cells: [[text("z")]] });
  expect(m.sheet("A").get(0, 1).value).toBe("z");
  expect(m.sheet("A").get(0, 1).bold).toBe(true);
});

test("a snapshot taken, then more writes: the first snapshot does not change", () => {
  const m = WorkbookModel.fromSnapshot(book());
  m.apply({ op: "setCells", sheet: "A", top: 0, left: 0, cells: [[text("first")]] });
  const first = m.toSnapshot("A");
  const copy = JSON.parse(JSON.stringify(first)) as WorkbookSnapshot;
  m.apply({ op: "setCells", sheet: "A", top: 0, left: 0, cells: [[text("second"), num(9)]] });
  m.apply({
    op: "setStyle",
    sheet: "A",
    ranges: [{ top: 0, left: 0, rows: 2, cols: 3 }],
    style: { wrap: true },
  });
  m.apply({ op: "insertColumns", sheet: "A", at: 1, count: 1 });
  const second = m.toSnapshot("A");
  expect(first).toEqual(copy);
  expect(second.active.values[0]).toEqual(["second", null, 9, 2]);
  expect(second.active.wrap?.[1]).toEqual([true, false, true, true]);
});

test("a formula written (held back) on one sheet moves with columns inserted on another", () => {
  const m = WorkbookModel.fromSnapshot(book());
  m.apply({ op: "setCells", sheet: "B", top: 1, left: 0, cells: [[formula("=A!C2+1")]] });
  m.apply({ op: "insertColumns", sheet: "A", at: 1, count: 2 });
  expect(m.sheet("B").get(1, 0).formula).toBe("=A!E2+1");
  m.recalculate();
  // A!E2 is the moved C2 (=B2*2 → =D2*2, 6): B2 reads 7.
  expect(m.valueAt("B", 1, 0)).toBe(7);
});

test("values read through writes held back: constants as written, a formula or an empty text as the cell says", () => {
  const m = WorkbookModel.fromSnapshot(book());
  m.apply({ op: "setCells", sheet: "A", top: 0, left: 0, cells: [[text(""), num(4), formula("=B1+1")]] });
  m.apply({ op: "setCells", sheet: "A", top: 0, left: 1, cells: [[{ kind: "bool", value: false }, null]] });
  m.apply({ op: "setCells", sheet: "B", top: 0, left: 0, cells: [[text(""), blank, text("q")]] });
  // A1 keeps its fill: its empty text stays ""; B's A1 has none: the cell goes, null.
  expect([m.valueAt("A", 0, 0), m.valueAt("A", 0, 1), m.valueAt("A", 0, 2)]).toEqual(["", false, null]);
  expect([m.valueAt("B", 0, 0), m.valueAt("B", 0, 1), m.valueAt("B", 0, 2)]).toEqual([null, null, "q"]);
  expect(m.valueAt("A", 1, 0)).toBe("y");
  m.recalculate();
  expect(m.valueAt("A", 0, 2)).toBe(1);
});

test("writes that empty a cell remove it: the used range shrinks as with writes made at once", () => {
  const m = WorkbookModel.fromSnapshot(book());
  m.apply({ op: "setCells", sheet: "B", top: 0, left: 0, cells: [[blank, null, text("far")]] });
  m.apply({ op: "setCells", sheet: "B", top: 0, left: 2, cells: [[blank]] });
  expect(m.sheet("B").usedRect()).toBeNull();
  expect(m.toSnapshot("A").others?.B.values).toEqual([]);
});

test("the inverse of writes into cells never read before puts the workbook back", () => {
  const ws = book();
  const cs = {
    command: "recalc" as const,
    counts: {},
    ops: [
      { op: "setCells", sheet: "A", top: 1, left: 0, cells: [[text("new"), null, num(5)]] },
      { op: "setStyle", sheet: "A", ranges: [{ top: 0, left: 0, rows: 2, cols: 2 }], style: { fill: null } },
      { op: "setCells", sheet: "B", top: 3, left: 3, cells: [[text("far")]] },
    ] as Op[],
  };
  const m = WorkbookModel.fromSnapshot(ws);
  for (const op of cs.ops) m.apply(op);
  for (const op of invertChangeSet(ws, cs).ops) m.apply(op);
  m.recalculate();
  const back = WorkbookModel.fromSnapshot(ws);
  back.recalculate();
  expect(m.toSnapshot("A")).toEqual(back.toSnapshot("A"));
});

function randomOp(next: () => number): Op {
  const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)];
  const sheet = pick(["A", "B"]);
  const top = Math.floor(next() * 5);
  const left = Math.floor(next() * 5);
  const rows = 1 + Math.floor(next() * 3);
  const cols = 1 + Math.floor(next() * 3);
  switch (pick(["cells", "cells", "style", "style", "insertColumns", "deleteColumns", "insertRows"])) {
    case "cells": {
      const inputs = [text("t"), num(3), blank, formula("=A1+1"), formula("=A!B1*2"), null];
      return {
        op: "setCells",
        sheet,
        top,
        left,
        cells: Array.from({ length: rows }, () => Array.from({ length: cols }, () => pick(inputs))),
      };
    }
    case "style":
      return {
        op: "setStyle",
        sheet,
        ranges: [{ top, left, rows, cols }],
        style: pick([
          { bold: true },
          { bold: false, wrap: true },
          { fill: "#00FF00" },
          { fill: null, wrap: false },
          { numberFormat: "0.00" },
          { numberFormat: "General", horizontalAlignment: "General" as const },
          { horizontalAlignment: "Center" as const, fontName: "Arial" },
          { fontName: null },
        ]),
      };
    case "insertColumns":
      return { op: "insertColumns", sheet, at: left, count: cols };
    case "deleteColumns":
      return { op: "deleteColumns", sheet, at: left, count: 1 };
    default:
      return { op: "insertRows", sheet, at: top, count: rows };
  }
}

test("random op sequences: writes held back leave the workbook as writes made at once (read after each op)", () => {
  for (let seed = 1; seed <= 60; seed++) {
    const next = rng(seed);
    const ops = Array.from({ length: 12 }, () => randomOp(next));
    const lazy = WorkbookModel.fromSnapshot(book());
    const eager = WorkbookModel.fromSnapshot(book());
    for (const op of ops) {
      lazy.apply(op);
      eager.apply(op);
      // Reading every sheet's rows makes its held-back writes now.
      for (const s of eager.sheets.values()) void s.rows;
    }
    // Values read through the writes held back are the cells' values once made.
    const values = (m: WorkbookModel) =>
      ["A", "B"].flatMap((name) =>
        Array.from({ length: 9 }, (_, r) => Array.from({ length: 10 }, (_, c) => m.valueAt(name, r, c))),
      );
    expect(values(lazy)).toEqual(values(eager));
    lazy.recalculate();
    eager.recalculate();
    expect(lazy.toSnapshot("A")).toEqual(eager.toSnapshot("A"));
  }
});
