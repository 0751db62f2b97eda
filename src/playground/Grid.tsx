/**
 * An Excel-like view of one sheet: column letters and row numbers (sticky while scrolling), cell text,
 * fills, bold, font colours, wrapping, merges, column widths; a formula bar for the active cell. Read-only:
 * the commands in the panel are what change the workbook. Keyboard: Tab into the grid, then arrow keys,
 * Home/End, Ctrl+Home, PageUp/PageDown move the active cell.
 */
import { memo, useEffect, useId, useRef, type CSSProperties, type KeyboardEvent } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { cellAddress, columnLetter } from "../app/format";
import { displayValue, type GridCell, type GridView, type Lang } from "./gridModel";
import type { PlaygroundStrings } from "./strings";

export interface Position {
  row: number;
  col: number;
}

export interface GridProps {
  view: GridView;
  lang: Lang;
  t: PlaygroundStrings;
  active: Position;
  onActiveChange: (p: Position) => void;
  /** A row to point out (the panel's "go to this criterion"), 0-based; scrolled into view when it changes. */
  highlightRow: number | null;
  /** Changes whenever the highlight is asked for again, so the same row scrolls back into view. */
  highlightKey: number;
  /** A newer view is on its way (the document changed or another sheet was asked for). */
  busy?: boolean;
}

