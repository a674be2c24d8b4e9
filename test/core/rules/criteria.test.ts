/** Criteria sets: the leaf methods computed exactly, rounding, caps, applicable maxima (appliesTo, exemptions). */
import {
  applicableMax,
  appraisedPoints,
  CriterionModel,
  groupApplicableMax,
  leafApplies,
  leafPoints,
  LeafOutcome,
  sumCapped,
} from "../../../src/core/rules/criteria";
import { formatVi } from "../../../src/core/base/decimal";
import { Rules, RulesJson, validateRules } from "../../../src/core/rules/rules";
import { scoreSheet } from "../../../src/core/grid/scoring";
import { clonePreset, docCriteria, GROUP_HEADERS, simpleSheet } from "../helpers";

function rulesWith(mutate: (r: RulesJson) => void = () => undefined): Rules {
  const json = clonePreset();
  json.groups[0].criteria = docCriteria();
  mutate(json);
  const result = validateRules(json);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return result.rules;
}

const rules = rulesWith();
const leaf = (id: string, r: Rules = rules): CriterionModel => r.leaves.find((l) => l.id === id)!;
const pts = (o: LeafOutcome): string => (o.ok ? formatVi(o.points) : o.blank ? "blank" : `${o.problem}${o.points ? ` (${formatVi(o.points)})` : ""}`);

describe("the worked example of docs/rules.md", () => {
  it("loads: the tree, its leaves in order, the default decimals", () => {
    expect(rules.leaves.map((l) => [l.id, l.method, l.parentId, l.depth])).toEqual([
      ["1.1.1", "ratio", "1.1", 2],
      ["1.1.2", "tiers", "1.1", 2],
      ["1.2", "levels", null, 1],
      ["1.3", "yesno", null, 1],
      ["1.4", "points", null, 1],
    ]);
    expect(rules.groups[0].criteria.map((c) => c.id)).toEqual(["1.1", "1.2", "1.3", "1.4"]);
    expect(rules.groups.slice(1).every((g) => g.criteria.length === 0)).toBe(true);
    expect(rules.criteriaDecimals).toBe(2);
    expect(leaf("1.2").evidence).toBe("required");
    expect(leaf("1.3").evidence).toBe("optional");
    expect(leaf("1.4").guidance).toBe("Chấm theo biên bản kiểm tra thực tế.");
  });

  it("computes Sở A's group as the doc says: 9 + 7 = 16; 7,5; 5; 8,25 → 36,75", () => {
    const d = rules.criteriaDecimals;
    const a = [
      leafPoints(leaf("1.1.1"), 45, 50, d),
      leafPoints(leaf("1.1.2"), "60", "", d),
      leafPoints(leaf("1.2"), "Đạt một phần", "", d),
      leafPoints(leaf("1.3"), "Có", "", d),
      leafPoints(leaf("1.4"), "8,25", "", d),
    ];
    expect(a.map(pts)).toEqual(["9", "7", "7,5", "5", "8,25"]);
    const values = a.map((o) => (o.ok ? o.points : null)!);
    const c11 = sumCapped(values.slice(0, 2), rules.groups[0].criteria[0].max);
    expect(formatVi(c11.points)).toBe("16");
    expect(formatVi(sumCapped([c11.points, ...values.slice(2)], rules.groups[0].max).points)).toBe("36,75");
  });
});

