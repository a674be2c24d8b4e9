/**
 * Criteria sets (bộ tiêu chí): a group's tree of criteria in the rules (group → criterion →
 * sub-criterion), checked when the rules load, and the exact computation of a leaf's points from
 * what was entered for it. Pure: no sheet, no Office. The ledger ("Chấm điểm chi tiết", ledger.ts)
 * reads the entries and uses these functions; scoring.ts uses the applicable maxima.
 */
import { add, cmp, Dec, div, formatVi, fromNumber, fromString, mul, sign, sub, ZERO } from "../base/decimal";
import { parseScore } from "../base/numbers";
import type { RuleProblemCode, RuleProblemParams } from "./ruleMessages";
import { matchKey } from "../text/text";

export type CriterionMethod = "points" | "levels" | "yesno" | "ratio" | "tiers";
export type EvidenceRule = "required" | "optional" | "none";

/** A sub-criterion in the rules JSON (the third level counting the group): always a leaf. */
export interface SubCriterionJson {
  /** Printed code, unique in the set ("2.3.1"). */
  id: string;
  name: string;
  max: number | string;
  /** Required on a leaf, absent on a criterion with sub-criteria. */
  method?: CriterionMethod;
  /** points: the points must be a multiple of it (0.25). */
  step?: number | string;
  /** levels: the levels to choose from, by label. */
  levels?: { label: string; points: number | string }[];
  /** ratio: two raw inputs (a, b); tiers: one. */
  inputs?: string[];
  /** ratio: the ratio a ÷ b that earns the maximum (default 1). */
  target?: number | string;
  /** tiers: thresholds, highest first. */
  tiers?: { atLeast: number | string; points: number | string }[];
  evidence?: EvidenceRule;
  guidance?: string;
  /** Block ids scored on this criterion (absent: every block). */
  appliesTo?: string[];
}

/** A criterion in the rules JSON (the second level): a leaf, or the parent of sub-criteria. */
export interface CriterionJson extends SubCriterionJson {
  criteria?: SubCriterionJson[];
}

export interface LevelModel {
  readonly label: string;
  /** matchKey of the label: what a typed level is compared by. */
  readonly key: string;
  readonly points: Dec;
}

/** A criterion after validation. */
export interface CriterionModel {
  readonly id: string;
  readonly name: string;
  readonly max: Dec;
  /** Id of its group (rules.groups[].id). */
  readonly groupId: string;
  /** Its parent criterion's id (null at the first level). */
  readonly parentId: string | null;
  /** 1: a criterion, 2: a sub-criterion. */
  readonly depth: 1 | 2;
  readonly children: readonly CriterionModel[];
  /** Null on a criterion with sub-criteria. */
  readonly method: CriterionMethod | null;
  readonly step: Dec | null;
  readonly levels: readonly LevelModel[];
  readonly inputs: readonly string[];
  readonly target: Dec;
  readonly tiers: ReadonlyArray<{ readonly atLeast: Dec; readonly points: Dec }>;
  readonly evidence: EvidenceRule;
  readonly guidance: string;
  readonly appliesTo: readonly string[];
}

export const isLeaf = (c: CriterionModel): boolean => c.children.length === 0;

/** Every leaf under some criteria, in order. */
export const leavesOf = (criteria: readonly CriterionModel[]): CriterionModel[] => criteria.flatMap((c) => (isLeaf(c) ? [c] : leavesOf(c.children)));

const ONE: Dec = { m: 1, s: 0 };
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const nfc = (v: string): string => v.trim().normalize("NFC");
const CODE = /^[0-9A-Za-z]+([.][0-9A-Za-z]+)*$/;
const BLOCK_ID = /^[a-z0-9-]+$/;

function toDec(value: unknown): Dec | null {
  if (typeof value === "number") return fromNumber(value);
  if (typeof value === "string") return fromString(value.trim().replace(",", "."));
  return null;
}
const nonNegative = (v: unknown): Dec | null => {
  const d = toDec(v);
  return d && sign(d) >= 0 ? d : null;
};
const positive = (v: unknown): Dec | null => {
  const d = toDec(v);
  return d && sign(d) > 0 ? d : null;
};

