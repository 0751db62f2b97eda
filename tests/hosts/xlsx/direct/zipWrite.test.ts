/**
 * The direct writer's zip: untouched entries copied compressed, written ones deflated (a big part in
 * pieces, each to a sync-flush boundary): the result passes `unzip -t` (every CRC checked) and JSZip reads
 * back every entry as it was given.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { crc32, crc32js, writeZip } from "../../../../src/hosts/xlsx/direct/zipWrite";

test("CRC-32: the native one and the JavaScript one agree, also continued piece by piece", () => {
  const data = Buffer.from("Kế hoạch khắc phục ".repeat(5000), "utf8");
  expect(crc32(data)).toBe(crc32js(data));
  expect(crc32(data.subarray(1000), crc32(data.subarray(0, 1000)))).toBe(crc32js(data));
});

test("pieces, texts and untouched entries make a zip every reader accepts", async () => {
  const src = new JSZip();
  src.file("keep.xml", "<a>unchanged ü</a>");
  src.file("dir/old.xml", "<b>old</b>");
  const zip = await JSZip.loadAsync(await src.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
  const rows = Array.from(
    { length: 3000 },
    (_, i) => `<row r="${i + 1}"><c><is><t>Tiêu chí ${i}</t></is></c></row>`,
  );
  const changed = new Map<string, string | { pieces: () => Iterable<string> }>([
    ["dir/old.xml", "<b>new</b>"],
    ["big.xml", { pieces: () => [rows.slice(0, 1000).join(""), rows.slice(1000).join(""), "</end>"] }],
  ]);
  zip.file("big.xml", "");
  const bytes = await writeZip(zip, changed);
  const back = await JSZip.loadAsync(bytes, { checkCRC32: true });
  expect(await back.file("keep.xml")!.async("string")).toBe("<a>unchanged ü</a>");
  expect(await back.file("dir/old.xml")!.async("string")).toBe("<b>new</b>");
  expect(await back.file("big.xml")!.async("string")).toBe(rows.join("") + "</end>");
  const dir = mkdtempSync(join(tmpdir(), "dwrite-zip-"));
  try {
    writeFileSync(join(dir, "x.zip"), bytes);
    expect(execFileSync("unzip", ["-tq", join(dir, "x.zip")], { encoding: "utf8" })).toMatch(/No errors/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
