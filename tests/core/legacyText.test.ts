import {
  UNICODE_FONT,
  detectLegacy,
  detectLegacyTexts,
  isUppercaseLegacyFont,
  legacyFontEncoding,
  toUnicode,
} from "../../src/core/legacyText";
import {
  LOWER,
  TCVN3_CAPITALS,
  encodeTcvn3,
  encodeTcvn3H,
  encodeVni,
  vnTimeable,
} from "../support/legacyEncode";

const REALISTIC = [
  "Cải cách thủ tục hành chính",
  "Điểm tối đa",
  "Điểm đạt được",
  "UBND xã Nhất Tiến",
  "Ủy ban nhân dân phường Đông Kinh",
  "Lĩnh vực/tiêu chí/tiêu chí thành phần",
  "Chưa đạt so với điểm tối đa",
  "Nguyên nhân chưa đạt điểm",
  "Tỷ lệ giảm đơn vị sự nghiệp so với năm 2021",
  "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
  "Thực hiện tiết kiệm kinh phí",
  "Kết quả đo lường hài lòng của người dân, tổ chức",
  "Sở Nội vụ tỉnh Lạng Sơn",
];

describe("toUnicode: every letter with every tone", () => {
  test.each(LOWER)("%s in TCVN3 (.VnTime) and VNI, lower case", (u, t, v) => {
    expect(toUnicode(t, "tcvn3", ".VnTime")).toBe(u);
    expect(toUnicode(v, "vni", "VNI-Times")).toBe(u);
  });

  test.each(LOWER)("%s in capitals: TCVN3 through an H font, VNI upper case", (u, t, v) => {
    const U = u.toUpperCase();
    expect(toUnicode(t, "tcvn3", ".VnTimeH")).toBe(U);
    expect(toUnicode(v.toUpperCase(), "vni")).toBe(U);
    // Title case in VNI: a capital base with a lower-case mark is still the capital letter.
    if (v.length === 2) expect(toUnicode(v[0].toUpperCase() + v[1], "vni")).toBe(U);
  });

  test.each(TCVN3_CAPITALS)("%s from the lower-case TCVN3 font's own capital %s", (u, t) => {
    expect(toUnicode(t, "tcvn3", ".VnTime")).toBe(u);
  });

  test("all 134 letters are covered and every result is NFC", () => {
    const letters = new Set<string>();
    for (const [u, t, v] of LOWER) {
      letters.add(toUnicode(t, "tcvn3", ".VnTime"));
      letters.add(toUnicode(t, "tcvn3", ".VnArialH"));
      letters.add(toUnicode(v, "vni"));
      letters.add(toUnicode(v.toUpperCase(), "vni"));
      for (const l of letters) if (/^[a-z]$/i.test(l)) letters.delete(l);
      expect(u.normalize("NFC")).toBe(u);
    }
    expect(letters.size).toBe(134);
    for (const l of letters) expect(l.normalize("NFC")).toBe(l);
  });
});

describe("toUnicode: round trip of realistic texts", () => {
  test.each(REALISTIC)("%s", (text) => {
    expect(toUnicode(encodeTcvn3(vnTimeable(text)), "tcvn3")).toBe(vnTimeable(text));
    expect(toUnicode(encodeTcvn3H(text), "tcvn3", ".VnTimeH")).toBe(text.toUpperCase());
    expect(toUnicode(encodeVni(text), "vni")).toBe(text);
    expect(toUnicode(encodeVni(text.toUpperCase()), "vni")).toBe(text.toUpperCase());
  });

  test("texts as they sit in real cells", () => {
    expect(toUnicode("C¶i c¸ch thñ tôc hµnh chÝnh", "tcvn3")).toBe("Cải cách thủ tục hành chính");
    expect(toUnicode("§iÓm tèi ®a", "tcvn3")).toBe("Điểm tối đa");
    expect(toUnicode("§iÓm ®¹t ®\u00adîc", "tcvn3")).toBe("Điểm đạt được");
    expect(toUnicode("UBND x· B¾c S¬n", "tcvn3")).toBe("UBND xã Bắc Sơn");
    expect(toUnicode("Caûi caùch thuû tuïc haønh chính", "vni")).toBe("Cải cách thủ tục hành chính");
    expect(toUnicode("Ñieåm toái ña", "vni")).toBe("Điểm tối đa");
    expect(toUnicode("Ñieåm ñaït ñöôïc", "vni")).toBe("Điểm đạt được");
    expect(toUnicode("UBND xaõ Baéc Sôn", "vni")).toBe("UBND xã Bắc Sơn");
    expect(toUnicode("ÑIEÅM ÑAÏT ÑÖÔÏC", "vni")).toBe("ĐIỂM ĐẠT ĐƯỢC");
  });

  test("an H-font title without its font is read in capitals; a mixed-case one is not", () => {
    expect(toUnicode("C¶I C¸CH THñ TôC HµNH CHÝNH", "tcvn3")).toBe("CẢI CÁCH THỦ TỤC HÀNH CHÍNH");
    expect(toUnicode("C¶I C¸CH THñ TôC HµNH CHÝNH", "tcvn3", ".VnTimeH")).toBe("CẢI CÁCH THỦ TỤC HÀNH CHÍNH");
    // A lower-case font keeps what it shows, even for an all-capitals ASCII text.
    expect(toUnicode("TT", "tcvn3", ".VnTime")).toBe("TT");
    expect(toUnicode("Sè", "tcvn3")).toBe("Số");
  });

  test("ASCII, digits and punctuation pass through unchanged", () => {
    const s = "TT 1.6.2 (10,00) - 84,87/99,50; UBND: KH-UBND";
    expect(toUnicode(s, "tcvn3", ".VnTime")).toBe(s);
    expect(toUnicode(s, "vni")).toBe(s);
  });

  test("private-use TCVN3 codes (symbol-font storage) are read by their low byte", () => {
    expect(toUnicode("c\uf0b8c", "tcvn3")).toBe("các");
  });
});

