/** The command line's words: what each command takes, usage in both languages, and usage errors. */
import { APPLY_STEPS, type ApplyStep } from "../app/applyAll";
import type { Bilingual } from "../app/errors";
import type { Lang } from "../app/types";
import { parseUnitLevel, type UnitLevel } from "../app/units";

export const COMMAND_NAMES = ["summary", "apply", "catalogue", "sample", "plan-doc", "compare"] as const;
export type CliCommand = (typeof COMMAND_NAMES)[number];

export const USAGE: Bilingual = {
  vi: `Cách dùng:
  par-index summary TỆP.xlsx... [--sheet TÊN] [--json] [--csv RA.csv|-] [--unit CẤP] [--strict]
  par-index apply TỆP.xlsx -o RA.xlsx [--sheet TÊN] [--only recalc,highlight,assign,plan] [--unit CẤP]
                  [--json] [--strict] [--allow-loss] [--replace-total]
  par-index plan-doc TỆP.xlsx -o KE-HOACH.docx [--year NĂM] [--previous NĂM-TRƯỚC.xlsx] [--unit CẤP]
  par-index compare NĂM-TRƯỚC.xlsx NĂM-NAY.xlsx [--json | --csv RA.csv|-]
  par-index catalogue [--json] [--unit CẤP]
  par-index sample -o MẪU.xlsx
  par-index help

  --lang vi|en   ngôn ngữ của thông báo và CSV (mặc định vi)
  --unit CẤP     district | commune | ward | department (huyện, xã, phường, sở); mặc định: theo tiêu đề bảng
  --strict       có cảnh báo thì dừng (mã thoát 3) và không ghi gì
  --allow-loss   vẫn ghi khi tệp ra sẽ mất thành phần không giữ được
Mã thoát: 0 thành công; 1 tệp không đọc được hoặc không có bảng; 2 sai cách dùng; 3 có cảnh báo (--strict).
`,
  en: `Usage:
  par-index summary FILE.xlsx... [--sheet NAME] [--json] [--csv OUT.csv|-] [--unit LEVEL] [--strict]
  par-index apply FILE.xlsx -o OUT.xlsx [--sheet NAME] [--only recalc,highlight,assign,plan] [--unit LEVEL]
                  [--json] [--strict] [--allow-loss] [--replace-total]
  par-index plan-doc FILE.xlsx -o PLAN.docx [--year YEAR] [--previous LAST-YEAR.xlsx] [--unit LEVEL]
  par-index compare LAST-YEAR.xlsx THIS-YEAR.xlsx [--json | --csv OUT.csv|-]
  par-index catalogue [--json] [--unit LEVEL]
  par-index sample -o SAMPLE.xlsx
  par-index help

  --lang vi|en   language of messages and CSV (default vi)
  --unit LEVEL   district | commune | ward | department; default: from the table's titles
  --strict       stop on warnings (exit status 3) and write nothing
  --allow-loss   write even when the output would lose parts that cannot be kept
Exit status: 0 success; 1 a file unreadable or without a table; 2 bad usage; 3 warnings (--strict).
`,
};

export class UsageError extends Error {
  constructor(readonly text: Bilingual | null) {
    super(text?.en ?? "usage");
  }
}

const usage = (vi: string, en: string) => new UsageError({ vi, en });

export interface Args {
  command: CliCommand | "help";
  files: string[];
  sheet?: string;
  json: boolean;
  csv?: string;
  out?: string;
  only?: ApplyStep[];
  lang: Lang;
  unit?: UnitLevel;
  strict: boolean;
  allowLoss: boolean;
  replaceTotal: boolean;
  year?: number;
  previous?: string;
}

/** The language asked for anywhere on the line (so even a usage error speaks it); vi by default. */
export function langOf(argv: readonly string[]): Lang {
  const i = argv.indexOf("--lang");
  return argv[i + 1] === "en" && i >= 0 ? "en" : "vi";
}