/** The fields each method uses besides the common ones; every other method field is a problem. */
const METHOD_FIELDS: Record<CriterionMethod, readonly string[]> = {
  points: ["step"],
  levels: ["levels"],
  yesno: [],
  ratio: ["inputs", "target"],
  tiers: ["inputs", "tiers"],
};
const LEAF_FIELDS = ["method", "step", "levels", "inputs", "target", "tiers", "evidence", "appliesTo"] as const;
const INPUT_COUNT: Partial<Record<CriterionMethod, number>> = { ratio: 2, tiers: 1 };

type Bad = (path: string, code: RuleProblemCode, params?: RuleProblemParams) => void;

/**
 * Checks the criteria of the rules (shape already checked by the format): unique codes, children's
 * maxima, a method on every leaf with exactly its fields, levels and tiers within the maximum,
 * known blocks; then exemptions naming criteria. One checker per validation.
 */
export function criteriaChecker(rules: Record<string, unknown>, bad: Bad) {
  const seen = new Map<string, string>();
  const blockIds = new Set(
    list(rules.blocks)
      .map((b) => (isObject(b) ? b.id : undefined))
      .filter(isText),
  );

  function node(c: Record<string, unknown>, p: string, groupId: string, parentId: string | null, depth: 1 | 2): CriterionModel | null {
    const id = typeof c.id === "string" && CODE.test(c.id) ? c.id : null;
    if (id !== null) {
      if (seen.has(id)) bad(`${p}.id`, "duplicateId", { id });
      seen.set(id, p);
    }
    const max = positive(c.max);
    const label = id ?? p;
    const childList = depth === 1 ? list(c.criteria) : [];
    const children: CriterionModel[] = [];
    childList.forEach((k, i) => {
      if (!isObject(k)) return;
      const child = node(k, `${p}.criteria[${i}]`, groupId, id, 2);
      if (child) children.push(child);
    });
    if (childList.length > 0) {
      for (const f of LEAF_FIELDS) if (f in c) bad(`${p}.${f}`, "leafOnly", { id: label });
      const sum = childList.reduce((acc: Dec, k) => add(acc, (isObject(k) && positive(k.max)) || ZERO), ZERO);
      if (max && childList.every((k) => isObject(k) && positive(k.max)) && cmp(sum, max) < 0)
        bad(`${p}.criteria`, "childrenBelowMax", { id: label, sum: formatVi(sum), max: formatVi(max) });
      return id !== null && isText(c.name) && max ? model(c, id, max, groupId, parentId, depth, children, null) : null;
    }
    const method = typeof c.method === "string" && c.method in METHOD_FIELDS ? (c.method as CriterionMethod) : null;
    if (!("method" in c)) {
      bad(`${p}.method`, "leafNeedsMethod", { id: label });
      return null;
    }
    if (!method) return null;
    for (const f of ["step", "levels", "inputs", "target", "tiers"])
      if (f in c && !METHOD_FIELDS[method].includes(f)) bad(`${p}.${f}`, "notForMethod", { method });
    for (const f of METHOD_FIELDS[method]) if (f !== "step" && f !== "target" && !(f in c)) bad(`${p}.${f}`, "methodNeeds", { method });
    const count = INPUT_COUNT[method];
    if (count !== undefined && Array.isArray(c.inputs) && c.inputs.length > 0 && c.inputs.length !== count)
      bad(`${p}.inputs`, "inputsCount", { method, count });
    if (method === "levels") {
      const labels = new Set<string>();
      list(c.levels).forEach((l, i) => {
        if (!isObject(l)) return;
        const pts = nonNegative(l.points);
        if (pts && max && cmp(pts, max) > 0) bad(`${p}.levels[${i}].points`, "pointsAboveMax", { id: label, sum: formatVi(pts), max: formatVi(max) });
        if (isText(l.label)) {
          const key = matchKey(l.label);
          if (labels.has(key)) bad(`${p}.levels[${i}].label`, "levelShared", { text: nfc(l.label) });
          labels.add(key);
        }
      });
    }
    if (method === "tiers") {
      let previous: Dec | null = null;
      list(c.tiers).forEach((t, i) => {
        if (!isObject(t)) return;
        const at = nonNegative(t.atLeast);
        const pts = nonNegative(t.points);
        if (pts && max && cmp(pts, max) > 0) bad(`${p}.tiers[${i}].points`, "pointsAboveMax", { id: label, sum: formatVi(pts), max: formatVi(max) });
        if (at && previous && cmp(at, previous) >= 0) bad(`${p}.tiers[${i}].atLeast`, "tiersNotDescending");
        if (at) previous = at;
      });
    }
    list(c.appliesTo).forEach((b, i) => {
      if (typeof b === "string" && BLOCK_ID.test(b) && !blockIds.has(b)) bad(`${p}.appliesTo[${i}]`, "unknownBlock", { id: b });
    });
    return id !== null && isText(c.name) && max ? model(c, id, max, groupId, parentId, depth, [], method) : null;
  }

  return {
    /** The criteria of group `p` (null when it has none), checked against the group's maximum. */
    group(value: unknown, p: string, groupId: string, groupMax: Dec | null): CriterionModel[] {
      if (!Array.isArray(value) || value.length === 0) return [];
      const out: CriterionModel[] = [];
      value.forEach((c, i) => {
        if (!isObject(c)) return;
        const m = node(c, `${p}.criteria[${i}]`, groupId, null, 1);
        if (m) out.push(m);
      });
      const sum = value.reduce((acc: Dec, k) => add(acc, (isObject(k) && positive(k.max)) || ZERO), ZERO);
      if (groupMax && value.every((k) => isObject(k) && positive(k.max)) && cmp(sum, groupMax) < 0)
        bad(`${p}.criteria`, "childrenBelowMax", { id: groupId, sum: formatVi(sum), max: formatVi(groupMax) });
      return out;
    },
    /** The criteria an exemption names (each must exist: call after every group). */
    exemption(value: unknown, p: string): string[] {
      const ids: string[] = [];
      list(value).forEach((id, j) => {
        if (typeof id !== "string" || !CODE.test(id)) return;
        if (!seen.has(id)) bad(`${p}.criteria[${j}]`, "unknownCriterion", { id });
        else ids.push(id);
      });
      return ids;
    },
  };
}

