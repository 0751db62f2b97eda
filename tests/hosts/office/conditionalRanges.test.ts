// The ranges of the criteria sheet's conditional formats: read within the sync budget (by index, in the read's
// one request, when the memo knows how many rules the sheet holds), so the add-in's rules come back with
// their ranges and an undo can put them back where they were. And the double's ConditionalFormat range
// methods as Microsoft documents them.
import type { ConditionalRule, WorkbookSnapshot } from "../../../src/core/types";
import { addinFormula } from "../../../src/core/conditional";
import type { FakeExcel } from "./fake";
import { criteriaRows, sheetFrom, workbookOf } from "./helpers";
import { freshHost, readSnapshot, setup } from "./harness";

const RED = "#FFC7CE";
const rule = (ranges: ConditionalRule["ranges"], formula = addinFormula("$D2=0")): ConditionalRule => ({
  ranges,
  formula,
  fill: RED,
});
const col = (left: number, top = 1, rows = 12) => ({ top, left, rows, cols: 1 });

function highlighted(rules: ConditionalRule[]): WorkbookSnapshot {
  return workbookOf({ ...sheetFrom(criteriaRows(12)), conditionalFormats: rules });
}

async function read(fake: FakeExcel): Promise<{ ws: WorkbookSnapshot; syncs: number }> {
  const before = fake.syncs;
  const ws = await readSnapshot();
  return { ws, syncs: fake.syncs - before };
}

const ranges = (ws: WorkbookSnapshot) => (ws.active.conditionalFormats ?? []).map((r) => r.ranges);

test("a workbook opened with the add-in's rules: the first read has their ranges in its 2 syncs, later reads in 1", async () => {
  const fake = setup(highlighted([rule([col(1)]), rule([col(3)], addinFormula("$D2<$C2"))]));
  const first = await read(fake);
  expect(first.syncs).toBe(2);
  expect(ranges(first.ws)).toEqual([[col(1)], [col(3)]]);
  const again = await read(fake);
  expect(again.syncs).toBe(1);
  expect(ranges(again.ws)).toEqual([[col(1)], [col(3)]]);
  expect(again.ws.active.conditionalFormats?.every((r) => r.id !== undefined)).toBe(true);
});

test("a rule on several ranges (Excel splits one when rows are inserted in it) is read with all of them", async () => {
  const fake = setup(highlighted([rule([col(1, 1, 4), col(1, 7, 6)])]));
  await readSnapshot();
  const { ws, syncs } = await read(fake);
  expect(syncs).toBe(1);
  expect(ranges(ws)).toEqual([[col(1, 1, 4), col(1, 7, 6)]]);
});

test("an add-in rule added since the last read (not counted): its range costs one follow-up sync, once", async () => {
  const fake = setup(highlighted([rule([col(1)])]));
  await readSnapshot();
  fake.model.sheet("PAR 2024").conditionalFormats.push(rule([col(2)], addinFormula("$C2>0")));
  const after = await read(fake);
  expect(after.syncs).toBe(2);
  expect(ranges(after.ws)).toEqual([[col(1)], [col(2)]]);
  expect((await read(fake)).syncs).toBe(1);
});

test("a user's own rule added since costs nothing more: it is read, without its range", async () => {
  const fake = setup(highlighted([rule([col(1)])]));
  await readSnapshot();
  fake.model.sheet("PAR 2024").conditionalFormats.push(rule([col(2)], "=$C2>5"));
  const after = await read(fake);
  expect(after.syncs).toBe(1);
  expect(ranges(after.ws)).toEqual([[col(1)], []]);
});

test("a rule deleted since the last read (counted too many): the refuted guess is read again, right", async () => {
  const fake = setup(highlighted([rule([col(1)]), rule([col(3)], addinFormula("$D2<$C2"))]));
  await readSnapshot();
  fake.model.sheet("PAR 2024").conditionalFormats.pop();
  const after = await read(fake);
  expect(after.syncs).toBe(3); // the failed guess, learn, read
  expect(ranges(after.ws)).toEqual([[col(1)]]);
  expect((await read(fake)).syncs).toBe(1);
});

test("a fresh host on a sheet without rules loads no range", async () => {
  const fake = setup(highlighted([]));
  freshHost();
  expect((await read(fake)).ws.active.conditionalFormats).toBeUndefined();
  expect((await read(fake)).syncs).toBe(1);
});

describe("the double's ConditionalFormat ranges, as documented (ExcelApi 1.6 / 1.9)", () => {
  /** Loads the ranges of the sheet's first conditional format through each method. */
  async function rangesOfFirst(fake: FakeExcel, method: "getRange" | "getRangeOrNullObject" | "getRanges") {
    return Excel.run(async (context) => {
      const cf = context.workbook.worksheets.getItem("PAR 2024").getRange().conditionalFormats.getItemAt(0);
      const r = cf[method]();
      r.load("address");
      await context.sync();
      void fake;
      return method === "getRangeOrNullObject" && r.isNullObject ? null : r.address;
    });
  }

  test("one range: getRange, getRangeOrNullObject and getRanges give it", async () => {
    const fake = setup(highlighted([rule([col(1)])]));
    for (const m of ["getRange", "getRangeOrNullObject", "getRanges"] as const)
      expect(await rangesOfFirst(fake, m)).toBe("'PAR 2024'!B2:B13");
  });

  test("several ranges: getRange throws, getRangeOrNullObject is a null object, getRanges gives them all", async () => {
    const fake = setup(highlighted([rule([col(1, 1, 4), col(1, 7, 6)])]));
    await expect(rangesOfFirst(fake, "getRange")).rejects.toMatchObject({ code: "InvalidOperation" });
    expect(await rangesOfFirst(fake, "getRangeOrNullObject")).toBeNull();
    expect(await rangesOfFirst(fake, "getRanges")).toBe("'PAR 2024'!B2:B5,'PAR 2024'!B8:B13");
  });

  test("getItemAt past the end fails the batch", async () => {
    setup(highlighted([rule([col(1)])]));
    await expect(
      Excel.run(async (context) => {
        const cf = context.workbook.worksheets.getItem("PAR 2024").getRange().conditionalFormats.getItemAt(1);
        cf.load("id");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});
