/**
 * Apply-all planned on fewer readings of the table (src/app/applyAll.ts) must give EXACTLY what the four
 * commands give planned one after another the old way (tests/support/applyAllReference.ts): the same change
 * set (ops in the same order, counts, notes), result lines, summary, steps, resolved ops and inverse. On every
 * corpus fixture and on generated tables of several sizes and seeds, each also run a second time (the output
 * of the first run read again: legend, agency columns and plan sheet already there). The same on every
 * Unicode fixture typed in TCVN3 and VNI: applyAllSameLegacy.test.ts (its own file, so jest runs both at once).
 */
import { planApplyAll } from "../../src/app/applyAll";
import * as commands from "../../src/app/commands";
import { sampleWorkbook } from "../../src/app/sample";
import { CORPUS, fixtureBytes } from "../corpus";
import { generatedXlsx } from "../../bench/files";
import { expectSame, outcomeOf, readingChecks, reference, snapshotOf } from "../support/applyAllReference";

jest.setTimeout(240_000);

describe("apply-all on fewer readings = the four commands one after another", () => {
  test("assign is planned on recalc's reading with its gap and percent read again, highlight and the plan sheet on that reading grown by assign's columns: ONE reading, not four", async () => {
    const read = jest.spyOn(commands, "readSheet");
    try {
      for (const ws of [sampleWorkbook(), (await snapshotOf(await generatedXlsx(300, 1)))!]) {
        read.mockClear();
        const now = planApplyAll(ws);
        expect(read).toHaveBeenCalledTimes(1);
        expect(outcomeOf(now)).toEqual(outcomeOf(reference(ws)));
      }
    } finally {
      read.mockRestore();
    }
  });

  test.each(CORPUS.map((f) => [f.id, f] as const))("corpus %s", async (_id, f) => {
    const ws = await snapshotOf(await fixtureBytes(f));
    if (ws) expectSame(ws);
  });

  test.each([
    [40, 1],
    [300, 2],
    [1000, 3],
    [1000, 4],
    [2000, 5],
  ])("generated table of %i rows, seed %i", async (rows, seed) => {
    expectSame((await snapshotOf(await generatedXlsx(rows, seed)))!);
  });

  afterAll(() => {
    // The derived readings were checked against fresh ones on the Unicode inputs (the legacy ones are refused).
    const { derived, looked, recalcDerived, recalcLooked } = readingChecks;
    console.log(`reading after assign derived on ${derived} of ${looked} states`);
    console.log(`reading after recalc derived on ${recalcDerived} of ${recalcLooked} states`);
    if (looked > 100) expect(derived).toBeGreaterThan(looked / 3);
    if (recalcLooked > 100) expect(recalcDerived).toBeGreaterThan(recalcLooked / 2);
  });
});
