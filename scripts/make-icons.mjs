#!/usr/bin/env node
// Generates the add-in icons in assets/ (icon-16/32/64/80/128.png) without native dependencies:
// shapes are described as signed-distance functions, rasterised with 5x5 supersampling for
// anti-aliasing, and encoded as RGBA PNG with node's zlib.
//
//   node scripts/make-icons.mjs          write the PNGs
//   node scripts/make-icons.mjs --check  exit 1 if a committed PNG differs from what this script draws
//
// Design: a rounded square in deep blue (vertical gradient), three rising white bars (the score
// going up) and an amber check mark (criteria met).

import { deflateSync } from "node:zlib";
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const ASSETS = join(ROOT, "assets");
export const SIZES = [16, 32, 64, 80, 128];

// ---------- PNG encoding ----------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes an RGBA8 pixel buffer (width*height*4 bytes) as a PNG file. */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---------- shapes (unit square coordinates, y grows downwards) ----------

/** Signed distance to a rounded rectangle (negative inside). */
function sdRoundRect(px, py, x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - r;
  const hy = (y1 - y0) / 2 - r;
  const qx = Math.abs(px - cx) - hx;
  const qy = Math.abs(py - cy) - hy;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

/** Signed distance to a segment with round caps of half-width w. */
function sdSegment(px, py, ax, ay, bx, by, w) {
  const pax = px - ax;
  const pay = py - ay;
  const bax = bx - ax;
  const bay = by - ay;
  const h = Math.min(Math.max((pax * bax + pay * bay) / (bax * bax + bay * bay), 0), 1);
  return Math.hypot(pax - bax * h, pay - bay * h) - w;
}

const hex = (s) => [1, 3, 5].map((i) => parseInt(s.slice(i, i + 2), 16));
const BLUE_TOP = hex("#2f6fd0");
const BLUE_BOTTOM = hex("#123a80");
const WHITE = hex("#ffffff");
const AMBER = hex("#ffc233");
const SHADOW = hex("#0b2452");

/** Layers drawn back to front; each returns [rgb, coverageTest(px,py)->bool] for a size. */
function layers(size) {
  // Small icons get a tighter margin and bolder strokes so they stay legible.
  const small = size <= 16;
  const m = small ? 0 : 0.03;
  const radius = small ? 0.18 : 0.2;
  const bars = small
    ? // pixel-aligned at 16 px: 2 px bars, 2 px gaps, 3 px margins
      [
        [3 / 16, 5 / 16, 9 / 16],
        [7 / 16, 9 / 16, 6 / 16],
        [11 / 16, 13 / 16, 3 / 16],
      ]
    : [
        [0.16, 0.28, 0.6],
        [0.33, 0.45, 0.47],
        [0.5, 0.62, 0.34],
      ];
  const base = small ? 13 / 16 : 0.8;
  const barR = small ? 0.001 : 0.03;
  const check = [
    [0.665, 0.29],
    [0.745, 0.37],
    [0.875, 0.19],
  ];
  const checkW = 0.042;
  const result = [
    {
      colour: (_px, py) => BLUE_TOP.map((c, i) => c + (BLUE_BOTTOM[i] - c) * py),
      inside: (px, py) => sdRoundRect(px, py, m, m, 1 - m, 1 - m, radius) <= 0,
    },
  ];
  if (!small) {
    // soft drop shadow under the bars and the check, offset down-right
    const d = 0.025;
    result.push({
      colour: () => SHADOW,
      alpha: 0.35,
      inside: (px, py) =>
        bars.some(([x0, x1, top]) => sdRoundRect(px - d, py - d, x0, top, x1, base, barR) <= 0) ||
        sdSegment(px - d, py - d, ...check[0], ...check[1], checkW) <= 0 ||
        sdSegment(px - d, py - d, ...check[1], ...check[2], checkW) <= 0,
    });
  }
  for (const [x0, x1, top] of bars) {
    result.push({
      colour: () => WHITE,
      inside: (px, py) => sdRoundRect(px, py, x0, top, x1, base, barR) <= 0,
    });
  }
  if (!small) {
    result.push({
      colour: () => AMBER,
      inside: (px, py) =>
        sdSegment(px, py, ...check[0], ...check[1], checkW) <= 0 ||
        sdSegment(px, py, ...check[1], ...check[2], checkW) <= 0,
    });
  } else {
    // 16 px: no room for a check mark; an amber cap on the tallest bar keeps the accent colour
    const [x0, x1, top] = bars[2];
    result.push({
      colour: () => AMBER,
      inside: (px, py) => sdRoundRect(px, py, x0, top, x1, top + 3 / 16, barR) <= 0,
    });
  }
  return result;
}

/** Rasterises the icon at size x size pixels, returns RGBA8 buffer (non-premultiplied). */
export function drawIcon(size) {
  const ss = 5; // supersamples per axis
  const out = Buffer.alloc(size * size * 4);
  const ls = layers(size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // accumulate premultiplied colour over the subsamples
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const px = (x + (sx + 0.5) / ss) / size;
          const py = (y + (sy + 0.5) / ss) / size;
          let cr = 0;
          let cg = 0;
          let cb = 0;
          let ca = 0;
          for (const layer of ls) {
            if (!layer.inside(px, py)) continue;
            const [lr, lg, lb] = layer.colour(px, py);
            const la = layer.alpha ?? 1;
            // "over" compositing in premultiplied space
            cr = lr * la + cr * (1 - la);
            cg = lg * la + cg * (1 - la);
            cb = lb * la + cb * (1 - la);
            ca = la + ca * (1 - la);
          }
          r += cr;
          g += cg;
          b += cb;
          a += ca;
        }
      }
      const n = ss * ss;
      const i = (y * size + x) * 4;
      const alpha = a / n;
      out[i] = alpha > 0 ? Math.round(r / n / alpha) : 0;
      out[i + 1] = alpha > 0 ? Math.round(g / n / alpha) : 0;
      out[i + 2] = alpha > 0 ? Math.round(b / n / alpha) : 0;
      out[i + 3] = Math.round(alpha * 255);
    }
  }
  return out;
}

function main() {
  const check = process.argv.includes("--check");
  mkdirSync(ASSETS, { recursive: true });
  const files = SIZES.map((size) => [`icon-${size}.png`, encodePng(size, size, drawIcon(size))]);
  let stale = 0;
  for (const [name, png] of files) {
    const path = join(ASSETS, name);
    if (check) {
      if (!existsSync(path) || !readFileSync(path).equals(png)) {
        console.error(`stale or missing: assets/${name} (run: node scripts/make-icons.mjs)`);
        stale++;
      }
    } else {
      writeFileSync(path, png);
      console.log(`wrote assets/${name} (${png.length} bytes)`);
    }
  }
  if (check) {
    if (stale > 0) process.exit(1);
    console.log(`icons up to date (${files.length} files)`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
