/**
 * Control characters in cell text (a line tab U+000B from an old Word paste, U+0001…): XML 1.0 cannot
 * hold them, so Excel stores them as `_x000B_` escapes; ExcelJS reads them but strips them on save.
 * `restoreControlCharacters` puts the escapes back into the output's shared strings and inline strings,
 * text by text, where the stripped text maps to exactly one original.
 */
import { type Package } from "./opc";
import { decodeXml, relKind, resolveTarget } from "./xml";

/** An escaped control character (not `_x005F_x000B_`, which is the literal text "_x000B_"). */
const CONTROL_ESCAPE = /(?<!_x005F)_x00(?:0[0-8BbCcEeFf]|1[0-9A-Fa-f])_/g;
const TEXT = /<((?:\w+:)?)t(\s[^>]*)?>([^<]*)<\/\1t>/g;

async function textParts(pkg: Package): Promise<string[]> {
  const wb = await pkg.workbookPart();
  const rels = await pkg.rels(wb);
  return rels
    .filter((r) => ["sharedStrings", "worksheet"].includes(relKind(r.type)) && !r.external)
    .map((r) => resolveTarget(wb, r.target))
    .filter((p) => pkg.has(p));
}

/** Restores the escapes in `dst`; returns what could not be restored (for `lost`). */
export async function restoreControlCharacters(src: Package, dst: Package): Promise<string[]> {
  const originals = new Map<string, Set<string>>();
  const plain = new Set<string>();
  for (const part of await textParts(src)) {
    const xml = (await src.text(part)) ?? "";
    for (const m of xml.matchAll(TEXT)) {
      const content = m[3];
      const key = decodeXml(content.replace(CONTROL_ESCAPE, ""));
      if (content.replace(CONTROL_ESCAPE, "") === content) plain.add(key);
      else originals.set(key, (originals.get(key) ?? new Set()).add(content));
    }
  }
  if (originals.size === 0) return [];
  const unsure = new Set<string>();
  for (const part of await textParts(dst)) {
    const xml = (await dst.text(part)) ?? "";
    const next = xml.replace(TEXT, (m, p: string, at: string | undefined, content: string) => {
      const key = decodeXml(content);
      const found = originals.get(key);
      if (!found || CONTROL_ESCAPE.test(content)) return m;
      if (found.size > 1 || plain.has(key)) {
        unsure.add(key);
        return m;
      }
      return `<${p}t${at ?? ""}>${[...found][0]}</${p}t>`;
    });
    CONTROL_ESCAPE.lastIndex = 0;
    if (next !== xml) dst.zip.file(part, next);
  }
  return [...unsure].map((k) => `control characters in «${k.length > 40 ? `${k.slice(0, 40)}…` : k}»`);
}
