/**
 * The zip container of an .xlsx, read for the direct path without JSZip: the central directory, then each
 * part's bytes inflated when asked for. JSZip inflates in JavaScript (pako), which was most of a direct read
 * of a 10,000-row table in a fresh process; here the inflater is the platform's — `DecompressionStream` by
 * default (browsers, Node ≥ 18), or one the caller gives (the CLI gives Node's native `inflateRawSync`).
 * Anything unusual — zip64, encryption, a method other than stored or deflate, sizes that do not add up —
 * throws DirectUnsupported, and the caller reads the file through ExcelJS.
 */
import { DirectUnsupported } from "./unsupported";

/** Inflates raw deflate data (no zlib header). */
export type Inflate = (data: Uint8Array) => Uint8Array | Promise<Uint8Array>;

interface Entry {
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** Raw deflate through the platform's DecompressionStream. */
export const streamInflate: Inflate = async (data) => {
  const Stream = (globalThis as { DecompressionStream?: new (f: string) => TransformStream })
    .DecompressionStream;
  if (!Stream) throw new DirectUnsupported("no DecompressionStream to inflate with");
  const out = new Blob([data as BlobPart]).stream().pipeThrough(new Stream("deflate-raw"));
  return new Uint8Array(await new Response(out).arrayBuffer());
};

export class ZipReader {
  private readonly entries = new Map<string, Entry>();
  private readonly view: DataView;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly inflate: Inflate = streamInflate,
  ) {
    const b = bytes;
    const view = (this.view = new DataView(b.buffer, b.byteOffset, b.byteLength));
    let eocd = -1;
    for (let i = b.length - 22, min = Math.max(0, b.length - 22 - 0xffff); i >= min; i--)
      if (view.getUint32(i, true) === 0x06054b50) {
        eocd = i;
        break;
      }
    if (eocd < 0) throw new DirectUnsupported("zip: no end of central directory");
    const count = view.getUint16(eocd + 10, true);
    let at = view.getUint32(eocd + 16, true);
    if (count === 0xffff || at === 0xffffffff) throw new DirectUnsupported("zip64");
    const utf8 = new TextDecoder("utf-8");
    for (let n = 0; n < count; n++) {
      if (at + 46 > b.length || view.getUint32(at, true) !== 0x02014b50)
        throw new DirectUnsupported("zip: damaged central directory");
      const flags = view.getUint16(at + 8, true);
      const method = view.getUint16(at + 10, true);
      const compressedSize = view.getUint32(at + 20, true);
      const size = view.getUint32(at + 24, true);
      const nameLen = view.getUint16(at + 28, true);
      const extra = view.getUint16(at + 30, true);
      const comment = view.getUint16(at + 32, true);
      const localOffset = view.getUint32(at + 42, true);
      const name = utf8.decode(b.subarray(at + 46, at + 46 + nameLen));
      at += 46 + nameLen + extra + comment;
      if (name.endsWith("/")) continue; // a folder
      if (flags & 1) throw new DirectUnsupported("zip: encrypted entry");
      if (method !== 0 && method !== 8) throw new DirectUnsupported(`zip: method ${method}`);
      if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff)
        throw new DirectUnsupported("zip64");
      if (name.startsWith("/") || this.entries.has(name)) throw new DirectUnsupported(`zip: entry ${name}`);
      this.entries.set(name, { method, compressedSize, size, localOffset });
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** A part's bytes, inflated; undefined when the zip has no such part. */
  async read(name: string): Promise<Uint8Array | undefined> {
    const e = this.entries.get(name);
    if (!e) return undefined;
    const at = e.localOffset;
    if (at + 30 > this.bytes.length || this.view.getUint32(at, true) !== 0x04034b50)
      throw new DirectUnsupported(`zip: damaged entry ${name}`);
    const start = at + 30 + this.view.getUint16(at + 26, true) + this.view.getUint16(at + 28, true);
    const data = this.bytes.subarray(start, start + e.compressedSize);
    if (data.length !== e.compressedSize) throw new DirectUnsupported(`zip: truncated entry ${name}`);
    let out: Uint8Array;
    try {
      out = e.method === 0 ? data : await this.inflate(data);
    } catch (err) {
      if (err instanceof DirectUnsupported) throw err;
      throw new DirectUnsupported(`zip: cannot inflate ${name}`);
    }
    if (out.length !== e.size) throw new DirectUnsupported(`zip: ${name} is not the size the zip says`);
    return out;
  }

  /** A part as UTF-8 text (a byte-order mark dropped), undefined when absent. */
  async text(name: string): Promise<string | undefined> {
    const b = await this.read(name);
    return b === undefined ? undefined : new TextDecoder("utf-8").decode(b);
  }
}
