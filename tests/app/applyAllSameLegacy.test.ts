/**
 * applyAllSame.test.ts on every Unicode corpus fixture typed in TCVN3 and in VNI (texts in the legacy font,
 * numbers and codes as typed) and on a generated table typed so: apply-all on fewer readings = the four
 * commands one after another (on a legacy sheet the shortcuts refuse, so this holds the refusals to it).
 */
import { planApplyAll } from "../../src/app/applyAll";
import * as commands from "../../src/app/commands";
import { CORPUS, fixtureBytes } from "../corpus";
import { generatedXlsx } from "../../bench/files";
import { expectSame, snapshotOf } from "../support/applyAllReference";
import { typedIn } from "../support/legacyEncode";

jest.setTimeout(240_000);

describe("apply-all on a sheet typed in TCVN3 or VNI = the four commands one after another", () => {
  const unicode = CORPUS.filter((f) => !/tcvn3|vni/.test(f.id));
  test.each(unicode.flatMap((f) => (["tcvn3", "vni"] as const).map((e) => [f.id, e, f] as const)))(
    "corpus %s typed in %s",
    async (_id, encoding, f) => {
      const ws = await snapshotOf(await typedIn(await fixtureBytes(f), encoding));
      if (ws) expectSame(ws, { refused: true });
    },
  );

  test.each(["tcvn3", "vni"] as const)(
    "on a table typed in %s both shortcuts refuse: four readings",
    async (encoding) => {
      const ws = (await snapshotOf(await typedIn(await generatedXlsx(300, 7), encoding)))!;
      const read = jest.spyOn(commands, "readSheet");
      try {
        expect(planApplyAll(ws).ok).toBe(true);
        expect(read).toHaveBeenCalledTimes(4);
      } finally {
        read.mockRestore();
      }
    },
  );

  test.each(["tcvn3", "vni"] as const)("generated table typed in %s", async (encoding) => {
    expectSame((await snapshotOf(await typedIn(await generatedXlsx(300, 7), encoding)))!, { refused: true });
  });
});