describe("each method", () => {
  const d = 2;
  it("ratio: max × min(1, (a ÷ b) ÷ target), exact, rounded half-up to criteriaDecimals", () => {
    expect(pts(leafPoints(leaf("1.1.1"), 37, 45, d))).toBe("8,22"); // 8,2222…
    expect(pts(leafPoints(leaf("1.1.1"), 1, 8, d))).toBe("1,25");
    expect(pts(leafPoints(leaf("1.1.1"), 1, 16, d))).toBe("0,63"); // 0,625 → half-up
    expect(pts(leafPoints(leaf("1.1.1"), 1, 16, 3))).toBe("0,625");
    expect(pts(leafPoints(leaf("1.1.1"), 1, 16, 0))).toBe("1");
    expect(pts(leafPoints(leaf("1.1.1"), 60, 50, d))).toBe("10"); // capped at 1
    expect(pts(leafPoints(leaf("1.1.1"), 0, 50, d))).toBe("0");
    expect(pts(leafPoints(leaf("1.1.1"), "0,1", "0,3", d))).toBe("3,33");
    const targeted = rulesWith((r) => (r.groups[0].criteria![0].criteria![0].target = "0.8"));
    expect(pts(leafPoints(leaf("1.1.1", targeted), 40, 50, d))).toBe("10"); // 0,8 reaches the target
    expect(pts(leafPoints(leaf("1.1.1", targeted), 30, 50, d))).toBe("7,5");
  });

  it("ratio: b = 0, a negative, text, an error value, a blank", () => {
    expect(pts(leafPoints(leaf("1.1.1"), 5, 0, d))).toBe("inputInvalid");
    expect(leafPoints(leaf("1.1.1"), 5, 0, d)).toMatchObject({ input: 1 });
    expect(pts(leafPoints(leaf("1.1.1"), -5, 10, d))).toBe("inputInvalid");
    expect(pts(leafPoints(leaf("1.1.1"), "năm", 10, d))).toBe("inputInvalid");
    expect(pts(leafPoints(leaf("1.1.1"), 5, "#N/A", d))).toBe("errorValue");
    expect(leafPoints(leaf("1.1.1"), 5, "", d)).toEqual({ ok: false, blank: true, input: 1 });
    expect(leafPoints(leaf("1.1.1"), null, 4, d)).toEqual({ ok: false, blank: true, input: 0 });
  });

  it("tiers: highest first, inclusive, below the last gives 0", () => {
    const t = leaf("1.1.2");
    expect([100, 250, 99.99, 50, 49, 20, 19.5, 0].map((v) => pts(leafPoints(t, v, "", d)))).toEqual(["10", "10", "7", "7", "4", "4", "0", "0"]);
    expect(pts(leafPoints(t, -1, "", d))).toBe("inputInvalid");
    expect(pts(leafPoints(t, "nhiều", "", d))).toBe("inputInvalid");
  });

  it("levels: chosen by label regardless of case, accents and spaces; anything else is notALevel", () => {
    const l = leaf("1.2");
    expect(pts(leafPoints(l, "Đạt đầy đủ", "", d))).toBe("15");
    expect(pts(leafPoints(l, "  dat MOT phan ", "", d))).toBe("7,5");
    expect(pts(leafPoints(l, "Không đạt", "", d))).toBe("0");
    expect(pts(leafPoints(l, "Đạt", "", d))).toBe("notALevel");
    expect(pts(leafPoints(l, 15, "", d))).toBe("notALevel");
    expect(pts(leafPoints(l, "", "", d))).toBe("blank");
  });

  it("yesno: Có gives the maximum, Không 0", () => {
    const y = leaf("1.3");
    expect(["Có", "có", "CO", "Không", "không", "Chưa", 1].map((v) => pts(leafPoints(y, v, "", d)))).toEqual([
      "5",
      "5",
      "5",
      "0",
      "0",
      "notALevel",
      "notALevel",
    ]);
  });

  it("points: 0..max on the step; above the maximum as typed (or capped), negative, off the step", () => {
    const p = leaf("1.4");
    expect(pts(leafPoints(p, 10, "", d))).toBe("10");
    expect(pts(leafPoints(p, "7,75", "", d))).toBe("7,75");
    expect(pts(leafPoints(p, 0, "", d))).toBe("0");
    expect(pts(leafPoints(p, 12, "", d))).toBe("aboveMax (12)");
    expect(pts(leafPoints(p, 12, "", d, true))).toBe("aboveMax (10)");
    expect(pts(leafPoints(p, -1, "", d))).toBe("negative");
    expect(pts(leafPoints(p, "8,3", "", d))).toBe("notAStep (8,3)");
    expect(pts(leafPoints(p, "tám", "", d))).toBe("inputInvalid");
  });

  it("the council's value: points for every method, or a level's label", () => {
    expect(pts(appraisedPoints(leaf("1.2"), "Không đạt"))).toBe("0");
    expect(pts(appraisedPoints(leaf("1.2"), 10))).toBe("10");
    expect(pts(appraisedPoints(leaf("1.2"), "Đạt nhiều"))).toBe("notALevel");
    expect(pts(appraisedPoints(leaf("1.3"), "Không"))).toBe("0");
    expect(pts(appraisedPoints(leaf("1.1.1"), "6,5"))).toBe("6,5");
    expect(pts(appraisedPoints(leaf("1.1.1"), 11))).toBe("aboveMax (11)");
    expect(pts(appraisedPoints(leaf("1.4"), "8,3"))).toBe("notAStep (8,3)");
    expect(pts(appraisedPoints(leaf("1.4"), ""))).toBe("blank");
  });
});

