#!/usr/bin/env node
"use strict";
/**
 * npm run annex:preview — writes the annex of the example workbook, alone, to out/phu-luc.xlsx
 * (rendered by ExcelJS from the same description the add-in renders) and, where LibreOffice and
 * pdftoppm are installed, to out/phu-luc.pdf and out/phu-luc-N.png, to look at before signing.
 *   npm run annex:preview [-- WORKBOOK.xlsx [RULES.json]]   (default: the 2020 example, the preset)
 */
const path = require("path");
const fs = require("fs");
const { execFileSync, spawnSync } = require("child_process");
const root = path.resolve(__dirname, "..");
if (!fs.existsSync(path.join(root, "dist-cli/cli/score.js"))) execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: root, stdio: "inherit" });
const ExcelJS = require("exceljs");
const { readSheet } = require("../dist-cli/cli/workbook.js");
const { loadRules, presetRules } = require("../dist-cli/core/rules/rules.js");
const { scoreSheet } = require("../dist-cli/core/grid/scoring.js");
const { annexAsSheet, buildAnnex } = require("../dist-cli/core/sheets/annex.js");
const { renderSheetExcelJS } = require("../dist-cli/xlsx/render.js");

const input = process.argv[2] || path.join(root, "examples/danh-gia-2020.xlsx");
const outDir = path.join(root, "out");
const meta = {
  number: "06/QĐ-UBND",
  date: "05/01/2021",
  issuer: "Ủy ban nhân dân tỉnh",
  province: "Thái Bình",
  year: 2020,
  subject: "Đánh giá, xếp hạng ứng dụng công nghệ thông tin trong hoạt động của các sở, ban, ngành thuộc Ủy ban nhân dân tỉnh",
  sheetName: "Phụ lục",
};

async function main() {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  const rules = process.argv[3] ? loadRules(JSON.parse(fs.readFileSync(process.argv[3], "utf8"))) : presetRules();
  const result = wb.worksheets.map((ws) => scoreSheet(readSheet(ws).values, rules)).find((r) => r.ok);
  if (!result) throw new Error("Không tìm thấy bảng điểm trong tệp mẫu.");
  const annex = buildAnnex(rules, result.rows, meta);
  const out = new ExcelJS.Workbook();
  renderSheetExcelJS(out.addWorksheet(annex.sheetName), annexAsSheet(annex));
  fs.mkdirSync(outDir, { recursive: true });
  const xlsx = path.join(outDir, "phu-luc.xlsx");
  await out.xlsx.writeFile(xlsx);
  process.stdout.write(`Đã ghi ${path.relative(root, xlsx)}\n`);
  const lo = spawnSync("libreoffice", ["--headless", "--convert-to", "pdf", "--outdir", outDir, xlsx], { encoding: "utf8", timeout: 180000 });
  if (lo.error || lo.status !== 0) {
    process.stdout.write("Không có LibreOffice (Debian: apt-get install libreoffice-calc): bỏ qua PDF/PNG.\n");
    return;
  }
  const pdf = path.join(outDir, "phu-luc.pdf");
  process.stdout.write(`Đã ghi ${path.relative(root, pdf)}\n`);
  const png = spawnSync("pdftoppm", ["-png", "-r", "110", pdf, path.join(outDir, "phu-luc")], { encoding: "utf8" });
  if (png.error || png.status !== 0) {
    process.stdout.write("Không có pdftoppm (Debian: apt-get install poppler-utils): bỏ qua PNG.\n");
    return;
  }
  for (const f of fs
    .readdirSync(outDir)
    .filter((f) => /^phu-luc-\d+\.png$/.test(f))
    .sort())
    process.stdout.write(`Đã ghi out/${f}\n`);
}
main().catch((e) => {
  process.stderr.write(`${e.message}\n`);
  process.exit(2);
});
