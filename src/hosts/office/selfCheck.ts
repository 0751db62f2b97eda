/**
 * The compatibility self-check ("Kiểm tra tương thích / Compatibility check", the task pane's `?selfcheck`
 * page): in a real Excel, exercises each assumption of the Office host that the docs do not settle, on a
 * scratch sheet it adds and deletes, and reports what this Excel did. Deleting a sheet clears Excel's undo
 * history: the page asks first. See docs/HOSTS-OFFICE.md ("What the host relies on").
 */
import { API, isApiSupported } from "./requirements";
import { officeCode } from "./errors";
import { RUN_OPTIONS } from "./read";

export type CheckStatus = "as-expected" | "differs" | "not-run";

export interface CheckResult {
  id: string;
  title: { vi: string; en: string };
  status: CheckStatus;
  /** What Excel did (codes and facts, not translated). */
  observed: string;
}

export interface SelfCheckReport {
  results: CheckResult[];
  /** Requirement sets this Excel supports, of those the host uses. */
  api: Record<string, boolean>;
}

/** The scratch sheet's name (unlikely to clash; deleted at the end). */
export const SCRATCH_SHEET = "PAR_selfcheck";

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
const run: Run = (batch) => Excel.run(RUN_OPTIONS, batch);

/** Runs `f`, giving its Office error code (or "ok"). */
async function codeOf(f: () => Promise<unknown>): Promise<string> {
  try {
    await f();
    return "ok";
  } catch (e) {
    return officeCode(e) ?? "unknown-error";
  }
}

const result = (id: string, vi: string, en: string, ok: boolean, observed: string): CheckResult => ({
  id,
  title: { vi, en },
  status: ok ? "as-expected" : "differs",
  observed,
});

