// The Office host writes a row formula (CellInput "rowFormula": one object for a column filled down) as the
// text it has on each row: Excel sees exactly what a change set of the same texts gives it — the same cells,
// the same statements, the same request sizes — and in a table column Excel fills, the same repair.
import { prepare } from "../../../src/core/prepare";
import { rowFormula } from "../../../src/core/rowFormula";
import { writePrepared } from "../../../src/hosts/office/write";
import type { CellInput, ChangeSet } from "../../../src/core/types";
import { criteriaRows, sheetFrom, workbookOf } from "./helpers";
import { expandCells, expandRowFormulas, withRowFormulas } from "../../support/rowFormulas";
import { freshHost, readSnapshot, setup } from "./harness";

const SUM = rowFormula(["=C", "+D", "*2"]);
const HALF = rowFormula(["=IF(C", '="","",C', "/2)"]);
const num = (value: number): CellInput => ({ kind: "number", value });

/** Column F and G of rows 2–12: both row formulas, a number and a plain formula among them, a gap (null). */
function cells(): (CellInput | null)[][] {
  return Array.from({ length: 11 }, (_, i) => {
    if (i === 4) return [num(7), { kind: "formula", formula: "=C6" }];
    if (i === 7) return [null, HALF];
    return [i % 2 ? SUM : HALF, SUM];
  });
}

const changeSet = (rows: (CellInput | null)[][]): ChangeSet => ({
  command: "recalc",
  counts: {},
  ops: [{ op: "setCells", sheet: "PAR 2024", top: 1, left: 5, cells: rows }],
});

async function written(cs: ChangeSet, maxRequestBytes?: number) {
  freshHost();
  const fake = setup(workbookOf(sheetFrom(criteriaRows(14))));
  // Prepared from the texts, written with the change set's own cells (support/rowFormulas.ts).
  const p = prepare(await readSnapshot(), expandRowFormulas(cs));
  if (!p.ok) throw p.error;
  await writePrepared(withRowFormulas(p, cs), { maxRequestBytes });
  return { fake, snapshot: fake.snapshot() };
}

describe("row formulas through the Office host", () => {
  test.each([undefined, 900])(
    "the same cells, statements and request sizes as the texts (request limit %p)",
    async (max) => {
      const a = await written(changeSet(cells()), max);
      const b = await written(changeSet(expandCells(cells(), 1)), max);
      expect(a.snapshot).toEqual(b.snapshot);
      expect(a.fake.writes).toEqual(b.fake.writes);
      expect(a.fake.requestBytes).toEqual(b.fake.requestBytes);
      if (max) expect(a.fake.requestBytes.length).toBeGreaterThan(1);
      // Each row holds its own row's formula (F2 is HALF on row 2, G3 SUM on row 3).
      const f = a.snapshot.active.formulas!;
      expect(f[1][5]).toBe('=IF(C2="","",C2/2)');
      expect(f[2][6]).toBe("=C3+D3*2");
      expect(f[5][6]).toBe("=C6");
      expect(f[11][6]).toBe("=C12+D12*2");
    },
  );

  test("a row formula into a table column Excel fills: the cells filled around it are put back, its row's text stays", async () => {
    const sheet = sheetFrom([
      ["TT", "Điểm", "Ghi chú"],
      ["1", 2, null],
      ["2", 3, null],
      ["3", 4, null],
    ]);
    sheet.tables = [
      { name: "Bang", rect: { top: 0, left: 0, rows: 4, cols: 3 }, showHeaders: true, showTotals: false },
    ];
    const fake = setup(workbookOf(sheet));
    const cs: ChangeSet = {
      command: "recalc",
      counts: {},
      ops: [{ op: "setCells", sheet: "PAR 2024", top: 2, left: 2, cells: [[rowFormula(["=B", "*2"])]] }],
    };
    const p = prepare(await readSnapshot(), expandRowFormulas(cs));
    if (!p.ok) throw p.error;
    const before = fake.syncs;
    await writePrepared(withRowFormulas(p, cs));
    expect(fake.syncs - before).toBe(2); // the write with its read-back, then the repair
    expect(fake.snapshot().active.formulas?.map((r) => r[2])).toEqual([null, null, "=B3*2", null]);
  });
});
