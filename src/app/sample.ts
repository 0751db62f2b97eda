/** The sample results table (the playground's first screen, demos and tests). */
export { SAMPLE_SHEET, sampleSheet, sampleWorkbook } from "../core/sample";
