import { main } from "../../src/cli/main";
import { BIN, ensureCliBuilt } from "./build";
import { memoryIo, readXlsx, seedXlsx } from "./fixtures";
import { shownFills } from "../../src/core";
import { readSnapshot } from "../../src/hosts/xlsx";

const run = async (argv: string[], files: Record<string, Uint8Array | string>) => {
  const { io, out } = memoryIo(files);
  const code = await main(argv, io);
  return { code, ...out };
};

describe("par-index summary", () => {
  let files: Record<string, Uint8Array | string>;
  beforeAll(async () => {
    files = {
      "bac-son.xlsx": await seedXlsx(),
      "xa-a.xlsx": await seedXlsx({ title: "Kết quả PAR INDEX 2023 của UBND xã Nhất Tiến", domain9: 20 }),
      "xa-b.xlsx": await seedXlsx({ title: "Kết quả của xã Tân Lập", domain9: 20 }),
      "xa-c.xlsx": await seedXlsx({ title: "", domain9: 10 }),
      "hong.xlsx": "not a zip",
    };
  });

  test("one line per file, ranked by percent, ties share a rank; a bad file is reported and exit 1", async () => {
    const r = await run(
      ["summary", "bac-son.xlsx", "xa-a.xlsx", "xa-b.xlsx", "xa-c.xlsx", "hong.xlsx"],
      files,
    );
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^Hạng\s+Đơn vị\s+Tệp\s+Điểm tối đa/);
    expect(lines[1]).toMatch(
      /^\s*1\s+xã Nhất Tiến\s+xa-a\.xlsx\s+99,50\s+86,26\s+13,24\s+86,69\s+18\s+0\s+Kết quả 2023$/,
    );
    expect(lines[2]).toMatch(/^\s*1\s+xã Tân Lập\s+xa-b\.xlsx/);
    expect(lines[3]).toMatch(
      /^\s*3\s+huyện Bắc Sơn\s+bac-son\.xlsx\s+99,50\s+84,87\s+14,63\s+85,30\s+19\s+0\s+Kết quả 2023$/,
    );
    expect(lines[4]).toMatch(/^\s*4\s+xa-c\s+xa-c\.xlsx/);
    // sniffed before ExcelJS: a text file named .xlsx is said to be one
    expect(lines[5]).toMatch(/hong\s+hong\.xlsx.*LỖI: Tệp «hong\.xlsx» là tệp văn bản \(CSV\)/);
    expect(r.stderr).toContain("[5/5] hong.xlsx");
    expect(r.stderr).toContain("hong.xlsx: Tệp «hong.xlsx» là tệp văn bản (CSV)");
  });

  test("--json follows the contract exactly", async () => {
    const r = await run(["summary", "bac-son.xlsx", "nope.xlsx", "--json"], files);
    expect(r.code).toBe(1);
    const [ok, bad] = JSON.parse(r.stdout);
    expect(Object.keys(ok)).toEqual(["file", "sheet", "unit", "table", "total", "unmet", "rows", "issues"]);
    expect(ok.unit).toEqual({ name: "huyện Bắc Sơn", level: "district" });
    expect(ok.unmet).toBe(19);
    expect(ok).toMatchObject({
      file: "bac-son.xlsx",
      sheet: "Kết quả 2023",
      table: { headerRow: 3, firstRow: 4, lastRow: 34 },
      total: { max: 99.5, achieved: 84.87, gap: 14.63, percent: 85.3 },
      issues: [],
    });
    expect(ok.rows).toHaveLength(27);
    expect(Object.keys(ok.rows[0])).toEqual([
      "row",
      "code",
      "level",
      "name",
      "max",
      "achieved",
      "gap",
      "percent",
      "self",
      "status",
      "lead",
      "implementers",
      "tasks",
      "match",
    ]);
    const r162 = ok.rows.find((x: { code: string }) => x.code === "1.6.2");
    expect(r162).toMatchObject({
      row: 5,
      code: "1.6.2",
      level: 3,
      max: 0.5,
      achieved: 0,
      gap: 0.5,
      percent: 0,
      status: "zero",
      lead: "Phòng Tài chính - Kế hoạch",
      match: "exact",
    });
    expect(ok.rows.find((x: { code: string }) => x.code === "7.6.2").match).toBe("inherited");
    expect(ok.rows.find((x: { code: string }) => x.code === "2")).toMatchObject({
      status: "met",
      lead: "",
      implementers: "",
      tasks: [],
      match: null,
    });
    expect(ok.rows.find((x: { code: string }) => x.code === "7.2").gap).toBe(0.12);
    expect(bad).toEqual({ file: "nope.xlsx", sheet: null, issues: [], error: "Không có tệp." });
  });

  test("--csv writes the table for Excel (UTF-8 BOM, ';' and decimal commas in Vietnamese)", async () => {
    const r = await run(["summary", "bac-son.xlsx", "xa-a.xlsx", "--csv", "out.csv"], files);
    expect(r.code).toBe(0);
    const csv = String(files["out.csv"]);
    expect(csv.startsWith("\ufeffHạng;Đơn vị;Tệp;")).toBe(true);
    expect(csv).toContain("2;huyện Bắc Sơn;bac-son.xlsx;99,50;84,87;14,63;85,30;19;0;Kết quả 2023\r\n");
  });

  test("--sheet picks a sheet; a missing sheet is an error for that file", async () => {
    files["two.xlsx"] = await seedXlsx({ extraSheetFirst: true, sheetName: "PAR" });
    const r = await run(["summary", "two.xlsx", "--sheet", "PAR", "--json", "--lang", "en"], files);
    expect(JSON.parse(r.stdout)[0].sheet).toBe("PAR");
    const auto = await run(["summary", "two.xlsx", "--json"], files);
    expect(JSON.parse(auto.stdout)[0].sheet).toBe("PAR");
    const missing = await run(["summary", "two.xlsx", "--sheet", "Khác", "--lang", "en"], files);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("two.xlsx: There is no sheet «Khác» in the file.");
  });
});

