// Undo through the Session (memory host): a column the user hid, that assign wrote into and showed, is
// hidden again by Undo.
import { MemoryHost } from "../../src/app/memoryHost";
import { Session } from "../../src/app/session";
import { sampleWorkbook } from "../../src/core";

test("Undo of assign hides again the hidden empty column it wrote into", async () => {
  const ws = sampleWorkbook();
  // Where assign writes, on a fresh copy: the first column it sets a width on.
  const host0 = new MemoryHost(ws);
  await new Session(host0, "vi").run("assign");
  const widths = host0.snapshot().active.columnWidths ?? {};
  const taken = Object.keys(widths)
    .map(Number)
    .filter((c) => (ws.active.columnWidths ?? {})[c] !== widths[c]);
  expect(taken.length).toBeGreaterThan(0);
  const col = Math.min(...taken);

  const host = new MemoryHost({ ...ws, active: { ...ws.active, hiddenColumns: [col] } });
  const s = new Session(host, "vi");
  const r = await s.run("assign");
  expect(r.ok).toBe(true);
  expect(host.snapshot().active.hiddenColumns).toBeUndefined();
  const u = await s.undo();
  expect(u.ok).toBe(true);
  expect(host.snapshot().active.hiddenColumns).toEqual([col]);
});
