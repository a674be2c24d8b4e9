import Ajv2020 from "ajv/dist/2020";
import * as fs from "fs";
import * as path from "path";
import { ruleProblemMessage } from "../../../src/core/rules/ruleMessages";
import { PRESET_THAI_BINH_2020, RulesJson, validateRules } from "../../../src/core/rules/rules";
import { FormatNode, formatNodeAt, RULES_FORMAT, toJsonSchema } from "../../../src/core/rules/rulesFormat";
import { clonePreset, fullRulesJson } from "../helpers";

const SCHEMA_PATH = path.resolve(__dirname, "../../../schemas/rules.schema.json");
const schema = JSON.parse(fs.readFileSync(SCHEMA_PATH, "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

type Json = Record<string, unknown> & RulesJson;

/** Every field path of the format ("groups[].weight"), walked from RULES_FORMAT. */
function formatPaths(node: FormatNode = RULES_FORMAT, at = ""): string[] {
  const below =
    node.kind === "object"
      ? Object.entries(node.fields).flatMap(([k, f]) => formatPaths(f.node, at ? `${at}.${k}` : k))
      : node.kind === "array"
        ? formatPaths(node.items, `${at}[]`)
        : node.kind === "map"
          ? formatPaths(node.values, `${at}.*`)
          : [];
  return at === "" ? below : [at, ...below];
}
const broken = (mutate: (r: Json) => void, base: () => RulesJson = clonePreset): unknown => {
  const json = base() as Json;
  mutate(json);
  return json;
};

/** "groups[0].aliases" → ["groups", 0, "aliases"] */
const steps = (p: string): (string | number)[] => p.split(/\.|(?=\[)/).map((s) => (s.startsWith("[") ? Number(s.slice(1, -1)) : s));
const pointer = (p: string): string => (p === "" ? "" : "/" + steps(p).join("/"));

function setAt(root: unknown, p: string, value: unknown): void {
  const st = steps(p);
  let at = root as Record<string | number, unknown>;
  for (const s of st.slice(0, -1)) at = at[s] as Record<string | number, unknown>;
  at[st[st.length - 1]] = value;
}

/**
 * The first concrete path in fullRulesJson() of a format path ("groups[].weight" → "groups[0].weight";
 * "groups[].criteria[].levels" → "groups[0].criteria[2].levels", the first criterion with levels).
 */
function concreteIn(root: unknown, formatPath: string): string | null {
  const tokens = formatPath.split(/\.|(?=\[\])/).filter((t) => t !== "");
  const walk = (at: unknown, i: number, path: string): string | null => {
    if (i === tokens.length) return at === undefined ? null : path;
    const t = tokens[i];
    if (t === "[]") {
      if (!Array.isArray(at)) return null;
      for (let k = 0; k < at.length; k++) {
        const found = walk(at[k], i + 1, `${path}[${k}]`);
        if (found !== null) return found;
      }
      return null;
    }
    if (!at || typeof at !== "object") return null;
    const key = t === "*" ? "dvctt" : t;
    return walk((at as Record<string, unknown>)[key], i + 1, path ? `${path}.${key}` : key);
  };
  return walk(root, 0, "");
}
const FULL = fullRulesJson();
const concrete = (formatPath: string): string => concreteIn(FULL, formatPath) ?? formatPath.replace(/\[\]/g, "[0]").replace(/\.\*$/, ".dvctt");

/** Values of the wrong kind for a node. */
function wrongValues(node: FormatNode): unknown[] {
  switch (node.kind) {
    case "object":
      return ["chữ", []];
    case "array":
      return ["chữ", { a: 1 }];
    case "map":
      return [5, ["a"]];
    case "text":
      return node.noFormula ? [5, "  ", "=Tốt"] : node.pattern ? [5, "", "Có Dấu"] : [5, " "];
    case "enum":
      return ["khác", 1];
    case "integer":
      return [2.5, -1, node.max + 1, "3"];
    case "decimal":
      return node.range === "unit"
        ? ["cao", 1.5, "1,5", -0.1, "1e-1"]
        : node.range === "weight"
          ? [0, "0", 1.2, "1,2", "x"]
          : node.range === "nonNegative"
            ? [-5, "-1", "năm", "1e5", null]
            : [0, -5, "0,0", "năm", "1e5", null];
    case "version":
      return [3, "2", 0];
    case "boolean":
      return ["false", 0, null];
  }
}

describe("schemas/rules.schema.json comes from the format description", () => {
  it("is exactly what `npm run schema` writes from src/core/rules/rulesFormat.ts", () => {
    expect(schema).toEqual(JSON.parse(JSON.stringify(toJsonSchema())));
  });

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
    expect(descriptions.length).toBeGreaterThan(30);
    for (const d of descriptions) expect(d).toContain(" / "); // "tiếng Việt / English"
  });

  it("every field of the format has a label in both languages", () => {
    for (const p of formatPaths()) {
      const node = formatNodeAt(p.replace(/\[\]/g, "[0]"))!;
      expect(node).toBeDefined();
      expect(node.label.vi).not.toBe("");
      expect(node.label.en).not.toBe("");
      expect(node.label.vi).not.toBe(node.label.en);
    }
  });

  it("every field of the rules' type is in the format, and every field of the format is in the type", () => {
    // Every field present, optional ones included: a field added to RulesJson does not compile here
    // until it is listed, and then fails below until the format (hence the schema) describes it.
    type Every<T> = T extends (infer U)[] ? Every<U>[] : T extends object ? { [K in keyof T]-?: Every<NonNullable<T[K]>> } : T;
    const band = { name: "Tốt", minIndex: "0.85" };
    const leaf = {
      id: "1",
      name: "C",
      max: 5,
      method: "ratio" as const,
      step: 1,
      levels: [{ label: "Đạt", points: 5 }],
      inputs: ["a"],
      target: 1,
      tiers: [{ atLeast: 9, points: 5 }],
      evidence: "required" as const,
      guidance: "g",
      appliesTo: ["b"],
    };
    const every: Every<RulesJson> = {
      $schema: "../schemas/rules.schema.json",
      schemaVersion: 2,
      name: "n",
      nameHeaders: ["h"],
      groups: [
        {
          id: "g",
          name: "G",
          fullName: "GG",
          aliases: ["a"],
          maxPoints: 10,
          notEvaluated: [{ item: "i", points: 1 }],
          weight: 1,
          counted: true,
          criteria: [{ ...leaf, criteria: [leaf] }],
        },
      ],
      exemptions: [{ keyword: "k", keywords: ["k"], groups: ["g"], criteria: ["1"], reason: "r" }],
      index: { decimals: 3, rounding: "halfUp", display: "decimal" },
      criteriaDecimals: 2,
      classes: [band],
      classifyOn: "roundedIndex",
      rankBy: "index",
      overMax: "keep",
      blocks: [{ id: "b", name: "B", match: ["m"], maxPoints: { g: 5 }, classes: [band] }],
      lineage: [{ name: "Sở Tài chính", from: ["Sở Kế hoạch và Đầu tư"] }],
    };
    const pathsOf = (v: unknown, at: string): string[] => {
      if (Array.isArray(v)) return [at, ...pathsOf(v[0], `${at}[]`).filter((p) => p !== `${at}[]`), `${at}[]`].filter((p, i, all) => all.indexOf(p) === i);
      if (v && typeof v === "object") {
        // A map keyed by group id (blocks[].maxPoints) is "…*" in the format.
        const map = at.endsWith(".maxPoints");
        return [...(at ? [at] : []), ...Object.entries(v).flatMap(([k, x]) => pathsOf(x, map ? `${at}.*` : at ? `${at}.${k}` : k))];
      }
      return [at];
    };
    expect([...new Set(pathsOf(every, ""))].sort()).toEqual([...formatPaths()].sort());
  });

  it("the full example uses every field of the format, and both accept it", () => {
    const full = fullRulesJson();
    for (const p of formatPaths()) {
      if (p === "$schema") continue;
      let at: unknown = full;
      for (const s of steps(concrete(p))) at = (at as Record<string | number, unknown>)[s];
      expect([p, at]).not.toEqual([p, undefined]);
    }
    expect(validateRules(full).ok).toBe(true);
    expect(validate(full)).toBe(true);
  });

  it("accepts the preset, a version 1 file, and the usual forms", () => {
    expect(validate(PRESET_THAI_BINH_2020)).toBe(true);
    const v1 = broken((r) => {
      (r as Record<string, unknown>).schemaVersion = 1;
      r.exemptions = [{ keyword: "Không TTHC", groups: ["dvctt"], reason: "không có thủ tục hành chính" }];
    });
    expect(validate(v1)).toBe(true);
    expect(validateRules(v1).ok).toBe(true);
    const usual = broken((r) => {
      r.groups[0].maxPoints = "50";
      r.groups[2].notEvaluated[0].points = "2,5";
      r.exemptions = [];
      r.classes = [
        { name: "Tốt", minIndex: "0,85" },
        { name: "Khá", minIndex: 0.7 },
        { name: "Trung bình", minIndex: ".5" },
        { name: "Yếu", minIndex: "0" },
      ];
      r.index = { decimals: 2, rounding: "halfEven", display: "percent" };
    });
    expect(validateRules(usual).ok).toBe(true);
    expect(validate(usual)).toBe(true);
    const noClasses = broken((r) => (r.classes = []));
    expect(validateRules(noClasses).ok).toBe(true);
    expect(validate(noClasses)).toBe(true);
  });

  // Every field, every kind of wrong value: both refuse it, validateRules at the field's own path.
  const fieldCases: [string, unknown, string][] = formatPaths()
    .filter((p) => p !== "$schema")
    .flatMap((p) => wrongValues(formatNodeAt(concrete(p))!).map((v): [string, unknown, string] => [p, v, concrete(p)]));

  it.each(fieldCases)("field %s = %j: the schema and validateRules both refuse it", (_format, value, at) => {
    const json = fullRulesJson();
    setAt(json, at, value);
    expect(validate(json)).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toContain(pointer(at));
    const result = validateRules(json);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toContain(at);
  });

  // Every object of the format: an unknown field is refused by both, with the nearest known field.
  const objectPaths = ["", ...formatPaths().filter((p) => formatNodeAt(concrete(p))!.kind === "object")];
  it.each(objectPaths)("an unknown field in “%s” is refused by both and named with the nearest known one", (p) => {
    const node = p === "" ? RULES_FORMAT : formatNodeAt(concrete(p))!;
    if (node.kind !== "object") throw new Error("not an object");
    const known = Object.keys(node.fields).filter((k) => k.length > 3)[0];
    const typo = known.slice(0, -1); // "aliases" → "aliase"
    const json = fullRulesJson();
    const at = p === "" ? typo : `${concrete(p)}.${typo}`;
    setAt(json, at, "x");
    expect(validate(json)).toBe(false);
    const result = validateRules(json);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const problem = result.problems.find((q) => q.path === at)!;
      expect(problem).toMatchObject({ code: "unknownFieldNear", params: { near: known } });
      expect(problem.message).toBe(`trường không có trong định dạng — có phải “${known}”?`);
      expect(ruleProblemMessage(problem, "en")).toBe(`not a field of the format — did you mean “${known}”?`);
    }
  });

  it("a required field left out is refused by both", () => {
    const required: string[] = [];
    const walk = (node: FormatNode, at: string) => {
      if (node.kind === "object")
        for (const [k, f] of Object.entries(node.fields)) {
          const p = at ? `${at}.${k}` : k;
          if (f.required) required.push(concrete(p));
          walk(f.node, p);
        }
      if (node.kind === "array") walk(node.items, `${at}[]`);
    };
    walk(RULES_FORMAT, "");
    expect(required.length).toBeGreaterThan(15);
    for (const p of required) {
      const json = fullRulesJson();
      const st = steps(p);
      let at = json as unknown as Record<string | number, unknown>;
      for (const s of st.slice(0, -1)) at = at[s] as Record<string | number, unknown>;
      delete at[st[st.length - 1]];
      expect([p, validate(json)]).toEqual([p, false]);
      const result = validateRules(json);
      expect([p, result.ok]).toEqual([p, false]);
      if (!result.ok) expect(result.problems.find((q) => q.path === p)?.code).toBe("missing");
    }
  });

  it("fields of version 2 in a version 1 file are refused by both", () => {
    for (const mutate of [
      (r: Json) => (r.groups[0].weight = 1),
      (r: Json) => (r.groups[0].counted = false),
      (r: Json) => (r.index.display = "percent"),
      (r: Json) => (r.nameHeaders = ["Tỉnh"]),
      (r: Json) => (r.blocks = [{ id: "a", name: "A", match: ["a"] }]),
    ]) {
      const json = broken((r) => {
        (r as Record<string, unknown>).schemaVersion = 1;
        r.exemptions = [];
        mutate(r);
      });
      expect(validate(json)).toBe(false);
      const result = validateRules(json);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems[0].code).toBe("needsVersion2");
    }
  });

  it("an exemption needs keyword or keywords: both refuse one with neither", () => {
    const json = broken((r) => delete r.exemptions[0].keywords);
    expect(validate(json)).toBe(false);
    const result = validateRules(json);
    expect(!result.ok && result.problems.map((p) => [p.path, p.code])).toEqual([["exemptions[0].keyword", "missingOneOf"]]);
  });

  it("not an object at all: both refuse it", () => {
    for (const input of [null, 42, "rules", [PRESET_THAI_BINH_2020]]) {
      expect(validate(input)).toBe(false);
      const r = validateRules(input);
      expect(!r.ok && r.problems.map((p) => [p.path, p.code, p.message])).toEqual([["", "notObject", "Quy tắc phải là một đối tượng JSON ({ … })."]]);
    }
  });

  it("cross-field rules are validateRules' job (the schema's description names them): the schema passes them, validateRules refuses them", () => {
    const crossField: [unknown, string, string][] = [
      [broken((r) => (r.groups[4].id = "dvctt")), "groups[4].id", "duplicateId"],
      [broken((r) => (r.exemptions[0].groups = ["khong-co"])), "exemptions[0].groups[0]", "unknownGroup"],
      [broken((r) => ((r.classes[0].minIndex = "0.6"), (r.classes[1].minIndex = "0.7"))), "classes[1].minIndex", "classesNotDescending"],
      [broken((r) => (r.classes[2].minIndex = "0.5")), "classes[2].minIndex", "lastClassNotZero"],
      [broken((r) => (r.groups[2].notEvaluated[0].points = 100)), "groups[2].notEvaluated", "notEvaluatedTooLarge"],
      [broken((r) => r.groups[5].aliases.push("Hạ tầng")), "groups[5].aliases", "headerShared"],
      [broken((r) => (r.groups[0].weight = "0.5")), "groups", "weightsAllOrNone"],
      [broken((r) => r.groups.forEach((g) => (g.weight = "0.2"))), "groups", "weightsSum"],
      [broken((r) => (r.groups[1].weight = "0.3"), fullRulesJson), "groups[1].weight", "weightUncounted"],
      [broken((r) => r.groups.forEach((g) => (g.counted = false))), "groups", "noCountedGroup"],
      [broken((r) => (r.blocks![1].id = r.blocks![0].id), fullRulesJson), "blocks[1].id", "duplicateId"],
      [broken((r) => (r.blocks![1].match = [...r.blocks![0].match]), fullRulesJson), "blocks[1].match", "blockMatchShared"],
      [broken((r) => (r.blocks![0].maxPoints = { "khong-co": 5 }), fullRulesJson), "blocks[0].maxPoints.khong-co", "unknownGroup"],
      [broken((r) => (r.blocks![0].maxPoints = { "cong-ttdt": 2 }), fullRulesJson), "blocks[0].maxPoints.cong-ttdt", "blockMaxTooSmall"],
      [broken((r) => (r.blocks![0].classes = [{ name: "Đạt", minIndex: "0.5" }]), fullRulesJson), "blocks[0].classes[0].minIndex", "lastClassNotZero"],
    ];
    for (const [json, p, code] of crossField) {
      expect(validate(json)).toBe(true);
      const result = validateRules(json);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.map((q) => [q.path, q.code])).toEqual([[p, code]]);
    }
    expect(schema.description).toMatch(/trọng số/);
    expect(schema.description).toMatch(/weights/);
  });
});