describe("caps and applicable maxima", () => {
  it("a parent sums its children capped at its maximum", () => {
    const r = sumCapped(
      [
        { m: 12, s: 0 },
        { m: 95, s: 1 },
      ],
      { m: 20, s: 0 },
    );
    expect([formatVi(r.points), r.capped, formatVi(r.sum)]).toEqual(["20", true, "21,5"]);
  });

  it("appliesTo: an agency of another block is not scored on the criterion, and its group maximum drops by it", () => {
    const blocks = rulesWith((r) => {
      r.blocks = [
        { id: "so-nganh", name: "Khối sở, ban, ngành", match: ["sở"] },
        { id: "huyen", name: "Khối huyện", match: ["huyện"] },
      ];
      r.groups[0].criteria![2].appliesTo = ["so-nganh"];
    });
    const c = blocks.groups[0].criteria;
    const applies = (block: string | null) => (l: CriterionModel) => leafApplies(l, block, new Set());
    expect(formatVi(groupApplicableMax(blocks.groups[0].max, c, applies("so-nganh")))).toBe("50");
    expect(formatVi(groupApplicableMax(blocks.groups[0].max, c, applies("huyen")))).toBe("45");
    expect(leafApplies(leaf("1.3", blocks), null, new Set())).toBe(false);
  });

  it("exemptions[].criteria: a leaf, or a parent with its children", () => {
    const c = rules.groups[0].criteria;
    const max = (ids: string[]) => formatVi(groupApplicableMax(rules.groups[0].max, c, (l) => leafApplies(l, null, new Set(ids))));
    expect(max([])).toBe("50");
    expect(max(["1.2"])).toBe("35");
    expect(max(["1.1"])).toBe("30");
    expect(max(["1.1.2", "1.3"])).toBe("35");
    expect(formatVi(applicableMax(c[0], (l) => l.id !== "1.1.1"))).toBe("10");
  });

  it("children above their parent: the parent's maximum stays the cap", () => {
    const generous = rulesWith((r) => (r.groups[0].criteria![0].criteria![0].max = 15));
    const c = generous.groups[0].criteria;
    expect(formatVi(applicableMax(c[0], () => true))).toBe("20");
    expect(formatVi(applicableMax(c[0], (l) => l.id !== "1.1.2"))).toBe("15");
  });

  it("a group without criteria is unchanged: no leaves, the preset as before", () => {
    const plain = validateRules(clonePreset());
    expect(plain.ok && plain.rules.leaves).toEqual([]);
    expect(plain.ok && plain.rules.groups.every((g) => g.criteria.length === 0)).toBe(true);
  });
});

describe("scoring the grid with criteria not applicable to an agency", () => {
  const withRules = rulesWith((r) => {
    r.blocks = [
      { id: "so-nganh", name: "Khối sở, ban, ngành", match: ["sở"] },
      { id: "huyen", name: "Khối huyện", match: ["huyện"] },
    ];
    r.groups[0].criteria![2].appliesTo = ["so-nganh"]; // 1.3, 5 points
    r.exemptions.push({ keywords: ["Không ATTT"], groups: [], criteria: ["1.2"], reason: "không đánh giá an toàn thông tin" }); // 15 points
  });

  it("lowers the agency's group maximum and total maximum; a score above the lowered maximum is reported", () => {
    const values = [
      ["STT", "Tên cơ quan", ...GROUP_HEADERS, "Ghi chú", "Khối"],
      [1, "Sở Y tế", 40, 80, 80, 80, 80, 40, "", "Sở"],
      [2, "UBND huyện Vũ Thư", 40, 80, 80, 80, 80, 40, "", "Huyện"],
      [3, "UBND huyện Hưng Hà", 36, 80, 80, 80, 80, 40, "Không ATTT", "Huyện"],
    ];
    const result = scoreSheet(values, withRules);
    if (!result.ok) throw new Error("no grid");
    expect(result.rows.map((r) => [r.name, r.block, formatVi(r.maxPoints!)])).toEqual([
      ["Sở Y tế", "so-nganh", "498"],
      ["UBND huyện Vũ Thư", "huyen", "493"],
      ["UBND huyện Hưng Hà", "huyen", "478"],
    ]);
    expect(result.findings.map((f) => [f.code, f.cell, f.detail])).toEqual([["aboveMax", "C4", "30"]]);
  });

  it("a group whose every criterion is exempt is an exempt group", () => {
    const allExempt = rulesWith((r) => r.exemptions.push({ keywords: ["Không hạ tầng"], groups: [], criteria: ["1.1", "1.2", "1.3", "1.4"], reason: "r" }));
    const result = scoreSheet(simpleSheet([{ name: "Sở A", scores: [0, 80, 80, 80, 80, 40], notes: "Không hạ tầng" }]), allExempt);
    if (!result.ok) throw new Error("no grid");
    expect(result.rows[0].exemptGroups).toEqual([0]);
    expect(formatVi(result.rows[0].maxPoints!)).toBe("448");
  });
});
