/** The catalogue of remediation measures: built-in data, lookup and the custom catalogue sheet. */
export * from "./data";
export * from "./lookup";
export * from "./customSheet";
export * from "./profiles";
