/**
 * @jest-environment jsdom
 */
/**
 * The overview shows the appraisal and the bonus/penalty block (issue 11 items 3 and 4): tables from the
 * corpus (commune tables as offices make them), read through the app layer (Session over a MemoryHost), and
 * the figures the panel shows asserted as a civil servant reads them.
 */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { WorkbookSnapshot } from "../../src/core";
import { loadWorkbook, XlsxHost } from "../../src/hosts/xlsx";
import { CORPUS, fixtureBytes } from "../corpus";
import { build, oneSheet, tableRows, vn, type Row } from "../corpus/builder";
import { setup } from "./helpers";

jest.setTimeout(30_000);

async function snapshotOf(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  return new XlsxHost(await loadWorkbook(bytes)).read();
}
const fixture = async (id: string) => snapshotOf(await fixtureBytes(CORPUS.find((f) => f.id === id)!));

const CUT_TWO: Record<string, number> = { "3": 14, "3.2": 8, "7": 12, "7.1": 7 };

/**
 * A commune table with both appraisal columns and a bonus/penalty block above its total row; `appraised`
 * gives the appraised score of the codes the appraisal changed (the others keep their self score).
 */
async function appraisedWithBonus(appraised = CUT_TWO): Promise<WorkbookSnapshot> {
  const rows: Row[] = tableRows({
    header: ["TT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định"],
    gap: false,
    extra: (r) => [vn(appraised[r[0]] ?? r[3])],
    total: null,
  }).concat([
    [null, "Điểm thưởng", "2,00", "1,00", "1,00"],
    [null, "Điểm trừ", null, "0,50", "0,50"],
    [null, "TỔNG ĐIỂM", "100,00", "87,75", "86,75"],
  ]);
  return snapshotOf(await build(oneSheet(rows)));
}

/** The figures of a section: label → value, from its <dt>/<dd> pairs. */
function figures(section: HTMLElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const dt of within(section).getAllByRole("term"))
    out[dt.textContent ?? ""] = dt.nextElementSibling?.textContent ?? "";
  return out;
}

const section = (testId: string) => screen.getByTestId(testId);

describe("self-assessed and appraised", () => {
  test("totals, difference and the cut criteria, largest cut first; a click selects the row", async () => {
    const user = userEvent.setup();
    const ws = await fixture("self-and-appraised");
    const { session, host } = setup({ ws });
    const spy = jest.spyOn(session, "selectRow");
    await screen.findByText("86,25 / 100,00");
    const s = section("appraisal");
    expect(within(s).getByRole("heading", { level: 3 }).textContent).toBe("Tự đánh giá và thẩm định");
    expect(figures(s)).toEqual({ "Tự đánh giá": "87,25", "Thẩm định": "86,25", "Chênh lệch": "1,00" });
    expect(s.textContent).not.toContain("chưa tính điểm thưởng");

    const cuts = within(section("appraisal-cuts"));
    expect(cuts.getByText("Bị trừ khi thẩm định (2)")).toBeTruthy();
    const items = cuts.getAllByRole("button");
    // 3.2 and 7.1 only: their domains (3, 7) were cut through them and are not listed again
    expect(items.map((b) => b.textContent)).toEqual([
      "3.2Kết quả giải quyết thủ tục hành chínhTự đánh giá 8,50 → thẩm định 8,00: bị trừ 0,50",
      "7.1Cung cấp dịch vụ công trực tuyếnTự đánh giá 7,50 → thẩm định 7,00: bị trừ 0,50",
    ]);
    await user.click(items[1]);
    const row = Number(items[1].getAttribute("data-row"));
    expect(spy).toHaveBeenLastCalledWith(ws.active.name, row);
    expect(host.selection).toMatchObject({ sheet: ws.active.name, rect: { top: row, rows: 1 } });
    expect(screen.queryByTestId("not-appraised")).toBeNull();
    expect(screen.queryByTestId("adjustments")).toBeNull();
  });

  test("a criterion not appraised yet is listed with the self-assessed score that counts (English)", async () => {
    const user = userEvent.setup();
    const ws = await fixture("appraisal-rounds");
    const { session } = setup({ ws, lang: "en" });
    const spy = jest.spyOn(session, "selectRow");
    await screen.findByText("86.75 / 100.00");
    expect(figures(section("appraisal"))).toEqual({
      "Self-assessed": "87.25",
      Appraised: "86.75",
      Difference: "0.50",
    });
    // round 2 counts: it cut 3.2 only (round 1 cut nothing)
    const cuts = within(section("appraisal-cuts")).getAllByRole("button");
    expect(cuts.map((b) => b.textContent)).toEqual([
      "3.2Kết quả giải quyết thủ tục hành chínhSelf-assessed 8.50 → appraised 8.00: cut 0.50",
    ]);
    const pending = section("not-appraised");
    expect(within(pending).getByText("Not yet appraised (1)")).toBeTruthy();
    const [item] = within(pending).getAllByRole("button");
    expect(item.textContent).toMatch(/^8\.2.+self-assessed 8\.00 counts$/);
    await user.click(item);
    expect(spy).toHaveBeenLastCalledWith(ws.active.name, Number(item.getAttribute("data-row")));
  });

  test("with a bonus block inside the total, both sums are of the domains (the bonus left out)", async () => {
    setup({ ws: await appraisedWithBonus() });
    await screen.findByText("86,75 / 100,00");
    const s = section("appraisal");
    expect(figures(s)).toEqual({ "Tự đánh giá": "87,25", "Thẩm định": "86,25", "Chênh lệch": "1,00" });
    expect(s.textContent).toContain("Tổng của các lĩnh vực, chưa tính điểm thưởng, điểm trừ.");
    const adj = section("adjustments");
    expect(adj.getAttribute("data-placement")).toBe("inside");
    expect(figures(adj)).toEqual({ "Điểm thưởng": "1,00", "Điểm trừ": "0,50" });
  });

  test("a long list starts folded and opens; a domain cut on its own is listed, a raised score is not", async () => {
    const user = userEvent.setup();
    // five criteria cut and domain 4 cut by itself (its 4.1 kept); 8.1 raised from 9 to 9,50 (not a cut)
    const appraised = {
      ...CUT_TWO,
      ...{ "1": 8.5, "1.2": 0, "4": 8, "5": 9, "5.2": 3, "6": 7, "6.2": 2, "8": 17.5, "8.1": 9.5 },
    };
    setup({ ws: await appraisedWithBonus(appraised) });
    await screen.findByTestId("appraisal");
    // appraised: Σ domains 8,5 + 7 + 14 + 8 + 9 + 7 + 12 + 17,5
    expect(figures(section("appraisal"))).toEqual({
      "Tự đánh giá": "87,25",
      "Thẩm định": "83,00",
      "Chênh lệch": "4,25",
    });
    const fold = section("appraisal-cuts") as HTMLDetailsElement;
    expect(fold.open).toBe(false);
    await user.click(within(fold).getByText("Bị trừ khi thẩm định (6)"));
    expect(fold.open).toBe(true);
    const lines = within(fold).getAllByRole("button");
    // largest cut first (5.2: 1,25), equal cuts in sheet order; domains 1, 3, 5, 6, 7 not again, 8.1 not
    expect(lines.map((b) => b.querySelector("span")!.textContent)).toEqual([
      "5.2",
      "4",
      "6.2",
      "1.2",
      "3.2",
      "7.1",
    ]);
    expect(lines[1].textContent).toContain("Tự đánh giá 9,00 → thẩm định 8,00: bị trừ 1,00");
  });

  test("a table without appraisal columns shows no appraisal section", async () => {
    setup({ ws: await fixture("bonus-penalty-above-total") });
    await screen.findByText("87,75 / 100,00");
    expect(screen.queryByTestId("appraisal")).toBeNull();
  });
});

