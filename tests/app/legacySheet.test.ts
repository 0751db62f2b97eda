/**
 * Issue 11 items 6 and 7 through the app layer and the xlsx host: the seed typed in TCVN3 (.VnTime, capitals in
 * .VnTimeH) and in VNI (VNI-Times), as ExcelJS files; the table found, names right, the seed's figures; what the
 * add-in writes gets a Unicode font; "Convert to Unicode" once = twice, undone byte for byte; the sheet's
 * text follows the table's language whatever the panel's.
 */
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { analyzeWorkbook, planCommand } from "../../src/app/commands";
import { planApplyAll } from "../../src/app/applyAll";
import { Session } from "../../src/app/session";
import { SAMPLE_ROWS, SAMPLE_TITLE, sampleWorkbook, type Op, type WorkbookSnapshot } from "../../src/core";
import { loadWorkbook, saveWorkbook, XlsxHost, readSnapshot } from "../../src/hosts/xlsx";
import { book, seedRows, sheetOf } from "../core/helpers";
import { encodeTcvn3, encodeTcvn3H, encodeVni, isCapitals, vnTimeable } from "../support/legacyEncode";

type Encoding = "tcvn3" | "vni";

/** A cell as an office typed it: the legacy text and its font. */
function typed(text: string, encoding: Encoding): { text: string; font: string } {
  if (encoding === "vni") return { text: encodeVni(text), font: "VNI-Times" };
  return isCapitals(text)
    ? { text: encodeTcvn3H(text), font: ".VnTimeH" }
    : { text: encodeTcvn3(text), font: ".VnTime" };
}

/** What the legacy cell shows, in Unicode (a lower-case TCVN3 font cannot show toned capitals). */
function shown(text: string, encoding: Encoding): string {
  return encoding === "vni" || isCapitals(text) ? text : vnTimeable(text);
}

/** The seed table as a legacy office's .xlsx: title, header on row 3, every text cell in the legacy font. */
async function legacySeed(encoding: Encoding): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Kết quả 2023");
  const put = (row: number, col: number, text: string) => {
    const t = typed(text, encoding);
    const cell = ws.getCell(row, col);
    cell.value = t.text;
    cell.font = { name: t.font, size: 13 };
  };
  put(1, 1, SAMPLE_TITLE);
  SAMPLE_ROWS.forEach((row, i) => row.forEach((v, j) => v !== "" && put(3 + i, 1 + j, v)));
  ws.getColumn(2).width = 50;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * The seed as many legacy offices type it: scores as numbers (no font of their own), codes as plain text, names
 * and headers in the legacy font, and no reasons written — so the add-in's three Unicode cells per unmet row
 * (agencies and tasks) outnumber the legacy text cells of the table.
 */
async function legacyNumbersNoReasons(encoding: Encoding): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Kết quả 2023");
  ws.getCell(1, 1).value = typed(SAMPLE_TITLE, encoding).text;
  ws.getCell(1, 1).font = { name: typed(SAMPLE_TITLE, encoding).font, size: 13 };
  SAMPLE_ROWS.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v === "" || (i > 0 && j === 5)) return;
      const cell = ws.getCell(3 + i, 1 + j);
      if (i > 0 && j < 1) cell.value = v;
      else if (i > 0 && j >= 2) cell.value = Number(v.replace(",", "."));
      else {
        const t = typed(v, encoding);
        cell.value = t.text;
        cell.font = { name: t.font, size: 13 };
      }
    }),
  );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function hostOf(bytes: Uint8Array) {
  const wb = await loadWorkbook(bytes);
  return { wb, host: new XlsxHost(wb) };
}

/** The sheet part of a saved workbook, and its styles: what "the same bytes" means for a sheet. */
async function sheetParts(wb: ExcelJS.Workbook): Promise<string[]> {
  const zip = await JSZip.loadAsync(await saveWorkbook(wb));
  return Promise.all(
    ["xl/worksheets/sheet1.xml", "xl/styles.xml", "xl/sharedStrings.xml"].map(
      async (p) => (await zip.file(p)?.async("string")) ?? "",
    ),
  );
}

/** The seed's criterion names as the Unicode table gives them (continuation rows joined). */
const SEED_NAMES = (() => {
  const a = analyzeWorkbook(sampleWorkbook());
  if (!a.ok) throw new Error("the seed");
  return a.summary.rows.map((r) => [r.code, r.name] as const);
})();