function model(
  c: Record<string, unknown>,
  id: string,
  max: Dec,
  groupId: string,
  parentId: string | null,
  depth: 1 | 2,
  children: CriterionModel[],
  method: CriterionMethod | null,
): CriterionModel {
  const levels: LevelModel[] = [];
  for (const l of list(c.levels)) {
    const pts = isObject(l) ? nonNegative(l.points) : null;
    if (isObject(l) && isText(l.label) && pts) levels.push({ label: nfc(l.label), key: matchKey(l.label), points: pts });
  }
  const tiers: { atLeast: Dec; points: Dec }[] = [];
  for (const t of list(c.tiers)) {
    const at = isObject(t) ? nonNegative(t.atLeast) : null;
    const pts = isObject(t) ? nonNegative(t.points) : null;
    if (at && pts) tiers.push({ atLeast: at, points: pts });
  }
  const evidence: EvidenceRule = c.evidence === "required" || c.evidence === "none" ? c.evidence : "optional";
  return {
    id,
    name: nfc(String(c.name)),
    max,
    groupId,
    parentId,
    depth,
    children,
    method,
    step: method === "points" && c.step !== undefined ? positive(c.step) : null,
    levels,
    inputs: list(c.inputs).filter(isText).map(nfc),
    target: (method === "ratio" && positive(c.target)) || ONE,
    tiers,
    evidence,
    guidance: isText(c.guidance) ? nfc(c.guidance) : "",
    appliesTo: list(c.appliesTo).filter(isText),
  };
}

// ---------------------------------------------------------------------------------------------
// Applicability and sums.

/** Whether an agency is scored on a leaf: its block is in appliesTo, and no exemption names it or its parent. */
export function leafApplies(leaf: CriterionModel, block: string | null, exempt: ReadonlySet<string>): boolean {
  if (leaf.appliesTo.length > 0 && (block === null || !leaf.appliesTo.includes(block))) return false;
  return !exempt.has(leaf.id) && !(leaf.parentId !== null && exempt.has(leaf.parentId));
}

/**
 * A node's maximum for one agency: a leaf's own when it applies, else 0; a parent's the sum of its
 * children's, capped at its own maximum. So a criterion only departments are scored on leaves the
 * group's maximum of everyone else, exactly its points when the children add up to the parent.
 */
export function applicableMax(node: CriterionModel, applies: (leaf: CriterionModel) => boolean): Dec {
  if (isLeaf(node)) return applies(node) ? node.max : ZERO;
  const sum = node.children.reduce((acc, c) => add(acc, applicableMax(c, applies)), ZERO);
  return cmp(sum, node.max) > 0 ? node.max : sum;
}

