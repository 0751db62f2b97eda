/**
 * The .docx renderPlanDocx writes, read back as XML: A4 (w:pgSz 11906 × 16838), Times New Roman, the decree's
 * margins, a PAGE field in the header from page 2, header rows that repeat, a borderless header block, and
 * every unmet criterion, agency and appendix row in the text.
 */
import JSZip from "jszip";
import { buildPlanDocument, renderPlanDocx, LAYOUT } from "../../src/document";
import { seedComparison, seedInput } from "./fixture";

const TWIPS_PER_MM = 1440 / 25.4;

async function parts(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const read = (name: string) => zip.file(name)!.async("string");
  const headers = await Promise.all(
    Object.keys(zip.files)
      .filter((n) => /^word\/header\d+\.xml$/.test(n))
      .map(read),
  );
  return { document: await read("word/document.xml"), styles: await read("word/styles.xml"), headers, zip };
}

/** The document's text: every w:t, XML entities decoded. */
function text(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1])
    .join("")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

describe("renderPlanDocx on the seed's plan", () => {
  const input = seedInput({ comparison: seedComparison() });
  let xml: Awaited<ReturnType<typeof parts>>;
  let bytes: Uint8Array;

  beforeAll(async () => {
    bytes = await renderPlanDocx(buildPlanDocument(input));
    xml = await parts(bytes);
  });

  test("a zip (PK) with the Word parts", () => {
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]);
    expect(xml.zip.file("[Content_Types].xml")).not.toBeNull();
  });

  test("A4 portrait for the plan, A4 landscape for the appendix", () => {
    const sizes = [...xml.document.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((m) => m[1]);
    expect(sizes).toHaveLength(2);
    expect(sizes[0]).toMatch(/w:w="11906" w:h="16838" w:orient="portrait"/);
    expect(sizes[1]).toMatch(/w:w="16838" w:h="11906" w:orient="landscape"/);
  });

  test("margins within the decree's ranges: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm", () => {
    const margins = [...xml.document.matchAll(/<w:pgMar ([^>]*)\/>/g)].map((m) =>
      Object.fromEntries(
        [...m[1].matchAll(/w:(\w+)="(\d+)"/g)].map((a) => [a[1], Number(a[2]) / TWIPS_PER_MM]),
      ),
    );
    expect(margins).toHaveLength(2);
    for (const m of margins) {
      for (const side of ["top", "bottom"]) expect(m[side]).toBeGreaterThanOrEqual(20);
      for (const side of ["top", "bottom"]) expect(m[side]).toBeLessThanOrEqual(25);
      expect(m.left).toBeGreaterThanOrEqual(30);
      expect(m.left).toBeLessThanOrEqual(35);
      expect(m.right).toBeGreaterThanOrEqual(15);
      expect(m.right).toBeLessThanOrEqual(20);
    }
    expect(xml.document).toContain('w:top="1134"');
    expect(xml.document).toContain('w:left="1701"');
  });

  test("Times New Roman 14 pt by default; tables 12 pt", () => {
    expect(xml.styles).toMatch(
      /<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/><w:sz w:val="28"\/>/,
    );
    expect(LAYOUT.size.body).toBe(28);
    // No other font anywhere in the body.
    const fonts = new Set([...xml.document.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts].filter((f) => f !== "Times New Roman")).toEqual([]);
    expect(xml.document).toContain('<w:sz w:val="24"/>');
  });

  test("page numbers: a PAGE field in the header, none on the first page", () => {
    const withPage = xml.headers.filter((h) => /<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/.test(h));
    expect(withPage.length).toBeGreaterThanOrEqual(1);
    expect(xml.headers.some((h) => !h.includes("PAGE"))).toBe(true);
    expect(xml.document).toMatch(/<w:headerReference w:type="first"/);
    expect(xml.document).toContain("<w:titlePg/>");
  });

  test("the results and appendix tables repeat their header row; the header block has no borders", () => {
    const tables = xml.document.split("<w:tbl>").slice(1);
    expect(tables).toHaveLength(4); // header block, §II results, Nơi nhận/signature, appendix
    const repeated = tables.filter((t) => /<w:trPr>(?:<w:cantSplit\/>)?<w:tblHeader\/><\/w:trPr>/.test(t));
    expect(repeated).toHaveLength(2);
    expect(repeated[0]).toContain("Lĩnh vực/tiêu chí/tiêu chí thành phần");
    expect(repeated[1]).toContain("Cơ quan thực hiện");
    expect(tables[0]).toMatch(/<w:tblBorders><w:top w:val="none"/);
    expect(tables[0]).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(tables[0]).toContain("ỦY BAN NHÂN DÂN");
  });

  test("headings are bold", () => {
    for (const h of [
      "I. MỤC ĐÍCH, YÊU CẦU",
      "II. KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023",
      "IV. TỔ CHỨC THỰC HIỆN",
    ])
      expect(xml.document).toMatch(
        new RegExp(`<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">${h}</w:t>`),
      );
  });

  test("the text holds every section, 84,87/99,50, each criterion with its agencies and tasks, the appendix", () => {
    const t = text(xml.document);
    for (const s of [
      "KẾ HOẠCH",
      "Số:      /KH-UBND",
      "Bắc Sơn, ngày      tháng      năm 2024",
      "I. MỤC ĐÍCH, YÊU CẦU",
      "III. NHIỆM VỤ, GIẢI PHÁP DUY TRÌ, NÂNG CAO CHỈ SỐ PAR INDEX",
      "84,87/99,50",
      "So với năm 2022, tổng điểm tăng 1,25 điểm",
      "Nơi nhận:",
      "PHỤ LỤC",
      "Phùng Thị Thanh Nga",
    ])
      expect(t).toContain(s);
    for (const d of input.domains)
      for (const c of d.criteria) {
        expect(t).toContain(c.lead);
        expect(t).toContain(c.implementers);
        for (const task of c.tasks) expect(t).toContain(task.slice(1));
      }
    for (const row of input.tasks) expect(t).toContain(row.task);
  });
});
