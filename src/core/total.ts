/**
 * The table's total, from the rows the reader read: Σ of the domains, the bonus/penalty block, and the
 * comparison with the stated total row (what recalc needs to decide whether it may replace it). Pure.
 */
import type { SheetSnapshot } from "./types";
import type { CriterionRow, IssueKind, NumberRole, Total } from "./analyze";
import type { RowReader } from "./rowReader";
import { formatAt } from "./table";
import { differs, round2, sum2, type ParsedNumber } from "./numbers";

const NUMBER_ROLES: readonly NumberRole[] = ["max", "achieved", "gap", "percent"];

/** Reads a percent cell as a number of percent (85.32), whatever its form. */
export function percentValue(p: ParsedNumber, numberFormat: string | null | undefined): number | null {
  if (p.kind !== "number") return null;
  if (p.style === "number" && numberFormat && numberFormat.includes("%")) return p.value * 100;
  return p.value;
}

/**
 * The bonus and penalty the block adds (a penalty by its size), from its rows that carry points, and those
 * rows' indices; whether the table has a bonus/penalty row at all. The rows are walked once, by an index
 * loop (every row of the table, on every analysis).
 */
function adjustmentsOf(rows: CriterionRow[]): {
  bonus: number;
  penalty: number;
  rows: CriterionRow[];
  indices: number[];
  any: boolean;
} {
  const counted: CriterionRow[] = [];
  const indices: number[] = [];
  let any = false;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.adjust === null) continue;
    any = true;
    if (
      (r.adjust === "bonus" || r.adjust === "penalty") &&
      !r.unclassified &&
      r.achieved !== null &&
      // A heading with its own rows under it: the rows count, not the heading.
      !r.children.some((k) => rows[k].adjust !== null)
    ) {
      counted.push(r);
      indices.push(i);
    }
  }
  const of = (kind: "bonus" | "penalty") =>
    sum2(counted.filter((r) => r.adjust === kind).map((r) => Math.abs(r.achieved!)));
  return { bonus: of("bonus"), penalty: of("penalty"), rows: counted, indices, any };
}

/** A stated total cell as a number (percent cells as a number of percent), or null. */
function statedValue(
  sheet: SheetSnapshot,
  reader: RowReader,
  totalRow: number,
  r: NumberRole,
): number | null {
  const p = reader.num(totalRow, r);
  if (r === "percent")
    return percentValue(
      p,
      formatAt(sheet, sheet.numberFormats, totalRow, reader.table.columns.percent ?? -1),
    );
  return p.kind === "number" ? p.value : null;
}

/**
 * The table's total: Σ of its level-1 rows (max without bonus or not-applicable rows; achieved + bonus −
 * penalty when the bonus/penalty block is above the total row, or below it when the stated total
 * includes it), checked against the stated total row when there is one.
 */
export function totalOf(sheet: SheetSnapshot, reader: RowReader): Total {
  const { rows, totalRow, issues } = reader;
  // Index loops over the rows, without a closure per row: a first (cold) analysis runs them interpreted.
  const counts = (r: CriterionRow) => r.adjust === null && !r.unclassified && !r.na;
  let hasLevel1 = false;
  for (let i = 0; i < rows.length && !hasLevel1; i++) {
    const r = rows[i];
    if (r.parent === null && r.level === 1 && counts(r)) hasLevel1 = true;
  }
  const parts: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (
      r.parent === null &&
      counts(r) &&
      (!hasLevel1 || r.level === 1) &&
      r.max !== null &&
      r.achieved !== null
    )
      parts.push(i);
  }
  const counted = parts.map((i) => rows[i]);
  const tMax = sum2(counted.map((r) => r.max!));
  const base = sum2(counted.map((r) => r.achieved!));
  const adj = adjustmentsOf(rows);
  const hasBlock = adj.any;
  const below = totalRow !== null && adj.rows.some((r) => r.row > totalRow);
  const adjusted = round2(base + adj.bonus - adj.penalty);
  const official =
    totalRow === null
      ? null
      : {
          max: statedValue(sheet, reader, totalRow, "max"),
          achieved: statedValue(sheet, reader, totalRow, "achieved"),
        };
  // Below the total, a block is an adjustment after it when the stated total is Σ domains.
  const after = below && official !== null && official.achieved !== null && !differs(official.achieved, base);
  const tAch = after ? base : adjusted;
  const selfRows = counted.filter((r) => r.self !== null);
  const total: Total = {
    max: tMax,
    achieved: tAch,
    gap: round2(tMax - tAch),
    percent: tMax > 0 ? round2((tAch / tMax) * 100) : null,
    bonus: adj.bonus,
    penalty: adj.penalty,
    adjustments: hasBlock ? (below ? "below" : "above") : null,
    adjustmentParts: adj.indices,
    final: after ? adjusted : null,
    self: selfRows.length ? sum2(selfRows.map((r) => r.self!)) : null,
    official,
    complete: true,
    agrees: true,
    row: totalRow,
    parts,
    stated: null,
  };
  if (totalRow !== null) {
    const stated = {} as Record<NumberRole, ParsedNumber>;
    for (const r of NUMBER_ROLES) stated[r] = reader.num(totalRow, r);
    total.stated = stated;
    const computed: Record<NumberRole, number | null> = {
      max: total.max,
      achieved: total.achieved,
      gap: total.gap,
      percent: total.percent,
    };
    for (const r of NUMBER_ROLES) {
      const s = statedValue(sheet, reader, totalRow, r);
      const c = computed[r];
      if (s !== null && c !== null && differs(s, c)) {
        issues.push({
          kind: "stated-total-differs",
          row: totalRow,
          code: null,
          column: r,
          data: {
            stated: s,
            computed: c,
            statedMax: official?.max ?? "",
            statedAchieved: official?.achieved ?? "",
            computedMax: total.max,
            computedAchieved: total.achieved,
          },
        });
        if (r === "max" || r === "achieved") total.agrees = false;
      }
    }
    if (stated.max.kind === "invalid" || stated.achieved.kind === "invalid") total.agrees = false;
  }
  // The stated final score under a block after the total («Tổng điểm sau khi cộng, trừ»).
  if (reader.finalRow !== null) {
    const s = reader.num(reader.finalRow, "achieved");
    const c = total.final ?? total.achieved;
    if (s.kind === "number" && differs(s.value, c))
      issues.push({
        kind: "stated-total-differs",
        row: reader.finalRow,
        code: null,
        column: "achieved",
        data: { stated: s.value, computed: c },
      });
  }
  const INCOMPLETE = new Set<IssueKind>([
    "unparseable",
    "formula-not-calculated",
    "unclassified-row",
    "rows-below-table",
  ]);
  total.complete = !issues.some((i) => INCOMPLETE.has(i.kind));
  return total;
}
