/** Generated PAR INDEX tables for benchmarks: domains with criteria and sub-criteria, decimal commas. */
import { SAMPLE_ROWS, type CellValue, type SheetSnapshot } from "../src/core";

export function generatedRows(n: number, seed = 1): CellValue[][] {
  let x = seed;
  const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const comma = (v: number) => v.toFixed(2).replace(".", ",");
  const rows: CellValue[][] = [[...SAMPLE_ROWS[0]]];
  let domain = 0;
  while (rows.length < n) {
    domain++;
    const kids: CellValue[][] = [];
    let dMax = 0;
    let dAch = 0;
    const count = Math.min(n - rows.length - 1, 5 + Math.floor(rnd() * 20));
    for (let k = 1; k <= count; k++) {
      const max = Math.round((0.5 + rnd() * 2) * 4) / 4;
      const ach = rnd() < 0.6 ? max : Math.round(max * rnd() * 100) / 100;
      dMax += max;
      dAch += ach;
      kids.push([
        `${domain}.${k}`,
        `Tiêu chí ${domain}.${k}`,
        comma(max),
        comma(ach),
        comma(max - ach),
        ach < max ? "Chưa đạt" : null,
      ]);
    }
    rows.push(
      [String(domain), `LĨNH VỰC ${domain}`, comma(dMax), comma(dAch), comma(dMax - dAch), null],
      ...kids,
    );
  }
  rows.push([null, "TỔNG ĐIỂM", null, null, null, null]);
  return rows;
}

export function generatedSheet(n: number, seed = 1): SheetSnapshot {
  return { name: "Sheet1", top: 2, left: 0, values: generatedRows(n, seed) };
}
