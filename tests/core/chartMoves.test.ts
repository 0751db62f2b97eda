// Charts over the empty columns assign takes: moved right of them by moveChart ops, undone by the inverse.
import { chartMoves, takenRows } from "../../src/core/charts";
import { charsToPoints } from "../../src/core/units";
import { prepare } from "../../src/core/prepare";
import { applyChangeSet } from "../../src/core/model";
import type { ChangeSet, Op, WorkbookSnapshot } from "../../src/core/types";

const t = (text: string) => ({ kind: "text" as const, text });
function workbook(): WorkbookSnapshot {
  return {
    active: {
      name: "S",
      top: 0,
      left: 0,
      values: [
        ["TT", "Tiêu chí", "Tối đa", "Đạt"],
        ["1", "a", 2, 1],
      ],
      columnWidths: { 4: 10 },
      charts: [
        // Over E1:G10 (columns 4..6), 6 points into E.
        {
          name: "Biểu đồ 1",
          left: 250,
          top: 3,
          width: 200,
          height: 150,
          cells: { top: 0, left: 4, rows: 10, cols: 3 },
        },
        // Below the table, over the same columns: not over what assign writes.
        {
          name: "Dưới",
          left: 250,
          top: 400,
          width: 200,
          height: 150,
          cells: { top: 30, left: 4, rows: 10, cols: 3 },
        },
      ],
    },
    sheetNames: ["S"],
  };
}
const assignOps: Op[] = [
  {
    op: "setCells",
    sheet: "S",
    top: 0,
    left: 4,
    cells: [
      [t("Cơ quan"), t("Thực hiện")],
      [t("Sở"), t("Các sở")],
    ],
  },
  { op: "setColumnWidth", sheet: "S", col: 4, width: 28 },
  { op: "setColumnWidth", sheet: "S", col: 5, width: 32 },
];

test("a chart over the taken columns moves right of them by their new widths; one below them stays", () => {
  const moves = chartMoves(workbook().active, assignOps);
  expect(moves).toEqual([
    {
      op: "moveChart",
      sheet: "S",
      name: "Biểu đồ 1",
      left: 250 + charsToPoints(28) + charsToPoints(32),
      cells: { top: 0, left: 6, rows: 10, cols: 3 },
    },
  ]);
});

test("no move when the change set inserts columns (Excel moves the chart itself) or takes none", () => {
  expect(
    chartMoves(workbook().active, [{ op: "insertColumns", sheet: "S", at: 4, count: 3 }, ...assignOps]),
  ).toEqual([]);
  expect(chartMoves(workbook().active, [assignOps[0]])).toEqual([]);
});

test("the move is one op of the change set with its undo", () => {
  const ws = workbook();
  const cs: ChangeSet = {
    command: "assign",
    ops: [...assignOps, ...chartMoves(ws.active, assignOps)],
    counts: {},
  };
  const p = prepare(ws, cs);
  if (!p.ok) throw p.error;
  const moved = p.after.active.charts!.find((c) => c.name === "Biểu đồ 1")!;
  expect(moved.left).toBe(250 + charsToPoints(28) + charsToPoints(32));
  const back = applyChangeSet(p.after, p.inverse);
  expect(back.active.charts).toEqual(ws.active.charts);
});

test("a moveChart of a chart that is not there is refused", () => {
  const p = prepare(workbook(), {
    command: "assign",
    ops: [{ op: "moveChart", sheet: "S", name: "Không có", left: 10 }],
    counts: {},
  });
  expect(p.ok).toBe(false);
});

test("takenRows: the rows setCells write into a column of the sheet, across several writes; null for none", () => {
  const cells = (rows: number, cols: number) =>
    Array.from({ length: rows }, () => Array.from({ length: cols }, () => t("x")));
  const ops: Op[] = [
    { op: "setCells", sheet: "S", top: 5, left: 4, cells: cells(3, 2) },
    { op: "setCells", sheet: "S", top: 1, left: 5, cells: cells(1, 1) },
    { op: "setCells", sheet: "Other", top: 0, left: 4, cells: cells(40, 3) },
  ];
  expect(takenRows(ops, "S", 4)).toEqual({ top: 5, bottom: 7 });
  expect(takenRows(ops, "S", 5)).toEqual({ top: 1, bottom: 7 });
  expect(takenRows(ops, "S", 6)).toBeNull();
  expect(takenRows(ops, "S", 3)).toBeNull();
  expect(takenRows(ops, "Other", 6)).toEqual({ top: 0, bottom: 39 });
});
