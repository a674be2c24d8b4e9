/**
 * A criteria set kept as a worksheet "Bộ tiêu chí", the way provinces receive it as a table in a
 * decision: columns Mã, Tiêu chí, Điểm tối đa, Cách chấm, Mức/ngưỡng, Số liệu, Tài liệu kiểm chứng,
 * Hướng dẫn. A row whose code is one number ("1", "2"…) is a group, in the rules' order (its name
 * is for the reader); "1.1" a criterion of group 1, "1.1.1" a sub-criterion. Read into the rules'
 * `groups[].criteria`, then checked by validateRules: every problem is named by its cell; written back
 * from the rules (criteriaSheet) in the words it is read with. Pure.
 */
import { cellAddress, Origin, SHEET_ORIGIN } from "../base/address";
import { CellStyle, listSheet, SheetCell, SheetDescription } from "../sheets/sheet";
import { catalogue, entry } from "../base/catalogue";
import type { CriterionJson, CriterionMethod, SubCriterionJson } from "./criteria";
import { isBlank } from "../base/numbers";
import { ruleProblemMessage } from "./ruleMessages";
import { RulesJson, validateRules } from "./rules";
import { cleanText, headerKey, matchKey } from "../text/text";

export const CRITERIA_SHEET = "Bộ tiêu chí";

type Column = "code" | "name" | "max" | "method" | "levels" | "inputs" | "evidence" | "guidance";

const COLUMNS: ReadonlyArray<{ kind: Column; header: string; aliases: readonly string[] }> = [
  { kind: "code", header: "Mã", aliases: ["Mã tiêu chí", "STT", "TT"] },
  { kind: "name", header: "Tiêu chí", aliases: ["Nội dung", "Tên tiêu chí", "Nội dung tiêu chí"] },
  { kind: "max", header: "Điểm tối đa", aliases: ["Điểm chuẩn", "Điểm"] },
  { kind: "method", header: "Cách chấm", aliases: ["Phương pháp chấm", "Cách tính điểm"] },
  { kind: "levels", header: "Mức/ngưỡng", aliases: ["Mức", "Ngưỡng", "Mức, ngưỡng", "Mức / ngưỡng"] },
  { kind: "inputs", header: "Số liệu", aliases: ["Số liệu cần"] },
  { kind: "evidence", header: "Tài liệu kiểm chứng", aliases: ["Tài liệu", "Minh chứng"] },
  { kind: "guidance", header: "Hướng dẫn", aliases: ["Hướng dẫn chấm", "Ghi chú"] },
];
const KIND = new Map(COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [headerKey(h), c.kind] as const)));

/** The words a method is written with in the sheet (compared by matchKey), and the format's names. */
const METHOD_WORDS: Record<string, CriterionMethod> = {
  points: "points",
  "nhap diem": "points",
  "cham diem": "points",
  diem: "points",
  levels: "levels",
  "theo muc": "levels",
  muc: "levels",
  yesno: "yesno",
  "co khong": "yesno",
  ratio: "ratio",
  "ti le": "ratio",
  "ty le": "ratio",
  tiers: "tiers",
  "theo nguong": "tiers",
  nguong: "tiers",
};
const EVIDENCE_WORDS: Record<string, "required" | "optional" | "none"> = {
  "bat buoc": "required",
  "co bat buoc": "required",
  required: "required",
  "khong bat buoc": "optional",
  optional: "optional",
  "khong can": "none",
  none: "none",
  "": "optional",
};

