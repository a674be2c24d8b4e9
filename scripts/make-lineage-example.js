#!/usr/bin/env node
"use strict";
/**
 * The worked example of the comparison through mergers (docs/rules.md, “So sánh qua sáp nhập”): a
 * 2024 workbook with the departments as they were, and a 2025 one after the mergers of 1 March 2025
 * (Sở KH&ĐT into Sở Tài chính, Sở GTVT into Sở Xây dựng, Sở NN&PTNT with Sở TN&MT, Sở TT&TT into Sở
 * KH&CN, Sở LĐTBXH into Sở Nội vụ, Ban Dân tộc become Sở Dân tộc và Tôn giáo), a new agency and one
 * gone (Sở Ngoại vụ). Each stores its rules: 2025's give “Cơ chế, chính sách” 80 points instead of
 * 100, so the comparison reports the rules changed. `npm run demo` scores 2025 against 2024;
 * test/cli/lineage.test.ts too. The agencies' scores are made up.
 *   npm run build:cli && node scripts/make-lineage-example.js
 */
const path = require("path");
const ExcelJS = require("exceljs");

const ROOT = path.resolve(__dirname, "..");
const { writeStore } = require("../dist-cli/cli/workbook.js");
const { PRESET_THAI_BINH_2020 } = require("../dist-cli/core/rules/rules.js");

const font = { name: "Times New Roman", size: 12 };
const thin = { style: "thin" };
const box = { top: thin, left: thin, bottom: thin, right: thin };
const HEADER = ["STT", "Tên cơ quan", "Hạ tầng kỹ thuật", "Ứng dụng CNTT", "Trang/Cổng TTĐT", "Cung cấp DVCTT", "Cơ chế, chính sách", "Nhân lực", "Ghi chú"];
const WIDTHS = [6, 40, 11, 11, 11, 11, 11, 11, 14];

const rules2024 = { ...JSON.parse(JSON.stringify(PRESET_THAI_BINH_2020)), name: "Đánh giá năm 2024" };
const rules2025 = JSON.parse(JSON.stringify(rules2024));
rules2025.name = "Đánh giá năm 2025";
rules2025.groups.find((g) => g.id === "co-che").maxPoints = 80;

const Y2024 = {
  file: "so-sanh-2024.xlsx",
  sheet: "Chấm điểm 2024",
  title: "BẢNG TỔNG HỢP ĐIỂM ĐÁNH GIÁ, XẾP HẠNG ỨNG DỤNG CNTT CÁC SỞ, BAN, NGÀNH NĂM 2024",
  rules: rules2024,
  rows: [
    ["Sở Tài chính", 45, 90, 88, 92, 85, 44, ""],
    ["Sở Kế hoạch và Đầu tư", 42, 85, 80, 88, 80, 40, ""],
    ["Sở Giao thông vận tải", 40, 80, 78, 90, 75, 38, ""],
    ["Sở Xây dựng", 38, 72, 70, 80, 70, 35, ""],
    ["Sở Nông nghiệp và Phát triển nông thôn", 41, 78, 82, 85, 78, 40, ""],
    ["Sở Tài nguyên và Môi trường", 44, 86, 84, 87, 82, 42, ""],
    ["Sở Thông tin và Truyền thông", 48, 95, 94, 96, 92, 47, ""],
    ["Sở Khoa học và Công nghệ", 40, 80, 76, 78, 75, 40, ""],
    ["Sở Lao động - Thương binh và Xã hội", 39, 76, 74, 86, 72, 37, ""],
    ["Sở Nội vụ", 43, 84, 80, 82, 80, 41, ""],
    ["Sở Y tế", 46, 88, 86, 90, 84, 43, ""],
    ["Sở Ngoại vụ", 36, 70, 68, 72, 65, 33, ""],
    ["Ban Dân tộc", 35, 70, 72, 0, 70, 34, "Không TTHC"],
    ["Sở Tư pháp", 44, 87, 85, 91, 83, 42, ""],
  ],
};

const Y2025 = {
  file: "so-sanh-2025.xlsx",
  sheet: "Chấm điểm 2025",
  title: "BẢNG TỔNG HỢP ĐIỂM ĐÁNH GIÁ, XẾP HẠNG ỨNG DỤNG CNTT CÁC SỞ, BAN, NGÀNH NĂM 2025",
  rules: rules2025,
  rows: [
    ["Sở Tài chính", 46, 91, 88, 93, 70, 45, ""],
    ["Sở Xây dựng", 42, 82, 80, 88, 64, 40, ""],
    ["Sở Nông nghiệp và Môi trường", 44, 85, 84, 88, 68, 42, ""],
    ["Sở Khoa học và Công nghệ", 47, 94, 92, 95, 74, 46, ""],
    ["Sở Nội vụ", 42, 82, 80, 85, 63, 40, ""],
    ["Sở Y tế", 45, 86, 85, 89, 66, 42, ""],
    ["Sở Dân tộc và Tôn giáo", 38, 76, 75, 70, 60, 36, ""],
    ["Sở Tư pháp", 44, 88, 86, 90, 67, 43, ""],
    ["Ban Quản lý các khu công nghiệp", 37, 74, 70, 80, 58, 35, ""],
  ],
};

async function write(ex) {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Sở Khoa học và Công nghệ";
  // Fixed dates: the same inputs give the same file.
  wb.created = wb.modified = new Date("2025-12-15T00:00:00Z");
  const ws = wb.addWorksheet(ex.sheet);
  ws.getCell("A1").value = ex.title;
  ws.getCell("A1").font = { ...font, bold: true, size: 14 };
  const headerRow = 3;
  HEADER.forEach((text, i) => {
    const c = ws.getCell(headerRow, i + 1);
    c.value = text;
    c.font = { ...font, bold: true };
    c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    c.border = box;
  });
  ws.getRow(headerRow).height = 48;
  ex.rows.forEach((values, k) => {
    const row = [k + 1, ...values];
    row.forEach((v, i) => {
      const c = ws.getCell(headerRow + 1 + k, i + 1);
      c.value = v === "" ? null : v;
      c.font = font;
      c.border = box;
      if (i !== 1) c.alignment = { horizontal: "center" };
    });
  });
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  writeStore(wb, { rules: ex.rules });
  const out = path.join(ROOT, "examples", ex.file);
  await wb.xlsx.writeFile(out);
  process.stdout.write(`Đã ghi ${path.relative(ROOT, out)}\n`);
}

async function main() {
  await write(Y2024);
  await write(Y2025);
}
main();