export function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  const a: Args = {
    command: "help",
    files: [],
    json: false,
    lang: langOf(argv),
    strict: false,
    allowLoss: false,
    replaceTotal: false,
  };
  if (!command) throw new UsageError(null);
  if (command === "-h" || command === "--help" || command === "help") return a;
  if (!(COMMAND_NAMES as readonly string[]).includes(command))
    throw usage(`không có lệnh «${command}»`, `unknown command «${command}»`);
  a.command = command as CliCommand;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined || (v.startsWith("-") && v !== "-"))
        throw usage(`${arg} cần một giá trị`, `${arg} needs a value`);
      return v;
    };
    if (arg === "-h" || arg === "--help") {
      a.command = "help";
      return a;
    } else if (arg === "--sheet") a.sheet = value();
    else if (arg === "--json") a.json = true;
    else if (arg === "--csv") a.csv = value();
    else if (arg === "-o" || arg === "--output") a.out = value();
    else if (arg === "--strict") a.strict = true;
    else if (arg === "--allow-loss") a.allowLoss = true;
    else if (arg === "--replace-total") a.replaceTotal = true;
    else if (arg === "--previous") a.previous = value();
    else if (arg === "--year") {
      const v = value();
      if (!/^(19|20)\d\d$/.test(v))
        throw usage(`--year: «${v}» không phải một năm`, `--year: «${v}» is not a year`);
      a.year = Number(v);
    } else if (arg === "--unit") {
      const v = value();
      const level = parseUnitLevel(v);
      if (!level)
        throw usage(
          `--unit là district, commune, ward hoặc department (không phải «${v}»)`,
          `--unit is district, commune, ward or department (not «${v}»)`,
        );
      a.unit = level;
    } else if (arg === "--only") {
      const steps = value()
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      for (const s of steps)
        if (!(APPLY_STEPS as readonly string[]).includes(s))
          throw usage(`--only: không có bước «${s}»`, `--only: unknown step «${s}»`);
      a.only = steps as ApplyStep[];
    } else if (arg === "--lang") {
      const l = value();
      if (l !== "vi" && l !== "en") throw usage("--lang là vi hoặc en", "--lang is vi or en");
      a.lang = l;
    } else if (arg.startsWith("-") && arg !== "-")
      throw usage(`không có tùy chọn ${arg}`, `unknown option ${arg}`);
    else a.files.push(arg);
  }
  check(a);
  return a;
}

function check(a: Args): void {
  const files = a.files.length;
  const needsOut = (what: string) => {
    if (!a.out) throw usage(`${a.command} cần -o ${what}`, `${a.command} needs -o ${what}`);
  };
  switch (a.command) {
    case "summary":
      if (files === 0)
        throw usage("summary cần ít nhất một tệp .xlsx", "summary needs at least one .xlsx file");
      break;
    case "apply":
      if (files !== 1) throw usage("apply nhận đúng một tệp .xlsx", "apply takes exactly one .xlsx file");
      needsOut("RA.xlsx");
      break;
    case "plan-doc":
      if (files !== 1)
        throw usage("plan-doc nhận đúng một tệp .xlsx", "plan-doc takes exactly one .xlsx file");
      needsOut("KE-HOACH.docx");
      if (!/\.docx$/i.test(a.out!))
        throw usage(
          "plan-doc ghi tệp .docx: -o phải kết thúc bằng .docx",
          "plan-doc writes a .docx: -o must end in .docx",
        );
      break;
    case "compare":
      if (files !== 2)
        throw usage(
          "compare nhận hai tệp: năm trước rồi năm nay",
          "compare takes two files: last year's, then this year's",
        );
      if (a.json && a.csv)
        throw usage("chọn --json hoặc --csv, không cả hai", "choose --json or --csv, not both");
      break;
    case "catalogue":
      if (files) throw usage("catalogue không nhận tệp", "catalogue takes no file");
      break;
    case "sample":
      if (files) throw usage("sample không nhận tệp đầu vào", "sample takes no input file");
      needsOut("MẪU.xlsx");
      break;
  }
  if (a.out !== undefined && (a.command === "apply" || a.command === "sample") && !/\.xlsx$/i.test(a.out))
    throw usage(
      `${a.command} ghi tệp .xlsx: -o phải kết thúc bằng .xlsx`,
      `${a.command} writes an .xlsx: -o must end in .xlsx`,
    );
  if (a.csv === "-" && a.json)
    throw usage(
      "--csv - và --json cùng ghi ra màn hình: chọn một",
      "--csv - and --json both write to stdout: choose one",
    );
  if (a.csv !== undefined && a.csv !== "-") {
    if (/\.(xlsx|xlsm|xls|docx)$/i.test(a.csv))
      throw usage(
        `--csv ${a.csv}: tên tệp CSV không được là sổ làm việc hay văn bản (dễ ghi đè nhầm)`,
        `--csv ${a.csv}: the CSV path must not name a workbook or document (it would be overwritten)`,
      );
  }
}
