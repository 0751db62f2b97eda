/** `--unit` (issue 11 item 1, CLI part): the unit's catalogue for every command, detected from the titles by default. */
import type * as ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { memoryIo, readXlsx, seedXlsx } from "./fixtures";

type Files = Record<string, Uint8Array | string>;

const run = async (argv: string[], files: Files) => {
  const { io, out } = memoryIo(files);
  const code = await main(argv, io);
  return { code, ...out };
};

/** Every text of every sheet of a workbook. */
function allText(wb: ExcelJS.Workbook): string {
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => out.push(c.text))));
  return out.join("\n");
}

const DISTRICT_OFFICES = ["Phòng Nội vụ", "Phòng Tư pháp", "UBND huyện"];

test("apply --unit commune names only commune offices (sheet, columns and plan)", async () => {
  const files: Files = { "in.xlsx": await seedXlsx() };
  const r = await run(["apply", "in.xlsx", "-o", "xa.xlsx", "--unit", "commune"], files);
  expect(r.code).toBe(0);
  const wb = await readXlsx(files["xa.xlsx"] as Uint8Array);
  expect(wb.getWorksheet("Kế hoạch khắc phục")!.rowCount).toBeGreaterThan(19);
  const text = allText(wb);
  for (const office of DISTRICT_OFFICES) expect(text.toLowerCase()).not.toContain(office.toLowerCase());
  // the same table as a district names them
  const d = await run(["apply", "in.xlsx", "-o", "huyen.xlsx"], files);
  expect(d.code).toBe(0);
  expect(allText(await readXlsx(files["huyen.xlsx"] as Uint8Array)).toLowerCase()).toContain("phòng nội vụ");
});

test("the titles decide when --unit is not given; --unit wins over them", async () => {
  const files: Files = {
    "xa.xlsx": await seedXlsx({ title: "Kết quả PAR INDEX năm 2023 của UBND xã Nhất Tiến" }),
  };
  const [auto] = JSON.parse((await run(["summary", "xa.xlsx", "--json"], files)).stdout);
  expect(auto.unit).toEqual({ name: "xã Nhất Tiến", level: "commune" });
  const leads = auto.rows.map((x: { lead: string }) => x.lead).join("\n");
  expect(leads).not.toMatch(/Phòng Nội vụ|UBND huyện/i);
  const [forced] = JSON.parse(
    (await run(["summary", "xa.xlsx", "--json", "--unit", "district"], files)).stdout,
  );
  expect(forced.unit).toEqual({ name: "xã Nhất Tiến", level: "district" });
  expect(forced.rows.map((x: { lead: string }) => x.lead).join("\n")).toMatch(/phòng Nội vụ/i);
});

test("catalogue --unit ward lists the ward's offices", async () => {
  const rows = JSON.parse((await run(["catalogue", "--json", "--unit", "ward"], {})).stdout) as {
    lead: string;
  }[];
  expect(rows.length).toBeGreaterThan(10);
  expect(rows.map((x) => x.lead).join("\n")).not.toMatch(/Phòng Nội vụ|UBND huyện/i);
});
