import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { MemoryHost } from "../../src/app/memoryHost";
import { Session } from "../../src/app/session";
import { sampleWorkbook } from "../../src/core/sample";
import type { WorkbookSnapshot } from "../../src/core";
import { Panel, type PanelProps } from "../../src/taskpane/components/Panel";
import type { Lang } from "../../src/taskpane/i18n";
import { askAgain, stopAsking } from "../../src/taskpane/confirmMemory";

/** A host whose writes wait until the test opens the gate: to see the panel while the host works. */
export class GatedHost extends MemoryHost {
  private gate: Promise<void> | null = null;
  private openGate: (() => void) | null = null;
  hold(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }
  release(): void {
    this.openGate?.();
    this.gate = null;
  }
  override async apply(...args: Parameters<MemoryHost["apply"]>): Promise<void> {
    if (this.gate) await this.gate;
    return super.apply(...args);
  }
}

export function setup(
  opts: {
    ws?: WorkbookSnapshot;
    lang?: Lang;
    inExcel?: boolean;
    subscribeSheetChanges?: PanelProps["subscribeSheetChanges"];
    /** Ask before structural commands (default false: the workbook's "don't ask again" is set). */
    ask?: boolean;
    planDocument?: PanelProps["planDocument"];
  } = {},
) {
  const workbookKey = "test-workbook";
  if (opts.ask) askAgain(workbookKey);
  else stopAsking(workbookKey);
  const host = new GatedHost(opts.ws ?? sampleWorkbook());
  const lang = opts.lang ?? "vi";
  const session = new Session(host, lang);
  const onLangChange = jest.fn((l: Lang) => {
    session.lang = l;
  });
  const props: PanelProps = {
    api: session,
    initialLang: lang,
    inExcel: opts.inExcel ?? true,
    onLangChange,
    subscribeSheetChanges: opts.subscribeSheetChanges,
    workbookKey,
    planDocument: opts.planDocument,
  };
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <Panel {...props} />
    </FluentProvider>,
  );
  return { host, session, onLangChange, view };
}

/** The sample with one stated gap and the stated total made wrong. */
export function sampleWithStatedErrors(): WorkbookSnapshot {
  const ws = sampleWorkbook();
  const values = ws.active.values as (string | number | null)[][];
  values[5][4] = "0,40"; // row 6 (domain 2): the gap says 0,40, recalculated 0,00
  values[values.length - 1][3] = "80,00"; // the total row says 80,00, recalculated 84,87
  return ws;
}

/** The sample with an unreadable score: an issue the engine reports with its row. */
export function sampleWithBadCell(): WorkbookSnapshot {
  const ws = sampleWorkbook();
  const values = ws.active.values as (string | number | null)[][];
  values[17][3] = "mười"; // row 18 (6.4)
  return ws;
}

/** The sample plus a custom catalogue sheet with a row that has no code (row 3 of that sheet). */
export function sampleWithBadCatalogue(): WorkbookSnapshot {
  const ws = sampleWorkbook();
  const name = "Danh mục giải pháp";
  const values = [
    ["Mã tiêu chí", "Cơ quan chủ trì tham mưu", "Cơ quan thực hiện", "Nhiệm vụ, giải pháp"],
    ["4.2", "Phòng Nội vụ", "UBND xã", "Sắp xếp đơn vị"],
    [null, "Phòng Tư pháp", "", "Rà soát văn bản"],
  ];
  return {
    ...ws,
    sheetNames: [...ws.sheetNames, name],
    others: { [name]: { name, top: 0, left: 0, values } },
  };
}

/** A stand-in for Excel's sheet-activated events: what the panel subscribed, and a way to fire it. */
export function fakeSheetChanges() {
  const listeners = new Set<() => void>();
  const subscribe = jest.fn((onChange: () => void) => {
    listeners.add(onChange);
    return () => void listeners.delete(onChange);
  });
  return {
    subscribe,
    fire: () => listeners.forEach((l) => l()),
    get listeners() {
      return listeners.size;
    },
  };
}
