// The Office host and legacy Vietnamese fonts (issue 11 item 6): font names read in the same sync as the other
// formats; a change set's font name written, so "Convert to Unicode" and its undo reach Excel.
import { planCommand } from "../../../src/app/commands";
import { prepare } from "../../../src/core/prepare";
import type { SheetSnapshot } from "../../../src/core/types";
import { writePrepared } from "../../../src/hosts/office/write";
import { encodeVni } from "../../support/legacyEncode";
import { criteriaRows, sheetFrom, workbookOf } from "./helpers";
import { readSnapshot, setup } from "./harness";

/** A criteria table typed in VNI, every cell with content in VNI-Times. */
function vniSheet(): SheetSnapshot {
  const s = sheetFrom(criteriaRows(12).map((r) => r.map((v) => (typeof v === "string" ? encodeVni(v) : v))));
  return { ...s, fontNames: s.values.map((row) => row.map((v) => (v === null ? null : "VNI-Times"))) };
}

test("font names are read with the other formats, in the read's one sync", async () => {
  const active = vniSheet();
  const fake = setup(workbookOf(active));
  const first = await readSnapshot();
  // A host's first read learns the workbook's structure in one small sync first (docs/HOSTS-OFFICE.md).
  expect(fake.syncs).toBe(2);
  expect(first.active.fontNames).toEqual(active.fontNames);
  const ws = await readSnapshot();
  expect(fake.syncs).toBe(3);
  expect(ws.active.fontNames).toEqual(active.fontNames);
  expect(ws.active.fontNames![0][0]).toBe("VNI-Times");
});

test("Convert to Unicode through the host: Unicode text in Times New Roman; its inverse brings VNI back", async () => {
  const active = vniSheet();
  const fake = setup(workbookOf(active));
  const ws = await readSnapshot();
  const out = planCommand(ws, "convert-unicode");
  if (!out.ok) throw new Error(out.error.message.en);
  await writePrepared(out.prepared);
  const converted = fake.model.sheet(active.name).toSnapshot();
  expect(converted.values[0][1]).toBe("Lĩnh vực/tiêu chí");
  expect(converted.values[1][1]).toBe("LĨNH VỰC 1");
  expect(new Set(converted.fontNames!.flat().filter(Boolean))).toEqual(new Set(["Times New Roman"]));

  const again = planCommand(await readSnapshot(), "convert-unicode");
  expect(again.ok && again.changeSet.ops).toEqual([]);

  const undo = prepare(await readSnapshot(), out.inverse!);
  if (!undo.ok) throw undo.error;
  await writePrepared(undo);
  const restored = fake.model.sheet(active.name).toSnapshot();
  expect(restored.values).toEqual(active.values);
  expect(restored.fontNames).toEqual(active.fontNames);
});
