/**
 * The criteria view's strings (the Quy tắc tab's “Bộ tiêu chí”), in Vietnamese and English: loaded with the
 * view (a chunk of its own), not in the pane's first script like the rest of the catalogue (i18n.ts).
 */
import { Lang, useStrings } from "./i18n";

type Num = number | string;
/** A number as the language writes it ("0,25" in Vietnamese). */
const viNum = (v: Num): string => String(v).replace(".", ",");
const enNum = (v: Num): string => String(v);

const vi = {
  heading: "Bộ tiêu chí",
  intro: "Các tiêu chí và tiêu chí con của từng nhóm, cách chấm và điểm tối đa của từng tiêu chí (giữ nguyên khi lưu quy tắc).",
  none: "Chưa nhóm nào có bộ tiêu chí: mỗi nhóm được chấm bằng một ô điểm trong bảng điểm.",
  groupSummary: (name: string, count: number, max: Num) => `${name}: ${count} tiêu chí, tối đa ${viNum(max)} điểm`,
  max: (max: Num) => `tối đa ${viNum(max)}`,
  sum: (max: Num) => `Tổng điểm các tiêu chí con, không quá ${viNum(max)}.`,
  points: (max: Num, step?: Num) => `Nhập điểm từ 0 đến ${viNum(max)}${step !== undefined ? `, bước ${viNum(step)}` : ""}.`,
  levels: (levels: { label: string; points: Num }[]) => `Chọn mức: ${levels.map((l) => `${l.label} ${viNum(l.points)}`).join("; ")}.`,
  yesno: (max: Num) => `Có được ${viNum(max)}, Không được 0.`,
  ratio: (a: string, b: string, target?: Num) => `Tỉ lệ ${a} ÷ ${b}; đạt điểm tối đa khi tỉ lệ từ ${viNum(target ?? 1)} trở lên, thấp hơn thì theo tỉ lệ.`,
  tiers: (input: string, tiers: { atLeast: Num; points: Num }[]) =>
    `Theo ${input}: ${tiers.map((t) => `từ ${viNum(t.atLeast)} được ${viNum(t.points)}`).join("; ")}; thấp hơn được 0.`,
  evidenceRequired: "Bắt buộc có tài liệu kiểm chứng.",
  evidenceNone: "Không cần tài liệu kiểm chứng.",
  appliesTo: (blocks: string) => `Chỉ chấm cho khối: ${blocks}.`,
  guidance: (text: string) => `Hướng dẫn: ${text}`,
};

export type CriteriaStrings = typeof vi;

const en: CriteriaStrings = {
  heading: "Criteria set",
  intro: "Each group's criteria and sub-criteria, how each is scored and its maximum (kept when the rules are saved).",
  none: "No group has a criteria set: each group is scored in one cell of the score table.",
  groupSummary: (name, count, max) => `${name}: ${count} criteri${count === 1 ? "on" : "a"}, at most ${enNum(max)} points`,
  max: (max) => `max ${enNum(max)}`,
  sum: (max) => `Sum of its sub-criteria, at most ${enNum(max)}.`,
  points: (max, step) => `Points typed from 0 to ${enNum(max)}${step !== undefined ? `, in steps of ${enNum(step)}` : ""}.`,
  levels: (levels) => `Choose a level: ${levels.map((l) => `${l.label} ${enNum(l.points)}`).join("; ")}.`,
  yesno: (max) => `Yes gives ${enNum(max)}, No gives 0.`,
  ratio: (a, b, target) => `Ratio ${a} ÷ ${b}; the maximum from a ratio of ${enNum(target ?? 1)}, proportionally below.`,
  tiers: (input, tiers) => `By ${input}: ${tiers.map((t) => `from ${enNum(t.atLeast)} gives ${enNum(t.points)}`).join("; ")}; below gives 0.`,
  evidenceRequired: "Evidence required.",
  evidenceNone: "No evidence needed.",
  appliesTo: (blocks) => `Scored only for the blocks: ${blocks}.`,
  guidance: (text) => `Guidance: ${text}`,
};

export const criteriaCatalogue: Record<Lang, CriteriaStrings> = { vi, en };

/** The criteria view's strings in the pane's language. */
export const useCriteriaStrings = (): CriteriaStrings => criteriaCatalogue[useStrings().lang];
