/**
 * The CLI's reading commands go through the direct reader: `summary` (JSON and text, each corpus fixture
 * alone and all of them ranked together), `compare` and `plan-doc` give byte for byte what they gave
 * through ExcelJS, and ExcelJS is not loaded for a file the direct reader reads. A file it leaves to ExcelJS
 * still reads, through ExcelJS.
 */
import { main } from "../../src/cli/main";
import * as direct from "../../src/hosts/xlsx/direct/package";
import * as workbook from "../../src/hosts/xlsx/workbook";
import { CORPUS, fixtureBytes } from "../corpus";
import { memoryIo, seedXlsx } from "./fixtures";

async function run(argv: string[], files: Record<string, Uint8Array>, via: "direct" | "exceljs") {
  const load = jest.spyOn(workbook, "loadWorkbook");
  const open = jest.spyOn(direct, "openPackage");
  if (via === "exceljs") open.mockRejectedValue(new direct.DirectUnsupported("forced by the test"));
  try {
    const { io, out } = memoryIo({ ...files });
    const code = await main(argv, io);
    return { code, stdout: out.stdout, stderr: out.stderr, exceljsLoads: load.mock.calls.length };
  } finally {
    load.mockRestore();
    open.mockRestore();
  }
}

async function expectSameBothWays(argv: string[], files: Record<string, Uint8Array>) {
  const d = await run(argv, files, "direct");
  const e = await run(argv, files, "exceljs");
  expect({ code: d.code, stdout: d.stdout, stderr: d.stderr }).toEqual({
    code: e.code,
    stdout: e.stdout,
    stderr: e.stderr,
  });
  expect(e.exceljsLoads).toBeGreaterThan(0);
  return d;
}

describe("summary through the direct reader equals summary through ExcelJS", () => {
  test.each(CORPUS.map((f) => [f.id, f] as const))("%s", async (id, f) => {
    const files = { [`${id}.xlsx`]: await fixtureBytes(f) };
    const json = await expectSameBothWays(["summary", `${id}.xlsx`, "--json"], files);
    expect(json.exceljsLoads).toBe(0);
    const text = await expectSameBothWays(["summary", `${id}.xlsx`, "--lang", "en"], files);
    expect(text.exceljsLoads).toBe(0);
  });

  test("all fixtures ranked together, with the CSV", async () => {
    const files: Record<string, Uint8Array> = {};
    for (const f of CORPUS) files[`${f.id}.xlsx`] = await fixtureBytes(f);
    const r = await expectSameBothWays(["summary", ...Object.keys(files), "--csv", "-"], files);
    expect(r.stdout.split("\n").length).toBeGreaterThan(CORPUS.length);
  });
});

test("compare and plan-doc read directly, with the same output", async () => {
  const files = { "a.xlsx": await seedXlsx(), "b.xlsx": await fixtureBytes(CORPUS[0]) };
  const c = await expectSameBothWays(["compare", "a.xlsx", "b.xlsx", "--json"], files);
  expect(c.exceljsLoads).toBe(0);
  const d = await run(["plan-doc", "a.xlsx", "-o", "plan.docx", "--previous", "b.xlsx"], files, "direct");
  expect(d.code).toBe(0);
  expect(d.exceljsLoads).toBe(0);
});

test("a file the direct reader leaves to ExcelJS is read through ExcelJS", async () => {
  const r = await run(["summary", "a.xlsx", "--json"], { "a.xlsx": await seedXlsx() }, "exceljs");
  expect(r.code).toBe(0);
  expect(r.exceljsLoads).toBe(1);
  expect(JSON.parse(r.stdout)[0].rows.length).toBeGreaterThan(10);
});
