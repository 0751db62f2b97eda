/** Messages the core produces for people, Vietnamese first, English second. Pure. */
import type { Issue } from "./analyze";
import type { Role } from "./table";
import { formatScore } from "./numbers";

export type Lang = "vi" | "en";

const COLUMN: Record<Role, Record<Lang, string>> = {
  code: { vi: "mã", en: "code" },
  name: { vi: "tên tiêu chí", en: "criterion" },
  max: { vi: "điểm tối đa", en: "max score" },
  achieved: { vi: "điểm đạt được", en: "score achieved" },
  self: { vi: "điểm tự đánh giá", en: "self-assessed score" },
  gap: { vi: "điểm chưa đạt", en: "gap" },
  percent: { vi: "tỷ lệ", en: "percent" },
  reason: { vi: "nguyên nhân", en: "reason" },
  lead: { vi: "cơ quan chủ trì", en: "lead agency" },
  implementers: { vi: "cơ quan thực hiện", en: "implementers" },
  tasks: { vi: "nhiệm vụ, giải pháp", en: "tasks" },
};

export function columnLabel(role: Role, lang: Lang): string {
  return COLUMN[role][lang];
}

function n(v: number | string | undefined, lang: Lang): string {
  return typeof v === "number" ? formatScore(v, lang) : String(v ?? "");
}

/** One sentence describing an issue, with its sheet row (1-based, as Excel shows it). */
export function issueMessage(issue: Issue, lang: Lang): string {
  const d = issue.data;
  const col = issue.column ? columnLabel(issue.column, lang) : "";
  const where =
    lang === "vi"
      ? `Dòng ${issue.row + 1}${issue.code ? ` (${issue.code})` : ""}: `
      : `Row ${issue.row + 1}${issue.code ? ` (${issue.code})` : ""}: `;
  const vi = lang === "vi";
  switch (issue.kind) {
    case "achieved-over-max":
      return (
        where +
        (vi
          ? `điểm đạt được ${n(d.achieved, lang)} lớn hơn điểm tối đa ${n(d.max, lang)}.`
          : `score achieved ${n(d.achieved, lang)} is above the max score ${n(d.max, lang)}.`)
      );
    case "negative":
      return where + (vi ? `${col} âm (${n(d.value, lang)}).` : `negative ${col} (${n(d.value, lang)}).`);
    case "unparseable":
      return (
        where +
        (vi
          ? `không đọc được ô ${col} «${d.text}» (cần một số như 9,50).`
          : `cannot read the ${col} cell «${d.text}» (a number such as 9.50 is expected).`)
      );
    case "children-gap-exceeds":
      return (
        where +
        (vi
          ? `tổng điểm chưa đạt của các tiêu chí con (${n(d.childrenGap, lang)}) lớn hơn điểm chưa đạt của dòng này (${n(d.gap, lang)}).`
          : `the sub-criteria's gaps add up to ${n(d.childrenGap, lang)}, more than this row's gap ${n(d.gap, lang)}.`)
      );
    case "children-max-exceeds":
      return (
        where +
        (vi
          ? `tổng điểm tối đa của các tiêu chí con (${n(d.childrenMax, lang)}) lớn hơn điểm tối đa của dòng này (${n(d.max, lang)}).`
          : `the sub-criteria's max scores add up to ${n(d.childrenMax, lang)}, more than this row's ${n(d.max, lang)}.`)
      );
    case "stated-gap-differs":
      return (
        where +
        (vi
          ? `điểm chưa đạt ghi ${n(d.stated, lang)}, tính lại được ${n(d.computed, lang)}.`
          : `the gap says ${n(d.stated, lang)}, recalculated ${n(d.computed, lang)}.`)
      );
    case "stated-percent-differs":
      return (
        where +
        (vi
          ? `tỷ lệ ghi ${n(d.stated, lang)}%, tính lại được ${n(d.computed, lang)}%.`
          : `the percent says ${n(d.stated, lang)}%, recalculated ${n(d.computed, lang)}%.`)
      );
    case "stated-total-differs":
      return (
        where +
        (vi
          ? `dòng tổng ghi ${col} ${n(d.stated, lang)}, tổng tính lại là ${n(d.computed, lang)}.`
          : `the total row says ${col} ${n(d.stated, lang)}, the recalculated total is ${n(d.computed, lang)}.`)
      );
    case "duplicate-code":
      return (
        where + (vi ? `mã bị trùng với dòng ${d.firstRow}.` : `the code is the same as on row ${d.firstRow}.`)
      );
    case "rows-below-table":
      return (
        where +
        (vi
          ? `bảng được coi là kết thúc ở trên, nhưng bên dưới còn ${d.count} dòng giống dòng tiêu chí hoặc dòng tổng (dòng ${d.rows}). Các dòng này chưa được tính: hãy xóa dòng trống hoặc tiêu đề chen giữa rồi chạy lại.`
          : `the table was taken to end above, but ${d.count} rows below look like criteria or a total (rows ${d.rows}). They are not counted: remove the blank rows or headers in between and run again.`)
      );
    case "formula-not-calculated":
      return (
        where +
        (vi
          ? `ô ${col} chứa công thức «${d.text}» chưa được tính (tệp không lưu kết quả) và không tự tính được: dòng này không được cộng. Mở tệp trong Excel, tính lại (F9) và lưu.`
          : `the ${col} cell holds the formula «${d.text}» with no calculated value in the file, and it could not be calculated: the row is left out. Open the file in Excel, recalculate (F9) and save.`)
      );
    case "not-appraised":
      return (
        where +
        (vi
          ? `chưa thẩm định: dùng điểm tự đánh giá ${n(d.self, lang)}.`
          : `not appraised yet: the self-assessed score ${n(d.self, lang)} is used.`)
      );
    case "unclassified-row":
      return (
        where +
        (vi
          ? `dòng «${d.name}» có điểm nhưng không có mã và không thuộc lĩnh vực nào: không được cộng vào tổng.`
          : `the row «${d.name}» has points but no code and no domain: it is not added into the total.`)
      );
    case "parent-missing":
      return (
        where +
        (vi
          ? `không có dòng lĩnh vực/tiêu chí cha (${d.parent}) trong bảng.`
          : `no parent row (${d.parent}) for this code in the table.`)
      );
  }
}
