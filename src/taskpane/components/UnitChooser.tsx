import { Caption1, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { Bilingual, ResolvedUnit, UnitLevel } from "../panelApi";
import { STRINGS, type Lang } from "../i18n";

const useStyles = makeStyles({ root: { display: "grid", gap: tokens.spacingVerticalXS } });

export interface UnitChooserProps {
  /** The unit in force (from the summary): its level and how it was decided. */
  unit: ResolvedUnit;
  choices: readonly { level: UnitLevel; label: Bilingual }[];
  lang: Lang;
  busy: boolean;
  /** null: forget the choice, the table's titles decide again. */
  onChoose(level: UnitLevel | null): void;
}

/**
 * Which unit level's offices the catalogue names (issue 11): what the titles say, or the user's choice,
 * which the session remembers in the workbook. The first option lets the titles decide again.
 */
export function UnitChooser({ unit, choices, lang, busy, onChoose }: UnitChooserProps) {
  const styles = useStyles();
  const t = STRINGS[lang];
  const value = unit.source === "explicit" ? unit.level : "";
  const detected = choices.find((c) => c.level === unit.level)?.label[lang] ?? unit.level;
  return (
    <div className={styles.root}>
      <Field label={t.unitLabel}>
        <Select
          value={value}
          disabled={busy}
          data-testid="unit-chooser"
          onChange={(_, d) => onChoose(d.value === "" ? null : (d.value as UnitLevel))}
        >
          <option value="">{`${t.unitAuto}${unit.source === "explicit" ? "" : `: ${detected}`}`}</option>
          {choices.map((c) => (
            <option key={c.level} value={c.level}>
              {c.label[lang]}
            </option>
          ))}
        </Select>
      </Field>
      <Caption1>{`${unit.name ? `${unit.name} · ` : ""}${t.unitSource(unit.source)}`}</Caption1>
    </div>
  );
}