/** The checks, in order; each leaves the scratch sheet usable for the next. */
export async function runSelfCheck(): Promise<SelfCheckReport> {
  const api = Object.fromEntries(
    ["1.9", "1.11", "1.13", "1.20"].map((v) => [`ExcelApi ${v}`, isApiSupported(v)]),
  );
  const results: CheckResult[] = [];
  const sheet = (context: Excel.RequestContext) => context.workbook.worksheets.getItem(SCRATCH_SHEET);

  // The scratch sheet (a leftover from an interrupted check is reused).
  await run(async (context) => {
    const old = context.workbook.worksheets.getItemOrNullObject(SCRATCH_SHEET);
    await context.sync();
    if (old.isNullObject) context.workbook.worksheets.add(SCRATCH_SHEET);
    await context.sync();
  });
  try {
    // 1. Null objects: getItemOrNullObject of a missing sheet is a null object (documented); what a call on
    // it does is not: the host never makes one, this records it.
    let isNull = false;
    const derived = await codeOf(() =>
      run(async (context) => {
        const missing = context.workbook.worksheets.getItemOrNullObject(`${SCRATCH_SHEET}_none`);
        missing.load("name");
        await context.sync();
        isNull = missing.isNullObject;
        const r = missing.getRange("A1");
        r.load("address");
        await context.sync();
      }),
    );
    results.push(
      result(
        "null-object",
        "Đối tượng rỗng (null object)",
        "Null objects",
        isNull,
        `isNullObject=${isNull}; getRange on it: ${derived}`,
      ),
    );

    // 2. Batch atomicity: a batch that fails after a write; does the write stay?
    const failed = await codeOf(() =>
      run(async (context) => {
        sheet(context).getRange("A1").values = [["before-failure"]];
        context.workbook.worksheets.getItem(`${SCRATCH_SHEET}_none`).getRange("A1").values = [["x"]];
        await context.sync();
      }),
    );
    const kept = await run(async (context) => {
      const r = sheet(context).getRange("A1");
      r.load("values");
      await context.sync();
      return r.values[0][0] === "before-failure";
    });
    results.push(
      result(
        "atomicity",
        "Lô lệnh không nguyên tử",
        "Batches are not atomic",
        kept,
        `failure: ${failed}; earlier write kept: ${kept}`,
      ),
    );

    // 3. Calculated columns: a formula into an empty table column.
    const filled = await run(async (context) => {
      const ws = sheet(context);
      ws.getRange("C1:E4").values = [
        ["a", "b", "c"],
        [1, "", ""],
        [2, "", ""],
        [3, "", ""],
      ];
      const t = ws.tables.add(ws.getRange("C1:E4"), true);
      ws.getRange("D3").formulas = [["=C3*2"]];
      const col = ws.getRange("D2:D4");
      col.load("formulas");
      await context.sync();
      t.convertToRange();
      await context.sync();
      return col.formulas.map((r) => String(r[0]));
    });
    const autofill = filled.filter((f) => f.startsWith("=")).length > 1;
    results.push(
      result(
        "calculated-columns",
        "Cột tính toán trong bảng Excel",
        "Calculated columns in Excel tables",
        true,
        `autofill ${autofill ? "on" : "off"}: ${filled.join(" | ")}`,
      ),
    );

    // 4. Protected sheet: the error code of a write to a locked cell.
    const code = await codeOf(() =>
      run(async (context) => {
        sheet(context).protection.protect();
        await context.sync();
        sheet(context).getRange("A2").values = [["x"]];
        await context.sync();
      }),
    );
    await run(async (context) => {
      sheet(context).protection.unprotect();
      await context.sync();
    });
    results.push(
      result(
        "protection",
        "Mã lỗi khi trang tính được bảo vệ",
        "Error code on a protected sheet",
        code === "AccessDenied",
        code,
      ),
    );

    // 5. Undo grouping: mergeUndoGroup where ExcelApi 1.20 says it exists.
    if (isApiSupported(API.mergeUndoGroup)) {
      const merged = await codeOf(() =>
        Excel.run({ ...RUN_OPTIONS, mergeUndoGroup: true }, async (context) => {
          sheet(context).getRange("A3").values = [["1"]];
          await context.sync();
          sheet(context).getRange("A4").values = [["2"]];
          await context.sync();
        }),
      );
      results.push(result("undo-group", "Gộp bước hoàn tác", "Undo grouping", merged === "ok", merged));
    } else {
      results.push({
        id: "undo-group",
        title: { vi: "Gộp bước hoàn tác", en: "Undo grouping" },
        status: "not-run",
        observed: "ExcelApi 1.20 not supported: the add-in's own undo is used",
      });
    }

    // 6. Payload limit: a request over 5 MB (refused on the web, RequestPayloadSizeLimitExceeded).
    const big = Array.from({ length: 1000 }, () => Array.from({ length: 10 }, () => "x".repeat(600)));
    const payload = await codeOf(() =>
      run(async (context) => {
        sheet(context).getRange("A10:J1009").values = big;
        await context.sync();
      }),
    );
    results.push(
      result(
        "payload",
        "Giới hạn 5 MB mỗi yêu cầu",
        "5 MB request limit",
        payload === "ok" || payload === "RequestPayloadSizeLimitExceeded",
        payload,
      ),
    );

    // 7. Cell-edit mode cannot be entered by code: delayForCellEdit needs ExcelApi 1.11.
    results.push(
      result(
        "cell-edit",
        "Chờ khi đang sửa ô (delayForCellEdit)",
        "Waiting out cell-edit mode (delayForCellEdit)",
        isApiSupported("1.11"),
        `ExcelApi 1.11: ${isApiSupported("1.11")}`,
      ),
    );
  } finally {
    await run(async (context) => {
      context.workbook.worksheets.getItem(SCRATCH_SHEET).delete();
      await context.sync();
    }).catch(() => undefined);
  }
  return { results, api };
}

/** The report as plain text, to copy. */
export function reportText(r: SelfCheckReport): string {
  const lines = Object.entries(r.api).map(([k, v]) => `${k}: ${v ? "yes" : "no"}`);
  for (const x of r.results) lines.push(`[${x.status}] ${x.id} — ${x.title.en}: ${x.observed}`);
  return lines.join("\n");
}
