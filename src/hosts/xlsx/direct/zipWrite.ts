/**
 * The output package as zip bytes (Node): the parts the writer did not touch are copied as they were in the
 * input, compressed bytes and all (JSZip keeps them, undecompressed, for a file loaded and never changed);
 * the parts it wrote are deflated by Node's zlib — native code, several times faster than JSZip's pako on
 * the few megabytes of XML a 10,000-row plan makes (issue 14's time target).
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

/**
 * A part given as pieces of text (a big sheet, row by row): encoded and deflated piece by piece, so its
 * whole text and UTF-8 bytes are never held at once (the 50,000-row memory target). Each piece is deflated
 * to a sync-flush boundary (a whole number of non-final blocks) and a final empty block closes the stream:
 * the pieces' outputs joined are one valid deflate stream.
 */
function deflatePieces(pieces: Iterable<string>): { packed: Uint8Array; crc: number; size: number } {
  const out: Buffer[] = [];
  let crc = 0;
  let size = 0;
  for (const piece of pieces) {
    const b = Buffer.from(piece, "utf8");
    crc = crc32(b, crc);
    size += b.length;
    out.push(deflateRawSync(b, { level: 6, finishFlush: constants.Z_SYNC_FLUSH }));
  }
  out.push(deflateRawSync(Buffer.alloc(0)));
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
  const entries: Entry[] = [];
  for (const [name, file] of Object.entries(zip.files)) {
    const { time, date } = dosTime(file.date ?? new Date(0));
    const nameBytes = Buffer.from(name, "utf8");
    if (file.dir) {
      entries.push({ name: nameBytes, method: 0, crc: 0, size: 0, packed: new Uint8Array(0), time, date });
      continue;
    }
    const text = changed.get(name);
    const kept = (file as unknown as { _data?: Compressed })._data;
    const raw =
      text === undefined && kept && typeof kept === "object" && "compressedContent" in kept ? kept : null;
    const bytes = raw ? asBytes(raw.compressedContent) : null;
    if (raw && bytes && (raw.compression.magic === "\x08\x00" || raw.compression.magic === "\x00\x00")) {
      entries.push({
        name: nameBytes,
        method: raw.compression.magic === "\x08\x00" ? 8 : 0,
        crc: raw.crc32 >>> 0,
        size: raw.uncompressedSize,
        packed: bytes,
        time,
        date,
      });
      continue;
    }
    if (text !== undefined && typeof text !== "string") {
      const { packed, crc, size } = deflatePieces(text.pieces());
      entries.push({ name: nameBytes, method: 8, crc, size, packed, time, date });
      continue;
    }
    const data = text !== undefined ? Buffer.from(text, "utf8") : await file.async("uint8array");
    entries.push({
      name: nameBytes,
      method: 8,
      crc: crc32(data),
      size: data.length,
      packed: deflateRawSync(data, { level: 6 }),
      time,
      date,
    });
  }
  return assemble(entries);
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
