/**
 * Renders a PlanDocument (model.ts) as a Word file with the `docx` package, laid out as Decree 30/2020/NĐ-CP
 * asks of an administrative document: A4, Times New Roman 14 pt (tables 12 pt, "Nơi nhận" 12/11 pt), margins
 * top/bottom 20 mm, left 30 mm, right 15 mm, the page number at the top centre from page 2, the header block
 * as a borderless two-column table, bold headings, tables whose header row repeats on every page. The
 * appendix is a landscape section of its own. Works in the browser and in Node (no fs, no DOM).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from "docx";
import type { Block, PlanDocument, Run, TableColumn } from "./model";

/** Page and type settings (exported for the tests and docs/PLAN-DOCUMENT.md). */
export const LAYOUT = {
  font: "Times New Roman",
  /** Half-points: 28 = 14 pt body; 26 = 13 pt header block; 24 = 12 pt tables, motto line 1, "Nơi nhận:"; 22 = 11 pt recipients. */
  size: { body: 28, table: 24, recipientsTitle: 24, recipients: 22, header: 26, motto: 24 },
  /** A4 in twips (1/20 pt): 210 × 297 mm. */
  page: { width: 11906, height: 16838 },
  /** Millimetres. */
  margin: { top: 20, bottom: 20, left: 30, right: 15 },
  /** First-line indent of body paragraphs, twips (1 cm). */
  indent: 567,
} as const;

/** Millimetres → twips, rounded up: 20 mm is 1134 twips, never 1133 (19,99 mm, under the decree's minimum). */
const mm = (x: number) => Math.ceil((x * 1440) / 25.4);
const MARGIN = {
  top: mm(LAYOUT.margin.top),
  bottom: mm(LAYOUT.margin.bottom),
  left: mm(LAYOUT.margin.left),
  right: mm(LAYOUT.margin.right),
  header: mm(10),
  footer: mm(10),
};
/** Text width in twips, portrait and landscape. */
const TEXT_WIDTH = {
  portrait: LAYOUT.page.width - MARGIN.left - MARGIN.right,
  landscape: LAYOUT.page.height - MARGIN.left - MARGIN.right,
};

function runs(list: readonly Run[], size?: number): TextRun[] {
  return list.map((r) => new TextRun({ text: r.text, bold: r.bold, italics: r.italic, size }));
}

function line(
  text: string,
  opts: { bold?: boolean; italic?: boolean; size?: number; align?: "center" | "left"; after?: number } = {},
): Paragraph {
  return new Paragraph({
    alignment: opts.align === "left" ? AlignmentType.LEFT : AlignmentType.CENTER,
    spacing: { before: 0, after: opts.after ?? 0 },
    children: [new TextRun({ text, bold: opts.bold, italics: opts.italic, size: opts.size })],
  });
}

function cell(children: Paragraph[], widthTwips: number): TableCell {
  return new TableCell({
    width: { size: widthTwips, type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    children,
  });
}

/** A short centred rule under a header line (Decree 30: a solid line under the issuing body and the motto). */
function rule(cellWidth: number, share: number): Paragraph {
  const side = Math.round((cellWidth * (1 - share)) / 2);
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 120 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [new TextRun({ text: "", size: 4 })],
  });
}

/** The header block: issuing body and number left, motto and place/date right; no borders. */
function headerBlock(doc: PlanDocument): Table {
  const h = doc.header;
  const left = Math.round(TEXT_WIDTH.portrait * 0.38);
  const right = TEXT_WIDTH.portrait - left;
  const leftCell: Paragraph[] = [];
  if (h.parentBody) leftCell.push(line(h.parentBody.toLocaleUpperCase("vi"), { size: LAYOUT.size.header }));
  for (const l of h.issuingBody)
    leftCell.push(line(l.toLocaleUpperCase("vi"), { bold: true, size: LAYOUT.size.header }));
  leftCell.push(
    rule(left, 0.35),
    line("", { size: LAYOUT.size.header }),
    line(h.number, { size: LAYOUT.size.header }),
  );
  const rightCell: Paragraph[] = [
    line(h.motto[0], { bold: true, size: LAYOUT.size.motto }),
    line(h.motto[1], { bold: true }),
    rule(right, 0.55),
    line(""),
    line(h.dateLine, { italic: true }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH.portrait, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(leftCell, left), cell(rightCell, right)] })],
  });
}

function alignment(a: TableColumn["align"]) {
  return a === "center" ? AlignmentType.CENTER : a === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT;
}

