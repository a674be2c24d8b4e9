#!/usr/bin/env node
"use strict";
/**
 * The criteria-set example (docs/rules.md, “Bộ tiêu chí”): a set of 30 criteria for departments
 * across the six groups of 2020, with all five methods, one criterion only the departments' block is
 * scored on and one criterion exempt for agencies without administrative procedures
 * (docs/examples/bo-tieu-chi-2020.json), and a workbook (examples/bo-tieu-chi-2020.xlsx) with the
 * 2020 grid, its group cells blank, and the ledger “Chấm điểm chi tiết”, whose entries give back
 * every group score of the published annex (Quyết định 06/QĐ-UBND, test/fixtures/reference). Only
 * the group scores are taken from the annex; the entries are worked out from them, leaf by leaf,
 * with exact integer arithmetic (hundredths of a point). No result is copied.
 *   npm run build:cli && node scripts/make-criteria-example.js
 */
const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");

const ROOT = path.resolve(__dirname, "..");
const { PRESET_THAI_BINH_2020, validateRules } = require("../dist-cli/core/rules/rules.js");
const { ledgerSheet, LEDGER_COLUMNS } = require("../dist-cli/core/grid/ledger.js");
const { renderSheetExcelJS } = require("../dist-cli/xlsx/render.js");
const { writeStore } = require("../dist-cli/cli/workbook.js");

const lv = (...pairs) => pairs.map(([label, points]) => ({ label, points }));
const tiers = (...pairs) => pairs.map(([atLeast, points]) => ({ atLeast, points }));