describe.each<Encoding>(["tcvn3", "vni"])("the seed typed in %s", (encoding) => {
  test("the table is found and read as Unicode: 84,87 / 99,50, every criterion's name right", async () => {
    const { host } = await hostOf(await legacySeed(encoding));
    const r = await new Session(host, "en", { chooseSheet: true }).analyze();
    if (!r.ok) throw new Error(r.error.message.en);
    expect(r.summary!.total).toMatchObject({ max: 99.5, achieved: 84.87 });
    expect(r.summary!.unmet).toHaveLength(19);
    // The panel learns the sheet is legacy (to offer "Convert to Unicode").
    expect(r.summary!.legacyEncoding).toBe(encoding);
    const names = new Map(r.summary!.rows.map((x) => [x.code, x.name]));
    for (const [code, name] of SEED_NAMES) expect(names.get(code)).toBe(shown(name, encoding));
    // Unicode names reach the catalogue: the seed's criteria get their own agencies, not the fallback.
    expect(r.summary!.unmet.filter((u) => u.match === "generic")).toEqual([]);
  });

  test("every cell Recalculate writes into the sheet gets a Unicode font; the legacy cells keep theirs", async () => {
    const { wb, host } = await hostOf(await legacySeed(encoding));
    const ws = await host.read();
    const out = planCommand(ws, "recalc", { lang: "vi" });
    if (!out.ok) throw new Error(out.error.message.en);
    const sheet = ws.active.name;
    const fontOps = out.changeSet.ops.filter(
      (op): op is Extract<Op, { op: "setStyle" }> => op.op === "setStyle" && "fontName" in op.style,
    );
    expect(fontOps.length).toBeGreaterThan(0);
    for (const op of fontOps) expect(op.style.fontName).toBe("Times New Roman");
    await host.apply(out.prepared);
    const after = readSnapshot(wb).active;
    let written = 0;
    out.changeSet.ops.forEach((op, i) => {
      if (op.op !== "setCells" || op.sheet !== sheet) return;
      // The font op follows its write directly (same coordinates), whatever comes after.
      expect(out.changeSet.ops[i + 1]).toMatchObject({
        op: "setStyle",
        style: { fontName: "Times New Roman" },
      });
      written++;
    });
    expect(written).toBeGreaterThan(0);
    // Every text or formula the recalc wrote (the percent column F, the gap formulas, the legend) shows in
    // Times New Roman; no column is inserted after a write, so the ops' coordinates are the file's.
    const wsx = wb.getWorksheet(sheet)!;
    const firstWrite = out.changeSet.ops.findIndex((op) => op.op === "setCells");
    expect(out.changeSet.ops.slice(firstWrite).some((op) => op.op === "insertColumns")).toBe(false);
    let cells = 0;
    for (const op of out.changeSet.ops) {
      if (op.op !== "setCells" || op.sheet !== sheet) continue;
      op.cells.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v?.kind !== "text" && v?.kind !== "formula" && v?.kind !== "rowFormula") return;
          expect(wsx.getCell(op.top + r + 1, op.left + c + 1).font?.name).toBe("Times New Roman");
          cells++;
        }),
      );
    }
    expect(cells).toBeGreaterThan(30);
    expect(wsx.getCell("F3").value).toBe("Tỷ lệ đạt (%)");
    expect(after.formulas!.some((row) => row.some((f) => f !== null))).toBe(true);
    // The criterion names (B) keep their legacy fonts until the sheet is converted.
    const names = new Set(SAMPLE_ROWS.map((_, i) => wsx.getCell(4 + i, 2).font?.name).filter(Boolean));
    expect(names).toEqual(new Set(encoding === "vni" ? ["VNI-Times"] : [".VnTime", ".VnTimeH"]));
  });

  test("Convert to Unicode: text and fonts converted in one change; twice = once; undo gives the bytes back", async () => {
    const bytes = await legacySeed(encoding);
    const { wb, host } = await hostOf(bytes);
    const original = await sheetParts(await loadWorkbook(bytes));
    const s = new Session(host, "vi");
    const r1 = await s.run("convert-unicode");
    if (!r1.ok) throw new Error(r1.error.message.en);
    expect(r1.result!.vi).toMatch(/^Đã chuyển \d+ ô sang Unicode/);
    expect(r1.summary!.legacyEncoding).toBeUndefined();
    const ws = wb.worksheets[0];
    expect(ws.getCell("A1").value).toBe(shown(SAMPLE_TITLE, encoding));
    expect(ws.getCell("B4").value).toBe(shown(SAMPLE_ROWS[1][1], encoding));
    expect(ws.getCell("C3").value).toBe(shown("Điểm tối đa", encoding));
    ws.eachRow((row) => row.eachCell((c) => expect(c.font?.name).toBe("Times New Roman")));
    // Sizes and other font properties stay.
    expect(ws.getCell("B4").font?.size).toBe(13);
    const converted = await sheetParts(wb);
    // The table reads the same, now from Unicode cells.
    const a = await s.analyze();
    expect(a.ok && a.summary!.total).toMatchObject({ max: 99.5, achieved: 84.87 });
    expect(a.ok && a.summary!.legacyEncoding).toBeUndefined();

    const r2 = await new Session(host, "vi").run("convert-unicode");
    expect(r2.ok && r2.result!.en).toBe("The sheet is already in Unicode: nothing to convert.");
    expect(await sheetParts(wb)).toEqual(converted);

    const u = await s.undo();
    expect(u.ok).toBe(true);
    expect(await sheetParts(wb)).toEqual(original);
  });
});