describe("par-index apply", () => {
  test("runs the four commands into a new file, leaving the input as it was", async () => {
    const input = await seedXlsx();
    const files: Record<string, Uint8Array | string> = { "in.xlsx": input };
    const r = await run(["apply", "in.xlsx", "-o", "out.xlsx"], files);
    expect(r.code).toBe(0);
    expect(files["in.xlsx"]).toBe(input);
    expect(r.stderr).toContain("Trang tính: «Kết quả 2023»");
    expect(r.stderr).toContain("Đã điền 19 dòng");
    const wb = await readXlsx(files["out.xlsx"] as Uint8Array);
    const ws = wb.getWorksheet("Kết quả 2023")!;
    expect(ws.getCell("F3").value).toBe("Tỷ lệ đạt (%)");
    // The gap column is one shared formula (filled down, as Excel stores it): ExcelJS gives each cell its text.
    const gap = ws.getCell("E10");
    expect(ws.getCell("A10").value).toBe("4.2");
    expect(gap.formula).toContain("NUMBERVALUE(C10");
    expect(gap.result).toBe(1.67);
    expect(gap.value).toMatchObject({ sharedFormula: expect.stringMatching(/^E\d+$/) });
    expect(ws.getCell("H10").value).toBe("phòng Nội vụ");
    // The highlight is live: conditional formats, not fixed fills; B5's row (0 points) shows the "zero" colour.
    expect(ws.getCell("B5").fill?.type).not.toBe("pattern");
    const shown = shownFills(readSnapshot(wb, { sheet: "Kết quả 2023" }).active);
    expect(shown[4][1]).toBe("#FFC7CE");
    expect(wb.getWorksheet("Kế hoạch khắc phục")).toBeDefined();
  });

  test("--only recalc writes formulas alone", async () => {
    const files: Record<string, Uint8Array | string> = { "in.xlsx": await seedXlsx() };
    const r = await run(["apply", "in.xlsx", "-o", "out.xlsx", "--only", "recalc"], files);
    expect(r.code).toBe(0);
    const wb = await readXlsx(files["out.xlsx"] as Uint8Array);
    const ws = wb.getWorksheet("Kết quả 2023")!;
    expect((ws.getCell("B5").fill as { fgColor?: unknown } | undefined)?.fgColor).toBeUndefined();
    expect(ws.getCell("G3").value).toBe("Nguyên nhân chưa đạt điểm");
    expect(ws.getCell("H3").value).toBeNull();
    expect((ws.getCell("E10").value as { result: number }).result).toBe(1.67);
    expect(wb.getWorksheet("Kế hoạch khắc phục")).toBeUndefined();
  });

  test("a file without a table exits 1 with the reason; bad usage exits 2", async () => {
    const empty = new (await import("exceljs")).Workbook();
    empty.addWorksheet("S").getCell("A1").value = "không có bảng";
    const files: Record<string, Uint8Array | string> = {
      "e.xlsx": new Uint8Array(await empty.xlsx.writeBuffer()),
    };
    const r = await run(["apply", "e.xlsx", "-o", "o.xlsx"], files);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Không tìm thấy bảng tiêu chí");
    expect(files["o.xlsx"]).toBeUndefined();
    expect((await run(["apply", "e.xlsx"], files)).code).toBe(2);
    expect((await run(["apply", "e.xlsx", "-o", "x", "--only", "paint"], files)).code).toBe(2);
    expect((await run(["frobnicate"], files)).code).toBe(2);
    expect((await run([], files)).stderr).toContain("par-index summary");
  });
});

