/**
 * The strings of "Giải trình" and the chart, in Vietnamese and English: loaded with the agency card and
 * Giải trình (the score-extras chunk), not in the pane's first script like the rest of the catalogue (i18n.ts).
 */
import { Lang, useStrings } from "./i18n";

const vi = {
  heading: "Giải trình",
  intro:
    "Mỗi cơ quan một trang in: điểm từng nhóm, điểm chưa đạt, điểm tối đa và lý do, chỉ số, phân loại, khoảng cách tới mức trên, thứ hạng. Dùng để trả lời văn bản của cơ quan.",
  all: "Giải trình tất cả cơ quan",
  selected: "Giải trình cơ quan đang chọn",
  /** What was made; without page breaks (Excel would not let the add-in set them) it says what to do instead, in the same notice. */
  done: (sheet: string, n: number, pageBreaks: boolean) =>
    pageBreaks
      ? `Đã tạo trang “${sheet}”: ${n} cơ quan, mỗi cơ quan một trang.`
      : `Đã tạo trang “${sheet}”: ${n} cơ quan. Phiên bản Excel này không cho add-in đặt trang in: để in mỗi cơ quan một trang, hãy chèn ngắt trang trước tiêu đề của mỗi cơ quan (Bố cục Trang → Ngắt trang) và chọn khổ A4 dọc.`,
  refused: "Chưa tạo được trang Giải trình",
  chartButton: "Biểu đồ chỉ số",
  /** What was drawn; the thresholds as lines or, where Excel would not let the add-in change a series' type, as columns (with how to change them by hand). */
  chartDone: (sheet: string, n: number, lines: boolean) =>
    `Đã tạo trang “${sheet}”: biểu đồ cột chỉ số của ${n} cơ quan theo thứ hạng, ` +
    (lines
      ? "các ngưỡng phân loại là đường ngang."
      : "các ngưỡng phân loại hiện thành cột (phiên bản Excel này không cho add-in đổi kiểu chuỗi). Có thể đổi tay: bấm chuột phải vào chuỗi “Ngưỡng …” → Thay đổi kiểu biểu đồ chuỗi → Đường.") +
    " Xóa trang này là xóa biểu đồ; các trang khác không đổi.",
  chartRefused: "Chưa vẽ được biểu đồ",
  goTo: (sheet: string) => `Đến trang “${sheet}”`,
};

export type ExplainStrings = typeof vi;

const en: ExplainStrings = {
  heading: "Explanation (Giải trình)",
  intro:
    "One printed page per agency: points per group, points lost, the maximum and why, index, class, distance to the next class, rank. For answering an agency's letter.",
  all: "Explain every agency",
  selected: "Explain the selected agencies",
  done: (sheet, n, pageBreaks) =>
    pageBreaks
      ? `Sheet “${sheet}” made: ${n} agenc${n === 1 ? "y" : "ies"}, a page each.`
      : `Sheet “${sheet}” made: ${n} agenc${n === 1 ? "y" : "ies"}. This version of Excel does not let add-ins set the printed pages: to print a page per agency, insert a page break above each agency's title (Page Layout → Breaks) and choose A4 portrait.`,
  refused: "The Giải trình sheet was not made",
  chartButton: "Chart of the indices",
  chartDone: (sheet, n, lines) =>
    `Sheet “${sheet}” made: a column chart of ${n} agenc${n === 1 ? "y's" : "ies'"} indices as ranked, ` +
    (lines
      ? "the class thresholds as horizontal lines."
      : "the class thresholds shown as columns (this version of Excel does not let add-ins change a series' type). To change it by hand: right-click a “Ngưỡng …” series → Change Series Chart Type → Line.") +
    " Deleting the sheet removes the chart; no other sheet changed.",
  chartRefused: "The chart was not made",
  goTo: (sheet) => `Go to “${sheet}”`,
};

export const explainCatalogue: Record<Lang, ExplainStrings> = { vi, en };

/** Giải trình's and the chart's strings in the pane's language. */
export const useExplainStrings = (): ExplainStrings => explainCatalogue[useStrings().lang];
