/**
 * The official total is never replaced silently (issue 9 item 2), and replacing it is one explicit choice: the
 * panel's one click / the CLI's --replace-total reach the recalc planner through the session.
 */
import { Session } from "../../src/app/session";
import { loadWorkbook, readSnapshot, XlsxHost } from "../../src/hosts/xlsx";
import { CORPUS, fixtureBytes } from "../corpus";

const fixture = CORPUS.find((f) => f.id === "stated-total-differs")!;
const statedRow = Number(fixture.expect.untouched![0].match(/C(\d+):/)![1]) - 1; // 0-based sheet row

async function totalCells(replaceTotal: boolean) {
  const wb = await loadWorkbook(await fixtureBytes(fixture));
  const host = new XlsxHost(wb);
  const s = new Session(host, "vi", { replaceTotal });
  const r = await s.run("recalc");
  expect(r.ok).toBe(true);
  const cells = () => {
    const ws = readSnapshot(wb).active;
    const at = (col: number) => ws.values[statedRow - ws.top][col - ws.left];
    const formula = (col: number) => ws.formulas?.[statedRow - ws.top]?.[col - ws.left] ?? null;
    return { achieved: at(3), achievedFormula: formula(3) };
  };
  return { ...cells(), cells, session: s };
}

test("without the choice, the stated total (88,00) stays as typed", async () => {
  const t = await totalCells(false);
  expect(t.achievedFormula).toBeNull();
  expect(String(t.achieved).replace(",", ".")).toMatch(/^88(\.0+)?$/);
});

test("with replaceTotal, the total row becomes formulas over the domains (87,25), and undo gives 88,00 back", async () => {
  const t = await totalCells(true);
  expect(t.achievedFormula).toMatch(/^=/);
  expect(t.achieved).toBeCloseTo(87.25, 2);
  expect((await t.session.undo()).ok).toBe(true);
  const back = t.cells();
  expect(back.achievedFormula).toBeNull();
  expect(String(back.achieved).replace(",", ".")).toMatch(/^88(\.0+)?$/);
});
