/**
 * The proof of the direct reader: for every corpus fixture, the sample workbook, LibreOffice's writing, a
 * workbook with the parts ExcelJS does not model, the outputs of `apply` (plan sheet, tables, validations,
 * conditional formats, names) and a generated table, `readPackage(openPackage(bytes), opts)` deep-equals
 * `readSnapshot(loadWorkbook(bytes), opts)` — with the default options, with `sheet` naming each sheet and
 * with a selection. The bad files never reach either reader (sniffed) and the direct path refuses them
 * (DirectUnsupported) so a caller that did not sniff falls back to ExcelJS and its errors.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { BAD_FILES, CORPUS, fixtureBytes, prepareBadFiles } from "../../../corpus";
import { runApply } from "../../../corpus/run";
import { generatedXlsx } from "../../../../bench/files";
import { sampleBytes } from "../../../../src/cli/sample";
import { workbookWithParts } from "../../../support/xlsxParts";
import { loadWorkbook } from "../../../../src/hosts/xlsx/workbook";
import { readSnapshot, type ReadOptions } from "../../../../src/hosts/xlsx/read";
import { openPackage, DirectUnsupported } from "../../../../src/hosts/xlsx/direct/package";
import { readPackage } from "../../../../src/hosts/xlsx/direct/read";
import { sniffWorkbook } from "../../../../src/hosts/xlsx/sniff";

type Outcome = { ok: true; snapshot: unknown } | { ok: false; error: unknown };

async function both(bytes: Uint8Array, opts?: ReadOptions): Promise<[Outcome, Outcome]> {
  const run = async (f: () => Promise<unknown>): Promise<Outcome> => {
    try {
      return { ok: true, snapshot: await f() };
    } catch (e) {
      return { ok: false, error: e };
    }
  };
  const viaExcelJs = await run(async () => readSnapshot(await loadWorkbook(bytes), opts));
  const direct = await run(async () => readPackage(await openPackage(bytes), opts));
  return [viaExcelJs, direct];
}

/** Same snapshot, or the same user error (code and details). */
async function expectSame(bytes: Uint8Array, opts?: ReadOptions): Promise<void> {
  const [a, b] = await both(bytes, opts);
  if (!b.ok && b.error instanceof DirectUnsupported) throw b.error; // the proof wants the direct path to read it
  if (a.ok && b.ok) expect(b.snapshot).toStrictEqual(a.snapshot);
  else {
    expect({ ok: b.ok }).toEqual({ ok: a.ok });
    const e = (x: Outcome) => (x.ok ? null : { ...(x.error as object), message: (x.error as Error).message });
    expect(e(b)).toEqual(e(a));
  }
}

/** Every option set the proof runs: the default, each sheet by name (and a missing one), a selection. */
async function expectSameEverywhere(bytes: Uint8Array): Promise<void> {
  await expectSame(bytes);
  const pkg = await openPackage(bytes);
  for (const s of pkg.sheetEntries) await expectSame(bytes, { sheet: s.name });
  await expectSame(bytes, { sheet: "Không có trang này" });
  await expectSame(bytes, { selection: { top: 4, left: 1, rows: 2, cols: 3 }, others: [] });
}

describe("readPackage equals readSnapshot", () => {
  test.each(CORPUS.map((f) => [f.id, f] as const))("corpus %s", async (_id, f) => {
    await expectSameEverywhere(await fixtureBytes(f));
  });

  test("the CLI's sample workbook", async () => {
    await expectSameEverywhere(await sampleBytes());
  });

  test("LibreOffice's writing", async () => {
    await expectSameEverywhere(readFileSync(path.join(__dirname, "../fixtures/libreoffice-parts.xlsx")));
  });

  test("a workbook with charts, text boxes, notes, custom properties and a control character", async () => {
    await expectSameEverywhere(await workbookWithParts());
  });

  test("a generated 300-row table", async () => {
    await expectSameEverywhere(await generatedXlsx(300));
  });

  const APPLIED = [
    "commune-clean",
    "tcvn3-vntime",
    "english-excel-table",
    "chart-textbox-properties",
    "hidden-columns-right",
    "user-plan-sheet",
    "self-and-appraised",
    "table-at-c6",
  ];
  test.each(APPLIED)("apply's output (plan sheet, table, rules, names): %s", async (id) => {
    const f = CORPUS.find((x) => x.id === id);
    expect(f).toBeDefined();
    const r = await runApply(await fixtureBytes(f!));
    if (!r.ok) throw new Error(`apply failed on ${id}: ${r.code}`);
    await expectSameEverywhere(r.bytes);
  });
});

describe("bad files", () => {
  beforeAll(() => prepareBadFiles());
  // Both paths sniff first (output.ts readInput): each bad file gets its own user error before either reader.
  test.each(BAD_FILES.map((b) => [b.id, b] as const))(
    "%s: its own error, before the direct path",
    async (_id, b) => {
      const bytes = b.bytes();
      expect(() => sniffWorkbook(bytes)).toThrow(expect.objectContaining({ code: b.code }));
      // What is not a zip, the direct path refuses (a caller that did not sniff falls back to ExcelJS). The
      // too-large file is a well-formed zip: only its size makes it bad, and the sniffer says so.
      if (b.id !== "too-large") await expect(openPackage(bytes)).rejects.toThrow(DirectUnsupported);
    },
  );
});
