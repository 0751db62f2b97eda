/**
 * Functions newer than Excel 2007 are stored in a file with a prefix ("_xlfn.NUMBERVALUE(…)"; FILTER and
 * SORT also "_xlws."; LAMBDA parameters "_xlpm."). Excel and LibreOffice show #NAME? for the bare name.
 * Office.js hides the prefixes; ExcelJS reads and writes formula text as stored, so the host adds them on
 * write and strips them on read: snapshots and the core see "=NUMBERVALUE(…)" as in Excel's formula bar.
 */

/** Excel 2010+ functions that need "_xlfn." in a file (Microsoft's list, by name). */
const FUTURE = new Set(
  (
    "ACOT ACOTH AGGREGATE ARABIC ARRAYTOTEXT BASE BETA.DIST BETA.INV BINOM.DIST BINOM.DIST.RANGE BINOM.INV " +
    "BITAND BITLSHIFT BITOR BITRSHIFT BITXOR BYCOL BYROW CEILING.MATH CEILING.PRECISE CHISQ.DIST CHISQ.DIST.RT " +
    "CHISQ.INV CHISQ.INV.RT CHISQ.TEST CHOOSECOLS CHOOSEROWS COMBINA CONCAT CONFIDENCE.NORM CONFIDENCE.T COT " +
    "COTH COVARIANCE.P COVARIANCE.S CSC CSCH DAYS DECIMAL DROP ERF.PRECISE ERFC.PRECISE EXPAND EXPON.DIST " +
    "F.DIST F.DIST.RT F.INV F.INV.RT F.TEST FILTER FILTERXML FLOOR.MATH FLOOR.PRECISE FORECAST.ETS " +
    "FORECAST.ETS.CONFINT FORECAST.ETS.SEASONALITY FORECAST.ETS.STAT FORECAST.LINEAR FORMULATEXT GAMMA " +
    "GAMMA.DIST GAMMA.INV GAMMALN.PRECISE GAUSS HSTACK HYPGEOM.DIST IFNA IFS IMAGE IMCOSH IMCOT IMCSC IMCSCH " +
    "IMSEC IMSECH IMSINH IMTAN ISFORMULA ISOMITTED ISOWEEKNUM LAMBDA LET LOGNORM.DIST LOGNORM.INV MAKEARRAY " +
    "MAP MAXIFS MINIFS MODE.MULT MODE.SNGL MUNIT NEGBINOM.DIST NETWORKDAYS.INTL NORM.DIST NORM.INV " +
    "NORM.S.DIST NORM.S.INV NUMBERVALUE PDURATION PERCENTILE.EXC PERCENTILE.INC PERCENTRANK.EXC " +
    "PERCENTRANK.INC PERMUTATIONA PHI POISSON.DIST QUARTILE.EXC QUARTILE.INC QUERYSTRING RANDARRAY RANK.AVG " +
    "RANK.EQ REDUCE RRI SCAN SEC SECH SEQUENCE SHEET SHEETS SKEW.P SORT SORTBY STDEV.P STDEV.S STOCKHISTORY " +
    "SWITCH T.DIST T.DIST.2T T.DIST.RT T.INV T.INV.2T T.TEST TAKE TEXTAFTER TEXTBEFORE TEXTJOIN TEXTSPLIT " +
    "TOCOL TOROW UNICHAR UNICODE UNIQUE VALUETOTEXT VAR.P VAR.S VSTACK WEBSERVICE WEIBULL.DIST WORKDAY.INTL " +
    "WRAPCOLS WRAPROWS XLOOKUP XMATCH XOR Z.TEST"
  ).split(" "),
);
/** Worksheet functions stored as "_xlfn._xlws.NAME". */
const WORKSHEET = new Set(["FILTER", "SORT"]);

/** Applies `f` to the parts of a formula outside string literals. */
function outsideStrings(formula: string, f: (code: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : f(part)))
    .join("");
}

/** "=NUMBERVALUE(C5)" → "=_xlfn.NUMBERVALUE(C5)", as a file stores it. */
export function toStored(formula: string): string {
  // Most formulas call no newer function (SUM, IF): a quick look for any such name, strings included, and
  // only then the exact rewrite outside string literals.
  let future = false;
  for (const m of formula.matchAll(/[A-Za-z][A-Za-z0-9.]*(?=\()/g))
    if (FUTURE.has(m[0].toUpperCase())) {
      future = true;
      break;
    }
  if (!future) return formula;
  return outsideStrings(formula, (code) =>
    code.replace(/(^|[^A-Za-z0-9_.])([A-Za-z][A-Za-z0-9.]*)(?=\()/g, (all, before: string, name: string) => {
      const upper = name.toUpperCase();
      if (!FUTURE.has(upper)) return all;
      return `${before}_xlfn.${WORKSHEET.has(upper) ? "_xlws." : ""}${name}`;
    }),
  );
}

/** "=_xlfn.NUMBERVALUE(C5)" → "=NUMBERVALUE(C5)", as Excel shows it. */
export function fromStored(formula: string): string {
  return formula.includes("_xl")
    ? outsideStrings(formula, (code) => code.replace(/_xl(fn|ws|pm)\./g, ""))
    : formula;
}
