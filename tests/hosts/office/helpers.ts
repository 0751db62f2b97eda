import { readFileSync } from "fs";
import { join } from "path";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../../src/core/types";
import { analyzeSheet, type Analysis } from "../../../src/core/analyze";
import { FakeExcel, type FakeOptions } from "./fake";

/**
 * A criteria table of `n` rows (header and total row included) at (top, left): domains "1", "2"... with
 * criteria "1.1", "1.2"..., scores as text with a decimal comma as in the official files; about a third
 * of the criteria unmet.
 */
export function criteriaRows(n: number): CellValue[][] {
  const rows: CellValue[][] = [
    ["TT", "Lĩnh vực/tiêu chí", "Điểm tối đa", "Điểm đạt được", "Nguyên nhân chưa đạt điểm"],
  ];
  const comma = (v: number) => v.toFixed(2).replace(".", ",");
  let domain = 0;
  let k = 0;
  while (rows.length < n - 1) {
    domain++;
    rows.push([String(domain), `LĨNH VỰC ${domain}`, null, null, null]);
    const count = Math.min(n - 1 - rows.length, 20);
    for (let i = 1; i <= count; i++, k++) {
      const max = 1 + (k % 4) * 0.5;
      const ach = k % 3 === 0 ? (k % 2 ? 0 : max / 2) : max;
      rows.push([
        `${domain}.${i}`,
        `Tiêu chí ${domain}.${i}`,
        comma(max),
        comma(ach),
        ach < max ? "Chưa đạt" : null,
      ]);
    }
  }
  rows.push([null, "TỔNG ĐIỂM", null, null, null]);
  return rows;
}

export function sheetFrom(
  rows: CellValue[][],
  opts: { name?: string; top?: number; left?: number } = {},
): SheetSnapshot {
  const width = Math.max(...rows.map((r) => r.length));
  return {
    name: opts.name ?? "PAR 2024",
    top: opts.top ?? 0,
    left: opts.left ?? 0,
    values: rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null)),
  };
}

export function workbookOf(
  active: SheetSnapshot,
  others: SheetSnapshot[] = [],
  extraNames: string[] = [],
): WorkbookSnapshot {
  const ws: WorkbookSnapshot = {
    active,
    sheetNames: [active.name, ...others.map((o) => o.name), ...extraNames],
  };
  if (others.length) ws.others = Object.fromEntries(others.map((o) => [o.name, o]));
  return ws;
}

export function analyzed(sheet: SheetSnapshot): Analysis {
  const a = analyzeSheet(sheet);
  if (!a.ok) throw new Error(`expected a table, got ${a.error}`);
  return a;
}

let manifestShared: boolean | null = null;

/**
 * Whether manifest.xml gives the ribbon and the pane one shared runtime (a <Runtimes> element with a
 * long-lived runtime): what the double's `sharedRuntime` is when a test does not say.
 */
export function manifestSharedRuntime(): boolean {
  if (manifestShared === null) {
    const xml = readFileSync(join(__dirname, "../../../manifest.xml"), "utf8");
    manifestShared = /<Runtimes>[\s\S]*<Runtime\b[^>]*lifetime="long"[\s\S]*<\/Runtimes>/.test(xml);
  }
  return manifestShared;
}

/** Installs a fake Excel for one test; returns it. Call the returned `done` in afterEach. */
export function installFake(
  ws: WorkbookSnapshot,
  opts: FakeOptions = {},
): { fake: FakeExcel; done: () => void } {
  const fake = new FakeExcel(ws, { ...opts, sharedRuntime: opts.sharedRuntime ?? manifestSharedRuntime() });
  const done = fake.install();
  return { fake, done };
}

/** Deep equality of two workbooks; fast for large ones (JSON), with jest's diff when they differ. */
export function expectSameWorkbook(got: WorkbookSnapshot, expected: WorkbookSnapshot): void {
  if (JSON.stringify(got) !== JSON.stringify(expected)) expect(got).toEqual(expected);
}
