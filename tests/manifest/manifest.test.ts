// Offline checks of manifest.xml (the online `npm run validate` needs Microsoft's service).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RIBBON_ACTIONS } from "../../src/taskpane/officeReady";
import {
  ORIGIN,
  allUrls,
  assetFile,
  buttons,
  checkCommands,
  checkIcons,
  checkIdentity,
  checkLocalisation,
  checkRequirements,
  checkResids,
  checkSharedRuntime,
  checkUrls,
  functionNames,
  parseManifest,
  type Manifest,
} from "./manifestChecks";

const ROOT = join(__dirname, "..", "..");
const RAW = readFileSync(join(ROOT, "manifest.xml"), "utf8");

function allProblems(m: Manifest): string[] {
  return [
    ...checkIdentity(m),
    ...checkUrls(m),
    ...checkResids(m),
    ...checkIcons(m, ROOT),
    ...checkLocalisation(m),
    ...checkCommands(m),
    ...checkRequirements(m),
    ...checkSharedRuntime(m),
  ];
}

describe("manifest.xml", () => {
  const m = parseManifest(RAW);

  it("has a GUID Id, an n.n.n.n Version and is an Excel task pane add-in with ReadWriteDocument", () => {
    expect(checkIdentity(m)).toEqual([]);
  });

  it("uses https URLs on the single origin " + ORIGIN, () => {
    expect(allUrls(RAW).length).toBeGreaterThan(5);
    expect(checkUrls(m)).toEqual([]);
  });

  it("defines every resid it uses, with the right resource kind, and uses every resource", () => {
    expect(checkResids(m)).toEqual([]);
  });

  it("points every icon at a PNG in assets/ with the stated pixel size", () => {
    expect(checkIcons(m, ROOT)).toEqual([]);
  });

  it("has vi-VN overrides for the display name, description and every string", () => {
    expect(checkLocalisation(m)).toEqual([]);
  });

  it("puts 'Open PAR panel' and 'Recalculate' (FunctionName recalculate) in a PAR INDEX group on Home", () => {
    expect(checkCommands(m)).toEqual([]);
    expect(buttons(m).map((b) => b.label?.overrides["vi-VN"])).toEqual(["Mở bảng PAR", "Tính lại"]);
  });

  it("declares the ExcelApi requirement set the Office host needs (1.9) and SharedRuntime 1.1", () => {
    expect(checkRequirements(m)).toEqual([]);
  });

  it("runs ribbon and task pane in one shared runtime (Runtimes, lifetime long, one resid)", () => {
    expect(checkSharedRuntime(m)).toEqual([]);
  });

  it("has every ExecuteFunction associated by the task pane (the shared runtime's page)", () => {
    expect(functionNames(m)).toEqual([...RIBBON_ACTIONS]);
  });

  it("only references pages that webpack builds and assets that exist", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const configFactory = require(join(ROOT, "webpack.config.js")) as (
      env: Record<string, unknown>,
      argv: Record<string, unknown>,
    ) => unknown;
    const built = (await configFactory({}, { mode: "production" })) as Config | Config[];
    type Config = { plugins: Array<{ userOptions?: { filename?: string } }> };
    const config = { plugins: [built].flat().flatMap((c) => c.plugins) };
    const pages = new Set(config.plugins.map((p) => p.userOptions?.filename).filter(Boolean));
    for (const url of new Set(allUrls(RAW))) {
      const pathname = new URL(url).pathname;
      if (pathname === "/" || pathname === "") continue; // AppDomain
      const file = assetFile(url, ROOT);
      if (file) expect(() => readFileSync(file)).not.toThrow();
      else expect(pages).toContain(pathname.slice(1));
    }
  });
});

describe("the manifest checks notice a broken manifest", () => {
  // Each mutation must (1) really change the text and (2) be reported by at least one check.
  const mutations: Array<[string, (s: string) => string]> = [
    ["Id not a GUID", (s) => s.replace(/<Id>[^<]*<\/Id>/, "<Id>not-a-guid</Id>")],
    ["three-part Version", (s) => s.replace("<Version>1.0.0.0</Version>", "<Version>1.0.0</Version>")],
    [
      "http URL",
      (s) =>
        s.replace("https://localhost:3000/assets/icon-16.png", "http://localhost:3000/assets/icon-16.png"),
    ],
    [
      "second origin",
      (s) => s.replace("https://localhost:3000/taskpane.html", "https://example.com/taskpane.html"),
    ],
    [
      "other port",
      (s) =>
        s.replace("https://localhost:3000/assets/icon-80.png", "https://localhost:3001/assets/icon-80.png"),
    ],
    ["undefined resid", (s) => s.replace('resid="Recalculate.Tooltip"', 'resid="Recalculate.Tooltipp"')],
    [
      "resid of the wrong kind",
      (s) => s.replace('<Label resid="OpenPane.Label"/>', '<Label resid="OpenPane.Tooltip"/>'),
    ],
    ["missing icon file", (s) => s.replace("assets/icon-64.png", "assets/icon-65.png")],
    [
      "icon of the wrong size",
      (s) =>
        s.replace('<bt:Image size="80" resid="Icon.80x80"/>', '<bt:Image size="80" resid="Icon.32x32"/>'),
    ],
    [
      "no vi-VN display name",
      (s) => s.replace('<Override Locale="vi-VN" Value="Chỉ số CCHC (PAR INDEX)"/>', ""),
    ],
    ["no vi-VN button label", (s) => s.replace('<bt:Override Locale="vi-VN" Value="Tính lại"/>', "")],
    [
      "wrong FunctionName",
      (s) => s.replace("<FunctionName>recalculate</FunctionName>", "<FunctionName>recalc</FunctionName>"),
    ],
    [
      "no ExcelApi requirement",
      (s) => s.replace('<Set Name="ExcelApi" MinVersion="1.9"/>', '<Set Name="ExcelApi" MinVersion="1.1"/>'),
    ],
    ["no shared runtime", (s) => s.replace(/<Runtimes>[\s\S]*?<\/Runtimes>/, "")],
    ["short runtime", (s) => s.replace('lifetime="long"', 'lifetime="short"')],
    [
      "function file not the runtime's page",
      (s) =>
        s.replace('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="GetStarted.LearnMoreUrl"/>'),
    ],
    ["no SharedRuntime requirement", (s) => s.replace('<Set Name="SharedRuntime" MinVersion="1.1"/>', "")],
    [
      "Runtimes after the form factor",
      (s) =>
        s
          .replace(/\s*<Runtimes>[\s\S]*?<\/Runtimes>/, "")
          .replace(
            "</DesktopFormFactor>",
            '</DesktopFormFactor><Runtimes><Runtime resid="Taskpane.Url" lifetime="long"/></Runtimes>',
          ),
    ],
    [
      "wrong permission",
      (s) =>
        s.replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadDocument</Permissions>"),
    ],
  ];

  it.each(mutations)("%s", (_name, mutate) => {
    const broken = mutate(RAW);
    expect(broken).not.toEqual(RAW);
    expect(allProblems(parseManifest(broken)).length).toBeGreaterThan(0);
  });

  it("rejects XML that is not well-formed", () => {
    expect(() => parseManifest(RAW.replace("</Permissions>", ""))).toThrow(/well-formed/);
  });
});
