// manifest.xml against the manifest XSDs kept in the repo (schemas/: the 2020 set, extended with
// <Runtimes>), with xmllint (Debian package libxml2-utils). Skipped, saying so, where xmllint is missing;
// .ci/run installs it and runs the same check as a step of its own.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const SCHEMAS = join(ROOT, "schemas");
const MANIFEST = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const hasXmllint = spawnSync("xmllint", ["--version"]).status === 0;
if (!hasXmllint)
  console.warn("tests/manifest/xsd.test.ts: xmllint missing (apt-get install libxml2-utils): skipped");
const maybe = hasXmllint ? describe : describe.skip;

/** xmllint's verdict on `xml` against `schema` (a file in schemas/ or an absolute path). */
function validate(xml: string, schema = join(SCHEMAS, "OfficeAppManifestV1_1.xsd")) {
  const dir = mkdtempSync(join(tmpdir(), "par-xsd-"));
  try {
    const file = join(dir, "manifest.xml");
    writeFileSync(file, xml);
    const r = spawnSync("xmllint", ["--noout", "--schema", schema, file], { encoding: "utf8" });
    return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("schemas/ (the extended copy)", () => {
  const extended = readFileSync(join(SCHEMAS, "TaskPaneAppVersionOverridesV1_0.xsd"), "utf8");

  it("says in its header which element it adds and from which documentation page", () => {
    const header = /<!--([\s\S]*?)-->/.exec(extended)?.[1] ?? "";
    expect(header).toMatch(/ADDED the <Runtimes> element/);
    expect(header).toContain("https://learn.microsoft.com/javascript/api/manifest/runtimes");
  });

  it("package.json's validate:xsd uses it (not ../shared)", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts["validate:xsd"]).toContain("schemas/OfficeAppManifestV1_1.xsd");
    expect(readFileSync(join(ROOT, ".ci", "run"), "utf8")).toMatch(/SCHEMA_DIR="schemas"/);
  });
});

maybe("manifest.xml against schemas/ (xmllint)", () => {
  it("validates", () => {
    const r = validate(MANIFEST);
    expect(r.output).toMatch(/validates/);
    expect(r.ok).toBe(true);
  });

  it("the schema notices a misplaced or malformed <Runtimes>", () => {
    const moved = MANIFEST.replace(/\s*<Runtimes>[\s\S]*?<\/Runtimes>/, "").replace(
      "</DesktopFormFactor>",
      '</DesktopFormFactor><Runtimes><Runtime resid="Taskpane.Url" lifetime="long"/></Runtimes>',
    );
    expect(moved).not.toEqual(MANIFEST);
    expect(validate(moved).ok).toBe(false);
    const badLifetime = MANIFEST.replace('lifetime="long"', 'lifetime="forever"');
    expect(validate(badLifetime).ok).toBe(false);
    const noResid = MANIFEST.replace('<Runtime resid="Taskpane.Url"', "<Runtime");
    expect(validate(noResid).ok).toBe(false);
  });

  it("without the extension the 2020 schema rejects <Runtimes> (why schemas/ exists)", () => {
    const dir = mkdtempSync(join(tmpdir(), "par-xsd-orig-"));
    try {
      for (const f of [
        "OfficeAppManifestV1_1.xsd",
        "OfficeAppBasicTypesV1_0.xsd",
        "MailAppVersionOverridesV1_0.xsd",
        "MailAppVersionOverridesV1_1.xsd",
        "ContentAppVersionOverridesV1_0.xsd",
      ]) {
        writeFileSync(join(dir, f), readFileSync(join(SCHEMAS, f)));
      }
      // undo the extension: drop the added element and types
      const original = readFileSync(join(SCHEMAS, "TaskPaneAppVersionOverridesV1_0.xsd"), "utf8")
        .replace(/\s*<!-- PAR INDEX extension: <Runtimes>[\s\S]*?<\/xs:element>/, "")
        .replace(/\s*<!-- PAR INDEX extension: the types[\s\S]*?(?=\s*<xs:complexType name="Host")/, "");
      writeFileSync(join(dir, "TaskPaneAppVersionOverridesV1_0.xsd"), original);
      const r = validate(MANIFEST, join(dir, "OfficeAppManifestV1_1.xsd"));
      expect(r.ok).toBe(false);
      expect(r.output).toMatch(/Runtimes/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
