/**
 * The add-in's commands on real .xlsx files: each variant of the seed table is written to bytes, read
 * back, planned by the core, applied by the host, saved and read again, as a user's file would be.
 */
import type * as ExcelJS from "exceljs";
import {
  applyChangeSet as simulate,
  evaluateFormula,
  invertChangeSet,
  planClearHighlight,
  planHighlight,
  planRecalc,
  planRecalcAndHighlight,
  SAMPLE_SHEET,
  type ChangeSet,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../../../src/core";
import { applyChangeSet, loadWorkbook, readSnapshot, saveWorkbook } from "../../../src/hosts/xlsx";
import { cellValue } from "../../../src/hosts/xlsx/cells";
import {
  analyzed,
  cellMap,
  definedNames,
  footprint,
  rawCells,
  roundTrip,
  seedWorkbook,
  sheetFurniture,
  stable,
  styleWithout,
  SUMMARY,
  type Seed,
  zipEntry,
  type SeedOptions,
} from "./helpers";

type Command = "recalc" | "highlight" | "recalc+highlight" | "clear-highlight";
const COMMANDS: Command[] = ["recalc", "highlight", "recalc+highlight", "clear-highlight"];
const VARIANTS: [string, SeedOptions][] = [
  ["the seed", {}],
  ["the table at C5", { headerRow: 4, left: 2, coverSheet: true }],
  ["an Excel table", { excelTable: true }],
  ["numbers as numbers", { numbers: true }],
];

function plan(cmd: Command, s: SheetSnapshot, original: SheetSnapshot): ChangeSet {
  const a = analyzed(s);
  switch (cmd) {
    case "recalc":
      return planRecalc(s, a).changeSet;
    case "highlight":
      return planHighlight(s, a);
    case "recalc+highlight":
      return planRecalcAndHighlight(s, a);
    case "clear-highlight":
      return planClearHighlight(s, a, original);
  }
}

interface Run {
  seed: Seed;
  /** The seed as the user's file. */
  original: ExcelJS.Workbook;
  /** The file the command starts from (the highlighted file for clear-highlight). */
  start: ExcelJS.Workbook;
  s0: WorkbookSnapshot;
  cs: ChangeSet;
  /** The file after the command, saved and opened again. */
  after: ExcelJS.Workbook;
  bytes: Uint8Array;
  s1: WorkbookSnapshot;
}

async function run(cmd: Command, opts: SeedOptions): Promise<Run> {
  const seed = seedWorkbook(opts);
  const bytes = await saveWorkbook(seed.wb);
  const original = await loadWorkbook(bytes);
  let startBytes = bytes;
  if (cmd === "clear-highlight") {
    const wb = await loadWorkbook(bytes);
    const s = readSnapshot(wb);
    applyChangeSet(wb, planHighlight(s.active, analyzed(s.active)));
    startBytes = await saveWorkbook(wb);
  }
  const start = await loadWorkbook(startBytes);
  const work = await loadWorkbook(startBytes);
  const s0 = readSnapshot(work);
  const cs = plan(cmd, s0.active, readSnapshot(original).active);
  applyChangeSet(work, cs);
  const out = await saveWorkbook(work);
  const after = await loadWorkbook(out);
  return {
    seed,
    original,
    start,
    s0,
    cs,
    after,
    bytes: out,
    s1: readSnapshot(after, { sheet: s0.active.name }),
  };
}

/** The width a change set gives a column, or null. */
function widthSet(cs: ChangeSet, col: number): number | null {
  const op = cs.ops.find((o) => o.op === "setColumnWidth" && o.col === col);
  return op && op.op === "setColumnWidth" ? op.width : null;
}

/** A formula's value in a workbook, as the core computes it (undefined when it cannot). */
function evaluateIn(wb: ExcelJS.Workbook, formula: string, home: string) {
  try {
    const v = evaluateFormula(
      formula,
      (sheet, row, col) => {
        const cell = sheet ? wb.getWorksheet(sheet)?.findCell(row + 1, col + 1) : undefined;
        return cell ? cellValue(cell, false) : null;
      },
      home,
    );
    return v === "" ? null : v;
  } catch {
    return undefined;
  }
}

/** Everything about a sheet that a command may move but must not lose. */
const furniture = (ws: ExcelJS.Worksheet) => stable(sheetFurniture(ws));

describe.each(VARIANTS)("%s", (_name, opts) => {
  describe.each(COMMANDS)("%s", (cmd) => {
    let r: Run;
    beforeAll(async () => {
      r = await run(cmd, opts);
    });

    test("the file reads back as WorkbookModel's simulation of the change set", () => {
      const expected = simulate(r.s0, r.cs);
      expect(cellMap(r.s1.active)).toEqual(cellMap(expected.active));
      const strip = (s: SheetSnapshot) => ({ t: s.tables, v: s.validations, w: s.columnWidths });
      expect(strip(r.s1.active)).toEqual(strip(expected.active));
      expect(r.s1.sheetNames).toEqual(expected.sheetNames);
    });

    test("every cell the command does not write is as it was: value, formula, result, style, note", () => {
      for (const ws of r.start.worksheets) {
        const fp = footprint(r.cs, ws.name);
        const before = rawCells(ws);
        const after = rawCells(r.after.getWorksheet(ws.name)!);
        const seen = new Set<string>();
        for (const [key, cell] of before) {
          const [row, col] = key.split(",").map(Number);
          const to = fp.where(row, col);
          expect([key, to]).not.toEqual([key, null]);
          const k = `${to![0]},${to![1]}`;
          seen.add(k);
          const now = after.get(k) ?? { value: "null", style: {}, note: undefined };
          if (!fp.values.has(k)) {
            let value = cell.value;
            const f = /^\{"f":"((?:[^"\\]|\\.)*)","r":/.exec(value);
            if (f) {
              // A formula moves its references; its result follows the cells it reads (as in Excel).
              const text = JSON.parse(`"${f[1]}"`) as string;
              const moved = fp.formulaAnyBand(`=${text}`, ws.name);
              const result = evaluateIn(r.after, moved, ws.name);
              value = stable({ f: moved.slice(1), r: result === undefined ? JSON.parse(value).r : result });
            }
            expect([ws.name, k, now?.value]).toEqual([ws.name, k, value]);
            expect([ws.name, k, now?.note]).toEqual([ws.name, k, cell.note]);
          }
          const keys = fp.styles.get(k);
          expect([ws.name, k, styleWithout(now?.style ?? {}, keys)]).toEqual([
            ws.name,
            k,
            styleWithout(cell.style, keys),
          ]);
        }
        // New cells only where the command writes (and the hidden cells of a merge that grew).
        for (const [k, cell] of after) {
          if (seen.has(k) || fp.values.has(k) || fp.styles.has(k)) continue;
          expect([ws.name, k, cell.value, cell.style]).toEqual([ws.name, k, "merge", {}]);
        }
      }
    });

    test("the command twice = once", async () => {
      const again = await loadWorkbook(await saveWorkbook(r.after));
      const s = readSnapshot(again);
      const cs2 = plan(cmd, s.active, readSnapshot(r.original).active);
      applyChangeSet(again, cs2);
      const twice = await roundTrip(again);
      for (const ws of r.after.worksheets) {
        const other = twice.getWorksheet(ws.name)!;
        expect(stable([...rawCells(other)])).toEqual(stable([...rawCells(ws)]));
        expect(furniture(other)).toEqual(furniture(ws));
      }
      expect(definedNames(twice)).toEqual(definedNames(r.after));
    });

    test("undo (invertChangeSet on the snapshot before) restores the file: cells, formulas, fills, everything moved", async () => {
      const wb = await loadWorkbook(await saveWorkbook(r.after));
      applyChangeSet(wb, invertChangeSet(r.s0, r.cs));
      const back = await roundTrip(wb);
      const s = readSnapshot(back, { sheet: r.s0.active.name });
      expect(cellMap(s.active)).toEqual(cellMap(r.s0.active));
      expect({ ...s.active, top: 0, left: 0 }).toEqual({ ...r.s0.active, top: 0, left: 0 });
      for (const ws of r.start.worksheets) {
        const other = back.getWorksheet(ws.name)!;
        const values = (m: Map<string, { value: string; note?: string }>) =>
          stable([...m].map(([k, c]) => [k, c.value, c.note ?? null]));
        expect(values(rawCells(other))).toEqual(values(rawCells(ws)));
        expect(furniture(other)).toEqual(furniture(ws));
      }
      expect(definedNames(back)).toEqual(definedNames(r.start));
      expect(back.worksheets.map((w) => w.name)).toEqual(r.start.worksheets.map((w) => w.name));
    });
  });
});

