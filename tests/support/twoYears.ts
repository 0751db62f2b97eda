/** The sample as 2023 beside a copy of it as last year's sheet («PAR INDEX 2022»): the compare and plan-document tests. */
import { sampleWorkbook } from "../../src/core/sample";
import type { WorkbookSnapshot } from "../../src/core";

export function sampleTwoYears(): WorkbookSnapshot {
  const ws = sampleWorkbook();
  const last = JSON.parse(JSON.stringify(ws.active)) as WorkbookSnapshot["active"];
  last.name = "PAR INDEX 2022";
  const values = last.values as (string | number | null)[][];
  for (const line of values)
    for (let c = 0; c < line.length; c++)
      if (typeof line[c] === "string") line[c] = (line[c] as string).replace("2023", "2022");
  return { ...ws, sheetNames: ["PAR INDEX 2022", ...ws.sheetNames], others: { "PAR INDEX 2022": last } };
}
