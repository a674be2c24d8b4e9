#!/usr/bin/env node
"use strict";
/**
 * npm run annex:preview — writes the annex of a scored workbook, alone, to out/phu-luc.xlsx (made by the command
 * line's `score --annex`, from the same description the add-in renders) and, where LibreOffice and pdftoppm are
 * installed, to out/phu-luc.pdf and out/phu-luc-N.png, to look at before signing. The decision's number, date,
 * issuer and province are those stored in the workbook (by the add-in, or by `npm run demo`), or given here.
 *   npm run annex:preview [-- WORKBOOK.xlsx [RULES.json]] [--out DIR] [--decision-number N] [--decision-date dd/mm/yyyy]
 *                            [--issuer TEXT] [--province TEXT] [--year YYYY] [--subject TEXT]
 * Default WORKBOOK: out/danh-gia-2020-ket-qua.xlsx, the one `npm run demo` writes (the 2020 decision stored in it).
 */
const path = require("path");
const fs = require("fs");
const os = require("os");
const { execFileSync, spawnSync } = require("child_process");
const { parseArgs } = require("util");
const root = path.resolve(__dirname, "..");
if (!fs.existsSync(path.join(root, "dist-cli/cli/score.js"))) execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: root, stdio: "inherit" });
const ExcelJS = require("exceljs");
const { scoreWorkbook } = require("../dist-cli/cli/score.js");

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: "string" },
    "decision-number": { type: "string" },
    "decision-date": { type: "string" },
    issuer: { type: "string" },
    province: { type: "string" },
    year: { type: "string" },
    subject: { type: "string" },
  },
});
const demoOutput = path.join(root, "out/danh-gia-2020-ket-qua.xlsx");
const input = positionals[0] ? path.resolve(positionals[0]) : demoOutput;
const rulesFile = positionals[1] ? path.resolve(positionals[1]) : undefined;
const outDir = path.resolve(values.out ?? path.join(root, "out"));
const decision = {};
if (values["decision-number"] !== undefined) decision.number = values["decision-number"];
if (values["decision-date"] !== undefined) decision.date = values["decision-date"];
if (values.issuer !== undefined) decision.issuer = values.issuer;
if (values.province !== undefined) decision.province = values.province;
if (values.year !== undefined) decision.year = Number(values.year);
if (values.subject !== undefined) decision.subject = values.subject;

/** Fonts with the widths of Times New Roman (the annex's font): without one, LibreOffice clips the text. */
const TIMES_COMPATIBLE = /^(Times New Roman|Liberation Serif|Tinos)$/i;

/** The font fontconfig gives for Times New Roman (what LibreOffice renders with), or null without fc-match. */
function timesSubstitute() {
  const r = spawnSync("fc-match", ["-f", "%{family[0]}", "Times New Roman"], { encoding: "utf8" });
  return r.error || r.status !== 0 ? null : r.stdout.trim();
}

async function main() {
  if (!fs.existsSync(input)) {
    process.stderr.write(
      input === demoOutput
        ? "Chưa có out/danh-gia-2020-ket-qua.xlsx: chạy `npm run demo` trước, hoặc cho tên sổ tính: npm run annex:preview -- SO-TINH.xlsx\n"
        : `Không thấy tệp “${input}”.\n`,
    );
    process.exit(2);
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "phu-luc-"));
  try {
    const scored = path.join(work, "ket-qua.xlsx");
    const outcome = await scoreWorkbook({ input, output: scored, annex: true, force: true, rulesFile, decision });
    if (!outcome.ok) {
      process.stderr.write(`Lỗi: ${outcome.message.message}\n`);
      process.exit(2);
    }
    // What the add-in would say before signing (no province, errors in the table), as the command line says it.
    for (const n of outcome.notices) process.stdout.write(`Lưu ý: ${n.message}\n`);
    // The annex alone: the grid and the other sheets would print pages of their own.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(scored);
    for (const ws of [...wb.worksheets]) if (ws.name !== outcome.annexSheet) wb.removeWorksheet(ws.id);
    fs.mkdirSync(outDir, { recursive: true });
    const xlsx = path.join(outDir, "phu-luc.xlsx");
    await wb.xlsx.writeFile(xlsx);
    process.stdout.write(`Đã ghi ${path.relative(process.cwd(), xlsx)} (trang “${outcome.annexSheet}” của ${path.relative(process.cwd(), input)})\n`);
    const lo = spawnSync("libreoffice", ["--headless", "--convert-to", "pdf", "--outdir", outDir, xlsx], { encoding: "utf8", timeout: 180000 });
    if (lo.error || lo.status !== 0) {
      process.stdout.write("Không có LibreOffice (Debian: apt-get install libreoffice-calc): bỏ qua PDF/PNG.\n");
      return;
    }
    const font = timesSubstitute();
    if (font !== null && !TIMES_COMPATIBLE.test(font))
      process.stdout.write(
        `Cảnh báo: máy này không có phông Times New Roman hay phông cùng độ rộng chữ (Liberation Serif, Tinos); LibreOffice dùng “${font}” nên chữ trong bản xem trước có thể bị cắt. Cài phông (Debian: apt-get install fonts-liberation) rồi chạy lại; bản in từ Excel không bị ảnh hưởng.\n`,
      );
    const pdf = path.join(outDir, "phu-luc.pdf");
    process.stdout.write(`Đã ghi ${path.relative(process.cwd(), pdf)}\n`);
    const png = spawnSync("pdftoppm", ["-png", "-r", "110", pdf, path.join(outDir, "phu-luc")], { encoding: "utf8" });
    if (png.error || png.status !== 0) {
      process.stdout.write("Không có pdftoppm (Debian: apt-get install poppler-utils): bỏ qua PNG.\n");
      return;
    }
    for (const f of fs
      .readdirSync(outDir)
      .filter((f) => /^phu-luc-\d+\.png$/.test(f))
      .sort())
      process.stdout.write(`Đã ghi ${path.relative(process.cwd(), path.join(outDir, f))}\n`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
main().catch((e) => {
  process.stderr.write(`${e.message}\n`);
  process.exit(2);
});
