import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import {
  Badge,
  Caption1,
  Text,
  ToggleButton,
  makeStyles,
  mergeClasses,
  tokens,
  useId,
  type BadgeProps,
} from "@fluentui/react-components";
import { formatScore } from "../../app/light";
import type { CriterionView } from "../panelApi";
import { STRINGS, type Lang } from "../i18n";

/** Fixed heights (px) of the two kinds of line: the list is virtualised by them. */
export const ITEM_HEIGHT = 68;
export const GROUP_HEIGHT = 28;
/** The list's box; without layout (jsdom) this much is rendered. */
const VIEW_HEIGHT = 320;
const OVERSCAN = 4;

const useStyles = makeStyles({
  sort: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
  list: {
    position: "relative",
    overflowY: "auto",
    maxHeight: `${VIEW_HEIGHT}px`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "1px",
    },
  },
  line: {
    position: "absolute",
    left: 0,
    right: 0,
    boxSizing: "border-box",
    overflow: "hidden",
  },
  group: {
    display: "flex",
    alignItems: "center",
    padding: `0 ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: "nowrap",
    textOverflow: "ellipsis",
  },
  item: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    alignContent: "center",
    padding: `2px ${tokens.spacingHorizontalS}`,
    cursor: "pointer",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    borderLeft: `${tokens.strokeWidthThicker} solid transparent`,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  active: {
    // the active line is told by a thick border and a background, not by colour alone
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1Selected,
    outline: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    outlineOffset: "-2px",
  },
  code: { fontWeight: tokens.fontWeightSemibold, minWidth: "2.5em" },
  clip: { overflow: "hidden", whiteSpace: "nowrap", textOverflow: "ellipsis", minWidth: 0 },
  meta: {
    gridColumn: "2",
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
    overflow: "hidden",
    whiteSpace: "nowrap",
  },
  gap: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  caption: { gridColumn: "2", color: tokens.colorNeutralForeground3 },
});

/** Status badges carry their word and an icon-like mark, so they differ by more than hue. */
const BADGE: Record<CriterionView["status"], { color: BadgeProps["color"]; mark: string }> = {
  zero: { color: "danger", mark: "✕" },
  partial: { color: "warning", mark: "◐" },
  unscored: { color: "informative", mark: "?" },
  met: { color: "success", mark: "✓" },
};

export type UnmetSort = "gap" | "code";

type Line =
  | { kind: "group"; key: string; text: string }
  | { kind: "item"; key: string; c: CriterionView; index: number };

/** "6.10.2" < "6.2": numeric part by part. */
function compareCodes(a: string | null, b: string | null): number {
  const pa = (a ?? "").split(".").map((x) => Number.parseInt(x, 10));
  const pb = (b ?? "").split(".").map((x) => Number.parseInt(x, 10));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return 0;
}

/**
 * The lines of the list: the unmet criteria grouped under their domain (domains in table order), sorted
 * inside each group by gap (largest first) or by code. `rows` is every criterion row in sheet order (to
 * find each one's domain).
 */
export function unmetLines(
  unmet: readonly CriterionView[],
  rows: readonly CriterionView[],
  sort: UnmetSort,
  lang: Lang,
): Line[] {
  const domainOf = new Map<number, CriterionView | null>();
  let domain: CriterionView | null = null;
  for (const r of rows) {
    if (r.level === 1) domain = r;
    domainOf.set(r.row, domain);
  }
  const groups = new Map<number, { d: CriterionView | null; items: CriterionView[] }>();
  for (const c of unmet) {
    const d = domainOf.get(c.row) ?? null;
    const key = d?.row ?? -1;
    if (!groups.has(key)) groups.set(key, { d, items: [] });
    groups.get(key)!.items.push(c);
  }
  const cmp =
    sort === "gap"
      ? (x: CriterionView, y: CriterionView) => (y.gap ?? 0) - (x.gap ?? 0) || x.row - y.row
      : (x: CriterionView, y: CriterionView) => compareCodes(x.code, y.code) || x.row - y.row;
  const lines: Line[] = [];
  let index = 0;
  for (const [key, g] of [...groups].sort((a, b) => a[0] - b[0])) {
    const t = STRINGS[lang];
    if (g.d) lines.push({ kind: "group", key: `g${key}`, text: t.domainGroup(g.d.code ?? "", g.d.name) });
    for (const c of [...g.items].sort(cmp)) lines.push({ kind: "item", key: `i${c.row}`, c, index: index++ });
  }
  return lines;
}

export interface UnmetListProps {
  unmet: readonly CriterionView[];
  /** Every criterion row, in sheet order: each unmet one's domain is found there. */
  rows: readonly CriterionView[];
  lang: Lang;
  onSelect: (row: number) => void;
}

/**
 * The criteria still missing points, grouped by domain, sorted by gap or code. One Tab stop (a listbox
 * with an active descendant): arrows, Home/End and Page keys move, Enter or Space goes to the row.
 * Virtualised: only the lines in view are in the DOM, so 10,000 criteria stay fast.
 */
export function UnmetList({ unmet, rows, lang, onSelect }: UnmetListProps) {
  const styles = useStyles();
  const t = STRINGS[lang];
  const id = useId("unmet");
  const [sort, setSort] = useState<UnmetSort>("gap");
  const [active, setActive] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const box = useRef<HTMLDivElement>(null);

  const lines = useMemo(() => unmetLines(unmet, rows, sort, lang), [unmet, rows, sort, lang]);
  const { tops, total, itemLine } = useMemo(() => {
    const tops: number[] = [];
    const itemLine: number[] = [];
    let y = 0;
    lines.forEach((l, i) => {
      tops.push(y);
      if (l.kind === "item") itemLine.push(i);
      y += l.kind === "item" ? ITEM_HEIGHT : GROUP_HEIGHT;
    });
    return { tops, total: y, itemLine };
  }, [lines]);
  const count = itemLine.length;
  const current = Math.min(active, Math.max(0, count - 1));

  // keep the active line in view
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || count === 0) return;
    const line = itemLine[current];
    const top = tops[line];
    const view = el.clientHeight || VIEW_HEIGHT;
    // a group heading right above the first item of its group comes into view with it
    const head = line > 0 && lines[line - 1].kind === "group" ? tops[line - 1] : top;
    if (head < el.scrollTop) el.scrollTop = head;
    else if (top + ITEM_HEIGHT > el.scrollTop + view) el.scrollTop = top + ITEM_HEIGHT - view;
  }, [current, count, itemLine, tops, lines]);

  const view = box.current?.clientHeight || VIEW_HEIGHT;
  let first = 0;
  while (first < lines.length - 1 && tops[first + 1] <= scrollTop) first++;
  first = Math.max(0, first - OVERSCAN);
  let last = first;
  while (last < lines.length - 1 && tops[last] < scrollTop + view) last++;
  last = Math.min(lines.length - 1, last + OVERSCAN);
  const activeLine = count > 0 ? itemLine[current] : -1;
  // the active line is always rendered (aria-activedescendant must point at an element)
  const shown = new Set<number>();
  for (let i = first; i <= last; i++) shown.add(i);
  if (activeLine >= 0) shown.add(activeLine);

  const onKeyDown = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor(view / ITEM_HEIGHT) - 1);
    const to: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      Home: 0,
      End: count - 1,
      PageDown: current + page,
      PageUp: current - page,
    };
    if (e.key in to) {
      e.preventDefault();
      setActive(Math.max(0, Math.min(count - 1, to[e.key])));
    } else if ((e.key === "Enter" || e.key === " ") && count > 0) {
      e.preventDefault();
      const l = lines[activeLine];
      if (l.kind === "item") onSelect(l.c.row);
    }
  };

  return (
    <>
      <div role="group" aria-label={t.sortLabel} className={styles.sort}>
        <Caption1 aria-hidden>{t.sortLabel}:</Caption1>
        {(["gap", "code"] as const).map((s) => (
          <ToggleButton
            key={s}
            size="small"
            checked={sort === s}
            appearance={sort === s ? "primary" : "subtle"}
            onClick={() => {
              setSort(s);
              setActive(0);
            }}
          >
            {s === "gap" ? t.sortByGap : t.sortByCode}
          </ToggleButton>
        ))}
      </div>
      <div
        ref={box}
        role="listbox"
        tabIndex={0}
        aria-label={t.unmetListLabel}
        aria-activedescendant={activeLine >= 0 ? `${id}-${lines[activeLine].key}` : undefined}
        className={styles.list}
        onKeyDown={onKeyDown}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        data-testid="unmet-list"
      >
        <div style={{ height: `${total}px` }} role="presentation">
          {[...shown]
            .sort((a, b) => a - b)
            .map((i) => {
              const l = lines[i];
              const style = {
                top: `${tops[i]}px`,
                height: `${l.kind === "item" ? ITEM_HEIGHT : GROUP_HEIGHT}px`,
              };
              if (l.kind === "group")
                return (
                  <div
                    key={l.key}
                    aria-hidden
                    className={mergeClasses(styles.line, styles.group)}
                    style={style}
                  >
                    {l.text}
                  </div>
                );
              const c = l.c;
              const gap = formatScore(c.gap ?? 0, lang);
              const status = t.status[c.status];
              const code = c.code ?? "";
              const selected = i === activeLine;
              return (
                <div
                  key={l.key}
                  id={`${id}-${l.key}`}
                  role="option"
                  aria-selected={selected}
                  aria-setsize={count}
                  aria-posinset={l.index + 1}
                  data-row={c.row}
                  className={mergeClasses(styles.line, styles.item, selected && styles.active)}
                  style={style}
                  onClick={() => {
                    setActive(l.index);
                    box.current?.focus();
                    onSelect(c.row);
                  }}
                >
                  <span className={styles.code}>{code}</span>
                  <Text className={styles.clip}>{c.name}</Text>
                  <span className={styles.meta}>
                    <Badge
                      appearance="tint"
                      color={BADGE[c.status].color}
                      icon={<span aria-hidden>{BADGE[c.status].mark}</span>}
                    >
                      {status}
                    </Badge>
                    <Text className={styles.gap}>{t.gapShort(gap)}</Text>
                    {c.lead && (
                      <Caption1 className={styles.clip}>
                        {t.lead}: {c.lead}
                      </Caption1>
                    )}
                  </span>
                  {c.matchText && (
                    <Caption1 className={mergeClasses(styles.caption, styles.clip)}>
                      {c.matchText[lang]}
                    </Caption1>
                  )}
                </div>
              );
            })}
        </div>
      </div>
    </>
  );
}