describe("the bonus/penalty block", () => {
  test("above the total row: counted in the total, no final score", async () => {
    setup({ ws: await fixture("bonus-penalty-above-total") });
    await screen.findByText("87,75 / 100,00");
    const adj = section("adjustments");
    expect(within(adj).getByRole("heading", { level: 3 }).textContent).toBe("Điểm thưởng, điểm trừ");
    expect(adj.getAttribute("data-placement")).toBe("inside");
    expect(figures(adj)).toEqual({ "Điểm thưởng": "1,00", "Điểm trừ": "0,50" });
    expect(adj.textContent).toContain("Đã tính trong tổng điểm: 87,75 = 87,25 (các lĩnh vực) + 1,00 − 0,50.");
  });

  test("a penalty typed −1,50 counts by its size", async () => {
    setup({ ws: await fixture("penalty-negative-above-total"), lang: "en" });
    await screen.findByText("85.75 / 100.00");
    const adj = section("adjustments");
    expect(figures(adj)).toEqual({ Bonus: "0.00", Penalty: "1.50" });
    expect(adj.textContent).toContain("Counted in the total: 85.75 = 87.25 (domains) + 0.00 − 1.50.");
  });

  test("below a total that equals the domains: an adjustment after it, the final score apart", async () => {
    setup({ ws: await fixture("bonus-penalty-below-total") });
    // the score stays the table's total; the final score is its own figure, never a difference
    await screen.findByText("87,25 / 100,00");
    const adj = section("adjustments");
    expect(adj.getAttribute("data-placement")).toBe("after");
    expect(figures(adj)).toEqual({ "Điểm thưởng": "1,00", "Điểm trừ": "1,50", "Điểm cuối cùng": "86,75" });
    expect(adj.textContent).toContain(
      "Cộng, trừ sau tổng điểm: điểm cuối cùng 86,75 = 87,25 (tổng điểm) + 1,00 − 1,50.",
    );
    expect(screen.queryByText(/khác số tính lại/)).toBeNull();
  });

  test("the sample (no block, no appraisal) shows neither section", async () => {
    setup();
    await screen.findByText("84,87 / 99,50");
    expect(screen.queryByTestId("adjustments")).toBeNull();
    expect(screen.queryByTestId("appraisal")).toBeNull();
  });
});
