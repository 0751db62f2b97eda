import { EMPTY, RowCells, SheetModel, type Cell } from "../../src/core/sheetModel";

const cell = (value: Cell["value"]): Cell => ({ ...EMPTY, value });

const visited = (r: RowCells) => {
  const out: [number, Cell["value"]][] = [];
  r.forEach((c, col) => out.push([col, c.value]));
  return out;
};

describe("RowCells: a row's cells by column", () => {
  it("keeps near and far columns, counts them, and visits them by ascending column", () => {
    const r = new RowCells();
    r.set(16_383, cell("XFD")).set(3, cell("D")).set(0, cell("A")).set(300, cell("KO")).set(255, cell("IV"));
    expect(r.size).toBe(5);
    expect(visited(r)).toEqual([
      [0, "A"],
      [3, "D"],
      [255, "IV"],
      [300, "KO"],
      [16_383, "XFD"],
    ]);
    expect(r.get(2)).toBeUndefined();
    expect(r.get(300)?.value).toBe("KO");
    expect(r.get(16_382)).toBeUndefined();
  });

  it("replaces without counting twice, and deletes what is there only", () => {
    const r = new RowCells();
    r.set(1, cell(1)).set(1, cell(2)).set(400, cell(3)).set(400, cell(4));
    expect(r.size).toBe(2);
    expect(r.delete(0)).toBe(false);
    expect(r.delete(999)).toBe(false);
    expect(r.delete(1)).toBe(true);
    expect(r.delete(1)).toBe(false);
    expect(r.delete(400)).toBe(true);
    expect(r.size).toBe(0);
    expect(visited(r)).toEqual([]);
  });

  it("lets forEach's callback replace the cell it visits (formula rewrites do)", () => {
    const r = new RowCells();
    r.set(0, cell(1)).set(2, cell(2)).set(500, cell(3));
    r.forEach((c, col) => r.set(col, cell((c.value as number) * 10)));
    expect(visited(r)).toEqual([
      [0, 10],
      [2, 20],
      [500, 30],
    ]);
    expect(r.size).toBe(3);
  });
});

describe("SheetModel over RowCells", () => {
  it("reads a snapshot with a far column back as it was, and shifts columns across the near/far boundary", () => {
    const m = SheetModel.fromSnapshot({
      name: "S",
      top: 0,
      left: 250,
      values: [
        ["a", null, "c", null, null, null, null, null, null, "j"],
        [null, null, null, null, null, null, null, null, null, null],
      ],
    });
    expect(m.toSnapshot().values).toEqual([["a", null, "c", null, null, null, null, null, null, "j"]]);
    m.shiftColumns(251, 3);
    expect(m.get(0, 250).value).toBe("a");
    expect(m.get(0, 255).value).toBe("c");
    expect(m.get(0, 262).value).toBe("j");
    expect(m.usedRect()).toEqual({ top: 0, left: 250, rows: 1, cols: 13 });
    m.shiftColumns(251, -6);
    expect(m.get(0, 250).value).toBe("a");
    expect(m.get(0, 256).value).toBe("j");
    expect(m.usedRect()).toEqual({ top: 0, left: 250, rows: 1, cols: 7 });
  });
});
