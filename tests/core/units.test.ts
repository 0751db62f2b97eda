import { charsToPoints, pointsToChars } from "../../src/core/units";

test("column widths: characters ↔ points at Calibri 11 (7 px per character + 5 px padding, 0.75 pt per px)", () => {
  expect(charsToPoints(8.43)).toBe(48);
  expect(charsToPoints(60)).toBe(318.75);
  expect(charsToPoints(28)).toBe(150.75);
  for (const w of [8.43, 10, 12, 30, 45, 60]) expect(pointsToChars(charsToPoints(w))).toBe(w);
  expect(pointsToChars(48)).toBe(8.43);
});
