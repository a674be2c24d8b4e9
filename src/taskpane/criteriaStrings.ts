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
  sheetIntro: "Bộ tiêu chí cũng giữ được trong trang “Bộ tiêu chí” như bảng trong quyết định: ghi ra trang để sửa, rồi đọc lại vào quy tắc.",
  ledgerIntro:
    "Trang “Chấm điểm chi tiết” có một dòng cho mỗi cơ quan của bảng điểm (trang đang mở) và mỗi tiêu chí được chấm theo quy tắc đã lưu: nơi nhập số liệu, tự chấm, thẩm định và nơi “Gộp phiếu” ghi các phiếu chấm theo tiêu chí.",
  makeLedger: "Tạo trang chấm điểm chi tiết",
  readSheet: "Đọc trang Bộ tiêu chí",
  writeSheet: "Ghi ra trang Bộ tiêu chí",
  fromSheet: "Đang xem bộ tiêu chí đọc từ trang “Bộ tiêu chí” (chưa lưu vào quy tắc).",
  use: "Dùng bộ tiêu chí này",
  discard: "Bỏ qua",
  used: "Đã lưu bộ tiêu chí đọc từ trang vào quy tắc của sổ tính.",
  sheetProblems: (count: number) => `Lỗi trên trang “Bộ tiêu chí” (${count})`,
  goToCell: (cell: string) => `Tới ô ${cell}`,
  rulesProblems: (count: number) => `Lỗi của bộ tiêu chí trong quy tắc (${count})`,
  problemAt: (path: string, text: string) => `Tại ${path}: ${text}`,
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
  sheetIntro:
    "The criteria set can also be kept in the “Bộ tiêu chí” sheet, as the table in a decision: write it out to edit it, then read it back into the rules.",
  ledgerIntro:
    "The “Chấm điểm chi tiết” sheet has one row per agency of the score table (the open sheet) and criterion scored by the saved rules: where inputs, self-assessment and appraisal are entered, and where “Merge forms” writes forms scored by criterion.",
  makeLedger: "Make the detailed scoring sheet",
  readSheet: "Read the Bộ tiêu chí sheet",
  writeSheet: "Write the Bộ tiêu chí sheet",
  fromSheet: "Showing the criteria set read from the “Bộ tiêu chí” sheet (not in the rules yet).",
  use: "Use this criteria set",
  discard: "Dismiss",
  used: "The criteria set read from the sheet is kept in the workbook's rules.",
  sheetProblems: (count) => `Problems on the “Bộ tiêu chí” sheet (${count})`,
  goToCell: (cell) => `Go to cell ${cell}`,
  rulesProblems: (count) => `Problems of the criteria set in the rules (${count})`,
  problemAt: (path, text) => `At ${path}: ${text}`,
};

export const criteriaCatalogue: Record<Lang, CriteriaStrings> = { vi, en };

/** The criteria view's strings in the pane's language. */
export const useCriteriaStrings = (): CriteriaStrings => criteriaCatalogue[useStrings().lang];
