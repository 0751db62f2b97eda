/** Writing a file on Node all or nothing (the CLI's Io.writeFile). */
import { randomBytes } from "node:crypto";
import { rename, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { AddinError } from "../app/errors";

/**
 * Writes a whole file or nothing: a temporary file in the target's folder (same disk, so the rename is
 * atomic), then renamed over the target. On any failure (disk full, no such folder, read-only, a folder as
 * the target) the temporary file is removed and the target — possibly the input itself — is untouched.
 */
export async function writeAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(tmp, data, { flag: "wx" });
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    const errno = (e as NodeJS.ErrnoException)?.code;
    throw new AddinError("write-failed", { path: basename(path), errno });
  }
}
