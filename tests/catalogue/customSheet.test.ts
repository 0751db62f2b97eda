import {
  CATALOGUE_HEADERS,
  CATALOGUE_SHEET_NAME,
  catalogueRows,
  planCatalogueSheet,
  readCustomSheet,
  splitTasks,
} from "../../src/catalogue/customSheet";
import { builtinCatalogue, lookup, withOverrides } from "../../src/catalogue/lookup";
import type { CellInput, Op, SheetSnapshot, WorkbookSnapshot } from "../../src/core/types";
import { applyOps, sheetOf } from "./helpers";

const HEAD = ["Mã tiêu chí", "Cơ quan chủ trì tham mưu", "Cơ quan thực hiện", "Nhiệm vụ, giải pháp"];
const VP = "Văn phòng HĐND và UBND huyện";

/** Codes the round trip is checked on: the seed's table, the domains, and codes it does not list. */
const PROBE = [
  ...["1.6.2", "3.5.3", "4.2", "6.1.2", "6.1.4", "6.2.3", "6.3.1", "6.3.2", "6.4", "7.2", "7.3.1", "7.3.2"],
  ...["7.6.1", "7.6.2", "7.6.3", "8.1.1", "8.1.2", "8.3", "9", "1", "2", "3", "4", "5", "6", "7", "8"],
  ...["1.6.1", "2.1", "5.3", "6.1", "7.3.1.2", "9.3", "10.2"],
];

function setCellsOps(ops: Op[]) {
  return ops.filter((o): o is Extract<Op, { op: "setCells" }> => o.op === "setCells");
}

function allCells(ops: Op[]): CellInput[] {
  return setCellsOps(ops).flatMap((o) => o.cells.flat().filter((c): c is CellInput => c !== null));
}

describe("splitTasks", () => {
  it("splits on any line break, drops bullets and blank lines, keeps other leading characters", () => {
    expect(splitTasks("+ một\r\n- hai\n\n  • ba  \r– bốn\n=SUM(A1)\n-5% chi phí\n@all")).toEqual([
      "một",
      "hai",
      "ba",
      "bốn",
      "=SUM(A1)",
      "-5% chi phí",
      "@all",
    ]);
  });
});