export const CRITERIA_SHEET_MESSAGES = catalogue("criteria sheet", {
  noHeader: entry({
    vi: (p: { sheet: string }) => `Trang “${p.sheet}” không có dòng tiêu đề của bộ tiêu chí (cần các cột “Mã”, “Tiêu chí”, “Điểm tối đa”).`,
    en: (p) => `Sheet “${p.sheet}” has no criteria header row (it needs the “Mã”, “Tiêu chí” and “Điểm tối đa” columns).`,
    example: { sheet: "Bộ tiêu chí" },
  }),
  badCode: entry({
    vi: (p: { cell: string; value: string }) => `Ô ${p.cell}: mã “${p.value}” không đúng dạng (nhóm “1”, tiêu chí “1.2”, tiêu chí con “1.2.3”).`,
    en: (p) => `Cell ${p.cell}: code “${p.value}” is not of the form “1” (group), “1.2” (criterion), “1.2.3” (sub-criterion).`,
    example: { cell: "A5", value: "1-2" },
  }),
  unknownGroup: entry({
    vi: (p: { cell: string; value: string; count: number }) => `Ô ${p.cell}: nhóm “${p.value}” không có (quy tắc có ${p.count} nhóm, mã từ 1).`,
    en: (p) => `Cell ${p.cell}: group “${p.value}” does not exist (the rules have ${p.count} groups, numbered from 1).`,
    example: { cell: "A9", value: "7", count: 6 },
  }),
  noParent: entry({
    vi: (p: { cell: string; value: string }) => `Ô ${p.cell}: tiêu chí “${p.value}” không có dòng tiêu chí cha ở trên nó.`,
    en: (p) => `Cell ${p.cell}: criterion “${p.value}” has no parent row above it.`,
    example: { cell: "A7", value: "2.3.1" },
  }),
  badMethod: entry({
    vi: (p: { cell: string; value: string }) =>
      `Ô ${p.cell}: cách chấm “${p.value}” không rõ; hãy ghi “Nhập điểm”, “Theo mức”, “Có/Không”, “Tỉ lệ” hoặc “Theo ngưỡng”.`,
    en: (p) => `Cell ${p.cell}: method “${p.value}” is not known; write “Nhập điểm”, “Theo mức”, “Có/Không”, “Tỉ lệ” or “Theo ngưỡng”.`,
    example: { cell: "D5", value: "Tùy" },
  }),
  badLevels: entry({
    vi: (p: { cell: string; value: string }) =>
      `Ô ${p.cell}: “${p.value}” không đọc được; hãy ghi các mức dạng “Đạt đầy đủ: 10; Không đạt: 0”, các ngưỡng dạng “≥90: 15; ≥70: 10”, bước điểm dạng “bước 0,25”, tỉ lệ đạt tối đa dạng “đạt 0,8”.`,
    en: (p) =>
      `Cell ${p.cell}: “${p.value}” cannot be read; write levels as “Đạt đầy đủ: 10; Không đạt: 0”, tiers as “≥90: 15; ≥70: 10”, a step as “bước 0,25”, a target as “đạt 0,8”.`,
    example: { cell: "E5", value: "cao, thấp" },
  }),
  badEvidence: entry({
    vi: (p: { cell: string; value: string }) => `Ô ${p.cell}: “${p.value}” không rõ; hãy ghi “Bắt buộc”, “Không bắt buộc” hoặc “Không cần”.`,
    en: (p) => `Cell ${p.cell}: “${p.value}” is not clear; write “Bắt buộc”, “Không bắt buộc” or “Không cần”.`,
    example: { cell: "G5", value: "Có" },
  }),
  ruleProblem: entry({
    vi: (p: { cell: string; text: string }) => `Ô ${p.cell}: ${p.text}`,
    en: (p) => `Cell ${p.cell}: ${p.text}`,
    example: { cell: "C5", text: "…" },
  }),
});

export interface CriteriaSheetProblem {
  cell: string;
  message: string;
  messageEn: string;
}

export type CriteriaSheetResult = { ok: true; rules: RulesJson } | { ok: false; problems: CriteriaSheetProblem[] };

/** Words compared without case, accents or punctuation ("Có/Không" → "co khong"). */
const wordsKey = (s: string): string =>
  matchKey(s)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
const text = (v: unknown): string => (typeof v === "string" ? cleanText(v) : typeof v === "number" ? String(v) : "");
const number = (s: string): number | string | null => (/^\s*\d+([.,]\d+)?\s*$/.test(s) ? s.trim().replace(",", ".") : null);
const num = (s: string): number | string => {
  const n = number(s);
  return n === null ? s : /^\d+$/.test(String(n)) ? Number(n) : n;
};

