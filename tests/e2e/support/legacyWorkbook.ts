/**
 * A second workbook for the Office stand-in (./officeStandIn.ts): the seed's table as an office typed it
 * years ago in a legacy Vietnamese encoding (issue 11 item 6). TCVN3 the way ABC users typed it: capitals
 * in the ".VnTimeH" font (every letter by its lower-case code, the font draws capitals), the rest in
 * ".VnTime" (whose toned capitals do not exist, so they were typed lower case); or VNI in "VNI-Times".
 * Numbers stay as they are: the score read from it is still the seed's 84,87 / 99,50.
 */
import { sampleWorkbook } from "../../../src/core/sample";
import type { WorkbookSnapshot } from "../../../src/core/types";
import { encodeTcvn3, encodeTcvn3H, encodeVni, isCapitals, vnTimeable } from "../../support/legacyEncode";

export type LegacyEncoding = "TCVN3" | "VNI";

/** One cell typed in the legacy encoding: its text, its font, and what it reads as in Unicode. */
function typed(text: string, encoding: LegacyEncoding): { text: string; font: string; unicode: string } {
  if (encoding === "VNI") return { text: encodeVni(text), font: "VNI-Times", unicode: text };
  if (isCapitals(text) && /[^\x00-\x7f]/.test(text))
    return { text: encodeTcvn3H(text), font: ".VnTimeH", unicode: text };
  return { text: encodeTcvn3(text), font: ".VnTime", unicode: vnTimeable(text) };
}

export interface LegacyWorkbook {
  /** What Excel holds: the text cells encoded, each in its legacy font. */
  workbook: WorkbookSnapshot;
  /** The same cells as Unicode (what "Chuyển sang Unicode" must give), row by row; null where no text. */
  unicode: (string | null)[][];
}

/** The seed's sheet typed in `encoding`. */
export function legacyWorkbook(encoding: LegacyEncoding): LegacyWorkbook {
  const ws = sampleWorkbook();
  const values = ws.active.values as (string | number | boolean | null)[][];
  const fonts = values.map((row) => row.map(() => null as string | null));
  const unicode = values.map((row) => row.map(() => null as string | null));
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      // only cells with letters outside ASCII change; the decimal-comma scores and codes stay as typed
      if (typeof v !== "string") return;
      const cell = typed(v, encoding);
      row[c] = cell.text;
      fonts[r][c] = cell.font;
      unicode[r][c] = cell.unicode;
    }),
  );
  ws.active.fontNames = fonts;
  return { workbook: ws, unicode };
}