/** The criteria of each group, by group id. */
const CRITERIA = {
  "ha-tang": [
    { id: "1.1", name: "Tỉ lệ máy tính trên số CBCCVC", max: 10, method: "ratio", inputs: ["Số máy tính", "Số CBCCVC"] },
    { id: "1.2", name: "Băng thông kết nối Internet", max: 10, method: "tiers", inputs: ["Băng thông (Mbps)"], tiers: tiers([100, 10], [50, 7], [20, 4]) },
    { id: "1.3", name: "Mạng nội bộ kết nối mạng truyền số liệu chuyên dùng", max: 5, method: "yesno" },
    {
      id: "1.4",
      name: "Bảo đảm an toàn thông tin theo cấp độ",
      max: 15,
      method: "levels",
      levels: lv(["Đạt đầy đủ", 15], ["Đạt một phần", "7.5"], ["Không đạt", 0]),
      evidence: "required",
      guidance: "Hồ sơ đề xuất cấp độ đã được phê duyệt.",
    },
    { id: "1.5", name: "Trang thiết bị, hạ tầng khác", max: 10, method: "points", guidance: "Chấm theo biên bản kiểm tra thực tế." },
  ],
  "ung-dung": [
    {
      id: "2.1",
      name: "Ứng dụng CNTT trong nội bộ",
      max: 40,
      criteria: [
        { id: "2.1.1", name: "Tỉ lệ văn bản đi dưới dạng điện tử", max: 20, method: "ratio", inputs: ["Văn bản điện tử", "Tổng văn bản đi"] },
        { id: "2.1.2", name: "Sử dụng chữ ký số", max: 20, method: "levels", levels: lv(["Đầy đủ", 20], ["Một phần", 10], ["Chưa sử dụng", 0]) },
      ],
    },
    { id: "2.2", name: "Sử dụng thư điện tử công vụ", max: 10, method: "yesno" },
    {
      id: "2.3",
      name: "Tỉ lệ hồ sơ công việc xử lý trên môi trường mạng (%)",
      max: 20,
      method: "tiers",
      inputs: ["Tỉ lệ (%)"],
      tiers: tiers([90, 20], [70, 15], [50, 10]),
    },
    { id: "2.4", name: "Ứng dụng chuyên ngành", max: 30, method: "points", step: "0.05" },
    { id: "2.5", name: "Tiếp nhận hồ sơ qua hệ thống một cửa điện tử", max: 5, method: "yesno" },
  ],
  "cong-ttdt": [
    {
      id: "3.1",
      name: "Cung cấp thông tin theo quy định",
      max: 40,
      method: "levels",
      levels: lv(["Đầy đủ", 40], ["Cơ bản", 30], ["Một phần", 20], ["Không", 0]),
    },
    { id: "3.2", name: "Số tin, bài cập nhật trong năm", max: 20, method: "tiers", inputs: ["Số tin, bài"], tiers: tiers([500, 20], [300, 15], [100, 10]) },
    { id: "3.3", name: "Chuyên mục hỏi đáp, tiếp nhận ý kiến", max: 10, method: "yesno", appliesTo: ["so-nganh"] },
    { id: "3.4", name: "Tính năng, kỹ thuật của cổng", max: 28, method: "points" },
  ],
  dvctt: [
    {
      id: "4.1",
      name: "Tỉ lệ TTHC cung cấp trực tuyến toàn trình",
      max: 40,
      method: "ratio",
      inputs: ["TTHC toàn trình", "Tổng số TTHC"],
      target: "0.8",
    },
    { id: "4.2", name: "Tỉ lệ hồ sơ nộp trực tuyến", max: 30, method: "ratio", inputs: ["Hồ sơ trực tuyến", "Tổng số hồ sơ"] },
    { id: "4.3", name: "Tích hợp Cổng Dịch vụ công quốc gia", max: 15, method: "levels", levels: lv(["Đầy đủ", 15], ["Một phần", 8], ["Chưa tích hợp", 0]) },
    { id: "4.4", name: "Thanh toán trực tuyến và tiện ích khác", max: 15, method: "points" },
    { id: "4.5", name: "Công khai tiến độ giải quyết hồ sơ", max: 5, method: "yesno" },
  ],
  "co-che": [
    {
      id: "5.1",
      name: "Kế hoạch ứng dụng CNTT hằng năm",
      max: 25,
      method: "levels",
      levels: lv(["Ban hành đúng hạn", 25], ["Ban hành muộn", 15], ["Không ban hành", 0]),
      evidence: "required",
    },
    { id: "5.2", name: "Quy chế sử dụng hệ thống quản lý văn bản", max: 15, method: "yesno" },
    { id: "5.3", name: "Kinh phí CNTT trên chi thường xuyên (‰)", max: 20, method: "tiers", inputs: ["Tỉ lệ (‰)"], tiers: tiers([10, 20], [5, 12], [1, 5]) },
    { id: "5.4", name: "Cơ chế, chính sách khác", max: 40, method: "points", evidence: "optional" },
  ],
  "nhan-luc": [
    { id: "6.1", name: "Tỉ lệ CBCCVC được đào tạo kỹ năng CNTT", max: 20, method: "ratio", inputs: ["Số được đào tạo", "Số CBCCVC"] },
    { id: "6.2", name: "Có cán bộ chuyên trách CNTT", max: 10, method: "yesno" },
    { id: "6.3", name: "Số lượt tập huấn trong năm", max: 10, method: "tiers", inputs: ["Số lượt"], tiers: tiers([5, 10], [3, 6], [1, 3]) },
    { id: "6.4", name: "Nhân lực khác", max: 10, method: "points", evidence: "none" },
    { id: "6.5", name: "Trình độ cán bộ chuyên trách", max: 5, method: "levels", levels: lv(["Đại học CNTT", 5], ["Khác", 2], ["Chưa có", 0]) },
  ],
};

const RULES = {
  $schema: "../../schemas/rules.schema.json",
  ...JSON.parse(JSON.stringify(PRESET_THAI_BINH_2020)),
  name: "Thái Bình 2020, bộ tiêu chí cho sở, ban, ngành (ví dụ)",
  criteriaDecimals: 2,
};
RULES.groups.forEach((g) => (g.criteria = CRITERIA[g.id]));
RULES.exemptions[0].criteria = ["2.5"];
RULES.blocks = [{ id: "so-nganh", name: "Khối sở, ban, ngành", match: ["sở, ban, ngành"] }];

// ---------------------------------------------------------------------------------------------
// Entries that give back a group's score exactly. Points in hundredths (integers) throughout.

const cents = (v) => Math.round(Number(String(v).replace(",", ".")) * 100);
const leavesOf = (list) => list.flatMap((c) => (c.criteria ? leavesOf(c.criteria) : [c]));

/** What a choice leaf (levels, yesno, tiers) can give, highest first, with the entry that gives it. */
function choices(leaf) {
  if (leaf.method === "yesno")
    return [
      [cents(leaf.max), "Có"],
      [0, "Không"],
    ];
  if (leaf.method === "levels") return leaf.levels.map((l) => [cents(l.points), l.label]);
  // tiers: an input at each threshold, and one below the last.
  const out = leaf.tiers.map((t) => [cents(t.points), Number(t.atLeast) + (Number(t.atLeast) >= 100 ? 20 : 1)]);
  out.push([0, Math.max(0, Number(leaf.tiers[leaf.tiers.length - 1].atLeast) - 1)]);
  return out;
}