describe("readCustomSheet", () => {
  it("finds the header below a title, offset from A1, and reports sheet rows", () => {
    const sheet = sheetOf(
      CATALOGUE_SHEET_NAME,
      [
        ["Danh mục giải pháp của xã Nhất Tiến", null, null, null],
        [null, null, null, null],
        HEAD,
        ["3.5.3", "Công chức Văn phòng - Thống kê", "UBND xã", "+ Theo dõi hồ sơ\n+ Báo cáo Chủ tịch"],
        [4.2, "Phòng Nội vụ", "", "Sắp xếp đơn vị"],
        [null, null, null, null],
        ["7.3.1 ; 7.3.2", VP, "các cơ quan, đơn vị", "Cập nhật hồ sơ"],
      ],
      4,
      1,
    );
    const { entries, problems } = readCustomSheet(sheet);
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      {
        code: "3.5.3",
        lead: "Công chức Văn phòng - Thống kê",
        implementers: "UBND xã",
        tasks: ["Theo dõi hồ sơ", "Báo cáo Chủ tịch"],
        row: 7,
      },
      { code: "4.2", lead: "Phòng Nội vụ", implementers: "", tasks: ["Sắp xếp đơn vị"], row: 8 },
      { code: "7.3.1", lead: VP, implementers: "các cơ quan, đơn vị", tasks: ["Cập nhật hồ sơ"], row: 10 },
      { code: "7.3.2", lead: VP, implementers: "các cơ quan, đơn vị", tasks: ["Cập nhật hồ sơ"], row: 10 },
    ]);
  });

  it.each([
    [
      "without diacritics",
      ["Ma tieu chi", "Co quan chu tri tham muu", "Co quan thuc hien", "Nhiem vu, giai phap"],
    ],
    ["in English", ["Code", "Lead agency", "Implementers", "Tasks"]],
    [
      "in capitals, reordered",
      ["NHIỆM VỤ, GIẢI PHÁP", "MÃ TIÊU CHÍ", "CƠ QUAN THỰC HIỆN", "CƠ QUAN CHỦ TRÌ THAM MƯU"],
    ],
  ])("accepts headers %s", (_label, header) => {
    const byField: Record<string, string> = {
      code: "6.4",
      lead: "Lead",
      implementers: "Impl",
      tasks: "Task",
    };
    const order = header.map((h) =>
      /^(ma|mã|code)/i.test(h)
        ? "code"
        : /thuc|thực|impl/i.test(h)
          ? "implementers"
          : /chu tri|chủ trì|lead/i.test(h)
            ? "lead"
            : "tasks",
    );
    const sheet = sheetOf("x", [header, order.map((f) => byField[f])]);
    expect(readCustomSheet(sheet).entries).toEqual([
      { code: "6.4", lead: "Lead", implementers: "Impl", tasks: ["Task"], row: 1 },
    ]);
  });

  it("reports bad rows with their sheet row and keeps reading", () => {
    const sheet = sheetOf(
      "x",
      [
        HEAD,
        ["7.2", "Lead A", "", "Task A"],
        [null, "Lead without code", "", ""],
        ["Tổng điểm", "Lead", "", "Task"],
        ["6.4", "", "Impl only", ""],
        ["7.2.", "Lead B", "", "Task B"],
        ["8.3", "Lead C", "", ""],
      ],
      2,
    );
    const { entries, problems } = readCustomSheet(sheet);
    expect(entries.map((e) => [e.code, e.lead, e.row])).toEqual([
      ["7.2", "Lead A", 3],
      ["8.3", "Lead C", 8],
    ]);
    expect(problems.map((p) => [p.row, p.kind, p.code])).toEqual([
      [4, "missing-code", undefined],
      [5, "bad-code", "Tổng điểm"],
      [6, "empty", "6.4"],
      [7, "duplicate", "7.2"],
    ]);
    for (const p of problems) {
      expect(p.message.vi).toContain(`Dòng ${p.row + 1}`);
      expect(p.message.en).toContain(`Row ${p.row + 1}`);
    }
    expect(problems[3].message.en).toContain("row 4");
  });

  it("reports a sheet without a header instead of guessing", () => {
    const { entries, problems } = readCustomSheet(sheetOf("x", [["7.2", "Lead", "", "Task"]]));
    expect(entries).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ row: 0, kind: "no-header" });
  });

  it('keeps "=", "+", "-", "@" texts verbatim (only task bullets are dropped)', () => {
    const link = '=HYPERLINK("https://dichvucong.gov.vn","Cổng DVC")';
    const sheet = sheetOf("x", [
      HEAD,
      [
        "7.2",
        link,
        "- Phòng Văn hóa và Thông tin",
        "- task\n=SUM(A1:A2)\n+ Hỗ trợ người dân\n@Tổ công nghệ số",
      ],
    ]);
    const [e] = readCustomSheet(sheet).entries;
    expect(e.lead).toBe(link);
    expect(e.implementers).toBe("- Phòng Văn hóa và Thông tin");
    expect(e.tasks).toEqual(["task", "=SUM(A1:A2)", "Hỗ trợ người dân", "@Tổ công nghệ số"]);
    // … and the export writes them back as text, never as formulas
    const plan = planCatalogueSheet(null, withOverrides(builtinCatalogue(), [e]));
    const cells = allCells(plan.ops);
    expect(cells).toContainEqual({ kind: "text", text: link });
    expect(cells).toContainEqual({ kind: "text", text: "- Phòng Văn hóa và Thông tin" });
    expect(cells).toContainEqual({
      kind: "text",
      text: "task\n=SUM(A1:A2)\nHỗ trợ người dân\n@Tổ công nghệ số",
    });
    expect(cells.every((c) => c.kind === "text" || c.kind === "blank")).toBe(true);
  });

  it("a custom sheet overriding one code leaves the rest built-in", () => {
    const sheet = sheetOf("x", [HEAD, ["4.2", "Phòng Nội vụ", "Trường Mầm non Hoa Sen", "Sáp nhập trường"]]);
    const cat = withOverrides(builtinCatalogue(), readCustomSheet(sheet).entries);
    expect(lookup("4.2", cat)).toMatchObject({
      source: "custom",
      match: "exact",
      lead: "Phòng Nội vụ",
      implementers: "Trường Mầm non Hoa Sen",
      tasks: ["Sáp nhập trường"],
    });
    for (const code of PROBE.filter((c) => c !== "4.2")) expect(lookup(code, cat)).toEqual(lookup(code));
  });
});

