/** Why last year's data cannot be used (src/core/previous.ts), as messages: no import of the scoring core, so the task pane can render them at opening. */

export type Lang = "vi" | "en";

/** Why last year's data cannot be used: a code with parameters, rendered per language. */
export type PreviousProblem = { code: "noGrid" | "noSheet" | "unreadable"; source: string };

export const PREVIOUS_PROBLEMS: Record<PreviousProblem["code"], Record<Lang, (p: { source: string }) => string>> = {
  noGrid: {
    vi: ({ source }) => `“${source}” không có trang tính nào có bảng điểm để so sánh. Hãy chọn trang tính hoặc tệp có bảng điểm của năm trước.`,
    en: ({ source }) => `“${source}” has no sheet with a score grid to compare with. Choose the sheet or file holding last year's score grid.`,
  },
  unreadable: {
    vi: ({ source }) => `Không đọc được tệp “${source}”: tệp không phải sổ tính Excel (.xlsx) hoặc đã hỏng. Hãy mở tệp bằng Excel, lưu lại dạng .xlsx rồi chọn lại.`,
    en: ({ source }) => `The file “${source}” cannot be read: it is not an Excel workbook (.xlsx) or it is damaged. Open it in Excel, save it as .xlsx and choose it again.`,
  },
  noSheet: {
    vi: ({ source }) => `Không còn trang tính “${source}” trong sổ tính này. Hãy chọn lại trang tính của năm trước.`,
    en: ({ source }) => `This workbook no longer has a sheet “${source}”. Choose last year's sheet again.`,
  },
};

export const previousProblemText = (p: PreviousProblem, lang: Lang): string => PREVIOUS_PROBLEMS[p.code][lang](p);
