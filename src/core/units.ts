/**
 * Column widths in Excel's units, pure: characters (of the default font's digit, Calibri 11: 7 px) as the
 * file and WorkbookModel keep them, points as Office.js and drawings measure them.
 */

/** Excel's default column width in characters (Calibri 11): a width equal to it means "no width set". */
export const DEFAULT_COLUMN_WIDTH = 8.43;

/**
 * Column width in characters → points, as Excel computes it: pixels = round(width × 7 + 5) (5 px of
 * padding), points = pixels × 0.75 (96 dpi).
 */
export function charsToPoints(width: number): number {
  return Math.round(width * 7 + 5) * 0.75;
}

/** Points → characters, the inverse of charsToPoints (rounded to 2 decimals). */
export function pointsToChars(points: number): number {
  return Math.round(((Math.round(points / 0.75) - 5) / 7) * 100) / 100;
}
