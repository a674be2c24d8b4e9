import { Dec, add, cmp, formatVi, fromNumber, fromString, sub, sign, ZERO } from "../base/decimal";
import { makeRuleProblem, RuleProblem, RuleProblemCode, RuleProblemParams } from "./ruleMessages";
import { checkShape } from "./rulesFormat";
import { CriterionJson, criteriaChecker, CriterionModel, leavesOf } from "./criteria";
import { headerKey, matchKey } from "../text/text";

export type { RuleProblem } from "./ruleMessages";
export type { CriterionJson, CriterionMethod, CriterionModel, SubCriterionJson } from "./criteria";

/**
 * Scoring rules as data. The JSON form (schemas/rules.schema.json) is what is stored in the
 * workbook, exported and imported; numbers there are JSON numbers or decimal strings ("0.85").
 */
export interface NotEvaluatedItem {
  /** The sub-item not evaluated this year, in the words the annex notes use. */
  item: string;
  points: number | string;
}

export interface GroupRule {
  /** Stable identifier used by exemptions and blocks ("dvctt"). */
  id: string;
  /** Column header as published ("Cung cấp DVCTT"). */
  name: string;
  /** The group's name in full, for the annex notes ("Cung cấp dịch vụ công trực tuyến"); defaults to name. */
  fullName?: string;
  /** Other headers users type for this group ("Cung cấp dịch vụ công trực tuyến"). */
  aliases: string[];
  /** Nominal maximum of the group, before not-evaluated items. */
  maxPoints: number | string;
  notEvaluated: NotEvaluatedItem[];
  /** Weight in a weighted index (all counted groups or none; they sum to 1). Version 2. */
  weight?: number | string;
  /** false: read, checked and shown, but not in the total, the maximum or the index. Version 2. */
  counted?: boolean;
  /** The group's criteria (bộ tiêu chí): scored criterion by criterion in the ledger. Version 2. */
  criteria?: CriterionJson[];
}

export interface ExemptionRule {
  /** Note keyword, matched in Ghi chú without regard to case and accents ("Không TTHC"). */
  keyword?: string;
  /** Note keywords, any of which matches (version 2). */
  keywords?: string[];
  /** Ids of the groups not scored for an agency with this note (may be empty when criteria names some). */
  groups: string[];
  /** Codes of the criteria not scored for an agency with this note ("4.2"). Version 2. */
  criteria?: string[];
  /** Why, as the annex notes say it ("không có thủ tục hành chính"). */
  reason: string;
}

export interface ClassBand {
  name: string;
  /** Lowest index of this class, inclusive. */
  minIndex: number | string;
}

export interface BlockRule {
  id: string;
  /** As the annex's section heading says it ("Khối sở, ban, ngành"). */
  name: string;
  /** Texts found in the section heading, the Khối/Nhóm column or the notes ("sở, ban, ngành"). */
  match: string[];
  /** The block's own nominal maxima, by group id. */
  maxPoints?: Record<string, number | string>;
  /** The block's own classes. */
  classes?: ClassBand[];
}

export type IndexDisplay = "decimal" | "percent";

/**
 * An agency's predecessors (version 2): a merger ("Sở Tài chính" from "Sở Tài chính" and "Sở Kế hoạch
 * và Đầu tư"), a rename (one predecessor) or one part of a split (a predecessor named by several
 * entries). Last year's comparison goes through it (previous.ts).
 */
export interface LineageRule {
  /** The agency's name this year. */
  name: string;
  /** Last year's agencies it continues (list the agency itself when it continues under its name). */
  from: string[];
}

