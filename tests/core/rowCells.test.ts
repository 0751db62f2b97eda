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

describe("RowCells.shift: columns moved in place", () => {
  /** The cells a shift leaves, computed on a plain list (the reference). */
  const shifted = (cells: [number, Cell["value"]][], at: number, count: number) =>
    cells
      .filter(([c]) => c < at || count >= 0 || c >= at - count)
      .map(([c, v]): [number, Cell["value"]] => [c < at ? c : c + count, v]);

  it("inserts and deletes columns as the reference does, near, far and across the boundary", () => {
    const layouts: number[][] = [[0, 2, 5], [1, 3, 4, 7, 9], [0, 250, 254, 255], [3, 300, 16_000], []];
    const shifts: [number, number][] = [
      [0, 1],
      [2, 3],
      [4, -2],
      [0, -1],
      [6, 1],
      [3, -10],
      [253, 4],
      [10, 1],
      [250, -5],
    ];
    for (const cols of layouts)
      for (const [at, count] of shifts) {
        const r = new RowCells();
        const cells = cols.map((c): [number, Cell["value"]] => [c, `v${c}`]);
        for (const [c, v] of cells) r.set(c, cell(v));
        r.shift(at, count);
        const expected = shifted(cells, at, count);
        expect([cols, at, count, visited(r)]).toEqual([cols, at, count, expected]);
        expect(r.size).toBe(expected.length);
        // Still a working row afterwards: set and delete count as before.
        r.set(1, cell("new"));
        expect(r.get(1)?.value).toBe("new");
        expect(r.size).toBe(expected.length + (expected.some(([c]) => c === 1) ? 0 : 1));
      }
  });
});
