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
  const xml = themeXml(wb);
  if (!xml) return DEFAULT_THEME;
  const out: ThemePalette = { ...DEFAULT_THEME };
  const re =
    /<a:(dk1|lt1|dk2|lt2|accent[1-6]|hlink|folHlink)>\s*<a:(?:sysClr[^>]*?lastClr="([0-9A-Fa-f]{6})"|srgbClr[^>]*?val="([0-9A-Fa-f]{6})")/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out[m[1]] = (m[2] ?? m[3]).toUpperCase();
  return out;
}

function rgbToHsl(hex: string): [number, number, number] {
  const r = parseInt(hex.slice(0, 2), 16) / 255;
  const g = parseInt(hex.slice(2, 4), 16) / 255;
  const b = parseInt(hex.slice(4, 6), 16) / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return [h / 6, s, l];
}

function hslToRgb(h: number, s: number, l: number): string {
  const hue = (p: number, q: number, t: number) => {
    if (t < 0) t += 1;
    if (t > 1) t -= 1;
    if (t < 1 / 6) return p + (q - p) * 6 * t;
    if (t < 1 / 2) return q;
    if (t < 2 / 3) return p + (q - p) * (2 / 3 - t) * 6;
    return p;
  };
  let r = l;
  let g = l;
  let b = l;
  if (s !== 0) {
    const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
    const p = 2 * l - q;
    r = hue(p, q, h + 1 / 3);
    g = hue(p, q, h);
    b = hue(p, q, h - 1 / 3);
  }
  const hex = (x: number) =>
    Math.round(Math.min(1, Math.max(0, x)) * 255)
      .toString(16)
      .padStart(2, "0");
  return `${hex(r)}${hex(g)}${hex(b)}`.toUpperCase();
}

/** Excel's tint: darken towards black (negative) or lighten towards white (positive) in HSL. */
export function applyTint(hex: string, tint: number): string {
  if (!tint) return hex.toUpperCase();
  const [h, s, l] = rgbToHsl(hex);
  const l2 = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  return hslToRgb(h, s, l2);
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
