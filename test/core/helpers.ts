/** Shared builders for the core suites: sheets as Office.js returns them (values[][]) and rules. */
import Decimal from "decimal.js";
import * as fs from "fs";
import * as path from "path";
import { Dec, toString } from "../../src/core/base/decimal";
import { CriterionJson, PRESET_THAI_BINH_2020, Rules, RulesJson, loadRules } from "../../src/core/rules/rules";
import { scoreSheet, ScoreResult } from "../../src/core/grid/scoring";

/** decimal.js with enough precision that every operation the tests compare is exact. */
export const D = Decimal.clone({ precision: 2000, toExpNeg: -9e15, toExpPos: 9e15 });
export type DD = InstanceType<typeof D>;

export const dd = (x: Dec): DD => new D(toString(x));

/** The six published group headers, in the preset's order. */
export const GROUP_HEADERS = PRESET_THAI_BINH_2020.groups.map((g) => g.name);
/** Applicable maxima of the preset groups (the portal is 100 − 2). */
/** The 2020 sheet's header row as typed in the published workbook (a literal: grid detection is tested on the text, not on the preset). */
export const SHEET_HEADER_2020: readonly string[] = [
  "STT",
  "Tên cơ quan",
  "Hạ tầng kỹ thuật",
  "Ứng dụng CNTT",
  "Trang/Cổng thông tin điện tử",
  "Cung cấp DVCTT",
  "Cơ chế, chính sách",
  "Nhân lực cho ứng dụng CNTT",
  "Ghi chú",
];

export const GROUP_MAX = [50, 100, 98, 100, 100, 50];

export interface Agency {
  name: unknown;
  scores: unknown[];
  notes?: unknown;
}

/**
 * A plain grid: header in row 1 (A STT, B Tên cơ quan, C–H the six groups, I Ghi chú), one agency
 * a row from row 2. So agency i (0-based) is on sheet row i + 2.
 */
export function simpleSheet(agencies: Agency[]): unknown[][] {
  return [["STT", "Tên cơ quan", ...GROUP_HEADERS, "Ghi chú"], ...agencies.map((a, i) => [i + 1, a.name, ...a.scores, a.notes ?? ""])];
}

/** A full, valid row of scores (all within their maxima). */
export const fullScores = (): number[] => [40, 80, 80, 80, 80, 40];

/** The preset with some fields replaced, loaded (throws if invalid). */
export function presetWith(patch: Partial<RulesJson>): Rules {
  return loadRules({ ...clonePreset(), ...patch });
}

export function clonePreset(): RulesJson {
  return JSON.parse(JSON.stringify(PRESET_THAI_BINH_2020)) as RulesJson;
}

/** The preset with two groups (Nhóm A 100, Nhóm B 50), no exemption, and two blocks matched by their Khối cell: sở, ban, ngành; UBND huyện. */
export function twoBlockRulesJson(): RulesJson {
  const json = clonePreset();
  json.groups = [
    { id: "a", name: "Nhóm A", aliases: [], maxPoints: 100, notEvaluated: [] },
    { id: "b", name: "Nhóm B", aliases: [], maxPoints: 50, notEvaluated: [] },
  ];
  json.exemptions = [];
  json.blocks = [
    { id: "so-nganh", name: "Khối sở, ban, ngành", match: ["sở, ban, ngành"] },
    { id: "huyen", name: "Khối UBND huyện, thành phố", match: ["UBND huyện", "huyện"] },
  ];
  return json;
}

/** Rules with one group "Điểm" (max 100): the index is the score ÷ 100, handy for boundaries. */
export function oneGroupRules(patch: Partial<RulesJson> = {}): Rules {
  return loadRules({
    ...clonePreset(),
    groups: [{ id: "diem", name: "Điểm", aliases: [], maxPoints: 100, notEvaluated: [] }],
    exemptions: [],
    ...patch,
  });
}

export const oneGroupSheet = (rows: [string, unknown][]): unknown[][] => [["STT", "Tên cơ quan", "Điểm"], ...rows.map(([n, s], i) => [i + 1, n, s])];

/**
 * Rules using every field of the format (version 2): weights, a group not counted, two blocks with
 * their own maxima and classes, percent display, name headers, exemption keywords.
 */
