/**
 * The few Open Packaging Conventions pieces `preserve.ts` needs to move parts from one .xlsx zip to
 * another: relationships (read, resolve, add), content types (look up, add), the workbook's sheets by
 * name, and fresh part names. String-level on the well-known, attribute-only XML of these parts.
 */
import type JSZip from "jszip";

import { attrs, encodeXml, parseRels, relKind, relsPathOf, resolveTarget, writeRels, type Rel } from "./xml";

/** A package in a zip: its files as text, its content types, relationships, and the workbook's sheets. */
export class Package {
  private ct = "";
  private ct0 = "";
  private written = false;

  private constructor(readonly zip: JSZip) {
    // Every write or removal goes through these two (here and in the modules that edit parts directly).
    const file = zip.file.bind(zip) as (...args: unknown[]) => unknown;
    const remove = zip.remove.bind(zip);
    zip.file = ((...args: unknown[]) => {
      if (args.length > 1) this.written = true;
      return file(...args);
    }) as JSZip["file"];
    zip.remove = ((name: string) => {
      this.written = true;
      return remove(name);
    }) as JSZip["remove"];
  }

  static async open(zip: JSZip): Promise<Package> {
    const p = new Package(zip);
    p.ct = p.ct0 = (await p.text("[Content_Types].xml")) ?? "<Types></Types>";
    return p;
  }

  /** Whether any part was written or removed, or the content types changed, since the package was opened. */
  get changed(): boolean {
    return this.written || this.ct !== this.ct0;
  }

  has(part: string): boolean {
    return this.zip.file(part) !== null;
  }

  async text(part: string): Promise<string | undefined> {
    return this.zip.file(part)?.async("string");
  }

  async bytes(part: string): Promise<Uint8Array | undefined> {
    return this.zip.file(part)?.async("uint8array");
  }

  parts(): string[] {
    return Object.values(this.zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name);
  }

  async rels(part: string): Promise<Rel[]> {
    return parseRels(await this.text(part === "" ? "_rels/.rels" : relsPathOf(part)));
  }

  setRels(part: string, rels: Rel[]): void {
    this.zip.file(part === "" ? "_rels/.rels" : relsPathOf(part), writeRels(rels));
  }

  /** The content type of a part: its Override, else the Default of its extension. */
  contentType(part: string): string | undefined {
    const lower = `/${part}`.toLowerCase();
    for (const m of this.ct.matchAll(/<(?:\w+:)?Override\b[^>]*>/g)) {
      const a = attrs(m[0]);
      if ((a.PartName ?? "").toLowerCase() === lower) return a.ContentType;
    }
    return this.defaultType(part.slice(part.lastIndexOf(".") + 1));
  }

  defaultType(ext: string): string | undefined {
    for (const m of this.ct.matchAll(/<(?:\w+:)?Default\b[^>]*>/g)) {
      const a = attrs(m[0]);
      if ((a.Extension ?? "").toLowerCase() === ext.toLowerCase()) return a.ContentType;
    }
    return undefined;
  }

  /** Gives `part` the content type `type` (a Default when its extension has none, else an Override). */
  setContentType(part: string, type: string): void {
    if (this.contentType(part) === type) return;
    const ext = part.slice(part.lastIndexOf(".") + 1);
    const entry =
      this.defaultType(ext) === undefined && ext !== "xml"
        ? `<Default Extension="${encodeXml(ext)}" ContentType="${encodeXml(type)}"/>`
        : `<Override PartName="/${encodeXml(part)}" ContentType="${encodeXml(type)}"/>`;
    this.ct = this.ct.replace(/<\/(\w+:)?Types>\s*$/, (end) => `${entry}${end}`);
  }

  /** The parts named by Override entries. */
  overrides(): string[] {
    return [...this.ct.matchAll(/<(?:\w+:)?Override\b[^>]*>/g)].map((m) =>
      (attrs(m[0]).PartName ?? "").replace(/^\//, ""),
    );
  }

  removeOverride(part: string): void {
    this.ct = this.ct.replace(/<(?:\w+:)?Override\b[^>]*>/g, (m) =>
      (attrs(m).PartName ?? "").toLowerCase() === `/${part}`.toLowerCase() ? "" : m,
    );
  }

  flushContentTypes(): void {
    if (this.ct !== this.ct0) this.zip.file("[Content_Types].xml", this.ct);
  }

  /** The workbook part (the package's officeDocument relationship). */
  async workbookPart(): Promise<string> {
    const main = (await this.rels("")).find((r) => relKind(r.type) === "officeDocument");
    return main ? resolveTarget("", main.target) : "xl/workbook.xml";
  }

  /** Sheet name → worksheet part. */
  async sheets(): Promise<Map<string, string>> {
    const wbPart = await this.workbookPart();
    const xml = (await this.text(wbPart)) ?? "";
    const rels = await this.rels(wbPart);
    const out = new Map<string, string>();
    for (const m of xml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
      const a = attrs(m[0]);
      const rel = rels.find((r) => r.id === a["r:id"]);
      if (a.name !== undefined && rel) out.set(a.name, resolveTarget(wbPart, rel.target));
    }
    return out;
  }

  /** A part name like `wanted` (same folder and extension, next free number) not in the zip or `taken`. */
  freshName(wanted: string, taken: Set<string>): string {
    const free = (p: string) => !this.has(p) && !taken.has(p);
    if (free(wanted)) return wanted;
    const m = /^(.*?)(\d*)(\.[^./]*)?$/.exec(wanted)!;
    for (let n = Math.max(2, Number(m[2] || 1) + 1); ; n++) {
      const p = `${m[1]}${n}${m[3] ?? ""}`;
      if (free(p)) return p;
    }
  }

  /** A relationship id not used in `rels`. */
  static freshId(rels: Rel[], prefix = "rIdPar"): string {
    for (let n = 1; ; n++) if (!rels.some((r) => r.id === `${prefix}${n}`)) return `${prefix}${n}`;
  }
}
