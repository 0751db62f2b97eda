/**
 * Every string the task pane shows, Vietnamese first, English second. Numbers are formatted by the caller
 * with core's formatScore in the same language and passed in already formatted.
 */
import type { Status } from "../app/types";
import { LOADING, PANE_TITLE } from "./firstScreenText";
import { STEP_WORDS, type SessionStep } from "../app/sessionEvents";

export type { Lang } from "./firstScreenText";
import type { Lang } from "./firstScreenText";

/** Vietnamese when Office's display language is Vietnamese ("vi-VN", "vi"), English otherwise. */
export function langFromDisplayLanguage(tag: string | null | undefined): Lang {
  return typeof tag === "string" && tag.trim().toLowerCase().startsWith("vi") ? "vi" : "en";
}

/** The session's step words in one language (shared with app/sessionEvents.ts). */
const stepWords = (lang: Lang) => ({
  read: STEP_WORDS.read[lang],
  plan: STEP_WORDS.plan[lang],
  write: STEP_WORDS.write[lang],
});

export interface Strings {
  title: string;
  /** Shown beside the title when the panel runs outside Excel (playground). */
  outsideExcelBadge: string;
  languageGroup: string;
  /** Each language names itself, whatever the current language. */
  languageNames: Record<Lang, string>;
  switchTo: (name: string) => string;

  recalc: string;
  recalcDescription: string;
  working: string;
  reading: string;
  /** The result line after the panel read the sheet the user switched to. */
  followedSheet: (sheet: string) => string;
  /** Under "no criteria table on this sheet" when the panel still shows another sheet's overview. */
  summaryOfSheet: (sheet: string) => string;

  summaryHeading: (sheet: string) => string;
  scoreLabel: string;
  percentLabel: string;
  unmetLabel: string;
  missingLabel: string;
  maxLabel: string;
  points: (score: string) => string;
  statedHeading: string;
  statedFixedHeading: string;
  statedFixedNote: string;

  chartHeading: string;
  chartTitle: string;
  chartBar: (code: string, name: string, achieved: string, max: string, gap: string) => string;
  legendAchieved: string;
  legendGap: string;

  unmetHeading: (n: number) => string;
  unmetHint: (inExcel: boolean) => string;
  noUnmet: string;
  gapShort: (gap: string) => string;
  status: Record<Status, string>;
  lead: string;
  criterionLabel: (p: {
    code: string;
    name: string;
    gap: string;
    status: string;
    lead: string;
    row: number;
  }) => string;

  actionsHeading: string;
  assign: string;
  assignDescription: string;
  plan: string;
  planDescription: string;
  exportCatalogue: string;
  exportCatalogueDescription: string;
  clearHighlight: string;
  clearHighlightDescription: string;
  undo: string;
  undoDescription: string;

  issuesHeading: (n: number) => string;
  catalogueHeading: (n: number) => string;

  doEverything: string;
  doEverythingDescription: string;
  planDocx: string;
  planDocxDescription: string;
  planDocxDone: (fileName: string) => string;
  /** Where the webview may block downloads (Excel on Mac): the way round. */
  planDocxBlocked: string;
  /** The unit chooser (issue 11): which level's offices the catalogue names. */
  unitLabel: string;
  unitAuto: string;
  unitSource: (how: "explicit" | "detected" | "default") => string;
  /** A sheet typed in a legacy encoding (TCVN3, VNI): the notice and its button (issue 11 item 6). */
  legacyHeading: (encoding: string) => string;
  legacyBody: string;
  convertUnicode: string;
  convertUnicodeDescription: string;
  /** The tabs below the fold. */
  tabs: { overview: string; unmet: string; compare: string; actions: string };
  tabsLabel: string;
  /** Say before: the question's title, its buttons and the remembered choice. */
  confirmTitle: string;
  confirmYes: string;
  confirmNo: string;
  dontAskAgain: string;
  /** Result actions. */
  openPlanSheet: string;
  openSheet: (sheet: string) => string;
  goToColumns: (letters: string) => string;
  /** The undo list: "Hoàn tác: Điền cơ quan và giải pháp". */
  undoEntry: (label: string) => string;
  undoListHeading: string;
  undoListHint: string;
  undoListEmpty: string;
  /** Every warning of the analysis, after each command. */
  warningsHeading: (n: number) => string;
  replaceTotal: string;
  replaceTotalDescription: string;
  /** The step the panel is at while a command runs. */
  stepPreview: string;
  stepWriting: string;
  /** The session's steps (app/sessionEvents.ts): "Đang đọc bảng…", "Đang tính…", "Đang ghi…". */
  steps: Record<Exclude<SessionStep, "done">, string>;
  sortLabel: string;
  sortByGap: string;
  sortByCode: string;
  unmetListLabel: string;
  domainGroup: (code: string, name: string) => string;
  compareHeading: string;
  compareNotYet: string;
  compareNoSheet: string;
  compareHint: string;
  compareSheetLabel: string;
  compareButton: string;
  compareTotal: (sheet: string, before: string, after: string, delta: string) => string;
  compareLists: Record<"improved" | "regressed" | "newlyUnmet" | "stillUnmet", (n: number) => string>;

