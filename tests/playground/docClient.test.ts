// The playground's document port: a worker when one starts, else the same DocCore on the page's thread
// (the offline single file), with the same calls and the same progress steps; the panel's api over it.
import { AddinError } from "../../src/app/errors";
import { DocSession, openPort } from "../../src/playground/docClient";
import type { Progress } from "../../src/playground/progress";
import { saveWorkbook } from "../../src/hosts/xlsx";
import { sampleXlsx } from "../../src/playground/sampleXlsx";

test("no worker can be made (file://): the page runs the document, same calls", async () => {
  const port = await openPort(() => {
    throw new DOMException("file:// worker", "SecurityError");
  });
  expect(port.inWorker).toBe(false);
  const info = await port.core.openSample("vi");
  expect(info.sheet).toBe("PAR INDEX 2023");
  expect(info.version).toBe(0);
});

test("a worker that fails to load: the page runs the document", async () => {
  const listeners: (() => void)[] = [];
  let ended = false;
  const fake = {
    addEventListener: (type: string, f: () => void) => type === "error" && listeners.push(f),
    removeEventListener: () => {},
    postMessage: () => setTimeout(() => listeners.forEach((f) => f()), 0), // the script 404s
    terminate: () => (ended = true),
  } as unknown as Worker;
  const port = await openPort(() => fake);
  expect(port.inWorker).toBe(false);
  expect(ended).toBe(true);
});

test("a command through DocSession: read → compute → write reported in order, undo list mirrored", async () => {
  const port = await openPort(null);
  const session = new DocSession(port, await port.core.openSample("vi"));
  const steps: Progress[] = [];
  let idle = 0;
  session.onProgress = (p) => steps.push(p);
  session.onIdle = () => idle++;
  let told = 0;
  session.subscribe(() => told++);

  const r = await session.run("recalc");
  expect(r.ok).toBe(true);
  expect(steps.map((s) => s.step)).toEqual(["read", "compute", "write"]);
  expect(steps.map((s) => `${s.done}/${s.total}`)).toEqual(["0/3", "1/3", "2/3"]);
  expect(idle).toBe(1);
  expect(told).toBe(1);
  expect(session.canUndo).toBe(true);
  expect(session.undoHistory.map((e) => e.command)).toEqual(["recalc"]);
  expect(session.info.version).toBe(1);

  const u = await session.undo();
  expect(u.ok).toBe(true);
  expect(session.canUndo).toBe(false);
  expect(session.info.version).toBe(2);
});

test("an error thrown on the document's side comes back typed", async () => {
  const port = await openPort(null);
  const session = new DocSession(port, await port.core.openSample("vi"));
  const e = await session.selectRow("No such sheet", 3).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(AddinError);
  expect((e as AddinError).code).toBe("stale");
});

test("opening bytes that are not a workbook: the error in the user's words; Cancel stops at the next step", async () => {
  const port = await openPort(null);
  const bad = await port.core.openFile(new TextEncoder().encode("a,b\n1,2\n"), "x.xlsx", "vi");
  expect(bad.ok).toBe(false);
  if (!bad.ok) expect(bad.error.code).not.toBe("unexpected");

  const steps: string[] = [];
  await port.core.hold("open");
  const bytes = await saveWorkbook(sampleXlsx());
  const opening = port.core.openFile(bytes, "y.xlsx", "vi", (p) => steps.push(p.step));
  while (!steps.includes("open")) await new Promise((r) => setTimeout(r, 5)); // held there
  await port.core.cancel();
  expect((await opening).ok).toBe(false);
  expect(steps).toEqual(["read-file", "open"]); // never reached "choose"
});

test("the unit chooser through DocSession: the same levels as in Excel, the choice kept in the downloaded file", async () => {
  const port = await openPort(null);
  const session = new DocSession(port, await port.core.openSample("vi"));
  expect(session.unitChoices.map((c) => c.level)).toEqual(["district", "commune", "ward", "department"]);
  const before = await session.analyze();
  expect(before.ok && before.summary?.unit?.level).toBe("district");
  const r = await session.setUnit("commune");
  expect(r.ok && r.summary?.unit?.level).toBe("commune");
  // The choice is the workbook's memory: the downloaded file opened again remembers it.
  const { bytes } = await port.core.download();
  const again = await openPort(null);
  const opened = await again.core.openFile(bytes, "lai.xlsx", "vi");
  if (!opened.ok) throw new Error("the downloaded file did not open");
  const reopened = new DocSession(again, opened.info);
  const after = await reopened.analyze();
  expect(after.ok && after.summary?.unit?.level).toBe("commune");
});

test("the progress is the session's steps: compute once per command, never after a read that is not the command's", async () => {
  const port = await openPort(null);
  const session = new DocSession(port, await port.core.openSample("vi"));
  const steps: string[] = [];
  session.onProgress = (p) => steps.push(p.step);
  await session.analyze();
  expect(steps).toEqual(["read", "compute"]);
  steps.length = 0;
  await session.setUnit("commune");
  expect(steps).toEqual(["read", "compute", "write"]);
  steps.length = 0;
  expect((await session.run("recalc")).ok).toBe(true);
  expect((await session.undo()).ok).toBe(true);
  expect(steps).toEqual(["read", "compute", "write", "read", "compute", "write"]);
  // two reads and no command: no steps, as in the task pane (the host's reads are not the progress)
  steps.length = 0;
  const sheet = session.info.sheet;
  await session.compareWith(sheet);
  expect(steps).toEqual([]);
});

test("a test's hold at a command's write: the work waits there until released", async () => {
  const port = await openPort(null);
  const session = new DocSession(port, await port.core.openSample("vi"));
  const steps: string[] = [];
  session.onProgress = (p) => steps.push(p.step);
  await port.core.hold("write");
  let finished = false;
  const running = session.run("recalc").then((r) => ((finished = true), r));
  while (!steps.includes("write")) await new Promise((r) => setTimeout(r, 5));
  await new Promise((r) => setTimeout(r, 20));
  expect(finished).toBe(false);
  expect(session.info.version).toBe(0); // nothing written while held
  await port.core.release();
  expect((await running).ok).toBe(true);
  expect(session.info.version).toBe(1);
});

test("closing a document during a command (no worker): the command stops there and writes nothing, as a worker's would", async () => {
  const port = await openPort(null);
  const session = new DocSession(port, await port.core.openSample("vi"));
  const steps: string[] = [];
  session.onProgress = (p) => steps.push(p.step);
  await port.core.hold("compute");
  let finished = false;
  void session.run("recalc").then(() => (finished = true));
  while (!steps.includes("compute")) await new Promise((r) => setTimeout(r, 5));
  port.close(); // the page dropped the document (another file or the sample was opened)
  await new Promise((r) => setTimeout(r, 300)); // well past a step's paint pause
  expect(steps).toEqual(["read", "compute"]); // never reached its write
  expect(finished).toBe(false); // like a call into a terminated worker: no result to discard
  const info = await port.core.info();
  expect(info.version).toBe(0); // the dropped workbook was not written
  expect(info.canUndo).toBe(false);
  // the closed document takes no more reads: a later call fails instead of working on it
  const later = await session.compareWith(info.sheet);
  expect(later.ok).toBe(false);
});