export interface RulesJson {
  $schema?: string;
  schemaVersion: 1 | 2;
  name: string;
  /** Further headers of the agency-name column (version 2). */
  nameHeaders?: string[];
  groups: GroupRule[];
  exemptions: ExemptionRule[];
  index: { decimals: number; rounding: "halfUp" | "halfEven" | "down"; display?: IndexDisplay };
  /** Decimal places of computed criterion points, rounded half-up (default 2). Version 2. */
  criteriaDecimals?: number;
  /** Highest class first; the last band's minIndex is 0. Empty: no classes. */
  classes: ClassBand[];
  classifyOn: "roundedIndex" | "exactIndex";
  rankBy: "index" | "total";
  /** "keep": a score above its maximum counts as typed (and is an error finding); "cap": counts as the maximum. */
  overMax: "keep" | "cap";
  /** Blocks ranked separately (version 2). */
  blocks?: BlockRule[];
  /** Mergers, renames and splits since last year (version 2). */
  lineage?: LineageRule[];
}

export interface GroupModel {
  readonly id: string;
  readonly name: string;
  readonly fullName: string;
  readonly keys: readonly string[];
  readonly nominalMax: Dec;
  readonly notEvaluated: ReadonlyArray<{ item: string; points: Dec }>;
  /** nominal maximum less the not-evaluated items */
  readonly max: Dec;
  /** Null when the index is not weighted. */
  readonly weight: Dec | null;
  readonly counted: boolean;
  /** The group's criteria, first level (empty: the group is one cell, as without criteria). */
  readonly criteria: readonly CriterionModel[];
}

export interface ClassModel {
  readonly name: string;
  readonly min: Dec;
}

export interface BlockModel {
  readonly id: string;
  readonly name: string;
  readonly matchKeys: readonly string[];
  /** Applicable maximum of each group in this block (rules.groups order). */
  readonly maxes: readonly Dec[];
  /** Sum of the counted groups' maxima in this block. */
  readonly generalMax: Dec;
  readonly classes: readonly ClassModel[];
  /** Whether the block has maxima or classes of its own (the annex notes say so). */
  readonly ownMaxima: boolean;
}

/** Rules after validation, with exact decimals worked out. */
export interface Rules {
  readonly json: RulesJson;
  readonly groups: readonly GroupModel[];
  readonly exemptions: ReadonlyArray<{
    keyword: string;
    keywords: readonly string[];
    groupIndexes: readonly number[];
    reason: string;
    /** Codes of the criteria exempted (absent when the exemption names none). */
    criteria?: readonly string[];
  }>;
  readonly classes: readonly ClassModel[];
  /** Sum of the counted groups' applicable maxima (498 for 2020). */
  readonly generalMax: Dec;
  /** Whether the index is weighted (groups[].weight). */
  readonly weighted: boolean;
  readonly display: IndexDisplay;
  /** Header keys of the agency-name column: the built-in list and nameHeaders. */
  readonly nameKeys: readonly string[];
  /** Empty when the rules have no blocks. */
  readonly blocks: readonly BlockModel[];
  /** Every leaf criterion of every group, in order (empty without criteria). */
  readonly leaves: readonly CriterionModel[];
  /** Decimal places of computed criterion points (criteriaDecimals, default 2). */
  readonly criteriaDecimals: number;
  /** Mergers, renames and splits since last year (names trimmed, NFC); empty when none. */
  readonly lineage: readonly LineageModel[];
}

export interface LineageModel {
  readonly name: string;
  readonly from: readonly string[];
}

/** Headers of the agency-name column every rule set recognises. */
export const BUILT_IN_NAME_HEADERS: readonly string[] = [
  "Tên cơ quan",
  "Cơ quan",
  "Tên cơ quan, đơn vị",
  "Cơ quan, đơn vị",
  "Tên cơ quan đơn vị",
  "Tên đơn vị",
  "Đơn vị",
  "Tỉnh, thành phố",
  "Tỉnh/thành phố",
  "Tỉnh, thành phố trực thuộc Trung ương",
  "Địa phương",
  "Bộ, ngành",
  "Bộ, cơ quan ngang Bộ",
  "Bộ, cơ quan",
  "Huyện, thị xã, thành phố",
  "Xã, phường, thị trấn",
];

/** Keywords the preset's exemption lists (an agency without administrative procedures). */
export const NO_PROCEDURES_KEYWORDS = ["Không TTHC", "Không có TTHC", "Không có thủ tục hành chính"];

