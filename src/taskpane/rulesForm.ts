/**
 * The rules editor's form: every field as the text the user typed (so "0,85", "-5" or an empty box
 * stay as typed while they are checked), and the conversion to and from the rules JSON that
 * validateRules checks and saveRules stores.
 */
import type { IndexDisplay, LineageRule, RuleProblem, RulesJson } from "../core/rules/rules";
import type { Lang } from "./i18n";
import { ruleProblemMessage } from "../core/rules/ruleMessages";

/** A rules problem in the pane's language, from the catalogue (core/rules/ruleMessages.ts); with the Quy tắc tab, not in the pane's first script. */
export const ruleProblemText = (p: RuleProblem, lang: Lang): string => ruleProblemMessage(p, lang);

export interface NotEvaluatedForm {
  item: string;
  points: string;
}

export interface GroupForm {
  id: string;
  name: string;
  fullName: string;
  /** One header per line. */
  aliases: string;
  maxPoints: string;
  notEvaluated: NotEvaluatedForm[];
  /** Weight in the index ("0,15"); empty: none. */
  weight: string;
  counted: boolean;
}

export interface ExemptionForm {
  /** One keyword per line. */
  keywords: string;
  groups: string[];
  reason: string;
}

export interface ClassForm {
  name: string;
  minIndex: string;
}

export interface BlockForm {
  id: string;
  name: string;
  /** One text per line. */
  match: string;
  /** The block's own maxima: group id → points as typed ("" or absent: the group's own). */
  maxPoints: Record<string, string>;
  /** Null: the general classes. */
  classes: ClassForm[] | null;
}

export interface RulesForm {
  /** The file's "$schema", kept as imported. */
  schemaRef: string;
  name: string;
  /** One header per line. */
  nameHeaders: string;
  /** "" (not set), "decimal" or "percent". */
  display: string;
  blocks: BlockForm[];
  groups: GroupForm[];
  exemptions: ExemptionForm[];
  decimals: string;
  rounding: string;
  classes: ClassForm[];
  classifyOn: string;
  rankBy: string;
  overMax: string;
  /** Mergers and renames: kept as they are (edited through the “Sáp nhập” sheet, not this form). */
  lineage: LineageRule[];
}

const text = (v: unknown): string => (v === undefined || v === null ? "" : String(v));

const lines = (v: unknown): string => (Array.isArray(v) ? v.map(text).join("\n") : "");
const splitLines = (s: string): string[] =>
  s
    .split(/\r?\n/)
    .map((a) => a.trim())
    .filter((a) => a !== "");

export function formFromJson(json: RulesJson): RulesForm {
  return {
    schemaRef: text(json.$schema),
    name: text(json.name),
    nameHeaders: lines(json.nameHeaders),
    display: text(json.index?.display),
    blocks: (json.blocks ?? []).map((b) => ({
      id: text(b.id),
      name: text(b.name),
      match: lines(b.match),
      maxPoints: Object.fromEntries(Object.entries(b.maxPoints ?? {}).map(([k, v]) => [k, text(v)])),
      classes: b.classes ? b.classes.map((c) => ({ name: text(c.name), minIndex: text(c.minIndex) })) : null,
    })),
    groups: (json.groups ?? []).map((g) => ({
      id: text(g.id),
      name: text(g.name),
      fullName: text(g.fullName),
      aliases: (g.aliases ?? []).join("\n"),
      maxPoints: text(g.maxPoints),
      notEvaluated: (g.notEvaluated ?? []).map((n) => ({ item: text(n.item), points: text(n.points) })),
      weight: text(g.weight),
      counted: g.counted !== false,
    })),
    exemptions: (json.exemptions ?? []).map((e) => ({
      keywords: [...new Set([...(e.keyword !== undefined ? [text(e.keyword)] : []), ...(e.keywords ?? []).map(text)])].join("\n"),
      groups: [...(e.groups ?? [])],
      reason: text(e.reason),
    })),
    decimals: text(json.index?.decimals),
    rounding: text(json.index?.rounding),
    classes: (json.classes ?? []).map((c) => ({ name: text(c.name), minIndex: text(c.minIndex) })),
    classifyOn: text(json.classifyOn),
    rankBy: text(json.rankBy),
    overMax: text(json.overMax),
    lineage: (json.lineage ?? []).map((e) => ({ name: text(e.name), from: (e.from ?? []).map(text) })),
  };
}

/** A whole number stays a JSON number; anything else keeps the typed text (decimal strings are allowed). */
function numberOrText(s: string): number | string {
  const t = s.trim();
  return /^-?\d+$/.test(t) ? Number(t) : t;
}

