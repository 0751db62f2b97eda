/**
 * lookupCriterion's "same criterion under another code" step looks only at the entries whose titles share a
 * word with the name (an index built once per catalogue). Pinned against a scan of every entry, as the lookup
 * did before: the same entry wins, ties included (the later of two equally alike entries).
 */
import { builtinCatalogue, lookupCriterion, type Catalogue } from "../../src/catalogue/lookup";
import { UNIT_LEVELS, unitProfile } from "../../src/catalogue/profiles";
import { SAME_NAME_THRESHOLD, nameSimilarity } from "../../src/core/sameCriterion";
import { SAMPLE_ROWS } from "../../src/core/sample";

/** The scan of every entry: the last entry at the best similarity ≥ the threshold. */
function scanned(catalogue: Catalogue, name: string) {
  let hit: Catalogue["entries"][number] | undefined;
  let best = SAME_NAME_THRESHOLD;
  for (const e of catalogue.entries) {
    const s = nameSimilarity(name, e.title);
    if (s >= best) {
      best = s;
      hit = e;
    }
  }
  return hit;
}

/** Titles, titles reworded (a word dropped, a clause added, diacritics gone), seed names, unrelated names. */
function names(catalogue: Catalogue): string[] {
  const out = new Set<string>();
  for (const e of catalogue.entries) {
    const words = e.title.split(" ");
    out.add(e.title);
    out.add(words.slice(1).join(" "));
    out.add(words.slice(0, -1).join(" "));
    out.add(`${e.title} (đối với cơ quan hành chính nhà nước)`);
    out.add(e.title.normalize("NFD").replace(/[\u0300-\u036f]/g, ""));
    out.add(e.title.toUpperCase());
  }
  for (const r of SAMPLE_ROWS) if (typeof r[1] === "string") out.add(r[1]);
  for (const n of ["", "   ", "123", "Tiêu chí 1.1", "Tiêu chí thành phần", "của và các", "Khác"]) out.add(n);
  return [...out];
}

const catalogues: [string, Catalogue][] = [
  ["built-in", builtinCatalogue()],
  ...UNIT_LEVELS.map((l): [string, Catalogue] => [l, unitProfile(l).catalogue]),
];

describe.each(catalogues)("lookupCriterion by name, %s catalogue", (_label, catalogue) => {
  test("the same entry as a scan of every entry, for every name", () => {
    let sameName = 0;
    for (const name of names(catalogue)) {
      // A code no entry and no domain has: only the name can find an entry.
      const got = lookupCriterion({ code: "98.7.6", name }, catalogue);
      const want = name.trim() === "" ? undefined : scanned(catalogue, name.trim());
      if (want) {
        sameName++;
        expect({ name, match: got.match, entry: got.entry, from: got.from }).toEqual({
          name,
          match: "same-name",
          entry: want.label,
          from: want.codes[0],
        });
      } else expect({ name, match: got.match }).not.toEqual({ name, match: "same-name" });
    }
    // The names do reach the entries (the test would say nothing otherwise).
    expect(sameName).toBeGreaterThan(catalogue.entries.length);
  });
});
