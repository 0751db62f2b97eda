/**
 * A working session on one workbook, whatever the host (Excel through Office.js, ExcelJS in the playground,
 * a test double): read → plan → apply, keeping the inverse of the last change for "Undo last change".
 * Two host round trips per command: one read, one write.
 */
import type { ChangeSet, Lang, SheetSnapshot, WorkbookSnapshot } from "../core";
import type { Host } from "../hosts/host";
import { prepare, WorkbookModel } from "../core";
import { AddinError } from "../core/errors";
import { toAppError } from "./hostErrors";
import {
  analyzeWorkbook,
  planCommand,
  type AppError,
  type Bilingual,
  type CommandId,
  type Summary,
} from "./commands";

/** What a host gives a session: the Office host, the xlsx host and MemoryHost all fit it. */
export type SessionHost = Host;

export type SessionResult =
  | { ok: true; summary: Summary | null; result: Bilingual | null }
  | { ok: false; error: AppError | HostError };

export interface HostError {
  code: string;
  message: Bilingual;
  hint: Bilingual;
}

const GENERIC: HostError = {
  code: "unexpected",
  message: { vi: "Không thực hiện được lệnh.", en: "The command could not be carried out." },
  hint: {
    vi: "Không có ô nào bị thay đổi. Thử lại; nếu vẫn lỗi, lưu tệp và mở lại Excel.",
    en: "No cell was changed. Try again; if it fails again, save the file and reopen Excel.",
  },
};

/** Errors a host throws become messages; anything unknown becomes a generic one (with the detail logged). */
export function asHostError(e: unknown): HostError {
  if (e && typeof e === "object" && "message" in e && "hint" in e) {
    const m = (e as HostError).message;
    if (m && typeof m === "object" && "vi" in m) return e as HostError;
  }
  // Temporary adapter (until src/app/errors.ts): typed errors from hosts and prepare in words.
  if (e instanceof AddinError) return toAppError(e);
  return {
    ...GENERIC,
    message: { vi: GENERIC.message.vi, en: `${GENERIC.message.en} (${String((e as Error)?.message ?? e)})` },
  };
}

const CHANGED: HostError = {
  code: "changed-since",
  message: {
    vi: "Trang tính đã được sửa sau lệnh vừa rồi, nên không hoàn tác tự động được.",
    en: "The sheet was edited after the last command, so it cannot be undone automatically.",
  },
  hint: {
    vi: "Dùng Ctrl+Z của Excel để hoàn tác từng bước.",
    en: "Use Excel's Ctrl+Z to undo step by step.",
  },
};

interface LastChange {
  command: CommandId;
  inverse: ChangeSet;
  /** The workbook as the command left it (simulated), to check nothing changed before undoing. */
  after: WorkbookSnapshot;
}

export class Session {
  private last: LastChange | null = null;
  /** The sheet as it was before the last highlight, so clear-highlight can give its fills back. */
  private beforeHighlight: SheetSnapshot | null = null;

  constructor(
    private readonly host: SessionHost,
    public lang: Lang = "vi",
  ) {}

  get canUndo(): boolean {
    return this.last !== null;
  }

  get lastCommand(): CommandId | null {
    return this.last?.command ?? null;
  }

  /** Reads and summarises the table without writing anything. */
  async analyze(): Promise<SessionResult> {
    try {
      const ws = await this.host.read();
      const r = analyzeWorkbook(ws);
      return r.ok ? { ok: true, summary: r.summary, result: null } : { ok: false, error: r.error };
    } catch (e) {
      return { ok: false, error: asHostError(e) };
    }
  }

  async run(command: CommandId): Promise<SessionResult> {
    try {
      const ws = await this.host.read();
      const before = command === "clear-highlight" ? (this.beforeHighlight ?? undefined) : undefined;
      const outcome = planCommand(ws, command, { lang: this.lang, before });
      if (!outcome.ok) return { ok: false, error: outcome.error };
      await this.host.apply(outcome.prepared);
      if (command === "recalc" || command === "highlight") this.beforeHighlight ??= ws.active;
      if (command === "clear-highlight") this.beforeHighlight = null;
      this.last = outcome.inverse && { command, inverse: outcome.inverse, after: outcome.prepared.after };
      return { ok: true, summary: outcome.summary, result: outcome.result };
    } catch (e) {
      return { ok: false, error: asHostError(e) };
    }
  }

  /** Undoes the last command, if the cells it wrote still hold what it wrote. */
  async undo(): Promise<SessionResult> {
    const last = this.last;
    if (!last) return { ok: true, summary: null, result: null };
    try {
      const ws = await this.host.read();
      if (!untouchedSince(last, ws)) return { ok: false, error: CHANGED };
      const p = prepare(ws, last.inverse);
      if (!p.ok) throw p.error;
      await this.host.apply(p);
      this.last = null;
      if (last.command === "recalc" || last.command === "highlight") this.beforeHighlight = null;
      const r = analyzeWorkbook(p.after);
      return {
        ok: true,
        summary: r.ok ? r.summary : null,
        result: { vi: "Đã hoàn tác thay đổi vừa rồi.", en: "The last change was undone." },
      };
    } catch (e) {
      return { ok: false, error: asHostError(e) };
    }
  }

  /** Shows a row of the sheet to the user (the panel's "go to this criterion"). */
  async selectRow(sheet: string, row: number): Promise<void> {
    await this.host.selectRow?.(sheet, row);
  }
}

/** Hosts may give formulas back respaced or recased ("=round(" → "=ROUND("): compare loosely. */
const norm = (v: unknown) => (typeof v === "string" ? v.replace(/\s+/g, "").toUpperCase() : (v ?? null));

/** Every cell the inverse will write holds what the command left there. */
function untouchedSince(last: LastChange, now: WorkbookSnapshot): boolean {
  const expected = WorkbookModel.fromSnapshot(last.after);
  const current = WorkbookModel.fromSnapshot(now);
  for (const name of expected.order) if (!current.sheets.has(name)) return false;
  for (const op of last.inverse.ops) {
    if (op.op !== "setCells") continue;
    const e = expected.sheets.get(op.sheet);
    const c = current.sheets.get(op.sheet);
    if (!e || !c) return false;
    for (let r = 0; r < op.cells.length; r++)
      for (let k = 0; k < op.cells[r].length; k++) {
        if (op.cells[r][k] === null) continue;
        const x = e.get(op.top + r, op.left + k);
        const y = c.get(op.top + r, op.left + k);
        if (norm(x.formula ?? x.value) !== norm(y.formula ?? y.value)) return false;
      }
  }
  return true;
}
