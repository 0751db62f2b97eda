import { planCommand } from "../../src/app/commands";
import { COMMANDS, REGISTRY, type SessionMemory } from "../../src/app/registry";
import { PLAN_SHEET, sampleWorkbook } from "../../src/core";
import { CATALOGUE_SHEET_NAME } from "../../src/catalogue";
import { book, sheetOf } from "../core/helpers";

test("every command has one entry, under its own id", () => {
  expect([...COMMANDS].sort()).toEqual(Object.keys(REGISTRY).sort());
  for (const id of COMMANDS) expect(REGISTRY[id].id).toBe(id);
});

test("needs-table: only writing the catalogue works on a sheet without a criteria table", () => {
  const bare = book(sheetOf([["Ghi chú"], ["không phải bảng điểm"]]));
  for (const id of COMMANDS) {
    const o = planCommand(bare, id);
    expect([id, o.ok]).toEqual([id, !REGISTRY[id].needsTable]);
    if (!o.ok) expect(o.error.code).toBe("no-table");
  }
});

test("the sheets commands rewrite are declared, so an unread one is refused before planning", () => {
  expect(REGISTRY.plan.updates).toBe(PLAN_SHEET);
  expect(REGISTRY["export-catalogue"].updates).toBe(CATALOGUE_SHEET_NAME);
  expect(COMMANDS.filter((id) => REGISTRY[id].updates)).toEqual(["plan", "export-catalogue"]);
});

test("each command's result line comes from its entry, in both languages", () => {
  const ws = sampleWorkbook();
  const lines = Object.fromEntries(
    COMMANDS.map((id) => {
      const o = planCommand(ws, id);
      if (!o.ok) throw new Error(o.error.message.en);
      return [id, o.result];
    }),
  );
  expect(lines.recalc.vi).toBe("Đã tính lại 27 dòng: 84,87 / 99,50 điểm, 19 tiêu chí chưa đạt.");
  expect(lines["recalc-only"].en).toBe("Recalculated 27 rows: 84.87 / 99.50 points, 19 unmet criteria.");
  expect(lines.highlight.vi).toMatch(/^Đã tô màu \d+ dòng chưa đạt\.$/);
  expect(lines.assign.en).toBe("19 rows filled.");
  expect(lines.plan.vi).toBe("Kế hoạch khắc phục: 43 nhiệm vụ (43 mới).");
  expect(lines["export-catalogue"].en).toMatch(/^Solutions catalogue: \d+ rows added\.$/);
});

test("after-apply memory: the first highlight's sheet is kept until a clear or an undo", () => {
  const ws = sampleWorkbook();
  const memory: SessionMemory = { beforeHighlight: null };
  REGISTRY.highlight.afterApply!(memory, ws);
  expect(memory.beforeHighlight).toBe(ws.active);
  const later = sampleWorkbook();
  REGISTRY.recalc.afterApply!(memory, later);
  expect(memory.beforeHighlight).toBe(ws.active); // a second highlight must not overwrite it
  REGISTRY["clear-highlight"].afterApply!(memory, later);
  expect(memory.beforeHighlight).toBeNull();
  REGISTRY.highlight.afterApply!(memory, ws);
  REGISTRY.highlight.afterUndo!(memory);
  expect(memory.beforeHighlight).toBeNull();
  expect(REGISTRY.assign.afterApply).toBeUndefined();
});
