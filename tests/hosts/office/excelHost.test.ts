import { cellRuns, charsToPoints, excelText, pointsToChars } from "../../../src/hosts/office/convert";
import { ExcelHost } from "../../../src/hosts/office/host";
import type { ReadOptions } from "../../../src/hosts/office/read";
import { selectRow, writePrepared, type ApplyOptions } from "../../../src/hosts/office/write";
import { OfficeHost, toAppError } from "../../../src/hosts/office";
import { AddinError } from "../../../src/core/errors";
import { prepare } from "../../../src/core/prepare";
import { planRecalcAndHighlight } from "../../../src/core/plan";
import { planCommand } from "../../../src/app/commands";
import { applyChangeSet as simulate, invertChangeSet } from "../../../src/core/model";
import type { CellInput, ChangeSet, Op, SheetSnapshot, WorkbookSnapshot } from "../../../src/core/types";
import { FakeExcel, typedInput, valueAt } from "./fakeExcel";
import { analyzed, criteriaRows, expectSameWorkbook, installFake, sheetFrom, workbookOf } from "./helpers";

// The 10,000-row cases recalculate 20,000 formulas twice (in the double and in the core's simulation).
jest.setTimeout(120_000);

let uninstall: (() => void) | null = null;
/** The host under test: a new one per test, so a fresh memo of reads (one workbook per host). */
let host = new ExcelHost();
afterEach(() => {
  uninstall?.();
  uninstall = null;
  host = new ExcelHost();
});

/** A read by this test's host (its memo guesses from the previous read). */
const readSnapshot = (_owned?: undefined, opts: ReadOptions = {}) => host.read(opts);

/** What a command does after planning: core's prepare on the basis, then the host's write. */
async function applyChangeSet(
  cs: ChangeSet,
  basis: WorkbookSnapshot,
  opts: ApplyOptions = {},
): Promise<void> {
  const p = prepare(basis, cs);
  if (!p.ok) throw p.error;
  await writePrepared(p, opts);
}

function setup(ws: WorkbookSnapshot, opts: ConstructorParameters<typeof FakeExcel>[1] = {}): FakeExcel {
  const { fake, done } = installFake(ws, opts);
  uninstall = done;
  return fake;
}

/** The "Recalculate" command the ribbon runs: read, plan (recalc + highlight), apply. */
async function recalcCommand(): Promise<{ basis: WorkbookSnapshot; cs: ChangeSet }> {
  const basis = await readSnapshot();
  const cs = planRecalcAndHighlight(basis.active, analyzed(basis.active));
  await applyChangeSet(cs, basis);
  return { basis, cs };
}

const text = (t: string): CellInput => ({ kind: "text", text: t });

