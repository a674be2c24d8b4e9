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
const { main: cli, rankingTable } = require("../dist-cli/cli/main.js");
const { toNumber } = require("../dist-cli/core/base/decimal.js");
const { writeForms, mergeForms } = require("../dist-cli/cli/forms.js");
const ExcelJS = require("exceljs");

const input = path.join(root, "examples/danh-gia-2020.xlsx");
// Where the demo writes: out/, or the folder after --out (the tests give a temporary one: never the user's out/).
const outAt = process.argv.indexOf("--out");
const outDir = outAt > 0 && process.argv[outAt + 1] ? path.resolve(process.argv[outAt + 1]) : path.join(root, "out");
const output = path.join(outDir, "danh-gia-2020-ket-qua.xlsx");

async function main() {
  const outcome = await scoreWorkbook({
    input,
    output,
    annex: true,
    force: true,
    // The province too: without it the annex's “Kèm theo” line is incomplete (the add-in and the command line say so).
    decision: { number: "06/QĐ-UBND", date: "05/01/2021", issuer: "Ủy ban nhân dân tỉnh", province: "Thái Bình", year: 2020 },
  });
  if (!outcome.ok) {
    process.stderr.write(`Lỗi: ${outcome.message.message}\n`);
    process.exit(2);
  }
  const { summary, rules } = outcome.result;
  process.stdout.write(`\nXẾP HẠNG ỨNG DỤNG CNTT NĂM 2020 — ${summary.agencies} cơ quan (${path.relative(root, input)})\n\n`);
  process.stdout.write(rankingTable(outcome.rows, rules) + "\n\n");
  process.stdout.write(`Phân loại: ${summary.byClass.map((c) => `${c.count} ${c.name}`).join(", ")}\n\n`);
  const errors = outcome.findings.filter((f) => f.severity === "error");
  if (outcome.findings.length) {
    const bar = "!".repeat(78);
    process.stdout.write(`${bar}\n  ${errors.length} LỖI PHẢI SỬA TRƯỚC KHI TRÌNH KÝ:\n`);
    for (const f of outcome.findings) process.stdout.write(`  • ${f.message}\n`);
    process.stdout.write(`${bar}\n\n`);
  }
  // What the annex still needs before signing (a province, errors in the table), in the add-in's words.
  for (const n of outcome.notices) if (n.code === "provinceMissing") process.stdout.write(`Lưu ý: ${n.message}\n`);
  process.stdout.write(`Đã ghi sổ tính có kết quả và phụ lục (trang “${outcome.annexSheet}”): ${path.relative(root, output)}\n`);
  process.stdout.write("Xem trước bản in của phụ lục (PDF, PNG): npm run annex:preview\n");
  await formsRoundTrip();
  await lockAndVerify();
  await criteriaLevel(outcome);
  await acrossMergers();
}

/** Runs a command of the command line in this process, its output indented; returns its exit code. */
async function run(args) {
  const say = (text) => process.stdout.write(`${text.replace(/^/gm, "  ")}\n`);
  return cli(args, { out: say, err: say, isTTY: false, env: { LANG: "vi_VN.UTF-8" } });
}

/**
 * Part 3, the record: the lock first refuses (the example keeps its over-maximum score H10, an error to fix
 * before signing), then the council confirms it (--confirm-errors, logged) and the workbook is locked (the
 * code printed under the annex), verified untouched (khớp, exit 0); then a score is changed by another
 * program and verify names the cell (exit 1).
 */
