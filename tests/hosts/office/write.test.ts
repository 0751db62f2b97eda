// The Office host's write: one sync per command, chunks past the request limit, text kept as text,
// nothing written when a change set does not fit, Office errors typed.
import { excelText } from "../../../src/hosts/office/convert";
import { describeError as toAppError } from "../../../src/app/errors";
import { AddinError } from "../../../src/core/errors";
import { toAddinError } from "../../../src/hosts/office/errors";
import { planRecalcAndHighlight } from "../../../src/core/recalc";
import { applyChangeSet as simulate, invertChangeSet } from "../../../src/core/model";
import type { CellInput, ChangeSet, Op, SheetSnapshot, WorkbookSnapshot } from "../../../src/core/types";
import { typedInput, valueAt } from "./fake";
import { analyzed, criteriaRows, expectSameWorkbook, sheetFrom, workbookOf } from "./helpers";
import { applyChangeSet, readSnapshot, recalcCommand, setup, text } from "./harness";

// The 10,000-row cases recalculate 20,000 formulas twice (in the double and in the core's simulation).
jest.setTimeout(120_000);

describe("applyChangeSet: one read sync and one write sync per command", () => {
  test.each([10, 10_000])(
    "recalc + highlight on a %i-row table: a first read (learn + read, + bands), one write, and Excel ends as the core says",
    async (n) => {
      const fake = setup(workbookOf(sheetFrom(criteriaRows(n), { top: 2 })));
      const { basis, cs } = await recalcCommand();
      // 10,000 rows × 5 columns: 5 bands of 10,000 cells instead of the grid in the read request.
      expect(fake.syncs).toBe(n === 10 ? 3 : 2 + 5 + 1);
      expect(fake.runs).toHaveLength(2);
      // One sync is one undo step already: no merge asked; every run waits out cell-edit mode.
      expect(fake.runs[1].options).toEqual({ delayForCellEdit: true });
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
    // Learn + read + write for the command; the undo removes the highlight's rules, which have no id until
    // Excel is asked (one small read), then writes: 5.
    expect(fake.syncs).toBe(5);
  });

  test("an empty change set sends nothing", async () => {
    const fake = setup(workbookOf(sheetFrom(criteriaRows(5))));
    const basis = await readSnapshot();
    await applyChangeSet({ command: "recalc", ops: [], counts: {} }, basis);
    expect(fake.syncs).toBe(2);
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
    expect(fake.syncs).toBe(3);
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
    expect(fake.runs[1].options).toEqual({ delayForCellEdit: true, mergeUndoGroup: true });
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
    expect(fake.runs[1].options).toEqual({ delayForCellEdit: true });
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
    expect(fake.syncs).toBe(2);
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
    expect(fake.syncs).toBe(2);
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

  test("cell-edit mode: the command waits for the edit to end (delayForCellEdit), then writes", async () => {
    const fake = setup(workbookOf(sheetFrom(criteriaRows(6))));
    fake.cellEditMode = true;
    let done = false;
    const command = recalcCommand().then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    expect(fake.writes).toEqual([]);
    fake.endCellEdit();
    await command;
    expect(fake.writes.length).toBeGreaterThan(0);
  });

  test("InvalidOperationInCellEditMode (a run without delayForCellEdit) still maps to «cell-edit»", () => {
    const e = toAppError(toAddinError({ code: "InvalidOperationInCellEditMode", message: "x" }));
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
    const raw = await applyChangeSet(cs, basis).catch((x) => x);
    // The Office message stays in the typed error for the log; the user reads the app's own words.
    expect(raw.details.detail).toContain("GeneralException: Something odd");
    const e = toAppError(raw);
    expect(e.code).toBe("unexpected");
    expect(e.message.en).not.toContain("GeneralException");
  });
});
