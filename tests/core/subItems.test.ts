/**
 * Lettered sub-items («a)», «b)», «a.», «đ)») under a criterion, as offices split a criterion's points: read as
 * the criterion's children (key "1.1.a"), not left unplaced with «unreadable code»; without a score, lines of
 * the criterion's details. Capitals («A.», «B.») name parts of a table and are not sub-items.
 */
import { analyzeWorkbook, planCommand } from "../../src/app/commands";
import { rowsNeedingRemedy, type CellValue } from "../../src/core";
import { isSubItemKey, subItemLetter } from "../../src/core/text";
import { analyzed, book, sheetOf } from "./helpers";

const HEADER = ["TT", "Tiêu chí", "Điểm tối đa", "Điểm đạt được"];
/** A one-domain table: domain 1 (2 points), its criterion 1.1, the rows given under 1.1, then 1.2 and the total. */
const table = (
  under: CellValue[][],
  c11: CellValue[] = ["1.1", "Kiểm tra cải cách hành chính", "2,00", "1,50"],
) =>
  sheetOf([
    HEADER,
    ["1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "3,00", "2,50"],
    c11,
    ...under,
    ["1.2", "Báo cáo định kỳ", "1,00", "1,00"],
    ["TỔNG ĐIỂM", null, "3,00", "2,50"],
  ]);

const SCORED = [
  ["a)", "Kiểm tra tại cơ quan chuyên môn", "1,00", "1,00"],
  ["b)", "Kiểm tra tại đơn vị cấp dưới", "1,00", "0,50"],
];

describe("lettered sub-items under a criterion", () => {
  it("with scores: the criterion's children, nothing unplaced, the total as stated, the point lost b)'s", () => {
    const a = analyzed(table(SCORED));
    expect(a.issues).toEqual([]);
    expect(a.rows.map((r) => [r.code, r.key, r.level])).toEqual([
      ["1", "1", 1],
      ["1.1", "1.1", 2],
      ["a)", "1.1.a", 3],
      ["b)", "1.1.b", 3],
      ["1.2", "1.2", 2],
    ]);
    expect(a.rows[1].children).toEqual([2, 3]);
    expect(a.rows[4].parent).toBe(0);
    expect(a.total).toMatchObject({ max: 3, achieved: 2.5, complete: true });
    // 1.1's half point is b)'s: b) is remedied, not 1.1 as well.
    expect(rowsNeedingRemedy(a).map((r) => r.code)).toEqual(["b)"]);
  });

  it("under a criterion with no score of its own: its score is theirs", () => {
    const a = analyzed(table(SCORED, ["1.1", "Kiểm tra cải cách hành chính"]));
    expect(a.issues).toEqual([]);
    expect(a.rows[1]).toMatchObject({ max: 2, achieved: 1.5, derived: true });
    expect(a.total).toMatchObject({ max: 3, achieved: 2.5 });
  });

  it("the dot form, «(c)» and «đ)» too; a sub-item scored above its criterion is said", () => {
    const a = analyzed(
      table([
        ["a.", "Một", "0,50", "0,50"],
        ["(c)", "Hai", "0,50", "0,50"],
        ["đ)", "Ba", "3,00", "0,50"],
      ]),
    );
    expect(a.rows.slice(2, 5).map((r) => r.key)).toEqual(["1.1.a", "1.1.c", "1.1.đ"]);
    expect(a.issues.map((i) => [i.kind, i.row])).toEqual([
      ["children-max-exceeds", 2],
      ["children-gap-exceeds", 2],
    ]);
  });

  it("without a score: lines of the criterion's details, kept out of its name, no warning", () => {
    const a = analyzed(
      table([
        ["a)", "Ban hành kế hoạch kiểm tra"],
        ["b)", "Thực hiện đúng kế hoạch"],
      ]),
    );
    expect(a.issues).toEqual([]);
    expect(a.rows.map((r) => r.code)).toEqual(["1", "1.1", "1.2"]);
    expect(a.rows[1]).toMatchObject({ name: "Kiểm tra cải cách hành chính", continuationRows: [3, 4] });
  });

  it("lettered at the start of the name when the TT cell is blank", () => {
    const a = analyzed(
      table([
        [null, "a) Kiểm tra tại cơ quan chuyên môn", "1,00", "1,00"],
        [null, "b) Kiểm tra tại đơn vị cấp dưới", "1,00", "0,50"],
      ]),
    );
    expect(a.issues).toEqual([]);
    expect(a.rows.slice(2, 4).map((r) => [r.key, r.parent])).toEqual([
      ["1.1.a", 1],
      ["1.1.b", 1],
    ]);
  });

  it("«i.» after «h.» is the next letter, not Roman domain I", () => {
    const letters = ["a", "b", "c", "d", "đ", "e", "g", "h", "i"];
    const a = analyzed(
      table(
        letters.map((l) => [`${l}.`, `Mục ${l}`, "0,10", "0,10"]),
        ["1.1", "Kiểm tra", "0,90", "0,90"],
      ),
    );
    expect(a.rows.at(-2)).toMatchObject({ code: "i.", key: "1.1.i", parent: 1 });
    expect(a.issues).toEqual([]);
  });

  it("a repeated letter under the same criterion is said, as a repeated code is", () => {
    const a = analyzed(table([SCORED[0], SCORED[0]]));
    expect(a.issues.map((i) => i.kind)).toContain("duplicate-code");
  });

  it("capitals «A.», «B.» and a letter before any numbered code are not sub-items: still said", () => {
    const capitals = analyzed(table([["A.", "Phần A", "1,00", "1,00"]]));
    expect(capitals.issues.map((i) => i.kind)).toEqual(["unparseable", "unclassified-row"]);
    const first = analyzed(
      sheetOf([
        HEADER,
        ["a)", "Mục a", "1,00", "1,00"],
        ["1", "LĨNH VỰC", "1,00", "1,00"],
        ["TỔNG", null, "1,00", "1,00"],
      ]),
    );
    expect(first.issues.map((i) => i.kind)).toContain("unparseable");
  });

  it("a bonus block's lettered items are bonus rows, not sub-items of the criterion above it", () => {
    const a = analyzed(
      sheetOf([
        HEADER,
        ["1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "2,00", "1,50"],
        ["1.1", "Kiểm tra cải cách hành chính", "2,00", "1,50"],
        [null, "ĐIỂM THƯỞNG", "1,00", "0,50"],
        ["a)", "Sáng kiến cải cách hành chính", "0,50", "0,50"],
        ["b)", "Giải thưởng cấp tỉnh", "0,50", "0,00"],
        ["TỔNG ĐIỂM", null, "2,00", "2,00"],
      ]),
    );
    expect(a.rows.slice(3).map((r) => [r.code, r.key, r.adjust, r.parent])).toEqual([
      ["a)", null, "bonus", 2],
      ["b)", null, "bonus", 2],
    ]);
    expect(a.rows[1].children).toEqual([]);
    expect(a.issues).toEqual([]);
    expect(a.total).toMatchObject({ max: 2, achieved: 2 });
  });

  it("after the total, a lettered bonus row is the table's bonus, not 1.2's", () => {
    const a = analyzed(
      sheetOf([
        HEADER,
        ["1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "2,00", "1,50"],
        ["1.2", "Báo cáo định kỳ", "2,00", "1,50"],
        ["TỔNG ĐIỂM", null, "2,00", "1,50"],
        ["a)", "Điểm thưởng: sáng kiến", "0,50", "0,50"],
      ]),
    );
    expect(a.rows[2]).toMatchObject({ code: "a)", key: null, adjust: "bonus", level: 1 });
    expect(a.rows[1].children).toEqual([]);
    expect(a.issues).toEqual([]);
  });

  it("a row without a code between ends the list: a lettered row after it is not the numbered row's", () => {
    const a = analyzed(
      table([
        [null, "Ghi chú thêm", "0,50", "0,50"],
        ["a)", "Mục a", "0,50", "0,50"],
      ]),
    );
    expect(a.rows.find((r) => r.code === "a)")).toMatchObject({ key: null });
    expect(a.rows[1].children).toEqual([]);
  });

  it("a sub-item gets its criterion's suggestions from the catalogue", () => {
    const views = (under: CellValue[][]) => {
      const r = analyzeWorkbook(book(table(under)));
      if (!r.ok) throw new Error("no table");
      return r.summary.rows;
    };
    // 1.1 itself to remedy (no sub-items): what the catalogue suggests for it.
    const own = views([]).find((c) => c.code === "1.1")!;
    const sub = views(SCORED).find((c) => c.code === "b)")!;
    expect(own.lead).not.toBe("");
    expect(sub).toMatchObject({ lead: own.lead, implementers: own.implementers, tasks: own.tasks });
  });
});

describe("a sub-item in the plan sheet", () => {
  const codes = (under: CellValue[][]) => {
    const o = planCommand(book(table(under)), "plan");
    if (!o.ok) throw new Error("not planned");
    const texts = new Set<string>();
    for (const op of o.changeSet.ops)
      if (op.op === "setCells" && op.sheet !== "Sheet1")
        for (const line of op.cells) for (const c of line) if (c?.kind === "text") texts.add(c.text);
    return texts;
  };

  it("is named with its criterion («1.1 b)»): «b)» alone says nothing away from 1.1", () => {
    const texts = codes(SCORED);
    expect(texts.has("1.1 b)")).toBe(true);
    expect(texts.has("b)")).toBe(false);
  });

  it("lettered in its name (TT blank): named by its criterion and letter", () => {
    expect(codes([[null, "b) Kiểm tra tại đơn vị cấp dưới", "1,00", "0,50"]]).has("1.1 b)")).toBe(true);
  });
});

describe("subItemLetter / isSubItemKey", () => {
  it.each([
    ["a)", "a"],
    ["b.", "b"],
    [" (c) ", "c"],
    ["đ)", "đ"],
    ["A.", null],
    ["ab)", null],
    ["a", null],
    ["1)", null],
  ])("%j → %j", (text, letter) => expect(subItemLetter(text)).toBe(letter));

  it("in a name only before a space and more text", () => {
    expect(subItemLetter("a) Kiểm tra", true)).toBe("a");
    expect(subItemLetter("a)", true)).toBeNull();
    expect(subItemLetter("an toàn thông tin", true)).toBeNull();
  });

  it("keys", () => {
    expect(isSubItemKey("1.3.a")).toBe(true);
    expect(isSubItemKey("1.3.đ")).toBe(true);
    expect(isSubItemKey("1.3")).toBe(false);
  });
});
