/**
 * `par-index apply` writes through the direct writer (issue 14) when it takes the change set, and through
 * ExcelJS otherwise, and says the same either way: the parts apply does not concern come out byte for byte
 * on the direct path; a fixture the direct writer hands to ExcelJS still gets its parts carried over; the
 * stderr lines and the --json report do not depend on the writer.
 */
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { CORPUS, fixtureBytes } from "../corpus";
import { memoryIo, seedXlsx } from "./fixtures";
import { applyVia, sharedStringsKept } from "../hosts/xlsx/direct/support";

jest.setTimeout(60_000);

const run = async (argv: string[], files: Record<string, Uint8Array | string>) => {
  const { io, out } = memoryIo(files);
  const code = await main(argv, io);
  return { code, ...out, files };
};

async function sameBytes(a: Uint8Array, b: Uint8Array, part: string): Promise<boolean> {
  const [x, y] = await Promise.all([JSZip.loadAsync(a), JSZip.loadAsync(b)]);
  const [p, q] = await Promise.all([x.file(part)!.async("uint8array"), y.file(part)!.async("uint8array")]);
  return Buffer.from(p).equals(Buffer.from(q));
}

describe("par-index apply through the direct writer", () => {
  test("the seed table: written directly, untouched parts byte for byte, the report unchanged", async () => {
    const input = await seedXlsx();
    const r = await run(["apply", "in.xlsx", "-o", "out.xlsx", "--json"], { "in.xlsx": input });
    expect(r.code).toBe(0);
    const out = r.files["out.xlsx"] as Uint8Array;
    // The theme is never rewritten on the direct path, the shared strings only appended to (ExcelJS
    // rewrites both).
    expect(await sharedStringsKept(input, out)).toBe(true);
    expect(await sameBytes(input, out, "xl/theme/theme1.xml")).toBe(true);
    // Nothing about the writer in what the user reads.
    expect(r.stderr).not.toMatch(/direct|ExcelJS/i);
    const json = JSON.parse(r.stdout);
    expect(json.output).toBe("out.xlsx");
    // The report is of the table as read, whichever writer wrote the output.
    expect(json.total).toMatchObject({ max: 99.5, achieved: 84.87, gap: 14.63, percent: 85.3 });
    expect((await applyVia(input, "auto")).via).toBe("direct");
  });

  test("a fixture left to ExcelJS (notes on the table's sheet): parts carried over, the same lines said", async () => {
    const f = CORPUS.find((x) => x.id === "user-furniture")!;
    const input = await fixtureBytes(f);
    const direct = await applyVia(input, "auto");
    expect(direct.via).toBe("exceljs");
    const r = await run(["apply", "in.xlsx", "-o", "out.xlsx"], { "in.xlsx": input });
    expect(r.code).toBe(0);
    const out = await JSZip.loadAsync(r.files["out.xlsx"] as Uint8Array);
    // The notes (comments and their VML drawing) come out, as before.
    expect(Object.keys(out.files).some((n) => /comments/i.test(n))).toBe(true);
    const seed = await run(["apply", "in.xlsx", "-o", "out.xlsx"], { "in.xlsx": await seedXlsx() });
    const shape = (s: string) =>
      s
        .trim()
        .split("\n")
        .map((l) => l.replace(/\d+/g, "N").replace(/«[^»]*»/g, "«…»"));
    // Line for line the same kinds of lines as a file written directly.
    expect(shape(r.stderr)[0]).toBe(shape(seed.stderr)[0]);
    expect(shape(r.stderr).at(-1)).toBe(shape(seed.stderr).at(-1));
    expect(r.stderr).not.toMatch(/direct|ExcelJS/i);
  });
});
