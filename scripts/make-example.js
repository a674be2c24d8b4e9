#!/usr/bin/env node
"use strict";
/**
 * Makes examples/danh-gia-2020.xlsx: the 2020 grid of the reference decision typed the way a user
 * types it (title rows, header row, one row per agency with its six group scores and Ghi chú, notes
 * under it). Only the inputs are taken from the published annex; no result is copied.
 *   node scripts/make-example.js [test/fixtures/reference/06-QD-UBND-2021-annex.tsv]
 */
const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");

const tsv = process.argv[2] || path.resolve(__dirname, "../test/fixtures/reference/06-QD-UBND-2021-annex.tsv");
const lines = fs
  .readFileSync(tsv, "utf8")
  .normalize("NFC")
  .split(/\r?\n/)
  .filter((l) => l.trim());
const header = lines[0].split("\t");
const rows = lines.slice(1).map((l) => l.split("\t"));

async function main() {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Sở Thông tin và Truyền thông";
  const ws = wb.addWorksheet("Chấm điểm 2020");
  const font = { name: "Times New Roman", size: 12 };
  const thin = { style: "thin" };
  ws.getCell("A1").value = "BẢNG TỔNG HỢP ĐIỂM ĐÁNH GIÁ ỨNG DỤNG CNTT NĂM 2020";
  ws.getCell("A1").font = { ...font, bold: true, size: 14 };
  ws.getCell("A2").value = "Các sở, ban, ngành thuộc UBND tỉnh";
  ws.getCell("A2").font = { ...font, italic: true };
  const headerRow = 4;
  const cols = ["STT", "Tên cơ quan", ...header.slice(2, 8), "Ghi chú"];
  cols.forEach((text, i) => {
    const c = ws.getCell(headerRow, i + 1);
    c.value = text;
    c.font = { ...font, bold: true };
    c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    c.border = { top: thin, left: thin, bottom: thin, right: thin };
  });
  ws.getRow(headerRow).height = 48;
  rows.forEach((r, k) => {
    const values = [k + 1, r[1], ...r.slice(2, 8).map((v) => Number(v.replace(",", "."))), r[11] || null];
    values.forEach((v, i) => {
      const c = ws.getCell(headerRow + 1 + k, i + 1);
      c.value = v;
      c.font = font;
      c.border = { top: thin, left: thin, bottom: thin, right: thin };
      if (i !== 1) c.alignment = { horizontal: "center" };
    });
  });
  const notesRow = headerRow + rows.length + 2;
  ws.getCell(notesRow, 1).value = "Ghi chú:";
  ws.getCell(notesRow, 1).font = { ...font, bold: true };
  ws.getCell(notesRow + 1, 1).value = "Điểm do các sở, ban, ngành tự chấm, Sở Thông tin và Truyền thông thẩm định.";
  ws.getCell(notesRow + 1, 1).font = font;
  [6, 44, 11, 11, 13, 11, 11, 13, 14].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const out = path.resolve(__dirname, "../examples/danh-gia-2020.xlsx");
  await wb.xlsx.writeFile(out);
  process.stdout.write(`Wrote ${out}\n`);
}
main();
