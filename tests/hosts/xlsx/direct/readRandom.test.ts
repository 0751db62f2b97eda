/**
 * The direct reader against the ExcelJS reader on random workbooks (seeded): every kind of value (numbers,
 * text, rich text, booleans, errors, dates, formulas with and without results, shared formulas), styles
 * (bold, font colours by ARGB and theme with tints, font names, pattern fills, wrap, number formats), row and
 * column styles under merges, widths, hidden columns, list validations, formula conditional formats with
 * dxf colours, frozen panes, tables, hidden sheets, range names. Same snapshot, option for option.
 */
import * as ExcelJS from "exceljs";
import { loadWorkbook } from "../../../../src/hosts/xlsx/workbook";
import { readSnapshot } from "../../../../src/hosts/xlsx/read";
import { openPackage } from "../../../../src/hosts/xlsx/direct/package";
import { readPackage } from "../../../../src/hosts/xlsx/direct/read";
import { rng as seeded } from "../../../support/seeded";

/** The seeded generator with the helpers these tests draw with. */
function rng(seed: number) {
  const next = seeded(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  return { next, int, pick, chance: (p: number) => next() < p };
}
type R = ReturnType<typeof rng>;

const WORDS = [
  "Tiêu chí",
  "Điểm đạt",
  "Lĩnh vực",
  "Cải cách",
  "hành chính",
  "KAD",
  "—",
  " có khoảng ",
  "Tổng",
];
const FORMATS = ["0.00", "#,##0", "0%", "dd/mm/yyyy", "mm-dd-yy", "@", "General", '0.0 "điểm"', "[h]:mm"];
const COLORS: Partial<ExcelJS.Color>[] = [
  { argb: "FFFF0000" },
  { argb: "FF00B050" },
  { theme: 4 },
  { theme: 5, tint: -0.249977111117893 } as Partial<ExcelJS.Color>,
  { theme: 0, tint: -0.1499984740745262 } as Partial<ExcelJS.Color>,
  { theme: 1 },
  { indexed: 10 } as Partial<ExcelJS.Color>,
];

function value(r: R, row: number, col: number): ExcelJS.CellValue {
  switch (r.int(11)) {
    case 0:
    case 1:
      return Math.round(r.next() * 1000) / 100;
    case 2:
    case 3:
      return `${r.pick(WORDS)} ${r.int(100)}`;
    case 4:
      return { richText: [{ text: r.pick(WORDS) }, { text: " đậm", font: { bold: true } }] };
    case 5:
      return r.chance(0.5);
    case 6:
      return { error: r.pick(["#N/A", "#DIV/0!", "#VALUE!"]) } as ExcelJS.CellErrorValue;
    case 7:
      return new Date(Date.UTC(2020 + r.int(5), r.int(12), 1 + r.int(28), r.int(24), r.int(60)));
    case 8:
      return {
        formula: `A${row}+${col}`,
        result: r.chance(0.7) ? r.int(50) : undefined,
      } as ExcelJS.CellFormulaValue;
    case 9:
      return {
        formula: `IF(A${row}>1,"lớn","nhỏ")`,
        result: r.pick(["lớn", "nhỏ", ""]),
      } as ExcelJS.CellFormulaValue;
    default:
      return null;
  }
}

function style(r: R, dates = true): Partial<ExcelJS.Style> {
  const s: Partial<ExcelJS.Style> = {};
  if (r.chance(0.4))
    s.font = {
      bold: r.chance(0.5),
      name: r.pick(["Times New Roman", ".VnTime", "Calibri"]),
      color: r.chance(0.5) ? r.pick(COLORS) : undefined,
    };
  if (r.chance(0.3))
    s.fill = r.chance(0.8)
      ? {
          type: "pattern",
          pattern: r.pick(["solid", "darkGray", "lightGrid"] as const),
          fgColor: r.pick(COLORS),
          bgColor: r.pick(COLORS),
        }
      : { type: "pattern", pattern: "none" };
  if (r.chance(0.3)) s.alignment = { wrapText: r.chance(0.6), vertical: "top" };
  if (r.chance(0.3)) s.numFmt = r.pick(dates ? FORMATS : FORMATS.filter((f) => !/[dmyh]/.test(f)));
  return s;
}

async function randomBook(seed: number): Promise<Uint8Array> {
  const r = rng(seed);
  const wb = new ExcelJS.Workbook();
  if (r.chance(0.2)) wb.properties.date1904 = true;
  const nSheets = 1 + r.int(3);
  for (let k = 0; k < nSheets; k++) {
    const ws = wb.addWorksheet(`Trang ${k + 1}${r.chance(0.3) ? " năm 2024" : ""}`, {
      state: k > 0 && r.chance(0.3) ? r.pick(["hidden", "veryHidden"] as const) : "visible",
      views: r.chance(0.4) ? [{ state: "frozen", xSplit: r.int(3), ySplit: 1 + r.int(4) }] : undefined,
    });
    const rows = 5 + r.int(70);
    const cols = 2 + r.int(7);
    for (let c = 1; c <= cols + 1; c++) {
      const col = ws.getColumn(c);
      if (r.chance(0.4)) col.width = 5 + r.int(40);
      if (r.chance(0.1)) col.hidden = true;
      if (r.chance(0.15)) col.style = style(r, false); // (no dates: see below)
    }
    for (let i = 1; i <= rows; i++) {
      const row = ws.getRow(i);
      if (r.chance(0.05)) (row as unknown as { style: Partial<ExcelJS.Style> }).style = style(r, false);
      for (let c = 1; c <= cols; c++) {
        if (r.chance(0.25)) continue;
        const cell = row.getCell(c);
        const v = value(r, i, c);
        cell.value = v;
        if (r.chance(0.4)) {
          const st = style(r);
          // A text result under a date format: ExcelJS reads NaN, the direct reader the text (readExcel.test.ts).
          if (
            typeof (v as { result?: unknown } | null)?.result === "string" &&
            /[dmyh]/.test(st.numFmt ?? "")
          )
            delete st.numFmt;
          cell.style = st;
        }
      }
    }
    // Shared formulas down a column.
    if (r.chance(0.5)) {
      const c = cols + 3; // right of every merge
      ws.getCell(1, c).value = {
        formula: "A1*2",
        result: 2,
        shareType: "shared",
        ref: `${ws.getColumn(c).letter}1:${ws.getColumn(c).letter}4`,
      } as unknown as ExcelJS.CellValue;
      for (let i = 2; i <= 4; i++)
        ws.getCell(i, c).value = {
          sharedFormula: `${ws.getColumn(c).letter}1`,
          result: i * 2,
        } as ExcelJS.CellSharedFormulaValue;
    }
    for (let m = 0; m < r.int(3); m++) {
      const top = 1 + r.int(rows - 2);
      const left = 1 + r.int(cols - 1);
      try {
        ws.mergeCells(top, left, top + r.int(2), left + 1 + r.int(2));
      } catch {
        // overlaps an earlier merge
      }
    }
    const vc = 1 + r.int(cols);
    if (r.chance(0.5))
      (
        ws as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } }
      ).dataValidations.add(`${ws.getColumn(vc).letter}2:${ws.getColumn(vc).letter}${rows}`, {
        type: "list",
        allowBlank: true,
        formulae: [`"Đạt,Chưa đạt,${r.pick(WORDS)}"`],
      });
    if (r.chance(0.5))
      ws.addConditionalFormatting({
        ref: `A2:${ws.getColumn(cols).letter}${rows}`,
        rules: [
          {
            type: "expression",
            priority: 1,
            formulae: [`$A2>${r.int(5)}`],
            style: {
              fill: { type: "pattern", pattern: "solid", bgColor: r.pick(COLORS) },
              font: { color: r.pick(COLORS) },
            },
          },
          {
            type: "cellIs",
            priority: 2,
            operator: "lessThan",
            formulae: ["0"],
            style: { font: { bold: true } },
          },
        ],
      });
    if (r.chance(0.3)) {
      const top = rows + 3;
      ws.addTable({
        name: `Bang${seed}_${k}`,
        ref: `B${top}`,
        headerRow: true,
        totalsRow: r.chance(0.5),
        style: r.chance(0.5) ? { theme: "TableStyleMedium2", showRowStripes: true } : undefined,
        columns: [{ name: "Mã" }, { name: "Điểm", totalsRowFunction: "sum" }],
        rows: [
          ["1.1", 2],
          ["1.2", 3],
        ],
      });
    }
    if (r.chance(0.5)) wb.definedNames.add(`'${ws.name}'!$A$1:$B$${1 + r.int(5)}`, `Vung${k}`);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test.each(Array.from({ length: 40 }, (_, i) => i + 1))("random workbook %i", async (seed) => {
  const bytes = await randomBook(seed);
  const wb = await loadWorkbook(bytes);
  const pkg = await openPackage(bytes);
  const names = pkg.sheetEntries.map((s) => s.name);
  for (const opts of [{}, ...names.map((sheet) => ({ sheet })), { others: names.slice(1) }])
    expect(readPackage(pkg, opts)).toStrictEqual(readSnapshot(wb, opts));
});
