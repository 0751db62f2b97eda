/** A full disk while writing: the temporary file is removed, the target never renamed over, the words say why. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

jest.mock("node:fs/promises", () => {
  const real = jest.requireActual("node:fs/promises");
  return {
    ...real,
    // writes half the data, then fails as a full disk does
    writeFile: jest.fn(async (path: string, data: Uint8Array | string) => {
      await real.writeFile(
        path,
        typeof data === "string" ? data.slice(0, data.length / 2) : data.subarray(0, 10),
      );
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
    }),
  };
});

import { writeAtomic } from "../../src/cli/atomic";
import { describeError } from "../../src/app/errors";

test("ENOSPC: no partial file, the existing target untouched, «ổ đĩa đã đầy»", async () => {
  const dir = mkdtempSync(join(tmpdir(), "par-full-"));
  const target = join(dir, "bac-son.xlsx");
  writeFileSync(target, "bản gốc");
  const e = await writeAtomic(target, "nội dung mới dài hơn").catch((x: unknown) => x);
  const u = describeError(e);
  expect(u.code).toBe("write-failed");
  expect(u.message.vi).toBe("Không ghi được tệp «bac-son.xlsx» (ổ đĩa đã đầy).");
  expect(u.message.en).toBe("The file «bac-son.xlsx» could not be written (the disk is full).");
  expect(readFileSync(target, "utf8")).toBe("bản gốc");
  expect(readdirSync(dir)).toEqual(["bac-son.xlsx"]);
});
