/** The plan document: plain data in, a PlanDocument out (model.ts), .docx bytes from it (docx.ts). */
export * from "./model";
export { planInputFromAnalysis, type PlanInputRest, type RemedyAnswer } from "./fromAnalysis";
export { LAYOUT, planDocx, renderPlanDocx } from "./docx";
export { LEVEL_WORDS, unitPhrase, sentenceCase, type LevelWords } from "./text";
