/**
 * What the Office host's tests share: a fake Excel per test, the host under test (a new ExcelHost per test,
 * so a fresh memo of reads), and a command's read → prepare → write.
 */
import { ExcelHost } from "../../../src/hosts/office/host";
import type { ReadOptions } from "../../../src/hosts/office/read";
import { writePrepared, type ApplyOptions } from "../../../src/hosts/office/write";
import { prepare } from "../../../src/core/prepare";
import { planRecalcAndHighlight } from "../../../src/core/recalc";
import type { CellInput, ChangeSet, WorkbookSnapshot } from "../../../src/core/types";
import type { FakeExcel } from "./fake";
import { analyzed, installFake } from "./helpers";

let uninstall: (() => void) | null = null;
let host = new ExcelHost();
afterEach(() => {
  uninstall?.();
  uninstall = null;
  host = new ExcelHost();
});

/** A new host: its first read is the first of a session (no guesses from an earlier read). */
export function freshHost(): void {
  host = new ExcelHost();
}

/** A read by this test's host (its memo guesses from the previous read). */
export const readSnapshot = (_owned?: undefined, opts: ReadOptions = {}) => host.read(opts);

/** What a command does after planning: core's prepare on the basis, then the host's write. */
export async function applyChangeSet(
  cs: ChangeSet,
  basis: WorkbookSnapshot,
  opts: ApplyOptions = {},
): Promise<void> {
  const p = prepare(basis, cs);
  if (!p.ok) throw p.error;
  await writePrepared(p, opts);
}

export function setup(
  ws: WorkbookSnapshot,
  opts: ConstructorParameters<typeof FakeExcel>[1] = {},
): FakeExcel {
  const { fake, done } = installFake(ws, opts);
  uninstall = done;
  return fake;
}

/** The "Recalculate" command the ribbon runs: read, plan (recalc + highlight), apply. */
export async function recalcCommand(): Promise<{ basis: WorkbookSnapshot; cs: ChangeSet }> {
  const basis = await readSnapshot();
  const cs = planRecalcAndHighlight(basis.active, analyzed(basis.active));
  await applyChangeSet(cs, basis);
  return { basis, cs };
}

export const text = (t: string): CellInput => ({ kind: "text", text: t });
