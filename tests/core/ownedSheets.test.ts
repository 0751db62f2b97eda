// Owned things never overwrite the user's (issue 9 §7), the plan sheet's formats (issue 13 §8) and the
// workbook memory kept in hidden defined names.
import {
  applyChangeSet,
  DATE_FORMAT,
  invertChangeSet,
  memoryOps,
  OWNED_MARKS,
  PLAN_SHEET,
  planRemediationSheet,
  readMemory,
  sampleWorkbook,
  sheetOfRef,
  sheetRef,
  type RemedySource,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from "../../src/core";
import { analyzed } from "./helpers";
import { planCommand } from "../../src/app/commands";
import { planApplyAll } from "../../src/app/applyAll";
import { sayBefore } from "../../src/app/registry";

const source: RemedySource = {
  remedy: (r) => ({ lead: "Phòng Nội vụ", implementers: "Các phòng", tasks: [`Việc cho ${r.code}`] }),
  produced: () => true,
};

const userPlan: SheetSnapshot = {
  name: PLAN_SHEET,
  top: 0,
  left: 0,
  values: [
    ["KẾ HOẠCH KHẮC PHỤC (bản nháp của Văn phòng)", null, null],
    [null, null, null],
    ["STT", "Nội dung", "Thời hạn"],
    ["1", "Rà soát thủ tục hành chính", "Quý I/2026"],
  ],
};

describe("the plan never overwrites a sheet the user made", () => {
  const base = sampleWorkbook();
  const a = analyzed(base.active);
  const ws: WorkbookSnapshot = {
    ...base,
    sheetNames: [...base.sheetNames, PLAN_SHEET],
    others: { [PLAN_SHEET]: userPlan },
  };

  test("a «Kế hoạch khắc phục» the add-in did not make is left alone: the plan goes to «… (2)», and says so", () => {
    const cs = planRemediationSheet(ws, a, source);
    const other = `${PLAN_SHEET} (2)`;
    expect(cs.ops.every((o) => o.sheet !== PLAN_SHEET)).toBe(true);
    expect(cs.ops[0]).toEqual({ op: "addSheet", sheet: other, after: ws.active.name });
    expect(cs.counts.renamed).toBe(1);
    expect(cs.notes?.[0].vi).toContain(other);
    expect(cs.notes?.[0].en).toContain(other);
    const after = applyChangeSet(ws, cs);
    expect(after.others![PLAN_SHEET].values).toEqual(userPlan.values);
    const mark = after.names!.find((n) => n.name === OWNED_MARKS.plan)!;
    expect(mark).toMatchObject({ hidden: true });
    expect(sheetOfRef(mark.ref)).toBe(other);
    // The next run finds its own sheet by the marker: updated in place, twice = once.
    const again = planRemediationSheet(after, a, source);
    expect(again.ops.some((o) => o.op === "addSheet")).toBe(false);
    expect(again.ops.every((o) => o.sheet !== PLAN_SHEET)).toBe(true);
    expect(again.notes).toBeUndefined();
    const twice = applyChangeSet(after, again);
    expect(twice.others![other].values).toEqual(after.others![other].values);
    expect(twice.names).toEqual(after.names);
  });

  test("a plan sheet of the current release (no marker) is recognised by its headers and marked", () => {
    const first = applyChangeSet(base, planRemediationSheet(base, a, source));
    const unmarked = { ...first, names: [] };
    const cs = planRemediationSheet(unmarked, a, source);
    expect(cs.ops.some((o) => o.op === "addSheet")).toBe(false);
    expect(cs.ops).toContainEqual({
      op: "setName",
      sheet: PLAN_SHEET,
      name: OWNED_MARKS.plan,
      ref: sheetRef(PLAN_SHEET),
      hidden: true,
    });
  });

  test("a new plan is readable and printable: header frozen, bold and wrapped, dates, A4 landscape", () => {
    const cs = planRemediationSheet(base, a, source);
    const after = applyChangeSet(base, cs).others![PLAN_SHEET];
    expect(after.frozen).toEqual({ rows: 4, cols: 0 });
    expect(cs.ops).toContainEqual({
      op: "setPageSetup",
      sheet: PLAN_SHEET,
      setup: { orientation: "landscape", paper: "A4", repeatRows: { first: 3, last: 3 }, fitToWidth: true },
    });
    expect(after.bold![3].slice(0, 13).every(Boolean)).toBe(true);
    expect(after.wrap![3][0]).toBe(true);
    expect(after.numberFormats![4][10]).toBe(DATE_FORMAT);
    expect(after.numberFormats![4][3]).toBe("0.00");
    // Undo takes everything back, the marker included.
    const back = applyChangeSet(applyChangeSet(base, cs), invertChangeSet(base, cs));
    expect(back.sheetNames).toEqual(base.sheetNames);
    expect(back.names ?? []).toEqual([]);
  });

  test("the user is told on every path: the plan's result line and its say-before line carry the note", () => {
    const o = planCommand(ws, "plan");
    if (!o.ok) throw new Error(o.error.code);
    const other = `${PLAN_SHEET} (2)`;
    expect(o.result.vi).toMatch(
      /^Kế hoạch khắc phục: \d+ nhiệm vụ.*\. Trang «Kế hoạch khắc phục» là của đơn vị/,
    );
    expect(o.result.en).toContain(`the plan went to a new sheet «${other}»`);
    expect(sayBefore(o.changeSet, ws)?.vi).toContain(other);
    const all = planApplyAll(ws);
    if (!all.ok) throw new Error(all.error.code);
    expect(all.changeSet.notes?.map((n) => n.vi).join(" ")).toContain(other);
  });
});

describe("workbook memory", () => {
  const ws = sampleWorkbook();

  test("the unit profile and 'don't ask again' are written as hidden names, read back, and undone", () => {
    expect(readMemory(ws)).toEqual({ unit: null, noAsk: [] });
    const ops = memoryOps(ws, { unit: "commune", noAsk: { "clear-highlight": true } });
    const cs = { command: "assign" as const, ops, counts: {} };
    const after = applyChangeSet(ws, cs);
    expect(readMemory(after)).toEqual({ unit: "commune", noAsk: ["clear-highlight"] });
    expect(after.names!.every((n) => n.hidden && n.name.startsWith("_ParIndex_"))).toBe(true);
    // Nothing to write when nothing changes.
    expect(memoryOps(after, { unit: "commune", noAsk: { "clear-highlight": true } })).toEqual([]);
    const changed = applyChangeSet(after, {
      command: "assign",
      ops: memoryOps(after, { unit: "ward", noAsk: { "clear-highlight": false } }),
      counts: {},
    });
    expect(readMemory(changed)).toEqual({ unit: "ward", noAsk: [] });
    expect(readMemory(applyChangeSet(after, invertChangeSet(ws, cs)))).toEqual({ unit: null, noAsk: [] });
  });

  test("references name their sheet", () => {
    expect(sheetOfRef(sheetRef("Kế hoạch (2)"))).toBe("Kế hoạch (2)");
    expect(sheetOfRef(sheetRef("O'Neil"))).toBe("O'Neil");
    expect(sheetOfRef("=Sheet1!$A$1")).toBe("Sheet1");
  });
});
