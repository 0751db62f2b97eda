import fc from "fast-check";
import {
  analyzeSheet,
  applyChangeSet,
  invertChangeSet,
  planRecalcAndHighlight,
  type CellValue,
} from "../../src/core";
import { book, cellMap, sheetOf } from "./helpers";

const HEADERS = {
  code: ["TT", "STT", "Mã", "No.", "Code"],
  name: ["Lĩnh vực/tiêu chí/tiêu chí thành phần", "Noi dung", "Criterion"],
  max: ["Điểm tối đa", "Diem toi da", "Max score"],
  achieved: ["Điểm đạt được", "Diem dat", "Score"],
  gap: ["Chưa đạt so với điểm tối đa", "Điểm chưa đạt", "Gap"],
  reason: ["Nguyên nhân", "Reason"],
};

const junk: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 5000 }),
  fc.boolean(),
  fc.constantFrom(
    "9,50",
    "9.50",
    "85,32%",
    "-",
    "1.6.2",
    "II",
    "Tổng điểm",
    "TT",
    "Điểm tối đa",
    "=A1",
    "#VALUE!",
  ),
);

interface Spec {
  withGap: boolean;
  rows: { max: number; achieved: number; children: { max: number; achieved: number }[] }[];
}

const spec: fc.Arbitrary<Spec> = fc.record({
  withGap: fc.boolean(),
  rows: fc.array(
    fc.record({
      max: fc.integer({ min: 0, max: 2000 }).map((x) => x / 100),
      achieved: fc.integer({ min: 0, max: 100 }).map((x) => x / 100),
      children: fc.array(
        fc.record({
          max: fc.integer({ min: 1, max: 300 }).map((x) => x / 100),
          achieved: fc.integer({ min: 0, max: 100 }).map((x) => x / 100),
        }),
        { maxLength: 4 },
      ),
    }),
    { minLength: 1, maxLength: 12 },
  ),
});

function build(s: Spec, pick: (xs: string[]) => string, fmt: (x: number) => CellValue) {
  const header = [pick(HEADERS.code), pick(HEADERS.name), pick(HEADERS.max), pick(HEADERS.achieved)];
  if (s.withGap) header.push(pick(HEADERS.gap));
  header.push(pick(HEADERS.reason));
  const rows: CellValue[][] = [["Kết quả chỉ số"], [], header];
  s.rows.forEach((d, i) => {
    const kids = d.children.map((k) => ({
      max: k.max,
      achieved: Math.min(k.max, Math.round(k.achieved * k.max * 100) / 100),
    }));
    const max = kids.length ? kids.reduce((a, k) => a + k.max, 0) + d.max : d.max;
    const ach = Math.min(
      max,
      kids.length
        ? kids.reduce((a, k) => a + k.achieved, 0) + Math.round(d.achieved * d.max * 100) / 100
        : Math.round(d.achieved * max * 100) / 100,
    );
    const line = (code: string, name: string, m: number, a: number) => {
      const r: CellValue[] = [code, name, fmt(Math.round(m * 100) / 100), fmt(Math.round(a * 100) / 100)];
      if (s.withGap) r.push(null);
      r.push(null);
      return r;
    };
    rows.push(line(String(i + 1), `LĨNH VỰC ${i + 1}`, max, ach));
    kids.forEach((k, j) =>
      rows.push(line(`${i + 1}.${j + 1}`, `tiêu chí ${i + 1}.${j + 1}`, k.max, k.achieved)),
    );
    if (i === 1) rows.push([], header);
  });
  rows.push([null, "Tổng điểm"]);
  return rows;
}

describe("property tests", () => {
  test("random grids of junk never throw", () => {
    fc.assert(
      fc.property(fc.array(fc.array(junk, { maxLength: 8 }), { maxLength: 25 }), (grid) => {
        const r = analyzeSheet(sheetOf(grid.length ? grid : [[]]));
        if (r.ok) {
          for (const i of r.issues) {
            expect(i.row).toBeGreaterThanOrEqual(r.table.firstRow);
            expect(i.row).toBeLessThanOrEqual(r.table.lastRow);
          }
          planRecalcAndHighlight(sheetOf(grid), r);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("generated tables with junk cells: never throw, issues point at real rows of the table", () => {
    fc.assert(
      fc.property(
        spec,
        fc.array(fc.tuple(fc.nat(), fc.nat(), junk), { maxLength: 6 }),
        fc.nat(),
        (s, noise, seed) => {
          const rows = build(
            s,
            (xs) => xs[seed % xs.length],
            (x) => x,
          );
          for (const [r, c, v] of noise) {
            const row = rows[3 + (r % Math.max(1, rows.length - 3))];
            if (row) row[c % 6] = v;
          }
          const res = analyzeSheet(sheetOf(rows));
          if (!res.ok) return;
          // Rows below the table's end that look like its rows are reported where they are (issue 9 §1).
          const tableRows = new Set(
            res.rows
              .map((x) => x.row)
              .concat(res.total.row ?? [])
              .concat(res.table.rowsBelow ?? []),
          );
          for (const i of res.issues) expect(tableRows.has(i.row)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("applying the recalc plan and re-reading gives the same scores; undo gives the sheet back", () => {
    fc.assert(
      fc.property(spec, fc.nat(), fc.nat(), (s, seed, fseed) => {
        const fmts = [
          (x: number) => x,
          (x: number) => x.toFixed(2).replace(".", ","),
          (x: number) => x.toFixed(2),
        ];
        const sheet = sheetOf(build(s, (xs) => xs[seed % xs.length], fmts[fseed % 3]));
        const a = analyzeSheet(sheet);
        expect(a.ok).toBe(true);
        if (!a.ok) return;
        const ws = book(sheet);
        const cs = planRecalcAndHighlight(sheet, a);
        const after = applyChangeSet(ws, cs);
        const b = analyzeSheet(after.active);
        expect(b.ok).toBe(true);
        if (!b.ok) return;
        expect(b.rows.map((r) => [r.key, r.max, r.achieved, r.gap, r.percent, r.status])).toEqual(
          a.rows.map((r) => [r.key, r.max, r.achieved, r.gap, r.percent, r.status]),
        );
        expect(b.total).toMatchObject({
          max: a.total.max,
          achieved: a.total.achieved,
          gap: a.total.gap,
          percent: a.total.percent,
        });
        expect(b.issues.filter((i) => i.kind.startsWith("stated"))).toEqual([]);
        const back = applyChangeSet(after, invertChangeSet(ws, cs));
        expect(cellMap(back.active)).toEqual(cellMap(sheet));
      }),
      { numRuns: 150 },
    );
  });
});
