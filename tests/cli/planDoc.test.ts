/**
 * `plan-doc` and `compare` (issue 12): the seed → a .docx whose text (LibreOffice Writer) has 84,87 / 99,50
 * and the 19 unmet criteria; the user's edits in the sheet win over the catalogue; the plan sheet's
 * deadlines reach the appendix; a previous-year fixture gives the expected improved / regressed lists.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { describeWithWriter, libreOffice, pdfText } from "../support/libreoffice";
import { memoryIo, readXlsx, seedXlsx } from "./fixtures";

type Files = Record<string, Uint8Array | string>;

const run = async (argv: string[], files: Files) => {
  const { io, out } = memoryIo(files);
  const code = await main(argv, io);
  return { code, ...out };
};

/** The seed with other scores achieved (column D) for some codes, and another title. */
async function withAchieved(scores: Record<string, string>, title: string): Promise<Uint8Array> {
  const wb = await readXlsx(await seedXlsx());
  const ws = wb.worksheets[0];
  ws.getCell("A1").value = title;
  ws.eachRow((row) => {
    const code = String(row.getCell(1).value ?? "");
    if (code in scores) row.getCell(4).value = scores[code];
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const docxText = async (bytes: Uint8Array) =>
  (await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string"))
    .replace(/<w:tab\/>/g, " ")
    .replace(/<[^>]+>/g, "");

const UNMET = JSON.parse(
  '["1.6.2","3.5.3","4.2","6.1.2","6.1.4","6.2.3","6.3.1","6.3.2","6.4","7.2","7.3.1","7.3.2","7.6.1","7.6.2","7.6.3","8.1.1","8.1.2","8.3","9"]',
) as string[];

describe("compare", () => {
  let files: Files;
  beforeAll(async () => {
    files = {
      "2022.xlsx": await withAchieved(
        { "1.6.2": "0,50", "4.2": "0,00", "2": "6,00" },
        "Chỉ số cải cách hành chính (PAR INDEX) năm 2022 - huyện Bắc Sơn",
      ),
      "2023.xlsx": await seedXlsx(),
    };
  });

  test("--json: the contract's shape; improved, regressed and newly unmet as the fixture says", async () => {
    const r = await run(["compare", "2022.xlsx", "2023.xlsx", "--json"], files);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(["total", "rows"]);
    expect(Object.keys(j.rows[0])).toEqual(["code", "name", "before", "after", "delta", "trend"]);
    const codes = (trend: string) =>
      j.rows.filter((x: { trend: string }) => x.trend === trend).map((x: { code: string }) => x.code);
    expect(codes("improved")).toEqual(["2", "4.2"]);
    expect(codes("regressed")).toEqual(["1.6.2"]);
    expect(j.rows.find((x: { code: string }) => x.code === "4.2")).toMatchObject({
      before: { max: 2, achieved: 0 },
      after: { max: 2, achieved: 0.33 },
      delta: 0.33,
    });
  });

  test("text: the lists called out; --csv writes the rows", async () => {
    const r = await run(["compare", "2022.xlsx", "2023.xlsx", "--lang", "en"], files);
    expect(r.stdout).toContain("Improved (2): 2, 4.2");
    expect(r.stdout).toContain("Regressed (1): 1.6.2");
    expect(r.stdout).toMatch(/Newly unmet \(1\): 1\.6\.2/);
    expect(r.stdout).toMatch(/Still unmet \(\d+\): .*4\.2/);
    const c = await run(["compare", "2022.xlsx", "2023.xlsx", "--csv", "so-sanh.csv"], files);
    expect(c.code).toBe(0);
    expect(String(files["so-sanh.csv"])).toContain("4.2;");
    expect(c.stderr).toContain("Đã ghi tệp so-sanh.csv");
  });
});

describe("plan-doc", () => {
  test("the user's agency edit and the plan sheet's deadline reach the document; --previous adds §II's comparison", async () => {
    const files: Files = { "in.xlsx": await seedXlsx() };
    expect((await run(["apply", "in.xlsx", "-o", "ra.xlsx"], files)).code).toBe(0);
    const wb = await readXlsx(files["ra.xlsx"] as Uint8Array);
    const ws = wb.getWorksheet("Kết quả 2023")!;
    expect(ws.getCell("A10").value).toBe("4.2");
    ws.getCell("H10").value = "Tổ công tác CCHC của huyện";
    const plan = wb.getWorksheet("Kế hoạch khắc phục")!;
    let deadlineCol = 0;
    let header = 0;
    plan.eachRow((row, n) =>
      row.eachCell((c, col) => {
        if (c.value === "Thời hạn") [deadlineCol, header] = [col, n];
      }),
    );
    expect(deadlineCol).toBeGreaterThan(0);
    plan.getCell(header + 1, deadlineCol).value = "15/3/2024";
    files["sua.xlsx"] = new Uint8Array(await wb.xlsx.writeBuffer());
    files["2022.xlsx"] = await withAchieved({ "4.2": "0,00" }, "PAR INDEX năm 2022 - huyện Bắc Sơn");

    const r = await run(["plan-doc", "sua.xlsx", "-o", "ke-hoach.docx", "--previous", "2022.xlsx"], files);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("Đã ghi tệp ke-hoach.docx");
    const text = await docxText(files["ke-hoach.docx"] as Uint8Array);
    expect(text).toContain("Tổ công tác CCHC của huyện");
    expect(text).toContain("15/3/2024");
    expect(text).toContain("năm 2024");
    expect(text).toContain("So với năm 2022");
    expect(text).toMatch(/Các tiêu chí tăng điểm:.*4\.2/);
    expect(text).toContain("Các tiêu chí giảm điểm: không có.");
  });

  test("bad usage: not a .docx, no -o", async () => {
    expect((await run(["plan-doc", "a.xlsx", "-o", "a.xlsx"], {})).code).toBe(2);
    expect((await run(["plan-doc", "a.xlsx"], {})).code).toBe(2);
  });
});

describeWithWriter("plan-doc rendered by LibreOffice Writer", () => {
  test("the seed → §II's 84,87 / 99,50 and every one of the 19 unmet criteria", async () => {
    const files: Files = { "bac-son.xlsx": await seedXlsx() };
    const r = await run(["plan-doc", "bac-son.xlsx", "-o", "ke-hoach.docx"], files);
    expect(r.code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), "par-plan-doc-"));
    const docx = join(dir, "ke-hoach.docx");
    writeFileSync(docx, files["ke-hoach.docx"] as Uint8Array);
    libreOffice(dir).convert([docx], "pdf");
    const text = pdfText(join(dir, "ke-hoach.pdf"));
    expect(text).toContain("84,87");
    expect(text).toContain("99,50");
    expect(text).toContain("KẾ HOẠCH");
    expect(text).toMatch(/HUYỆN BẮC SƠN/);
    for (const code of UNMET)
      expect(text).toMatch(new RegExp(`(^|[^\\d.])${code.replace(/\./g, "\\.")}([^\\d]|$)`));
  }, 240_000);
});
