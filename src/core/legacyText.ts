/**
 * Legacy Vietnamese encodings → Unicode (NFC). Many offices' tables were typed years ago in 8-bit fonts:
 *
 *  - TCVN3 (ABC), fonts ".VnTime", ".VnArial", … One code per letter-with-tone; the lower-case fonts can only
 *    show the lower-case toned letters, so capitals with tones are typed in the companion "H" fonts
 *    (".VnTimeH", ".VnArialH", …), which draw every code as a capital.
 *  - VNI, fonts "VNI-Times", "VNI-Helve", … A base letter followed by one mark character (tone, hat, breve, or
 *    hat/breve and tone together); ơ, ư, đ and some toned i/y are single codes.
 *
 * Excel keeps such a cell as the Windows-1252 characters of its bytes ("C¸c", "Caùc"), so the tables below are
 * over those characters. No maintained npm package does this conversion (the registry has only unmaintained
 * ones), so the tables are ours, derived from the encodings' published code charts and tested letter by letter
 * (tests/core/legacyText.test.ts, against a Unicode → legacy table written independently in the test). Pure.
 */

import { boundedMemo } from "./boundedMemo";

export type LegacyEncoding = "tcvn3" | "vni";

/** The font cells get when the add-in converts them or writes Unicode text into a legacy sheet. */
export const UNICODE_FONT = "Times New Roman";

// ---------------------------------------------------------------------------------------------------------
// The tables
// ---------------------------------------------------------------------------------------------------------

/** Combining tone marks in the order the tables list them: none, huyền, hỏi, ngã, sắc, nặng. */
const TONES = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"] as const;

/**
 * TCVN3 (ABC) lower-case codes per vowel, in TONES order. Untoned a/e/i/o/u/y are the ASCII letters.
 * ư is U+00AD (soft hyphen, byte 0xAD).
 */
const TCVN3_VOWELS: Record<string, string> = {
  a: "aµ¶·¸¹",
  ă: "¨»¼½¾Æ",
  â: "©ÇÈÉÊË",
  e: "eÌÎÏÐÑ",
  ê: "ªÒÓÔÕÖ",
  i: "i×ØÜÝÞ",
  o: "oßáâãä",
  ô: "«åæçèé",
  ơ: "¬êëìíî",
  u: "uïñòóô",
  ư: "\u00adõö÷øù",
  y: "yúûüýþ",
};

/** TCVN3 codes of đ and of the capitals the lower-case fonts do have (untoned only). */
const TCVN3_OTHERS: Record<string, string> = {
  "®": "đ",
  "¡": "Ă",
  "¢": "Â",
  "£": "Ê",
  "¤": "Ô",
  "¥": "Ơ",
  "¦": "Ư",
  "§": "Đ",
};

const TCVN3_DECODE = new Map<string, string>();
for (const [vowel, codes] of Object.entries(TCVN3_VOWELS)) {
  [...codes].forEach((code, tone) => {
    if (tone > 0 || !/[a-z]/.test(code)) TCVN3_DECODE.set(code, (vowel + TONES[tone]).normalize("NFC"));
  });
}
for (const [code, letter] of Object.entries(TCVN3_OTHERS)) TCVN3_DECODE.set(code, letter);

/** VNI single codes that are letters on their own (lower case; capitals are their upper-case forms). */
const VNI_LETTERS: Record<string, { base: string; tone?: number }> = {
  ô: { base: "ơ" },
  ö: { base: "ư" },
  ñ: { base: "đ" },
  ì: { base: "i", tone: 1 },
  æ: { base: "i", tone: 2 },
  ó: { base: "i", tone: 3 },
  í: { base: "i", tone: 4 },
  ò: { base: "i", tone: 5 },
  î: { base: "y", tone: 5 },
};

/** VNI tone marks after a vowel, by TONES index. */
const VNI_TONE: Record<string, number> = { ø: 1, û: 2, õ: 3, ù: 4, ï: 5 };
/** VNI hat (circumflex) marks for a, e, o: hat alone, then hat with each tone. */
const VNI_HAT: Record<string, number> = { â: 0, à: 1, å: 2, ã: 3, á: 4, ä: 5 };
/** VNI breve marks for a: breve alone, then breve with each tone. */
const VNI_BREVE: Record<string, number> = { ê: 0, è: 1, ú: 2, ü: 3, é: 4, ë: 5 };

const HAT = "\u0302";
const BREVE = "\u0306";

