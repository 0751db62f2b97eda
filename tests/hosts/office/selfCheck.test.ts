// The compatibility self-check against the strict double: each check sees what the double models.
import { reportText, runSelfCheck, SCRATCH_SHEET } from "../../../src/hosts/office/selfCheck";
import { criteriaRows, sheetFrom, workbookOf } from "./helpers";
import { setup } from "./harness";

test("every check runs on a scratch sheet that is deleted afterwards; the double's behaviour is reported", async () => {
  const fake = setup(workbookOf(sheetFrom(criteriaRows(8))));
  const report = await runSelfCheck();
  const byId = Object.fromEntries(report.results.map((r) => [r.id, r]));
  expect(Object.keys(byId)).toEqual([
    "null-object",
    "atomicity",
    "calculated-columns",
    "protection",
    "undo-group",
    "payload",
    "cell-edit",
  ]);
  expect(byId["null-object"].observed).toBe("isNullObject=true; getRange on it: InvalidObjectPath");
  expect(byId.atomicity.observed).toBe("failure: ItemNotFound; earlier write kept: true");
  expect(byId["calculated-columns"].observed).toMatch(/^autofill on: =C2\*2 \| =C3\*2 \| =C4\*2$/);
  expect(byId.protection).toMatchObject({ status: "as-expected", observed: "AccessDenied" });
  expect(byId["undo-group"].status).toBe("as-expected");
  expect(report.results.every((r) => r.status !== "differs")).toBe(true);
  expect(fake.model.order).not.toContain(SCRATCH_SHEET);
  expect(fake.protectedSheets.size).toBe(0);
  expect(fake.runs.every((r) => (r.options as { delayForCellEdit?: boolean }).delayForCellEdit)).toBe(true);
  expect(reportText(report)).toContain("[as-expected] protection");
});

test("on Excel on the web the 5 MB request is refused with its code; without ExcelApi 1.20 no undo grouping", async () => {
  setup(workbookOf(sheetFrom(criteriaRows(8))), { maxRequestBytes: 5_000_000, apiVersion: "1.13" });
  const report = await runSelfCheck();
  const byId = Object.fromEntries(report.results.map((r) => [r.id, r]));
  expect(byId.payload.observed).toBe("RequestPayloadSizeLimitExceeded");
  expect(byId["undo-group"].status).toBe("not-run");
  expect(report.api["ExcelApi 1.20"]).toBe(false);
});
