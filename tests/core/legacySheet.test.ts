import {
  analyzeSheet,
  planConvertUnicode,
  prepare,
  sampleSheet,
  sheetEncoding,
  unicodeView,
  withUnicodeFont,
  type ChangeSet,
  type SheetSnapshot,
} from "../../src/core";
import { book, seedRows, sheetOf } from "./helpers";
import { encodeTcvn3, encodeVni, vnTimeable } from "../support/legacyEncode";

/** The seed as a snapshot typed in a legacy encoding, with or without the fonts read. */
function legacySeed(encode: (s: string) => string, font: string | null): SheetSnapshot {
  const s = sheetOf(
    seedRows((c) => (c === "" ? null : encode(c))),
    { name: "KQ" },
  );
  return font ? { ...s, fontNames: s.values.map((row) => row.map((v) => (v === null ? null : font))) } : s;
}

describe("unicodeView", () => {
  test.each([
    ["TCVN3 with .VnTime", (t: string) => encodeTcvn3(t), ".VnTime", "tcvn3"],
    ["TCVN3 without fonts (text alone)", (t: string) => encodeTcvn3(t), null, "tcvn3"],
    ["VNI with VNI-Times", encodeVni, "VNI-Times", "vni"],
    ["VNI without fonts", encodeVni, null, "vni"],
  ] as const)("%s: the table is found, 84,87 / 99,50", (_, encode, font, encoding) => {
    const legacy = legacySeed(encode, font);
    expect(analyzeSheet(legacy).ok).toBe(false);
    const v = unicodeView(legacy);
    expect(v.encoding).toBe(encoding);
    const a = analyzeSheet(v.sheet);
    if (!a.ok) throw new Error(a.error);
    expect(a.total).toMatchObject({ max: 99.5, achieved: 84.87 });
    expect(a.table.lang).toBe("vi");
    const seed = analyzeSheet(sampleSheet());
    if (!seed.ok) throw new Error("seed");
    const expected = (n: string) => (encoding === "vni" ? n : vnTimeable(n));
    // Capitals typed in a lower-case TCVN3 font lose their tones (the font cannot show them): compare as shown.
    expect(a.rows.map((r) => r.name.toLowerCase())).toEqual(
      seed.rows.map((r) => expected(r.name).toLowerCase()),
    );
  });

  test("a Unicode sheet comes back as the same object, not legacy", () => {
    const s = sampleSheet();
    expect(unicodeView(s)).toEqual({ sheet: s, encoding: null });
  });

  test("a stray legacy-looking cell does not turn a Unicode table into a legacy one", () => {
    const s = sheetOf([...seedRows(), ["", "Ghi chú: C¸c x· ®· nép", "", "", "", ""]]);
    expect(sheetEncoding(s)).toBeNull();
    expect(unicodeView(s).sheet).toBe(s);
  });
});

describe("withUnicodeFont", () => {
  const cs: ChangeSet = {
    command: "recalc",
    counts: {},
    ops: [
      {
        op: "setCells",
        sheet: "KQ",
        top: 0,
        left: 6,
        cells: [
          [
            { kind: "text", text: "Tỷ lệ" },
            { kind: "number", value: 1 },
          ],
        ],
      },
      { op: "insertColumns", sheet: "KQ", at: 0, count: 1 },
      {
        op: "setCells",
        sheet: "KQ",
        top: 1,
        left: 2,
        cells: [
          [{ kind: "formula", formula: "=1" }, { kind: "text", text: "a" }, null],
          [null, { kind: "blank" }, { kind: "text", text: "b" }],
        ],
      },
      { op: "setCells", sheet: "Other", top: 0, left: 0, cells: [[{ kind: "text", text: "x" }]] },
    ],
  };

  test("a font op right after each write on the sheet, over its text and formula cells only", () => {
    const out = withUnicodeFont(cs, "KQ");
    expect(out.ops.map((o) => o.op)).toEqual([
      "setCells",
      "setStyle",
      "insertColumns",
      "setCells",
      "setStyle",
      "setCells",
    ]);
    expect(out.ops[1]).toEqual({
      op: "setStyle",
      sheet: "KQ",
      ranges: [{ top: 0, left: 6, rows: 1, cols: 1 }],
      style: { fontName: "Times New Roman" },
    });
    expect(out.ops[4]).toMatchObject({
      ranges: [
        { top: 1, left: 2, rows: 1, cols: 2 },
        { top: 2, left: 4, rows: 1, cols: 1 },
      ],
    });
  });

  test("a change set that sets fonts itself is left as it is", () => {
    const own: ChangeSet = {
      ...cs,
      ops: [...cs.ops, { op: "setStyle", sheet: "KQ", ranges: [], style: { fontName: "Arial" } }],
    };
    expect(withUnicodeFont(own, "KQ")).toBe(own);
  });
});

describe("planConvertUnicode", () => {
  test("every legacy text cell in Unicode and every legacy font switched, one op per row and one font op", () => {
    const legacy = legacySeed(encodeVni, "VNI-Times");
    const cs = planConvertUnicode(legacy);
    expect(cs.counts.fonts).toBe(legacy.values.flat().filter((v) => v !== null).length);
    expect(cs.ops.filter((o) => o.op === "setStyle")).toHaveLength(1);
    const p = prepare(book(legacy), cs);
    if (!p.ok) throw p.error;
    const after = p.after.active;
    expect(after.values).toEqual(sheetOf(seedRows()).values);
    expect(new Set(after.fontNames!.flat().filter(Boolean))).toEqual(new Set(["Times New Roman"]));
    // Twice = once; the inverse puts the legacy text and fonts back.
    expect(planConvertUnicode(after).ops).toEqual([]);
    const back = prepare(p.after, p.inverse);
    if (!back.ok) throw back.error;
    expect(back.after.active.values).toEqual(legacy.values);
    expect(back.after.active.fontNames).toEqual(legacy.fontNames);
  });

  test("a Unicode sheet, even with a cell in a legacy font, is left alone", () => {
    const s = sampleSheet();
    const fontNames = s.values.map((row) => row.map(() => null as string | null));
    fontNames[0][0] = ".VnTime";
    expect(planConvertUnicode({ ...s, fontNames }).ops).toEqual([]);
  });

  test("prepare refuses a font name Excel would refuse", () => {
    const bad: ChangeSet = {
      command: "convert-unicode",
      counts: {},
      ops: [
        {
          op: "setStyle",
          sheet: "KQ",
          ranges: [{ top: 0, left: 0, rows: 1, cols: 1 }],
          style: { fontName: "x".repeat(32) },
        },
      ],
    };
    const p = prepare(book(sheetOf([["a"]], { name: "KQ" })), bad);
    expect(p.ok).toBe(false);
  });
});
