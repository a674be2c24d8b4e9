import { formatVi } from "../../src/core/decimal";
import { loadRules, PRESET_THAI_BINH_2020, presetRules, RuleProblem, RulesJson, validateRules } from "../../src/core/rules";
import { clonePreset } from "./helpers";

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
    expect(rules.exemptions).toEqual([{ keyword: "Không TTHC", groupIndexes: [3], reason: "không có thủ tục hành chính" }]);
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
  it.each<[string, (r: Json) => void, string, RegExp]>([
    ["not an object", () => undefined, "", /./],
    ["schemaVersion", (r) => ((r as Record<string, unknown>).schemaVersion = 2), "schemaVersion", /schemaVersion phải là 1/],
    ["missing rules name", (r) => delete (r as Partial<Json>).name, "name", /Tên bộ quy tắc không được để trống/],
    ["blank rules name", (r) => (r.name = "   "), "name", /Tên bộ quy tắc/],
    [
      "no groups",
      (r) => {
        r.groups = [];
        r.exemptions = [];
      },
      "groups",
       /ít nhất một nhóm/],
    ["group not an object", (r) => ((r.groups as unknown[])[1] = "Ứng dụng"), "groups[1]", /Nhóm thứ 2 không hợp lệ/],
    ["missing group name", (r) => delete (r.groups[1] as Partial<Json["groups"][number]>).name, "groups[1].name", /Tên nhóm thứ 2 không được để trống/],
    ["bad id (capitals, spaces)", (r) => (r.groups[0].id = "Ha Tang"), "groups[0].id", /Mã của nhóm "Hạ tầng kỹ thuật" chỉ gồm chữ thường không dấu/],
    ["bad id (accents)", (r) => (r.groups[0].id = "hạ-tầng"), "groups[0].id", /chỉ gồm chữ thường không dấu/],
    ["duplicate id", (r) => (r.groups[4].id = "dvctt"), "groups[4].id", /Mã nhóm "dvctt" bị trùng/],
    ["maxPoints 0", (r) => (r.groups[0].maxPoints = 0), "groups[0].maxPoints", /Điểm tối đa của nhóm "Hạ tầng kỹ thuật" phải là số lớn hơn 0/],
    ["maxPoints negative", (r) => (r.groups[0].maxPoints = -50), "groups[0].maxPoints", /lớn hơn 0/],
    ["maxPoints text", (r) => (r.groups[0].maxPoints = "năm mươi"), "groups[0].maxPoints", /lớn hơn 0/],
    ["maxPoints missing", (r) => delete (r.groups[0] as Partial<Json["groups"][number]>).maxPoints, "groups[0].maxPoints", /lớn hơn 0/],
    ["maxPoints absurd exponent", (r) => (r.groups[0].maxPoints = "1e999999999"), "groups[0].maxPoints", /lớn hơn 0/],
    ["aliases not a list", (r) => ((r.groups[0] as unknown as Record<string, unknown>).aliases = "Hạ tầng"), "groups[0].aliases", /danh sách chữ/],
    ["blank alias", (r) => r.groups[0].aliases.push(" "), "groups[0].aliases", /không có mục trống/],
    ["notEvaluated not a list", (r) => ((r.groups[2] as unknown as Record<string, unknown>).notEvaluated = 2), "groups[2].notEvaluated", /phải là danh sách/],
    ["notEvaluated item blank", (r) => (r.groups[2].notEvaluated[0].item = ""), "groups[2].notEvaluated[0].item", /không được để trống/],
    ["notEvaluated points 0", (r) => (r.groups[2].notEvaluated[0].points = 0), "groups[2].notEvaluated[0].points", /lớn hơn 0/],
    ["notEvaluated points = max", (r) => (r.groups[2].notEvaluated[0].points = 100), "groups[2].notEvaluated", /phải nhỏ hơn điểm tối đa của nhóm/],
    ["notEvaluated points > max", (r) => r.groups[0].notEvaluated.push({ item: "a", points: 30 }, { item: "b", points: 30 }), "groups[0].notEvaluated", /phải nhỏ hơn/],
    ["alias shared between two groups", (r) => r.groups[5].aliases.push("Hạ tầng CNTT"), "groups[5].aliases", /Tên "Hạ tầng CNTT" đã dùng cho một nhóm khác/],
    ["alias equal to another group's name, other case/accents", (r) => r.groups[1].aliases.push("HA TANG KY THUAT"), "groups[1].aliases", /đã dùng cho một nhóm khác/],
    ["exemptions not a list", (r) => ((r as Record<string, unknown>).exemptions = {}), "exemptions", /phải là một danh sách/],
    ["exemption naming an unknown group", (r) => (r.exemptions[0].groups = ["dich-vu-cong"]), "exemptions[0].groups[0]", /Nhóm "dich-vu-cong" trong trường hợp miễn chấm thứ 1 không có trong danh sách nhóm/],
    ["exemption with no group", (r) => (r.exemptions[0].groups = []), "exemptions[0].groups", /ít nhất một nhóm/],
    ["exemption keyword blank", (r) => (r.exemptions[0].keyword = ""), "exemptions[0].keyword", /Từ khóa ghi chú/],
    ["exemption reason missing", (r) => delete (r.exemptions[0] as Partial<Json["exemptions"][number]>).reason, "exemptions[0].reason", /Lý do miễn chấm/],
    ["index missing", (r) => delete (r as Partial<Json>).index, "index", /Thiếu cách tính chỉ số/],
    ["index decimals 1.5", (r) => (r.index.decimals = 1.5), "index.decimals", /số nguyên từ 0 đến 10/],
    ["index decimals 11", (r) => (r.index.decimals = 11), "index.decimals", /số nguyên từ 0 đến 10/],
    ["bad rounding", (r) => ((r.index as Record<string, unknown>).rounding = "up"), "index.rounding", /Cách làm tròn chỉ số/],
    ["no classes", (r) => (r.classes = []), "classes", /ít nhất một mức phân loại/],
    ["band name blank", (r) => (r.classes[1].name = ""), "classes[1].name", /Tên mức phân loại thứ 2/],
    ["band above 1", (r) => (r.classes[0].minIndex = 85), "classes[0].minIndex", /phải là số từ 0 đến 1/],
    ["band not a number", (r) => (r.classes[0].minIndex = "cao"), "classes[0].minIndex", /phải là số từ 0 đến 1/],
    [
      "bands not descending",
      (r) => {
        r.classes[0].minIndex = "0.70";
        r.classes[1].minIndex = "0.85";
      },
      "classes[1].minIndex",
      /phải nhỏ hơn ngưỡng của mức đứng trước/,
    ],
    ["bands equal", (r) => (r.classes[1].minIndex = "0.850"), "classes[1].minIndex", /phải nhỏ hơn ngưỡng/],
    ["last band not 0", (r) => (r.classes[2].minIndex = "0.5"), "classes[2].minIndex", /Mức phân loại cuối cùng phải có ngưỡng 0/],
    ["bad classifyOn", (r) => ((r as Record<string, unknown>).classifyOn = "rounded"), "classifyOn", /classifyOn phải là "roundedIndex"/],
    ["bad rankBy", (r) => ((r as Record<string, unknown>).rankBy = "score"), "rankBy", /Căn cứ xếp hạng/],
    ["bad overMax", (r) => ((r as Record<string, unknown>).overMax = "clip"), "overMax", /Cách xử lý điểm vượt tối đa/],
  ])("%s", (_label, mutate, path, message) => {
    if (path === "") {
      for (const input of [null, 42, "rules", [PRESET_THAI_BINH_2020]]) {
        const r = validateRules(input);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.problems).toEqual([{ path: "", message: "Quy tắc phải là một đối tượng JSON." }]);
      }
      return;
    }
    const problems = problemsAfter(mutate);
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe(path);
    expect(problems[0].message).toMatch(message);
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
      ["name", "groups[0].id", "groups[1].maxPoints", "exemptions[0].groups[0]", "classes[2].minIndex", "rankBy", "overMax", "classifyOn", "index.rounding"].sort(),
    );
    // The messages are all different (one message per field, nothing merged).
    expect(new Set(problems.map((p) => p.message)).size).toBe(problems.length);
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
