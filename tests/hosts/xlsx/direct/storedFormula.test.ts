// cellsWrite.ts storedFormula: toStored (future.ts) by the formula's shape gives what toStored gives.
import { storedFormula } from "../../../../src/hosts/xlsx/direct/cellsWrite";
import { toStored } from "../../../../src/hosts/xlsx/future";

const FORMULAS = [
  'IF(OR(C5="",D5=""),"",NUMBERVALUE(C5,",",".")-NUMBERVALUE(D5,",","."))',
  'IF(OR(C12="",D12=""),"",NUMBERVALUE(C12,",",".")-NUMBERVALUE(D12,",","."))',
  'IF(C100=0,"",ROUND(D100/C100*100,2))',
  'IFERROR(NUMBERVALUE(SUBSTITUTE(C7," ",""),",","."),0)',
  "T.DIST.2T(A1,10)+T.DIST.2T(A2,20)",
  'CONCAT("NUMBERVALUE(1)",A10)',
  "SUM(A1:A10000)+LOG10(B2)",
  "'Kế hoạch 2025'!B2*2+XLOOKUP(A3,B1:B9,C1:C9)",
  '"0"&A0001&"00"&B20',
  "SUM(A1,A2)",
  "A1(2)",
  "12345",
];

test.each(FORMULAS)("%s: as toStored stores it, twice (the second from the shape's memo)", (f) => {
  expect(storedFormula(f)).toBe(toStored(f));
  expect(storedFormula(f)).toBe(toStored(f));
});

test("newer functions get their prefix on every row of a column of one shape", () => {
  for (let r = 1; r <= 200; r += 37)
    expect(storedFormula(`NUMBERVALUE(C${r},",",".")+SUM(D${r}:E${r})`)).toBe(
      `_xlfn.NUMBERVALUE(C${r},",",".")+SUM(D${r}:E${r})`,
    );
});
