/**
 * The direct path's zip reader: every part of zips written by JSZip (deflated, stored, streamed with data
 * descriptors), ExcelJS and LibreOffice reads as JSZip reads it, with the default inflater and with Node's;
 * what it does not handle (damaged, encrypted, another method) is DirectUnsupported.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { inflateRawSync } from "zlib";
import JSZip from "jszip";
import { CORPUS, fixtureBytes } from "../../../corpus";
import { ZipReader } from "../../../../src/hosts/xlsx/direct/zip";
import { DirectUnsupported } from "../../../../src/hosts/xlsx/direct/unsupported";

async function expectSameParts(bytes: Uint8Array) {
  const jszip = await JSZip.loadAsync(bytes);
  const names = Object.values(jszip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
  for (const z of [new ZipReader(bytes), new ZipReader(bytes, (d) => inflateRawSync(d))]) {
    expect(z.names().sort()).toEqual([...names].sort());
    for (const n of names)
      expect(Buffer.from((await z.read(n))!)).toEqual(Buffer.from(await jszip.file(n)!.async("uint8array")));
  }
}

test("zips written by ExcelJS (a corpus fixture) and LibreOffice", async () => {
  await expectSameParts(await fixtureBytes(CORPUS.find((f) => f.id === "chart-textbox-properties")!));
  await expectSameParts(readFileSync(path.join(__dirname, "../fixtures/libreoffice-parts.xlsx")));
});

test.each([
  ["deflated", { compression: "DEFLATE" as const }],
  ["stored", { compression: "STORE" as const }],
  ["streamed (data descriptors)", { compression: "DEFLATE" as const, streamFiles: true }],
])("JSZip, %s", async (_name, opts) => {
  const zip = new JSZip();
  zip.file("a.xml", "<a>Kết quả</a>".repeat(1000));
  zip.file("xl/b.bin", new Uint8Array([0, 1, 2, 250, 255]));
  zip.file("empty.txt", "");
  zip.folder("xl/media");
  const bytes = await zip.generateAsync({ type: "uint8array", ...opts });
  await expectSameParts(bytes);
  const z = new ZipReader(bytes);
  expect(await z.text("a.xml")).toBe("<a>Kết quả</a>".repeat(1000));
  expect(await z.read("missing.xml")).toBeUndefined();
});

test("what it does not read is DirectUnsupported", async () => {
  const zip = new JSZip();
  zip.file("a.xml", `<a>${Array.from({ length: 3000 }, (_, i) => (i * 7919) % 10007).join(",")}</a>`);
  const good = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  const at = (b: Uint8Array, sig: number) => {
    const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
    for (let i = 0; i < b.length - 4; i++) if (v.getUint32(i, true) === sig) return i;
    return -1;
  };
  const cd = at(good, 0x02014b50);
  const encrypted = good.slice();
  encrypted[cd + 8] |= 1;
  expect(() => new ZipReader(encrypted)).toThrow(DirectUnsupported);
  const bzip2 = good.slice();
  bzip2[cd + 10] = 12;
  expect(() => new ZipReader(bzip2)).toThrow(DirectUnsupported);
  expect(() => new ZipReader(good.slice(0, good.length - 30))).toThrow(DirectUnsupported);
  const damaged = good.slice();
  damaged.fill(0x41, 40, 60); // inside the deflated data
  await expect(new ZipReader(damaged, (d) => inflateRawSync(d)).read("a.xml")).rejects.toThrow(
    DirectUnsupported,
  );
});
