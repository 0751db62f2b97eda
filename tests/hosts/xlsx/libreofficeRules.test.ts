/**
 * LibreOffice draws the add-in's conditional formats: the highlighted file, printed to PDF and rasterised,
 * shows the palette's colours on unmet rows (the legend is left out, so the colour can only come from the
 * rules); the same file with every criterion edited to its max shows none — the rules read the cells.
 * Skipped where LibreOffice is not installed, except in CI.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PALETTE, planHighlight } from "../../../src/core";
import { applyChangeSet, readSnapshot, saveWorkbook } from "../../../src/hosts/xlsx";
import { analyzed, seedWorkbook } from "./helpers";
import { describeWithLibreOffice, libreOffice } from "../../support/libreoffice";

jest.setTimeout(240_000);

/** Pixels of each colour in a binary PPM (P6) image. */
function countColours(ppm: Buffer, colours: string[]): number[] {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString("latin1"))!;
  const start = header[0].length;
  const want = colours.map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)));
  const counts = colours.map(() => 0);
  for (let p = start; p + 2 < ppm.length; p += 3)
    want.forEach(([r, g, b], k) => {
      if (Math.abs(ppm[p] - r) <= 3 && Math.abs(ppm[p + 1] - g) <= 3 && Math.abs(ppm[p + 2] - b) <= 3)
        counts[k]++;
    });
  return counts;
}

describeWithLibreOffice("LibreOffice renders the live highlight", () => {
  test("unmet rows coloured by the rules; after an edit that meets every criterion, none", async () => {
    const dir = mkdtempSync(join(tmpdir(), "par-cf-"));
    const files: string[] = [];
    for (const variant of ["unmet", "met"] as const) {
      const { wb } = seedWorkbook({ numbers: true });
      const s = readSnapshot(wb).active;
      const a = analyzed(s);
      const cs = planHighlight(s, a);
      // Without the legend: its key cells are fixed fills of the same colours.
      applyChangeSet(wb, { ...cs, ops: cs.ops.filter((o) => o.op.includes("Conditional")) });
      if (variant === "met") {
        const ws = wb.getWorksheet(s.name)!;
        for (const r of a.rows)
          if (r.max !== null && !r.derived)
            ws.getCell(r.row + 1, a.table.columns.achieved! + 1).value = r.max;
      }
      const file = join(dir, `${variant}.xlsx`);
      writeFileSync(file, await saveWorkbook(wb));
      files.push(file);
    }
    libreOffice(dir).convert(files, "pdf");
    const pixels: Record<string, number[]> = {};
    for (const variant of ["unmet", "met"]) {
      execFileSync("pdftoppm", ["-r", "40", join(dir, `${variant}.pdf`), join(dir, variant)]);
      const pages = readdirSync(dir).filter((f) => f.startsWith(`${variant}-`) && f.endsWith(".ppm"));
      pixels[variant] = pages
        .map((p) => countColours(readFileSync(join(dir, p)), [PALETTE.zero, PALETTE.partial]))
        .reduce((x, y) => x.map((v, i) => v + y[i]));
    }
    expect(pixels.unmet[0]).toBeGreaterThan(100);
    expect(pixels.unmet[1]).toBeGreaterThan(100);
    expect(pixels.met).toEqual([0, 0]);
  });
});
