// ExcelHost through the Host interface.
import { selectRow } from "../../../src/hosts/office/write";
import { OfficeHost } from "../../../src/hosts/office";
import { prepare } from "../../../src/core/prepare";
import { planRecalcAndHighlight } from "../../../src/core/recalc";
import { analyzed, criteriaRows, sheetFrom, workbookOf } from "./helpers";
import { setup } from "./harness";
import { readdirSync, readFileSync } from "fs";
import { join } from "path";

describe("OfficeHost (the Host interface)", () => {
  test("read, apply and selectRow", async () => {
    const fake = setup(workbookOf(sheetFrom(criteriaRows(10))));
    const basis = await OfficeHost.read();
    const cs = planRecalcAndHighlight(basis.active, analyzed(basis.active));
    const p = prepare(basis, cs);
    if (!p.ok) throw p.error;
    await OfficeHost.apply(p);
    expect(fake.syncs).toBe(3);
    await selectRow("PAR 2024", 6);
    expect(fake.selection).toEqual({ sheet: "PAR 2024", rect: { top: 6, left: 0, rows: 1, cols: 16384 } });
  });
});

test("the Office host writes prepared ops without a model of its own (no WorkbookModel anywhere in it)", () => {
  const dir = join(__dirname, "../../../src/hosts/office");
  for (const f of readdirSync(dir).filter((n) => n.endsWith(".ts"))) {
    const text = readFileSync(join(dir, f), "utf8");
    expect([f, /core\/model|WorkbookModel|validateChangeSet|invertChangeSet/.test(text)]).toEqual([f, false]);
  }
});
