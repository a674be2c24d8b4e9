import { formatVi } from "../../../src/core/base/decimal";
import { RULE_MESSAGES, RuleProblemCode, ruleProblemLines, ruleProblemMessage } from "../../../src/core/rules/ruleMessages";
import { CriterionJson, loadRules, PRESET_THAI_BINH_2020, presetRules, RuleProblem, RulesJson, validateRules } from "../../../src/core/rules/rules";
import { clonePreset, docCriteria } from "../helpers";

type Json = Record<string, unknown> & RulesJson;

/** The problems of the preset after `mutate`; fails if the rules are still accepted. */
function problemsAfter(mutate: (r: Json) => void): RuleProblem[] {
  const json = clonePreset() as Json;
  mutate(json);
  const result = validateRules(json);
  if (result.ok) throw new Error("accepted");
  return result.problems;
}

const paths = (problems: RuleProblem[]): string[] => problems.map((p) => p.path);

describe("the Thái Bình 2020 preset", () => {
  it("is valid and works out the published maxima (498; 98 for the portal)", () => {
    const result = validateRules(PRESET_THAI_BINH_2020);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const rules = result.rules;
    expect(formatVi(rules.generalMax)).toBe("498");
    expect(rules.groups.map((g) => formatVi(g.max))).toEqual(["50", "100", "98", "100", "100", "50"]);
    expect(rules.groups[2].notEvaluated.map((n) => [n.item, formatVi(n.points)])).toEqual([["điều kiện địa lý", "2"]]);
    expect(rules.exemptions).toEqual([
      {
        keyword: "Không TTHC",
        keywords: ["Không TTHC", "Không có TTHC", "Không có thủ tục hành chính"],
        groupIndexes: [3],
        reason: "không có thủ tục hành chính",
      },
    ]);
    expect(rules.classes.map((c) => [c.name, formatVi(c.min)])).toEqual([
      ["Tốt", "0,85"],
      ["Khá", "0,7"],
      ["Trung bình", "0"],
    ]);
    expect(rules.json).toEqual(PRESET_THAI_BINH_2020);
    expect(rules.json).not.toBe(PRESET_THAI_BINH_2020);
  });

  it("survives a JSON round trip (export, import)", () => {
    expect(validateRules(JSON.parse(JSON.stringify(PRESET_THAI_BINH_2020))).ok).toBe(true);
    expect(() => presetRules()).not.toThrow();
  });

  it("accepts decimal strings with a comma and JSON numbers for points and cut-offs", () => {
    const json = clonePreset();
    json.groups[0].maxPoints = "50";
    json.groups[2].notEvaluated[0].points = "2,0";
    json.classes[0].minIndex = 0.85;
    json.classes[1].minIndex = "0,70";
    const result = validateRules(json);
    expect(result.ok).toBe(true);
    if (result.ok) expect(formatVi(result.rules.generalMax)).toBe("498");
  });
});

