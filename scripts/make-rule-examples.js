#!/usr/bin/env node
"use strict";
/**
 * The worked examples of docs/rules.md: for each shape of ranking, the rules as JSON
 * (docs/examples/*.json) and a workbook typed the way a user types it (examples/*.xlsx), which the
 * tests score (test/cli/examples.test.ts). The agencies and scores are made up.
 *   node scripts/make-rule-examples.js
 */
const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");

const ROOT = path.resolve(__dirname, "..");
const font = { name: "Times New Roman", size: 12 };
const thin = { style: "thin" };
const box = { top: thin, left: thin, bottom: thin, right: thin };

/** 1. A province ranking its departments and its districts in two blocks, found by the section headings. */
const blocks = {
  rules: {
    $schema: "../../schemas/rules.schema.json",
    schemaVersion: 2,
    name: "Xếp hạng theo khối: sở, ban, ngành và UBND huyện, thành phố",
    groups: [
      { id: "ha-tang", name: "Hạ tầng kỹ thuật", aliases: ["Hạ tầng"], maxPoints: 50, notEvaluated: [] },
      { id: "ung-dung", name: "Ứng dụng CNTT", aliases: [], maxPoints: 100, notEvaluated: [] },
      { id: "cong-ttdt", name: "Trang/Cổng TTĐT", fullName: "Cổng thông tin điện tử", aliases: [], maxPoints: 100, notEvaluated: [] },
      { id: "dvctt", name: "Cung cấp DVCTT", fullName: "Cung cấp dịch vụ công trực tuyến", aliases: [], maxPoints: 100, notEvaluated: [] },
      { id: "nhan-luc", name: "Nhân lực", aliases: [], maxPoints: 50, notEvaluated: [] },
    ],
    exemptions: [{ keywords: ["Không TTHC", "Không có TTHC", "Không có thủ tục hành chính"], groups: ["dvctt"], reason: "không có thủ tục hành chính" }],
    index: { decimals: 3, rounding: "halfUp" },
    classes: [
      { name: "Tốt", minIndex: "0.85" },
      { name: "Khá", minIndex: "0.70" },
      { name: "Trung bình", minIndex: 0 },
    ],
    classifyOn: "roundedIndex",
    rankBy: "index",
    overMax: "keep",
    blocks: [
      { id: "so-nganh", name: "Khối sở, ban, ngành", match: ["sở, ban, ngành"] },
      { id: "huyen", name: "Khối UBND huyện, thành phố", match: ["UBND huyện", "huyện, thành phố"], maxPoints: { "cong-ttdt": 80 } },
    ],
  },
  sheet: "Chấm điểm 2023",
  title: "BẢNG TỔNG HỢP ĐIỂM ĐÁNH GIÁ ỨNG DỤNG CNTT NĂM 2023",
  header: ["STT", "Tên cơ quan", "Hạ tầng kỹ thuật", "Ứng dụng CNTT", "Trang/Cổng TTĐT", "Cung cấp DVCTT", "Nhân lực", "Ghi chú"],
  rows: [
    ["I", "KHỐI SỞ, BAN, NGÀNH"],
    [1, "Sở Tư pháp", 45, 88, 90, 85.5, 42, ""],
    [2, "Sở Xây dựng", 40, 76.5, 82, 70, 38, ""],
    [3, "Sở Y tế", 48, 92, 95, 90, 45, ""],
    [4, "Ban Dân tộc", 35, 70, 75, 0, 30, "Không có TTHC"],
    [5, "Sở Ngoại vụ", 42, 80, 85, 80, 40, ""],
    ["II", "KHỐI UBND HUYỆN, THÀNH PHỐ"],
    [1, "UBND thành phố Thái Bình", 46, 90, 76, 92, 44, ""],
    [2, "UBND huyện Vũ Thư", 38, 72, 60, 75, 35, ""],
    [3, "UBND huyện Hưng Hà", 44, 85, 70, 88, 40, ""],
  ],
  widths: [6, 34, 11, 11, 12, 11, 10, 18],
};

