/**
 * The output package as zip bytes (Node): the parts the writer did not touch are copied as they were in the
 * input, compressed bytes and all (JSZip keeps them, undecompressed, for a file loaded and never changed);
 * the parts it wrote are deflated by Node's zlib — native code, several times faster than JSZip's pako on
 * the few megabytes of XML a 10,000-row plan makes (issue 14's time target) — on Node's threadpool (zlib's
 * async calls run on libuv's threads), so compressing one piece of a sheet overlaps serialising the next.
 */
import * as zlib from "node:zlib";
import { constants, deflateRawSync } from "node:zlib";
import type JSZip from "jszip";

/** JSZip's record of an entry read from a zip and not changed since (internal, stable in JSZip 3). */
interface Compressed {
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
  compression: { magic: string };
  compressedContent: Uint8Array | ArrayBuffer | string;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** Node's native CRC-32 (zlib.crc32, Node 20.15+), when there is one. */
const nativeCrc = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** CRC-32 of `data`, continuing from `crc` (the CRC of what came before; 0 to start). */
export function crc32(data: Uint8Array, crc = 0): number {
  if (nativeCrc) return nativeCrc(data, crc) >>> 0;
  return crc32js(data, crc);
}

export function crc32js(data: Uint8Array, crc = 0): number {
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Deflates one piece's bytes (level 6, as JSZip and ExcelJS write) off the main thread. */
export type Deflate = (data: Uint8Array, options: zlib.ZlibOptions) => Promise<Buffer>;

const deflateOnPool: Deflate = (data, options) =>
  new Promise((resolve, reject) =>
    zlib.deflateRaw(data, options, (err, out) => (err ? reject(err) : resolve(out))),
  );

/**
 * How many pieces are being deflated at once (zlib on libuv's threadpool) while the next is serialised: each
 * holds a piece's UTF-8 bytes (a few hundred rows) and its output until its turn to be kept, so memory stays
 * bounded whatever the sheet's size.
 */
export const IN_FLIGHT = 4;

/**
 * The promise, marked as handled: one that fails while the caller is awaiting another is not an unhandled
 * rejection (which ends the process); the caller still gets its error when it awaits it.
 */
function handled<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

/** The final empty block (BFINAL set) that closes a stream of sync-flushed pieces: 03 00. */
const LAST_BLOCK = deflateRawSync(Buffer.alloc(0));

const PIECE_OPTIONS: zlib.ZlibOptions = { level: 6, finishFlush: constants.Z_SYNC_FLUSH };

/**
 * A part given as pieces of text (a big sheet, row by row): encoded and deflated piece by piece, so its
 * whole text and UTF-8 bytes are never held at once (the 50,000-row memory target). Each piece is deflated
 * on its own to a sync-flush boundary (a whole number of non-final blocks) and a final empty block closes
 * the stream: the pieces' outputs joined, in the pieces' order, are one valid deflate stream. Each piece's
 * output depends on that piece alone, so deflating up to `inFlight` of them at once on the threadpool gives
 * the same bytes as one after the other. An error (in serialising or deflating) rejects once every piece
 * in flight has settled: nothing is left running, nothing half-made is returned.
 */
export async function deflatePieces(
  pieces: Iterable<string>,
  deflate: Deflate = deflateOnPool,
  inFlight = IN_FLIGHT,
): Promise<{ packed: Uint8Array; crc: number; size: number }> {
  const out: Buffer[] = [];
  const pending: Promise<Buffer>[] = [];
  let crc = 0;
  let size = 0;
  try {
    for (const piece of pieces) {
      const b = Buffer.from(piece, "utf8");
      crc = crc32(b, crc);
      size += b.length;
      pending.push(handled(deflate(b, PIECE_OPTIONS)));
      if (pending.length >= inFlight) out.push(await pending.shift()!);
    }
    // (Each taken off the list as it is awaited: on an error, the list holds the ones still in flight.)
    while (pending.length) out.push(await pending.shift()!);
  } catch (e) {
    await Promise.allSettled(pending);
    throw e;
  }
  out.push(LAST_BLOCK);
  return { packed: Buffer.concat(out), crc, size };
}

/** What a written part holds: its text, or its text in pieces. */
export type PartText = string | { pieces: () => Iterable<string> };

interface Entry {
  name: Buffer;
  method: number;
  crc: number;
  size: number;
  packed: Uint8Array;
  time: number;
  date: number;
}

function dosTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

function asBytes(x: Uint8Array | ArrayBuffer | string): Uint8Array | null {
  if (x instanceof Uint8Array) return x;
  if (x instanceof ArrayBuffer) return new Uint8Array(x);
  return null;
}

/**
 * The zip's bytes: every entry in JSZip's order; `changed` entries (name → text) deflated anew, the others
 * copied compressed as read (or, when JSZip holds one only as content, deflated from it).
 */
export async function writeZip(zip: JSZip, changed: Map<string, PartText>): Promise<Uint8Array> {
  // Each entry in JSZip's order; the deflating of small parts goes on while the next entries are made.
  const entries: Promise<Entry>[] = [];
  try {
    for (const [name, file] of Object.entries(zip.files)) {
      const { time, date } = dosTime(file.date ?? new Date(0));
      const nameBytes = Buffer.from(name, "utf8");
      if (file.dir) {
        entries.push(
          Promise.resolve({
            name: nameBytes,
            method: 0,
            crc: 0,
            size: 0,
            packed: new Uint8Array(0),
            time,
            date,
          }),
        );
        continue;
      }
      const text = changed.get(name);
      const kept = (file as unknown as { _data?: Compressed })._data;
      const raw =
        text === undefined && kept && typeof kept === "object" && "compressedContent" in kept ? kept : null;
      const bytes = raw ? asBytes(raw.compressedContent) : null;
      if (raw && bytes && (raw.compression.magic === "\x08\x00" || raw.compression.magic === "\x00\x00")) {
        entries.push(
          Promise.resolve({
            name: nameBytes,
            method: raw.compression.magic === "\x08\x00" ? 8 : 0,
            crc: raw.crc32 >>> 0,
            size: raw.uncompressedSize,
            packed: bytes,
            time,
            date,
          }),
        );
        continue;
      }
      if (text !== undefined && typeof text !== "string") {
        // A big part: its pieces are serialised here, one after the other, while earlier ones deflate.
        const { packed, crc, size } = await deflatePieces(text.pieces());
        entries.push(Promise.resolve({ name: nameBytes, method: 8, crc, size, packed, time, date }));
        continue;
      }
      const data = text !== undefined ? Buffer.from(text, "utf8") : await file.async("uint8array");
      const crc = crc32(data);
      const deflated = deflateOnPool(data, { level: 6 }).then((packed) => ({
        name: nameBytes,
        method: 8,
        crc,
        size: data.length,
        packed,
        time,
        date,
      }));
      entries.push(handled(deflated));
    }
  } catch (e) {
    await Promise.allSettled(entries); // nothing left running
    throw e;
  }
  // Every deflate started has finished (or failed) before this returns or throws.
  const settled = await Promise.allSettled(entries);
  const done: Entry[] = [];
  for (const r of settled) {
    if (r.status === "rejected") throw r.reason;
    done.push(r.value);
  }
  return assemble(done);
}

/**
 * The fields the local header (from byte 6) and the central directory's record (from byte 8) share, in the
 * same order: flags (names in UTF-8), method, time, date, CRC-32, sizes, name length.
 */
function writeEntryFields(b: Buffer, at: number, e: Entry): void {
  b.writeUInt16LE(0x0800, at);
  b.writeUInt16LE(e.method, at + 2);
  b.writeUInt16LE(e.time, at + 4);
  b.writeUInt16LE(e.date, at + 6);
  b.writeUInt32LE(e.crc, at + 8);
  b.writeUInt32LE(e.packed.length, at + 12);
  b.writeUInt32LE(e.size, at + 16);
  b.writeUInt16LE(e.name.length, at + 20);
}

function assemble(entries: Entry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    writeEntryFields(local, 6, e);
    chunks.push(local, e.name, e.packed);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    writeEntryFields(c, 8, e);
    c.writeUInt32LE(offset, 42);
    central.push(c, e.name);
    offset += 30 + e.name.length + e.packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, dir, end]));
}
