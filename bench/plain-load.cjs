#!/usr/bin/env node
// The baseline of the CLI process benchmark (bench/process.ts): a plain ExcelJS script that loads one file.
const { readFileSync } = require("node:fs");
const ExcelJS = require("exceljs");

const wb = new ExcelJS.Workbook();
wb.xlsx.load(readFileSync(process.argv[2])).then(() => {
  process.stdout.write(`${wb.worksheets.length} sheet(s)\n`);
});
