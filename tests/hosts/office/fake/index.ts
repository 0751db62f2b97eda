/** The strict Office.js double (see excel.ts), split by job like src/hosts/office. */
export { FakeExcel, type FakeOptions } from "./excel";
export { FakeOfficeError, fakeParseAddress, typedInput } from "./util";
export { col, valueAt } from "./helpers";