async function lockAndVerify() {
  process.stdout.write(`\n${"=".repeat(78)}\nPHẦN 3. CHỐT KẾT QUẢ VÀ KIỂM TRA\n\n`);
  const locked = path.join(outDir, "danh-gia-2020-da-chot.xlsx");
  process.stdout.write(`$ xep-hang-cntt lock ${path.relative(root, output)} -o ${path.relative(root, locked)} --by "Tổ thẩm định"\n`);
  process.stdout.write(`  (mã thoát ${await run(["lock", output, "-o", locked, "--force", "--by", "Tổ thẩm định"])})\n`);
  process.stdout.write(`\nHội đồng xem lỗi ở ô H10 và vẫn chốt (việc xác nhận được ghi vào nhật ký):\n`);
  process.stdout.write(`$ xep-hang-cntt lock ${path.relative(root, output)} -o ${path.relative(root, locked)} --by "Tổ thẩm định" --confirm-errors\n`);
  await run(["lock", output, "-o", locked, "--force", "--by", "Tổ thẩm định", "--confirm-errors"]);
  process.stdout.write(`$ xep-hang-cntt verify ${path.relative(root, locked)}\n`);
  process.stdout.write(`  (mã thoát ${await run(["verify", locked])})\n`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(locked);
  const ws = wb.worksheets.find((w) => w.state === "visible");
  let cell = null;
  ws.eachRow((row) => row.eachCell((c) => (cell ??= c.value === "Sở Y tế" ? ws.getCell(c.row, c.col + 1) : null)));
  const edited = path.join(outDir, "danh-gia-2020-bi-sua.xlsx");
  process.stdout.write(`\nMột chương trình khác sửa ô ${cell.address} (Sở Y tế, Hạ tầng kỹ thuật) từ ${cell.value} thành ${cell.value + 5}:\n`);
  cell.value += 5;
  await wb.xlsx.writeFile(edited);
  process.stdout.write(`$ xep-hang-cntt verify ${path.relative(root, edited)}\n`);
  process.stdout.write(`  (mã thoát ${await run(["verify", edited])})\n`);
}

/**
 * Part 2, the departments' loop: the example grid without its scores goes out as one form per
 * agency; each agency types its scores (here: the example's own) and evidence into the form's input
 * cells; the forms come back and are merged. One appraised score is already in the grid (Sở Y tế,
 * Cơ chế, chính sách: 60, the form claims 70), so the council sees one difference.
 */
async function formsRoundTrip() {
  const dir = path.join(outDir, "phieu-tu-danh-gia");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const source = new ExcelJS.Workbook();
  await source.xlsx.readFile(input);
  const ws = source.worksheets[0];
  const header = ws.getRow(4).values.map((v) => (typeof v === "string" ? v : ""));
  const groupCols = header.map((h, c) => [h, c]).filter(([h]) => /Hạ tầng|Ứng dụng|Trang\/Cổng|DVCTT|Cơ chế|Nhân lực/.test(h));
  const claims = new Map();
  for (let r = 5; r <= ws.rowCount; r++) {
    const name = ws.getCell(r, 2).value;
    if (typeof name !== "string" || typeof ws.getCell(r, 3).value !== "number") continue;
    claims.set(name, Object.fromEntries(groupCols.map(([h, c]) => [h, ws.getCell(r, c).value])));
    for (const [h, c] of groupCols) if (!(name === "Sở Y tế" && h === "Cơ chế, chính sách")) ws.getCell(r, c).value = null;
  }
  claims.get("Sở Y tế")["Cơ chế, chính sách"] = 70;
  const master = path.join(dir, "bang-diem-chua-co-diem.xlsx");
  await source.xlsx.writeFile(master);

  process.stdout.write(`\n${"=".repeat(78)}\nPHẦN 2. PHIẾU TỰ ĐÁNH GIÁ: GỬI ĐI, NHẬN VỀ, GỘP VÀO BẢNG ĐIỂM\n\n`);
  const formsDir = path.join(dir, "phieu");
  // The master has no form key yet: forms writes a copy that keeps it (the input is never modified); merge into that copy.
  const keyed = path.join(dir, "bang-diem-co-khoa.xlsx");
  const made = await writeForms({ master, dir: formsDir, masterOut: keyed });
  if (!made.ok) throw new Error(made.message.message);
  process.stdout.write(`Bản bảng điểm giữ khóa xác thực phiếu: ${path.relative(root, keyed)} (không gửi tệp này đi).\n`);
  process.stdout.write(`Đã tạo ${made.forms.length} phiếu (một cơ quan một tệp) trong ${path.relative(root, formsDir)}/, ví dụ:\n`);
  for (const f of made.forms.slice(0, 4)) process.stdout.write(`  ${f.file}  (${f.agency})\n`);

  // Each agency fills its form in Excel: the score right of each group's name (an unlocked cell), the evidence beside it.
  for (const f of made.forms) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(formsDir, f.file));
    const sheet = wb.worksheets[0];
    sheet.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        const claim = claims.get(f.agency)?.[cell.value];
        const target = sheet.getCell(r, c + 1);
        if (claim === undefined || claim === null || (target.protection || {}).locked !== false) return;
        target.value = claim;
        sheet.getCell(r, c + 3).value = `Báo cáo số ${r}/BC ngày 15/12/2020`;
      }),
    );
    await wb.xlsx.writeFile(path.join(formsDir, f.file));
  }
  process.stdout.write("Các cơ quan điền điểm tự chấm và tài liệu kiểm chứng vào ô nhập của phiếu, gửi lại.\n\n");

  const merged = path.join(outDir, "danh-gia-2020-da-gop.xlsx");
  const outcome = await mergeForms({ master: keyed, forms: made.forms.map((f) => path.join(formsDir, f.file)), output: merged, force: true });
  if (!outcome.ok) throw new Error(outcome.message.message);
  const { plan } = outcome;
  process.stdout.write(`Gộp ${plan.merged.length} phiếu: ${plan.writes.length} ô được điền vào bảng điểm.\n`);
  for (const f of plan.findings) process.stdout.write(`  • ${f.message}\n`);
  for (const d of plan.differences)
    process.stdout.write(`  Chênh lệch cho hội đồng thẩm định: ${d.agency}, “${d.group}”: tự chấm ${d.self}, thẩm định ${d.appraised} (${d.evidence}).\n`);
  process.stdout.write(`Đã ghi ${path.relative(root, merged)} (trang “Tự đánh giá” và “Chênh lệch” bên cạnh bảng điểm).\n`);

  const again = await mergeForms({ master: merged, forms: made.forms.map((f) => path.join(formsDir, f.file)), output: path.join(dir, "gop-lan-2.xlsx") });
  process.stdout.write(`Gộp lại lần nữa cùng các phiếu: ${again.ok && again.plan.unchanged ? "không có gì thay đổi" : "CÓ THAY ĐỔI (lỗi)"}.\n`);

  const rescored = await scoreWorkbook({ input: merged, output: path.join(dir, "da-gop-ket-qua.xlsx"), force: true });
  if (!rescored.ok) throw new Error(rescored.message.message);
  const top = rescored.rows.filter((r) => r.rank !== null && r.rank <= 3).sort((a, b) => a.rank - b.rank);
  process.stdout.write(`Tính điểm bảng đã gộp: ${rescored.result.summary.scored} cơ quan; đứng đầu: ${top.map((r) => `${r.rank}. ${r.name}`).join(", ")}.\n`);
}
/**
 * Part 4, the criterion level: the same year scored from a criteria set (29 criteria, five scoring
 * methods) and its ledger “Chấm điểm chi tiết” (examples/bo-tieu-chi-2020.xlsx, made by
 * scripts/make-criteria-example.js): every leaf computed, the group sums written into the grid, and
 * the ranking the same as the published one.
 */
