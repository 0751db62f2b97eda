// core/prepare.ts: the one simulation of a change set (checks, resolved ops, inverse, after state).
import {
  applyChangeSet,
  invertChangeSet,
  prepare,
  sampleWorkbook,
  SAMPLE_SHEET,
  WorkbookModel,
  type ChangeSet,
  type Op,
  type WorkbookSnapshot,
} from "../../src/core";
import { AddinError } from "../../src/core/errors";
import { planCommand, COMMANDS } from "../../src/app/commands";

const cs = (ops: Op[]): ChangeSet => ({ command: "plan", ops, counts: {} });
const text = (t: string) => ({ kind: "text", text: t }) as const;

function ok(ws: WorkbookSnapshot, c: ChangeSet) {
  const p = prepare(ws, c);
  if (!p.ok) throw p.error;
  return p;
}

function refused(ws: WorkbookSnapshot, c: ChangeSet): AddinError {
  const p = prepare(ws, c);
  if (p.ok) throw new Error("expected prepare to refuse the change set");
  expect(p.error).toBeInstanceOf(AddinError);
  return p.error;
}

describe("prepare", () => {
  test.each(COMMANDS.filter((c) => c !== "clear-highlight"))(
    "%s on the sample: inverse and after are those of invertChangeSet and applyChangeSet",
    (command) => {
      const ws = sampleWorkbook();
      const o = planCommand(ws, command);
      if (!o.ok) throw new Error(o.error.code);
      const p = ok(ws, o.changeSet);
      expect(p.changeSet).toBe(o.changeSet);
      expect(p.ops).toHaveLength(o.changeSet.ops.length);
      expect(p.inverse).toEqual(invertChangeSet(ws, o.changeSet));
      expect(p.after).toEqual(applyChangeSet(ws, o.changeSet));
    },
  );

  test("the state after is built on first access only (the ribbon and the CLI never ask for it)", () => {
    const ws = sampleWorkbook();
    const o = planCommand(ws, "recalc");
    if (!o.ok) throw new Error(o.error.code);
    const recalc = jest.spyOn(WorkbookModel.prototype, "recalculate");
    try {
      const p = ok(ws, o.changeSet);
      expect(recalc).not.toHaveBeenCalled();
      const after = p.after;
      expect(p.after).toBe(after);
      expect(recalc).toHaveBeenCalledTimes(1);
    } finally {
      recalc.mockRestore();
    }
  });

  test("addSheet is resolved to the tab position it takes", () => {
    const ws = sampleWorkbook();
    ws.sheetNames = [SAMPLE_SHEET, "B", "C"];
    const p = ok(
      ws,
      cs([
        { op: "addSheet", sheet: "X", after: SAMPLE_SHEET },
        { op: "addSheet", sheet: "Y", after: "C" },
        { op: "addSheet", sheet: "Z" },
      ]),
    );
    expect(p.ops.map((op) => (op.op === "addSheet" ? op.position : null))).toEqual([1, 4, 5]);
    expect(p.after.sheetNames).toEqual([SAMPLE_SHEET, "X", "B", "C", "Y", "Z"]);
  });

  test("a text over 32,767 characters: «text-too-long» with its sheet, cell and length", () => {
    const ws = sampleWorkbook();
    const long = "x".repeat(32768);
    const e = refused(
      ws,
      cs([{ op: "setCells", sheet: SAMPLE_SHEET, top: 4, left: 1, cells: [[null, text(long)]] }]),
    );
    expect(e.code).toBe("text-too-long");
    expect(e.details).toEqual({ sheet: SAMPLE_SHEET, cell: "C5", length: 32768 });
    expect(
      prepare(
        ws,
        cs([{ op: "setCells", sheet: SAMPLE_SHEET, top: 0, left: 0, cells: [[text("x".repeat(32767))]] }]),
      ).ok,
    ).toBe(true);
  });

  test("what Excel would refuse, for every host: «invalid-change-set» with the op and the problem", () => {
    const ws = sampleWorkbook();
    const cases: [Op, RegExp][] = [
      [{ op: "setCells", sheet: "Không có", top: 0, left: 0, cells: [[text("x")]] }, /Không có/],
      [{ op: "addSheet", sheet: "Kế hoạch: 2024" }, /sheet name/],
      [
        { op: "addTable", sheet: SAMPLE_SHEET, name: "Bảng 1", rect: { top: 0, left: 0, rows: 2, cols: 2 } },
        /table name/,
      ],
      [
        {
          op: "setStyle",
          sheet: SAMPLE_SHEET,
          ranges: [{ top: 0, left: 0, rows: 1, cols: 1 }],
          style: { fill: "red" },
        },
        /colour/,
      ],
      [{ op: "setColumnWidth", sheet: SAMPLE_SHEET, col: 1, width: 300 }, /width/],
      [{ op: "setCells", sheet: SAMPLE_SHEET, top: 0, left: 16384, cells: [[text("x")]] }, /last column/],
      [
        {
          op: "setValidation",
          sheet: SAMPLE_SHEET,
          rect: { top: 0, left: 0, rows: 1, cols: 1 },
          list: Array.from({ length: 40 }, (_, i) => `Cơ quan số ${i}`),
        },
        /255/,
      ],
    ];
    for (const [op, problem] of cases) {
      const e = refused(
        ws,
        cs([{ op: "setCells", sheet: SAMPLE_SHEET, top: 0, left: 0, cells: [[text("a")]] }, op]),
      );
      expect(e.code).toBe("invalid-change-set");
      expect(e.details.op).toBe(`2: ${op.op} «${op.sheet}»`);
      expect(String(e.details.problem)).toMatch(problem);
    }
  });

  test("a protected sheet (as the host read it) is refused; selecting on it is not a write", () => {
    const ws = sampleWorkbook();
    ws.active.protected = true;
    const e = refused(
      ws,
      cs([{ op: "setCells", sheet: SAMPLE_SHEET, top: 0, left: 0, cells: [[text("x")]] }]),
    );
    expect(e.code).toBe("protected");
    expect(e.details).toEqual({ sheet: SAMPLE_SHEET });
    const sel = ok(
      ws,
      cs([{ op: "select", sheet: SAMPLE_SHEET, rect: { top: 0, left: 0, rows: 1, cols: 1 } }]),
    );
    expect(sel.after.active.protected).toBe(true);
  });

  test("probes are not part of the workbook prepared on", () => {
    const ws = sampleWorkbook();
    ws.probes = { Nháp: { name: "Nháp", top: 0, left: 0, values: [["x"]] } };
    ws.sheetNames = [...ws.sheetNames, "Nháp"];
    const p = ok(ws, cs([{ op: "setCells", sheet: "Nháp", top: 1, left: 0, cells: [[text("y")]] }]));
    // The probe's cells are not in the model: the inverse blanks only what the change set wrote.
    expect(p.inverse.ops).toEqual([
      { op: "setCells", sheet: "Nháp", top: 1, left: 0, cells: [[{ kind: "blank" }]] },
    ]);
    expect(p.after.probes).toBeUndefined();
  });
});

