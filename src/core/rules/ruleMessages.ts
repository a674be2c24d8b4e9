/**
 * The messages of rules problems: a code with parameters, rendered in Vietnamese or English from
 * this catalogue (the style of findings.ts). The field's name in a message comes from the format
 * description (rulesFormat.ts), so a new field needs no new message.
 */
import { catalogue, entry, Lang, MessageEntry } from "../base/catalogue";
import { formatNodeAt, Label } from "./rulesFormat";
import type { RuleProblem, RuleProblemCode, RuleProblemParams } from "./ruleProblem";

export type { Lang };

export type { RuleProblem, RuleProblemCode, RuleProblemParams };

interface P {
  /** The field's name in this language, as a sentence begins with it. */
  Field: string;
  /** The same, inside a sentence. */
  field: string;
  params: RuleProblemParams;
}

const q = (s: unknown): string => `“${String(s)}”`;

export const RULE_MESSAGES: Record<RuleProblemCode, { vi: (p: P) => string; en: (p: P) => string }> = {
  notObject: { vi: (p) => `${p.Field} phải là một đối tượng JSON ({ … }).`, en: (p) => `${p.Field} must be a JSON object ({ … }).` },
  notList: { vi: (p) => `${p.Field} phải là một danh sách ([ … ]).`, en: (p) => `${p.Field} must be a list ([ … ]).` },
  notText: { vi: (p) => `${p.Field} phải là chữ.`, en: (p) => `${p.Field} must be text.` },
  blank: { vi: (p) => `${p.Field} không được để trống.`, en: (p) => `${p.Field} must not be empty.` },
  badId: {
    vi: (p) => `${p.Field} chỉ gồm chữ thường không dấu, số và dấu “-” (ví dụ “dvctt”).`,
    en: (p) => `${p.Field} may contain only lower-case letters without accents, digits and “-” (e.g. “dvctt”).`,
  },
  formulaStart: {
    vi: (p) => `${p.Field} ${q(p.params.value)} không được bắt đầu bằng =, +, - hoặc @ (Excel sẽ hiểu là công thức khi ghi vào cột Phân loại).`,
    en: (p) => `${p.Field} ${q(p.params.value)} must not begin with =, +, - or @ (Excel would take it for a formula in the Phân loại column).`,
  },
  notAllowed: { vi: (p) => `${p.Field} phải là một trong: ${p.params.allowed}.`, en: (p) => `${p.Field} must be one of ${p.params.allowed}.` },
  notInteger: {
    vi: (p) => `${p.Field} phải là số nguyên từ ${p.params.min} đến ${p.params.max}.`,
    en: (p) => `${p.Field} must be a whole number from ${p.params.min} to ${p.params.max}.`,
  },
  notPositive: {
    vi: (p) => `${p.Field} phải là số lớn hơn 0 (số, hoặc chữ số thập phân như “2,5”).`,
    en: (p) => `${p.Field} must be a number greater than 0 (a number, or a decimal such as “2.5”).`,
  },
  notNonNegative: {
    vi: (p) => `${p.Field} phải là số từ 0 trở lên (số, hoặc chữ số thập phân như “2,5”).`,
    en: (p) => `${p.Field} must be a number of 0 or more (a number, or a decimal such as “2.5”).`,
  },
  badCode: {
    vi: (p) => `${p.Field} chỉ gồm số hoặc chữ không dấu, cách nhau bằng dấu chấm (ví dụ “2.3.1”).`,
    en: (p) => `${p.Field} may contain only digits or letters without accents, separated by dots (e.g. “2.3.1”).`,
  },
  notUnit: { vi: (p) => `${p.Field} phải là số từ 0 đến 1.`, en: (p) => `${p.Field} must be a number from 0 to 1.` },
  notWeight: {
    vi: (p) => `${p.Field} phải là số lớn hơn 0 và không quá 1 (ví dụ 0,15).`,
    en: (p) => `${p.Field} must be a number above 0 and at most 1 (e.g. 0.15).`,
  },
  badVersion: {
    vi: (p) => `${p.Field} phải là một trong: ${p.params.allowed} (tệp quy tắc mới dùng 2).`,
    en: (p) => `${p.Field} must be one of ${p.params.allowed} (new rules files use 2).`,
  },
  notBoolean: { vi: (p) => `${p.Field} phải là true hoặc false.`, en: (p) => `${p.Field} must be true or false.` },
  missing: { vi: (p) => `Thiếu ${p.field}.`, en: (p) => `${p.Field} is missing.` },
  missingOneOf: { vi: (p) => `Cần ${p.params.fields} (ít nhất một).`, en: (p) => `Needs ${p.params.fields} (at least one).` },
  tooFew: {
    vi: (p) => `${p.Field} cần ít nhất ${p.params.min} mục.`,
    en: (p) => `${p.Field} needs at least ${p.params.min} ${p.params.min === 1 ? "entry" : "entries"}.`,
  },
  unknownField: { vi: () => "trường không có trong định dạng quy tắc.", en: () => "not a field of the rules format." },
  unknownFieldNear: {
    vi: (p) => `trường không có trong định dạng — có phải ${q(p.params.near)}?`,
    en: (p) => `not a field of the format — did you mean ${q(p.params.near)}?`,
  },
  needsVersion2: {
    vi: (p) => `${p.Field} chỉ có từ định dạng phiên bản 2: hãy đặt "schemaVersion": 2.`,
    en: (p) => `${p.Field} exists from format version 2 on: set "schemaVersion": 2.`,
  },
  duplicateId: { vi: (p) => `${p.Field} ${q(p.params.id)} bị trùng.`, en: (p) => `${p.Field} ${q(p.params.id)} is used twice.` },
  unknownGroup: {
    vi: (p) => `Nhóm ${q(p.params.id)} không có trong danh sách nhóm (groups).`,
    en: (p) => `Group ${q(p.params.id)} is not in the list of groups.`,
  },
  headerShared: {
    vi: (p) => `Tên ${q(p.params.text)} đã dùng cho một nhóm khác: mỗi tên cột chỉ được thuộc một nhóm.`,
    en: (p) => `${q(p.params.text)} is already a header of another group: each column header belongs to one group.`,
  },
  notEvaluatedTooLarge: {
    vi: (p) => `Tổng điểm các mục không đánh giá (${p.params.sum}) phải nhỏ hơn điểm tối đa của nhóm (${p.params.max}).`,
    en: (p) => `The items not evaluated (${p.params.sum}) must total less than the group's maximum (${p.params.max}).`,
  },
  classesNotDescending: {
    vi: (p) => `Ngưỡng của mức ${q(p.params.name)} phải nhỏ hơn ngưỡng của mức đứng trước (xếp từ mức cao xuống mức thấp).`,
    en: (p) => `The cut-off of ${q(p.params.name)} must be lower than the class above (classes go from highest to lowest).`,
  },
  lastClassNotZero: {
    vi: () => "Mức phân loại cuối cùng phải có ngưỡng 0 để mọi cơ quan đều được phân loại.",
    en: () => "The last class must start at 0 so that every agency gets a class.",
  },
  weightsAllOrNone: {
    vi: (p) => `Mọi nhóm được tính đều phải có trọng số, hoặc không nhóm nào có; còn thiếu ở: ${p.params.groups}.`,
    en: (p) => `Every counted group needs a weight, or none may have one; missing for ${p.params.groups}.`,
  },
  weightsSum: {
    vi: (p) => `Tổng các trọng số phải đúng bằng 1 (đang là ${p.params.sum}).`,
    en: (p) => `The weights must sum to exactly 1 (they sum to ${p.params.sum}).`,
  },
  weightUncounted: {
    vi: () => "Nhóm không tính vào tổng (counted: false) không có trọng số: hãy bỏ trọng số hoặc tính nhóm này.",
    en: () => "A group that is not counted (counted: false) takes no weight: remove the weight or count the group.",
  },
  noCountedGroup: {
    vi: () => "Cần ít nhất một nhóm được tính vào tổng điểm (counted khác false).",
    en: () => "At least one group must be counted (counted not false).",
  },
  blockMatchShared: {
    vi: (p) => `Chữ nhận biết ${q(p.params.text)} đã dùng cho khối khác: mỗi chữ chỉ được thuộc một khối.`,
    en: (p) => `The match text ${q(p.params.text)} already identifies another block: each belongs to one block.`,
  },
  blockMaxTooSmall: {
    vi: (p) => `Điểm tối đa của nhóm trong khối (${p.params.max}) phải lớn hơn tổng điểm các mục không đánh giá (${p.params.sum}).`,
    en: (p) => `The group's maximum in the block (${p.params.max}) must exceed the items not evaluated (${p.params.sum}).`,
  },
  lineageDuplicate: {
    vi: (p) =>
      `Cơ quan ${q(p.params.name)} đã có ở mục thứ ${p.params.other} của danh sách sáp nhập: mỗi cơ quan năm nay chỉ có một mục; hãy gộp các tiền thân vào một mục.`,
    en: (p) =>
      `The agency ${q(p.params.name)} already has entry ${p.params.other} of the lineage: one entry per agency this year; put all its predecessors in one entry.`,
  },
  lineageRepeated: {
    vi: (p) => `Tiền thân ${q(p.params.name)} được ghi hai lần trong cùng một mục: hãy xóa bớt một lần.`,
    en: (p) => `The predecessor ${q(p.params.name)} is listed twice in the same entry: remove one.`,
  },
  childrenBelowMax: {
    vi: (p) => `Tổng điểm tối đa của các tiêu chí con (${p.params.sum}) phải từ ${p.params.max} (điểm tối đa của ${p.params.id}) trở lên.`,
    en: (p) => `The sub-criteria's maxima add up to ${p.params.sum}, less than ${p.params.max} (the maximum of ${p.params.id}).`,
  },
  leafNeedsMethod: {
    vi: (p) => `Tiêu chí ${q(p.params.id)} không có tiêu chí con nên cần cách chấm (method): “points”, “levels”, “yesno”, “ratio” hoặc “tiers”.`,
    en: (p) => `Criterion ${q(p.params.id)} has no sub-criteria, so it needs a method: “points”, “levels”, “yesno”, “ratio” or “tiers”.`,
  },
  leafOnly: {
    vi: (p) => `${p.Field} chỉ dùng cho tiêu chí không có tiêu chí con; ${q(p.params.id)} được tính bằng tổng các tiêu chí con.`,
    en: (p) => `${p.Field} belongs only on a criterion without sub-criteria; ${q(p.params.id)} scores the sum of its sub-criteria.`,
  },
  notForMethod: {
    vi: (p) => `${p.Field} không dùng cho cách chấm ${q(p.params.method)}: hãy bỏ trường này hoặc đổi cách chấm.`,
    en: (p) => `${p.Field} is not used by the method ${q(p.params.method)}: remove it or change the method.`,
  },
  methodNeeds: {
    vi: (p) => `Cách chấm ${q(p.params.method)} cần ${p.field}.`,
    en: (p) => `The method ${q(p.params.method)} needs ${p.field}.`,
  },
  inputsCount: {
    vi: (p) => `Cách chấm ${q(p.params.method)} cần đúng ${p.params.count} số liệu (inputs).`,
    en: (p) => `The method ${q(p.params.method)} needs exactly ${p.params.count} ${p.params.count === 1 ? "input" : "inputs"}.`,
  },
  pointsAboveMax: {
    vi: (p) => `${p.Field} (${p.params.sum}) vượt điểm tối đa ${p.params.max} của tiêu chí ${q(p.params.id)}.`,
    en: (p) => `${p.Field} (${p.params.sum}) is above the maximum ${p.params.max} of criterion ${q(p.params.id)}.`,
  },
  tiersNotDescending: {
    vi: () => "Các ngưỡng phải xếp từ cao xuống thấp: ngưỡng này phải nhỏ hơn ngưỡng đứng trước.",
    en: () => "Tiers go from highest to lowest: this threshold must be lower than the one before.",
  },
  levelShared: {
    vi: (p) => `Nhãn mức ${q(p.params.text)} bị trùng: mỗi mức một nhãn khác nhau.`,
    en: (p) => `The level label ${q(p.params.text)} is used twice: each level needs its own label.`,
  },
  unknownBlock: {
    vi: (p) => `Khối ${q(p.params.id)} không có trong danh sách khối (blocks).`,
    en: (p) => `Block ${q(p.params.id)} is not in the list of blocks.`,
  },
  unknownCriterion: {
    vi: (p) => `Tiêu chí ${q(p.params.id)} không có trong bộ tiêu chí của các nhóm.`,
    en: (p) => `Criterion ${q(p.params.id)} is not among the groups' criteria.`,
  },
  tooDeep: {
    vi: () => "Bộ tiêu chí có tối đa ba cấp tính cả nhóm (nhóm → tiêu chí → tiêu chí con): tiêu chí con không có tiêu chí con.",
    en: () => "A criteria set is at most three levels deep counting the group (group → criterion → sub-criterion): a sub-criterion has no children.",
  },
  exemptsNothing: {
    vi: () => "Trường hợp miễn chấm phải nêu ít nhất một nhóm (groups) hoặc một tiêu chí (criteria).",
    en: () => "An exemption must name at least one group (groups) or criterion (criteria).",
  },
};

