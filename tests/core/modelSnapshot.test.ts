// SheetModel.toSnapshot: the used range from each row's first and last cell, and font names carried only
// when some cell of the sheet has one (all null outside the cells that do).
import { SheetModel } from "../../src/core/sheetModel";

const sheet = () =>
  SheetModel.fromSnapshot({
    name: "S",
    top: 2,
    left: 1,
    values: [
      [null, "b", null, null],
      [null, null, null, null],
      ["a", null, null, "d"],
    ],
    fontNames: [
      [null, null, null, null],
      [null, null, null, null],
      [null, null, null, ".VnTime"],
    ],
  });

test("the used range spans the first and last cell of every row", () => {
  const s = sheet();
  expect(s.usedRect()).toEqual({ top: 2, left: 1, rows: 3, cols: 4 });
  s.shiftColumns(0, 2);
  expect(s.usedRect()).toEqual({ top: 2, left: 3, rows: 3, cols: 4 });
  s.shiftColumns(3, -1);
  expect(s.usedRect()).toEqual({ top: 2, left: 3, rows: 3, cols: 3 });
});

test("font names: in the snapshot where a cell has one, all null outside the area asked for", () => {
  const s = sheet();
  expect(s.toSnapshot().fontNames).toEqual([
    [null, null, null, null],
    [null, null, null, null],
    [null, null, null, ".VnTime"],
  ]);
  // The cell with a font is outside this area: the sheet has font names, none here.
  expect(s.toSnapshot({ top: 2, left: 1, rows: 1, cols: 2 }).fontNames).toEqual([[null, null]]);
  const plain = SheetModel.fromSnapshot({ name: "P", top: 0, left: 0, values: [["x", 1]] });
  expect("fontNames" in plain.toSnapshot()).toBe(false);
  expect("fontNames" in plain.toSnapshot({ top: 0, left: 0, rows: 1, cols: 1 })).toBe(false);
});
