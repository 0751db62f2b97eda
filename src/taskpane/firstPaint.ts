/**
 * The task pane's first paint in plain DOM, before React and Fluent UI load (issue 14: the first JS stays
 * tiny and the first text shows early): the loading line while office.js gets ready, and the whole
 * outside-Office page, which needs nothing else. Its CSS copies the Fluent tokens the React pane uses
 * (webLightTheme: Segoe UI, Subtitle1/Subtitle2/Body1/Caption1 sizes, the link colours, spacing), so it looks
 * the same. It is the only outside-Office page (the React app is the panel only); in Excel the panel
 * replaces the loading line once its chunk has loaded (./mountApp.tsx).
 */
import { LOADING, OUTSIDE_OFFICE, PANE_TITLE, PLAYGROUND_URL, type Lang } from "./firstScreenText";

const STYLE_ID = "par-first-paint";

/** webLightTheme's values (tokens.fontFamilyBase, colorNeutralForeground1, colorBrandForegroundLink…). */
const CSS = `
.par-fp{font-family:'Segoe UI','Segoe UI Web (West European)',-apple-system,BlinkMacSystemFont,Roboto,'Helvetica Neue',sans-serif;font-size:14px;line-height:20px;font-weight:400;color:#242424;background:#fff;text-align:left;min-height:100vh}
.par-fp-main{display:grid;gap:12px;padding:12px;max-width:640px}
.par-fp-block{display:grid;gap:8px}
.par-fp-h1{margin:0;font-size:20px;line-height:28px;font-weight:600}
.par-fp-h2{margin:0;font-size:16px;line-height:22px;font-weight:600}
.par-fp-steps{margin:0;padding-inline-start:20px}
.par-fp-caption{font-size:12px;line-height:16px}
.par-fp a{color:#115ea3;text-decoration:none;cursor:pointer}
.par-fp a:hover{color:#0f548c;text-decoration:underline}
.par-fp a:active{color:#0c3b5e}
.par-fp a:focus-visible{outline:none;text-decoration:underline double #000}
.par-fp-loading{display:flex;align-items:center;gap:8px;padding:24px}
.par-fp-spin{width:20px;height:20px;box-sizing:border-box;border-radius:50%;border:2px solid #d1d1d1;border-top-color:#0f6cbd;animation:par-fp-turn 1.5s linear infinite}
@keyframes par-fp-turn{to{transform:rotate(360deg)}}
@media (prefers-reduced-motion:reduce){.par-fp-spin{animation-duration:6s}}
`;

const escape = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);

/** The page's CSS, added once to the document's head. */
export function ensureFirstPaintStyle(doc: Document = document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement("style");
  style.id = STYLE_ID;
  style.textContent = CSS;
  doc.head.appendChild(style);
}

const ORDER: readonly Lang[] = ["vi", "en"];

/** The outside-Office page's markup (a <main>): both languages, how to open the panel, the playground. */
export function outsideOfficeHtml(): string {
  const sections = ORDER.map((lang) => {
    const t = OUTSIDE_OFFICE[lang];
    const steps = t.steps.map((step) => `<li><span>${escape(step)}</span></li>`).join("");
    return (
      `<section lang="${lang}" class="par-fp-block">` +
      `<h2 class="par-fp-h2">${escape(t.heading)}</h2>` +
      `<span>${escape(t.body)}</span>` +
      `<ol class="par-fp-steps">${steps}</ol>` +
      `<span><a href="${escape(PLAYGROUND_URL)}">${escape(t.playground)}</a></span>` +
      `<span class="par-fp-caption">${escape(t.playgroundNote)}</span>` +
      `</section>`
    );
  }).join("");
  return `<main class="par-fp-main"><h1 class="par-fp-h1">${escape(PANE_TITLE)}</h1>${sections}</main>`;
}

/** The loading line: both languages, as a live status. */
export function loadingHtml(): string {
  return (
    `<div class="par-fp-loading" role="status">` +
    `<span class="par-fp-spin" aria-hidden="true"></span>` +
    `<span>${escape(`${LOADING.vi} / ${LOADING.en}`)}</span></div>`
  );
}

/** Replaces what `container` shows with one of the first-paint screens. */
export function paint(container: HTMLElement, screen: "loading" | "outside"): void {
  ensureFirstPaintStyle(container.ownerDocument);
  container.classList.add("par-fp");
  container.innerHTML = screen === "loading" ? loadingHtml() : outsideOfficeHtml();
  container.dataset.screen = screen;
}