/** A ratio's inputs giving p hundredths exactly: max × a ÷ (b × target), with b the denominator below. */
function ratioInputs(leaf, p, k) {
  const target = Number(leaf.target ?? 1);
  // b × target × 100 / max must divide nicely: b = 2000 × max/… — keep b a plausible count (a few hundred).
  const b = 200 + 20 * (k % 5);
  // points = max × a ÷ (b × target) → a = p/100 × b × target ÷ max
  const a = ((p / 100) * b * target) / leaf.max;
  return Number.isInteger(a) ? [a, b] : null;
}

/** Granularity (hundredths) a ratio leaf can hit with integer inputs for agency k. */
function ratioFor(leaf, p, k) {
  for (let q = p; q >= 0; q--) {
    const inputs = ratioInputs(leaf, q, k);
    if (inputs) return { points: q, inputs };
  }
  return { points: 0, inputs: [0, 200] };
}

/**
 * The entries of one group for one agency: choice leaves as high as they can be, ratio leaves then
 * points leaves taking the rest. Above the group's maximum (Văn phòng UBND tỉnh's 55 of 50), the
 * points leaf takes the excess, typed above its own maximum, as it was in the grid.
 */
function entriesFor(groupId, target, k, exempt) {
  const leaves = leavesOf(CRITERIA[groupId]).filter((l) => !exempt.includes(l.id));
  const group = RULES.groups.find((g) => g.id === groupId);
  const max = cents(group.maxPoints) - group.notEvaluated.reduce((a, n) => a + cents(n.points), 0);
  let within = Math.min(target, max);
  const excess = target - within;
  const choice = leaves.filter((l) => ["yesno", "levels", "tiers"].includes(l.method));
  const ratios = leaves.filter((l) => l.method === "ratio");
  let points = leaves.filter((l) => l.method === "points");
  const entries = new Map();
  if (excess > 0) {
    // Above the group's maximum: the last points leaf at its maximum plus the excess, typed as in the grid.
    const over = points[points.length - 1];
    entries.set(over.id, { self: (cents(over.max) + excess) / 100 });
    within -= cents(over.max);
    points = points.slice(0, -1);
  }
  const flexible = [...ratios, ...points].reduce((a, l) => a + cents(l.max), 0);
  // Every combination of choices (a few hundred): the one with the most points that leaves a rest the flexible leaves can take.
  let best = null;
  const walk = (i, picked, sum) => {
    if (sum > within) return;
    if (i === choice.length) {
      if (within - sum <= flexible && (!best || sum > best.sum)) best = { picked: [...picked], sum };
      return;
    }
    for (const c of choices(choice[i])) walk(i + 1, [...picked, c], sum + c[0]);
  };
  walk(0, [], 0);
  if (!best) throw new Error(`${groupId}: ${target / 100} cannot be reached`);
  choice.forEach((l, i) => entries.set(l.id, { input1: best.picked[i][1] }));
  let rest = within - best.sum;
  for (const l of ratios) {
    const r = ratioFor(l, Math.min(cents(l.max), rest), k);
    entries.set(l.id, { input1: r.inputs[0], input2: r.inputs[1] });
    rest -= r.points;
  }
  for (const l of points) {
    const take = Math.min(rest, cents(l.max));
    entries.set(l.id, { self: take / 100 });
    rest -= take;
  }
  if (rest !== 0) throw new Error(`${groupId}: ${rest / 100} left over for agency ${k + 1}`);
  return entries;
}

function readAnnex() {
  const tsv = path.join(ROOT, "test/fixtures/reference/06-QD-UBND-2021-annex.tsv");
  const lines = fs
    .readFileSync(tsv, "utf8")
    .normalize("NFC")
    .split(/\r?\n/)
    .filter((l) => l.trim());
  return { header: lines[0].split("\t"), rows: lines.slice(1).map((l) => l.split("\t")) };
}

