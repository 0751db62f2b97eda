/**
 * The sample table: Bắc Sơn district's PAR INDEX 2023 results (§II of its 2024 plan), transcribed as
 * the document gives it: numbers as decimal-comma text, the header repeated where the table breaks
 * across pages, a wrapped criterion name continued on a row with no code, domain rows that list only
 * the unmet criteria. Pure data, used by the playground, the tests and the benchmarks.
 */
import type { SheetSnapshot, WorkbookSnapshot } from "./types";

export const SAMPLE_TITLE = "Chỉ số cải cách hành chính (PAR INDEX) năm 2023 - huyện Bắc Sơn";
export const SAMPLE_SHEET = "PAR INDEX 2023";

/** Header, rows, repeated header, continuation row and total row, cell by cell. */
export const SAMPLE_ROWS: readonly (readonly string[])[] = [
  [
    "TT",
    "Lĩnh vực/tiêu chí/tiêu chí thành phần",
    "Điểm tối đa",
    "Điểm đạt được",
    "Chưa đạt so với điểm tối đa",
    "Nguyên nhân chưa đạt điểm",
  ],
  ["1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "10,00", "9,50", "0,50", ""],
  [
    "1.6.2",
    "Xử lý đề xuất, kiến nghị của người dân, doanh nghiệp tại các cuộc đối thoại",
    "0,50",
    "0,00",
    "0,50",
    "Còn 11 ý kiến sẽ được giải quyết chiếm 37,9 %",
  ],
  ["2", "CẢI CÁCH THỂ CHẾ", "7,00", "7,00", "0,00", ""],
  ["3", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "16,00", "15,75", "0,25", ""],
  [
    "3.5.3",
    "Tiến độ giải quyết TTHC của UBND cấp xã trên Cổng Dịch vụ công quốc gia",
    "0,50",
    "0,25",
    "0,25",
    "Có UBND cấp xã đạt tỷ lệ hồ sơ xử lý trước hạn, trong hạn từ 80%-dưới 90% (xã Nhất Tiến đạt 84,59%)",
  ],
  ["4", "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH", "9,50", "7,83", "1,67", ""],
  [
    "4.2",
    "Tỷ lệ giảm đơn vị sự nghiệp so với năm 2021",
    "2,00",
    "0,33",
    "1,67",
    "Chưa đạt 10% giảm đơn vị sự nghiệp (năm 2023 giảm 01 đơn vị sự nghiệp công lập so với năm 2021)",
  ],
  ["5", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", "11,50", "11,50", "0,00", ""],
  ["6", "CẢI CÁCH TÀI CHÍNH CÔNG", "8,50", "4,00", "4,50", ""],
  [
    "6.1.2",
    "Thực hiện quy định về sử dụng kinh phí từ nguồn ngân sách nhà nước",
    "0,50",
    "0,00",
    "0,50",
    "Có sai phạm phát hiện qua thanh tra",
  ],
  [
    "6.1.4",
    "Tổ chức thực hiện các kiến nghị sau thanh tra, kiểm tra, kiểm toán nhà nước về tài chính, ngân sách",
    "1,50",
    "0,50",
    "1,00",
    "Thực hiện đạt từ 70% - dưới 90% số tiền nộp NSNN theo kiến nghị",
  ],
  [
    "6.2.3",
    "Thực hiện cơ chế tự chủ về sử dụng kinh phí quản lý hành chính tại cơ quan hành chính các cấp ở địa phương",
    "0,50",
    "0,00",
    "0,50",
    "Có sai phạm về sử dụng kinh phí quản lý hành chính được phát hiện trong năm đánh giá",
  ],
  [
    "6.3.1",
    "Số đơn vị SNCL tự đảm bảo chi thường xuyên hoặc tự đảm bảo một phần chi thường xuyên",
    "1,00",
    "0,00",
    "1,00",
    "Trong năm 2023 không có thêm đơn vị SNCL tự bảo đảm chi thường xuyên hoặc tự bảo đảm một phần chi thường xuyên",
  ],
  [
    "6.3.2",
    "Thực hiện quy định về sử dụng các nguồn tài chính và phân phối kết quả tài chính tại các đơn vị SNCL",
    "0,50",
    "0,00",
    "0,50",
    "Có sai phạm được phát hiện trong năm đánh giá",
  ],
  [
    "6.4",
    "Thực hiện tiết kiệm kinh phí (đối với cơ quan hành chính và đơn vị sự nghiệp trực thuộc) được phân bổ",
    "1,00",
    "0,00",
    "1,00",
    "Không có đơn vị tiết kiệm trong năm đánh giá",
  ],
  ["", "", "", "", "", ""],
  [
    "TT",
    "Lĩnh vực/tiêu chí/tiêu chí thành phần",
    "Điểm tối đa",
    "Điểm đạt được",
    "Chưa đạt so với điểm tối đa",
    "Nguyên nhân chưa đạt điểm",
  ],
  ["", "để thực hiện tự chủ tài chính", "", "", "", ""],
  ["7", "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ", "10,00", "5,90", "4,10", ""],
  ["7.2", "Tỷ lệ hồ sơ trực tuyến toàn trình", "1,00", "0,88", "0,12", ""],
  [
    "7.3.1",
    "Cập nhật hồ sơ giải quyết TTHC cấp huyện vào Hệ thống phần mềm một cửa điện tử, dịch vụ công trực tuyến",
    "1,00",
    "0,00",
    "1,00",
    "- Cấp huyện có 268 hồ sơ trễ hẹn trên hệ thống; - Cấp xã có 84 hồ sơ trễ hẹn trên hệ thống. Do vậy, chưa cập nhật đầy đủ.",
  ],
  [
    "7.3.2",
    "Cập nhật hồ sơ giải quyết TTHC cấp xã vào Hệ thống phần mềm một cửa điện tử, dịch vụ công trực tuyến",
    "1,00",
    "0,00",
    "1,00",
    "",
  ],
  [
    "7.6.1",
    "Tỷ lệ TTHC được triển khai thanh toán trực tuyến",
    "1,00",
    "0,72",
    "0,28",
    "Chưa đạt tỷ lệ theo quy định",
  ],
  ["7.6.2", "Tỷ lệ TTHC có phát sinh giao dịch thanh toán trực tuyến", "1,00", "0,16", "0,84", ""],
  ["7.6.3", "Tỷ lệ hồ sơ thanh toán trực tuyến", "1,00", "0,14", "0,86", ""],
  ["8", "TÁC ĐỘNG CỦA CCHC ĐẾN PHÁT TRIỂN KT-XH CỦA HUYỆN", "7,00", "4,78", "2,22", ""],
  [
    "8.1.1",
    "Số lượng doanh nghiệp gia nhập và tái gia nhập thị trường",
    "1,00",
    "0,00",
    "1,00",
    "Không tăng so với năm 2022",
  ],
  ["8.1.2", "Số vốn đăng ký của doanh nghiệp", "1,00", "0,00", "1,00", "Không tăng so với năm 2022"],
  [
    "8.3",
    "Mức độ thực hiện các chỉ tiêu phát triển KT-XH do HĐND cấp huyện giao",
    "2,00",
    "1,78",
    "0,22",
    "Chưa hoàn thành vượt các chỉ tiêu phát triển KT-XH do HĐND cấp huyện giao",
  ],
  ["9", "KẾT QUẢ ĐO LƯỜNG HÀI LÒNG CỦA NGƯỜI DÂN, TỔ CHỨC", "20,00", "18,61", "1,39", ""],
  ["", "TỔNG ĐIỂM", "99,50", "84,87", "14,63", ""],
];

/** The sample as a sheet: a title in A1, a blank row, the table from A3. */
export function sampleSheet(): SheetSnapshot {
  const values = [
    [SAMPLE_TITLE, null, null, null, null, null],
    [null, null, null, null, null, null],
  ].concat(SAMPLE_ROWS.map((r) => r.map((v) => (v === "" ? null : v)))) as (string | null)[][];
  const bold = values.map((r, i) =>
    r.map(() => i === 0 || (i >= 2 && /^(TT|\d+)$/.test(String(r[0] ?? "")) && !String(r[0]).includes("."))),
  );
  return { name: SAMPLE_SHEET, top: 0, left: 0, values, bold };
}

export function sampleWorkbook(): WorkbookSnapshot {
  return { active: sampleSheet(), sheetNames: [SAMPLE_SHEET] };
}
