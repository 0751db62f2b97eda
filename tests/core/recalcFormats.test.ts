// Issue 13 item 8: every score the add-in writes carries a number format (the table's own two-decimal
// format, else 0.00): the gap column and the recomputed total row too, never General (which shows 99,5
// beside 84,87). Checked on the plan, on both hosts' output (the Office host's fake, the xlsx file's numFmt)
// and on LibreOffice's rendering of the file.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Op, SheetSnapshot } from "../../src/core";
import { planRecalcAndHighlight, SAMPLE_SHEET, sampleWorkbook } from "../../src/core";
import { isTwoDecimalFormat, planRecalc, SCORE_FORMAT, scoreFormatOf } from "../../src/core/recalc";
import { applyChangeSet, loadWorkbook, readSnapshot, saveWorkbook } from "../../src/hosts/xlsx";
import { sampleXlsx } from "../../src/playground/sampleXlsx";
import { CSV_UTF8, describeWithLibreOffice, libreOffice, parseCsv } from "../support/libreoffice";
import { recalcCommand, readSnapshot as officeRead, setup as officeSetup } from "../hosts/office/harness";
import { analyzed } from "./helpers";

/** The number format the plan gives cell (row, col), the last setStyle covering it winning. */
function formatOf(ops: Op[], row: number, col: number): string | undefined {
  let fmt: string | undefined;
  for (const op of ops)
    if (op.op === "setStyle" && op.style.numberFormat !== undefined)
      for (const r of op.ranges)
        if (row >= r.top && row < r.top + r.rows && col >= r.left && col < r.left + r.cols)
          fmt = op.style.numberFormat;
  return fmt;
}

/** The sample with its scores as numbers in `fmt` (a table typed with numbers, not "84,87" texts). */
function numericSample(fmt: string): SheetSnapshot {
  const s = sampleWorkbook().active;
  const values = s.values.map((row) =>
    row.map((v, c) =>
      c >= 2 && c <= 4 && typeof v === "string" && /^\d+,\d+$/.test(v) ? Number(v.replace(",", ".")) : v,
    ),
  );
  const numberFormats = values.map((row) => row.map((v) => (typeof v === "number" ? fmt : null)));
  return { ...s, values, numberFormats };
}

describe("which format", () => {
  test("two-decimal number formats, and what is not one", () => {
    for (const f of ["0.00", "#,##0.00", "0.00;[Red]-0.00", "0.00_);(0.00)", "#,##0.00;-#,##0.00"])
      expect([f, isTwoDecimalFormat(f)]).toEqual([f, true]);
    for (const f of ["General", "0.0", "0.000", "0.00%", "@", "dd/mm/yyyy", "0", '0.00" điểm"x'])
      expect([f, isTwoDecimalFormat(f)]).toEqual([f, false]);
  });

  test("text numbers (the seed) have none of their own: 0.00", () => {
    const s = sampleWorkbook().active;
    expect(scoreFormatOf(s, analyzed(s))).toBe(SCORE_FORMAT);
  });

  test("a table whose scores are #,##0.00: that one", () => {
    const s = numericSample("#,##0.00");
    expect(scoreFormatOf(s, analyzed(s))).toBe("#,##0.00");
    // a one-decimal table is not followed: the add-in's scores are two decimals
    const one = numericSample("0.0");
    expect(scoreFormatOf(one, analyzed(one))).toBe(SCORE_FORMAT);
  });
});

describe("the plan", () => {
  test("the seed: the recomputed total's max and achieved, and every gap, are 0.00; percent 0.00%", () => {
    const s = sampleWorkbook().active;
    const a = analyzed(s);
    const plan = planRecalc(s, a);
    const tr = a.total.row!;
    const { max, achieved } = a.table.columns;
    expect(plan.changeSet.counts.totalReplaced).toBe(1);
    expect(formatOf(plan.changeSet.ops, tr, max!)).toBe("0.00");
    expect(formatOf(plan.changeSet.ops, tr, achieved!)).toBe("0.00");
    const gapCol = plan.layout.columns.gap!;
    const pctCol = plan.layout.columns.percent!;
    for (const r of [a.rows[0].row, tr]) {
      expect(formatOf(plan.changeSet.ops, r, gapCol)).toBe("0.00");
      expect(formatOf(plan.changeSet.ops, r, pctCol)).toBe("0.00%");
    }
  });

  test("a #,##0.00 table: its gaps and total in #,##0.00", () => {
    const s = numericSample("#,##0.00");
    const a = analyzed(s);
    const plan = planRecalc(s, a);
    const tr = a.total.row!;
    expect(formatOf(plan.changeSet.ops, tr, a.table.columns.max!)).toBe("#,##0.00");
    expect(formatOf(plan.changeSet.ops, tr, plan.layout.columns.gap!)).toBe("#,##0.00");
  });
});

describe("the hosts' output", () => {
  test("xlsx: the total row's cells are written with numFmt 0.00 (read back from the saved file)", async () => {
    const wb = sampleXlsx();
    const snap = readSnapshot(wb);
    const a = analyzed(snap.active);
    applyChangeSet(wb, planRecalcAndHighlight(snap.active, a));
    const back = await loadWorkbook(await saveWorkbook(wb));
    const ws = back.getWorksheet(SAMPLE_SHEET)!;
    const tr = a.total.row! + 1;
    const col = (c: number) => c + 1;
    expect(ws.getCell(tr, col(a.table.columns.max!)).numFmt).toBe("0.00");
    expect(ws.getCell(tr, col(a.table.columns.achieved!)).numFmt).toBe("0.00");
    expect(ws.getCell(tr, col(a.table.columns.achieved!)).formula).toMatch(/^ROUND\(/);
  });

  test("Office host (fake Excel): the total row's cells get the 0.00 format", async () => {
    officeSetup(sampleWorkbook());
    const { basis } = await recalcCommand();
    const a = analyzed(basis.active);
    const after = (await officeRead()).active;
    const tr = a.total.row! - after.top;
    expect(after.numberFormats?.[tr]?.[a.table.columns.max! - after.left]).toBe("0.00");
    expect(after.numberFormats?.[tr]?.[a.table.columns.achieved! - after.left]).toBe("0.00");
  });
});

describeWithLibreOffice("LibreOffice renders the written formats", () => {
  jest.setTimeout(240_000);

  test("the recomputed total shows 99.50, not 99.5 (General)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "par-formats-lo-"));
    const wb = sampleXlsx();
    const snap = readSnapshot(wb);
    const a = analyzed(snap.active);
    applyChangeSet(wb, planRecalcAndHighlight(snap.active, a));
    const file = join(dir, "formats.xlsx");
    writeFileSync(file, await saveWorkbook(wb));
    libreOffice(dir).convert([file], CSV_UTF8); // cells as shown (formatted), after a recalculation
    const rows = parseCsv(readFileSync(join(dir, "formats.csv"), "utf8"));
    const total = rows[a.total.row!];
    // LibreOffice's locale here is en-US: "." shown (Excel shows "99,50" in a Vietnamese locale)
    expect(total[a.table.columns.max!]).toBe("99.50");
    expect(total[a.table.columns.achieved!]).toBe("84.87");
  });
});
