/**
 * Which labels make a total row (rowKinds.isTotalRow), and the total's place: the wordings offices use, with
 * the parts a total adds in brackets; the names of criteria that start like a total but are none.
 */
import { isTotalRow } from "../../src/core/rowKinds";
import { analyzeSheet } from "../../src/core/analyze";
import type { SheetSnapshot } from "../../src/core/types";

const sheet = (values: (string | number | null)[][]): SheetSnapshot =>
  ({ name: "KQ", top: 0, left: 0, values }) as SheetSnapshot;

/** A label in the name column of a row without a code. */
const total = (label: string) => isTotalRow(sheet([[null, label]]), 0, { code: 0, name: 1 });

test.each([
  "Tổng",
  "Tổng cộng",
  "Tổng cộng:",
  "TỔNG ĐIỂM",
  "Tổng số điểm",
  "Cộng",
  "Tổng cộng điểm",
  "Tổng điểm đạt được",
  "Tổng số điểm đạt được",
  "Tổng điểm tự đánh giá",
  "Tổng điểm thẩm định",
  "TỔNG ĐIỂM CHỈ SỐ CCHC",
  "Tổng điểm chỉ số cải cách hành chính",
  "TỔNG CỘNG (1+2+3+4+5+6+7+8)",
  "Tổng điểm (I+II+...+VIII)",
  "Tổng điểm (I + II + … + VIII)",
  "Tổng cộng (A+B)",
  "Total score",
  "Grand total",
])("«%s» is a total row", (label) => expect(total(label)).toBe(true));

test.each([
  "Tổng hợp báo cáo định kỳ",
  "Tổng số hồ sơ (1+2)",
  "Tổng điểm (xem ghi chú)",
  "Tổng kết (I+II)",
  "Cộng đồng dân cư",
  "Công khai thủ tục hành chính",
  "Tổng số thủ tục hành chính được công khai đúng hạn trên Cổng dịch vụ công quốc gia (I+II)",
])("«%s» is not", (label) => expect(total(label)).toBe(false));

test("a code in the code column rules the row out, whatever the label", () => {
  expect(isTotalRow(sheet([["3", "Tổng điểm đạt được"]]), 0, { code: 0, name: 1 })).toBe(false);
});

describe("a total right under the header", () => {
  const rows = [
    ["TT", "Tiêu chí", "Điểm tối đa", "Điểm đạt được"],
    [null, "TỔNG ĐIỂM", "20,00", "17,50"],
    ["1", "LĨNH VỰC MỘT", "12,00", "10,50"],
    ["1.1", "Tiêu chí một", "12,00", "10,50"],
    ["2", "LĨNH VỰC HAI", "8,00", "7,00"],
    ["2.1", "Tiêu chí hai", "8,00", "7,00"],
  ];

  test("is the table's total, and the criteria under it are read", () => {
    const a = analyzeSheet(sheet(rows));
    if (!a.ok) throw new Error("no table");
    expect(a.table.lastRow).toBe(5);
    expect(a.total).toMatchObject({ row: 1, max: 20, achieved: 17.5, agrees: true, complete: true });
    expect(a.rows.map((r) => r.code)).toEqual(["1", "1.1", "2", "2.1"]);
    expect(a.issues).toEqual([]);
  });

  test("after the column numbers too", () => {
    const a = analyzeSheet(sheet([rows[0], ["(1)", "(2)", "(3)", "(4)"], ...rows.slice(1)]));
    if (!a.ok) throw new Error("no table");
    expect(a.total).toMatchObject({ row: 2, max: 20, achieved: 17.5, agrees: true });
    expect(a.rows).toHaveLength(4);
  });

  test("a total under the criteria still ends the table", () => {
    const a = analyzeSheet(
      sheet([...rows, [null, "Cộng", "20,00", "17,50"], ["3", "Bảng khác", "5,00", "1,00"]]),
    );
    if (!a.ok) throw new Error("no table");
    expect(a.total.row).toBe(6);
    expect(a.rows.map((r) => r.code)).toEqual(["1", "1.1", "2", "2.1"]);
  });
});

test("a row in capitals repeating the coded domains' sums is no domain: not counted, said", () => {
  const a = analyzeSheet(
    sheet([
      ["TT", "Tiêu chí", "Điểm tối đa", "Điểm đạt được"],
      ["1", "LĨNH VỰC MỘT", "12,00", "10,50"],
      ["1.1", "Tiêu chí một", "12,00", "10,50"],
      ["2", "LĨNH VỰC HAI", "8,00", "7,00"],
      ["2.1", "Tiêu chí hai", "8,00", "7,00"],
      [null, "TỔNG ĐIỂM CỦA ĐƠN VỊ", "20,00", "17,50"],
    ]),
  );
  if (!a.ok) throw new Error("no table");
  expect(a.total).toMatchObject({ max: 20, achieved: 17.5 });
  expect(a.issues.map((i) => [i.kind, i.row])).toEqual([["unclassified-row", 5]]);
});

test("a row in capitals without a code that does not repeat their sums is still a domain", () => {
  const a = analyzeSheet(
    sheet([
      ["TT", "Tiêu chí", "Điểm tối đa", "Điểm đạt được"],
      ["1", "LĨNH VỰC MỘT", "12,00", "10,50"],
      ["1.1", "Tiêu chí một", "12,00", "10,50"],
      [null, "LĨNH VỰC HAI", "8,00", "7,00"],
    ]),
  );
  if (!a.ok) throw new Error("no table");
  expect(a.total).toMatchObject({ max: 20, achieved: 17.5 });
  expect(a.issues).toEqual([]);
});
