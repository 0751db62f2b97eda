// The task pane stays a thin front end: no Excel object model, no ExcelJS, no Fabric, lean imports.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "../../src/taskpane");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

const sources = files(ROOT).map((p) => ({ p, text: readFileSync(p, "utf8") }));

test("the task pane has sources", () => {
  expect(sources.length).toBeGreaterThan(5);
});

test.each([
  ["Excel.run", /\bExcel\s*\.\s*run\b/],
  ["context.sync", /\bcontext\s*\.\s*sync\b/],
  ["the Excel namespace", /\bExcel\.[A-Za-z_]/],
  ["ExcelJS", /["']exceljs["']/],
  ["the xlsx host (ExcelJS)", /hosts\/xlsx/],
  ["office-ui-fabric-react", /office-ui-fabric-react|@fluentui\/react["']/],
  ["namespace imports of Fluent", /import\s+\*\s+as\s+\w+\s+from\s+["']@fluentui/],
])("no %s in src/taskpane", (_name, pattern) => {
  expect(sources.filter((s) => pattern.test(s.text)).map((s) => s.p)).toEqual([]);
});

test("the Office host is imported lazily, by the glue only", () => {
  const importers = sources.filter((s) => /hosts\/office/.test(s.text));
  expect(importers.map((s) => s.p.slice(ROOT.length + 1))).toEqual(["officeGlue.ts"]);
  expect(importers[0].text).not.toMatch(/^import[^;]*hosts\/office/m);
  expect(importers[0].text).toMatch(/import\(\s*(\/\*.*?\*\/\s*)?["']\.\.\/hosts\/office["']\)/);
  // the Office events too: lazily, into the Office chunk
  expect(importers[0].text).toMatch(
    /import\(\s*\/\*\s*webpackChunkName:\s*"office-host"\s*\*\/\s*["']\.\.\/hosts\/office\/events["']\)/,
  );
});
