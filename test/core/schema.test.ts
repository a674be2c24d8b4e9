import Ajv2020 from "ajv/dist/2020";
import * as fs from "fs";
import * as path from "path";
import { PRESET_THAI_BINH_2020, RulesJson, validateRules } from "../../src/core/rules";
import { clonePreset } from "./helpers";

const SCHEMA_PATH = path.resolve(__dirname, "../../schemas/rules.schema.json");
const schema = JSON.parse(fs.readFileSync(SCHEMA_PATH, "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

type Json = Record<string, unknown> & RulesJson;
const broken = (mutate: (r: Json) => void): unknown => {
  const json = clonePreset() as Json;
  mutate(json);
  return json;
};

describe("schemas/rules.schema.json", () => {
  it("is a valid draft 2020-12 schema with Vietnamese and English descriptions", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(ajv.validateSchema(schema)).toBe(true);
    const descriptions: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        for (const [k, v] of Object.entries(node)) {
          if (k === "description" && typeof v === "string") descriptions.push(v);
          else walk(v);
        }
      }
    };
    walk(schema);
    expect(descriptions.length).toBeGreaterThan(20);
    for (const d of descriptions) expect(d).toContain(" / "); // "tiếng Việt / English"
  });

  it("describes every field of RulesJson that the preset uses", () => {
    const props = schema.properties as Record<string, unknown>;
    for (const key of Object.keys(PRESET_THAI_BINH_2020)) expect(props).toHaveProperty(key);
    const groupProps = schema.$defs.group.properties as Record<string, unknown>;
    for (const g of PRESET_THAI_BINH_2020.groups) for (const key of Object.keys(g)) expect(groupProps).toHaveProperty(key);
  });

  it("accepts the preset, and the preset as exported JSON", () => {
    expect(validate(PRESET_THAI_BINH_2020)).toBe(true);
    expect(validate.errors ?? null).toBeNull();
    expect(validate(JSON.parse(JSON.stringify(PRESET_THAI_BINH_2020)))).toBe(true);
  });

  it("accepts what validateRules accepts in the usual forms (decimal strings with a comma, four classes, no exemptions)", () => {
    const json = broken((r) => {
      r.groups[0].maxPoints = "50";
      r.groups[2].notEvaluated[0].points = "2,5";
      r.exemptions = [];
      r.classes = [
        { name: "Tốt", minIndex: "0,85" },
        { name: "Khá", minIndex: 0.7 },
        { name: "Trung bình", minIndex: ".5" },
        { name: "Yếu", minIndex: "0" },
      ];
      r.rankBy = "total";
      r.overMax = "cap";
      r.classifyOn = "exactIndex";
      r.index = { decimals: 2, rounding: "halfEven" };
    });
    expect(validateRules(json).ok).toBe(true);
    expect(validate(json)).toBe(true);
  });

  const cases: [string, (r: Json) => void, string][] = [
    ["schemaVersion 2", (r) => ((r as Record<string, unknown>).schemaVersion = 2), "/schemaVersion"],
    ["name missing", (r) => delete (r as Partial<Json>).name, ""],
    ["name blank", (r) => (r.name = "  "), "/name"],
    ["no groups", (r) => ((r.groups = []), (r.exemptions = [])), "/groups"],
    ["group id with capitals", (r) => (r.groups[0].id = "HaTang"), "/groups/0/id"],
    ["group name missing", (r) => delete (r.groups[1] as Partial<Json["groups"][number]>).name, "/groups/1"],
    ["maxPoints 0", (r) => (r.groups[0].maxPoints = 0), "/groups/0/maxPoints"],
    ["maxPoints negative", (r) => (r.groups[0].maxPoints = -5), "/groups/0/maxPoints"],
    ["maxPoints text", (r) => (r.groups[0].maxPoints = "năm mươi"), "/groups/0/maxPoints"],
    ["maxPoints \"0\"", (r) => (r.groups[0].maxPoints = "0,0"), "/groups/0/maxPoints"],
    ["blank alias", (r) => r.groups[0].aliases.push(""), "/groups/0/aliases/3"],
    ["notEvaluated points 0", (r) => (r.groups[2].notEvaluated[0].points = 0), "/groups/2/notEvaluated/0/points"],
    ["notEvaluated item blank", (r) => (r.groups[2].notEvaluated[0].item = ""), "/groups/2/notEvaluated/0/item"],
    ["exemptions missing", (r) => delete (r as Partial<Json>).exemptions, ""],
    ["exemption without groups", (r) => (r.exemptions[0].groups = []), "/exemptions/0/groups"],
    ["exemption keyword blank", (r) => (r.exemptions[0].keyword = ""), "/exemptions/0/keyword"],
    ["index decimals 11", (r) => (r.index.decimals = 11), "/index/decimals"],
    ["index decimals 2.5", (r) => (r.index.decimals = 2.5), "/index/decimals"],
    ["rounding up", (r) => ((r.index as Record<string, unknown>).rounding = "up"), "/index/rounding"],
    ["no classes", (r) => (r.classes = []), "/classes"],
    ["minIndex 85", (r) => (r.classes[0].minIndex = 85), "/classes/0/minIndex"],
    ["minIndex \"1,5\"", (r) => (r.classes[0].minIndex = "1,5"), "/classes/0/minIndex"],
    ["minIndex text", (r) => (r.classes[0].minIndex = "cao"), "/classes/0/minIndex"],
    ["classifyOn", (r) => ((r as Record<string, unknown>).classifyOn = "rounded"), "/classifyOn"],
    ["rankBy", (r) => ((r as Record<string, unknown>).rankBy = "score"), "/rankBy"],
    ["overMax", (r) => ((r as Record<string, unknown>).overMax = "clip"), "/overMax"],
  ];

  it.each(cases)("a broken rules file (%s) is rejected by the schema and by validateRules", (_label, mutate, instancePath) => {
    const json = broken(mutate);
    expect(validate(json)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toContain(instancePath);
    const result = validateRules(json);
    expect(result.ok).toBe(false);
  });

  it("cross-field rules are validateRules' job: the schema passes them, validateRules rejects them", () => {
    const crossField = [
      broken((r) => (r.groups[4].id = "dvctt")), // duplicate id
      broken((r) => (r.exemptions[0].groups = ["khong-co"])), // unknown group
      broken((r) => ((r.classes[0].minIndex = "0.6"), (r.classes[1].minIndex = "0.7"))), // not descending
      broken((r) => (r.classes[2].minIndex = "0.5")), // last band not 0
      broken((r) => (r.groups[2].notEvaluated[0].points = 100)), // not-evaluated ≥ maximum
      broken((r) => r.groups[5].aliases.push("Hạ tầng")), // header shared by two groups
    ];
    for (const json of crossField) {
      expect(validate(json)).toBe(true);
      expect(validateRules(json).ok).toBe(false);
    }
  });
});

