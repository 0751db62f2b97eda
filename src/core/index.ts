/** The pure core: snapshot in, analysis and change sets out. No Office, no DOM, no I/O. */
export * from "./types";
export * from "./text";
export * from "./numbers";
export * from "./address";
export * from "./table";
export * from "./analyze";
export * from "./messages";
export * from "./plan";
export * from "./formula";
export * from "./model";
export * from "./sample";
export * from "./remediation";
export * from "./checks";
export * from "./prepare";
