/**
 * Lets the browser paint what was just shown (a step's spinner, the playground's progress) before the work
 * goes on: the next frame, then a macrotask; at most PAINT_WAIT_MS (a hidden pane paints no frame). Without
 * a page (the playground's worker) a macrotask only, which lets a "release" or a cancel message in. Plain
 * DOM, no React: the task pane and the playground (on the page or in its worker) both wait with it.
 */

/** The longest a step waits for a frame (a hidden pane paints none): the work never stalls on it. */
export const PAINT_WAIT_MS = 100;

export function paintPause(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, PAINT_WAIT_MS);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const raf = typeof document !== "undefined" ? globalThis.requestAnimationFrame : undefined;
    if (typeof raf === "function") raf(() => setTimeout(done, 0));
    else setTimeout(done, 0);
  });
}
