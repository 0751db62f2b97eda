// The criteria sheet a session works on, across commands and undo, whatever sheet the host shows: a command
// that shows the user a sheet of the add-in's own (the catalogue) must not make that sheet "the table".
import { MemoryHost } from "../../src/app/memoryHost";
import { Session } from "../../src/app/session";
import { CATALOGUE_SHEET_NAME } from "../../src/catalogue";
import { sampleWorkbook, type PreparedOk, type WorkbookSnapshot } from "../../src/core";

/** Like Excel: a plain read reads the sheet shown, and a `select` op shows its sheet. */
class ShowingHost extends MemoryHost {
  override async apply(p: PreparedOk): Promise<void> {
    await super.apply(p);
    for (const op of p.ops) if (op.op === "select") this.active = op.sheet;
    // Excel shows another sheet when the shown one is deleted.
    if (!this.model.sheets.has(this.active)) this.active = this.model.order[0];
  }
}

const content = (ws: WorkbookSnapshot) =>
  JSON.stringify(ws, (k, v: unknown) => (k === "selection" ? undefined : v));

function withNotes(): WorkbookSnapshot {
  const ws = sampleWorkbook();
  return { ...ws, sheetNames: [...ws.sheetNames, "Ghi chú"] };
}

test("after «Ghi danh mục giải pháp» shows the catalogue, commands still work on the table; undo removes the catalogue and shows the table", async () => {
  const host = new ShowingHost(withNotes());
  const table = host.active;
  const seed = content(host.snapshot());
  const session = new Session(host, "vi");
  expect((await session.run("export-catalogue")).ok).toBe(true);
  expect(host.active).toBe(CATALOGUE_SHEET_NAME);

  const recalc = await session.run("recalc");
  expect(recalc.ok).toBe(true);
  expect(host.model.sheet(table).conditionalFormats.length).toBeGreaterThan(0);

  expect((await session.undo()).ok).toBe(true); // recalc
  const undone = await session.undo(); // the catalogue
  expect(undone).toMatchObject({ ok: true, result: { en: "Undone: Write the solutions catalogue." } });
  expect(host.active).toBe(table);
  expect(content(host.snapshot())).toBe(seed);
});

test("the sheet a command worked on was deleted since: undo refuses as changed-since, never «unexpected»", async () => {
  const ws = withNotes();
  const host = new ShowingHost(ws);
  const session = new Session(host, "vi");
  expect((await session.run("recalc")).ok).toBe(true);
  host.model.apply({ op: "deleteSheet", sheet: ws.active.name });
  host.active = "Ghi chú";
  const r = await session.undo();
  expect(r.ok ? null : r.error.code).toBe("changed-since");
  expect(session.canUndo).toBe(true);
});

test("the playground's path (a chosen sheet) undoes the catalogue too", async () => {
  const host = new ShowingHost(withNotes());
  const seed = content(host.snapshot());
  const session = new Session(host, "vi", { chooseSheet: true });
  expect((await session.run("export-catalogue")).ok).toBe(true);
  expect((await session.undo()).ok).toBe(true);
  expect(content(host.snapshot())).toBe(seed);
});

test("reading another sheet is one read and leaves the table where it was (host and session)", async () => {
  const ws = withNotes();
  const table = ws.active.name;
  const host = new MemoryHost(ws);
  host.model.apply({ op: "addSheet", sheet: "PAR 2023" });
  // the host: a named read shows nothing, the next plain read reads the active sheet
  expect((await host.read({ sheet: "PAR 2023" })).active.name).toBe("PAR 2023");
  expect((await host.read()).active.name).toBe(table);
  const session = new Session(host, "vi");
  const reads = host.reads;
  const other = await session.sheetSnapshot("PAR 2023");
  expect(other.name).toBe("PAR 2023");
  expect(host.reads - reads).toBe(1);
  const r = await session.analyze();
  expect(r.ok).toBe(true);
  expect((await host.read()).active.name).toBe(table);
});
