/**
 * Colours as the snapshot carries them ("#RRGGBB", upper case) from the three ways a file stores one:
 * ARGB, a theme slot with a tint, or a legacy palette index.
 */
import type * as ExcelJS from "exceljs";
import { themeXml } from "./internals";

/** The slots of <a:clrScheme>, in the order Excel numbers theme colours (lt1 and dk1 swapped). */
const THEME_SLOTS = [
  "lt1",
  "dk1",
  "lt2",
  "dk2",
  "accent1",
  "accent2",
  "accent3",
  "accent4",
  "accent5",
  "accent6",
  "hlink",
  "folHlink",
];

/** The Office theme ExcelJS writes into workbooks it creates (theme1.xml). */
const DEFAULT_THEME: Record<string, string> = {
  dk1: "000000",
  lt1: "FFFFFF",
  dk2: "1F497D",
  lt2: "EEECE1",
  accent1: "4F81BD",
  accent2: "C0504D",
  accent3: "9BBB59",
  accent4: "8064A2",
  accent5: "4BACC6",
  accent6: "F79646",
  hlink: "0000FF",
  folHlink: "800080",
};

/** Excel's default 64-colour palette (indexed colours), plus system foreground and background. */
const INDEXED = (
  "000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF 000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF " +
  "00FFFF 800000 008000 000080 808000 800080 008080 C0C0C0 808080 9999FF 993366 FFFFCC CCFFFF 660066 FF8080 " +
  "0066CC CCCCFF 000080 FF00FF FFFF00 00FFFF 800080 800000 008080 0000FF 00CCFF CCFFFF CCFFCC FFFF99 99CCFF " +
  "FF99CC CC99FF FFCC99 3366FF 33CCCC 99CC00 FFCC00 FF9900 FF6600 666699 969696 003366 339966 003300 333300 " +
  "993300 993366 333399 333333 000000 FFFFFF"
).split(" ");

export type ThemePalette = Record<string, string>;

/** The workbook's theme colours, from its theme XML when it has one. */
export function themePalette(wb: ExcelJS.Workbook): ThemePalette {
  return paletteOfTheme(themeXml(wb));
}

/** The theme colours of a theme part's XML (the Office defaults without one). */
export function paletteOfTheme(xml: string | undefined): ThemePalette {
  if (!xml) return DEFAULT_THEME;
  const out: ThemePalette = { ...DEFAULT_THEME };
  const re =
    /<a:(dk1|lt1|dk2|lt2|accent[1-6]|hlink|folHlink)>\s*<a:(?:sysClr[^>]*?lastClr="([0-9A-Fa-f]{6})"|srgbClr[^>]*?val="([0-9A-Fa-f]{6})")/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out[m[1]] = (m[2] ?? m[3]).toUpperCase();
  return out;
}

/*
 * Excel applies a tint in Windows' integer HLS space (0..240), not in floating-point HSL: doing the same
 * gives the shades Excel shows ("Blue, Accent 1, Darker 25%" = #366092, not #376092).
 */
const HLSMAX = 240;
const RGBMAX = 255;
const idiv = (a: number, b: number) => Math.floor(a / b);

function rgbToHls(hex: string): [number, number, number] {
  const R = parseInt(hex.slice(0, 2), 16);
  const G = parseInt(hex.slice(2, 4), 16);
  const B = parseInt(hex.slice(4, 6), 16);
  const max = Math.max(R, G, B);
  const min = Math.min(R, G, B);
  const L = idiv((max + min) * HLSMAX + RGBMAX, 2 * RGBMAX);
  if (max === min) return [idiv(HLSMAX * 2, 3), L, 0];
  const S =
    L <= HLSMAX / 2
      ? idiv((max - min) * HLSMAX + idiv(max + min, 2), max + min)
      : idiv((max - min) * HLSMAX + idiv(2 * RGBMAX - max - min, 2), 2 * RGBMAX - max - min);
  const d = (x: number) => idiv((max - x) * (HLSMAX / 6) + idiv(max - min, 2), max - min);
  let H = R === max ? d(B) - d(G) : G === max ? HLSMAX / 3 + d(R) - d(B) : (2 * HLSMAX) / 3 + d(G) - d(R);
  if (H < 0) H += HLSMAX;
  if (H > HLSMAX) H -= HLSMAX;
  return [H, L, S];
}

function hueToRgb(n1: number, n2: number, h: number): number {
  if (h < 0) h += HLSMAX;
  if (h > HLSMAX) h -= HLSMAX;
  if (h < HLSMAX / 6) return n1 + idiv((n2 - n1) * h + HLSMAX / 12, HLSMAX / 6);
  if (h < HLSMAX / 2) return n2;
  if (h < (HLSMAX * 2) / 3) return n1 + idiv((n2 - n1) * ((HLSMAX * 2) / 3 - h) + HLSMAX / 12, HLSMAX / 6);
  return n1;
}

function hlsToRgb(H: number, L: number, S: number): string {
  let rgb: number[];
  if (S === 0) {
    const v = idiv(L * RGBMAX + HLSMAX / 2, HLSMAX);
    rgb = [v, v, v];
  } else {
    const m2 =
      L <= HLSMAX / 2
        ? idiv(L * (HLSMAX + S) + HLSMAX / 2, HLSMAX)
        : L + S - idiv(L * S + HLSMAX / 2, HLSMAX);
    const m1 = 2 * L - m2;
    rgb = [H + HLSMAX / 3, H, H - HLSMAX / 3].map((h) =>
      idiv(hueToRgb(m1, m2, h) * RGBMAX + HLSMAX / 2, HLSMAX),
    );
  }
  return rgb
    .map((x) => Math.min(RGBMAX, Math.max(0, x)).toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase();
}

/** Excel's tint: darken towards black (negative) or lighten towards white (positive) the luminance. */
export function applyTint(hex: string, tint: number): string {
  if (!tint) return hex.toUpperCase();
  const [H, L, S] = rgbToHls(hex);
  const L2 = tint < 0 ? L * (1 + tint) : L * (1 - tint) + HLSMAX * tint;
  // Greys (no saturation) come out as Excel shows them when rounded, colours when truncated.
  return hlsToRgb(H, S === 0 ? Math.round(L2) : Math.floor(L2), S);
}

interface ColorLike {
  argb?: string;
  theme?: number;
  tint?: number;
  indexed?: number;
}

/** "#RRGGBB" for an ExcelJS colour, or null when it has none the host can name. */
export function colorToHex(color: Partial<ExcelJS.Color> | undefined, palette: ThemePalette): string | null {
  if (!color) return null;
  const c = color as ColorLike;
  let hex: string | undefined;
  if (typeof c.argb === "string" && /^[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?$/.test(c.argb)) {
    hex = c.argb.length === 8 ? c.argb.slice(2) : c.argb;
  } else if (typeof c.theme === "number") {
    const slot = THEME_SLOTS[c.theme];
    hex = slot ? palette[slot] : undefined;
  } else if (typeof c.indexed === "number") {
    hex = INDEXED[c.indexed];
  }
  if (!hex) return null;
  return `#${applyTint(hex, typeof c.tint === "number" ? c.tint : 0)}`;
}

/** "#FFC7CE" → { argb: "FFFFC7CE" }. */
export function hexToColor(hex: string): Partial<ExcelJS.Color> {
  return { argb: `FF${hex.replace(/^#/, "").toUpperCase()}` };
}
