/** Why last year's data cannot be used (src/core/grid/previous.ts), as messages: no import of the scoring core, so the task pane can render them at opening. */

import { catalogue, entry, Lang } from "../base/catalogue";

export type { Lang };

/** Why last year's data cannot be used: a code with parameters, rendered per language. */
export type PreviousProblem =
  | { code: "noGrid" | "noSheet" | "unreadable"; source: string }
  /** Last year's workbook is not of an earlier year than this one (previousNotEarlier): refused unless the user confirms. */
  | { code: "notEarlier"; source: string; previous: number; current: number };

export const PREVIOUS_PROBLEMS = catalogue("last year", {
  noGrid: entry({
    vi: ({ source }: { source: string }) =>
      `“${source}” không có trang tính nào có bảng điểm để so sánh. Hãy chọn trang tính hoặc tệp có bảng điểm của năm trước.`,
    en: ({ source }) => `“${source}” has no sheet with a score grid to compare with. Choose the sheet or file holding last year's score grid.`,
    example: { source: "Chấm điểm 2019" },
  }),
  unreadable: entry({
    vi: ({ source }: { source: string }) =>
      `Không đọc được tệp “${source}”: tệp không phải sổ tính Excel (.xlsx) hoặc đã hỏng. Hãy mở tệp bằng Excel, lưu lại dạng .xlsx rồi chọn lại.`,
    en: ({ source }) =>
      `The file “${source}” cannot be read: it is not an Excel workbook (.xlsx) or it is damaged. Open it in Excel, save it as .xlsx and choose it again.`,
    example: { source: "ket-qua-2019.xlsx" },
  }),
  noSheet: entry({
    vi: ({ source }: { source: string }) => `Không còn trang tính “${source}” trong sổ tính này. Hãy chọn lại trang tính của năm trước.`,
    en: ({ source }) => `This workbook no longer has a sheet “${source}”. Choose last year's sheet again.`,
    example: { source: "Chấm điểm 2019" },
  }),
  notEarlier: entry({
    vi: (p: { source: string; previous: number; current: number }) =>
      `“${p.source}” là bảng điểm năm ${p.previous}, không trước năm ${p.current} của bảng điểm này, nên chưa so sánh. Hãy chọn bảng điểm của năm trước (năm ${p.current - 1} hoặc trước đó); nếu đúng là muốn so sánh như vậy, bấm “Vẫn so sánh”.`,
    en: (p) =>
      `“${p.source}” is the score table of ${p.previous}, not earlier than this table's ${p.current}, so it is not compared. Choose the previous year's table (${p.current - 1} or earlier); if this comparison is really meant, click “Compare anyway”.`,
    example: { source: "ket-qua-2021.xlsx", previous: 2021, current: 2020 },
  }),
});

export const previousProblemText = (p: PreviousProblem, lang: Lang): string => (PREVIOUS_PROBLEMS[p.code][lang] as (p: PreviousProblem) => string)(p);

/**
 * Why the annex cannot carry last year's columns ("Tạo phụ lục" with the choice to include them),
 * read from the score sheet: a code with parameters, rendered per language.
 */
export type AnnexPreviousProblem =
  /** The score sheet has no column of that header (last year's comparison was never run on it). */
  | { code: "annexPreviousNoColumns"; missing: string[] }
  /** Cells of "Xếp hạng năm trước" holding something that is not a rank. */
  | { code: "annexPreviousNotRank"; cells: string[] }
  /** Cells of "Tăng/giảm" that disagree with last year's rank and this year's (scored again without the comparison). */
  | { code: "annexPreviousChangeStale"; cells: string[] };

const cellList = (cells: readonly string[]) => cells.slice(0, 10).join(", ") + (cells.length > 10 ? ` (+${cells.length - 10})` : "");
const quoted = (names: readonly string[], and: string) => names.map((n) => `“${n}”`).join(` ${and} `);

type Of<C extends AnnexPreviousProblem["code"]> = Extract<AnnexPreviousProblem, { code: C }>;

export const ANNEX_PREVIOUS_PROBLEMS = catalogue("annex with last year", {
  annexPreviousNoColumns: entry({
    vi: (p: Of<"annexPreviousNoColumns">) =>
      `Phụ lục được chọn có cột “Xếp hạng năm trước” và “Tăng/giảm”, nhưng trang bảng điểm chưa có cột ${quoted(p.missing, "và")}. Hãy bấm “Tính điểm” với “So sánh với năm trước” trước, hoặc bỏ chọn “Đưa xếp hạng năm trước vào phụ lục”. Chưa có gì thay đổi.`,
    en: (p) =>
      `The annex is set to include last year's rank and the change, but the score sheet has no ${quoted(p.missing, "or")} column yet. Click “Score” with “Compare with last year” first, or clear “Include last year's rank in the annex”. Nothing has been changed.`,
    example: { code: "annexPreviousNoColumns", missing: ["Xếp hạng năm trước", "Tăng/giảm"] },
  }),
  annexPreviousNotRank: entry({
    vi: (p: Of<"annexPreviousNotRank">) =>
      `Cột “Xếp hạng năm trước” có ô không phải là thứ hạng (số nguyên từ 1): ${cellList(p.cells)}. Hãy sửa hoặc xóa các ô đó (để trống cho cơ quan mới), rồi tạo lại phụ lục. Chưa có gì thay đổi.`,
    en: (p) =>
      `The “Xếp hạng năm trước” column (last year's rank) has cells that are not a rank (a whole number from 1): ${cellList(p.cells)}. Correct or clear them (blank for a new agency), then create the annex again. Nothing has been changed.`,
    example: { code: "annexPreviousNotRank", cells: ["L5", "L9"] },
  }),
  annexPreviousChangeStale: entry({
    vi: (p: Of<"annexPreviousChangeStale">) =>
      `Cột “Tăng/giảm” không khớp với xếp hạng năm nay và năm trước ở ${cellList(p.cells)}: điểm đã được tính lại mà không so sánh với năm trước. Hãy bấm “Tính điểm” với “So sánh với năm trước” rồi tạo lại phụ lục. Chưa có gì thay đổi.`,
    en: (p) =>
      `The “Tăng/giảm” column (the change) disagrees with this year's and last year's ranks in ${cellList(p.cells)}: the scores were computed again without the comparison. Click “Score” with “Compare with last year”, then create the annex again. Nothing has been changed.`,
    example: { code: "annexPreviousChangeStale", cells: ["M5"] },
  }),
});

export function annexPreviousProblemText(p: AnnexPreviousProblem, lang: Lang): string {
  const render = ANNEX_PREVIOUS_PROBLEMS[p.code][lang] as (p: AnnexPreviousProblem) => string;
  return render(p);
}
