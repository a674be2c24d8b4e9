#!/usr/bin/env node
"use strict";
/**
 * npm run demo — the main job without Excel: scores the bundled example (the 2020 grid of
 * Quyết định 06/QĐ-UBND) with the same core the add-in uses, prints the ranking, shows the findings,
 * and writes the scored workbook with its annex to out/.
 */
const path = require("path");
const { execFileSync } = require("child_process");
const fs = require("fs");

const root = path.resolve(__dirname, "..");
if (!fs.existsSync(path.join(root, "dist-cli/cli/score.js"))) execFileSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: root, stdio: "inherit" });
const { scoreWorkbook } = require("../dist-cli/cli/score.js");
const { rankingTable } = require("../dist-cli/cli/main.js");

const input = path.join(root, "examples/danh-gia-2020.xlsx");
const output = path.join(root, "out/danh-gia-2020-ket-qua.xlsx");

async function main() {
  const outcome = await scoreWorkbook({
    input,
    output,
    annex: true,
    decision: { number: "06/QĐ-UBND", date: "05/01/2021", issuer: "Ủy ban nhân dân tỉnh", year: 2020 },
  });
  if (!outcome.ok) {
    process.stderr.write(`Lỗi: ${outcome.message}\n`);
    process.exit(2);
  }
  const { summary, rules } = outcome.result;
  process.stdout.write(`\nXẾP HẠNG ỨNG DỤNG CNTT NĂM 2020 — ${summary.agencies} cơ quan (${path.relative(root, input)})\n\n`);
  process.stdout.write(rankingTable(outcome.rows, rules.json.index.decimals) + "\n\n");
  process.stdout.write(`Phân loại: ${summary.byClass.map((c) => `${c.count} ${c.name}`).join(", ")}\n\n`);
  const errors = outcome.findings.filter((f) => f.severity === "error");
  if (outcome.findings.length) {
    const bar = "!".repeat(78);
    process.stdout.write(`${bar}\n  ${errors.length} LỖI PHẢI SỬA TRƯỚC KHI TRÌNH KÝ:\n`);
    for (const f of outcome.findings) process.stdout.write(`  • ${f.message}\n`);
    process.stdout.write(`${bar}\n\n`);
  }
  process.stdout.write(`Đã ghi sổ tính có kết quả và phụ lục (trang “${outcome.annexSheet}”): ${path.relative(root, output)}\n`);
  process.stdout.write("Xem trước bản in của phụ lục (PDF, PNG): npm run annex:preview\n");
}
main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(2);
});