export function jsonFromForm(f: RulesForm): RulesJson {
  const decimals = f.decimals.trim();
  const nameHeaders = splitLines(f.nameHeaders);
  return {
    ...(f.schemaRef ? { $schema: f.schemaRef } : {}),
    schemaVersion: 2,
    name: f.name,
    ...(nameHeaders.length ? { nameHeaders } : {}),
    groups: f.groups.map((g) => ({
      id: g.id.trim(),
      name: g.name,
      ...(g.fullName.trim() ? { fullName: g.fullName } : {}),
      aliases: splitLines(g.aliases),
      maxPoints: numberOrText(g.maxPoints),
      notEvaluated: g.notEvaluated.map((n) => ({ item: n.item, points: numberOrText(n.points) })),
      ...(g.weight.trim() !== "" ? { weight: numberOrText(g.weight) } : {}),
      ...(g.counted ? {} : { counted: false }),
    })),
    exemptions: f.exemptions.map((e) => ({ keywords: splitLines(e.keywords), groups: [...e.groups], reason: e.reason })),
    index: {
      decimals: (/^\d+$/.test(decimals) ? Number(decimals) : decimals) as number,
      rounding: f.rounding as RulesJson["index"]["rounding"],
      ...(f.display !== "" ? { display: f.display as IndexDisplay } : {}),
    },
    classes: f.classes.map((c) => ({ name: c.name, minIndex: numberOrText(c.minIndex) })),
    classifyOn: f.classifyOn as RulesJson["classifyOn"],
    rankBy: f.rankBy as RulesJson["rankBy"],
    overMax: f.overMax as RulesJson["overMax"],
    ...(f.blocks.length
      ? {
          blocks: f.blocks.map((b) => {
            const maxPoints = Object.entries(b.maxPoints).filter(([, v]) => v.trim() !== "");
            return {
              id: b.id.trim(),
              name: b.name,
              match: splitLines(b.match),
              ...(maxPoints.length ? { maxPoints: Object.fromEntries(maxPoints.map(([k, v]) => [k, numberOrText(v)])) } : {}),
              ...(b.classes ? { classes: b.classes.map((c) => ({ name: c.name, minIndex: numberOrText(c.minIndex) })) } : {}),
            };
          }),
        }
      : {}),
    ...(f.lineage.length ? { lineage: f.lineage.map((e) => ({ name: e.name, from: [...e.from] })) } : {}),
  };
}

/** Problems by path, for the fields to show under themselves. */
export class ProblemIndex {
  private readonly byPath = new Map<string, RuleProblem[]>();
  private readonly shown = new Set<string>();

  constructor(readonly all: readonly RuleProblem[]) {
    for (const p of all) this.byPath.set(p.path, [...(this.byPath.get(p.path) ?? []), p]);
  }

  /** The problems of exactly this path (a field shows them). */
  at(path: string): RuleProblem[] {
    return this.byPath.get(path) ?? [];
  }

  /** How many problems lie at or under a path ("groups[2]" → its fields and items). */
  under(prefix: string): number {
    return this.all.filter((p) => p.path === prefix || p.path.startsWith(prefix + ".") || p.path.startsWith(prefix + "[")).length;
  }
}

/** Paths the editor shows next to a field; a problem anywhere else is listed at the top. */
export function isFieldPath(path: string, form: RulesForm): boolean {
  if (
    [
      "name",
      "nameHeaders",
      "groups",
      "exemptions",
      "classes",
      "blocks",
      "index.decimals",
      "index.rounding",
      "index.display",
      "classifyOn",
      "rankBy",
      "overMax",
    ].includes(path)
  )
    return true;
  if (/^nameHeaders\[\d+\]$/.test(path)) return true;
  let m = /^groups\[(\d+)\](?:\.(id|name|fullName|aliases|maxPoints|notEvaluated|weight|counted)(?:\[(\d+)\](?:\.(item|points))?)?)?$/.exec(path);
  if (m) {
    const g = Number(m[1]);
    if (g >= form.groups.length) return false;
    if (m[3] !== undefined) return Number(m[3]) < form.groups[g].notEvaluated.length && m[4] !== undefined;
    return m[2] !== undefined;
  }
  m = /^exemptions\[(\d+)\]\.(keyword|keywords|reason|groups)(\[\d+\])?$/.exec(path);
  if (m) return Number(m[1]) < form.exemptions.length;
  m = /^classes\[(\d+)\]\.(name|minIndex)$/.exec(path);
  if (m) return Number(m[1]) < form.classes.length;
  // A block's fields and its maxima of existing groups; its own classes are edited as JSON (listed above the form).
  m = /^blocks\[(\d+)\](?:\.(id|name|match(?:\[\d+\])?|maxPoints(?:\.([a-z0-9-]+))?))?$/.exec(path);
  if (m) return Number(m[1]) < form.blocks.length && (m[3] === undefined || form.groups.some((g) => g.id.trim() === m![3]));
  return false;
}

export const emptyGroup = (): GroupForm => ({ id: "", name: "", fullName: "", aliases: "", maxPoints: "", notEvaluated: [], weight: "", counted: true });
export const emptyBlock = (): BlockForm => ({ id: "", name: "", match: "", maxPoints: {}, classes: null });

/** Field props showing the problems of one path under the field, in the pane's language. */
export function problemProps(problems: readonly RuleProblem[], lang: Lang): { validationState: "error" | "none"; validationMessage?: string } {
  if (problems.length === 0) return { validationState: "none" };
  return { validationState: "error", validationMessage: problems.map((p) => ruleProblemText(p, lang)).join(" ") };
}