/** A group's maximum for one agency: its criteria's applicable maxima summed, capped at the group's (block's) maximum. */
export function groupApplicableMax(groupMax: Dec, criteria: readonly CriterionModel[], applies: (leaf: CriterionModel) => boolean): Dec {
  const sum = criteria.reduce((acc, c) => add(acc, applicableMax(c, applies)), ZERO);
  return cmp(sum, groupMax) > 0 ? groupMax : sum;
}

/** A parent's (or group's) points: its children's, summed, capped at its maximum; `capped` when the cap took some away. */
export function sumCapped(points: readonly Dec[], max: Dec): { points: Dec; capped: boolean; sum: Dec } {
  const sum = points.reduce((acc, p) => add(acc, p), ZERO);
  return cmp(sum, max) > 0 ? { points: max, capped: true, sum } : { points: sum, capped: false, sum };
}

// ---------------------------------------------------------------------------------------------
// A leaf's points from what was entered.

export type LeafProblem =
  /** A raw input not a number, negative, or a ratio whose b is 0. */
  | "inputInvalid"
  /** Not one of the levels (or Có/Không). */
  | "notALevel"
  /** Points typed below 0. */
  | "negative"
  /** Points typed above the leaf's maximum. */
  | "aboveMax"
  /** Points typed that are not a multiple of the step. */
  | "notAStep"
  /** An Excel error value (#N/A…). */
  | "errorValue";

export type LeafOutcome =
  | { ok: true; points: Dec }
  /** Nothing entered in `input` (0: Số liệu or the points, 1: Số liệu 2). */
  | { ok: false; blank: true; input: 0 | 1 }
  /**
   * Something entered that does not score as it is. `points` is what counts meanwhile (above the
   * maximum: as typed, or the maximum when the rules cap; off the step: as typed), null when nothing can.
   */
  | { ok: false; blank: false; input: 0 | 1; problem: LeafProblem; points: Dec | null };

const YES = new Set(["co", "yes", "x"]);
const NO = new Set(["khong", "no"]);

/** Which level a typed value names: by label (case, accents and spaces aside), or by its points when it is a number equal to one level's. */
function levelOf(leaf: CriterionModel, raw: unknown): Dec | null {
  if (leaf.method === "yesno") {
    const key = typeof raw === "string" ? matchKey(raw) : "";
    if (YES.has(key)) return leaf.max;
    if (NO.has(key)) return ZERO;
    return null;
  }
  if (typeof raw !== "string") return null;
  const key = matchKey(raw);
  return leaf.levels.find((l) => l.key === key)?.points ?? null;
}

function numberOf(raw: unknown): { value: Dec } | { blank: true } | { problem: "inputInvalid" | "errorValue" } {
  const parsed = parseScore(raw);
  if (parsed.kind === "blank") return { blank: true };
  if (parsed.kind === "error") return { problem: "errorValue" };
  if (parsed.kind === "invalid") return { problem: "inputInvalid" };
  return { value: parsed.value };
}

/** Typed points checked against a leaf: 0..max, on the step. */
function typedPoints(leaf: CriterionModel, raw: unknown, cap: boolean, input: 0 | 1): LeafOutcome {
  const n = numberOf(raw);
  if ("blank" in n) return { ok: false, blank: true, input };
  if ("problem" in n) return { ok: false, blank: false, input, problem: n.problem, points: null };
  const v = n.value;
  if (sign(v) < 0) return { ok: false, blank: false, input, problem: "negative", points: null };
  if (cmp(v, leaf.max) > 0) return { ok: false, blank: false, input, problem: "aboveMax", points: cap ? leaf.max : v };
  if (leaf.step && sign(sub(v, mul(div(v, leaf.step, 0, "down"), leaf.step))) !== 0) return { ok: false, blank: false, input, problem: "notAStep", points: v };
  return { ok: true, points: v };
}

/**
 * A leaf's self-assessed points from what the agency entered: for `points` the points themselves
 * (`first`); for `levels` and `yesno` the level chosen; for `ratio` the two raw inputs a and b;
 * for `tiers` the one raw input. Exact decimals; a ratio's points are rounded half-up to
 * `decimals` places (criteriaDecimals).
 */
