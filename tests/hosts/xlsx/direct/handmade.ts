/**
 * Packages written by hand the way Excel writes them (not ExcelJS, whose writing the corpus already covers):
 * shared formulas, rich text with phonetic runs, inline strings, merges over styled rows, overlapping
 * validations, dxf colours, local names, a 1904 date system — for the direct reader's edge cases.
 */
import JSZip from "jszip";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const T = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface HandSheet {
  name: string;
  state?: "hidden" | "veryHidden";
  /** The worksheet's children, <sheetData> included. */
  body: string;
  tables?: string[];
  /** Other relationships of the sheet (hyperlinks), as <Relationship> elements. */
  rels?: string[];
}

export interface HandBook {
  sheets: HandSheet[];
  sharedStrings?: string[];
  styles?: string;
  definedNames?: string;
  workbookPr?: string;
}

/** Excel's styles part: fonts 0 Calibri, 1 bold, 2 red .VnTime; fills 2 solid yellow; xfs as listed. */
export const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.00"/></numFmts><fonts count="3"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font><sz val="12"/><color rgb="FFFF0000"/><name val=".VnTime"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="2" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyAlignment="1"><alignment wrapText="1"/></xf><xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="2"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf><dxf><fill><patternFill><bgColor theme="5" tint="0.39994506668294322"/></patternFill></fill></dxf></dxfs></styleSheet>`;

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** An .xlsx with `book`'s parts (a plain theme-less package, as small as Excel accepts). */
export async function handBook(book: HandBook): Promise<Uint8Array> {
  const zip = new JSZip();
  let tableNo = 0;
  const overrides: string[] = [];
  const sheetEls: string[] = [];
  const wbRels: string[] = [];
  book.sheets.forEach((s, i) => {
    const n = i + 1;
    sheetEls.push(
      `<sheet name="${esc(s.name)}" sheetId="${n}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${n}"/>`,
    );
    wbRels.push(`<Relationship Id="rId${n}" Type="${T}/worksheet" Target="worksheets/sheet${n}.xml"/>`);
    overrides.push(
      `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    );
    const rels: string[] = [...(s.rels ?? [])];
    let parts = "";
    for (const t of s.tables ?? []) {
      tableNo++;
      zip.file(
        `xl/tables/table${tableNo}.xml`,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${t.replace("<table ", `<table xmlns="${NS}" id="${tableNo}" `)}`,
      );
      overrides.push(
        `<Override PartName="/xl/tables/table${tableNo}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`,
      );
      rels.push(
        `<Relationship Id="rIdT${tableNo}" Type="${T}/table" Target="../tables/table${tableNo}.xml"/>`,
      );
      parts += `<tablePart r:id="rIdT${tableNo}"/>`;
    }
    const body = parts
      ? s.body.replace(/(<extLst>|$)/, `<tableParts count="${s.tables?.length}">${parts}</tableParts>$1`)
      : s.body;
    zip.file(
      `xl/worksheets/sheet${n}.xml`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${R}">${body}</worksheet>`,
    );
    if (rels.length)
      zip.file(
        `xl/worksheets/_rels/sheet${n}.xml.rels`,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL}">${rels.join("")}</Relationships>`,
      );
  });
  const k = book.sheets.length;
  wbRels.push(`<Relationship Id="rId${k + 1}" Type="${T}/styles" Target="styles.xml"/>`);
  zip.file("xl/styles.xml", book.styles ?? STYLES);
  if (book.sharedStrings) {
    wbRels.push(`<Relationship Id="rId${k + 2}" Type="${T}/sharedStrings" Target="sharedStrings.xml"/>`);
    zip.file(
      "xl/sharedStrings.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS}" count="${book.sharedStrings.length}" uniqueCount="${book.sharedStrings.length}">${book.sharedStrings.join("")}</sst>`,
    );
    overrides.push(
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`,
    );
  }
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${R}">${book.workbookPr ?? '<workbookPr defaultThemeVersion="164011"/>'}<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" activeTab="0"/></bookViews><sheets>${sheetEls.join("")}</sheets>${book.definedNames ? `<definedNames>${book.definedNames}</definedNames>` : ""}<calcPr calcId="191029"/></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL}">${wbRels.join("")}</Relationships>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${T}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${overrides.join("")}</Types>`,
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
