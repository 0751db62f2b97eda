/**
 * LibreOffice Writer opens the .docx renderPlanDocx writes and prints it to PDF; the PDF's text must hold the
 * header block, every section, the seed's numbers, every unmet criterion with its agencies and tasks, the
 * appendix rows and "Nơi nhận", on A4 pages, set in Times New Roman (or Liberation Serif, its metric twin,
 * where Times is not installed). .ci/run installs Writer; without it (a developer's machine) this is skipped.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildPlanDocument, renderPlanDocx } from "../../src/document";
import { describeWithWriter, libreOffice, pdfText } from "../support/libreoffice";
import { seedComparison, seedInput } from "./fixture";

/** Text compared as words: pdftotext drops a hyphen that ends a line and breaks lines anywhere. */
const words = (s: string) => s.normalize("NFC").replace(/[-–]/g, " ").replace(/\s+/g, " ").trim();

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describeWithWriter("LibreOffice Writer renders the plan document", () => {
  jest.setTimeout(240_000);
  const input = seedInput({ comparison: seedComparison() });
  const dir = mkdtempSync(join(tmpdir(), "par-doc-"));
  let pdf: string;
  let text: string;

  beforeAll(async () => {
    const docx = join(dir, "plan.docx");
    writeFileSync(docx, await renderPlanDocx(buildPlanDocument(input)));
    libreOffice(dir).convert([docx], "pdf");
    pdf = join(dir, "plan.pdf");
    if (!existsSync(pdf)) throw new Error("LibreOffice produced no PDF");
    text = words(pdfText(pdf));
  });

  test("A4 pages, portrait then the landscape appendix", () => {
    const info = execFileSync("pdfinfo", ["-f", "1", "-l", "999", pdf], { encoding: "utf8" });
    const sizes = [...info.matchAll(/Page +\d+ size: +([\d.]+) x ([\d.]+) pts/g)].map((m) => [
      Math.round(Number(m[1])),
      Math.round(Number(m[2])),
    ]);
    expect(sizes.length).toBeGreaterThan(5);
    expect(sizes[0]).toEqual([595, 842]);
    expect(sizes.at(-1)).toEqual([842, 595]);
    for (const s of sizes) expect([s[0], s[1]].sort()).toEqual([595, 842]);
  });

  test("set in Times New Roman (or its metric twin Liberation Serif), nothing else", () => {
    const fonts = execFileSync("pdffonts", [pdf], { encoding: "utf8" })
      .split("\n")
      .slice(2)
      .filter((l) => l.trim() !== "")
      .map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ""));
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/^(TimesNewRoman|Times-|LiberationSerif)/);
  });

  test("the header block, the title and every section heading", () => {
    for (const s of [
      "UBND TỈNH LẠNG SƠN",
      "ỦY BAN NHÂN DÂN HUYỆN BẮC SƠN",
      "Số: /KH-UBND",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Bắc Sơn, ngày tháng năm 2024",
      "KẾ HOẠCH",
      "Nâng cao Chỉ số cải cách hành chính (PAR INDEX) huyện Bắc Sơn năm 2024",
      "Căn cứ Quyết định số 1926/QĐ-UBND",
      "I. MỤC ĐÍCH, YÊU CẦU",
      "1. Mục đích",
      "2. Yêu cầu",
      "II. KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023",
      "III. NHIỆM VỤ, GIẢI PHÁP DUY TRÌ, NÂNG CAO CHỈ SỐ PAR INDEX",
      "1. Giải pháp chung",
      "2. Tập trung khắc phục những tồn tại, hạn chế",
      "IV. TỔ CHỨC THỰC HIỆN",
      "Nơi nhận:",
      "Sở Nội vụ;",
      "Lưu: VT.",
      "TM. ỦY BAN NHÂN DÂN",
      "CHỦ TỊCH",
      "Phùng Thị Thanh Nga",
      "PHỤ LỤC",
    ])
      expect(text).toContain(words(s));
  });

  test("§II: 84,87 of 99,50 points, the total row and the comparison", () => {
    expect(text).toContain("đạt 84,87/99,50 điểm, chỉ số đạt 85,30%");
    expect(text).toContain("TỔNG ĐIỂM 99,50 84,87 14,63");
    expect(text).toContain(words("So với năm 2022, tổng điểm tăng 1,25 điểm (từ 83,62 lên 84,87 điểm)."));
  });

  test("§III: every unmet criterion with its agencies and tasks", () => {
    for (const d of input.domains)
      for (const c of d.criteria) {
        if (c.code !== d.code)
          expect(text).toMatch(new RegExp(`Tiêu chí [0-9. ;]*${c.code.replace(/\./g, "\\.")}`));
        expect(text).toContain(words(`Cơ quan chủ trì tham mưu: ${c.lead}.`));
        expect(text).toContain(words(`Cơ quan thực hiện: ${c.implementers}.`));
        for (const t of c.tasks) expect(text.toLowerCase()).toContain(words(t).toLowerCase());
      }
  });

  test("the appendix: every task row, the header row repeated on each of its pages", () => {
    // Row by row, each row's cells in order: TT, criterion, task, lead, implementers, deadline, status.
    input.tasks.forEach((r, i) =>
      expect(text).toContain(
        words([i + 1, r.criterion, r.task, r.lead, r.implementers, r.deadline, r.status].join(" ")),
      ),
    );
    const appendix = text.slice(text.indexOf("PHỤ LỤC"));
    expect(count(appendix, "Cơ quan chủ trì Cơ quan thực hiện Thời hạn Tình trạng")).toBeGreaterThanOrEqual(
      2,
    );
    expect(count(appendix, "Chưa thực hiện")).toBe(input.tasks.length);
    // The §II table spans two pages: its header row is printed again.
    expect(count(text, "Nguyên nhân chưa đạt điểm")).toBeGreaterThanOrEqual(2);
  });
});