describe("detectLegacy", () => {
  test("by font name when known", () => {
    expect(detectLegacy("anything", ".VnTime")).toBe("tcvn3");
    expect(detectLegacy("STT", ".VnTimeH")).toBe("tcvn3");
    expect(detectLegacy("x", ".VnArial Narrow")).toBe("tcvn3");
    expect(detectLegacy("x", "VNI-Times")).toBe("vni");
    expect(detectLegacy("x", "VNI-Helve")).toBe("vni");
    expect(legacyFontEncoding("Times New Roman")).toBeNull();
    expect(legacyFontEncoding(UNICODE_FONT)).toBeNull();
    expect(isUppercaseLegacyFont(".VnTimeH")).toBe(true);
    expect(isUppercaseLegacyFont(".VnCentury SchoolbookH")).toBe(true);
    expect(isUppercaseLegacyFont(".VnTime")).toBe(false);
    expect(isUppercaseLegacyFont("VNI-Times")).toBe(false);
  });

  test("plain ASCII and real Unicode Vietnamese are not legacy, whatever the Unicode font", () => {
    for (const text of ["", "STT", "TONG DIEM 84,87", "Diem toi da", "UBND", "1.6.2"]) {
      expect(detectLegacy(text)).toBeNull();
      expect(detectLegacy(text, "Times New Roman")).toBeNull();
    }
    for (const text of REALISTIC) {
      expect(detectLegacy(text)).toBeNull();
      expect(detectLegacy(text.toUpperCase())).toBeNull();
      expect(detectLegacy(text.normalize("NFD"))).toBeNull();
    }
  });

  test("lone symbols are no evidence", () => {
    for (const text of ["© 2024", "§ 3", "« trích dẫn »", "½", "Điểm ® 2"])
      expect(detectLegacy(text)).toBeNull();
  });

  test("a table's cells by majority", () => {
    const cells = [
      "TT",
      "L\u00dcnh v\u00f9c/ti\u00eau ch\u00dd",
      "§iÓm tèi ®a",
      "§iÓm ®¹t ®\u00adîc",
      "© 2024",
    ];
    expect(detectLegacyTexts(cells)).toBe("tcvn3");
    expect(detectLegacyTexts(["STT", "Ñieåm toái ña", "Ñieåm ñaït ñöôïc"])).toBe("vni");
    expect(detectLegacyTexts(["STT", "Điểm tối đa", "Điểm đạt được"])).toBeNull();
    expect(detectLegacyTexts(["STT", "Diem"], [".VnTime", null])).toBe("tcvn3");
    expect(detectLegacyTexts([])).toBeNull();
  });

  test("Latin-1 text that is also valid Unicode stays Unicode", () => {
    for (const text of ["Xin chào", "Café Résumé", "mét", "Hà Giang", "Bé Tí"])
      expect(detectLegacy(text)).toBeNull();
  });

  test.each(REALISTIC)("recognises %s in each encoding by its text alone", (text) => {
    expect(detectLegacy(encodeTcvn3(vnTimeable(text)))).toBe("tcvn3");
    expect(detectLegacy(encodeVni(text))).toBe("vni");
    expect(detectLegacy(encodeVni(text.toUpperCase()))).toBe("vni");
    expect(detectLegacy(encodeTcvn3H(text).toUpperCase())).toBe("tcvn3");
  });

  test("cells from real files", () => {
    expect(detectLegacy("C¶i c¸ch thñ tôc hµnh chÝnh")).toBe("tcvn3");
    expect(detectLegacy("§iÓm ®¹t ®\u00adîc")).toBe("tcvn3");
    expect(detectLegacy("Caûi caùch thuû tuïc haønh chính")).toBe("vni");
    expect(detectLegacy("Ñieåm ñaït ñöôïc")).toBe("vni");
  });
});
