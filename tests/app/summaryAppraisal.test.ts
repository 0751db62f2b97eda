/**
 * What the summary says of the appraisal and of the bonus/penalty block (issue 11 items 3 and 4), so a front
 * end shows the engine's figures without redoing them: each row's cut (selfDiff), the domains' sum before the
 * block, the appraisal's difference and where the block sits.
 */
import { analyzeWorkbook, type Summary } from "../../src/app/commands";
import { sampleWorkbook } from "../../src/app/sample";
import { loadWorkbook, readSnapshot } from "../../src/hosts/xlsx";
import { CORPUS, fixtureBytes } from "../corpus";

async function summaryOf(id: string): Promise<Summary> {
  const f = CORPUS.find((x) => x.id === id)!;
  const r = analyzeWorkbook(readSnapshot(await loadWorkbook(await fixtureBytes(f))));
  if (!r.ok) throw new Error(r.error.code);
  return r.summary;
}

const byCode = (s: Summary, code: string) => s.rows.find((r) => r.code === code)!;

test("each row says the points the appraisal cut; a row not appraised yet says none", async () => {
  const s = await summaryOf("appraisal-rounds");
  expect(["3", "3.2", "3.1", "7"].map((c) => byCode(s, c).selfDiff)).toEqual([0.5, 0.5, 0, 0]);
  // 8.2 is not appraised: its self score counts, nothing was cut
  const notAppraised = s.issues.find((i) => i.kind === "not-appraised")!;
  expect(s.rows.find((r) => r.row === notAppraised.row)).toMatchObject({ code: "8.2", selfDiff: null });
});

test("the appraisal's difference is of the domains: self total − appraised domains", async () => {
  const s = await summaryOf("self-and-appraised");
  expect(s.total).toMatchObject({ self: 87.25, domainsAchieved: 86.25, selfDiff: 1, adjustments: null });
});

test("a block above the total: counted in achieved, the domains' sum before it", async () => {
  const s = await summaryOf("bonus-penalty-above-total");
  expect(s.total).toMatchObject({
    achieved: 87.75,
    domainsAchieved: 87.25,
    adjustments: "above",
    final: null,
    selfDiff: null,
  });
  const neg = await summaryOf("penalty-negative-above-total");
  expect(neg.total).toMatchObject({ achieved: 85.75, penalty: 1.5, domainsAchieved: 87.25 });
});

test("a block after a total of the domains: achieved is the domains, the final score apart", async () => {
  const s = await summaryOf("bonus-penalty-below-total");
  expect(s.total).toMatchObject({
    achieved: 87.25,
    domainsAchieved: 87.25,
    adjustments: "below",
    final: 86.75,
  });
});

test("without a block or an appraisal: the domains are the total, no difference", () => {
  const r = analyzeWorkbook(sampleWorkbook());
  if (!r.ok) throw new Error(r.error.code);
  expect(r.summary.total).toMatchObject({ adjustments: null, domainsAchieved: 84.87, selfDiff: null });
  expect(r.summary.rows.every((v) => v.selfDiff === null)).toBe(true);
});
