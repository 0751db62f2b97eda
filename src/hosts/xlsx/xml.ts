/**
 * XML text helpers of the xlsx host (string-level, on the well-known, attribute-only XML of package parts):
 * entities, one start tag's attributes, relationships and their targets. Their own module, without JSZip
 * or the package model (opc.ts imports them), so the direct reader the CLI's summary loads stays small.
 */
export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (m, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "amp") return "&";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : m; // past Unicode: left as written
  });
}

export function encodeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The attributes of one start tag (`<x a="1" b='2'>`), decoded, by qualified name. */
export function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g))
    out[m[1]] = decodeXml(m[3] ?? m[4] ?? "");
  return out;
}

export function parseRels(xml: string | undefined): Rel[] {
  if (!xml) return [];
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => {
    const a = attrs(m[0]);
    return {
      id: a.Id ?? "",
      type: a.Type ?? "",
      target: a.Target ?? "",
      external: a.TargetMode === "External",
    };
  });
}

export function writeRels(rels: Rel[]): string {
  const items = rels.map(
    (r) =>
      `<Relationship Id="${encodeXml(r.id)}" Type="${encodeXml(r.type)}" Target="${encodeXml(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">${items.join("")}</Relationships>`;
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`; the package ("") → `_rels/.rels`. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The part a relationship of `source` points at (`../charts/chart1.xml` from a drawing → `xl/charts/chart1.xml`). */
export function resolveTarget(source: string, target: string): string {
  const base = target.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const seg of target.replace(/^\//, "").split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return base.join("/");
}

/** The relative target from `source` to `part`. */
export function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

/** The short name of a relationship type (`…/relationships/chart` → `chart`). */
export const relKind = (type: string) => type.slice(type.lastIndexOf("/") + 1);
