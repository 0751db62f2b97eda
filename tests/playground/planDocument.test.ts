// Issue 12 in the playground: the .docx download passes last year's sheet chosen in the compare tab, so
// the document's §II has the same «So với năm …» comparison as the task pane's and `plan-doc --previous`.
// The DocCore is the one the worker runs; here it runs on the test's thread (openPort(null), as `?inline`).
import { DocSession, openPort } from "../../src/playground/docClient";
import { LAST_YEAR_SHEET, THIS_YEAR_SHEET, docxText, twoYearsXlsx } from "./twoYears";

async function twoYearDoc() {
  const port = await openPort(null);
  const opened = await port.core.openFile(await twoYearsXlsx(), "Bac-Son-2022-2023.xlsx", "vi");
  if (!opened.ok) throw new Error(opened.error.message.en);
  return { port, session: new DocSession(port, opened.info) };
}

test("the table is this year's sheet; the compare tab offers last year's", async () => {
  const { session } = await twoYearDoc();
  expect(session.info.sheet).toBe(THIS_YEAR_SHEET);
  expect((await session.compareCandidates()).sheets[0]).toBe(LAST_YEAR_SHEET);
});

test("with a previous sheet the .docx compares the years; without one it has no comparison", async () => {
  const { port } = await twoYearDoc();
  const withPrevious = await port.core.planDocument({ previous: LAST_YEAR_SHEET });
  if (!withPrevious.ok) throw new Error(withPrevious.error.message.en);
  expect(withPrevious.fileName).toBe("Ke-hoach-khac-phuc-Ket-qua-2023.docx");
  const text = await docxText(withPrevious.bytes);
  expect(text).toContain("So với năm 2022, tổng điểm giảm 0,25 điểm (từ 85,12 xuống 84,87 điểm).");
  expect(text).toMatch(/Các tiêu chí tăng điểm:[^.]*3\.5\.3/);
  expect(text).toMatch(/Các tiêu chí giảm điểm:[^.]*1\.6\.2/);
  // still this year's results in §II
  expect(text).toContain("84,87");

  for (const req of [{}, { previous: null }]) {
    const without = await port.core.planDocument(req);
    if (!without.ok) throw new Error(without.error.message.en);
    expect(await docxText(without.bytes)).not.toContain("So với năm");
  }
});

test("a previous sheet that is gone: a typed error, not a crash", async () => {
  const { port } = await twoYearDoc();
  const r = await port.core.planDocument({ previous: "Không còn" });
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.code).toBe("stale");
});