describe("docs/rules.md", () => {
  const doc = fs.readFileSync(path.resolve(__dirname, "../../docs/rules.md"), "utf8");

  it("shows the preset, exactly, as its example", () => {
    const block = /```json\n([\s\S]*?)\n```/.exec(doc);
    expect(block).not.toBeNull();
    const example = JSON.parse(block![1]);
    expect(example).toEqual(PRESET_THAI_BINH_2020);
    expect(validate(example)).toBe(true);
  });

  it("documents every field, Vietnamese first then English", () => {
    expect(doc.indexOf("## Tiếng Việt")).toBeGreaterThan(0);
    expect(doc.indexOf("## English")).toBeGreaterThan(doc.indexOf("## Tiếng Việt"));
    const fields = ["schemaVersion", "name", "groups[]", "groups[].id", "groups[].name", "groups[].fullName", "groups[].aliases", "groups[].maxPoints", "groups[].notEvaluated[]", "exemptions[]", "index.decimals", "index.rounding", "classes[]", "classifyOn", "rankBy", "overMax"];
    for (const [start, end] of [
      [doc.indexOf("## Tiếng Việt"), doc.indexOf("## English")],
      [doc.indexOf("## English"), doc.length],
    ]) {
      const part = doc.slice(start, end);
      for (const f of fields) expect(part).toContain(`| \`${f}\` |`);
    }
  });
});