export function leafPoints(leaf: CriterionModel, first: unknown, second: unknown, decimals: number, cap = false): LeafOutcome {
  switch (leaf.method) {
    case "points":
    case null:
      return typedPoints(leaf, first, cap, 0);
    case "levels":
    case "yesno": {
      const n = numberOf(first);
      if ("blank" in n) return { ok: false, blank: true, input: 0 };
      const pts = levelOf(leaf, first);
      return pts ? { ok: true, points: pts } : { ok: false, blank: false, input: 0, problem: "notALevel", points: null };
    }
    case "tiers": {
      const n = numberOf(first);
      if ("blank" in n) return { ok: false, blank: true, input: 0 };
      if ("problem" in n || sign(n.value) < 0) return { ok: false, blank: false, input: 0, problem: "problem" in n ? n.problem : "inputInvalid", points: null };
      const tier = leaf.tiers.find((t) => cmp(n.value, t.atLeast) >= 0);
      return { ok: true, points: tier ? tier.points : ZERO };
    }
    case "ratio": {
      const a = numberOf(first);
      const b = numberOf(second);
      for (const [x, input] of [
        [a, 0],
        [b, 1],
      ] as const) {
        if ("blank" in x) return { ok: false, blank: true, input };
        if ("problem" in x || sign(x.value) < 0) return { ok: false, blank: false, input, problem: "problem" in x ? x.problem : "inputInvalid", points: null };
      }
      const av = (a as { value: Dec }).value;
      const bv = (b as { value: Dec }).value;
      // a ÷ b impossible (b = 0): nothing to compare with.
      if (sign(bv) === 0) return { ok: false, blank: false, input: 1, problem: "inputInvalid", points: null };
      // max × min(1, (a ÷ b) ÷ target) = max × a ÷ (b × target), or max when a ≥ b × target.
      const den = mul(bv, leaf.target);
      if (cmp(av, den) >= 0) return { ok: true, points: leaf.max };
      return { ok: true, points: div(mul(leaf.max, av), den, decimals, "halfUp") };
    }
  }
}

/**
 * The council's value for a leaf (Thẩm định): points for every method (0..max), or a level's label
 * (Có/Không) for the methods that choose one. Blank: the council kept the self-assessment.
 */
export function appraisedPoints(leaf: CriterionModel, raw: unknown, cap = false): LeafOutcome {
  if ((leaf.method === "levels" || leaf.method === "yesno") && typeof raw === "string" && parseScore(raw).kind === "invalid") {
    const pts = levelOf(leaf, raw);
    return pts ? { ok: true, points: pts } : { ok: false, blank: false, input: 0, problem: "notALevel", points: null };
  }
  return typedPoints({ ...leaf, step: leaf.method === "points" ? leaf.step : null }, raw, cap, 0);
}

/** The labels a leaf accepts (levels, or Có/Không), for messages and lists on forms. */
export function levelLabels(leaf: CriterionModel): string[] {
  if (leaf.method === "yesno") return ["Có", "Không"];
  return leaf.levels.map((l) => l.label);
}

/** A leaf left out of an agency's maximum: another block's (`onlyFor`: the blocks it applies to), or exempt (null). */
export interface LeafOut {
  leaf: CriterionModel;
  onlyFor: readonly string[] | null;
}

/**
 * Each group's applicable maximum for an agency of `block` with the exempt criteria `exempt` (codes): the
 * criteria that do not apply leave it (groupApplicableMax), and the leaves left out with why. A group without
 * criteria keeps its maximum from `base`.
 */
export function criteriaMaxes(
  groups: readonly { criteria: readonly CriterionModel[] }[],
  base: readonly Dec[],
  block: string | null,
  exempt: ReadonlySet<string>,
): { maxes: Dec[]; out: LeafOut[][] } {
  const applies = (leaf: CriterionModel) => leafApplies(leaf, block, exempt);
  const maxes = groups.map((g, i) => (g.criteria.length > 0 ? groupApplicableMax(base[i], g.criteria, applies) : base[i]));
  const out = groups.map((g) =>
    leavesOf(g.criteria)
      .filter((leaf) => !applies(leaf))
      .map((leaf) => ({ leaf, onlyFor: leafApplies(leaf, block, new Set()) ? null : leaf.appliesTo })),
  );
  return { maxes, out };
}

/** The criterion (at any level) of this code in the rules' groups, or null. */
export function criterionById(rules: { groups: readonly { criteria: readonly CriterionModel[] }[] }, id: string): CriterionModel | null {
  const find = (list: readonly CriterionModel[]): CriterionModel | null => {
    for (const c of list) {
      if (c.id === id) return c;
      const inner = find(c.children);
      if (inner) return inner;
    }
    return null;
  };
  for (const g of rules.groups) {
    const found = find(g.criteria);
    if (found) return found;
  }
  return null;
}
