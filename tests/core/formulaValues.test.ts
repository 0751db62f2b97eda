// formulaValues.ts's fast paths: NUMBERVALUE's reading of plain digit text (the very number Number() gives the text
// with its decimal separator made a point) and text comparison (as comparing lower-case copies orders them).
import { compare, numberValue } from "../../src/core/formulaValues";
import { rng } from "../support/seeded";

const reference = (text: string, dec: string): number => {
  const d = text.indexOf(dec);
  const intPart = d === -1 ? text : text.slice(0, d);
  const frac = d === -1 ? "" : text.slice(d + 1);
  return Number(`${intPart}${frac ? "." + frac : ""}`);
};

test("digit text with at most one decimal separator reads as Number() reads it, bit for bit", () => {
  const next = rng(7);
  const digits = (n: number) => Array.from({ length: n }, () => String(Math.floor(next() * 10))).join("");
  const cases = ["0", "00", "0,0", ",5", "5,", "1,00", "0,1", "0,3", "9007199254740993", "123456789012345,6"];
  for (let i = 0; i < 20_000; i++) {
    const whole = digits(Math.floor(next() * 12));
    const frac = digits(Math.floor(next() * 12));
    cases.push(next() < 0.2 ? whole || "7" : `${whole},${frac}`);
  }
  const wrong: string[] = [];
  for (const text of cases) {
    for (const [dec, group, t] of [
      [",", ".", text],
      [".", ",", text.replace(",", ".")],
    ]) {
      const got = numberValue(t, dec, group);
      const want = reference(t, dec);
      if (!Object.is(got, want)) wrong.push(`${t}: ${String(got)} ≠ ${want}`);
    }
  }
  expect(wrong).toEqual([]);
});

test("texts compare as their lower-case copies do, with every operator", () => {
  const texts = ["", "a", "A", "b", "ab", "AB", "Đạt", "đạt", "ĐẠT", "1,00", "1,0", "Ǆ", "ǆ", "ß", "SS", " "];
  const ops = ["=", "<>", "<", ">", "<=", ">="];
  const reference = (x: string, y: string, op: string) => {
    const c = x.toLowerCase() < y.toLowerCase() ? -1 : x.toLowerCase() > y.toLowerCase() ? 1 : 0;
    return { "=": c === 0, "<>": c !== 0, "<": c < 0, ">": c > 0, "<=": c <= 0, ">=": c >= 0 }[op];
  };
  const wrong: string[] = [];
  for (const x of texts)
    for (const y of texts)
      for (const op of ops) if (compare(x, y, op) !== reference(x, y, op)) wrong.push(`"${x}" ${op} "${y}"`);
  expect(wrong).toEqual([]);
});
