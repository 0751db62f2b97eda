import { Link, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../i18n";

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "grid", gap: "2px" },
  link: { textAlign: "start" },
});

export interface IssueLink {
  row: number;
  message: { vi: string; en: string };
}

export interface IssueLinksProps {
  items: readonly IssueLink[];
  lang: Lang;
  /** Without it the messages are plain text (rows of another sheet, say). */
  onSelect?: (row: number) => void;
}

/** Engine messages ("Dòng 12 (6.4): …"), each a link-styled button that goes to its row. */
export function IssueLinks({ items, lang, onSelect }: IssueLinksProps) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {items.map((i, k) => (
        <li key={`${i.row}-${k}`}>
          {onSelect ? (
            <Link as="button" className={styles.link} data-row={i.row} onClick={() => onSelect(i.row)}>
              {i.message[lang]}
            </Link>
          ) : (
            i.message[lang]
          )}
        </li>
      ))}
    </ul>
  );
}