const ROW_HEADER_WIDTH = 44;
const HEADER_HEIGHT = 22;
const EXCEL_GREEN = "#217346";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: 0, minWidth: 0, flexGrow: 1 },
  formulaBar: {
    display: "flex",
    alignItems: "stretch",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  nameBox: {
    minWidth: "64px",
    padding: "2px 6px",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    lineHeight: "20px",
    textAlign: "center",
  },
  fx: {
    fontStyle: "italic",
    color: tokens.colorNeutralForeground3,
    alignSelf: "center",
    fontFamily: "Georgia, serif",
  },
  formula: {
    flexGrow: 1,
    minWidth: 0,
    padding: "2px 6px",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    lineHeight: "20px",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  scroller: {
    position: "relative",
    overflow: "auto",
    flexGrow: 1,
    minHeight: "160px",
    backgroundColor: "#ffffff",
  },
  table: {
    borderCollapse: "separate",
    borderSpacing: 0,
    tableLayout: "fixed",
    fontFamily: "Calibri, Carlito, 'Segoe UI', Arial, sans-serif",
    fontSize: "13px",
    lineHeight: "17px",
    color: "#000000",
    backgroundColor: "#ffffff",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  colHeader: {
    position: "sticky",
    top: 0,
    zIndex: 3,
    height: `${HEADER_HEIGHT}px`,
    padding: 0,
    backgroundColor: "#f3f3f3",
    color: "#444444",
    fontWeight: "normal",
    fontSize: "12px",
    textAlign: "center",
    borderRight: "1px solid #d4d4d4",
    borderBottom: "1px solid #bdbdbd",
  },
  corner: { left: 0, zIndex: 4, width: `${ROW_HEADER_WIDTH}px` },
  rowHeader: {
    position: "sticky",
    left: 0,
    zIndex: 2,
    padding: "0 4px",
    backgroundColor: "#f3f3f3",
    color: "#444444",
    fontWeight: "normal",
    fontSize: "12px",
    textAlign: "center",
    verticalAlign: "middle",
    borderRight: "1px solid #bdbdbd",
    borderBottom: "1px solid #d4d4d4",
  },
  headerActive: { backgroundColor: "#d2d2d2", color: "#000000" },
  rowHeaderHighlighted: { backgroundColor: "#cfe8d9", color: EXCEL_GREEN, fontWeight: "bold" },
  cell: {
    height: "20px",
    padding: "1px 3px",
    borderRight: "1px solid #e1e1e1",
    borderBottom: "1px solid #e1e1e1",
    overflow: "hidden",
    whiteSpace: "pre",
    scrollMarginTop: `${HEADER_HEIGHT + 4}px`,
    scrollMarginLeft: `${ROW_HEADER_WIDTH + 4}px`,
    cursor: "cell",
  },
  wrap: { whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  spill: { overflow: "visible" },
  spillText: { position: "relative", zIndex: 1 },
  highlighted: {
    boxShadow: `inset 0 2px 0 ${EXCEL_GREEN}, inset 0 -2px 0 ${EXCEL_GREEN}`,
  },
  active: { outline: `2px solid ${EXCEL_GREEN}`, outlineOffset: "-2px" },
  note: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
});

function clamp(p: Position, view: GridView): Position {
  return {
    row: Math.max(0, Math.min(view.rows - 1, p.row)),
    col: Math.max(0, Math.min(view.cols - 1, p.col)),
  };
}

/** The top-left cell of the merge covering (row, col), or the cell itself. */
function masterOf(view: GridView, p: Position): Position {
  if (!view.covered.has(`${p.row},${p.col}`)) return p;
  for (let r = p.row; r >= 0; r--)
    for (let c = p.col; c >= 0; c--) {
      const m = view.cells[r][c];
      if (m && r + m.rowSpan > p.row && c + m.colSpan > p.col) return { row: r, col: c };
    }
  return p;
}

export const cellId = (prefix: string, row: number, col: number) => `${prefix}-r${row}c${col}`;

/** The sheet grid with its formula bar. */
export function Grid({ view, lang, t, active, onActiveChange, highlightRow, highlightKey, busy }: GridProps) {
  const styles = useStyles();
  const prefix = useId().replace(/:/g, "");
  const scroller = useRef<HTMLDivElement>(null);
  const at = clamp(active, view);
  const master = masterOf(view, at);
  const activeCell = view.cells[master.row]?.[master.col] ?? null;
  const activeId = cellId(prefix, master.row, master.col);

  useEffect(() => {
    document.getElementById(activeId)?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [activeId]);

  useEffect(() => {
    if (highlightRow === null) return;
    const el = document.getElementById(cellId(prefix, highlightRow, 0))?.parentElement;
    el?.scrollIntoView({ block: "center", inline: "nearest" });
  }, [highlightRow, highlightKey, prefix]);

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / 22) - 1);
    const moves: Record<string, Position> = {
      ArrowUp: { row: master.row - 1, col: at.col },
      ArrowDown: { row: master.row + (activeCell?.rowSpan ?? 1), col: at.col },
      ArrowLeft: { row: at.row, col: master.col - 1 },
      ArrowRight: { row: at.row, col: master.col + (activeCell?.colSpan ?? 1) },
      PageUp: { row: at.row - page, col: at.col },
      PageDown: { row: at.row + page, col: at.col },
      Home: e.ctrlKey ? { row: 0, col: 0 } : { row: at.row, col: 0 },
      End: e.ctrlKey ? { row: view.usedRows - 1, col: at.col } : { row: at.row, col: view.cols - 1 },
    };
    const next = moves[e.key];
    if (!next) return;
    e.preventDefault();
    onActiveChange(clamp(next, view));
  };

  const totalWidth = ROW_HEADER_WIDTH + view.widths.reduce((a, b) => a + b, 0);
  const contents = activeCell?.formula ?? formulaBarValue(activeCell, lang);

  return (
    <div className={styles.root}>
      <div role="group" aria-label={t.formulaBar} className={styles.formulaBar}>
        <output className={styles.nameBox} aria-label={t.nameBox} data-testid="name-box">
          {cellAddress(master.row, master.col)}
        </output>
        <span className={styles.fx} aria-hidden="true">
          fx
        </span>
        <input
          className={styles.formula}
          readOnly
          aria-label={t.formula}
          value={contents}
          data-testid="formula-bar"
        />
      </div>
      <div ref={scroller} className={styles.scroller} data-testid="grid-scroller">
        <table
          role="grid"
          aria-label={t.grid(view.sheet)}
          aria-readonly="true"
          aria-rowcount={view.rows + 1}
          aria-colcount={view.cols + 1}
          aria-activedescendant={activeId}
          tabIndex={0}
          className={styles.table}
          style={{ width: `${totalWidth}px` }}
          onKeyDown={onKeyDown}
          data-testid="grid"
          data-sheet={view.sheet}
          aria-busy={busy === true}
        >
          <colgroup>
            <col style={{ width: `${ROW_HEADER_WIDTH}px` }} />
            {view.widths.map((w, c) => (
              <col key={c} style={{ width: `${w}px` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className={mergeClasses(styles.colHeader, styles.corner)} aria-hidden="true" />
              {view.widths.map((_, c) => (
                <th
                  key={c}
                  scope="col"
                  className={mergeClasses(styles.colHeader, c === master.col && styles.headerActive)}
                >
                  {columnLetter(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.cells.map((line, r) => (
              <Row
                key={r}
                row={r}
                line={line}
                view={view}
                prefix={prefix}
                activeCol={r >= master.row && r < master.row + (activeCell?.rowSpan ?? 1) ? master.col : -1}
                activeRow={r === master.row}
                highlighted={r === highlightRow}
                onSelect={onActiveChange}
                styles={styles}
              />
            ))}
          </tbody>
        </table>
      </div>
      {view.truncated && (
        <div className={styles.note} role="note">
          {t.truncated(view.rows, view.usedRows)}
        </div>
      )}
    </div>
  );
}

function formulaBarValue(cell: GridCell | null, lang: Lang): string {
  if (!cell || cell.value === null) return "";
  return typeof cell.value === "number" ? displayValue(cell.value, null, lang) : String(cell.value);
}

interface RowProps {
  row: number;
  line: (GridCell | null)[];
  view: GridView;
  prefix: string;
  /** The active cell's column when it is in this row, else -1. */
  activeCol: number;
  /** The active cell starts in this row (its row header is marked). */
  activeRow: boolean;
  highlighted: boolean;
  onSelect: (p: Position) => void;
  styles: ReturnType<typeof useStyles>;
}

const Row = memo(function Row({
  row,
  line,
  view,
  prefix,
  activeCol,
  activeRow,
  highlighted,
  onSelect,
  styles,
}: RowProps) {
  const cells = [];
  for (let c = 0; c < line.length; c++) {
    if (view.covered.has(`${row},${c}`)) continue;
    const cell = line[c];
    const style: CSSProperties = {};
    let spill = false;
    if (cell) {
      if (cell.fill) style.backgroundColor = cell.fill;
      if (cell.color) style.color = cell.color;
      if (cell.bold) style.fontWeight = "bold";
      style.textAlign = cell.align;
      style.verticalAlign = cell.valign;
      // Like Excel, unwrapped left-aligned text runs on over the empty cells to its right.
      const next = line[c + cell.colSpan];
      spill =
        !cell.wrap &&
        cell.align === "left" &&
        cell.text !== "" &&
        c + cell.colSpan < line.length &&
        (!next || next.text === "") &&
        !view.covered.has(`${row},${c + cell.colSpan}`);
    } else {
      style.verticalAlign = "bottom";
    }
    cells.push(
      <td
        key={c}
        id={cellId(prefix, row, c)}
        rowSpan={cell && cell.rowSpan > 1 ? cell.rowSpan : undefined}
        colSpan={cell && cell.colSpan > 1 ? cell.colSpan : undefined}
        aria-selected={c === activeCol ? true : undefined}
        className={mergeClasses(
          styles.cell,
          cell?.wrap && styles.wrap,
          spill && styles.spill,
          highlighted && styles.highlighted,
          c === activeCol && styles.active,
        )}
        style={style}
        onClick={() => onSelect({ row, col: c })}
        data-col={columnLetter(c)}
      >
        {spill ? <span className={styles.spillText}>{cell!.text}</span> : cell?.text}
      </td>,
    );
  }
  return (
    <tr data-row={row + 1} data-highlighted={highlighted || undefined}>
      <th
        scope="row"
        className={mergeClasses(
          styles.rowHeader,
          activeRow && styles.headerActive,
          highlighted && styles.rowHeaderHighlighted,
        )}
      >
        {row + 1}
      </th>
      {cells}
    </tr>
  );
});
