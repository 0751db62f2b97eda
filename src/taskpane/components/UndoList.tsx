import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { UndoEntry } from "../panelApi";
import { STRINGS, type Lang } from "../i18n";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "grid", gap: tokens.spacingVerticalXS },
  button: { justifyContent: "flex-start", textAlign: "start", width: "100%" },
});

export interface UndoListProps {
  entries: readonly UndoEntry[];
  lang: Lang;
  disabled: boolean;
  onUndoTo: (id: number) => void;
}

/**
 * Every command since the pane opened (ribbon included), newest first, each undoable by name
 * ("Hoàn tác: Điền cơ quan và giải pháp"); undoing one undoes the later ones first, in order.
 */
export function UndoList({ entries, lang, disabled, onUndoTo }: UndoListProps) {
  const styles = useStyles();
  const t = STRINGS[lang];
  if (entries.length === 0) return <Text>{t.undoListEmpty}</Text>;
  return (
    <>
      <Caption1>{t.undoListHint}</Caption1>
      <ol className={styles.list}>
        {entries.map((e) => (
          <li key={e.id}>
            <Button
              className={styles.button}
              size="small"
              disabledFocusable={disabled}
              onClick={() => onUndoTo(e.id)}
            >
              {t.undoEntry(e.label[lang])}
            </Button>
          </li>
        ))}
      </ol>
    </>
  );
}