export const PRESET_THAI_BINH_2020: RulesJson = {
  schemaVersion: 2,
  name: "Thái Bình 2020 (Quyết định 2916/QĐ-UBND)",
  groups: [
    {
      id: "ha-tang",
      name: "Hạ tầng kỹ thuật",
      aliases: ["Hạ tầng kỹ thuật CNTT", "Hạ tầng CNTT", "Hạ tầng"],
      maxPoints: 50,
      notEvaluated: [],
    },
    {
      id: "ung-dung",
      name: "Ứng dụng CNTT",
      aliases: ["Ứng dụng công nghệ thông tin", "Ứng dụng CNTT trong hoạt động"],
      maxPoints: 100,
      notEvaluated: [],
    },
    {
      id: "cong-ttdt",
      name: "Trang/Cổng thông tin điện tử",
      fullName: "Cổng thông tin điện tử",
      aliases: ["Trang/Cổng TTĐT", "Cổng thông tin điện tử", "Trang thông tin điện tử", "Cổng TTĐT", "Trang TTĐT"],
      maxPoints: 100,
      notEvaluated: [{ item: "điều kiện địa lý", points: 2 }],
    },
    {
      id: "dvctt",
      name: "Cung cấp DVCTT",
      fullName: "Cung cấp dịch vụ công trực tuyến",
      aliases: ["Cung cấp dịch vụ công trực tuyến", "Dịch vụ công trực tuyến", "DVCTT"],
      maxPoints: 100,
      notEvaluated: [],
    },
    {
      id: "co-che",
      name: "Cơ chế, chính sách",
      aliases: ["Cơ chế chính sách", "Cơ chế, chính sách cho ứng dụng CNTT"],
      maxPoints: 100,
      notEvaluated: [],
    },
    {
      id: "nhan-luc",
      name: "Nhân lực cho ứng dụng CNTT",
      aliases: ["Nhân lực", "Nhân lực CNTT", "Nguồn nhân lực"],
      maxPoints: 50,
      notEvaluated: [],
    },
  ],
  exemptions: [{ keywords: [...NO_PROCEDURES_KEYWORDS], groups: ["dvctt"], reason: "không có thủ tục hành chính" }],
  index: { decimals: 3, rounding: "halfUp" },
  classes: [
    { name: "Tốt", minIndex: "0.85" },
    { name: "Khá", minIndex: "0.70" },
    { name: "Trung bình", minIndex: 0 },
  ],
  classifyOn: "roundedIndex",
  rankBy: "index",
  overMax: "keep",
};

export type RulesResult = { ok: true; rules: Rules } | { ok: false; problems: RuleProblem[] };

