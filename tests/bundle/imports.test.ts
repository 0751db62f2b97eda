// Without a build: what the task pane (and the ribbon's function file) can reach through their imports.
// ExcelJS belongs to the playground and the CLI only; the built sizes are checked by tests/e2e/bundle.test.ts
// after the build. (Not in tests/build/: .gitignore's build/ would hide it.)
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";

const ROOT = join(__dirname, "../..");

/** Module specifiers a file imports at run time (type-only imports are erased), static and dynamic. */
function importsOf(file: string): { static: string[]; dynamic: string[] } {
  const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, "");
  const stat: string[] = [];
  const dyn: string[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s*["']([^"']+)["']/gm)) {
    const typeOnly =
      !!m[2] ||
      (/^\{[^}]*\}$/.test(m[3]) &&
        m[3]
          .slice(1, -1)
          .split(",")
          .every((n) => /^\s*(type\s|$)/.test(n)));
    if (!typeOnly) stat.push(m[4]);
  }
  for (const m of text.matchAll(/^\s*import\s+["']([^"']+)["']/gm)) stat.push(m[1]);
  for (const m of text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) dyn.push(m[1]);
  return { static: stat, dynamic: dyn };
}

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  const base = join(dirname(from), spec);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")];
  const found = candidates.find((f) => existsSync(f) && statSync(f).isFile());
  if (!found) throw new Error(`cannot resolve ${spec} from ${from}`);
  return found;
}

/** Files and packages reachable from `entry`: through static imports only, or through lazy ones too. */
function reach(entry: string, lazy: boolean): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = [join(ROOT, entry)];
  while (todo.length) {
    const f = todo.pop()!;
    if (files.has(f)) continue;
    files.add(f);
    const { static: s, dynamic: d } = importsOf(f);
    for (const spec of lazy ? [...s, ...d] : s) {
      const target = resolve(f, spec);
      if (target) todo.push(target);
      else packages.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]);
    }
  }
  return { files, packages };
}

const rel = (files: Set<string>) => [...files].map((f) => relative(ROOT, f));

describe.each([
  ["the task pane", "src/taskpane/index.ts"],
  ["the ribbon's function file", "src/commands/commands.ts"],
])("%s", (_name, entry) => {
  test.each([
    ["first chunk", false],
    ["with its lazy chunks", true],
  ])("%s: no ExcelJS, no xlsx host, no playground", (_what, lazy) => {
    const { files, packages } = reach(entry, lazy);
    expect(files.size).toBeGreaterThan(3);
    expect([...packages].filter((p) => /exceljs|jszip/i.test(p))).toEqual([]);
    expect(rel(files).filter((f) => /^src\/(hosts\/xlsx|playground|cli)\//.test(f))).toEqual([]);
  });
});

test("the task pane's first chunk leaves the Office host to a lazy chunk", () => {
  expect(
    rel(reach("src/taskpane/index.ts", false).files).filter((f) => f.startsWith("src/hosts/office/")),
  ).toEqual([]);
  expect(rel(reach("src/taskpane/index.ts", true).files)).toContain("src/hosts/office/index.ts");
});

test("the task pane's first chunk is plain DOM: no React, no Fluent UI, nothing of src/app (issue 14)", () => {
  const { files, packages } = reach("src/taskpane/index.ts", false);
  expect([...packages]).toEqual([]);
  expect(rel(files).filter((f) => !f.startsWith("src/taskpane/"))).toEqual([]);
  // the panel (React, Fluent UI, the session) is in the lazy part
  const lazy = reach("src/taskpane/index.ts", true);
  expect(lazy.packages.has("react-dom")).toBe(true);
  expect(rel(lazy.files)).toContain("src/taskpane/components/PanelView.tsx");
});

test("the walk sees ExcelJS where it is: the playground", () => {
  const { files, packages } = reach("src/playground/index.tsx", false);
  expect(packages.has("exceljs")).toBe(true);
  expect(rel(files)).toContain("src/hosts/xlsx/index.ts");
});

/**
 * "Front ends import only src/app" (issue 14, item 5): the task pane, the ribbon, the playground and the
 * CLI reach the core and the catalogue through src/app, never directly — type imports included. Each may
 * also import the host it constructs (the Office host: task pane and ribbon; the xlsx host: playground
 * and CLI), its own folder, and UI or platform packages; the playground reuses the task pane's panel, and
 * the task pane loads the ribbon's function lazily (with a shared runtime, the pane's runtime is the one that
 * registers the ribbon's actions; the ribbon itself goes through src/app).
 */
describe("front ends import only src/app (and the host they construct)", () => {
  const FRONT_ENDS: Record<string, string[]> = {
    "src/taskpane": ["src/app/", "src/hosts/office/", "src/commands/"],
    "src/commands": ["src/app/", "src/hosts/office/"],
    "src/playground": ["src/app/", "src/hosts/xlsx/", "src/taskpane/"],
    "src/cli": ["src/app/", "src/hosts/xlsx/"],
  };

  function sourcesUnder(dir: string): string[] {
    return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) =>
      d.isDirectory()
        ? sourcesUnder(`${dir}/${d.name}`)
        : /\.tsx?$/.test(d.name)
          ? [join(ROOT, dir, d.name)]
          : [],
    );
  }

  /** Every relative module a file names: static, type-only, re-exported and dynamic. */
  function allRelativeImports(file: string): string[] {
    const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, "");
    const specs = [
      ...text.matchAll(/\bfrom\s*["'](\.[^"']+)["']/g),
      ...text.matchAll(/^\s*import\s+["'](\.[^"']+)["']/gm),
      ...text.matchAll(/\bimport\(\s*(?:\/\*[\s\S]*?\*\/\s*)?["'](\.[^"']+)["']\s*\)/g),
    ].map((m) => m[1]);
    return specs.map((s) => relative(ROOT, resolve(file, s)!));
  }

  test.each(Object.entries(FRONT_ENDS))("%s", (dir, allowed) => {
    const files = sourcesUnder(dir);
    expect(files.length).toBeGreaterThan(0);
    const outside = files.flatMap((f) =>
      allRelativeImports(f)
        .filter((target) => !target.startsWith(`${dir}/`) && !allowed.some((a) => target.startsWith(a)))
        .map((target) => `${relative(ROOT, f)} → ${target}`),
    );
    expect(outside).toEqual([]);
  });

  test("the check sees a forbidden import (it is not vacuous)", () => {
    // src/app itself reaches the core: the same walk over it finds core files
    const app = sourcesUnder("src/app").flatMap(allRelativeImports);
    expect(app.some((t) => t.startsWith("src/core/"))).toBe(true);
  });
});
