import { Body1, Caption1, Link, Subtitle1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { OUTSIDE_OFFICE, PLAYGROUND_URL, STRINGS, type Lang } from "../i18n";

const useStyles = makeStyles({
  root: {
    display: "grid",
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}`,
    maxWidth: "640px",
  },
  block: { display: "grid", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  steps: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

const ORDER: readonly Lang[] = ["vi", "en"];

/** Shown when office.js did not load, or loaded outside Excel: how to open the panel, and the playground. */
export function OutsideOffice() {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Subtitle1 as="h1" className={styles.heading}>
        {STRINGS.vi.title}
      </Subtitle1>
      {ORDER.map((lang) => {
        const t = OUTSIDE_OFFICE[lang];
        return (
          <section key={lang} lang={lang} className={styles.block}>
            <Subtitle2 as="h2" className={styles.heading}>
              {t.heading}
            </Subtitle2>
            <Body1>{t.body}</Body1>
            <ol className={styles.steps}>
              {t.steps.map((step) => (
                <li key={step}>
                  <Body1>{step}</Body1>
                </li>
              ))}
            </ol>
            <Body1>
              <Link href={PLAYGROUND_URL}>{t.playground}</Link>
            </Body1>
            <Caption1>{t.playgroundNote}</Caption1>
          </section>
        );
      })}
    </main>
  );
}
