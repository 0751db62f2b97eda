// Reading again: what the last read of the same host found rides in the first request.
import { planCommand } from "../../../src/app/commands";
import { applyChangeSet as simulate } from "../../../src/core/model";
import type { SheetSnapshot, WorkbookSnapshot } from "../../../src/core/types";
import { FakeExcel } from "./fake";
import { criteriaRows, expectSameWorkbook, sheetFrom, workbookOf } from "./helpers";
import { applyChangeSet, freshHost, readSnapshot, recalcCommand, setup } from "./harness";

/** Conditional formats' ids are Excel's bookkeeping (the double's snapshot leaves them out too). */
function withoutRuleIds(ws: WorkbookSnapshot): WorkbookSnapshot {
  for (const s of [ws.active, ...Object.values(ws.others ?? {})])
    if (s.conditionalFormats) s.conditionalFormats = s.conditionalFormats.map(({ id: _id, ...r }) => r);
  return ws;
}

// The 10,000-row cases recalculate 20,000 formulas twice (in the double and in the core's simulation).
jest.setTimeout(120_000);

describe("reading again: the last read's tables and validated areas ride in the first request", () => {
  const PLAN = "Kế hoạch khắc phục";
  const STATUSES = ["Chưa thực hiện", "Đang thực hiện", "Hoàn thành"];
  /** The add-in's plan sheet as a plan command leaves it: an Excel table and a list validation. */
  const planSheet = (): SheetSnapshot => ({
    ...sheetFrom(
      [
        ["STT", "Nội dung", "Trạng thái"],
        [1, "Việc 1", "Chưa thực hiện"],
        [2, "Việc 2", "Hoàn thành"],
      ],
      { name: PLAN },
    ),
    tables: [
      {
        name: "KeHoachKhacPhuc",
        rect: { top: 0, left: 0, rows: 3, cols: 3 },
        showHeaders: true,
        showTotals: false,
        style: "TableStyleMedium2",
      },
    ],
    validations: [{ rect: { top: 1, left: 2, rows: 2, cols: 1 }, list: STATUSES }],
  });

  /** One read, and the syncs it took. */
  async function read(fake: FakeExcel): Promise<{ ws: WorkbookSnapshot; syncs: number }> {
    const before = fake.syncs;
    const ws = await readSnapshot();
    return { ws, syncs: fake.syncs - before };
  }

  /** The read as the first one of a session makes it (no guesses: tables and rules in a second sync). */
  async function plainRead(fake: FakeExcel): Promise<WorkbookSnapshot> {
    freshHost();
    return (await read(fake)).ws;
  }

  test("with the plan sheet present, the second command of a session is 2 syncs (1 read + 1 write)", async () => {
    const fake = setup(workbookOf(sheetFrom(criteriaRows(30), { top: 2 }), [planSheet()]));
    let before = fake.syncs;
    await recalcCommand();
    // First read of the session: learn the structure, read, then the rule of the plan sheet's validated area.
    expect(fake.syncs - before).toBe(4);

    before = fake.syncs;
    const { basis, cs } = await recalcCommand();
    // The harness writes around the host's memo (writePrepared, as another runtime would): the highlight's
    // rules the first command added are not counted, so their ranges take one follow-up sync (the host's
    // own write counts them: tests/hosts/office/panelCommands.test.ts).
    expect(fake.syncs - before).toBe(3);
    expectSameWorkbook(fake.snapshot(), withoutRuleIds(simulate(basis, cs)));

    // What the one-sync read returned is what the two-sync read returns.
    const guessed = await read(fake);
    expect(guessed.syncs).toBe(1);
    const plain = await plainRead(fake);
    expect(fake.syncs).toBe(before + 3 + 1 + 3);
    expect(guessed.ws).toEqual(plain);
    expect(plain.others![PLAN]).toEqual(fake.model.sheet(PLAN).toSnapshot());
    expect(plain.others![PLAN].tables![0].rect).toEqual({ top: 0, left: 0, rows: 3, cols: 3 });
    expect(plain.others![PLAN].validations).toEqual(planSheet().validations);
  });

  test("a session from the plan command on: 3, 4, then 2 syncs per command", async () => {
    const fake = setup(workbookOf(sheetFrom(criteriaRows(30), { top: 2 })));
    const counts: number[] = [];
    for (const command of ["plan", "recalc", "plan"] as const) {
      const before = fake.syncs;
      const ws = await readSnapshot();
      const outcome = planCommand(ws, command);
      if (!outcome.ok) throw new Error(`${command}: ${JSON.stringify(outcome.error)}`);
      expect(outcome.changeSet.ops.length).toBeGreaterThan(0);
      await applyChangeSet(outcome.changeSet, ws);
      counts.push(fake.syncs - before);
    }
    // plan: first read (learn + read) and the write; recalc: the guess is refuted by the new plan sheet (that
    // batch reports the new structure: no learning sync), the read, the plan sheet's rules, and the write; plan
    // again: remembered, but for the ranges of the highlight's rules recalc added (the harness writes around
    // the host's memo, so they are not counted: one follow-up sync).
    expect(counts).toEqual([3, 4, 3]);
    expect(fake.model.sheet(PLAN).tables.map((t) => t.name)).toEqual(["KeHoachKhacPhuc"]);
  });

  /** What Excel has on a sheet that the guesses are about: tables (name, range) and validations. */
  const shapeOf = (sheet: SheetSnapshot) => ({
    name: sheet.name,
    tables: (sheet.tables ?? []).map((t) => ({ name: t.name, rect: t.rect })),
    validations: sheet.validations ?? [],
  });
  const table = (name: string, top: number) => ({
    name,
    rect: { top, left: 0, rows: 2, cols: 3 },
    showHeaders: true,
    style: "TableStyleLight9",
  });
  const validation = (
    rect: { top: number; left: number; rows: number; cols: number },
    list: string[] | null,
  ) => ({ op: "setValidation", sheet: PLAN, rect, list }) as const;

  /**
   * A change the user makes between two reads; the syncs the second read takes: 1 while the structure
   * holds; a refuted guess (the batch ran, the names differ) reports the new structure, then the read (2); a
   * failed batch (a remembered table gone: ItemNotFound), then a first read (learn, read, and the rules).
   */
  const changes: [string, (fake: FakeExcel) => void, number][] = [
    ["nothing changed", () => undefined, 1],
    [
      "a rule changed, same area (read anew in the first request)",
      (f) => f.model.apply(validation({ top: 1, left: 2, rows: 2, cols: 1 }, ["Có", "Không"])),
      1,
    ],
    [
      "the table resized (its range read anew in the first request)",
      (f) =>
        f.model.apply({
          op: "resizeTable",
          sheet: PLAN,
          name: "KeHoachKhacPhuc",
          rect: { top: 0, left: 0, rows: 2, cols: 3 },
        }),
      1,
    ],
    // Gone: nothing left to ask for; or the failed batch, then a plain read (its rule in a second sync).
    [
      "the table deleted",
      (f) => f.model.apply({ op: "deleteTable", sheet: PLAN, name: "KeHoachKhacPhuc" }),
      4,
    ],
    ["the table renamed", (f) => (f.model.sheet(PLAN).tables[0].name = "KeHoach2"), 4],
    // Refuted (the batch runs, the names differ): it reports the new structure, so the read guesses from it.
    ["a table added", (f) => f.model.apply({ op: "addTable", sheet: PLAN, ...table("Them", 5) }), 2],
    [
      "a table added on the active sheet",
      (f) => f.model.apply({ op: "addTable", sheet: "PAR 2024", ...table("BangMoi", 40) }),
      2,
    ],
    [
      "a validated area added",
      (f) => f.model.apply(validation({ top: 1, left: 1, rows: 1, cols: 1 }, ["x", "y"])),
      2,
    ],
    [
      "the validations removed (the table's guess still holds)",
      (f) => f.model.apply(validation({ top: 1, left: 2, rows: 2, cols: 1 }, null)),
      1,
    ],
    ["the plan sheet deleted", (f) => f.model.apply({ op: "deleteSheet", sheet: PLAN }), 3],
    ["the plan sheet activated", (f) => (f.activeSheet = PLAN), 2],
    ["another sheet, without tables, activated", (f) => (f.activeSheet = "Ghi chú"), 2],
  ];

  describe("no call on a null object (the double rejects them)", () => {
    test.each(changes)("%s: the read is right", async (_what, change, syncs) => {
      const fake = setup(workbookOf(sheetFrom(criteriaRows(12)), [planSheet()], ["Ghi chú"]));
      expect((await read(fake)).syncs).toBe(3);
      change(fake);
      const guessed = await read(fake);
      expect(guessed.syncs).toBe(syncs);
      // The same snapshot as the read without guesses, and the tables and validations Excel has now.
      const plain = await plainRead(fake);
      expect(guessed.ws).toEqual(plain);
      const read_ = [guessed.ws.active, ...Object.values(guessed.ws.others ?? {})];
      expect(read_.map(shapeOf)).toEqual(read_.map((r) => shapeOf(fake.model.sheet(r.name).toSnapshot())));
      expect(guessed.ws.others?.[PLAN] !== undefined || guessed.ws.active.name === PLAN).toBe(
        fake.model.sheets.has(PLAN),
      );
      // Learnt again: the next read is one sync.
      expect((await read(fake)).syncs).toBe(1);
    });
  });

  test("a sheet read in bands: the guesses ride in the frame's request", async () => {
    const sheet = sheetFrom(criteriaRows(300), { top: 1 });
    const fake = setup(workbookOf(sheet, [planSheet()]), { maxResponseBytes: 60_000 });
    const banded = async () => {
      const before = fake.syncs;
      const ws = await readSnapshot(undefined, { bandCells: 200 });
      return { ws, syncs: fake.syncs - before };
    };
    const first = await banded(); // the failed try, the frame, the bands, the tables and rules
    const again = await banded(); // the failed try, the frame (with the guesses), the bands
    expect(again.syncs).toBe(first.syncs - 1);
    expect(again.ws).toEqual(first.ws);
    expect(again.ws.others![PLAN].tables).toEqual(planSheet().tables);
  });

  test("failures that are not the guesses' doing are not retried without them", async () => {
    const fake = setup(workbookOf(sheetFrom(criteriaRows(12)), [planSheet()]));
    await read(fake);
    // A chart selected: read again without the selection, guesses kept (the failed try, then one sync).
    fake.selection = "chart";
    const r = await read(fake);
    expect(r.syncs).toBe(2);
    expect(r.ws.active.selection).toBeUndefined();
    // The user is typing in a cell: the read (delayForCellEdit) waits for the edit to end, then goes on.
    fake.selection = null;
    fake.cellEditMode = true;
    let done = false;
    const pending = readSnapshot().then((ws) => {
      done = true;
      return ws;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    fake.endCellEdit();
    expect((await pending).active.name).toBe("PAR 2024");
    expect(fake.runs.every((r) => (r.options as { delayForCellEdit?: boolean }).delayForCellEdit)).toBe(true);
  });

  test("a criteria table that is an Excel table: the next command is 2 syncs; another sheet with another table, a 2-sync read", async () => {
    const sheet: SheetSnapshot = {
      ...sheetFrom(criteriaRows(20), { top: 3, left: 1 }),
      tables: [
        {
          name: "Bang1",
          rect: { top: 3, left: 1, rows: 20, cols: 5 },
          showHeaders: true,
          showTotals: false,
          style: "TableStyleLight9",
        },
      ],
    };
    const other: SheetSnapshot = {
      ...sheetFrom(
        [
          ["a", "b", "c"],
          ["x", "y", "z"],
        ],
        { name: "Khác" },
      ),
      tables: [table("Khac", 0)],
    };
    const fake = setup(workbookOf(sheet, [other]));
    let before = fake.syncs;
    await recalcCommand();
    expect(fake.syncs - before).toBe(3);
    before = fake.syncs;
    const { basis, cs } = await recalcCommand(); // the first command widened Bang1: its range is read anew
    expect(fake.syncs - before).toBe(3); // and the ranges of the rules it added, not counted (see above)
    expect(fake.snapshot().active).toEqual(withoutRuleIds(simulate(basis, cs)).active);
    expect(basis.active.tables![0].rect).toEqual({ top: 3, left: 1, rows: 20, cols: 7 });

    // The user goes to a sheet with another table: the guess (Bang1 on the active sheet) does not hold there.
    fake.activeSheet = "Khác";
    const r = await read(fake);
    expect(r.syncs).toBe(2); // the refuted guess (which reports the structure), then the read
    expect(shapeOf(r.ws.active)).toEqual(shapeOf(fake.model.sheet("Khác").toSnapshot()));
    expect(r.ws).toEqual(await plainRead(fake));
  });
});

test("reading another sheet (last year's) leaves the memo on the table: the next plain read is still 1 sync", async () => {
  const fake = setup(workbookOf(sheetFrom(criteriaRows(30), { top: 2 }), [], ["PAR 2023"]));
  const table = fake.activeSheet;
  await readSnapshot(); // learn + read
  expect((await readSnapshot()).active.name).toBe(table);
  let before = fake.syncs;
  const other = await readSnapshot(undefined, { sheet: "PAR 2023" });
  expect(other.active.name).toBe("PAR 2023");
  before = fake.syncs;
  const again = await readSnapshot();
  expect(again.active.name).toBe(table);
  expect(fake.syncs - before).toBe(1);
});