async function criteriaLevel(published) {
  const input = path.join(root, "examples/bo-tieu-chi-2020.xlsx");
  const output = path.join(outDir, "bo-tieu-chi-2020-ket-qua.xlsx");
  const outcome = await scoreWorkbook({ input, output, force: true });
  if (!outcome.ok) throw new Error(outcome.message.message);
  const { rules } = outcome.result;
  process.stdout.write(`\n${"=".repeat(78)}\nPHẦN 4. BỘ TIÊU CHÍ: CHẤM TỪNG TIÊU CHÍ (${path.relative(root, input)})\n\n`);
  process.stdout.write(`${rules.leaves.length} tiêu chí trong ${rules.groups.length} nhóm; trang “Chấm điểm chi tiết”: mỗi cơ quan × tiêu chí một dòng.\n`);
  const agency = "Sở Y tế";
  const row = outcome.json.rows.find((r) => r.name === agency);
  const names = new Map(rules.leaves.map((l) => [l.id, l]));
  const num = (v) => (v === null ? "—" : String(v).replace(".", ","));
  process.stdout.write(`\n${agency}: Mã · Tiêu chí · Tối đa · Tự chấm · Thẩm định · Điểm\n`);
  for (const c of row.criteria) {
    const leaf = names.get(c.id);
    process.stdout.write(
      `  ${c.id.padEnd(6)} ${leaf.name.slice(0, 52).padEnd(52)} ${num(toNumber(leaf.max)).padStart(4)}  ${num(c.self).padStart(6)}  ${num(c.appraised).padStart(6)}  ${num(c.points).padStart(6)}\n`,
    );
  }
  process.stdout.write(`  Tổng từng nhóm, ghi vào bảng điểm: ${rules.groups.map((g) => `${g.name} ${num(row.groups[g.id])}`).join("; ")}\n\n`);
  const same = published.rows.every((p) => {
    const r = outcome.rows.find((x) => x.name === p.name);
    return r && r.rank === p.rank && r.total && p.total && r.total.m === p.total.m && r.total.s === p.total.s;
  });
  process.stdout.write(rankingTable(outcome.rows, rules) + "\n\n");
  process.stdout.write(`Xếp hạng tính từ bộ tiêu chí ${same ? "TRÙNG KHỚP" : "KHÁC (lỗi)"} với xếp hạng tính từ điểm nhóm đã công bố (phần 1).\n`);
  for (const f of outcome.findings) process.stdout.write(`  • ${f.message}\n`);
  process.stdout.write(`Đã ghi ${path.relative(root, output)}.\n`);
}