describe("docs/rules.md", () => {
  const doc = fs.readFileSync(path.resolve(__dirname, "../../../docs/rules.md"), "utf8");

  it("shows the preset, exactly, as its first example", () => {
    const block = /```json\n([\s\S]*?)\n```/.exec(doc);
    expect(block).not.toBeNull();
    const example = JSON.parse(block![1]);
    expect(example).toEqual(PRESET_THAI_BINH_2020);
    expect(validate(example)).toBe(true);
  });

  it("documents every field of the format, Vietnamese first then English", () => {
    expect(doc.indexOf("## Tiếng Việt")).toBeGreaterThan(0);
    expect(doc.indexOf("## English")).toBeGreaterThan(doc.indexOf("## Tiếng Việt"));
    const all = formatPaths();
    const kind = (p: string) => formatNodeAt(concrete(p))!.kind;
    // Each field once: a list of objects as "groups[]", a list of texts as "groups[].aliases", not the
    // fields of classes (the table explains them together), nor the object "index" itself.
    const fields = all.filter(
      (p) =>
        p !== "$schema" &&
        !p.endsWith(".*") &&
        !(all.includes(`${p}[]`) && kind(`${p}[]`) === "object") &&
        !(p.endsWith("[]") && kind(p) !== "object") &&
        !(kind(p) === "object" && !p.endsWith("[]")) &&
        !/^(classes\[\]|blocks\[\]\.classes\[\]|groups\[\]\.notEvaluated\[\])\./.test(p) &&
        // A sub-criterion has a criterion's fields, and a level's or tier's two fields are explained with the list.
        !/^groups\[\]\.criteria\[\]\.(criteria\[\]\.|levels\[\]\.|tiers\[\]\.)/.test(p),
    );
    expect(fields).toEqual(
      expect.arrayContaining([
        "groups[].weight",
        "groups[].counted",
        "index.display",
        "nameHeaders",
        "exemptions[].keywords",
        "blocks[]",
        "blocks[].match",
        "blocks[].maxPoints",
        "blocks[].classes[]",
        "groups[].criteria[]",
        "groups[].criteria[].criteria[]",
        "exemptions[].criteria",
        "criteriaDecimals",
      ]),
    );
    for (const [start, end] of [
      [doc.indexOf("## Tiếng Việt"), doc.indexOf("## English")],
      [doc.indexOf("## English"), doc.length],
    ]) {
      const part = doc.slice(start, end);
      for (const f of fields) expect([f, part.includes(`| \`${f}\` |`)]).toEqual([f, true]);
    }
  });
});