/** 2. A weighted index of components, DTI-style (weights 0,1 / 0,2 / 0,15 …), with one group shown but not counted. */
const weighted = {
  rules: {
    $schema: "../../schemas/rules.schema.json",
    schemaVersion: 2,
    name: "Chỉ số chuyển đổi số cấp sở (trọng số các chỉ số thành phần)",
    groups: [
      { id: "nhan-thuc", name: "Chuyển đổi nhận thức", aliases: [], maxPoints: 60, notEvaluated: [], weight: "0.1" },
      { id: "the-che", name: "Kiến tạo thể chế", aliases: [], maxPoints: 40, notEvaluated: [], weight: "0.1" },
      { id: "ha-tang", name: "Hạ tầng và nền tảng số", aliases: [], maxPoints: 120, notEvaluated: [], weight: "0.2" },
      { id: "du-lieu", name: "Thông tin và dữ liệu số", aliases: [], maxPoints: 100, notEvaluated: [], weight: "0.15" },
      {
        id: "hoat-dong",
        name: "Hoạt động chính quyền số",
        fullName: "Hoạt động chính quyền số (dịch vụ công trực tuyến)",
        aliases: [],
        maxPoints: 200,
        notEvaluated: [],
        weight: "0.3",
      },
      { id: "an-toan", name: "An toàn thông tin mạng", aliases: [], maxPoints: 80, notEvaluated: [], weight: "0.15" },
      {
        id: "khao-sat",
        name: "Khảo sát người dân",
        fullName: "Khảo sát mức độ hài lòng của người dân",
        aliases: [],
        maxPoints: 10,
        notEvaluated: [],
        counted: false,
      },
    ],
    exemptions: [{ keywords: ["Không TTHC", "Không có TTHC", "Không có thủ tục hành chính"], groups: ["hoat-dong"], reason: "không có thủ tục hành chính" }],
    index: { decimals: 4, rounding: "halfUp" },
    classes: [
      { name: "Tốt", minIndex: "0.8" },
      { name: "Khá", minIndex: "0.65" },
      { name: "Trung bình", minIndex: "0.5" },
      { name: "Yếu", minIndex: 0 },
    ],
    classifyOn: "roundedIndex",
    rankBy: "index",
    overMax: "keep",
  },
  sheet: "DTI 2023",
  title: "KẾT QUẢ ĐÁNH GIÁ CHỈ SỐ CHUYỂN ĐỔI SỐ CÁC SỞ, BAN, NGÀNH NĂM 2023",
  header: [
    "STT",
    "Cơ quan, đơn vị",
    "Chuyển đổi nhận thức",
    "Kiến tạo thể chế",
    "Hạ tầng và nền tảng số",
    "Thông tin và dữ liệu số",
    "Hoạt động chính quyền số",
    "An toàn thông tin mạng",
    "Khảo sát người dân",
    "Ghi chú",
  ],
  rows: [
    [1, "Sở Thông tin và Truyền thông", 57, 38, 110, 92, 185, 76, 9.2, ""],
    [2, "Sở Tài chính", 50, 30, 96, 80, 150, 60, 8.1, ""],
    [3, "Sở Kế hoạch và Đầu tư", 45, 32, 90, 70, 170, 64, 7.5, ""],
    [4, "Sở Nội vụ", 40, 28, 84, 75, 120, 56, 8.8, ""],
    [5, "Ban Quản lý các khu công nghiệp", 48, 36, 100, 85, 0, 70, 6.9, "Không TTHC"],
  ],
  widths: [6, 34, 12, 11, 12, 12, 13, 12, 11, 14],
};

/** 3. A national table: provinces, no classes, the index as a percentage. */
const national = {
  rules: {
    $schema: "../../schemas/rules.schema.json",
    schemaVersion: 2,
    name: "Bảng xếp hạng toàn quốc (không phân loại)",
    groups: [
      { id: "ha-tang", name: "Hạ tầng CNTT", aliases: [], maxPoints: 200, notEvaluated: [] },
      { id: "ung-dung", name: "Ứng dụng CNTT nội bộ", aliases: [], maxPoints: 300, notEvaluated: [] },
      { id: "dvc", name: "Dịch vụ công trực tuyến", aliases: [], maxPoints: 300, notEvaluated: [] },
      { id: "nhan-luc", name: "Nhân lực", aliases: [], maxPoints: 200, notEvaluated: [] },
    ],
    exemptions: [],
    index: { decimals: 3, rounding: "halfUp", display: "percent" },
    classes: [],
    classifyOn: "roundedIndex",
    rankBy: "index",
    overMax: "keep",
  },
  sheet: "Toàn quốc",
  title: "XẾP HẠNG MỨC ĐỘ ỨNG DỤNG CNTT CÁC TỈNH, THÀNH PHỐ",
  header: ["STT", "Tỉnh, thành phố", "Hạ tầng CNTT", "Ứng dụng CNTT nội bộ", "Dịch vụ công trực tuyến", "Nhân lực"],
  rows: [
    [1, "Hà Nội", 180, 270, 285, 170],
    [2, "Thành phố Hồ Chí Minh", 185, 265, 280, 175],
    [3, "Đà Nẵng", 190, 280, 290, 180],
    [4, "Thái Bình", 150, 230, 240, 150],
    [5, "Lào Cai", 140, 210, 250, 130],
    [6, "Cà Mau", 130, 200, 220, 140],
  ],
  widths: [6, 28, 12, 14, 14, 11],
};

async function write(name, ex) {
  fs.writeFileSync(path.join(ROOT, "docs/examples", `${name}.json`), JSON.stringify(ex.rules, null, 2) + "\n");
  const wb = new ExcelJS.Workbook();
  wb.creator = "Sở Thông tin và Truyền thông";
  // Fixed dates: the same inputs give the same file.
  wb.created = wb.modified = new Date("2024-01-15T00:00:00Z");
  const ws = wb.addWorksheet(ex.sheet);
  ws.getCell("A1").value = ex.title;
  ws.getCell("A1").font = { ...font, bold: true, size: 14 };
  const headerRow = 3;
  ex.header.forEach((text, i) => {
    const c = ws.getCell(headerRow, i + 1);
    c.value = text;
    c.font = { ...font, bold: true };
    c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    c.border = box;
  });
  ws.getRow(headerRow).height = 48;
  ex.rows.forEach((values, k) => {
    const heading = values.length === 2;
    for (let i = 0; i < ex.header.length; i++) {
      const c = ws.getCell(headerRow + 1 + k, i + 1);
      const v = values[i];
      c.value = v === undefined || v === "" ? null : v;
      c.font = heading ? { ...font, bold: true } : font;
      c.border = box;
      if (i !== 1) c.alignment = { horizontal: "center" };
    }
  });
  ex.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const out = path.join(ROOT, "examples", `${name}.xlsx`);
  await wb.xlsx.writeFile(out);
  process.stdout.write(`Đã ghi ${path.relative(ROOT, out)} và docs/examples/${name}.json\n`);
}

async function main() {
  await write("khoi-so-va-huyen", blocks);
  await write("chi-so-co-trong-so", weighted);
  await write("toan-quoc-khong-phan-loai", national);
}
main();
