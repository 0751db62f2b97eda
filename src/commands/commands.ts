// Ribbon command handlers, loaded by commands.html (the manifest's FunctionFile).
// The "recalculate" action id must match <FunctionName>recalculate</FunctionName> in manifest.xml.

/**
 * Placeholder for the "Recalculate" ribbon button. The Excel-host issue wires it to the engine through
 * src/hosts/office/ (the only place allowed to call Excel.run). It must always call event.completed(),
 * otherwise Office keeps the button busy.
 */
export function recalculate(event: Office.AddinCommands.Event): void {
  event.completed();
}

if (typeof Office !== "undefined" && Office.actions) {
  Office.actions.associate("recalculate", recalculate);
}
// Older Office clients look an ExecuteFunction's FunctionName up as a global function.
(globalThis as unknown as Record<string, unknown>).recalculate = recalculate;