const ROOT_LABEL: Label = { vi: "Quy tắc", en: "The rules" };

function labelOf(path: string): Label {
  if (path === "") return ROOT_LABEL;
  const node = formatNodeAt(path);
  if (node) return node.label;
  const key =
    path
      .replace(/\[\d+\]$/, "")
      .split(".")
      .pop() ?? path;
  return { vi: `Trường “${key}”`, en: `The field “${key}”` };
}

const lowerFirst = (s: string): string => (/^\p{Lu}\p{Ll}/u.test(s) ? s[0].toLocaleLowerCase("vi") + s.slice(1) : s);

/** The problem's message in a language. */
export function ruleProblemMessage(p: Pick<RuleProblem, "path" | "code" | "params">, lang: Lang): string {
  const label = labelOf(p.path)[lang];
  return RULE_MESSAGES[p.code][lang]({ Field: label, field: lowerFirst(label), params: p.params });
}

/** The parameters every rules problem's example renders with (test/core/base/catalogue.test.ts). */
const EXAMPLE = {
  path: "groups[0].maxPoints",
  params: {
    allowed: "“decimal”, “percent”",
    fields: "“maxPoints”",
    groups: "“tthc”",
    id: "tthc",
    max: 50,
    method: "ratio",
    count: 2,
    min: 0,
    name: "Hạ tầng kỹ thuật",
    near: "maxPoints",
    other: 1,
    sum: 30,
    text: "sở",
    value: "=Tốt",
  },
};

/** The rules problems' messages, by code, registered for the test that renders every catalogue (ruleProblemMessage renders them). */
catalogue(
  "rules problems",
  Object.fromEntries(
    (Object.keys(RULE_MESSAGES) as RuleProblemCode[]).map((code) => [
      code,
      entry({
        vi: (p: { path: string; params: RuleProblemParams }) => ruleProblemMessage({ ...p, code }, "vi"),
        en: (p) => ruleProblemMessage({ ...p, code }, "en"),
        example: EXAMPLE,
      }),
    ]),
  ) as Record<RuleProblemCode, MessageEntry<{ path: string; params: RuleProblemParams }>>,
);

/** A problem with its Vietnamese message filled in. */
export function makeRuleProblem(path: string, code: RuleProblemCode, params: RuleProblemParams = {}): RuleProblem {
  return { path, code, params, message: ruleProblemMessage({ path, code, params }, "vi") };
}

/** One line per problem, "path: message", in a language (the CLI, refusals). */
export const ruleProblemLines = (problems: readonly RuleProblem[], lang: Lang): string[] =>
  problems.map((p) => (p.path ? `${p.path}: ${ruleProblemMessage(p, lang)}` : ruleProblemMessage(p, lang)));