function compose(base: string, shape: string, tone: number, upper: boolean): string {
  const letter = (base + shape + TONES[tone]).normalize("NFC");
  return upper ? letter.toUpperCase() : letter;
}

function decodeVni(text: string): string {
  let out = "";
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const lower = c.toLowerCase();
    const upper = c !== lower;
    const single = VNI_LETTERS[lower];
    let base: string | null = null;
    let tone = single?.tone ?? 0;
    if (single) base = single.base;
    else if ("aeiouy".includes(lower) && lower !== "") base = lower;
    if (base === null) {
      out += c;
      continue;
    }
    if (single?.tone !== undefined || base === "đ") {
      out += compose(base, "", tone, upper);
      continue;
    }
    const next = (chars[i + 1] ?? "").toLowerCase();
    let shape = "";
    if (next in VNI_TONE) {
      tone = VNI_TONE[next];
      i++;
    } else if ((base === "a" || base === "e" || base === "o") && next in VNI_HAT) {
      shape = HAT;
      tone = VNI_HAT[next];
      i++;
    } else if (base === "a" && next in VNI_BREVE) {
      shape = BREVE;
      tone = VNI_BREVE[next];
      i++;
    }
    out += compose(base, shape, tone, upper);
  }
  return out;
}

function decodeTcvn3(text: string, upper: boolean): string {
  let out = "";
  for (const c of text) {
    // Some files keep symbol-font text in the private-use area (U+F0xx): the low byte is the code.
    const code = c >= "\uf020" && c <= "\uf0ff" ? String.fromCharCode(c.charCodeAt(0) - 0xf000) : c;
    out += TCVN3_DECODE.get(code) ?? code;
  }
  return upper ? out.toUpperCase() : out;
}

// ---------------------------------------------------------------------------------------------------------
// Fonts
// ---------------------------------------------------------------------------------------------------------

/** The legacy encoding a font name implies: ".VnTime…" → tcvn3, "VNI-Times…" → vni, else null. */
export function legacyFontEncoding(fontName: string | null | undefined): LegacyEncoding | null {
  const f = (fontName ?? "").trim();
  if (TCVN3_FONT.test(f)) return "tcvn3";
  if (VNI_FONT.test(f)) return "vni";
  return null;
}

/** True for the TCVN3 capital fonts (".VnTimeH", ".VnArialH", ".VnCentury SchoolbookH"): names ending in "H". */
export function isUppercaseLegacyFont(fontName: string | null | undefined): boolean {
  const f = (fontName ?? "").trim();
  return legacyFontEncoding(f) === "tcvn3" && f.endsWith("H");
}

// ---------------------------------------------------------------------------------------------------------
// Conversion and detection
// ---------------------------------------------------------------------------------------------------------

/**
 * The text in Unicode (NFC). For TCVN3, the font decides capitals: an "H" font's text comes out in capitals
 * (that is how it shows). Without a font, a TCVN3 text whose ASCII letters are all capitals (at least two) is
 * taken as typed in an H font ("C¶I C¸CH" → "CẢI CÁCH").
 */
export function toUnicode(text: string, encoding: LegacyEncoding, fontName?: string | null): string {
  if (encoding === "vni") return decodeVni(text).normalize("NFC");
  const upper =
    fontName !== undefined && fontName !== null && fontName.trim() !== ""
      ? isUppercaseLegacyFont(fontName)
      : !/[a-z]/.test(text) && (text.match(/[A-Z]/g)?.length ?? 0) >= 2;
  return decodeTcvn3(text, upper).normalize("NFC");
}