/** "Đạt đầy đủ: 10; Không đạt: 0" → levels; "≥90: 15; ≥70: 10" → tiers; "bước 0,25" → step; "đạt 0,8" → target. */
function parseLevels(raw: string, method: CriterionMethod): Partial<SubCriterionJson> | null {
  const s = raw.trim();
  if (s === "") return {};
  if (method === "points") {
    const m = /^(?:bước|buoc|step)\s*(\d+(?:[.,]\d+)?)$/iu.exec(s);
    return m ? { step: num(m[1]) } : null;
  }
  if (method === "ratio") {
    const m = /^(?:đạt|dat|target)\s*(\d+(?:[.,]\d+)?)$/iu.exec(s);
    return m ? { target: num(m[1]) } : null;
  }
  const parts = s
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (method === "levels") {
    const levels = parts.map((p) => /^(.+?)\s*:\s*(\d+(?:[.,]\d+)?)$/u.exec(p));
    return levels.every((m) => m) ? { levels: levels.map((m) => ({ label: m![1].trim(), points: num(m![2]) })) } : null;
  }
  if (method === "tiers") {
    const tiers = parts.map((p) => /^(?:≥|>=|từ|tu)?\s*(\d+(?:[.,]\d+)?)\s*%?\s*:\s*(\d+(?:[.,]\d+)?)$/iu.exec(p));
    return tiers.every((m) => m) ? { tiers: tiers.map((m) => ({ atLeast: num(m![1]), points: num(m![2]) })) } : null;
  }
  return null;
}

/**
 * Reads a "Bộ tiêu chí" sheet into `base`'s groups: the rules with `groups[].criteria` replaced, or
 * every problem by cell (the sheet's own, then validateRules' on what was read, each at the cell its
 * path came from).
 */
