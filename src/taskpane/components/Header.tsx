import { Badge, Subtitle1, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import { STRINGS, type Lang } from "../i18n";

const LANGS: readonly Lang[] = ["vi", "en"];

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  title: { flexGrow: 1, margin: 0 },
  switch: { display: "flex", gap: tokens.spacingHorizontalXS },
});

export interface HeaderProps {
  lang: Lang;
  inExcel: boolean;
  onLangChange: (lang: Lang) => void;
}

/** Title and the Tiếng Việt / English switch (each language named in itself). */
export function Header({ lang, inExcel, onLangChange }: HeaderProps) {
  const styles = useStyles();
  const t = STRINGS[lang];
  return (
    <header className={styles.root}>
      <Subtitle1 as="h1" className={styles.title}>
        {t.title}
      </Subtitle1>
      {!inExcel && (
        <Badge appearance="tint" color="informative">
          {t.outsideExcelBadge}
        </Badge>
      )}
      <div role="group" aria-label={t.languageGroup} className={styles.switch}>
        {LANGS.map((l) => (
          <ToggleButton
            key={l}
            size="small"
            appearance={l === lang ? "primary" : "subtle"}
            checked={l === lang}
            lang={l}
            aria-label={STRINGS[l].switchTo(STRINGS[l].languageNames[l])}
            onClick={() => l !== lang && onLangChange(l)}
          >
            {STRINGS[l].languageNames[l]}
          </ToggleButton>
        ))}
      </div>
    </header>
  );
}