test("par-index catalogue --json lists every code with its lead, implementers and tasks", async () => {
  const r = await run(["catalogue", "--json"], {});
  const rows = JSON.parse(r.stdout) as { code: string; lead: string; tasks: string[] }[];
  expect(rows.find((x) => x.code === "3.5.3")!.lead).toBe("Văn phòng HĐND và UBND huyện");
  expect(rows.map((x) => x.code)).toEqual(expect.arrayContaining(["1", "7.2", "7.6", "9"]));
  expect(rows.every((x) => x.tasks.length > 0)).toBe(true);
});

test("the par-index bin runs on Node: real files, exit codes, usage", async () => {
  const { spawnSync } = await import("node:child_process");
  const { mkdtempSync, writeFileSync } = await import("node:fs");
  const { join } = await import("node:path");
  const { tmpdir } = await import("node:os");
  const dir = mkdtempSync(join(tmpdir(), "par-bin-"));
  writeFileSync(join(dir, "bac-son.xlsx"), await seedXlsx());
  ensureCliBuilt();
  const bin = BIN;
  const ok = spawnSync(process.execPath, [bin, "summary", join(dir, "bac-son.xlsx"), "--json"], {
    encoding: "utf8",
  });
  expect(ok.status).toBe(0);
  expect(JSON.parse(ok.stdout)[0].total).toEqual({
    max: 99.5,
    achieved: 84.87,
    gap: 14.63,
    percent: 85.3,
    bonus: 0,
    penalty: 0,
    final: null,
    self: null,
  });
  const missing = spawnSync(process.execPath, [bin, "summary", join(dir, "khong-co.xlsx")], {
    encoding: "utf8",
  });
  expect(missing.status).toBe(1);
  expect(missing.stderr).toContain("khong-co.xlsx: Không có tệp.");
  const usage = spawnSync(process.execPath, [bin, "apply", join(dir, "bac-son.xlsx")], { encoding: "utf8" });
  expect(usage.status).toBe(2);
  const help = spawnSync(process.execPath, [bin, "--help"], { encoding: "utf8" });
  expect(help.status).toBe(0);
  expect(help.stdout).toContain("par-index plan-doc");

  // apply X -o X: the input is replaced whole by the result (a readable workbook), nothing else is left
  const input = join(dir, "bac-son.xlsx");
  const same = spawnSync(process.execPath, [bin, "apply", input, "-o", input], { encoding: "utf8" });
  expect(same.status).toBe(0);
  const again = spawnSync(process.execPath, [bin, "summary", input, "--json"], { encoding: "utf8" });
  expect(JSON.parse(again.stdout)[0].total.achieved).toBe(84.87);
  const { readdirSync, readFileSync } = await import("node:fs");
  expect(readdirSync(dir).sort()).toEqual(["bac-son.xlsx"]);

  // a missing folder: one line in the chosen language, exit 1, the input untouched
  const before = readFileSync(input);
  const nowhere = spawnSync(
    process.execPath,
    [bin, "apply", input, "-o", join(dir, "khong-co", "o.xlsx"), "--lang", "en"],
    { encoding: "utf8" },
  );
  expect(nowhere.status).toBe(1);
  const lines = nowhere.stderr.trim().split("\n");
  expect(lines[lines.length - 1]).toBe(
    "The file «o.xlsx» could not be written (the folder does not exist). Close the file if Excel has it open, check the folder can be written to, then try again.",
  );
  expect(nowhere.stderr).not.toMatch(/\bat \w|Error:/);
  expect(readFileSync(input).equals(before)).toBe(true);
  expect(readdirSync(dir).sort()).toEqual(["bac-son.xlsx"]);
}, 240_000);