export function criteriaFromSheet(
  values: readonly (readonly unknown[])[],
  base: RulesJson,
  origin: Origin = SHEET_ORIGIN,
  sheet = CRITERIA_SHEET,
): CriteriaSheetResult {
  const problems: CriteriaSheetProblem[] = [];
  const say = <C extends keyof typeof CRITERIA_SHEET_MESSAGES>(code: C, p: Parameters<(typeof CRITERIA_SHEET_MESSAGES)[C]["vi"]>[0]) => {
    const e = CRITERIA_SHEET_MESSAGES[code] as { vi: (x: typeof p) => string; en: (x: typeof p) => string };
    problems.push({ cell: (p as { cell?: string }).cell ?? "", message: e.vi(p), messageEn: e.en(p) });
  };
  let headerRow = -1;
  const cols: Partial<Record<Column, number>> = {};
  for (let r = 0; r < Math.min(values.length, 15) && headerRow < 0; r++) {
    const found: Partial<Record<Column, number>> = {};
    (values[r] ?? []).forEach((v, c) => {
      const k = typeof v === "string" ? KIND.get(headerKey(v)) : undefined;
      if (k && found[k] === undefined) found[k] = c;
    });
    if (found.code !== undefined && found.name !== undefined && found.max !== undefined) {
      headerRow = r;
      Object.assign(cols, found);
    }
  }
  if (headerRow < 0) {
    const e = CRITERIA_SHEET_MESSAGES.noHeader;
    return { ok: false, problems: [{ cell: "", message: e.vi({ sheet }), messageEn: e.en({ sheet }) }] };
  }
  const json = JSON.parse(JSON.stringify(base)) as RulesJson;
  // The sheet has no column for the blocks a criterion is scored on: `appliesTo` is kept from the rules, by code.
  const appliesTo = new Map<string, string[]>();
  const keep = (list: readonly CriterionJson[]): void =>
    list.forEach((c) => {
      if (c.appliesTo) appliesTo.set(c.id, c.appliesTo);
      keep(c.criteria ?? []);
    });
  json.groups.forEach((g) => keep(g.criteria ?? []));
  json.groups.forEach((g) => delete g.criteria);
  /** Where each JSON path of a criterion came from: its row (fields map to their column). */
  const rowOf = new Map<string, number>();
  const addr = (r: number, c: Column) => cellAddress(r, cols[c] ?? cols.code!, origin);
  const at = (r: number, c: Column) => (cols[c] === undefined ? "" : text(values[r]?.[cols[c]!]));
  const nodes = new Map<string, { node: CriterionJson; path: string }>();

  for (let r = headerRow + 1; r < values.length; r++) {
    const code = at(r, "code").replace(/\.$/, "");
    if (code === "" || isBlank(values[r]?.[cols.code!])) continue;
    if (!/^\d+(\.\d+){0,2}$/.test(code)) {
      say("badCode", { cell: addr(r, "code"), value: code });
      continue;
    }
    const parts = code.split(".");
    const g = Number(parts[0]) - 1;
    if (g < 0 || g >= json.groups.length) {
      say("unknownGroup", { cell: addr(r, "code"), value: parts[0], count: json.groups.length });
      continue;
    }
    if (parts.length === 1) continue; // a group's row: its name is the reader's
    const node: CriterionJson = { id: code, name: at(r, "name"), max: num(at(r, "max")) };
    const methodText = at(r, "method");
    if (methodText !== "") {
      const method = METHOD_WORDS[wordsKey(methodText)];
      if (!method) say("badMethod", { cell: addr(r, "method"), value: methodText });
      else {
        node.method = method;
        const extra = parseLevels(at(r, "levels"), method);
        if (extra === null) say("badLevels", { cell: addr(r, "levels"), value: at(r, "levels") });
        else Object.assign(node, extra);
        const inputs = at(r, "inputs")
          .split(/[;\n]/)
          .map((s) => s.trim())
          .filter((s) => s !== "");
        if (inputs.length > 0) node.inputs = inputs;
      }
    }
    const evidenceText = at(r, "evidence");
    const evidence = EVIDENCE_WORDS[wordsKey(evidenceText)];
    if (evidence === undefined) say("badEvidence", { cell: addr(r, "evidence"), value: evidenceText });
    else if (evidenceText !== "") node.evidence = evidence;
    if (at(r, "guidance") !== "") node.guidance = at(r, "guidance");
    if (appliesTo.has(code)) node.appliesTo = appliesTo.get(code);

    let path: string;
    if (parts.length === 2) {
      const list = (json.groups[g].criteria ??= []);
      path = `groups[${g}].criteria[${list.length}]`;
      list.push(node);
    } else {
      const parent = nodes.get(parts.slice(0, 2).join("."));
      if (!parent) {
        say("noParent", { cell: addr(r, "code"), value: code });
        continue;
      }
      const list = (parent.node.criteria ??= []);
      path = `${parent.path}.criteria[${list.length}]`;
      list.push(node);
    }
    nodes.set(code, { node, path });
    rowOf.set(path, r);
  }
  if (problems.length > 0) return { ok: false, problems };

  const checked = validateRules(json);
  if (checked.ok) return { ok: true, rules: json };
  const FIELD_COLUMN: Record<string, Column> = {
    id: "code",
    name: "name",
    max: "max",
    method: "method",
    levels: "levels",
    tiers: "levels",
    step: "levels",
    target: "levels",
    inputs: "inputs",
    evidence: "evidence",
    guidance: "guidance",
    criteria: "max",
  };
  for (const p of checked.problems) {
    // The deepest criterion the path names, and the field after it.
    const m = /^(groups\[\d+\]\.criteria\[\d+\](?:\.criteria\[\d+\])?)(?:\.([a-zA-Z]+))?/.exec(p.path);
    const row = m ? rowOf.get(m[1]) : undefined;
    const cell = row === undefined ? "" : addr(row, FIELD_COLUMN[m![2] ?? "code"] ?? "code");
    const vi = ruleProblemMessage(p, "vi");
    const en = ruleProblemMessage(p, "en");
    problems.push({
      cell,
      message: CRITERIA_SHEET_MESSAGES.ruleProblem.vi({ cell: cell || p.path, text: vi }),
      messageEn: CRITERIA_SHEET_MESSAGES.ruleProblem.en({ cell: cell || p.path, text: en }),
    });
  }
  return { ok: false, problems };
}

// ---------------------------------------------------------------------------------------------
// Writing the sheet from the rules (the pane's and the command line's “written back”).

/** The sheet's title (A1): “Hoàn tác” removes a sheet the pane wrote only while A1 still holds it. */
export const CRITERIA_SHEET_TITLE = "BỘ TIÊU CHÍ ĐÁNH GIÁ";
export const isCriteriaSheetTitle = (v: unknown): boolean => typeof v === "string" && v.startsWith(CRITERIA_SHEET_TITLE);

