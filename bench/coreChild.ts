/**
 * bench/core.ts's measurement in a process of its own, bundled like the CLI (bench/apply.ts bundleBench):
 * prints the medians as JSON on stdout.
 */
import { measureCore } from "./core";

void measureCore().then((samples) => process.stdout.write(JSON.stringify(samples)));
