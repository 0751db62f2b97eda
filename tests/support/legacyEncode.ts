/**
 * Unicode → legacy Vietnamese encodings, for building TCVN3 and VNI fixtures the way old offices typed them.
 * The code charts are written independently of src/core/legacyText (tests/core/legacyText.test.ts checks the
 * module against them).
 */
import * as ExcelJS from "exceljs";

/** [Unicode letter, TCVN3 code in a lower-case font (.VnTime), VNI (VNI-Times)]. */
export const LOWER: [string, string, string][] = [
  ["a", "a", "a"],
  ["à", "µ", "aø"],
  ["ả", "¶", "aû"],
  ["ã", "·", "aõ"],
  ["á", "¸", "aù"],
  ["ạ", "¹", "aï"],
  ["ă", "¨", "aê"],
  ["ằ", "»", "aè"],
  ["ẳ", "¼", "aú"],
  ["ẵ", "½", "aü"],
  ["ắ", "¾", "aé"],
  ["ặ", "Æ", "aë"],
  ["â", "©", "aâ"],
  ["ầ", "Ç", "aà"],
  ["ẩ", "È", "aå"],
  ["ẫ", "É", "aã"],
  ["ấ", "Ê", "aá"],
  ["ậ", "Ë", "aä"],
  ["e", "e", "e"],
  ["è", "Ì", "eø"],
  ["ẻ", "Î", "eû"],
  ["ẽ", "Ï", "eõ"],
  ["é", "Ð", "eù"],
  ["ẹ", "Ñ", "eï"],
  ["ê", "ª", "eâ"],
  ["ề", "Ò", "eà"],
  ["ể", "Ó", "eå"],
  ["ễ", "Ô", "eã"],
  ["ế", "Õ", "eá"],
  ["ệ", "Ö", "eä"],
  ["i", "i", "i"],
  ["ì", "×", "ì"],
  ["ỉ", "Ø", "æ"],
  ["ĩ", "Ü", "ó"],
  ["í", "Ý", "í"],
  ["ị", "Þ", "ò"],
  ["o", "o", "o"],
  ["ò", "ß", "oø"],
  ["ỏ", "á", "oû"],
  ["õ", "â", "oõ"],
  ["ó", "ã", "où"],
  ["ọ", "ä", "oï"],
  ["ô", "«", "oâ"],
  ["ồ", "å", "oà"],
  ["ổ", "æ", "oå"],
  ["ỗ", "ç", "oã"],
  ["ố", "è", "oá"],
  ["ộ", "é", "oä"],
  ["ơ", "¬", "ô"],
  ["ờ", "ê", "ôø"],
  ["ở", "ë", "ôû"],
  ["ỡ", "ì", "ôõ"],
  ["ớ", "í", "ôù"],
  ["ợ", "î", "ôï"],
  ["u", "u", "u"],
  ["ù", "ï", "uø"],
  ["ủ", "ñ", "uû"],
  ["ũ", "ò", "uõ"],
  ["ú", "ó", "uù"],
  ["ụ", "ô", "uï"],
  ["ư", "\u00ad", "ö"],
  ["ừ", "õ", "öø"],
  ["ử", "ö", "öû"],
  ["ữ", "÷", "öõ"],
  ["ứ", "ø", "öù"],
  ["ự", "ù", "öï"],
  ["y", "y", "y"],
  ["ỳ", "ú", "yø"],
  ["ỷ", "û", "yû"],
  ["ỹ", "ü", "yõ"],
  ["ý", "ý", "yù"],
  ["ỵ", "þ", "î"],
  ["đ", "®", "ñ"],
];

/** The capitals a lower-case TCVN3 font has (untoned). */
export const TCVN3_CAPITALS: [string, string][] = [
  ["Ă", "¡"],
  ["Â", "¢"],
  ["Ê", "£"],
  ["Ô", "¤"],
  ["Ơ", "¥"],
  ["Ư", "¦"],
  ["Đ", "§"],
];

const TO_TCVN3 = new Map(LOWER.map(([u, t]) => [u, t]));
const TO_VNI = new Map(LOWER.map(([u, , v]) => [u, v]));
const TCVN3_CAPS = new Map(TCVN3_CAPITALS);

/** Unicode → TCVN3 as typed in a lower-case font: toned capitals the font lacks are typed lower case. */
export function encodeTcvn3(text: string): string {
  return [...text.normalize("NFC")]
    .map(
      (c) =>
        TCVN3_CAPS.get(c) ??
        TO_TCVN3.get(c) ??
        (/[^\x00-\x7f]/.test(c) ? TO_TCVN3.get(c.toLowerCase()) : undefined) ??
        c,
    )
    .join("");
}

/** What a lower-case TCVN3 font shows of `text`: the toned capitals it lacks come out lower case. */
export function vnTimeable(text: string): string {
  return [...text.normalize("NFC")]
    .map((c) => (/[A-Z]/.test(c) || TCVN3_CAPS.has(c) ? c : c.toLowerCase()))
    .join("");
}

/** Unicode → TCVN3 for an H font (".VnTimeH"): every letter by its lower-case code; the font draws capitals. */
export function encodeTcvn3H(text: string): string {
  return [...text.normalize("NFC").toLowerCase()].map((c) => TO_TCVN3.get(c) ?? c).join("");
}

/** Unicode → VNI: capitals are the upper-case forms of the lower-case sequence. */
export function encodeVni(text: string): string {
  return [...text.normalize("NFC")]
    .map((c) => {
      const lower = c.toLowerCase();
      const v = TO_VNI.get(lower);
      if (v === undefined) return c;
      return c === lower ? v : v.toUpperCase();
    })
    .join("");
}

/** Text in capitals with at least two letters: typed in an H font in TCVN3. */
export const isCapitals = (text: string): boolean =>
  text === text.toUpperCase() && (text.match(/\p{L}/gu)?.length ?? 0) >= 2;

export type LegacyEncoding = "tcvn3" | "vni";

/**
 * A workbook's bytes with every non-ASCII text cell typed in a legacy encoding and its font (capitals in
 * .VnTimeH for TCVN3), numbers and codes as typed: how an office on the old fonts would have made it.
 */
export async function typedIn(bytes: Uint8Array, encoding: LegacyEncoding): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value;
        // A merged range's other cells show its first cell's value: typed once, there.
        if (typeof v !== "string" || !/[^\x00-\x7f]/.test(v) || (c.isMerged && c.master !== c)) return;
        const font = encoding === "vni" ? "VNI-Times" : isCapitals(v) ? ".VnTimeH" : ".VnTime";
        c.value = encoding === "vni" ? encodeVni(v) : font === ".VnTimeH" ? encodeTcvn3H(v) : encodeTcvn3(v);
        c.font = { ...(c.font ?? {}), name: font };
      }),
    ),
  );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