describe("planCatalogueSheet: a new sheet", () => {
  const plan = planCatalogueSheet({ sheetNames: ["Kết quả 2023", "Kế hoạch"] });
  const rows = catalogueRows();

  it("adds the sheet after the last one and writes the header and one row per code", () => {
    expect(plan.command).toBe("export-catalogue");
    expect(plan.ops[0]).toEqual({ op: "addSheet", sheet: CATALOGUE_SHEET_NAME, after: "Kế hoạch" });
    const sheet = applyOps(plan.ops, CATALOGUE_SHEET_NAME);
    expect(sheet.values[0]).toEqual(HEAD);
    expect(Object.values(CATALOGUE_HEADERS)).toEqual(HEAD);
    const codes = sheet.values.slice(1).map((r) => r[0]);
    expect(codes).toEqual(rows.map((r) => r.code));
    // entries listing several codes get a row each; domains 1–8 get their default, 9 its entry
    expect(codes).toEqual(
      expect.arrayContaining([
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
        "7",
        "8",
        "9",
        "7.2",
        "7.6",
        "7.3.1",
        "7.3.2",
        "8.1.1",
        "8.1.2",
      ]),
    );
    expect(codes).toHaveLength(25);
    expect(codes.slice(0, 4)).toEqual(["1", "1.6.2", "2", "3"]);
    expect(plan.counts).toEqual({ added: 25, kept: 0 });
    const row76 = sheet.values.find((r) => r[0] === "7.6")!;
    expect(row76[1]).toBe(VP);
    expect(row76[3]).toBe(lookup("7.2").tasks.join("\n"));
  });

  it("writes every cell as text (codes included), with bold header, wrapped tasks and column widths", () => {
    const cells = allCells(plan.ops);
    expect(cells.length).toBeGreaterThan(100);
    expect(cells.every((c) => c.kind === "text")).toBe(true);
    const styles = plan.ops.filter((o): o is Extract<Op, { op: "setStyle" }> => o.op === "setStyle");
    expect(styles).toContainEqual({
      op: "setStyle",
      sheet: CATALOGUE_SHEET_NAME,
      ranges: [{ top: 0, left: 0, rows: 1, cols: 4 }],
      style: { bold: true },
    });
    const wrap = styles.find((s) => s.style.wrap === true)!;
    expect(wrap.ranges).toContainEqual({ top: 1, left: 3, rows: 25, cols: 1 });
    const text = styles.find((s) => s.style.numberFormat === "@")!;
    expect(text.ranges[0]).toMatchObject({ top: 1, left: 0, cols: 1 });
    // the text format comes before the values so that a host writing "4.2" keeps it as text
    expect(plan.ops.indexOf(text)).toBeLessThan(
      plan.ops.findIndex((o) => o.op === "setCells" && o.top === 1),
    );
    const widths = plan.ops.filter((o) => o.op === "setColumnWidth").map((o) => (o as { col: number }).col);
    expect(widths).toEqual([0, 1, 2, 3]);
  });

  it("round-trips through readCustomSheet to the same catalogue", () => {
    const read = readCustomSheet(applyOps(plan.ops, CATALOGUE_SHEET_NAME));
    expect(read.problems).toEqual([]);
    expect(read.entries).toHaveLength(25);
    const cat = withOverrides(builtinCatalogue(), read.entries);
    expect(catalogueRows(cat)).toEqual(rows);
    for (const code of PROBE) {
      const before = lookup(code);
      const after = lookup(code, cat);
      expect({ code, ...pick(after) }).toEqual({ code, ...pick(before) });
      expect(after.source).toBe(code === "10.2" ? "builtin" : "custom");
    }
  });

  it("accepts a WorkbookSnapshot and a missing one", () => {
    const wb: WorkbookSnapshot = { active: sheetOf("Sheet1", [["TT"]]), sheetNames: ["Sheet1"] };
    expect(planCatalogueSheet(wb).ops[0]).toEqual({
      op: "addSheet",
      sheet: CATALOGUE_SHEET_NAME,
      after: "Sheet1",
    });
    expect(planCatalogueSheet(undefined).ops[0]).toEqual({ op: "addSheet", sheet: CATALOGUE_SHEET_NAME });
  });
});

function pick(a: ReturnType<typeof lookup>) {
  return { match: a.match, from: a.from, lead: a.lead, implementers: a.implementers, tasks: a.tasks };
}

