/**
 * The direct writer's proof (issue 14): for every corpus fixture, the sample and generated tables, `apply`
 * (every step, one change set, as the CLI) written directly and written through ExcelJS read back the same
 * through the ExcelJS reader; the direct output loses nothing of the input, is its own fixed point (apply
 * again changes nothing), and every part it wrote is well-formed XML. A fixture whose change set the direct
 * writer does not take goes through ExcelJS, whole, exactly as before.
 */
import JSZip from "jszip";
import { CORPUS, fixtureBytes } from "../../../corpus";
import { nothingLost, ownedBy, sameWorkbook } from "../../../support/nothingLost";
import { sampleBytes } from "../../../../src/cli/sample";
import { generatedXlsx } from "../../../../bench/files";
import { applyVia, illFormed, readBack, sharedStringsKept, writtenParts } from "./support";

jest.setTimeout(120_000);

/** Fixtures the direct writer hands to ExcelJS, and why (the reason prepareDirect gives starts so). */
const FALLBACK: Record<string, string> = {
  "english-excel-table": "insertColumns into a table",
  "user-furniture": "<legacyDrawing>",
};

const cases: [string, () => Promise<Uint8Array>][] = [
  ["sample", sampleBytes],
  ["generated 300 rows", () => generatedXlsx(300)],
  ["generated 120 rows, seed 7", () => generatedXlsx(120, 7)],
  ...CORPUS.map((f) => [f.id, () => fixtureBytes(f)] as [string, () => Promise<Uint8Array>]),
];

describe.each(cases)("%s", (id, bytesOf) => {
  test("direct and ExcelJS outputs read back the same; nothing lost; twice = once; well-formed", async () => {
    const input = await bytesOf();
    const direct = await applyVia(input, "auto");
    const viaExcelJs = await applyVia(input, "exceljs");
    expect(viaExcelJs.via).toBe("exceljs");
    if (FALLBACK[id]) {
      // Whole change set through ExcelJS: the same file as the forced ExcelJS path, nothing said differently.
      expect(direct.via).toBe("exceljs");
      expect(direct.reason?.startsWith(FALLBACK[id])).toBe(true);
      expect(direct.lost).toEqual(viaExcelJs.lost);
      expect(await readBack(direct.bytes)).toEqual(await readBack(viaExcelJs.bytes));
      return;
    }
    expect(direct.via).toBe("direct");
    expect(direct.lost).toEqual([]);
    expect(await readBack(direct.bytes)).toEqual(await readBack(viaExcelJs.bytes));

    const owned = ownedBy([direct.changeSet], direct.sheetsBefore, direct.table);
    expect(await nothingLost(input, direct.bytes, owned)).toEqual([]);

    const again = await applyVia(direct.bytes, "auto");
    expect(again.via).toBe("direct");
    expect(await sameWorkbook(direct.bytes, again.bytes)).toEqual([]);

    const parts = await writtenParts(input, direct.bytes);
    expect(illFormed(parts)).toEqual([]);
    // Only what the change set concerns was written: the theme and the document's core properties never.
    expect([...parts.keys()].filter((p) => /theme|docProps\/core/.test(p))).toEqual([]);
  });
});

describe("a drawing over the columns assign writes into, without an insert", () => {
  test("moves right of them as the ExcelJS path's carry-over moves it; nothing lost", async () => {
    const input = await fixtureBytes(CORPUS.find((f) => f.id === "chart-textbox-properties")!);
    const steps = ["assign", "plan"] as const;
    const direct = await applyVia(input, "auto", steps);
    expect(direct.via).toBe("direct");
    const viaExcelJs = await applyVia(input, "exceljs", steps);
    expect(await readBack(direct.bytes)).toEqual(await readBack(viaExcelJs.bytes));
    const owned = ownedBy([direct.changeSet], direct.sheetsBefore, direct.table);
    expect(owned.taken).not.toEqual({});
    expect(await nothingLost(input, direct.bytes, owned)).toEqual([]);
    // The drawing part was rewritten (its anchors moved), the chart's references were not (no insert).
    const parts = await writtenParts(input, direct.bytes);
    expect([...parts.keys()].some((p) => p.startsWith("xl/drawings/drawing"))).toBe(true);
    expect([...parts.keys()].some((p) => p.startsWith("xl/charts/"))).toBe(false);
  });
});

describe("parts the direct writer does not concern stay byte for byte", () => {
  test("the sample's theme and core properties are the input's bytes, its shared strings only appended to", async () => {
    const input = await sampleBytes();
    const out = await applyVia(input, "direct");
    expect(await sharedStringsKept(input, out.bytes)).toBe(true);
    const [a, b] = [await JSZip.loadAsync(input), await JSZip.loadAsync(out.bytes)];
    for (const part of ["xl/theme/theme1.xml", "docProps/core.xml"]) {
      const x = await a.file(part)!.async("uint8array");
      const y = await b.file(part)!.async("uint8array");
      expect(Buffer.from(y).equals(Buffer.from(x))).toBe(true);
    }
  });
});
