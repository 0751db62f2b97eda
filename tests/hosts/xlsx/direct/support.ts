/**
 * The direct writer's proof, shared by its tests: apply a file's steps through DirectHost with a chosen
 * writer, and read a file back through the ExcelJS reader into plain data two writers' outputs can be
 * compared by (every sheet's snapshot with its tables, validations, conditional formats, widths and frozen
 * panes, and the workbook's names).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { Session } from "../../../../src/app/session";
import { APPLY_STEPS, type ApplyStep } from "../../../../src/app/applyAll";
import type { ChangeSet, SheetSnapshot } from "../../../../src/core/types";
import { prepare } from "../../../../src/core/prepare";
import { loadWorkbook } from "../../../../src/hosts/xlsx";
import { readSheet } from "../../../../src/hosts/xlsx/read";
import { workbookNames } from "../../../../src/hosts/xlsx/sheetExtras";
import { DirectHost, type Saved } from "../../../../src/hosts/xlsx/direct/host";

export interface Applied extends Saved {
  changeSet: ChangeSet;
  sheetsBefore: string[];
  table: { sheet: string; top: number; bottom: number };
}

export async function applyVia(
  bytes: Uint8Array,
  writer: "auto" | "exceljs" | "direct",
  steps: readonly ApplyStep[] = APPLY_STEPS,
): Promise<Applied> {
  // The ExcelJS path as it was: read and written through ExcelJS.
  const host = await DirectHost.open(bytes, { writer, reader: writer === "exceljs" ? "exceljs" : "auto" });
  const sheetsBefore = (await loadWorkbook(bytes)).worksheets.map((w) => w.name);
  const session = new Session(host, "vi", { chooseSheet: true, undo: false, rollback: false });
  const r = await session.applyAll(steps);
  if (!r.ok) throw new Error(`apply failed: ${r.error.code}`);
  await host.finish();
  const saved = await host.save();
  const t = r.summary.table;
  const table = { sheet: r.summary.sheet, top: t.headerRow, bottom: t.lastRow };
  return { ...saved, changeSet: r.changeSet, sheetsBefore, table };
}

/** Validations as one list per cell: two writers may split a rule's cells into other rectangles. */
function validationCells(s: SheetSnapshot): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of s.validations ?? [])
    for (let i = 0; i < v.rect.rows; i++)
      for (let j = 0; j < v.rect.cols; j++) out[`${v.rect.top + i},${v.rect.left + j}`] = v.list.join("|");
  return out;
}

/** A file as the ExcelJS reader sees it, in plain data. */
export async function readBack(bytes: Uint8Array, defaultFont = "Calibri"): Promise<Record<string, unknown>> {
  const wb = await loadWorkbook(bytes);
  const sheets: Record<string, unknown> = {};
  for (const ws of wb.worksheets) {
    const s = readSheet(ws);
    const { validations: _v, ...rest } = s;
    // The workbook's default font named or not: the direct writer derives a new font from the default one
    // (name and size kept), ExcelJS writes a font of the changed fields alone (no name): the same to Excel.
    const fontNames = s.fontNames?.map((row) => row.map((n) => (n === defaultFont ? null : n)));
    sheets[ws.name] = { ...rest, fontNames, validations: validationCells(s) };
  }
  return { order: wb.worksheets.map((w) => w.name), sheets, names: workbookNames(wb) };
}

/** Every XML part the direct writer wrote (changed or new against the input), well-formed by xmllint. */
export async function writtenParts(input: Uint8Array, output: Uint8Array): Promise<Map<string, string>> {
  const a = await JSZip.loadAsync(input);
  const b = await JSZip.loadAsync(output);
  const out = new Map<string, string>();
  for (const f of Object.values(b.files)) {
    if (f.dir) continue;
    const mine = await f.async("uint8array");
    const theirs = await a.file(f.name)?.async("uint8array");
    if (theirs && Buffer.from(theirs).equals(Buffer.from(mine))) continue;
    out.set(f.name, Buffer.from(mine).toString("utf8"));
  }
  return out;
}

/** xmllint --noout over the parts; the parts it finds ill-formed with its message. */
export function illFormed(parts: Map<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), "dwrite-"));
  const bad: string[] = [];
  try {
    let n = 0;
    for (const [name, xml] of parts) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      const file = join(dir, `${n++}.xml`);
      writeFileSync(file, xml);
      try {
        execFileSync("xmllint", ["--noout", file], { stdio: "pipe" });
      } catch (e) {
        bad.push(`${name}: ${String((e as { stderr?: Buffer }).stderr ?? e)}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return bad;
}

/**
 * Whether the output's shared strings are the input's, byte for byte, with items appended (what the direct
 * writer does with the texts a change set wrote): the same text once the counts are left aside, up to the
 * input's last item, then only `<si>` items before the end tag.
 */
export async function sharedStringsKept(input: Uint8Array, output: Uint8Array): Promise<boolean> {
  const part = "xl/sharedStrings.xml";
  const [a, b] = await Promise.all(
    [input, output].map(
      async (bytes) => (await (await JSZip.loadAsync(bytes)).file(part)?.async("string")) ?? "",
    ),
  );
  const uncounted = (xml: string) => xml.replace(/\s(?:count|uniqueCount)="\d+"/g, "");
  const [x, y] = [uncounted(a), uncounted(b)];
  const end = x.lastIndexOf("</sst>");
  if (end < 0 || !y.startsWith(x.slice(0, end)) || !y.endsWith("</sst>")) return false;
  return /^(?:<si>(?:(?!<\/si>)[\s\S])*<\/si>)*$/.test(y.slice(end, -"</sst>".length));
}

/** `cs` planned by hand, prepared on `bytes` and written by the direct writer (never ExcelJS): the file. */
export async function writtenDirectly(bytes: Uint8Array, cs: ChangeSet): Promise<Uint8Array> {
  const host = await DirectHost.open(bytes, { writer: "direct" });
  const p = prepare(await host.read(), cs, { inverse: false });
  if (!p.ok) throw p.error;
  await host.apply(p);
  const saved = await host.save();
  if (saved.via !== "direct") throw new Error(`written via ${saved.via}: ${saved.reason ?? ""}`);
  return saved.bytes;
}