describe("planCatalogueSheet: the sheet already exists", () => {
  const exported = applyOps(planCatalogueSheet(null).ops, CATALOGUE_SHEET_NAME);

  /** The exported sheet after a user's edits: 4.2 reassigned, row 7.6 deleted, a row of their own for 10.1. */
  function edited(): SheetSnapshot {
    const values = exported.values
      .filter((r) => r[0] !== "7.6")
      .map((r) =>
        r[0] === "4.2" ? ["4.2", "Phòng Nội vụ", "Trường THCS Vũ Lễ", "Sáp nhập điểm trường"] : [...r],
      );
    values.push([null, null, null, null], ["10.1", "Công chức Văn hóa - Xã hội", "", "Tuyên truyền"]);
    return { ...exported, values };
  }

  it("adds only the missing codes below the user's rows and keeps their edits", () => {
    const user = edited();
    const wb: WorkbookSnapshot = {
      active: sheetOf("Kết quả", [["TT"]]),
      sheetNames: ["Kết quả", CATALOGUE_SHEET_NAME],
      others: { [CATALOGUE_SHEET_NAME]: user },
    };
    const plan = planCatalogueSheet(wb);
    expect(plan.ops.some((o) => o.op === "addSheet" || o.op === "setColumnWidth")).toBe(false);
    expect(plan.counts).toEqual({ added: 1, kept: 25 });
    for (const o of setCellsOps(plan.ops)) expect(o.top).toBeGreaterThanOrEqual(user.values.length);
    const after = applyOps(plan.ops, CATALOGUE_SHEET_NAME, user);
    expect(after.values.slice(0, user.values.length)).toEqual(user.values);
    const read = readCustomSheet(after);
    expect(read.problems).toEqual([]);
    const cat = withOverrides(builtinCatalogue(), read.entries);
    expect(lookup("4.2", cat)).toMatchObject({ source: "custom", implementers: "Trường THCS Vũ Lễ" });
    expect(lookup("7.6.2", cat)).toMatchObject({ source: "custom", from: "7.6", lead: VP });
    expect(lookup("10.1", cat)).toMatchObject({ source: "custom", lead: "Công chức Văn hóa - Xã hội" });
  });

  it("reads the sheet from the active one when the export runs on the catalogue sheet itself", () => {
    const plan = planCatalogueSheet({ active: edited(), sheetNames: ["Kết quả", CATALOGUE_SHEET_NAME] });
    expect(plan.counts).toEqual({ added: 1, kept: 25 });
  });

  it("changes nothing when every code is there", () => {
    const plan = planCatalogueSheet({ sheetNames: [CATALOGUE_SHEET_NAME], existing: exported });
    expect(plan.ops).toEqual([]);
    expect(plan.counts).toEqual({ added: 0, kept: 25 });
  });

  it("counts a user's empty row for a code as present (no duplicate row)", () => {
    const values = exported.values.map((r) => (r[0] === "6.4" ? ["6.4", null, null, null] : [...r]));
    const plan = planCatalogueSheet({
      sheetNames: [CATALOGUE_SHEET_NAME],
      existing: { ...exported, values },
    });
    expect(plan.counts.added).toBe(0);
  });

  it("writes into the columns the user's header names, wherever they are", () => {
    const user = sheetOf(
      CATALOGUE_SHEET_NAME,
      [
        ["Ghi chú", "Nhiệm vụ, giải pháp", "Mã tiêu chí", "Cơ quan chủ trì tham mưu"],
        ["x", "Task", "4.2", "Lead"],
      ],
      2,
      1,
    );
    const plan = planCatalogueSheet({ sheetNames: [CATALOGUE_SHEET_NAME], existing: user });
    expect(plan.counts).toEqual({ added: 24, kept: 1 });
    const after = applyOps(plan.ops, CATALOGUE_SHEET_NAME, user);
    expect(after.values[3]).toEqual([null, "x", "Task", "4.2", "Lead"]);
    expect(after.values[4].slice(2)).toEqual([lookup("1").tasks.join("\n"), "1", "Phòng Nội vụ"]);
    const read = readCustomSheet(after);
    expect(read.problems).toEqual([]);
    const e31 = read.entries.find((e) => e.code === "3.5.3")!;
    expect(e31).toMatchObject({ lead: VP, implementers: "", tasks: lookup("3.5.3").tasks, row: 8 });
    expect(after.values.slice(4).every((r) => r[1] === null)).toBe(true); // the note column is left alone
  });

  it("fills an empty existing sheet as if new, on the user's tab", () => {
    const plan = planCatalogueSheet({
      sheetNames: [CATALOGUE_SHEET_NAME],
      existing: sheetOf(CATALOGUE_SHEET_NAME, [[null]]),
    });
    expect(plan.ops.some((o) => o.op === "addSheet")).toBe(false);
    expect(plan.counts).toEqual({ added: 25, kept: 0 });
    expect(readCustomSheet(applyOps(plan.ops, CATALOGUE_SHEET_NAME)).entries).toHaveLength(25);
  });

  it("puts a fresh block below content that has no header", () => {
    const user = sheetOf(CATALOGUE_SHEET_NAME, [["ghi chú của tôi"], ["7.2 xem lại"]]);
    const plan = planCatalogueSheet({ sheetNames: [CATALOGUE_SHEET_NAME], existing: user });
    const after = applyOps(plan.ops, CATALOGUE_SHEET_NAME, user);
    expect(after.values.slice(0, 2).map((r) => r[0])).toEqual(["ghi chú của tôi", "7.2 xem lại"]);
    expect(after.values[3]).toEqual(HEAD);
    expect(readCustomSheet(after).entries).toHaveLength(25);
  });

  it("refuses to write blind when the sheet exists but was not read", () => {
    expect(() => planCatalogueSheet({ sheetNames: ["danh mục giải pháp"] })).toThrow(/not read/);
  });
});