describe("recalc on the seed file", () => {
  let r: Run;
  beforeAll(async () => {
    r = await run("recalc", {});
  });

  test("the re-read file totals 99,5 / 84,87 / 14,63 / 85,3 %", () => {
    const a = analyzed(r.s1.active);
    expect(a.total).toMatchObject({ max: 99.5, achieved: 84.87, gap: 14.63, percent: 85.3 });
    expect(a.issues).toEqual([]);
  });

  test("the gap and percent formulas' cached results are the engine's numbers", () => {
    const a0 = analyzed(r.s0.active);
    const ws = r.after.getWorksheet(SAMPLE_SHEET)!;
    const gapCol = a0.table.columns.gap!;
    const pctCol = gapCol + 1;
    let checked = 0;
    for (const row of a0.rows) {
      if (row.gap === null) continue;
      const gap = ws.getCell(row.row + 1, gapCol + 1);
      const pct = ws.getCell(row.row + 1, pctCol + 1);
      expect([row.code, gap.formula?.startsWith("IF("), gap.result]).toEqual([row.code, true, row.gap]);
      if (row.percent !== null) expect(pct.result as number).toBeCloseTo(row.percent / 100, 9);
      checked++;
    }
    expect(checked).toBe(27);
    const total = a0.total.row! + 1;
    expect([2, 3, 4, 5].map((c) => ws.getCell(total, c + 1).result)).toEqual([99.5, 84.87, 14.63, 0.853]);
    // ExcelJS does not read calcPr back: look at the saved workbook.xml itself.
    expect(zipEntry(r.bytes, "xl/workbook.xml")).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  test("merges, conditional formats, validations, widths, names and formulas move as Excel moves them", () => {
    const ws = r.after.getWorksheet(SAMPLE_SHEET)!;
    const f = sheetFurniture(ws);
    expect(f.merges).toEqual(["A1:G1"]);
    expect(f.cf).toEqual([{ ref: "J4:J34", formulae: [['AND(J4="Chưa khắc phục",G4<>"")']] }]);
    expect(f.dv).toHaveLength(31);
    expect(f.dv.every((d) => d.startsWith("J"))).toBe(true);
    // The inserted column has no width of its own unless the change set gives it one.
    expect(f.widths).toEqual([6, 50, 10, 10, 12, widthSet(r.cs, 5), 45, 4, 4, 18, 20]);
    expect(definedNames(r.after)).toEqual([{ name: "LyDo", ranges: [`'${SAMPLE_SHEET}'!$G$4:$G$34`] }]);
    expect(ws.getCell("K5").formula).toBe('IF(G5="","","Có nguyên nhân")');
    expect(ws.getCell("K5").result).toBe("Có nguyên nhân");
    expect(ws.getCell("G3").note).toBe("Theo báo cáo của Sở Nội vụ");
    expect(ws.getCell("G12").value).toEqual(r.original.getWorksheet(SAMPLE_SHEET)!.getCell("F12").value);
    const sum = r.after.getWorksheet(SUMMARY)!;
    expect(["B1", "B2", "B3", "D1", "D2", "D3"].map((a) => sum.getCell(a).formula)).toEqual([
      `'${SAMPLE_SHEET}'!G5`,
      `'${SAMPLE_SHEET}'!E34`,
      `SUM('${SAMPLE_SHEET}'!C4:G4)`,
      `'${SAMPLE_SHEET}'!G4`,
      `'${SAMPLE_SHEET}'!G5`,
      `'${SAMPLE_SHEET}'!G6`,
    ]);
    expect(sum.getCell("B1").result).toBe(r.original.getWorksheet(SUMMARY)!.getCell("B1").result);
  });

  test("the inserted column is plain: no value, style or width from its neighbours", () => {
    const ws = r.after.getWorksheet(SAMPLE_SHEET)!;
    const cells = rawCells(ws);
    const inserted = [...cells].filter(([k]) => k.endsWith(",5"));
    const a0 = analyzed(r.s0.active);
    const written = new Set([
      a0.total.row!,
      a0.table.headerRow,
      ...a0.rows.map((x) => x.row),
      ...a0.skipped.map((x) => x.row),
    ]);
    for (const [k, c] of inserted) {
      const row = Number(k.split(",")[0]);
      if (row === 0) expect(c.value).toBe("merge");
      else expect([k, written.has(row)]).toEqual([k, true]);
    }
  });
});

describe("recalc on an Excel table", () => {
  let r: Run;
  beforeAll(async () => {
    r = await run("recalc", { excelTable: true });
  });

  test("the table gains a table column named by its new header; rows outside the table stay", () => {
    const ws = r.after.getWorksheet(SAMPLE_SHEET)!;
    const f = sheetFurniture(ws);
    expect(f.tables).toEqual([
      {
        name: "KetQua",
        ref: "A3:G34",
        columns: [
          "TT",
          "Lĩnh vực/tiêu chí/tiêu chí thành phần",
          "Điểm tối đa",
          "Điểm đạt được",
          "Chưa đạt so với điểm tối đa",
          "Tỷ lệ đạt (%)",
          "Nguyên nhân chưa đạt điểm",
        ],
      },
    ]);
    // The title row is outside the table: its merge and its cells do not move.
    expect(f.merges).toEqual(["A1:F1"]);
    expect(f.widths.slice(0, 10).filter((_, i) => i !== 5)).toEqual([6, 50, 10, 10, 12, 4, 4, 18, 20]);
    expect(f.widths[5]).toBe(widthSet(r.cs, 5) ?? 45);
    // Inside the table's rows, everything right of the insertion moved one column.
    expect(f.cf[0].ref).toBe("J4:J34");
    expect(ws.getCell("K5").formula).toBe('IF(G5="","","Có nguyên nhân")');
    expect(definedNames(r.after)).toEqual([{ name: "LyDo", ranges: [`'${SAMPLE_SHEET}'!$G$4:$G$34`] }]);
    expect(r.s1.active.tables?.[0]).toMatchObject({ name: "KetQua", showHeaders: true });
  });
});