async function main() {
  const checked = validateRules(RULES);
  if (!checked.ok) throw new Error(checked.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  const rules = checked.rules;
  const { header, rows } = readAnnex();
  const wb = new ExcelJS.Workbook();
  wb.creator = "Sở Thông tin và Truyền thông";
  const ws = wb.addWorksheet("Chấm điểm 2020");
  const font = { name: "Times New Roman", size: 12 };
  const thin = { style: "thin" };
  const box = { top: thin, left: thin, bottom: thin, right: thin };
  ws.getCell("A1").value = "BẢNG TỔNG HỢP ĐIỂM ĐÁNH GIÁ ỨNG DỤNG CNTT NĂM 2020";
  ws.getCell("A1").font = { ...font, bold: true, size: 14 };
  ws.getCell("A2").value = "Điểm các nhóm được tính từ trang “Chấm điểm chi tiết”";
  ws.getCell("A2").font = { ...font, italic: true };
  const headerRow = 4;
  ["STT", "Tên cơ quan", ...header.slice(2, 8), "Ghi chú", "Khối"].forEach((text, i) => {
    const c = ws.getCell(headerRow, i + 1);
    c.value = text;
    c.font = { ...font, bold: true };
    c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    c.border = box;
  });
  ws.getRow(headerRow).height = 48;
  const agencies = [];
  rows.forEach((r, k) => {
    const notes = r[11] || "";
    [k + 1, r[1], null, null, null, null, null, null, notes || null, "Sở, ban, ngành"].forEach((v, i) => {
      const c = ws.getCell(headerRow + 1 + k, i + 1);
      c.value = v;
      c.font = font;
      c.border = box;
      if (i !== 1) c.alignment = { horizontal: "center" };
    });
    const exempt = notes === "Không TTHC";
    agencies.push({ name: r[1], block: "so-nganh", exemptCriteria: exempt ? ["2.5"] : [], exemptGroups: exempt ? ["dvctt"] : [] });
  });
  [6, 44, 11, 11, 13, 11, 11, 13, 14, 14].forEach((w, i) => (ws.getColumn(i + 1).width = w));

  // The ledger, made as `xep-hang-cntt ledger` makes it, then filled.
  const sheet = ledgerSheet(rules, agencies, null);
  const col = Object.fromEntries(LEDGER_COLUMNS.map((c, i) => [c.kind, i]));
  const byRow = new Map();
  rows.forEach((r, k) => {
    const a = agencies[k];
    for (const [g, groupId] of ["ha-tang", "ung-dung", "cong-ttdt", "dvctt", "co-che", "nhan-luc"].entries()) {
      if (a.exemptGroups.includes(groupId)) continue;
      for (const [id, e] of entriesFor(groupId, cents(r[2 + g]), k, a.exemptCriteria)) byRow.set(`${a.name}\u0000${id}`, e);
    }
  });
  // Sở Y tế claimed 5 more points on 5.4 than the council accepted.
  const soYte = byRow.get("Sở Y tế\u00005.4");
  if (soYte) Object.assign(soYte, { appraised: soYte.self, self: Math.min(40, soYte.self + 5), comment: "Chưa có văn bản kèm theo" });
  const evidence = { 1.4: "QĐ phê duyệt hồ sơ cấp độ", 5.1: "Kế hoạch ứng dụng CNTT năm 2020" };
  const cells = sheet.cells.map((c) => ({ ...c }));
  const at = new Map(cells.map((c) => [`${c.row}:${c.col}`, c]));
  for (let r = 2; r < sheet.rowCount; r++) {
    const agency = at.get(`${r}:${col.agency}`).value;
    const code = at.get(`${r}:${col.code}`).value;
    const e = byRow.get(`${agency}\u0000${code}`);
    if (!e) throw new Error(`no entry for ${agency} ${code}`);
    for (const kind of ["input1", "input2", "self", "appraised", "comment"]) if (e[kind] !== undefined) at.get(`${r}:${col[kind]}`).value = e[kind];
    if (evidence[code]) at.get(`${r}:${col.evidence}`).value = `${evidence[code]} (${agency})`;
  }
  renderSheetExcelJS(wb.addWorksheet(sheet.sheetName), { ...sheet, cells });

  // The rules travel in the workbook, as the add-in keeps them (score reads them without --rules).
  writeStore(wb, { rules: checked.rules.json });
  const out = path.join(ROOT, "examples/bo-tieu-chi-2020.xlsx");
  await wb.xlsx.writeFile(out);
  const rulesOut = path.join(ROOT, "docs/examples/bo-tieu-chi-2020.json");
  fs.writeFileSync(rulesOut, JSON.stringify(RULES, null, 2) + "\n", "utf8");
  process.stdout.write(
    `Wrote ${path.relative(ROOT, out)} (${sheet.rowCount - 2} ledger rows) and ${path.relative(ROOT, rulesOut)} (${rules.leaves.length} criteria)\n`,
  );
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(1);
});
