// The xlsx host's conditional formats, defined names, frozen panes and print setup: written as the core's
// model says, kept through save and load, and the user's own rules and fills never touched.
import {
  isAddinRule,
  PALETTE,
  planClearHighlight,
  planHighlight,
  planRecalcAndHighlight,
  shownFills,
  type ChangeSet,
} from "../../../src/core";
import { applyChangeSet, loadWorkbook, readSnapshot, saveWorkbook } from "../../../src/hosts/xlsx";
import { analyzed, roundTrip, seedWorkbook, zipEntry } from "./helpers";

const SHEET_NAME = (wb: import("exceljs").Workbook) => readSnapshot(wb).active.name;

describe("live highlighting in the xlsx host", () => {
  test("highlight writes rules, not fills; they survive save/load and colour unmet rows", async () => {
    const { wb, markCol } = seedWorkbook();
    const before = readSnapshot(wb).active;
    const userRules = before.conditionalFormats!.length;
    applyChangeSet(wb, planHighlight(before, analyzed(before)));
    const back = await roundTrip(wb);
    const s = readSnapshot(back).active;
    const mine = s.conditionalFormats!.filter(isAddinRule);
    expect(mine.length).toBeGreaterThan(0);
    expect(s.conditionalFormats!.length).toBe(userRules + mine.length);
    const a = analyzed(s);
    const zero = a.rows.find((r) => r.status === "zero")!;
    const met = a.rows.find((r) => r.status === "met")!;
    const shown = shownFills(s);
    expect(shown[zero.row - s.top][a.table.left - s.left]).toBe(PALETTE.zero);
    expect(shown[met.row - s.top][a.table.left - s.left]).toBeNull();
    // The cells' own fills in the table are what they were.
    for (let r = a.table.firstRow; r <= a.table.lastRow; r++)
      for (let c = a.table.left; c <= a.table.right; c++)
        expect(s.fills![r - s.top][c - s.left]).toBe(before.fills![r - before.top][c - before.left]);
    expect(markCol).toBeGreaterThan(a.table.right);
  });

  test("twice = once, and clear removes only the add-in's rules", async () => {
    const { wb } = seedWorkbook();
    const s0 = readSnapshot(wb).active;
    applyChangeSet(wb, planRecalcAndHighlight(s0, analyzed(s0)));
    const s1 = readSnapshot(wb).active;
    const again = planHighlight(s1, analyzed(s1));
    expect(again.ops.filter((o) => o.op.includes("Conditional"))).toEqual([]);
    applyChangeSet(wb, planClearHighlight(s1, analyzed(s1)));
    const s2 = readSnapshot(await roundTrip(wb)).active;
    expect(s2.conditionalFormats!.some(isAddinRule)).toBe(false);
    // The user's rule stays (moved with the column recalc inserted).
    expect(s2.conditionalFormats).toEqual(s1.conditionalFormats!.filter((r) => !isAddinRule(r)));
    expect(s2.conditionalFormats).toHaveLength(s0.conditionalFormats!.length);
  });

  test("the rule's fill is a dxf solid fill in the sheet XML", async () => {
    const { wb } = seedWorkbook();
    const s = readSnapshot(wb).active;
    applyChangeSet(wb, planHighlight(s, analyzed(s)));
    const bytes = await saveWorkbook(wb);
    const sheetXml = zipEntry(bytes, "xl/worksheets/sheet1.xml");
    expect(sheetXml).toContain("ISTEXT(&quot;PARINDEX&quot;)");
    expect(zipEntry(bytes, "xl/styles.xml")).toMatch(/<dxf>[\s\S]*FFC7CE/);
  });
});

describe("defined names, frozen panes and print setup in the xlsx host", () => {
  const cs = (sheet: string, ops: ChangeSet["ops"]): ChangeSet => ({ command: "plan", ops, counts: {} });

  test("a hidden constant name is written, kept through save/load, replaced and removed", async () => {
    const { wb } = seedWorkbook();
    const sheet = SHEET_NAME(wb);
    applyChangeSet(
      wb,
      cs(sheet, [
        { op: "setName", sheet, name: "_ParIndex_Unit", ref: '="commune"', hidden: true },
        { op: "setName", sheet, name: "_ParIndex_Owned_Plan", ref: `='${sheet}'!$A$1`, hidden: true },
      ]),
    );
    const bytes = await saveWorkbook(wb);
    const xml = zipEntry(bytes, "xl/workbook.xml");
    expect(xml).toContain('<definedName name="_ParIndex_Unit" hidden="1">&quot;commune&quot;</definedName>');
    expect(xml.match(/_ParIndex_Owned_Plan/g)).toHaveLength(1);
    const back = await loadWorkbook(bytes);
    const names = readSnapshot(back).names!;
    expect(names).toContainEqual({ name: "_ParIndex_Unit", ref: '="commune"', hidden: true });
    expect(names.find((n) => n.name === "_ParIndex_Owned_Plan")?.hidden).toBe(true);
    // The user's own names stay.
    expect(names.length).toBeGreaterThan(2);
    applyChangeSet(
      back,
      cs(sheet, [{ op: "setName", sheet, name: "_ParIndex_Unit", ref: '="ward"', hidden: true }]),
    );
    applyChangeSet(back, cs(sheet, [{ op: "setName", sheet, name: "_ParIndex_Owned_Plan", ref: null }]));
    const again = readSnapshot(await roundTrip(back)).names!;
    expect(again.find((n) => n.name === "_ParIndex_Unit")?.ref).toBe('="ward"');
    expect(again.some((n) => n.name === "_ParIndex_Owned_Plan")).toBe(false);
    expect(again.length).toBe(names.length - 1);
  });

  test("frozen header rows and A4 landscape, header rows repeated, fit to width", async () => {
    const { wb } = seedWorkbook();
    const sheet = SHEET_NAME(wb);
    applyChangeSet(
      wb,
      cs(sheet, [
        { op: "freezePanes", sheet, rows: 3, cols: 0 },
        {
          op: "setPageSetup",
          sheet,
          setup: {
            orientation: "landscape",
            paper: "A4",
            repeatRows: { first: 2, last: 2 },
            fitToWidth: true,
          },
        },
      ]),
    );
    const bytes = await saveWorkbook(wb);
    const back = await loadWorkbook(bytes);
    expect(readSnapshot(back).active.frozen).toEqual({ rows: 3, cols: 0 });
    const xml = zipEntry(bytes, "xl/worksheets/sheet1.xml");
    expect(xml).toMatch(/<pageSetup[^>]*paperSize="9"/);
    expect(xml).toMatch(/<pageSetup[^>]*orientation="landscape"/);
    expect(xml).toMatch(/<pageSetup[^>]*fitToHeight="0"/);
    expect(xml).toMatch(/<pageSetUpPr[^>]*fitToPage="1"/);
    expect(zipEntry(bytes, "xl/workbook.xml")).toMatch(/_xlnm\.Print_Titles[^>]*>[^<]*\$3:\$3/);
  });
});