describe("readSnapshot", () => {
  test("reads the active sheet's cells and formats, the selection and sheet names in one sync", async () => {
    const active: SheetSnapshot = {
      ...sheetFrom(criteriaRows(8), { top: 2, left: 1 }),
      formulas: undefined,
    };
    const fake = setup(workbookOf(active, [], ["Notes"]), {
      selection: { top: 5, left: 2, rows: 1, cols: 1 },
    });
    // Formats and a formula put in through the model, as if the user had made them.
    fake.model.apply({
      op: "setStyle",
      sheet: active.name,
      ranges: [{ top: 2, left: 1, rows: 1, cols: 5 }],
      style: { bold: true, fill: "#DDEBF7" },
    });
    fake.model.apply({
      op: "setStyle",
      sheet: active.name,
      ranges: [{ top: 4, left: 2, rows: 1, cols: 1 }],
      style: { fontColor: "#C00000", wrap: true },
    });
    fake.model.apply({
      op: "setCells",
      sheet: active.name,
      top: 12,
      left: 3,
      cells: [[{ kind: "formula", formula: "=1+2" }]],
    });
    fake.model.apply({
      op: "setStyle",
      sheet: active.name,
      ranges: [{ top: 12, left: 3, rows: 1, cols: 1 }],
      style: { numberFormat: "0.00" },
    });
    fake.model.apply({ op: "setColumnWidth", sheet: active.name, col: 2, width: 45 });
    fake.model.recalculate();

    const ws = await readSnapshot();
    expect(fake.syncs).toBe(1);
    expect(fake.writes).toEqual([]);
    expect(ws.sheetNames).toEqual(["PAR 2024", "Notes"]);
    expect(ws.others).toBeUndefined();
    expect(ws.active.selection).toEqual({ top: 5, left: 2, rows: 1, cols: 1 });
    const { selection: _sel, ...read } = ws.active;
    // What the core would see of the same workbook: the host reads it exactly.
    expect(read).toEqual(fake.model.sheet(active.name).toSnapshot());
    expect(ws.active.fills![0][0]).toBe("#DDEBF7");
    expect(ws.active.fills![1][0]).toBeNull(); // no fill: Excel's white with pattern "None"
    expect(ws.active.fontColors![2][1]).toBe("#C00000");
    expect(ws.active.fontColors![0][0]).toBeNull(); // automatic (black)
    expect(ws.active.formulas![10][2]).toBe("=1+2");
    expect(ws.active.values![10][2]).toBe(3);
    expect(ws.active.numberFormats![10][2]).toBe("0.00");
    expect(ws.active.numberFormats![0][0]).toBeNull(); // General
    expect(ws.active.columnWidths).toEqual({ 2: 45 });
  });

  test("a quote-prefixed text that looks like a formula reads back as text, not as a formula", async () => {
    const fake = setup(workbookOf(sheetFrom([["a", "b"]])));
    fake.model.apply({
      op: "setCells",
      sheet: "PAR 2024",
      top: 1,
      left: 0,
      cells: [[text('=HYPERLINK("x")'), { kind: "formula", formula: '="=A"' }]],
    });
    fake.model.recalculate();
    const ws = await readSnapshot();
    expect(ws.active.values[1]).toEqual(['=HYPERLINK("x")', "=A"]);
    expect(ws.active.formulas![1]).toEqual([null, '="=A"']);
  });

  test("an empty active sheet reads as an empty block", async () => {
    const fake = setup({ active: { name: "Trống", top: 0, left: 0, values: [] }, sheetNames: ["Trống"] });
    const ws = await readSnapshot();
    expect(ws.active).toEqual({
      name: "Trống",
      top: 0,
      left: 0,
      values: [],
      tables: [],
      validations: [],
      selection: { top: 0, left: 0, rows: 1, cols: 1 },
    });
    expect(fake.syncs).toBe(1);
  });

  test("owned sheets are read in full; tables and validations need a second small sync", async () => {
    const plan: SheetSnapshot = {
      ...sheetFrom(
        [
          ["STT", "Nội dung", "Trạng thái"],
          ["1", "Việc 1", "Chưa thực hiện"],
          ["2", "Việc 2", "Hoàn thành"],
        ],
        { name: "Kế hoạch khắc phục" },
      ),
      tables: [
        {
          name: "KeHoach",
          rect: { top: 0, left: 0, rows: 3, cols: 3 },
          showHeaders: true,
          showTotals: false,
          style: "TableStyleMedium2",
        },
      ],
      validations: [
        {
          rect: { top: 1, left: 2, rows: 2, cols: 1 },
          list: ["Chưa thực hiện", "Đang thực hiện", "Hoàn thành"],
        },
      ],
      columnWidths: { 1: 60 },
    };
    const fake = setup(workbookOf(sheetFrom(criteriaRows(6)), [plan]));
    const ws = await readSnapshot();
    expect(fake.syncs).toBe(2);
    expect(ws.others!["Kế hoạch khắc phục"]).toEqual(fake.model.sheet("Kế hoạch khắc phục").toSnapshot());
    expect(ws.others!["Kế hoạch khắc phục"].tables![0].rect).toEqual(plan.tables![0].rect);
    expect(ws.others!["Kế hoạch khắc phục"].validations).toEqual(plan.validations);
    expect(ws.others!["Kế hoạch khắc phục"].columnWidths).toEqual({ 1: 60 });
    expect(Object.keys(ws.others!)).toEqual(["Kế hoạch khắc phục"]); // no catalogue sheet: not invented
  });

  test("list validations on the active sheet are read too (second sync)", async () => {
    const active: SheetSnapshot = {
      ...sheetFrom(criteriaRows(6)),
      validations: [{ rect: { top: 1, left: 4, rows: 4, cols: 1 }, list: ["Có", "Không"] }],
    };
    const fake = setup(workbookOf(active));
    const ws = await readSnapshot();
    expect(ws.active.validations).toEqual(active.validations);
    expect(fake.syncs).toBe(2);
  });

  test("when the active sheet is an owned sheet it is not read twice into `others`", async () => {
    setup(workbookOf(sheetFrom([["Mã", "Cơ quan chủ trì"]], { name: "Danh mục giải pháp" })));
    const ws = await readSnapshot();
    expect(ws.active.name).toBe("Danh mục giải pháp");
    expect(ws.others).toBeUndefined();
  });

  test("a chart or several areas selected: read again without the selection", async () => {
    const fake = setup(workbookOf(sheetFrom(criteriaRows(6))), { selection: "chart" });
    const ws = await readSnapshot();
    expect(ws.active.selection).toBeUndefined();
    expect(ws.active.values.length).toBe(6);
    expect(fake.syncs).toBe(2);
  });

  test("a sheet too large for one response (Excel on the web) is read in bands", async () => {
    const sheet = sheetFrom(criteriaRows(300), { top: 1 });
    const whole = setup(workbookOf(sheet));
    const full = await readSnapshot();
    uninstall!();
    const fake = setup(workbookOf(sheet), { maxResponseBytes: 60_000 });
    const banded = await readSnapshot(undefined, { bandCells: 200 });
    expect(banded).toEqual(full);
    expect(fake.syncs).toBeGreaterThan(3); // the failed try, the frame, then one per band
    expect(Math.max(...fake.responseBytes.slice(1))).toBeLessThanOrEqual(60_000);
    expect(whole.syncs).toBe(1);
  });
});

