/**
 * The playground's Web Worker: one document (./docCore.ts) per worker, reached from the page through
 * comlink. The worker is the playground's own bundle started a second time (./docClient.ts), so the build
 * needs no worker file of its own; here it only exposes a DocCore instead of drawing the page.
 */
import * as Comlink from "comlink";
import { DocCore } from "./docCore";

/** Whether this bundle runs as the document worker (no page around it). */
export const IN_WORKER =
  typeof document === "undefined" && typeof self !== "undefined" && typeof postMessage === "function";

export function startDocWorker(): void {
  Comlink.expose(new DocCore());
}
