import { chooseSheet, sheetFit } from "../../src/app/chooseSheet";
import { Session, type ReadRequest, type SessionHost } from "../../src/app/session";
import { PLAN_SHEET, sampleSheet, type SheetSnapshot, type WorkbookSnapshot } from "../../src/core";
import { CATALOGUE_SHEET_NAME } from "../../src/catalogue";

/** The seed's table under another name, its title naming `year`; `scored: false` blanks the scores. */
function yearSheet(name: string, year: number | null, scored = true): SheetSnapshot {
  const s = sampleSheet();
  const values = s.values.map((line, r) =>
    line.map((v, c) => {
      if (r === 0 && c === 0) return year === null ? "Kết quả PAR INDEX" : `Kết quả PAR INDEX năm ${year}`;
      if (!scored && r > 2 && c === 3) return null;
      return v;
    }),
  );
  return { ...s, name, values };
}
const note: SheetSnapshot = { name: "Ghi chú", top: 0, left: 0, values: [["Ghi chú năm 2030"]] };

function book(active: SheetSnapshot, probes: SheetSnapshot[] | undefined): WorkbookSnapshot {
  const all = [active, ...(probes ?? [])];
  return {
    active,
    sheetNames: [...new Set(all.map((s) => s.name))],
    probes: probes && Object.fromEntries(probes.map((s) => [s.name, s])),
  };
}

describe("chooseSheet (outside Excel)", () => {
  test("without probes the host's active sheet stays", () => {
    expect(chooseSheet(book(yearSheet("Năm 2023", 2023), undefined))).toBe("Năm 2023");
  });

  test("last year's sheet first, this year's second: this year's wins on the title year", () => {
    const old = yearSheet("Năm 2023", 2023);
    expect(chooseSheet(book(old, [note, old, yearSheet("Năm 2024", 2024)]))).toBe("Năm 2024");
  });

  test("more scored rows beat a later year (next year's empty template loses)", () => {
    const filled = yearSheet("Năm 2024", 2024);
    expect(chooseSheet(book(filled, [filled, yearSheet("Mẫu 2025", 2025, false)]))).toBe("Năm 2024");
    expect(sheetFit(yearSheet("Mẫu 2025", 2025, false))!.rows).toBe(0);
    expect(sheetFit(filled)).toMatchObject({ sheet: "Năm 2024", year: 2024 });
    expect(sheetFit(filled)!.rows).toBeGreaterThan(20);
  });

  test("a title with a year beats one without; a full tie keeps tab order", () => {
    const a = yearSheet("A", null);
    expect(chooseSheet(book(a, [a, yearSheet("B", 2022)]))).toBe("B");
    const c = yearSheet("C", 2022);
    expect(chooseSheet(book(c, [yearSheet("D", 2022), c]))).toBe("C");
  });

  test("the add-in's own sheets never win; no table anywhere keeps the active sheet", () => {
    const t = yearSheet("Năm 2022", 2022);
    const own = [yearSheet(PLAN_SHEET, 2030), yearSheet(CATALOGUE_SHEET_NAME, 2030)];
    expect(chooseSheet(book(t, [t, ...own]))).toBe("Năm 2022");
    expect(chooseSheet(book(note, [note, { ...note, name: "Khác" }]))).toBe("Ghi chú");
  });
});

describe("a Session that chooses the sheet", () => {
  /** A host over whole sheets: reads the named sheet, else the first, with probes of all. */
  function host(sheets: SheetSnapshot[]) {
    const reads: (string | undefined)[] = [];
    const h: SessionHost = {
      read: async (opts: ReadRequest = {}) => {
        reads.push(opts.sheet);
        const active = sheets.find((s) => s.name === opts.sheet) ?? sheets[0];
        const ws: WorkbookSnapshot = { active, sheetNames: sheets.map((s) => s.name) };
        if (!opts.sheet) ws.probes = Object.fromEntries(sheets.map((s) => [s.name, s]));
        return ws;
      },
      apply: async () => {},
    };
    return { h, reads };
  }

  test("outside Excel: reads again on the chosen sheet once, then keeps it", async () => {
    const { h, reads } = host([yearSheet("Năm 2023", 2023), yearSheet("Năm 2024", 2024)]);
    const s = new Session(h, "vi", { chooseSheet: true });
    const r = await s.analyze();
    expect(r.ok && r.summary!.sheet).toBe("Năm 2024");
    expect(s.sheet).toBe("Năm 2024");
    await s.analyze();
    expect(reads).toEqual([undefined, "Năm 2024", "Năm 2024"]);
  });

  test("in Excel (the default) the active sheet is the user's choice", async () => {
    const { h, reads } = host([yearSheet("Năm 2023", 2023), yearSheet("Năm 2024", 2024)]);
    const s = new Session(h, "vi");
    const r = await s.analyze();
    expect(r.ok && r.summary!.sheet).toBe("Năm 2023");
    expect(reads).toEqual([undefined]);
  });
});
