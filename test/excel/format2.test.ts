/**
 * Rules format 2 through the strict Office.js double: blocks found by section headings (ranks
 * restarting), no classes (no Phân loại column written), the index shown as a percentage; the
 * annex with one section per block, its heading rows bold and merged.
 */
import { generateAnnex } from "../../src/excel/annex";
import { runScoring } from "../../src/excel/scoring";
import { saveDecision, saveRules } from "../../src/excel/settings";
import { completeMetadata } from "../../src/core/rules/metadata";
import { PRESET_THAI_BINH_2020, RulesJson } from "../../src/core/rules/rules";
import { referenceDouble } from "./helpers";

let restore: () => void = () => undefined;
afterEach(() => restore());

const GROUPS = PRESET_THAI_BINH_2020.groups.map((g) => g.name);
const VALUES: (string | number)[][] = [
  ["STT", "Tên cơ quan", ...GROUPS, "Ghi chú"],
  ["I", "KHỐI SỞ, BAN, NGÀNH", "", "", "", "", "", "", ""],
  [1, "Sở Tư pháp", 45, 88, 90, 85, 90, 42, ""],
  [2, "Sở Y tế", 48, 92, 95, 90, 95, 45, ""],
  ["II", "KHỐI UBND HUYỆN", "", "", "", "", "", "", ""],
  [1, "UBND huyện Vũ Thư", 38, 72, 60, 75, 70, 35, ""],
  [2, "UBND huyện Hưng Hà", 44, 85, 70, 88, 80, 40, ""],
];
const RULES: RulesJson = {
  ...JSON.parse(JSON.stringify(PRESET_THAI_BINH_2020)),
  classes: [],
  index: { decimals: 3, rounding: "halfUp", display: "percent" },
  blocks: [
    { id: "so-nganh", name: "Khối sở, ban, ngành", match: ["sở, ban, ngành"] },
    { id: "huyen", name: "Khối UBND huyện", match: ["UBND huyện"] },
  ],
};

it("“Tính điểm” ranks within blocks, writes no Phân loại column and formats the index as a percentage", async () => {
  const setup = referenceDouble(20, { values: VALUES });
  restore = setup.restore;
  expect(await saveRules(RULES)).toEqual({ ok: true });
  const outcome = await runScoring("pane");
  if (outcome.kind !== "done") throw new Error(outcome.message);
  expect(outcome.columns).toEqual(["J", "K", "L"]);
  expect(setup.ws.getValues("J1:L1")).toEqual([["Tổng điểm", "Chỉ số", "Xếp hạng"]]);
  // Sở Y tế 465 ÷ 498 = 0,934; Sở Tư pháp 440 ÷ 498 = 0,884; Hưng Hà 407 → 0,817; Vũ Thư 350 → 0,703.
  expect(setup.ws.getValues("J3:L4")).toEqual([
    [440, 0.884, 2],
    [465, 0.934, 1],
  ]);
  expect(setup.ws.getValues("J6:L7")).toEqual([
    [350, 0.703, 2],
    [407, 0.817, 1],
  ]);
  expect(setup.ws.getCell("K3").numberFormat).toBe("0.0%");
  expect(setup.ws.getValues("J2:L2")).toEqual([["", "", ""]]); // heading rows stay as they were
  expect(outcome.findings).toEqual([]);
  expect(outcome.run.byClass).toEqual([]);
});

it("the annex: one section per block, its heading bold and merged across the table, numbers restarting, 93,4%", async () => {
  const setup = referenceDouble(20, { values: VALUES });
  restore = setup.restore;
  expect(await saveRules(RULES)).toEqual({ ok: true });
  expect(await saveDecision(completeMetadata({ number: "15/QĐ-UBND", date: "20/01/2024", issuer: "Ủy ban nhân dân tỉnh", year: 2023 }))).toEqual({ ok: true });
  const outcome = await generateAnnex({ confirmErrors: false });
  if (outcome.kind !== "done") throw new Error(JSON.stringify(outcome));
  const ws = setup.double.workbook.sheet("Phụ lục");
  expect(ws.getValues("A5:K5")).toEqual([["STT", "Tên cơ quan", ...GROUPS, "Tổng điểm", "Chỉ số", "Ghi chú"]]);
  expect(ws.getValues("A6:B11")).toEqual([
    ["I. KHỐI SỞ, BAN, NGÀNH", ""],
    ["1", "Sở Y tế"],
    ["2", "Sở Tư pháp"],
    ["II. KHỐI UBND HUYỆN", ""],
    ["1", "UBND huyện Hưng Hà"],
    ["2", "UBND huyện Vũ Thư"],
  ]);
  expect(ws.getValues("J7:J7")).toEqual([["93,4%"]]);
  expect(ws.getCell("A6").font).toMatchObject({ bold: true });
  expect(ws.getCell("A7").font.bold).toBe(false);
  expect(ws.snapshot().merges).toEqual(expect.arrayContaining(["A6:K6", "A9:K9"]));
});