describe.each<Encoding>(["tcvn3", "vni"])(
  "a %s table whose agencies and tasks outnumber its legacy cells",
  (encoding) => {
    test("do everything plans every step on it: the later steps still read it as legacy, names in Unicode", async () => {
      const { host } = await hostOf(await legacyNumbersNoReasons(encoding));
      const ws = await host.read();
      const o = planApplyAll(ws, { lang: "vi" });
      if (!o.ok) throw new Error(o.error.message.en);
      expect(o.results).toHaveLength(4);
      // The plan sheet lists the criteria by their Unicode names, as the panel shows them.
      const plan = o.changeSet.ops.filter(
        (op): op is Extract<Op, { op: "setCells" }> => op.op === "setCells" && op.sheet !== ws.active.name,
      );
      const texts = new Set(
        plan.flatMap((op) => op.cells.flat()).flatMap((c) => (c?.kind === "text" ? [c.text] : [])),
      );
      const unmet = o.summary.unmet;
      expect(unmet.length).toBe(19);
      for (const u of unmet) expect(texts.has(u.name)).toBe(true);
      expect([...texts].some((t) => /[¸µ¶·¹]/.test(t))).toBe(false);
    });

    test("after Assign alone the next read still finds the table, legacy, with Unicode names", async () => {
      const { host } = await hostOf(await legacyNumbersNoReasons(encoding));
      const s = new Session(host, "vi");
      const before = await s.analyze();
      if (!before.ok) throw new Error(before.error.message.en);
      const r = await s.run("assign");
      if (!r.ok) throw new Error(r.error.message.en);
      // Three Unicode cells per unmet row now stand beside one legacy name each.
      expect(before.summary!.unmet.length * 3).toBeGreaterThan(before.summary!.rows.length);
      const after = await s.analyze();
      if (!after.ok) throw new Error(after.error.message.en);
      expect(after.summary!.legacyEncoding).toBe(encoding);
      expect(after.summary!.total).toMatchObject({ max: 99.5, achieved: 84.87 });
      expect(after.summary!.rows.map((x) => x.name)).toEqual(before.summary!.rows.map((x) => x.name));
    });
  },
);

describe("the sheet keeps the table's language (issue 11 item 7)", () => {
  const textsOf = (ws: WorkbookSnapshot, lang: "vi" | "en", command: "recalc" | "assign" | "plan") => {
    const out = planCommand(ws, command, { lang });
    if (!out.ok) throw new Error(out.error.message.en);
    return out.changeSet.ops;
  };

  test.each(["recalc", "assign", "plan"] as const)(
    "%s writes the same Vietnamese text into a Vietnamese table whether the panel is in English or not",
    (command) => {
      const ws = sampleWorkbook();
      const en = textsOf(ws, "en", command);
      expect(en).toEqual(textsOf(ws, "vi", command));
      const texts = en.flatMap((op) =>
        op.op === "setCells" ? op.cells.flat().flatMap((c) => (c?.kind === "text" ? [c.text] : [])) : [],
      );
      // Headers and legend words the add-in writes are Vietnamese ones.
      expect(
        texts.some((t) => /[ạảãáàặẳẵắằậẩẫấầẹẻẽéèệểễếềịỉĩíìọỏõóòộổỗốồợởỡớờụủũúùựửữứừỵỷỹýỳđ]/i.test(t)),
      ).toBe(true);
    },
  );

  test("an English table gets English headers and legend with the panel in Vietnamese", () => {
    const EN = ["Code", "Criterion", "Max score", "Score", "Gap", "Reason"];
    const rows = seedRows((c, i) => (i === 0 || i === 17 ? (EN[seedRows()[0].indexOf(c)] ?? c) : c));
    const ws = book(sheetOf(rows));
    const vi = textsOf(ws, "vi", "recalc");
    expect(vi).toEqual(textsOf(ws, "en", "recalc"));
    const texts = vi.flatMap((op) =>
      op.op === "setCells" ? op.cells.flat().flatMap((c) => (c?.kind === "text" ? [c.text] : [])) : [],
    );
    expect(texts.length).toBeGreaterThan(2);
    for (const t of texts) expect(t).toMatch(/^[\x00-\x7f]*$/);
  });

  test("a Unicode workbook gets no font ops and is not called legacy", () => {
    const out = planCommand(sampleWorkbook(), "recalc", { lang: "vi" });
    expect(out.ok && "legacyEncoding" in out.summary).toBe(false);
    expect(out.ok && out.changeSet.ops.some((op) => op.op === "setStyle" && "fontName" in op.style)).toBe(
      false,
    );
  });
});
