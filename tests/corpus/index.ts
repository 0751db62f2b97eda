/**
 * The corpus: awkward PAR INDEX tables as district, commune and ward offices make them, and files that are
 * not workbooks. Reusable by any host's checks (the Office fake, LibreOffice): `CORPUS` with `fixtureBytes`.
 */
import { build } from "./builder";
import type { Fixture } from "./fixture";
import { EXTENT } from "./fixtures/extent";
import { NUMBERS } from "./fixtures/numbers";
import { TOTALS } from "./fixtures/totals";
import { BOOKS } from "./fixtures/books";
export { BAD_FILES, compoundFile, prepareBadFiles } from "./fixtures/bad";
export type { BadFile, Check, Expected, Fixture } from "./fixture";

export const CORPUS: readonly Fixture[] = [...EXTENT, ...NUMBERS, ...TOTALS, ...BOOKS];

const cache = new Map<string, Promise<Uint8Array>>();

/** The fixture's .xlsx bytes (built once per process). */
export function fixtureBytes(f: Fixture): Promise<Uint8Array> {
  let p = cache.get(f.id);
  if (!p) cache.set(f.id, (p = build(f.book)));
  return p;
}

/** Every fixture with its bytes. */
export async function loadCorpus(): Promise<{ fixture: Fixture; bytes: Uint8Array }[]> {
  return Promise.all(CORPUS.map(async (fixture) => ({ fixture, bytes: await fixtureBytes(fixture) })));
}
