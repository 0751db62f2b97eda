/**
 * The JSON carries what issue 11 adds: each row's self-assessed score ("self") and the total's bonus and
 * penalty (and the final score / self total when the table has them), from the same Summary every front end reads.
 */
import { analyzeWorkbook } from "../../src/app/commands";
import { jsonOf } from "../../src/cli/summary";
import { loadWorkbook, readSnapshot } from "../../src/hosts/xlsx";
import { CORPUS, fixtureBytes } from "../corpus";

async function json(id: string) {
  const f = CORPUS.find((x) => x.id === id)!;
  const ws = readSnapshot(await loadWorkbook(await fixtureBytes(f)));
  const r = analyzeWorkbook(ws);
  if (!r.ok) throw new Error(r.error.code);
  return jsonOf(
    {
      file: `${id}.xlsx`,
      unit: { name: "xã Tân Hòa", level: "commune" },
      sheet: ws.active.name,
      summary: r.summary,
    },
    "vi",
  );
}

test("bonus 1,00 and penalty 0,50 above the total: in the total's JSON, and in the achieved 87,75", async () => {
  const j = await json("bonus-penalty-above-total");
  if (!("total" in j)) throw new Error("no summary");
  expect(j.total).toMatchObject({ max: 100, achieved: 87.75, bonus: 1, penalty: 0.5 });
});

test("appraisal rounds: each row says its self-assessed score; a table without them says null", async () => {
  const j = await json("appraisal-rounds");
  const rows = ("rows" in j && j.rows) || [];
  expect(rows.length).toBeGreaterThan(0);
  const selves = rows.map((r) => r.self);
  expect(selves.some((s) => typeof s === "number")).toBe(true);
  const plain = await json("page-break-blank-rows");
  const plainRows = ("rows" in plain && plain.rows) || [];
  expect(plainRows.length).toBeGreaterThan(0);
  expect(plainRows.every((r) => r.self === null)).toBe(true);
  expect("total" in plain && plain.total).toMatchObject({ bonus: 0, penalty: 0, final: null, self: null });
});
