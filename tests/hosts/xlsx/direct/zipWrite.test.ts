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
import * as zlib from "node:zlib";
import {
  crc32,
  crc32js,
  deflatePieces,
  writeZip,
  type Deflate,
  type PartText,
} from "../../../../src/hosts/xlsx/direct/zipWrite";

// The module object itself (not an import's copy of it): what zipWrite.ts calls, for the failing-zlib test.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeZlib = require("node:zlib") as typeof zlib;

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

// ---- the sheet's pieces deflated on the threadpool (issue 14) ----

/** A sheet's text in pieces, as book.ts sheetPieces gives it (head, batches of rows, tail). */
const sheetLike = (batches: number) => [
  '<?xml version="1.0"?><worksheet><sheetData>',
  ...Array.from({ length: batches }, (_, b) =>
    Array.from(
      { length: 200 },
      (_, i) =>
        `<row r="${b * 200 + i + 1}"><c r="A1" t="inlineStr"><is><t>Tiêu chí ${b}.${i} &amp; ü</t></is></c></row>`,
    ).join(""),
  ),
  "</sheetData></worksheet>",
];

/** What the synchronous writer made (one piece after the other on the main thread): the reference bytes. */
const syncPacked = (pieces: string[]) =>
  Buffer.concat([
    ...pieces.map((p) =>
      zlib.deflateRawSync(Buffer.from(p, "utf8"), { level: 6, finishFlush: zlib.constants.Z_SYNC_FLUSH }),
    ),
    zlib.deflateRawSync(Buffer.alloc(0)),
  ]);

/** zlib on the pool, each call answered after its own delay (so later pieces may finish first). */
function slowDeflate(delays: (i: number) => number) {
  const log = { started: 0, running: 0, maxRunning: 0 };
  const deflate: Deflate = (data, options) => {
    const i = log.started++;
    log.running++;
    log.maxRunning = Math.max(log.maxRunning, log.running);
    return new Promise((resolve, reject) =>
      setTimeout(
        () =>
          zlib.deflateRaw(data, options, (err, out) => {
            log.running--;
            if (err) reject(err);
            else resolve(out);
          }),
        delays(i),
      ),
    );
  };
  return { deflate, log };
}

test("a multi-piece part: the same bytes as deflating piece after piece; it inflates to the text", async () => {
  const pieces = sheetLike(12);
  const text = pieces.join("");
  const r = await deflatePieces(pieces);
  expect(Buffer.from(r.packed).equals(syncPacked(pieces))).toBe(true);
  expect(zlib.inflateRawSync(r.packed).toString("utf8")).toBe(text);
  expect(r.size).toBe(Buffer.byteLength(text, "utf8"));
  expect(r.crc).toBe(crc32js(Buffer.from(text, "utf8")));
});

test("pieces stay in order when later ones finish first; no more than the bound in flight", async () => {
  const pieces = sheetLike(10);
  // The first pieces of each window take longest.
  const { deflate, log } = slowDeflate((i) => 40 - (i % 4) * 10);
  const r = await deflatePieces(pieces, deflate, 3);
  expect(Buffer.from(r.packed).equals(syncPacked(pieces))).toBe(true);
  expect(log.started).toBe(pieces.length);
  expect(log.maxRunning).toBeLessThanOrEqual(3);
  expect(log.maxRunning).toBeGreaterThan(1); // they did overlap
  expect(log.running).toBe(0);
});

test("a failing deflate rejects, once every piece in flight has settled", async () => {
  const pieces = sheetLike(10);
  const { deflate, log } = slowDeflate(() => 30);
  let serialised = 0;
  function* counted() {
    for (const p of pieces) {
      serialised++;
      yield p;
    }
  }
  let calls = 0;
  const failing: Deflate = (data, options) =>
    calls++ === 2 ? Promise.reject(new Error("deflate failed")) : deflate(data, options);
  await expect(deflatePieces(counted(), failing, 4)).rejects.toThrow("deflate failed");
  expect(log.running).toBe(0);
  // It stopped at the failure: not every piece was serialised.
  expect(serialised).toBeLessThan(pieces.length);
});

test("a deflate failing after the last piece is serialised: the others in flight settle first", async () => {
  const pieces = sheetLike(3); // five pieces, four in flight
  const { deflate, log } = slowDeflate(() => 30);
  let calls = 0;
  const failing: Deflate = (data, options) =>
    calls++ === 3 ? Promise.reject(new Error("deflate failed")) : deflate(data, options);
  await expect(deflatePieces(pieces, failing, 4)).rejects.toThrow("deflate failed");
  expect(calls).toBe(5);
  expect(log.running).toBe(0);
});

test("an error while serialising a piece rejects, once the pieces in flight have settled", async () => {
  const { deflate, log } = slowDeflate(() => 20);
  function* broken() {
    yield "<a>";
    yield "<b>";
    throw new Error("serialising failed");
  }
  await expect(deflatePieces(broken(), deflate)).rejects.toThrow("serialising failed");
  expect(log.started).toBe(2);
  expect(log.running).toBe(0);
});

test("writeZip: a deflate that fails rejects the whole zip (no bytes, so no file)", async () => {
  const zip = new JSZip();
  zip.file("a.xml", "");
  zip.file("big.xml", "");
  const real = nodeZlib.deflateRaw;
  const spy = jest
    .spyOn(nodeZlib, "deflateRaw")
    .mockImplementation(((
      data: Uint8Array,
      options: zlib.ZlibOptions,
      cb: (e: Error | null, out: Buffer) => void,
    ) =>
      data.length > 5000
        ? setImmediate(() => cb(new Error("zlib: out of memory"), Buffer.alloc(0)))
        : real(data, options, cb)) as unknown as typeof nodeZlib.deflateRaw);
  try {
    const changed = new Map<string, PartText>([
      ["a.xml", "<a/>"],
      ["big.xml", { pieces: () => sheetLike(4) }],
    ]);
    await expect(writeZip(zip, changed)).rejects.toThrow("out of memory");
  } finally {
    spy.mockRestore();
  }
  // And with zlib working again, the same zip is made.
  const ok = await writeZip(zip, new Map<string, PartText>([["a.xml", "<a/>"]]));
  const back = await JSZip.loadAsync(ok, { checkCRC32: true });
  expect(await back.file("a.xml")!.async("string")).toBe("<a/>");
});