  /** Self-assessed against appraised scores (issue 11 item 3): shown when the table has both. */
  appraisalHeading: string;
  selfTotalLabel: string;
  appraisedTotalLabel: string;
  appraisalDiffLabel: string;
  appraisalDiffNote: string;
  /** When the total counts a bonus/penalty block: the two sums leave it out. */
  appraisalBeforeAdjustments: string;
  cutHeading: (n: number) => string;
  cutHint: string;
  cutLine: (self: string, appraised: string) => string;
  cutBy: (cut: string) => string;
  noCuts: string;
  notAppraisedHeading: (n: number) => string;
  notAppraisedHint: string;
  notAppraisedLine: (self: string) => string;
  /** The bonus/penalty block (issue 11 item 4): shown when the table has one. */
  adjustHeading: string;
  bonusLabel: string;
  penaltyLabel: string;
  finalLabel: string;
  adjustInside: (total: string, domains: string, bonus: string, penalty: string) => string;
  adjustAfter: (final: string, total: string, bonus: string, penalty: string) => string;

  loadingOffice: string;
  /** Title of the message left by the ribbon's Recalculate when it failed without the pane. */
  ribbonFailed: string;
  dismiss: string;
}

export const STRINGS: Record<Lang, Strings> = {
  vi: {
    title: PANE_TITLE,
    outsideExcelBadge: "Bản thử, ngoài Excel",
    languageGroup: "Ngôn ngữ",
    languageNames: { vi: "Tiếng Việt", en: "English" },
    switchTo: (name) => `Hiển thị bằng ${name}`,

    recalc: "Tính lại",
    recalcDescription: "Tính lại điểm chưa đạt, tỷ lệ đạt và tô màu các tiêu chí chưa đạt trong trang tính.",
    working: "Đang xử lý…",
    reading: "Đang đọc bảng tiêu chí…",
    followedSheet: (sheet) => `Đã cập nhật theo trang «${sheet}» đang mở.`,
    summaryOfSheet: (sheet) => `Phần tổng quan bên dưới vẫn là của trang «${sheet}».`,

    summaryHeading: (sheet) => `Tổng quan: trang «${sheet}»`,
    scoreLabel: "Điểm đạt / tối đa",
    percentLabel: "Tỷ lệ đạt",
    unmetLabel: "Tiêu chí chưa đạt",
    missingLabel: "Điểm còn thiếu",
    maxLabel: "Điểm tối đa",
    points: (score) => `${score} điểm`,
    statedHeading: "Số ghi trong bảng khác số tính lại",
    statedFixedHeading: "Đã sửa khi tính lại",
    statedFixedNote: "Các ô này nay là công thức, khớp với số tính lại.",

    chartHeading: "Theo lĩnh vực",
    chartTitle: "Điểm đạt so với điểm tối đa của từng lĩnh vực; phần tô đỏ là điểm còn thiếu.",
    chartBar: (code, name, achieved, max, gap) =>
      `Lĩnh vực ${code}, ${name}: đạt ${achieved} trên ${max} điểm, còn thiếu ${gap}.`,
    legendAchieved: "Điểm đạt",
    legendGap: "Còn thiếu",

    unmetHeading: (n) => `Tiêu chí chưa đạt (${n})`,
    unmetHint: (inExcel) =>
      inExcel
        ? "Thiếu nhiều điểm nhất ở trên cùng. Chọn một tiêu chí để đến dòng đó trong Excel."
        : "Thiếu nhiều điểm nhất ở trên cùng. Chọn một tiêu chí để đến dòng đó trong bảng.",
    noUnmet: "Mọi tiêu chí đều đạt điểm tối đa.",
    gapShort: (gap) => `thiếu ${gap}`,
    status: { zero: "0 điểm", partial: "một phần", unscored: "chưa chấm", met: "đạt" },
    lead: "Chủ trì",
    criterionLabel: ({ code, name, gap, status, lead, row }) =>
      `${code} ${name}: thiếu ${gap} điểm, ${status}${lead ? `; chủ trì: ${lead}` : ""}. Chọn dòng ${row}.`,

    actionsHeading: "Thao tác",
    assign: "Điền cơ quan và giải pháp",
    assignDescription:
      "Chèn các cột cơ quan chủ trì, cơ quan thực hiện, nhiệm vụ và giải pháp cho các tiêu chí chưa đạt.",
    plan: "Lập kế hoạch khắc phục",
    planDescription: "Tạo hoặc cập nhật trang «Kế hoạch khắc phục».",
    exportCatalogue: "Ghi danh mục giải pháp",
    exportCatalogueDescription:
      "Ghi trang «Danh mục giải pháp» để chỉnh sửa cơ quan và giải pháp theo địa phương.",
    clearHighlight: "Bỏ tô màu",
    clearHighlightDescription: "Bỏ màu nền mà phần bổ trợ đã tô cho các tiêu chí chưa đạt.",
    undo: "Hoàn tác",
    undoDescription: "Hoàn tác thay đổi gần nhất mà phần bổ trợ đã làm.",

    issuesHeading: (n) => `Vấn đề trong bảng (${n})`,
    catalogueHeading: (n) => `Danh mục riêng của đơn vị: ${n} dòng bị bỏ qua`,

    doEverything: "Làm tất cả",
    doEverythingDescription:
      "Tính lại, điền cơ quan và giải pháp, tô màu tiêu chí chưa đạt và lập kế hoạch khắc phục trong một lần; hoàn tác được cả một lần.",
    planDocx: "Soạn kế hoạch (.docx)",
    planDocxDescription:
      "Tải xuống dự thảo văn bản kế hoạch khắc phục (Word) soạn từ bảng và trang «Kế hoạch khắc phục».",
    planDocxDone: (name) => `Đã soạn «${name}»; tệp nằm trong thư mục Tải xuống.`,
    planDocxBlocked:
      "Excel trên máy Mac có thể chặn tải tệp từ ngăn tác vụ. Nếu không thấy tệp, hãy mở sổ làm việc trong trang thử nghiệm và soạn kế hoạch ở đó.",
    unitLabel: "Cấp đơn vị (cơ quan trong danh mục)",
    unitAuto: "Theo tiêu đề bảng",
    unitSource: (how) =>
      how === "explicit"
        ? "Đã chọn cho sổ làm việc này; lưu trong tệp."
        : how === "detected"
          ? "Nhận ra từ tiêu đề phía trên bảng."
          : "Tiêu đề không nêu cấp đơn vị: dùng danh mục cấp huyện.",
    legacyHeading: (encoding) => `Trang tính gõ bằng bảng mã cũ (${encoding})`,
    legacyBody:
      "Tên tiêu chí đã được đọc đúng. Chuyển sang Unicode để chữ hiển thị đúng trên mọi máy; có thể hoàn tác.",
    convertUnicode: "Chuyển sang Unicode",
    convertUnicodeDescription:
      "Chuyển chữ của các ô trên trang tính sang Unicode và đổi phông chữ sang Times New Roman, trong một lần có thể hoàn tác.",
    tabs: { overview: "Tổng quan", unmet: "Chưa đạt", compare: "So sánh", actions: "Thao tác" },
    tabsLabel: "Các phần của bảng điều khiển",
    confirmTitle: "Trước khi thực hiện",
    confirmYes: "Đồng ý",
    confirmNo: "Hủy",
    dontAskAgain: "Không hỏi lại với sổ làm việc này",
    openPlanSheet: "Mở trang Kế hoạch",
    openSheet: (sheet) => `Mở trang «${sheet}»`,
    goToColumns: (letters) => `Đến cột vừa chèn (${letters})`,
    undoEntry: (label) => `Hoàn tác: ${label}`,
    undoListHeading: "Hoàn tác",
    undoListHint: "Thao tác mới nhất ở trên cùng. Hoàn tác một thao tác cũng hoàn tác các thao tác sau nó.",
    undoListEmpty: "Chưa có thao tác nào để hoàn tác.",
    warningsHeading: (n) => `Cần kiểm tra trong bảng (${n})`,
    replaceTotal: "Thay tổng điểm bằng công thức",
    replaceTotalDescription:
      "Thay dòng tổng điểm ghi trong bảng bằng công thức cộng điểm các lĩnh vực. Có thể hoàn tác.",
    stepPreview: "Đang đọc bảng…",
    stepWriting: "Đang tính và ghi vào bảng…",
    steps: stepWords("vi"),
    sortLabel: "Sắp xếp",
    sortByGap: "Theo điểm thiếu",
    sortByCode: "Theo mã tiêu chí",
    unmetListLabel: "Danh sách tiêu chí chưa đạt; dùng phím mũi tên để di chuyển, Enter để đến dòng",
    domainGroup: (code, name) => `Lĩnh vực ${code}. ${name}`,
    compareHeading: "So sánh với năm trước",
    compareNotYet: "So sánh với năm trước chưa có ở đây.",
    compareNoSheet: "Sổ làm việc chỉ có một bảng. Hãy chép trang kết quả năm trước vào sổ này để so sánh.",
    compareHint: "Chọn trang kết quả năm trước (trang có năm trước trong tên hoặc tiêu đề được chọn sẵn).",
    compareSheetLabel: "Trang năm trước",
    compareButton: "So sánh",
    compareTotal: (sheet, before, after, delta) =>
      `Tổng điểm: ${before} («${sheet}») → ${after} (năm nay), chênh lệch ${delta}.`,
    compareLists: {
      improved: (n) => `Tăng điểm (${n})`,
      regressed: (n) => `Giảm điểm (${n})`,
      newlyUnmet: (n) => `Năm nay mới chưa đạt (${n})`,
      stillUnmet: (n) => `Vẫn chưa đạt (${n})`,
    },

    appraisalHeading: "Tự đánh giá và thẩm định",
    selfTotalLabel: "Tự đánh giá",
    appraisedTotalLabel: "Thẩm định",
    appraisalDiffLabel: "Chênh lệch",
    appraisalDiffNote: "Chênh lệch = điểm tự đánh giá − điểm thẩm định. Điểm thẩm định là điểm đạt.",
    appraisalBeforeAdjustments: "Tổng của các lĩnh vực, chưa tính điểm thưởng, điểm trừ.",
    cutHeading: (n) => `Bị trừ khi thẩm định (${n})`,
    cutHint: "Trừ nhiều nhất ở trên cùng. Chọn một tiêu chí để đến dòng đó.",
    cutLine: (self, appraised) => `Tự đánh giá ${self} → thẩm định ${appraised}`,
    cutBy: (cut) => `bị trừ ${cut}`,
    noCuts: "Thẩm định không trừ điểm tiêu chí nào.",
    notAppraisedHeading: (n) => `Chưa thẩm định (${n})`,
    notAppraisedHint: "Các tiêu chí này chưa có điểm thẩm định: điểm tự đánh giá được tính.",
    notAppraisedLine: (self) => `tính điểm tự đánh giá ${self}`,
    adjustHeading: "Điểm thưởng, điểm trừ",
    bonusLabel: "Điểm thưởng",
    penaltyLabel: "Điểm trừ",
    finalLabel: "Điểm cuối cùng",
    adjustInside: (total, domains, bonus, penalty) =>
      `Đã tính trong tổng điểm: ${total} = ${domains} (các lĩnh vực) + ${bonus} − ${penalty}.`,
    adjustAfter: (final, total, bonus, penalty) =>
      `Cộng, trừ sau tổng điểm: điểm cuối cùng ${final} = ${total} (tổng điểm) + ${bonus} − ${penalty}.`,

    loadingOffice: LOADING.vi,
    ribbonFailed: "Nút «Tính lại» trên dải lệnh chưa thực hiện được",
    dismiss: "Đóng thông báo",
  },
  en: {
    title: PANE_TITLE,
    outsideExcelBadge: "Playground, outside Excel",
    languageGroup: "Language",
    languageNames: { vi: "Tiếng Việt", en: "English" },
    switchTo: (name) => `Show in ${name}`,

    recalc: "Recalculate",
    recalcDescription: "Recalculate the gaps and percentages and highlight the unmet criteria in the sheet.",
    working: "Working…",
    reading: "Reading the criteria table…",
    followedSheet: (sheet) => `Updated for the open sheet «${sheet}».`,
    summaryOfSheet: (sheet) => `The overview below is still that of sheet «${sheet}».`,

    summaryHeading: (sheet) => `Overview: sheet «${sheet}»`,
    scoreLabel: "Score / max",
    percentLabel: "Achieved",
    unmetLabel: "Unmet criteria",
    missingLabel: "Points missing",
    maxLabel: "Max score",
    points: (score) => `${score} points`,
    statedHeading: "Values in the table differ from the recalculation",
    statedFixedHeading: "Corrected by the recalculation",
    statedFixedNote: "These cells are now formulas that match the recalculation.",

    chartHeading: "By domain",
    chartTitle: "Score achieved against the max score of each domain; the red part is the points missing.",
    chartBar: (code, name, achieved, max, gap) =>
      `Domain ${code}, ${name}: ${achieved} of ${max} points, ${gap} missing.`,
    legendAchieved: "Achieved",
    legendGap: "Missing",

    unmetHeading: (n) => `Unmet criteria (${n})`,
    unmetHint: (inExcel) =>
      inExcel
        ? "Largest gap first. Select a criterion to go to its row in Excel."
        : "Largest gap first. Select a criterion to go to its row in the grid.",
    noUnmet: "Every criterion has its full score.",
    gapShort: (gap) => `${gap} missing`,
    status: { zero: "no points", partial: "partly met", unscored: "not scored", met: "met" },
    lead: "Lead",
    criterionLabel: ({ code, name, gap, status, lead, row }) =>
      `${code} ${name}: ${gap} points missing, ${status}${lead ? `; lead: ${lead}` : ""}. Select row ${row}.`,

    actionsHeading: "Actions",
    assign: "Insert agencies and solutions",
    assignDescription: "Insert the lead agency, implementers and tasks columns for the unmet criteria.",
    plan: "Create the remediation plan",
    planDescription: "Create or update the «Kế hoạch khắc phục» (remediation plan) sheet.",
    exportCatalogue: "Write the solutions catalogue",
    exportCatalogueDescription:
      "Write the «Danh mục giải pháp» sheet so agencies and solutions can be adapted locally.",
    clearHighlight: "Clear highlights",
    clearHighlightDescription: "Remove the fills the add-in gave the unmet criteria.",
    undo: "Undo",
    undoDescription: "Undo the add-in's last change.",

    issuesHeading: (n) => `Problems in the table (${n})`,
    catalogueHeading: (n) => `Your own catalogue: ${n} rows skipped`,

    doEverything: "Do everything",
    doEverythingDescription:
      "Recalculate, insert agencies and solutions, highlight the unmet criteria and create the remediation plan in one go; undone in one go too.",
    planDocx: "Draft the plan (.docx)",
    planDocxDescription:
      "Download a draft remediation plan document (Word) made from the table and the «Kế hoạch khắc phục» sheet.",
    planDocxDone: (name) => `Drafted «${name}»; the file is in your Downloads folder.`,
    planDocxBlocked:
      "Excel on Mac may block downloads from the task pane. If no file appears, open the workbook in the playground and draft the plan there.",
    unitLabel: "Unit level (offices in the catalogue)",
    unitAuto: "From the table's titles",
    unitSource: (how) =>
      how === "explicit"
        ? "Chosen for this workbook; saved in the file."
        : how === "detected"
          ? "Recognised from the titles above the table."
          : "The titles name no unit level: the district catalogue is used.",
    legacyHeading: (encoding) => `This sheet is typed in a legacy encoding (${encoding})`,
    legacyBody:
      "The criteria names were read correctly. Convert to Unicode so the text shows right on every computer; it can be undone.",
    convertUnicode: "Convert to Unicode",
    convertUnicodeDescription:
      "Converts the sheet's text cells to Unicode and switches their font to Times New Roman, as one change you can undo.",
    tabs: { overview: "Overview", unmet: "Unmet", compare: "Compare", actions: "Actions" },
    tabsLabel: "Parts of the panel",
    confirmTitle: "Before it runs",
    confirmYes: "Confirm",
    confirmNo: "Cancel",
    dontAskAgain: "Don't ask again for this workbook",
    openPlanSheet: "Open the plan sheet",
    openSheet: (sheet) => `Open the sheet «${sheet}»`,
    goToColumns: (letters) => `Go to the inserted columns (${letters})`,
    undoEntry: (label) => `Undo: ${label}`,
    undoListHeading: "Undo",
    undoListHint: "Newest first. Undoing an action also undoes every action after it.",
    undoListEmpty: "Nothing to undo yet.",
    warningsHeading: (n) => `To check in the table (${n})`,
    replaceTotal: "Replace the stated total with formulas",
    replaceTotalDescription:
      "Replace the total row stated in the table with formulas that add up the domains. Can be undone.",
    stepPreview: "Reading the table…",
    stepWriting: "Calculating and writing to the table…",
    steps: stepWords("en"),
    sortLabel: "Sort",
    sortByGap: "By points missing",
    sortByCode: "By criterion code",
    unmetListLabel: "Unmet criteria; use the arrow keys to move, Enter to go to the row",
    domainGroup: (code, name) => `Domain ${code}. ${name}`,
    compareHeading: "Compare with last year",
    compareNotYet: "Comparing with last year is not available here.",
    compareNoSheet: "The workbook holds one table only. Copy last year's results sheet into it to compare.",
    compareHint:
      "Choose last year's results sheet (one naming last year in its name or title is chosen for you).",
    compareSheetLabel: "Last year's sheet",
    compareButton: "Compare",
    compareTotal: (sheet, before, after, delta) =>
      `Total score: ${before} («${sheet}») → ${after} (this year), difference ${delta}.`,
    compareLists: {
      improved: (n) => `Improved (${n})`,
      regressed: (n) => `Regressed (${n})`,
      newlyUnmet: (n) => `Unmet this year, met last year (${n})`,
      stillUnmet: (n) => `Still unmet (${n})`,
    },

    appraisalHeading: "Self-assessed and appraised",
    selfTotalLabel: "Self-assessed",
    appraisedTotalLabel: "Appraised",
    appraisalDiffLabel: "Difference",
    appraisalDiffNote: "Difference = self-assessed − appraised. The appraised score is the score achieved.",
    appraisalBeforeAdjustments: "Sum of the domains, before bonus and penalty points.",
    cutHeading: (n) => `Cut at appraisal (${n})`,
    cutHint: "Largest cut first. Select a criterion to go to its row.",
    cutLine: (self, appraised) => `Self-assessed ${self} → appraised ${appraised}`,
    cutBy: (cut) => `cut ${cut}`,
    noCuts: "The appraisal cut no criterion.",
    notAppraisedHeading: (n) => `Not yet appraised (${n})`,
    notAppraisedHint: "These criteria have no appraised score yet: their self-assessed score counts.",
    notAppraisedLine: (self) => `self-assessed ${self} counts`,
    adjustHeading: "Bonus and penalty points",
    bonusLabel: "Bonus",
    penaltyLabel: "Penalty",
    finalLabel: "Final score",
    adjustInside: (total, domains, bonus, penalty) =>
      `Counted in the total: ${total} = ${domains} (domains) + ${bonus} − ${penalty}.`,
    adjustAfter: (final, total, bonus, penalty) =>
      `Added after the total: final score ${final} = ${total} (total) + ${bonus} − ${penalty}.`,

    loadingOffice: LOADING.en,
    ribbonFailed: "The ribbon's Recalculate button could not finish",
    dismiss: "Dismiss",
  },
};

export { OUTSIDE_OFFICE, PLAYGROUND_URL } from "./firstScreenText";