/** A data table: fixed column widths, the title row repeated on every page. */
function dataTable(block: Extract<Block, { kind: "table" }>, textWidth: number): Table {
  const widths = block.columns.map((c) => Math.round((textWidth * c.width) / 100));
  const total = widths.reduce((a, b) => a + b, 0);
  widths[widths.length - 1] += textWidth - total;
  const row = (cells: string[], bold: boolean, header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map(
        (text, i) =>
          new TableCell({
            width: { size: widths[i], type: WidthType.DXA },
            verticalAlign: VerticalAlign.CENTER,
            margins: { top: 40, bottom: 40, left: 80, right: 80 },
            children: text.split("\n").map(
              (t) =>
                new Paragraph({
                  alignment: header ? AlignmentType.CENTER : alignment(block.columns[i].align),
                  spacing: { before: 0, after: 0 },
                  children: [new TextRun({ text: t, bold, size: LAYOUT.size.table })],
                }),
            ),
          }),
      ),
    });
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      row(
        block.columns.map((c) => c.title),
        true,
        true,
      ),
      ...block.rows.map((r) => row(r.cells, !!r.bold, false)),
    ],
  });
}

function blockToDocx(block: Block, textWidth: number): (Paragraph | Table)[] {
  switch (block.kind) {
    case "heading":
      return [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: LAYOUT.indent },
          keepNext: true,
          spacing: { before: block.level === 1 ? 120 : 60, after: 60 },
          children: [new TextRun({ text: block.text, bold: true })],
        }),
      ];
    case "paragraph":
      return [
        new Paragraph({
          alignment: block.align === "center" ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
          indent: block.align === "center" ? undefined : { firstLine: LAYOUT.indent },
          spacing: { before: 0, after: 60 },
          children: runs(block.runs),
        }),
      ];
    case "table":
      // A short empty paragraph after the table keeps the next paragraph off its border.
      return [dataTable(block, textWidth), new Paragraph({ spacing: { after: 0 }, children: [] })];
  }
}

/** "Nơi nhận" (left) and the signature block (right), side by side without borders. */
function closingBlock(doc: PlanDocument): Table {
  const left = Math.round(TEXT_WIDTH.portrait * 0.5);
  const right = TEXT_WIDTH.portrait - left;
  const recipients = [
    line(doc.recipients.title, {
      bold: true,
      italic: true,
      size: LAYOUT.size.recipientsTitle,
      align: "left",
    }),
    ...doc.recipients.lines.map((l) => line(l, { size: LAYOUT.size.recipients, align: "left" })),
  ];
  const signature = [
    ...doc.signature.lines.map((l) => line(l, { bold: true })),
    line(""),
    line(""),
    line(""),
    line(""),
    line(doc.signature.name, { bold: true }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH.portrait, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(recipients, left), cell(signature, right)] })],
  });
}

/** The page number, top centre (Decree 30: not on the first page). */
function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT] })],
      }),
    ],
  });
}

/** The docx package's document for a PlanDocument (exported for tests that inspect it before packing). */
export function planDocx(doc: PlanDocument): Document {
  const body: (Paragraph | Table)[] = [
    headerBlock(doc),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
    line(doc.title.kind, { bold: true }),
    line(doc.title.subtitle, { bold: true, after: 240 }),
  ];
  for (const section of doc.sections)
    for (const block of section.blocks) body.push(...blockToDocx(block, TEXT_WIDTH.portrait));
  body.push(new Paragraph({ spacing: { after: 120 }, children: [] }), closingBlock(doc));

  const sections: ISectionOptions[] = [
    {
      properties: {
        titlePage: true,
        page: {
          size: {
            width: LAYOUT.page.width,
            height: LAYOUT.page.height,
            orientation: PageOrientation.PORTRAIT,
          },
          margin: MARGIN,
        },
      },
      headers: {
        default: pageNumberHeader(),
        first: new Header({ children: [new Paragraph({ children: [] })] }),
      },
      children: body,
    },
  ];
  if (doc.appendix) {
    const a = doc.appendix;
    sections.push({
      properties: {
        page: {
          size: {
            width: LAYOUT.page.width,
            height: LAYOUT.page.height,
            orientation: PageOrientation.LANDSCAPE,
          },
          margin: MARGIN,
        },
      },
      headers: { default: pageNumberHeader() },
      children: [
        ...a.title.map((t) => line(t, { bold: true })),
        line(a.note, { italic: true, after: 240 }),
        ...blockToDocx(a.table, TEXT_WIDTH.landscape),
      ],
    });
  }
  return new Document({
    creator: "PAR INDEX gap add-in",
    title: doc.title.subtitle,
    styles: {
      default: {
        document: {
          run: { font: LAYOUT.font, size: LAYOUT.size.body },
          paragraph: { spacing: { line: 276 } },
        },
      },
    },
    sections,
  });
}

/** The plan as .docx bytes. */
export async function renderPlanDocx(doc: PlanDocument): Promise<Uint8Array> {
  return Packer.pack(planDocx(doc), "uint8array");
}
