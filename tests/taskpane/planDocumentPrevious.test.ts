// Issue 12: the task pane's plan document (.docx) has §II's comparison with last year when the panel gives
// the sheet chosen in So sánh, as the CLI's `plan-doc --previous` does. Node environment: the docx package
// needs TextEncoder, which jsdom lacks.
import JSZip from "jszip";
import { MemoryHost } from "../../src/app/memoryHost";
import { Session } from "../../src/app/session";
import { sampleTwoYears } from "../support/twoYears";
import { lazyPlanDocument } from "../../src/taskpane/mountApp";

jest.setTimeout(30_000);

test("the task pane's .docx: §II has last year's comparison when a previous sheet is given", async () => {
  const session = new Session(new MemoryHost(sampleTwoYears()), "vi");
  const make = lazyPlanDocument(session)!;
  const text = async (r: Awaited<ReturnType<typeof make>>) => {
    if (!r.ok) throw new Error(r.error.message.en);
    const zip = await JSZip.loadAsync(r.bytes);
    return zip.file("word/document.xml")!.async("string");
  };
  const withPrevious = await text(await make({ previous: "PAR INDEX 2022" }));
  expect(withPrevious).toContain("So với năm 2022, tổng điểm không thay đổi");
  const without = await text(await make({}));
  expect(without).not.toContain("So với năm");
  // the session still works on this year's table
  expect((await session.workbook()).active.name).toBe("PAR INDEX 2023");
});
