#!/usr/bin/env node
"use strict";
/**
 * The baseline beside `score -o --annex`: the same package stack's fastest path, doing the least a
 * scoring can do: open IN.xlsx, stream the grid's values, sum each agency's six groups in floats, write
 * the sums into one column through the package writer (every other part copied) and save OUT.xlsx.
 * Usage: node bench/tools/baseline-sum.js IN.xlsx OUT.xlsx
 */
const fs = require("fs");
const path = require("path");
const DIST = path.join(__dirname, "..", "..", "dist-cli", "xlsx");
const { XlsxWorkbook } = require(path.join(DIST, "workbook.js"));
const { PackageEdit } = require(path.join(DIST, "edit.js"));

const [input, output] = process.argv.slice(2);
const wb = XlsxWorkbook.open(new Uint8Array(fs.readFileSync(input)));
const sheet = wb.sheets[0].name;
const { values } = wb.readSheet(sheet);
const header = values.findIndex((row) => row[0] === "STT");
const cells = new Map();
for (let r = header + 1; r < values.length; r++) {
  const row = values[r];
  if (typeof row[0] !== "number") continue;
  let sum = 0;
  for (let c = 2; c < 8; c++) sum += typeof row[c] === "number" ? row[c] : 0;
  cells.set(r, new Map([[9, { style: 0, value: Math.round(sum * 100) / 100 }]]));
}
cells.set(header, new Map([[9, { style: 0, value: "Tổng" }]]));
const edit = new PackageEdit(wb);
edit.editSheet(sheet, { cells });
fs.writeFileSync(output, edit.toBytes());
