/** The CLI on Node: real files, real streams, the process's exit code. */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { describeError } from "../app/errors";
import { writeAtomic } from "./atomic";
import { main, type Io } from "./main";

const io: Io = {
  readFile: async (p) => new Uint8Array(await readFile(p)),
  writeFile: writeAtomic,
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  resolve: (p) => resolve(p),
};

// `par-index catalogue | head` closes the pipe early: that is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // the app's words for the user; describeError logs the error itself (with its stack) for a report
    const u = describeError(e);
    process.stderr.write(
      `par-index: ${u.message.vi} ${u.hint.vi}\n           ${u.message.en} ${u.hint.en}\n`,
    );
    process.exitCode = 1;
  },
);