function toDec(value: unknown): Dec | null {
  if (typeof value === "number") return fromNumber(value);
  if (typeof value === "string") return fromString(value.trim().replace(",", "."));
  return null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const nfc = (v: string): string => v.trim().normalize("NFC");
const ONE: Dec = { m: 1, s: 0 };

/** A positive decimal as the format allows it (shape already checked), or null. */
function positive(value: unknown): Dec | null {
  const d = toDec(value);
  return d && sign(d) > 0 ? d : null;
}

/**
 * Checks rules loaded from JSON (the workbook, an imported file, the pane's editor). The shape of
 * every field is checked from the format description (rulesFormat.ts, which also generates the JSON
 * schema); then the checks across fields. Every problem is listed, each with its path, a code and
 * parameters (ruleMessages.ts renders them in Vietnamese or English); nothing is guessed.
 */
export function validateRules(input: unknown): RulesResult {
  const problems: RuleProblem[] = checkShape(input, makeRuleProblem);
  if (!isObject(input)) return { ok: false, problems };
  const bad = (path: string, code: RuleProblemCode, params: RuleProblemParams = {}) => problems.push(makeRuleProblem(path, code, params));
  const r = input;

  const criteria = criteriaChecker(r, bad);
  const groups = checkGroups(r, bad, criteria);
  const ids = new Map(groups.map((g, i) => [g.id, i] as [string, number]));
  const exemptions = checkExemptions(r, ids, bad, criteria);
  const classes = checkClasses(r.classes, "classes", bad);
  const blocks = checkBlocks(r, groups, ids, bad);
  const lineage = checkLineage(r, bad);

  if (problems.length > 0) return { ok: false, problems };
  const json = JSON.parse(JSON.stringify(input)) as RulesJson;
  const counted = groups.filter((g) => g.counted);
  const generalMax = counted.reduce((acc, g) => add(acc, g.max), ZERO);
  const nameKeys = [...new Set([...BUILT_IN_NAME_HEADERS, ...list(r.nameHeaders).filter(isText)].map((t) => headerKey(t)).filter((k) => k !== ""))];
  const display: IndexDisplay = isObject(r.index) && r.index.display === "percent" ? "percent" : "decimal";
  const weighted = counted.some((g) => g.weight !== null);
  return {
    ok: true,
    rules: {
      json,
      groups,
      exemptions,
      classes,
      generalMax,
      weighted,
      display,
      nameKeys,
      blocks: blocks.map((b) => ({ ...b, classes: b.classes ?? classes })),
      lineage,
      leaves: groups.flatMap((g) => leavesOf(g.criteria)),
      criteriaDecimals: typeof r.criteriaDecimals === "number" ? r.criteriaDecimals : 2,
    },
  };
}

type Bad = (path: string, code: RuleProblemCode, params?: RuleProblemParams) => void;

function checkGroups(r: Record<string, unknown>, bad: Bad, criteriaOf: ReturnType<typeof criteriaChecker>): GroupModel[] {
  const groups: GroupModel[] = [];
  const seen = new Set<string>();
  const keyOwner = new Map<string, number>();
  list(r.groups).forEach((g: unknown, i: number) => {
    const p = `groups[${i}]`;
    if (!isObject(g)) return;
    if (typeof g.id === "string" && /^[a-z0-9-]+$/.test(g.id)) {
      if (seen.has(g.id)) bad(`${p}.id`, "duplicateId", { id: g.id });
      seen.add(g.id);
    }
    const nominal = positive(g.maxPoints);
    const items: { item: string; points: Dec }[] = [];
    for (const it of list(g.notEvaluated)) {
      const pts = isObject(it) ? positive(it.points) : null;
      if (isObject(it) && isText(it.item) && pts) items.push({ item: nfc(it.item), points: pts });
    }
    const neSum = items.reduce((acc, it) => add(acc, it.points), ZERO);
    const max = sub(nominal ?? ZERO, neSum);
    if (nominal && sign(max) <= 0) bad(`${p}.notEvaluated`, "notEvaluatedTooLarge", { sum: formatVi(neSum), max: formatVi(nominal) });
    const keys: string[] = [];
    for (const text of [g.name, ...list(g.aliases)]) {
      if (!isText(text)) continue;
      // Headers are compared by headerKey, which drops a trailing "(…)": a name that ends in one
      // ("… trực tuyến (DVCTT)") is kept under both keys, or its own header would never match.
      let clash = false;
      for (const key of new Set([matchKey(text), headerKey(text)])) {
        if (key === "") continue;
        const owner = keyOwner.get(key);
        if (owner !== undefined && owner !== i) clash = true;
        keyOwner.set(key, i);
        if (!keys.includes(key)) keys.push(key);
      }
      if (clash) bad(`${p}.aliases`, "headerShared", { text: nfc(text) });
    }
    const counted = g.counted !== false;
    const weight = g.weight === undefined ? null : positive(g.weight);
    if (weight && !counted) bad(`${p}.weight`, "weightUncounted");
    const criteria = criteriaOf.group(g.criteria, p, isText(g.id) ? g.id : p, nominal && sign(max) > 0 ? max : null);
    if (isText(g.id) && isText(g.name) && nominal) {
      const name = nfc(g.name);
      const fullName = isText(g.fullName) ? nfc(g.fullName) : name;
      groups.push({ id: g.id, name, fullName, keys, nominalMax: nominal, notEvaluated: items, max, weight: counted ? weight : null, counted, criteria });
    }
  });
  checkWeights(list(r.groups), bad);
  return groups;
}

/** Across the groups: at least one counts; weights on every counted group or on none, adding up to 1. */
function checkWeights(all: unknown[], bad: Bad): void {
  if (all.length > 0 && all.every(isObject)) {
    const counted = all.filter((g) => (g as Record<string, unknown>).counted !== false) as Record<string, unknown>[];
    if (all.length > 0 && counted.length === 0) bad("groups", "noCountedGroup");
    const withWeight = counted.filter((g) => g.weight !== undefined);
    if (withWeight.length > 0 && withWeight.length < counted.length) {
      const missing = counted.filter((g) => g.weight === undefined).map((g) => (isText(g.name) ? `“${nfc(g.name)}”` : "?"));
      bad("groups", "weightsAllOrNone", { groups: missing.join(", ") });
    } else if (withWeight.length > 0) {
      const weights = withWeight.map((g) => positive(g.weight));
      if (weights.every((w): w is Dec => w !== null)) {
        const total = weights.reduce((acc, w) => add(acc, w), ZERO);
        if (cmp(total, ONE) !== 0) bad("groups", "weightsSum", { sum: formatVi(total) });
      }
    }
  }
}

function checkExemptions(
  r: Record<string, unknown>,
  ids: ReadonlyMap<string, number>,
  bad: Bad,
  criteriaOf: ReturnType<typeof criteriaChecker>,
): Rules["exemptions"][number][] {
  const exemptions: Rules["exemptions"][number][] = [];
  list(r.exemptions).forEach((e: unknown, i: number) => {
    const p = `exemptions[${i}]`;
    if (!isObject(e)) return;
    const idx: number[] = [];
    list(e.groups).forEach((id: unknown, j: number) => {
      const at = typeof id === "string" ? ids.get(id) : undefined;
      if (at === undefined) {
        if (typeof id === "string" && /^[a-z0-9-]+$/.test(id)) bad(`${p}.groups[${j}]`, "unknownGroup", { id });
      } else idx.push(at);
    });
    const criteria = criteriaOf.exemption(e.criteria, p);
    if (Array.isArray(e.groups) && e.groups.length === 0 && list(e.criteria).length === 0) bad(`${p}.groups`, "exemptsNothing");
    const keywords = [...(isText(e.keyword) ? [e.keyword] : []), ...list(e.keywords).filter(isText)].map(nfc);
    if (keywords.length > 0 && isText(e.reason))
      exemptions.push({ keyword: keywords[0], keywords, groupIndexes: idx, reason: nfc(e.reason), ...(criteria.length > 0 ? { criteria } : {}) });
  });
  return exemptions;
}

function checkClasses(value: unknown, path: string, bad: Bad): ClassModel[] {
  const classes: ClassModel[] = [];
  const bands = list(value);
  bands.forEach((c: unknown, i: number) => {
    if (!isObject(c)) return;
    const min = toDec(c.minIndex);
    if (!min || sign(min) < 0 || cmp(min, ONE) > 0) return;
    if (classes.length > 0 && cmp(min, classes[classes.length - 1].min) >= 0)
      bad(`${path}[${i}].minIndex`, "classesNotDescending", { name: String(c.name ?? i + 1) });
    if (isText(c.name)) classes.push({ name: nfc(c.name), min });
  });
  const last = bands[bands.length - 1];
  const lastMin = isObject(last) ? toDec(last.minIndex) : null;
  if (lastMin && sign(lastMin) > 0 && cmp(lastMin, ONE) <= 0) bad(`${path}[${bands.length - 1}].minIndex`, "lastClassNotZero");
  return classes;
}

function checkBlocks(
  r: Record<string, unknown>,
  groups: readonly GroupModel[],
  ids: ReadonlyMap<string, number>,
  bad: Bad,
): (Omit<BlockModel, "classes"> & { classes: ClassModel[] | null })[] {
  const blocks: (Omit<BlockModel, "classes"> & { classes: ClassModel[] | null })[] = [];
  const seen = new Set<string>();
  const matchOwner = new Map<string, number>();
  list(r.blocks).forEach((b: unknown, i: number) => {
    const p = `blocks[${i}]`;
    if (!isObject(b)) return;
    if (typeof b.id === "string" && /^[a-z0-9-]+$/.test(b.id)) {
      if (seen.has(b.id)) bad(`${p}.id`, "duplicateId", { id: b.id });
      seen.add(b.id);
    }
    const matchKeys: string[] = [];
    for (const text of list(b.match)) {
      if (!isText(text)) continue;
      const key = matchKey(text);
      if (key === "") continue;
      const owner = matchOwner.get(key);
      if (owner !== undefined && owner !== i) bad(`${p}.match`, "blockMatchShared", { text: nfc(text) });
      matchOwner.set(key, i);
      matchKeys.push(key);
    }
    const maxes = groups.map((g) => g.max);
    let own = false;
    if (isObject(b.maxPoints)) {
      for (const [id, v] of Object.entries(b.maxPoints)) {
        const g = ids.get(id);
        if (g === undefined) {
          if (/^[a-z0-9-]+$/.test(id)) bad(`${p}.maxPoints.${id}`, "unknownGroup", { id });
          continue;
        }
        const nominal = positive(v);
        if (!nominal) continue;
        const neSum = groups[g].notEvaluated.reduce((acc, it) => add(acc, it.points), ZERO);
        const max = sub(nominal, neSum);
        if (sign(max) <= 0) bad(`${p}.maxPoints.${id}`, "blockMaxTooSmall", { max: formatVi(nominal), sum: formatVi(neSum) });
        maxes[g] = max;
        own = true;
      }
    }
    const classes = b.classes === undefined ? null : checkClasses(b.classes, `${p}.classes`, bad);
    if (classes) own = true;
    const generalMax = groups.reduce((acc, g, k) => (g.counted ? add(acc, maxes[k]) : acc), ZERO);
    if (isText(b.id) && isText(b.name)) blocks.push({ id: b.id, name: nfc(b.name), matchKeys, maxes, generalMax, classes, ownMaxima: own });
  });
  return blocks;
}

/**
 * Lineage entries: one per agency this year (names compared as agency names are, by matchKey; the
 * legacy encodings are converted where the names are compared), a predecessor once per entry.
 */
function checkLineage(r: Record<string, unknown>, bad: Bad): LineageModel[] {
  const out: LineageModel[] = [];
  const seen = new Map<string, number>();
  list(r.lineage).forEach((e: unknown, i: number) => {
    if (!isObject(e) || !isText(e.name)) return;
    const key = matchKey(e.name);
    const first = seen.get(key);
    if (first !== undefined) bad(`lineage[${i}].name`, "lineageDuplicate", { name: nfc(e.name), other: first + 1 });
    else seen.set(key, i);
    const from: string[] = [];
    const fromKeys = new Set<string>();
    list(e.from).forEach((f: unknown, j: number) => {
      if (!isText(f)) return;
      if (fromKeys.has(matchKey(f))) bad(`lineage[${i}].from[${j}]`, "lineageRepeated", { name: nfc(f) });
      fromKeys.add(matchKey(f));
      from.push(nfc(f));
    });
    if (from.length > 0) out.push({ name: nfc(e.name), from });
  });
  return out;
}

/** Whether agencies get a class at all (no Phân loại column and nothing about classes otherwise). */
export const hasClasses = (rules: Rules): boolean => rules.classes.length > 0 || rules.blocks.some((b) => b.classes.length > 0);

/** Rules from trusted JSON (the presets); throws if they are invalid. */
export function loadRules(json: unknown): Rules {
  const result = validateRules(json);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return result.rules;
}

export const presetRules = (): Rules => loadRules(PRESET_THAI_BINH_2020);