/** Each method as the sheet writes it (one of the words it reads). */
const METHOD_TEXT: Record<CriterionMethod, string> = { points: "Nhập điểm", levels: "Theo mức", yesno: "Có/Không", ratio: "Tỉ lệ", tiers: "Theo ngưỡng" };
const EVIDENCE_TEXT: Record<"required" | "optional" | "none", string> = { required: "Bắt buộc", optional: "Không bắt buộc", none: "Không cần" };
/** A number as the decision writes it (“7,5”). */
const viNumber = (v: number | string): string => String(v).trim().replace(".", ",");

/** The Mức/ngưỡng cell: levels “Đạt đầy đủ: 15; Không đạt: 0”, tiers “≥90: 15; ≥70: 10”, a step “bước 0,25”, a target “đạt 0,8”. */
function levelsText(c: SubCriterionJson): string {
  switch (c.method) {
    case "levels":
      return (c.levels ?? []).map((l) => `${l.label}: ${viNumber(l.points)}`).join("; ");
    case "tiers":
      return (c.tiers ?? []).map((t) => `≥${viNumber(t.atLeast)}: ${viNumber(t.points)}`).join("; ");
    case "points":
      return c.step === undefined ? "" : `bước ${viNumber(c.step)}`;
    case "ratio":
      return c.target === undefined ? "" : `đạt ${viNumber(c.target)}`;
    default:
      return "";
  }
}

const CRITERIA_HEADERS = COLUMNS.map((c) => c.header);
const CRITERIA_STYLES: Record<string, CellStyle> = {
  title: { bold: true, italic: false, size: 13, hAlign: "center", vAlign: "center", wrap: false, border: false },
  header: { bold: true, italic: false, size: 12, hAlign: "center", vAlign: "center", wrap: true, border: true, fill: "#D9E1F2" },
  group: { bold: true, italic: false, size: 12, hAlign: "left", vAlign: "top", wrap: true, border: true, fill: "#F2F2F2" },
  text: { bold: false, italic: false, size: 12, hAlign: "left", vAlign: "top", wrap: true, border: true },
  number: { bold: false, italic: false, size: 12, hAlign: "center", vAlign: "top", wrap: false, border: true },
};

/**
 * The “Bộ tiêu chí” sheet from the rules: a title, the header row, then each group (its number, name and
 * maximum), its criteria and sub-criteria with the method, levels or thresholds, inputs, evidence and guidance
 * in the words criteriaFromSheet reads, so that reading it back gives the same criteria.
 */
export function criteriaSheet(rules: RulesJson, sheetName = CRITERIA_SHEET): SheetDescription {
  const cells: SheetCell[] = [];
  const colCount = COLUMNS.length;
  cells.push({ row: 0, col: 0, value: `${CRITERIA_SHEET_TITLE}${rules.name ? ` (${rules.name})` : ""}`, style: "title" });
  CRITERIA_HEADERS.forEach((h, c) => cells.push({ row: 1, col: c, value: h, style: "header" }));
  let r = 2;
  const put = (values: (string | number)[], style: "group" | "text") => {
    values.forEach((v, c) =>
      cells.push({
        row: r,
        col: c,
        value: v === "" ? null : v,
        style: c === 2 && style === "text" ? "number" : style,
        numberFormat: c === 2 ? undefined : "@",
      }),
    );
    r++;
  };
  const maxValue = (v: number | string): number | string => (typeof v === "number" ? v : /^\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : v);
  const criterion = (c: SubCriterionJson & { criteria?: SubCriterionJson[] }) => {
    const leaf = !c.criteria || c.criteria.length === 0;
    put(
      [
        c.id,
        c.name,
        maxValue(c.max),
        leaf && c.method ? METHOD_TEXT[c.method] : "",
        leaf ? levelsText(c) : "",
        leaf ? (c.inputs ?? []).join("; ") : "",
        leaf && c.evidence ? EVIDENCE_TEXT[c.evidence] : "",
        c.guidance ?? "",
      ],
      "text",
    );
    for (const sub of c.criteria ?? []) criterion(sub);
  };
  rules.groups.forEach((g, i) => {
    put([String(i + 1), g.fullName || g.name, maxValue(g.maxPoints), "", "", "", "", ""], "group");
    for (const c of g.criteria ?? []) criterion(c);
  });
  return listSheet({ sheetName, styles: CRITERIA_STYLES, columnWidths: [8, 40, 9, 13, 28, 22, 16, 36], cells, rowCount: r, colCount });
}
