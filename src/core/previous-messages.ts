/** Why last year's data cannot be used (src/core/previous.ts), as messages: no import of the scoring core, so the task pane can render them at opening. */

import { catalogue, entry, Lang } from "./catalogue";

export type { Lang };

/** Why last year's data cannot be used: a code with parameters, rendered per language. */
export type PreviousProblem = { code: "noGrid" | "noSheet" | "unreadable"; source: string };

export const PREVIOUS_PROBLEMS = catalogue("last year", {
  noGrid: entry({
    vi: ({ source }: { source: string }) => `“${source}” không có trang tính nào có bảng điểm để so sánh. Hãy chọn trang tính hoặc tệp có bảng điểm của năm trước.`,
    en: ({ source }) => `“${source}” has no sheet with a score grid to compare with. Choose the sheet or file holding last year's score grid.`,
    example: { source: "Chấm điểm 2019" },
  }),
  unreadable: entry({
    vi: ({ source }: { source: string }) => `Không đọc được tệp “${source}”: tệp không phải sổ tính Excel (.xlsx) hoặc đã hỏng. Hãy mở tệp bằng Excel, lưu lại dạng .xlsx rồi chọn lại.`,
    en: ({ source }) => `The file “${source}” cannot be read: it is not an Excel workbook (.xlsx) or it is damaged. Open it in Excel, save it as .xlsx and choose it again.`,
    example: { source: "ket-qua-2019.xlsx" },
  }),
  noSheet: entry({
    vi: ({ source }: { source: string }) => `Không còn trang tính “${source}” trong sổ tính này. Hãy chọn lại trang tính của năm trước.`,
    en: ({ source }) => `This workbook no longer has a sheet “${source}”. Choose last year's sheet again.`,
    example: { source: "Chấm điểm 2019" },
  }),
});

export const previousProblemText = (p: PreviousProblem, lang: Lang): string => PREVIOUS_PROBLEMS[p.code][lang](p);
