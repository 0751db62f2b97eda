/**
 * Which unit a results table belongs to (issue 11): district, commune, ward or provincial department, and
 * the catalogue in that level's offices. The unit the user names (`--unit`, the panel's choice) wins; else
 * the titles above the table say it ("UBND xã Nhất Tiến" → commune, via `detectProfile`); else district,
 * the seed's level. Every command takes its catalogue from here (commands.ts `catalogueFor`).
 */
import type { Analysis, SheetSnapshot } from "../core";
import {
  detectProfile,
  parseUnitLevel,
  unitProfile,
  UNIT_LABELS,
  UNIT_LEVELS,
  type Catalogue,
  type UnitInfo,
  type UnitLevel,
} from "../catalogue";

export { parseUnitLevel, UNIT_LABELS, UNIT_LEVELS, type UnitInfo, type UnitLevel };

/** The levels a front end offers, each with its name (issue 11: district, commune, ward, department). */
export const UNIT_CHOICES: readonly { level: UnitLevel; label: (typeof UNIT_LABELS)[UnitLevel] }[] =
  UNIT_LEVELS.map((level) => ({ level, label: UNIT_LABELS[level] }));

/** How the level was decided: the user's choice, the table's titles, or the default. */
export type UnitSource = "explicit" | "detected" | "default";

export interface ResolvedUnit extends UnitInfo {
  source: UnitSource;
}

/** The texts of the rows above the table's header (its titles), left to right, top to bottom. */
export function titleTexts(sheet: SheetSnapshot, headerRow: number): string[] {
  const out: string[] = [];
  for (let r = 0; r < sheet.values.length && sheet.top + r < headerRow; r++)
    for (const v of sheet.values[r]) if (typeof v === "string" && v.trim() !== "") out.push(v.trim());
  return out;
}

/**
 * The unit of the table on `sheet`: `explicit` (the user's choice) > detected from the titles above the
 * header (`headerRow`, sheet row; the whole sheet's first rows when unknown) > district. `fallbackName`
 * (a file's name) names a unit whose titles name none.
 */
export function resolveUnit(
  sheet: SheetSnapshot,
  headerRow: number | null,
  explicit?: UnitLevel | null,
  fallbackName = "",
): ResolvedUnit {
  const detected = detectProfile(
    titleTexts(sheet, headerRow ?? sheet.top + Math.min(sheet.values.length, 10)),
  );
  const name = detected?.name ?? fallbackName;
  if (explicit) return { name, level: explicit, source: "explicit" };
  if (detected) return { name, level: detected.profile, source: "detected" };
  return { name, level: "district", source: "default" };
}

/** The unit of an analysed table (see resolveUnit). */
export function unitOfAnalysis(
  sheet: SheetSnapshot,
  a: Pick<Analysis, "table"> | null,
  explicit?: UnitLevel | null,
  fallbackName = "",
): ResolvedUnit {
  return resolveUnit(sheet, a ? a.table.headerRow : null, explicit, fallbackName);
}

/** The built-in catalogue of a level (before the custom sheet's overrides). */
export function catalogueOfLevel(level: UnitLevel): Catalogue {
  return unitProfile(level).catalogue;
}