describe("per-op undo and table columns (for hosts writing in several requests)", () => {
  test.each(COMMANDS.filter((c) => c !== "clear-highlight"))(
    "%s: writing each op, then its undoOps last op first, gives the snapshot back",
    (command) => {
      const ws = sampleWorkbook();
      const o = planCommand(ws, command);
      if (!o.ok) throw new Error(o.error.code);
      const p = ok(ws, o.changeSet);
      expect(p.undoOps).toHaveLength(p.ops.length);
      // Undo only the first k ops (what a write failing after k ops has sent): back to the snapshot.
      const k = Math.ceil(p.ops.length / 2);
      const m = WorkbookModel.fromSnapshot(ws);
      for (const op of o.changeSet.ops.slice(0, k)) m.apply(op);
      for (let i = k - 1; i >= 0; i--) for (const op of p.undoOps[i]) m.apply(op);
      m.recalculate();
      expect(m.toSnapshot(ws.active.name).active).toEqual(
        WorkbookModel.fromSnapshot(ws).toSnapshot(ws.active.name).active,
      );
    },
  );

  test("a setCells op putting a formula into an Excel table's data column is marked with that column", () => {
    const ws = sampleWorkbook();
    ws.active.tables = [
      { name: "T", rect: { top: 0, left: 0, rows: 5, cols: 3 }, showHeaders: true, showTotals: false },
    ];
    const p = ok(
      ws,
      cs([
        {
          op: "setCells",
          sheet: SAMPLE_SHEET,
          top: 2,
          left: 1,
          cells: [[{ kind: "formula", formula: "=1" }, text("x")]],
        },
        { op: "setCells", sheet: SAMPLE_SHEET, top: 2, left: 1, cells: [[text("y")]] },
      ]),
    );
    expect(p.ops[0]).toMatchObject({ tableColumns: [{ top: 1, left: 1, rows: 4, cols: 2 }] });
    expect(p.ops[1]).not.toHaveProperty("tableColumns");
  });
});