describe("applyChangeSet: one read sync and one write sync per command", () => {
  test.each([10, 10_000])(
    "recalc + highlight on a %i-row table: 2 syncs, and Excel ends as the core says",
    async (n) => {
      const fake = setup(workbookOf(sheetFrom(criteriaRows(n), { top: 2 })));
      const { basis, cs } = await recalcCommand();
      expect(fake.syncs).toBe(2);
      expect(fake.runs).toHaveLength(2);
      expect(fake.runs[1].options).toBeUndefined(); // one sync is one undo step already: no merge asked
      expect(cs.ops.some((o) => o.op === "insertColumns")).toBe(true);
      expectSameWorkbook(fake.snapshot(), simulate(basis, cs));
    },
  );

  test("the fills and inserted columns that reach Excel are the change set's", async () => {
    const fake = setup(workbookOf(sheetFrom(criteriaRows(30), { top: 2 })));
    const { cs } = await recalcCommand();
    const after = fake.snapshot().active;
    const ins = cs.ops.find((o): o is Extract<Op, { op: "insertColumns" }> => o.op === "insertColumns")!;
    expect(fake.writes[0]).toBe(`insert Right PAR 2024!E1:F1048576`);
    expect(ins).toMatchObject({ at: 4, count: 2 });
    expect(after.values[0][4]).toBe("Chưa đạt so với điểm tối đa");
    expect(after.values[0][5]).toBe("Tỷ lệ đạt (%)");
    // Every fill the change set sets is in Excel, cell by cell.
    for (const op of cs.ops) {
      if (op.op !== "setStyle" || !("fill" in op.style)) continue;
      for (const r of op.ranges)
        for (let row = r.top; row < r.top + r.rows; row++)
          for (let c = r.left; c < r.left + r.cols; c++)
            expect(after.fills![row - after.top][c - after.left]).toBe(op.style.fill ?? null);
    }
    // Fills are grouped: one statement per colour (per address chunk), not one per row.
    const fillWrites = fake.writes.filter((w) => w.startsWith("fill.color"));
    expect(fillWrites.length).toBeLessThanOrEqual(6);
  });

  test("a criteria table that is an Excel table gets table columns (3 syncs: the table's range is a second read)", async () => {
    const sheet: SheetSnapshot = {
      ...sheetFrom(criteriaRows(40), { top: 3, left: 1 }),
      tables: [
        {
          name: "Bang1",
          rect: { top: 3, left: 1, rows: 40, cols: 5 },
          showHeaders: true,
          showTotals: false,
          style: "TableStyleLight9",
        },
      ],
    };
    const fake = setup(workbookOf(sheet));
    const { basis, cs } = await recalcCommand();
    expect(fake.syncs).toBe(3);
    expect(cs.ops[0]).toMatchObject({ op: "insertColumns", table: { name: "Bang1" } });
    expect(fake.writes.filter((w) => w.startsWith("table.columns.add"))).toEqual([
      "table.columns.add Bang1[4]",
      "table.columns.add Bang1[4]",
    ]);
    expectSameWorkbook(fake.snapshot(), simulate(basis, cs));
    expect(fake.snapshot().active.tables![0].rect).toEqual({ top: 3, left: 1, rows: 40, cols: 7 });
  });

  test("applying the inverse (planned by the app from the same snapshot) puts everything back", async () => {
    const fake = setup(workbookOf(sheetFrom(criteriaRows(25), { top: 2 })));
    const { basis, cs } = await recalcCommand();
    const inverse = invertChangeSet(basis, cs);
    await applyChangeSet(inverse, simulate(basis, cs));
    expect(fake.snapshot().active).toEqual(simulate(basis, { command: "undo", ops: [], counts: {} }).active);
    expect(fake.syncs).toBe(3);
  });

  test("an empty change set sends nothing", async () => {
    const fake = setup(workbookOf(sheetFrom(criteriaRows(5))));
    const basis = await readSnapshot();
    await applyChangeSet({ command: "recalc", ops: [], counts: {} }, basis);
    expect(fake.syncs).toBe(1);
  });

  test("the plan sheet: new sheet after the active one, table, list validation, widths, selection", async () => {
    const fake = setup(workbookOf(sheetFrom(criteriaRows(6)), [], ["Ghi chú"]));
    const basis = await readSnapshot();
    const sheet = "Kế hoạch khắc phục";
    const cs: ChangeSet = {
      command: "plan",
      counts: {},
      ops: [
        { op: "addSheet", sheet, after: "PAR 2024" },
        {
          op: "setCells",
          sheet,
          top: 0,
          left: 0,
          cells: [
            [text("STT"), text("Nội dung"), text("Trạng thái")],
            [{ kind: "number", value: 1 }, text("- Rà soát quy trình"), text("Chưa thực hiện")],
          ],
        },
        {
          op: "addTable",
          sheet,
          name: "KeHoachKhacPhuc",
          rect: { top: 0, left: 0, rows: 2, cols: 3 },
          style: "TableStyleMedium2",
        },
        {
          op: "setValidation",
          sheet,
          rect: { top: 1, left: 2, rows: 1, cols: 1 },
          list: ["Chưa thực hiện", "Hoàn thành"],
        },
        { op: "setColumnWidth", sheet, col: 1, width: 60 },
        { op: "setStyle", sheet, ranges: [{ top: 1, left: 1, rows: 1, cols: 1 }], style: { wrap: true } },
        { op: "select", sheet, rect: { top: 1, left: 1, rows: 1, cols: 1 } },
      ],
    };
    await applyChangeSet(cs, basis);
    expect(fake.syncs).toBe(2);
    expect(fake.model.order).toEqual(["PAR 2024", sheet, "Ghi chú"]);
    const expected = simulate(basis, cs);
    const got = fake.model.toSnapshot(basis.active.name);
    expect(got).toEqual(expected);
    expect(fake.activeSheet).toBe(sheet);
    expect(fake.selection).toEqual({ sheet, rect: { top: 1, left: 1, rows: 1, cols: 1 } });
    expect(valueAt(fake, sheet, "B2")).toBe("- Rà soát quy trình");

    // And back: the inverse deletes the sheet (Worksheet.delete cannot join an undo group).
    const inverse = invertChangeSet(basis, cs);
    await applyChangeSet(inverse, expected);
    expect(fake.model.order).toEqual(["PAR 2024", "Ghi chú"]);
  });

  test("table resize and delete (convert to range), and table column delete", async () => {
    const sheet: SheetSnapshot = {
      ...sheetFrom(criteriaRows(10)),
      tables: [
        {
          name: "T",
          rect: { top: 0, left: 0, rows: 10, cols: 5 },
          showHeaders: true,
          showTotals: false,
          style: "TableStyleMedium2",
        },
      ],
    };
    const fake = setup(workbookOf(sheet));
    const basis = await readSnapshot();
    const cs: ChangeSet = {
      command: "plan",
      counts: {},
      ops: [
        {
          op: "deleteColumns",
          sheet: "PAR 2024",
          at: 4,
          count: 1,
          table: { name: "T", rect: { top: 0, left: 0, rows: 10, cols: 5 } },
        },
        { op: "resizeTable", sheet: "PAR 2024", name: "T", rect: { top: 0, left: 0, rows: 12, cols: 4 } },
        { op: "deleteTable", sheet: "PAR 2024", name: "T" },
      ],
    };
    await applyChangeSet(cs, basis);
    expectSameWorkbook(fake.snapshot(), simulate(basis, cs));
    expect(fake.writes).toEqual([
      "table.columns.delete T[4]",
      "table.resize T A1:D12",
      "table.convertToRange T",
    ]);
  });
});

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
    host = new ExcelHost();
    return (await read(fake)).ws;
  }

  test("with the plan sheet present, the second command of a session is 2 syncs (1 read + 1 write)", async () => {
    const fake = setup(workbookOf(sheetFrom(criteriaRows(30), { top: 2 }), [planSheet()]));
    let before = fake.syncs;
    await recalcCommand();
    expect(fake.syncs - before).toBe(3); // first read of the session: the table's range and the rule in a second sync

    before = fake.syncs;
    const { basis, cs } = await recalcCommand();
    expect(fake.syncs - before).toBe(2);
    expectSameWorkbook(fake.snapshot(), simulate(basis, cs));

    // What the one-sync read returned is what the two-sync read returns.
    const guessed = await read(fake);
    expect(guessed.syncs).toBe(1);
    const plain = await plainRead(fake);
    expect(fake.syncs).toBe(before + 2 + 1 + 2);
    expect(guessed.ws).toEqual(plain);
    expect(plain.others![PLAN]).toEqual(fake.model.sheet(PLAN).toSnapshot());
    expect(plain.others![PLAN].tables![0].rect).toEqual({ top: 0, left: 0, rows: 3, cols: 3 });
    expect(plain.others![PLAN].validations).toEqual(planSheet().validations);
  });

  test("a session from the plan command on: 2, 3, then 2 syncs per command", async () => {
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
    // plan: no table anywhere yet; recalc: the new plan sheet is not remembered yet; plan again: remembered.
    expect(counts).toEqual([2, 3, 2]);
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

  /** A change the user makes between two reads; the syncs the second read takes when Excel gives getRange()
   * on a null table or sheet a null range, and when it fails the batch instead. */
  const changes: [string, (fake: FakeExcel) => void, { null: number; fail: number }][] = [
    ["nothing changed", () => undefined, { null: 1, fail: 1 }],
    [
      "a rule changed, same area (read anew in the first request)",
      (f) => f.model.apply(validation({ top: 1, left: 2, rows: 2, cols: 1 }, ["Có", "Không"])),
      { null: 1, fail: 1 },
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
      { null: 1, fail: 1 },
    ],
    // Gone: nothing left to ask for; or the failed batch, then a plain read (its rule in a second sync).
    [
      "the table deleted",
      (f) => f.model.apply({ op: "deleteTable", sheet: PLAN, name: "KeHoachKhacPhuc" }),
      { null: 1, fail: 3 },
    ],
    ["the table renamed", (f) => (f.model.sheet(PLAN).tables[0].name = "KeHoach2"), { null: 2, fail: 3 }],
    [
      "a table added",
      (f) => f.model.apply({ op: "addTable", sheet: PLAN, ...table("Them", 5) }),
      { null: 2, fail: 2 },
    ],
    [
      "a table added on the active sheet",
      (f) => f.model.apply({ op: "addTable", sheet: "PAR 2024", ...table("BangMoi", 40) }),
      { null: 2, fail: 2 },
    ],
    [
      "a validated area added",
      (f) => f.model.apply(validation({ top: 1, left: 1, rows: 1, cols: 1 }, ["x", "y"])),
      { null: 2, fail: 2 },
    ],
    [
      "the validations removed (the table's guess still holds)",
      (f) => f.model.apply(validation({ top: 1, left: 2, rows: 2, cols: 1 }, null)),
      { null: 1, fail: 1 },
    ],
    [
      "the plan sheet deleted",
      (f) => f.model.apply({ op: "deleteSheet", sheet: PLAN }),
      { null: 1, fail: 2 },
    ],
    ["the plan sheet activated", (f) => (f.activeSheet = PLAN), { null: 1, fail: 1 }],
    ["another sheet, without tables, activated", (f) => (f.activeSheet = "Ghi chú"), { null: 1, fail: 1 }],
  ];

  describe.each(["null", "fail"] as const)("getRange() on a null table or sheet: %s", (nullObjectCalls) => {
    test.each(changes)("%s: the read is right", async (_what, change, syncs) => {
      const fake = setup(workbookOf(sheetFrom(criteriaRows(12)), [planSheet()], ["Ghi chú"]), {
        nullObjectCalls,
      });
      expect((await read(fake)).syncs).toBe(2);
      change(fake);
      const guessed = await read(fake);
      expect(guessed.syncs).toBe(syncs[nullObjectCalls]);
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
    // The user is typing in a cell: reported as it is, after one request.
    fake.selection = null;
    fake.cellEditMode = true;
    const before = fake.syncs;
    await expect(readSnapshot()).rejects.toMatchObject({ code: "cell-edit" });
    expect(fake.syncs - before).toBe(1);
    fake.cellEditMode = false;
    expect((await read(fake)).syncs).toBe(1);
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
    expect(fake.syncs - before).toBe(2);
    expect(fake.snapshot().active).toEqual(simulate(basis, cs).active);
    expect(basis.active.tables![0].rect).toEqual({ top: 3, left: 1, rows: 20, cols: 7 });

    // The user goes to a sheet with another table: the guess (Bang1 on the active sheet) does not hold there.
    fake.activeSheet = "Khác";
    const r = await read(fake);
    expect(r.syncs).toBe(2);
    expect(shapeOf(r.ws.active)).toEqual(shapeOf(fake.model.sheet("Khác").toSnapshot()));
    expect(r.ws).toEqual(await plainRead(fake));
  });
});

describe("text escaping: text lands as text", () => {
  const tricky = [
    '=HYPERLINK("https://dichvucong.gov.vn","Cổng DVC")',
    "- Sở Nội vụ chủ trì",
    "+84 912 345 678",
    "@mention",
    "'trích dẫn",
    "1.6.2",
    "0,50",
    "12",
    "85%",
    "3/4",
    "TRUE",
    "#N/A",
    "Bình thường",
    "",
  ];

  test.each(tricky)("«%s»", async (t) => {
    const fake = setup(workbookOf(sheetFrom([["a"]])));
    const basis = await readSnapshot();
    await applyChangeSet(
      {
        command: "plan",
        counts: {},
        ops: [{ op: "setCells", sheet: "PAR 2024", top: 2, left: 0, cells: [[text(t)]] }],
      },
      basis,
    );
    const cell = fake.model.sheet("PAR 2024").get(2, 0);
    expect(cell.formula).toBeNull();
    expect(cell.value).toBe(t === "" ? null : t);
  });

  test("in a block with formulas (written through `formulas`) text is escaped too", async () => {
    const fake = setup(workbookOf(sheetFrom([["a"]])));
    const basis = await readSnapshot();
    const cells: (CellInput | null)[][] = [
      [
        text('=HYPERLINK("x")'),
        { kind: "formula", formula: "=1+1" },
        { kind: "number", value: 2.5 },
        { kind: "bool", value: true },
      ],
    ];
    await applyChangeSet(
      { command: "plan", counts: {}, ops: [{ op: "setCells", sheet: "PAR 2024", top: 1, left: 0, cells }] },
      basis,
    );
    fake.recalculate();
    const s = fake.model.sheet("PAR 2024");
    expect(s.get(1, 0)).toMatchObject({ value: '=HYPERLINK("x")', formula: null });
    expect(s.get(1, 1)).toMatchObject({ value: 2, formula: "=1+1" });
    expect(s.get(1, 2).value).toBe(2.5);
    expect(s.get(1, 3).value).toBe(true);
    expect(fake.writes).toEqual(["formulas PAR 2024!A2:D2"]);
  });

  test("the double is strict: unescaped text would have been a formula, a number or a date", () => {
    expect(typedInput('=HYPERLINK("x")').kind).toBe("formula");
    expect(typedInput("- Sở Nội vụ").kind).toBe("formula");
    expect(typedInput("12").kind).toBe("number");
    expect(typedInput("1.6.2").kind).toBe("number");
    for (const t of tricky)
      expect(typedInput(excelText(t))).toEqual(t === "" ? { kind: "blank" } : { kind: "text", text: t });
  });
});

describe("chunking past the request-size limit", () => {
  const big = (n: number): { ws: WorkbookSnapshot } => ({
    ws: workbookOf(sheetFrom(criteriaRows(n), { top: 2 })),
  });

  test("a huge change set is split into requests under the limit, one sync each, merged into one undo step", async () => {
    const { ws } = big(1000);
    const fake = setup(ws, { maxRequestBytes: 100_000 });
    const basis = await readSnapshot();
    const cs = planRecalcAndHighlight(basis.active, analyzed(basis.active));
    await applyChangeSet(cs, basis, { maxRequestBytes: 80_000 });
    const writeSyncs = fake.syncs - 1;
    expect(writeSyncs).toBeGreaterThan(2);
    expect(fake.runs).toHaveLength(2);
    expect(fake.runs[1].options).toEqual({ mergeUndoGroup: true });
    expect(Math.max(...fake.requestBytes.slice(1))).toBeLessThanOrEqual(100_000);
    expectSameWorkbook(fake.snapshot(), simulate(basis, cs));
  });

  test("without ExcelApi 1.20 the chunks are sent without mergeUndoGroup", async () => {
    const { ws } = big(600);
    const fake = setup(ws, { apiVersion: "1.19" });
    const basis = await readSnapshot();
    const cs = planRecalcAndHighlight(basis.active, analyzed(basis.active));
    await applyChangeSet(cs, basis, { maxRequestBytes: 30_000 });
    expect(fake.syncs).toBeGreaterThan(2);
    expect(fake.runs[1].options).toBeUndefined();
    expectSameWorkbook(fake.snapshot(), simulate(basis, cs));
  });

  test("a single huge block is cut into row bands", async () => {
    const fake = setup(workbookOf(sheetFrom([["x"]])));
    const basis = await readSnapshot();
    const cells = Array.from({ length: 3000 }, (_, r) => [
      text(`dòng ${r} — một đoạn văn bản khá dài để làm to yêu cầu`),
      { kind: "formula", formula: `=ROW()+${r}` } as CellInput,
    ]);
    const cs: ChangeSet = {
      command: "plan",
      counts: {},
      ops: [{ op: "setCells", sheet: "PAR 2024", top: 1, left: 0, cells }],
    };
    await applyChangeSet(cs, basis, { maxRequestBytes: 50_000 });
    expect(fake.writes.length).toBeGreaterThan(4);
    expect(fake.writes.every((w) => w.startsWith("formulas PAR 2024!A"))).toBe(true);
    expect(Math.max(...fake.requestBytes.slice(1))).toBeLessThanOrEqual(50_000);
    expectSameWorkbook(fake.snapshot(), simulate(basis, cs));
  });
});

describe("nothing is written when the change set does not fit the snapshot", () => {
  test("validation failure: no Excel.run at all, a typed error", async () => {
    const fake = setup(workbookOf(sheetFrom(criteriaRows(6))));
    const basis = await readSnapshot();
    const cs: ChangeSet = {
      command: "recalc",
      counts: {},
      ops: [
        { op: "setCells", sheet: "PAR 2024", top: 0, left: 0, cells: [[text("ok")]] },
        { op: "setCells", sheet: "Không có", top: 0, left: 0, cells: [[text("x")]] },
      ],
    };
    const err = await applyChangeSet(cs, basis).catch((e) => e);
    expect(err).toBeInstanceOf(AddinError);
    expect(toAppError(err).code).toBe("invalid-change-set");
    expect(fake.runs).toHaveLength(1);
    expect(fake.writes).toEqual([]);
    expect(valueAt(fake, "PAR 2024", "A1")).toBe("TT");
  });

  test("adding a sheet that exists is refused before anything is sent", async () => {
    const fake = setup(workbookOf(sheetFrom(criteriaRows(6)), [], ["Kế hoạch khắc phục"]));
    const basis = await readSnapshot();
    const err = await applyChangeSet(
      { command: "plan", counts: {}, ops: [{ op: "addSheet", sheet: "Kế hoạch khắc phục" }] },
      basis,
    ).catch((e) => e);
    expect(toAppError(err).code).toBe("invalid-change-set");
    expect(fake.syncs).toBe(1);
  });
});

describe("errors become typed, translated messages", () => {
  test("a sheet seen protected at read time: refused before writing", async () => {
    const fake = setup(workbookOf(sheetFrom(criteriaRows(6))), { protectedSheets: ["PAR 2024"] });
    const basis = await readSnapshot();
    const cs = planRecalcAndHighlight(basis.active, analyzed(basis.active));
    const e = toAppError(await applyChangeSet(cs, basis).catch((x) => x));
    expect(e.code).toBe("protected");
    expect(e.message.vi).toMatch(/bảo vệ/);
    expect(e.hint.en).toMatch(/Unprotect/);
    expect(fake.syncs).toBe(1);
    expect(fake.writes).toEqual([]);
  });

  test("protected after the read: Excel's AccessDenied maps to «protected»", async () => {
    const fake = setup(workbookOf(sheetFrom(criteriaRows(6))));
    const basis = await readSnapshot();
    fake.protectedSheets.add("PAR 2024");
    const cs = planRecalcAndHighlight(basis.active, analyzed(basis.active));
    const err = await applyChangeSet(cs, basis).catch((x) => x);
    expect(err).toBeInstanceOf(AddinError);
    expect(toAppError(err).code).toBe("protected");
  });

  test("cell-edit mode", async () => {
    const fake = setup(workbookOf(sheetFrom(criteriaRows(6))));
    fake.cellEditMode = true;
    const e = toAppError(await readSnapshot().catch((x) => x));
    expect(e.code).toBe("cell-edit");
    expect(e.hint.vi).toMatch(/Enter hoặc Esc/);
  });

  test("request too large (the estimate allowed it, Excel did not)", async () => {
    // Above what the read asks (its probe chain included), below what the write sends.
    const fake = setup(workbookOf(sheetFrom(criteriaRows(200))), { maxRequestBytes: 12_000 });
    const basis = await readSnapshot();
    const cs = planRecalcAndHighlight(basis.active, analyzed(basis.active));
    const e = toAppError(await applyChangeSet(cs, basis).catch((x) => x));
    expect(e.code).toBe("too-large");
    expect(e.message.en).toMatch(/5 MB/);
    expect(fake.writes).toEqual([]);
  });

  test("requirement set missing: ExcelApi 1.9 checked before any request", async () => {
    const fake = setup(workbookOf(sheetFrom(criteriaRows(6))), { apiVersion: "1.8" });
    const e = toAppError(await readSnapshot().catch((x) => x));
    expect(e.code).toBe("requirement-set");
    expect(e.message.en).toMatch(/ExcelApi 1\.9/);
    expect(fake.runs).toHaveLength(0);
  });

  test("table resize needs ExcelApi 1.13, checked only when a change set resizes a table", async () => {
    const sheet: SheetSnapshot = {
      ...sheetFrom(criteriaRows(6)),
      tables: [
        {
          name: "T",
          rect: { top: 0, left: 0, rows: 6, cols: 5 },
          showHeaders: true,
          showTotals: false,
          style: "TableStyleMedium2",
        },
      ],
    };
    const fake = setup(workbookOf(sheet), { apiVersion: "1.12" });
    const basis = await readSnapshot();
    const resize: ChangeSet = {
      command: "plan",
      counts: {},
      ops: [{ op: "resizeTable", sheet: "PAR 2024", name: "T", rect: { top: 0, left: 0, rows: 8, cols: 5 } }],
    };
    const e = toAppError(await applyChangeSet(resize, basis).catch((x) => x));
    expect(e.code).toBe("requirement-set");
    expect(e.message.vi).toMatch(/ExcelApi 1\.13/);
    await applyChangeSet(planRecalcAndHighlight(basis.active, analyzed(basis.active)), basis);
    expect(fake.writes.length).toBeGreaterThan(0);
  });

  test("a sheet deleted between read and write: «stale»", async () => {
    const fake = setup(workbookOf(sheetFrom(criteriaRows(6)), [], ["Nháp"]));
    const basis = await readSnapshot();
    fake.model.apply({ op: "deleteSheet", sheet: "Nháp" });
    const cs: ChangeSet = {
      command: "plan",
      counts: {},
      ops: [{ op: "setCells", sheet: "Nháp", top: 0, left: 0, cells: [[text("x")]] }],
    };
    expect(toAppError(await applyChangeSet(cs, basis).catch((x) => x)).code).toBe("stale");
  });

  test("other Office errors keep their message for the log", async () => {
    const fake = setup(workbookOf(sheetFrom(criteriaRows(6))));
    const basis = await readSnapshot();
    fake.failOn(/^values/, "GeneralException", "Something odd");
    const cs: ChangeSet = {
      command: "plan",
      counts: {},
      ops: [{ op: "setCells", sheet: "PAR 2024", top: 0, left: 0, cells: [[text("x")]] }],
    };
    const e = toAppError(await applyChangeSet(cs, basis).catch((x) => x));
    expect(e.code).toBe("unknown");
    expect(e.message.en).toContain("GeneralException: Something odd");
  });
});

describe("pure helpers", () => {
  test("cellRuns: rectangles without nulls", () => {
    const n = { kind: "number", value: 1 } as const;
    const runs = cellRuns(5, 2, [
      [n, n, null, n],
      [n, n, null, n],
      [null, n, null, null],
      [n, n, n, n],
    ]);
    expect(runs.map(({ cells: _c, ...r }) => r)).toEqual([
      { top: 5, left: 2, rows: 2, cols: 2 },
      { top: 5, left: 5, rows: 2, cols: 1 },
      { top: 7, left: 3, rows: 1, cols: 1 },
      { top: 8, left: 2, rows: 1, cols: 4 },
    ]);
  });

  test("column widths: characters ↔ points at Calibri 11 (7 px per character + 5 px padding, 0.75 pt per px)", () => {
    expect(charsToPoints(8.43)).toBe(48);
    expect(charsToPoints(60)).toBe(318.75);
    for (const w of [8.43, 10, 12, 30, 45, 60]) expect(pointsToChars(charsToPoints(w))).toBe(w);
  });
});

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