export function fullRulesJson(): RulesJson {
  const json = clonePreset();
  const weights = ["0.1", null, "0.2", "0.25", "0.3", "0.15"];
  json.groups.forEach((g, i) => (weights[i] === null ? (g.counted = false) : ((g.weight = weights[i]!), (g.counted = true))));
  json.groups[0].fullName = "Hạ tầng kỹ thuật công nghệ thông tin";
  json.groups[0].notEvaluated = [{ item: "mạng nội bộ", points: "1,5" }];
  json.nameHeaders = ["Sở, ngành, địa phương"];
  json.index.display = "percent";
  json.exemptions[0].keyword = "Không TTHC";
  json.exemptions[0].criteria = ["1.6"];
  json.criteriaDecimals = 2;
  json.groups[0].criteria = [
    {
      id: "1.1",
      name: "Hạ tầng máy trạm",
      max: 20,
      guidance: "Tổng các tiêu chí con.",
      criteria: [
        { id: "1.1.1", name: "Máy tính kết nối mạng", max: 5, method: "points", step: "0.25", evidence: "required", guidance: "Theo số liệu kiểm kê." },
        {
          id: "1.1.2",
          name: "An toàn thông tin",
          max: 5,
          method: "levels",
          levels: [
            { label: "Đạt đầy đủ", points: 5 },
            { label: "Không đạt", points: 0 },
          ],
          appliesTo: ["so-nganh"],
        },
        { id: "1.1.3", name: "Tỉ lệ máy tính", max: 5, method: "ratio", inputs: ["Số máy tính", "Số CBCCVC"], target: "0.8" },
        {
          id: "1.1.4",
          name: "Băng thông",
          max: 5,
          method: "tiers",
          inputs: ["Mbps"],
          tiers: [
            { atLeast: 100, points: 5 },
            { atLeast: 20, points: "2,5" },
          ],
        },
      ],
    },
    { id: "1.2", name: "Phần mềm diệt virus", max: 6, method: "points", step: "0.5", evidence: "none", guidance: "Có bản quyền.", appliesTo: ["so-nganh"] },
    {
      id: "1.3",
      name: "Mạng LAN",
      max: 6,
      method: "levels",
      levels: [
        { label: "Có", points: 6 },
        { label: "Một phần", points: 3 },
      ],
    },
    { id: "1.4", name: "Tỉ lệ thư điện tử", max: 6, method: "ratio", inputs: ["Số hộp thư", "Số CBCCVC"], target: 1 },
    { id: "1.5", name: "Trung tâm dữ liệu", max: 6, method: "tiers", inputs: ["Điểm"], tiers: [{ atLeast: 90, points: 6 }] },
    { id: "1.6", name: "Hội nghị truyền hình", max: 6, method: "yesno", evidence: "optional" },
  ];
  json.blocks = [
    {
      id: "so-nganh",
      name: "Khối sở, ban, ngành",
      match: ["sở, ban, ngành"],
      maxPoints: { dvctt: 80 },
      classes: [
        { name: "Tốt", minIndex: "0.8" },
        { name: "Chưa tốt", minIndex: 0 },
      ],
    },
    { id: "huyen", name: "Khối UBND huyện, thành phố", match: ["huyện", "UBND huyện"] },
  ];
  json.lineage = [{ name: "Sở Tài chính", from: ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"] }];
  return json;
}

/** The criteria of the worked example in docs/rules.md (the group whose JSON has "criteria"). */
export function docCriteria(): CriterionJson[] {
  const doc = fs.readFileSync(path.resolve(__dirname, "../../docs/rules.md"), "utf8");
  const blocks = [...doc.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => JSON.parse(m[1]) as { criteria?: CriterionJson[] });
  const group = blocks.find((b) => Array.isArray(b.criteria));
  if (!group) throw new Error("docs/rules.md has no criteria example");
  return group.criteria!;
}

/** Scored, or the grid's refusal thrown. */
export function score(values: unknown[][], rules: Rules): Extract<ScoreResult, { ok: true }> {
  const r = scoreSheet(values, rules);
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

/** Two groups: A (max 100) and B (max 50). */
export function twoGroups(patch: Partial<RulesJson> = {}, groupPatch: [Record<string, unknown>, Record<string, unknown>] = [{}, {}]): Rules {
  return loadRules({
    ...clonePreset(),
    groups: [
      { id: "a", name: "Nhóm A", aliases: [], maxPoints: 100, notEvaluated: [], ...groupPatch[0] },
      { id: "b", name: "Nhóm B", aliases: [], maxPoints: 50, notEvaluated: [], ...groupPatch[1] },
    ],
    exemptions: [{ keywords: ["Không TTHC"], groups: ["b"], reason: "không có thủ tục hành chính" }],
    ...patch,
  });
}
/** A sheet of the two groups: name, A, B and an optional note per row. */
export const twoSheet = (rows: [string, unknown, unknown, string?][], head = "Tên cơ quan") => [
  ["STT", head, "Nhóm A", "Nhóm B", "Ghi chú"],
  ...rows.map(([n, a, b, note], i) => [i + 1, n, a, b, note ?? ""]),
];