// Patterns of the hot paths (every text cell of a sheet is tested): one RegExp each, not a new one per call.
const NON_ASCII = /[^\x00-\x7f]/;
const LETTER = /\p{L}/u;
const WORD_BREAKS = /[\s!-@[-`{-~]+/;
const TCVN3_FONT = /^\.vn/i;
const VNI_FONT = /^vni[- _]/i;

/** Letters only real Unicode Vietnamese has (ă đ ĩ ũ ơ ư, the Latin Extended Additional block), or combining marks. */
const UNICODE_VIETNAMESE =
  /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9\u0300-\u0323]/;

const ONSET = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x";
const NUCLEUS = [
  "uyê|uya|uyu|iêu|yêu|oai|oay|oeo|uây|uôi|ươi|ươu",
  "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|oo|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê",
  "a|ă|â|e|ê|i|o|ô|ơ|u|ư|y",
].join("|");
const SYLLABLE = new RegExp(`^(?:${ONSET})?(?:${NUCLEUS})(?:ch|ng|nh|c|m|n|p|t)?$`);

/** A lower-case word is one Vietnamese syllable: onset, vowel nucleus, final, and at most one tone. */
function isSyllable(word: string): boolean {
  const d = word.toLowerCase().normalize("NFD");
  const tones = d.match(/[\u0300\u0301\u0303\u0309\u0323]/g)?.length ?? 0;
  if (tones > 1) return false;
  const bare = d.replace(/[\u0300\u0301\u0303\u0309\u0323]/g, "").normalize("NFC");
  return SYLLABLE.test(bare);
}

/** Words with a non-ASCII character, split on ASCII spaces, punctuation and digits (legacy codes are kept). */
function candidateWords(text: string): string[] {
  // A lone symbol ("©", "§", "«", "½") is no evidence: in legacy text a one-character word is a letter ("ë" = ở).
  return text.split(WORD_BREAKS).filter((w) => NON_ASCII.test(w) && (w.length > 1 || LETTER.test(w)));
}

/**
 * Which readings of a word are Vietnamese syllables (1: as Unicode, 2: as TCVN3, 4: as VNI), remembered: the
 * same few hundred words make up a whole table, and a sheet's every text cell is tested (a third of a summary's
 * time on a 10,000-row table before). Bounded: forgotten all at once past 50,000 words.
 */
const readingsOf = boundedMemo(
  (w: string): number =>
    (isSyllable(w) ? 1 : 0) |
    (isSyllable(decodeTcvn3(w, false)) ? 2 : 0) |
    (isSyllable(decodeVni(w)) ? 4 : 0),
  50_000,
);

/**
 * The reading of a text with some non-ASCII letter and none only Unicode has, remembered by text: apply-all
 * and the panel look at the same names again and again ("Tiêu chí" has only Latin-1 letters).
 */
const legacyByText = boundedMemo(legacyByTextUncached, 50_000);

/**
 * The legacy encoding of a text, or null for plain ASCII and real Unicode.
 * A legacy font name (".VnTime", "VNI-Times") decides when given. Otherwise the text is read three ways
 * (as Unicode, TCVN3, VNI) and the reading in which most of its non-ASCII words are Vietnamese syllables wins;
 * Unicode wins ties, and a legacy reading must make at least half of those words syllables.
 */
export function detectLegacy(text: string, fontName?: string | null): LegacyEncoding | null {
  const byFont = legacyFontEncoding(fontName);
  if (byFont) return byFont;
  const r = textReading(text);
  return r === "tcvn3" || r === "vni" ? r : null;
}

/**
 * detectLegacy of a text with no legacy font, told apart from plain ASCII: "ascii" for a text without a
 * non-ASCII character, "unicode" for one that is not legacy (what a sheet's vote counts against legacy).
 */
export function textReading(text: string): LegacyEncoding | "ascii" | "unicode" {
  if (!NON_ASCII.test(text)) return "ascii";
  if (UNICODE_VIETNAMESE.test(text)) return "unicode";
  return legacyByText(text) ?? "unicode";
}

function legacyByTextUncached(text: string): LegacyEncoding | null {
  const words = candidateWords(text);
  if (words.length === 0) return null;
  let unicodeOk = 0;
  let tcvn3Ok = 0;
  let vniOk = 0;
  for (const w of words) {
    const bits = readingsOf(w);
    unicodeOk += bits & 1;
    tcvn3Ok += (bits >> 1) & 1;
    vniOk += (bits >> 2) & 1;
  }
  const unicode = unicodeOk / words.length;
  const tcvn3 = tcvn3Ok / words.length;
  const vni = vniOk / words.length;
  const best = Math.max(tcvn3, vni);
  if (best < 0.5 || best <= unicode) return null;
  return vni > tcvn3 ? "vni" : "tcvn3";
}

/**
 * The legacy encoding of a set of cells (a table's header and names, say), by majority of the cells that are
 * legacy at all; null when none is. `fonts[i]` is cell i's font name, when known.
 */
export function detectLegacyTexts(
  texts: readonly string[],
  fonts: readonly (string | null | undefined)[] = [],
): LegacyEncoding | null {
  let tcvn3 = 0;
  let vni = 0;
  texts.forEach((t, i) => {
    const e = detectLegacy(t, fonts[i]);
    if (e === "tcvn3") tcvn3++;
    else if (e === "vni") vni++;
  });
  if (tcvn3 === 0 && vni === 0) return null;
  return vni > tcvn3 ? "vni" : "tcvn3";
}
