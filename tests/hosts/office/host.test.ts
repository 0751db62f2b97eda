// ExcelHost through the Host interface.
import { selectRow } from "../../../src/hosts/office/write";
import { OfficeHost } from "../../../src/hosts/office";
import { prepare } from "../../../src/core/prepare";
import { planRecalcAndHighlight } from "../../../src/core/plan";
import { analyzed, criteriaRows, sheetFrom, workbookOf } from "./helpers";
import { setup } from "./harness";

// The 10,000-row cases recalculate 20,000 formulas twice (in the double and in the core's simulation).
jest.setTimeout(120_000);

describe("OfficeHost (the Host interface)", () => {
  test("read, apply and selectRow", async () => {
    const fake = setup(workbookOf(sheetFrom(criteriaRows(10))));
    const basis = await OfficeHost.read();
    const cs = planRecalcAndHighlight(basis.active, analyzed(basis.active));
    const p = prepare(basis, cs);
    if (!p.ok) throw p.error;
    await OfficeHost.apply(p);
    expect(fake.syncs).toBe(2);
    await selectRow("PAR 2024", 6);
    expect(fake.selection).toEqual({ sheet: "PAR 2024", rect: { top: 6, left: 0, rows: 1, cols: 16384 } });
  });
});