describe("validateRules: each wrong field has its own message and path", () => {
  type Case = [string, (r: Json) => void, string, RuleProblemCode];
  const withCriteria =
    (mutate: (c: CriterionJson[]) => void) =>
    (r: Json): void => {
      r.groups[0].criteria = docCriteria();
      mutate(r.groups[0].criteria);
    };
  const cases: Case[] = [
    ["schemaVersion 3", (r) => ((r as Record<string, unknown>).schemaVersion = 3), "schemaVersion", "badVersion"],
    ["missing rules name", (r) => delete (r as Partial<Json>).name, "name", "missing"],
    ["blank rules name", (r) => (r.name = "   "), "name", "blank"],
    ["rules name a number", (r) => ((r as Record<string, unknown>).name = 2020), "name", "notText"],
    ["no groups", (r) => ((r.groups = []), (r.exemptions = [])), "groups", "tooFew"],
    ["group not an object", (r) => ((r.groups as unknown[])[1] = "Ứng dụng"), "groups[1]", "notObject"],
    ["missing group name", (r) => delete (r.groups[1] as Partial<Json["groups"][number]>).name, "groups[1].name", "missing"],
    ["bad id (capitals, spaces)", (r) => (r.groups[0].id = "Ha Tang"), "groups[0].id", "badId"],
    ["bad id (accents)", (r) => (r.groups[0].id = "hạ-tầng"), "groups[0].id", "badId"],
    ["duplicate id", (r) => (r.groups[4].id = "dvctt"), "groups[4].id", "duplicateId"],
    ["maxPoints 0", (r) => (r.groups[0].maxPoints = 0), "groups[0].maxPoints", "notPositive"],
    ["maxPoints negative", (r) => (r.groups[0].maxPoints = -50), "groups[0].maxPoints", "notPositive"],
    ["maxPoints text", (r) => (r.groups[0].maxPoints = "năm mươi"), "groups[0].maxPoints", "notPositive"],
    ["maxPoints missing", (r) => delete (r.groups[0] as Partial<Json["groups"][number]>).maxPoints, "groups[0].maxPoints", "missing"],
    ["maxPoints absurd exponent", (r) => (r.groups[0].maxPoints = "1e999999999"), "groups[0].maxPoints", "notPositive"],
    ["aliases not a list", (r) => ((r.groups[0] as unknown as Record<string, unknown>).aliases = "Hạ tầng"), "groups[0].aliases", "notList"],
    ["blank alias", (r) => r.groups[0].aliases.push(" "), "groups[0].aliases[3]", "blank"],
    ["misspelt field", (r) => ((r.groups[0] as unknown as Record<string, unknown>).alias = ["Hạ tầng"]), "groups[0].alias", "unknownFieldNear"],
    ["unknown field, nothing near", (r) => ((r as Record<string, unknown>).mauSac = "đỏ"), "mauSac", "unknownField"],
    ["notEvaluated not a list", (r) => ((r.groups[2] as unknown as Record<string, unknown>).notEvaluated = 2), "groups[2].notEvaluated", "notList"],
    ["notEvaluated item blank", (r) => (r.groups[2].notEvaluated[0].item = ""), "groups[2].notEvaluated[0].item", "blank"],
    ["notEvaluated points 0", (r) => (r.groups[2].notEvaluated[0].points = 0), "groups[2].notEvaluated[0].points", "notPositive"],
    ["notEvaluated points = max", (r) => (r.groups[2].notEvaluated[0].points = 100), "groups[2].notEvaluated", "notEvaluatedTooLarge"],
    [
      "notEvaluated points > max",
      (r) => r.groups[0].notEvaluated.push({ item: "a", points: 30 }, { item: "b", points: 30 }),
      "groups[0].notEvaluated",
      "notEvaluatedTooLarge",
    ],
    ["alias shared between two groups", (r) => r.groups[5].aliases.push("Hạ tầng CNTT"), "groups[5].aliases", "headerShared"],
    ["alias equal to another group's name, other case/accents", (r) => r.groups[1].aliases.push("HA TANG KY THUAT"), "groups[1].aliases", "headerShared"],
    ["weight 0", (r) => r.groups.forEach((g, i) => (g.weight = i === 0 ? 0 : "0.2")), "groups[0].weight", "notWeight"],
    ["weight on some groups only", (r) => (r.groups[0].weight = "0.5"), "groups", "weightsAllOrNone"],
    ["weights summing to 1.2", (r) => r.groups.forEach((g) => (g.weight = "0.2")), "groups", "weightsSum"],
    [
      "weight on a group not counted",
      (r) => (r.groups.forEach((g, i) => (g.weight = i === 0 ? "0.2" : i === 1 ? "0.1" : "0.2")), (r.groups[1].counted = false)),
      "groups[1].weight",
      "weightUncounted",
    ],
    ["counted not a boolean", (r) => ((r.groups[0] as unknown as Record<string, unknown>).counted = "không"), "groups[0].counted", "notBoolean"],
    ["no group counted", (r) => r.groups.forEach((g) => (g.counted = false)), "groups", "noCountedGroup"],
    ["exemptions not a list", (r) => ((r as Record<string, unknown>).exemptions = {}), "exemptions", "notList"],
    ["exemption naming an unknown group", (r) => (r.exemptions[0].groups = ["dich-vu-cong"]), "exemptions[0].groups[0]", "unknownGroup"],
    ["exemption with no group and no criterion", (r) => (r.exemptions[0].groups = []), "exemptions[0].groups", "exemptsNothing"],
    ["exemption keyword blank", (r) => (r.exemptions[0].keywords = [""]), "exemptions[0].keywords[0]", "blank"],
    ["exemption without keyword or keywords", (r) => delete r.exemptions[0].keywords, "exemptions[0].keyword", "missingOneOf"],
    ["exemption reason missing", (r) => delete (r.exemptions[0] as Partial<Json["exemptions"][number]>).reason, "exemptions[0].reason", "missing"],
    ["index missing", (r) => delete (r as Partial<Json>).index, "index", "missing"],
    ["index decimals 1.5", (r) => (r.index.decimals = 1.5), "index.decimals", "notInteger"],
    ["index decimals 11", (r) => (r.index.decimals = 11), "index.decimals", "notInteger"],
    ["bad rounding", (r) => ((r.index as Record<string, unknown>).rounding = "up"), "index.rounding", "notAllowed"],
    ["bad display", (r) => ((r.index as Record<string, unknown>).display = "phần trăm"), "index.display", "notAllowed"],
    ["classes not a list", (r) => ((r as Record<string, unknown>).classes = "Tốt"), "classes", "notList"],
    ["band name blank", (r) => (r.classes[1].name = ""), "classes[1].name", "blank"],
    ["band name like a formula", (r) => (r.classes[1].name = "+Khá"), "classes[1].name", "formulaStart"],
    ["band above 1", (r) => (r.classes[0].minIndex = 85), "classes[0].minIndex", "notUnit"],
    ["band not a number", (r) => (r.classes[0].minIndex = "cao"), "classes[0].minIndex", "notUnit"],
    ["bands not descending", (r) => ((r.classes[0].minIndex = "0.70"), (r.classes[1].minIndex = "0.85")), "classes[1].minIndex", "classesNotDescending"],
    ["bands equal", (r) => (r.classes[1].minIndex = "0.850"), "classes[1].minIndex", "classesNotDescending"],
    ["last band not 0", (r) => (r.classes[2].minIndex = "0.5"), "classes[2].minIndex", "lastClassNotZero"],
    ["bad classifyOn", (r) => ((r as Record<string, unknown>).classifyOn = "rounded"), "classifyOn", "notAllowed"],
    ["bad rankBy", (r) => ((r as Record<string, unknown>).rankBy = "score"), "rankBy", "notAllowed"],
    ["bad overMax", (r) => ((r as Record<string, unknown>).overMax = "clip"), "overMax", "notAllowed"],
    [
      "version 2 field in a version 1 file",
      (r) => (((r as Record<string, unknown>).schemaVersion = 1), (r.exemptions = []), (r.nameHeaders = ["Tỉnh"])),
      "nameHeaders",
      "needsVersion2",
    ],
    ["blocks not a list", (r) => ((r as Record<string, unknown>).blocks = {}), "blocks", "notList"],
    ["block without match", (r) => (r.blocks = [{ id: "a", name: "A", match: [] }]), "blocks[0].match", "tooFew"],
    [
      "block match shared",
      (r) =>
        (r.blocks = [
          { id: "a", name: "A", match: ["sở"] },
          { id: "b", name: "B", match: ["SỞ"] },
        ]),
      "blocks[1].match",
      "blockMatchShared",
    ],
    [
      "block id repeated",
      (r) =>
        (r.blocks = [
          { id: "a", name: "A", match: ["sở"] },
          { id: "a", name: "B", match: ["huyện"] },
        ]),
      "blocks[1].id",
      "duplicateId",
    ],
    [
      "block maximum for an unknown group",
      (r) => (r.blocks = [{ id: "a", name: "A", match: ["sở"], maxPoints: { "dich-vu": 50 } }]),
      "blocks[0].maxPoints.dich-vu",
      "unknownGroup",
    ],
    [
      "block maximum not above the items not evaluated",
      (r) => (r.blocks = [{ id: "a", name: "A", match: ["sở"], maxPoints: { "cong-ttdt": 2 } }]),
      "blocks[0].maxPoints.cong-ttdt",
      "blockMaxTooSmall",
    ],
    ["block maximum 0", (r) => (r.blocks = [{ id: "a", name: "A", match: ["sở"], maxPoints: { dvctt: 0 } }]), "blocks[0].maxPoints.dvctt", "notPositive"],
    [
      "block classes not ending at 0",
      (r) => (r.blocks = [{ id: "a", name: "A", match: ["sở"], classes: [{ name: "Đạt", minIndex: "0.5" }] }]),
      "blocks[0].classes[0].minIndex",
      "lastClassNotZero",
    ],
    // Criteria sets (group 0, Hạ tầng kỹ thuật, 50 points; withCriteria gives it a valid set first).
    ["criterion code with spaces", withCriteria((c) => (c[0].id = "1 1")), "groups[0].criteria[0].id", "badCode"],
    ["criterion code repeated", withCriteria((c) => (c[1].id = "1.1")), "groups[0].criteria[1].id", "duplicateId"],
    ["criterion code repeated in a sub-criterion", withCriteria((c) => (c[0].criteria![1].id = "1.2")), "groups[0].criteria[1].id", "duplicateId"],
    ["criteria below the group's maximum", withCriteria((c) => (c[3].max = 4)), "groups[0].criteria", "childrenBelowMax"],
    ["sub-criteria below their parent", withCriteria((c) => (c[0].criteria![0].max = 5)), "groups[0].criteria[0].criteria", "childrenBelowMax"],
    ["a leaf without a method", withCriteria((c) => delete c[1].method), "groups[0].criteria[1].method", "leafNeedsMethod"],
    ["a method on a parent", withCriteria((c) => (c[0].method = "points")), "groups[0].criteria[0].method", "leafOnly"],
    ["levels on a points leaf", withCriteria((c) => (c[3].levels = [{ label: "Có", points: 1 }])), "groups[0].criteria[3].levels", "notForMethod"],
    ["levels method without levels", withCriteria((c) => delete c[1].levels), "groups[0].criteria[1].levels", "methodNeeds"],
    ["ratio with one input", withCriteria((c) => (c[0].criteria![0].inputs = ["Số máy tính"])), "groups[0].criteria[0].criteria[0].inputs", "inputsCount"],
    ["a level above the maximum", withCriteria((c) => (c[1].levels![0].points = 16)), "groups[0].criteria[1].levels[0].points", "pointsAboveMax"],
    ["a level with a negative value", withCriteria((c) => (c[1].levels![2].points = -1)), "groups[0].criteria[1].levels[2].points", "notNonNegative"],
    ["level labels repeated", withCriteria((c) => (c[1].levels![1].label = "ĐẠT ĐẦY ĐỦ")), "groups[0].criteria[1].levels[1].label", "levelShared"],
    [
      "tiers not descending",
      withCriteria((c) => (c[0].criteria![1].tiers![1].atLeast = 100)),
      "groups[0].criteria[0].criteria[1].tiers[1].atLeast",
      "tiersNotDescending",
    ],
    ["appliesTo an unknown block", withCriteria((c) => (c[2].appliesTo = ["so-nganh"])), "groups[0].criteria[2].appliesTo[0]", "unknownBlock"],
    [
      "exemption naming an unknown criterion",
      (r) => (withCriteria(() => undefined)(r), (r.exemptions[0].criteria = ["9.9"])),
      "exemptions[0].criteria[0]",
      "unknownCriterion",
    ],
    [
      "a fourth level",
      withCriteria((c) => ((c[0].criteria![0] as unknown as Record<string, unknown>).criteria = [])),
      "groups[0].criteria[0].criteria[0].criteria",
      "tooDeep",
    ],
    [
      "lineage: one agency in two entries",
      (r) =>
        (r.lineage = [
          { name: "Sở Tài chính", from: ["Sở Kế hoạch và Đầu tư"] },
          { name: "SỞ TÀI CHÍNH", from: ["Sở Tài chính"] },
        ]),
      "lineage[1].name",
      "lineageDuplicate",
    ],
    ["lineage: a predecessor twice", (r) => (r.lineage = [{ name: "Sở Nội vụ", from: ["Sở Nội vụ", "Sở  nội vụ"] }]), "lineage[0].from[1]", "lineageRepeated"],
  ];

  it.each(cases)("%s", (_label, mutate, path, code) => {
    const problems = problemsAfter(mutate);
    expect(problems.map((p) => [p.path, p.code])).toEqual([[path, code]]);
    const [p] = problems;
    expect(p.message).toBe(ruleProblemMessage(p, "vi"));
    const en = ruleProblemMessage(p, "en");
    expect(en).not.toBe(p.message);
    for (const text of [p.message, en]) expect(text).not.toMatch(/undefined|NaN|\[object/);
  });

  it("every message code is produced by a case above, and has both languages", () => {
    const produced = new Set(cases.map((c) => c[3]));
    produced.add("notObject");
    expect([...produced].sort()).toEqual((Object.keys(RULE_MESSAGES) as RuleProblemCode[]).sort());
  });

  it("the issue's example: a misspelt field names the path and the field meant", () => {
    const problems = problemsAfter((r) => {
      const g = r.groups[0] as unknown as Record<string, unknown>;
      g.alias = g.aliases;
      delete g.aliases;
    });
    expect(ruleProblemLines(problems, "vi")).toEqual(["groups[0].alias: trường không có trong định dạng — có phải “aliases”?"]);
    expect(ruleProblemLines(problems, "en")).toEqual(["groups[0].alias: not a field of the format — did you mean “aliases”?"]);
  });

  it("messages name the field in the pane's language", () => {
    const [p] = problemsAfter((r) => (r.groups[0].maxPoints = 0));
    expect(p.message).toBe("Điểm tối đa phải là số lớn hơn 0 (số, hoặc chữ số thập phân như “2,5”).");
    expect(ruleProblemMessage(p, "en")).toBe("Maximum points must be a number greater than 0 (a number, or a decimal such as “2.5”).");
    const [w] = problemsAfter((r) => r.groups.forEach((g) => (g.weight = "0.2")));
    expect(w.message).toBe("Tổng các trọng số phải đúng bằng 1 (đang là 1,2).");
    const [m] = problemsAfter((r) => delete (r as Partial<Json>).name);
    expect(m.message).toBe("Thiếu tên bộ quy tắc.");
    expect(ruleProblemMessage(m, "en")).toBe("Rule set name is missing.");
  });

  it("reports every wrong field at once, each under its own path", () => {
    const problems = problemsAfter((r) => {
      r.name = "";
      r.groups[0].id = "Bad Id";
      r.groups[1].maxPoints = "x";
      r.exemptions[0].groups = ["nope"];
      r.classes[2].minIndex = "0.1";
      (r as Record<string, unknown>).rankBy = "x";
      (r as Record<string, unknown>).overMax = "x";
      (r as Record<string, unknown>).classifyOn = "x";
      (r.index as Record<string, unknown>).rounding = "x";
    });
    expect(paths(problems).sort()).toEqual(
      [
        "name",
        "groups[0].id",
        "groups[1].maxPoints",
        "exemptions[0].groups[0]",
        "classes[2].minIndex",
        "rankBy",
        "overMax",
        "classifyOn",
        "index.rounding",
      ].sort(),
    );
    // The messages are all different (one message per field, nothing merged).
    expect(new Set(problems.map((p) => p.message)).size).toBe(problems.length);
  });

  it("not an object at all", () => {
    for (const input of [null, 42, "rules", [PRESET_THAI_BINH_2020]]) {
      const r = validateRules(input);
      expect(!r.ok && r.problems.map((p) => [p.path, p.code])).toEqual([["", "notObject"]]);
    }
  });

  it("never throws, whatever the JSON holds", () => {
    const odd: unknown[] = [
      {},
      { groups: [null, 1, [], {}] },
      { groups: [{ id: 1, name: 2, aliases: [3], maxPoints: {}, notEvaluated: [null, { points: "x" }] }] },
      { exemptions: [null, { groups: [null, 1] }], classes: [null, { minIndex: null }], index: [] },
      { ...clonePreset(), classes: [{ name: "A", minIndex: "1e999999999" }] },
    ];
    for (const input of odd) {
      expect(() => validateRules(input)).not.toThrow();
      expect(validateRules(input).ok).toBe(false);
    }
  });

  it("loadRules throws with every problem listed", () => {
    const json = clonePreset();
    json.rankBy = "x" as never;
    json.overMax = "y" as never;
    expect(() => loadRules(json)).toThrow(/rankBy: .*\n.*overMax: /s);
  });

  it("optional fields: aliases and notEvaluated may be left out", () => {
    const json = clonePreset() as unknown as { groups: Record<string, unknown>[] };
    delete json.groups[0].aliases;
    delete json.groups[0].notEvaluated;
    expect(validateRules(json).ok).toBe(true);
  });
});
