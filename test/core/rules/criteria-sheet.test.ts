/** A criteria set kept as a worksheet "Bộ tiêu chí": read into the rules, every problem by cell. */
import * as fs from "fs";
import * as path from "path";
import { criteriaFromSheet, criteriaSheet, isCriteriaSheetTitle } from "../../../src/core/rules/criteria-sheet";
import { RulesJson, validateRules } from "../../../src/core/rules/rules";
import { sheetValues } from "../../../src/core/sheets/sheet";
import { clonePreset, docCriteria } from "../helpers";

const HEADER = ["Mã", "Tiêu chí", "Điểm tối đa", "Cách chấm", "Mức/ngưỡng", "Số liệu", "Tài liệu kiểm chứng", "Hướng dẫn"];
/** The worked example of docs/rules.md, as a province receives it in a decision's table. */
const SHEET: unknown[][] = [
  ["BỘ TIÊU CHÍ ĐÁNH GIÁ ỨNG DỤNG CNTT"],
  HEADER,
  ["1", "Hạ tầng kỹ thuật", 50],
  ["1.1", "Máy tính và kết nối", 20],
  ["1.1.1", "Tỉ lệ máy tính trên số CBCCVC", 10, "Tỉ lệ", "", "Số máy tính; Số CBCCVC"],
  ["1.1.2", "Băng thông Internet", 10, "Theo ngưỡng", "≥100: 10; ≥50: 7; ≥20: 4", "Băng thông (Mbps)"],
  ["1.2", "An toàn thông tin", 15, "Theo mức", "Đạt đầy đủ: 15; Đạt một phần: 7,5; Không đạt: 0", "", "Bắt buộc"],
  ["1.3", "Hội nghị truyền hình", 5, "Có/Không"],
  ["1.4", "Hạ tầng khác", 10, "Nhập điểm", "bước 0,25", "", "", "Chấm theo biên bản kiểm tra thực tế."],
];

describe("criteriaFromSheet", () => {
  it("reads the docs' worked example into the rules, the same criteria as its JSON", () => {
    const read = criteriaFromSheet(SHEET, clonePreset());
    if (!read.ok) throw new Error(read.problems.map((p) => p.message).join("\n"));
    const fromSheet = validateRules(read.rules);
    const json = clonePreset();
    json.groups[0].criteria = docCriteria();
    const fromJson = validateRules(json);
    if (!fromSheet.ok || !fromJson.ok) throw new Error("invalid");
    const view = (r: typeof fromSheet.rules) =>
      r.leaves.map((l) => [l.id, l.name, l.method, l.max, l.levels.map((x) => [x.label, x.points]), l.tiers, l.inputs, l.step, l.evidence, l.guidance]);
    expect(JSON.parse(JSON.stringify(view(fromSheet.rules)))).toEqual(JSON.parse(JSON.stringify(view(fromJson.rules))));
  });

  it("names every problem by its cell: the sheet's own, and the rules' checks on what was read", () => {
    const bad = SHEET.map((r) => [...r]);
    bad[4][3] = "Tùy"; // D5
    bad[5][4] = "cao, thấp"; // E6
    bad.push(["7.1", "Nhóm không có", 5, "Có/Không"], ["1.9.1", "Không có cha", 5, "Có/Không"], ["1-5", "Sai mã", 5]);
    const read = criteriaFromSheet(bad, clonePreset());
    expect(!read.ok && read.problems.map((p) => p.cell)).toEqual(["D5", "E6", "A10", "A11", "A12"]);
    const over = SHEET.map((r) => [...r]);
    over[6][4] = "Đạt đầy đủ: 16; Không đạt: 0"; // above 15
    over[3][2] = 30; // 1.1's children add up to 20 only
    const checked = criteriaFromSheet(over, clonePreset());
    if (checked.ok) throw new Error("accepted");
    expect(checked.problems.map((p) => p.cell)).toEqual(["C4", "E7"]);
    expect(checked.problems[1].message).toBe("Ô E7: Điểm của mức (16) vượt điểm tối đa 15 của tiêu chí “1.2”.");
    expect(checked.problems[0].message).toMatch(/^Ô C4: Tổng điểm tối đa của các tiêu chí con \(20\) phải từ 30/);
    expect(checked.problems[0].messageEn).toMatch(/^Cell C4: /);
  });

  it("a sheet without the header row is said so", () => {
    const read = criteriaFromSheet([["a", "b"]], clonePreset());
    expect(!read.ok && read.problems[0].message).toMatch(/không có dòng tiêu đề/);
  });
});

describe("criteriaSheet: the rules written back as the sheet", () => {
  const example = JSON.parse(fs.readFileSync(path.join(__dirname, "../../../docs/examples/bo-tieu-chi-2020.json"), "utf8")) as RulesJson;
  /** The validated model of every leaf and parent, numbers as text: what scoring uses. */
  const model = (json: RulesJson) => {
    const checked = validateRules(json);
    if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join("\n"));
    return JSON.parse(JSON.stringify(checked.rules.groups.map((g) => g.criteria)));
  };

  it("read back, gives the same criteria (the example: 29 leaves, five methods, a block-only criterion, sub-criteria)", () => {
    const sheet = criteriaSheet(example);
    const values = sheetValues(sheet);
    expect(isCriteriaSheetTitle(values[0][0])).toBe(true);
    expect(values[1]).toEqual(HEADER);
    // Codes stay text (“1.10” is never the number 1.1).
    expect(sheet.cells.filter((c) => c.col === 0 && c.row > 1).every((c) => c.numberFormat === "@" && typeof c.value === "string")).toBe(true);
    const read = criteriaFromSheet(values, { ...example, groups: example.groups.map((g) => ({ ...g, criteria: undefined })) });
    // Without the rules' criteria to keep appliesTo from, 3.3 applies to every block: the only difference.
    if (!read.ok) throw new Error(read.problems.map((p) => p.message).join("\n"));
    const back = criteriaFromSheet(values, example);
    if (!back.ok) throw new Error(back.problems.map((p) => p.message).join("\n"));
    expect(model(back.rules)).toEqual(model(example));
    expect(model(read.rules)).not.toEqual(model(example));
  });

  it("writes each method in the words it is read with", () => {
    const json = clonePreset();
    json.groups[0].criteria = docCriteria();
    const values = sheetValues(criteriaSheet(json));
    const row = (code: string) => values.find((r) => r[0] === code)!;
    expect(row("1")).toEqual(["1", json.groups[0].fullName || json.groups[0].name, 50, "", "", "", "", ""]);
    expect(row("1.1")).toEqual(["1.1", "Máy tính và kết nối", 20, "", "", "", "", ""]);
    expect(row("1.1.2").slice(3, 6)).toEqual(["Theo ngưỡng", "≥100: 10; ≥50: 7; ≥20: 4", expect.any(String)]);
    expect(row("1.2").slice(3, 7)).toEqual(["Theo mức", "Đạt đầy đủ: 15; Đạt một phần: 7,5; Không đạt: 0", "", "Bắt buộc"]);
    expect(row("1.4").slice(3, 8)).toEqual(["Nhập điểm", "bước 0,25", "", "", "Chấm theo biên bản kiểm tra thực tế."]);
    const back = criteriaFromSheet(values, clonePreset());
    if (!back.ok) throw new Error(back.problems.map((p) => p.message).join("\n"));
    expect(model(back.rules)).toEqual(model(json));
  });
});
