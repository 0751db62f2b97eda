import {
  AddinError,
  PLAN_SHEET,
  PLAN_TABLE,
  applyChangeSet,
  planRemediationSheet,
  sampleWorkbook,
  type RemedySource,
} from "../../src/core";
import { analyzed } from "./helpers";

const source: RemedySource = {
  remedy: (r) => ({ lead: "Sở Nội vụ", implementers: "Các sở", tasks: [`Việc cho ${r.code}`] }),
  produced: () => true,
};

describe("plan sheet names and errors", () => {
  const ws = sampleWorkbook();
  const a = analyzed(ws.active);

  test("writes the owned sheet and table", () => {
    const cs = planRemediationSheet(ws, a, source);
    expect(cs.ops[0]).toEqual({ op: "addSheet", sheet: PLAN_SHEET, after: ws.active.name });
    expect(cs.ops).toContainEqual(
      expect.objectContaining({ op: "addTable", sheet: PLAN_SHEET, name: PLAN_TABLE }),
    );
    const after = applyChangeSet(ws, cs);
    expect(after.sheetNames).toContain(PLAN_SHEET);
    expect(after.others?.[PLAN_SHEET]?.tables?.map((t) => t.name)).toEqual([PLAN_TABLE]);
  });

  test("a plan sheet that exists but was not read is AddinError not-read with the sheet's name", () => {
    const blind = { ...ws, sheetNames: [...ws.sheetNames, PLAN_SHEET] };
    let caught: unknown;
    try {
      planRemediationSheet(blind, a, source);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AddinError);
    expect((caught as AddinError).code).toBe("not-read");
    expect((caught as AddinError).details).toEqual({ sheet: PLAN_SHEET });
  });
});
