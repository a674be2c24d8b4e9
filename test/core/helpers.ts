/** Shared builders for the core suites: sheets as Office.js returns them (values[][]) and rules. */
import Decimal from "decimal.js";
import { Dec, toString } from "../../src/core/decimal";
import { PRESET_THAI_BINH_2020, Rules, RulesJson, loadRules } from "../../src/core/rules";

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