/**
 * Part 5, year over year across the 2025 department mergers: examples/so-sanh-2025.xlsx (the merged
 * departments) compared with so-sanh-2024.xlsx (the old ones), both made by
 * scripts/make-lineage-example.js. The built-in 2025 list is offered first, then accepted (as
 * --lineage-2025 does): a merged department is compared with its predecessors' mean index, last
 * year's ranking is recomputed, the list is written to the “Sáp nhập” sheet, and the change of the
 * rules between the years is reported.
 */
async function acrossMergers() {
  const input = path.join(root, "examples/so-sanh-2025.xlsx");
  const previous = path.join(root, "examples/so-sanh-2024.xlsx");
  const output = path.join(outDir, "so-sanh-2025-ket-qua.xlsx");
  process.stdout.write(
    `\n${"=".repeat(78)}\nPHẦN 5. SO SÁNH VỚI NĂM TRƯỚC QUA SÁP NHẬP SỞ NĂM 2025 (${path.relative(root, input)} với ${path.relative(root, previous)})\n\n`,
  );
  const offered = await scoreWorkbook({ input, previous });
  if (!offered.ok) throw new Error(offered.message.message);
  for (const n of offered.notices.filter((n) => n.message.startsWith("Danh sách sáp nhập"))) process.stdout.write(`Đề xuất (chưa áp dụng): ${n.message}\n\n`);
  const outcome = await scoreWorkbook({
    input,
    previous,
    lineage2025: true,
    output,
    force: true,
    annex: true,
    annexPrevious: true,
    decision: { number: "15/QĐ-UBND", date: "10/01/2026", issuer: "Ủy ban nhân dân tỉnh", province: "Thái Bình", year: 2025 },
  });
  if (!outcome.ok) throw new Error(outcome.message.message);
  const changes = outcome.json.rows.map((r) => r.rankChangeText);
  process.stdout.write("Sau khi chấp nhận danh sách (--lineage-2025):\n\n" + rankingTable(outcome.rows, outcome.result.rules, changes) + "\n\n");
  for (const r of outcome.json.rows.filter((r) => r.previous && r.previous.from.length > 1)) {
    const idx = String(r.previous.index).replace(".", ",");
    process.stdout.write(
      `  ${r.name}: so với trung bình chỉ số 2024 của ${r.previous.from.join(" và ")} = ${idx}, hạng ${r.previous.rank} năm 2024 (tính lại)\n`,
    );
  }
  process.stdout.write("\n");
  for (const f of outcome.findings) process.stdout.write(`  • ${f.message}\n`);
  for (const n of outcome.notices) process.stdout.write(`  • ${n.message}\n`);
  process.stdout.write(`Đã ghi ${path.relative(root, output)} (trang “Sáp nhập”, phụ lục có cột “Xếp hạng năm trước” và “Tăng/giảm”).\n`);
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(2);
});
