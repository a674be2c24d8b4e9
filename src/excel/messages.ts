/**
 * Messages of the Office layer's round trips, as codes with parameters rendered per language from typed
 * templates (the style of core/findings.ts). Neither language is derived from the other.
 */
export type Lang = "vi" | "en";

const list = (cells: readonly string[], lang: Lang): string => {
  const shown = cells.slice(0, 10).join(", ");
  const more = cells.length - 10;
  if (more <= 0) return shown;
  return lang === "en" ? `${shown} and ${more} other cell${more === 1 ? "" : "s"}` : `${shown} và ${more} ô khác`;
};

interface Templates<P> {
  vi: (p: P) => string;
  en: (p: P) => string;
}

const TEMPLATES = {
  /** Someone typed into cells the results go to while "Tính điểm" ran: their content was put back. */
  editedMeanwhile: {
    vi: (p: { cells: string[] }) =>
      `Trong lúc tính điểm, ô ${list(p.cells, "vi")} đã được sửa; add-in đã trả lại nội dung vừa nhập, không ghi đè. Hãy bấm lại “Tính điểm” để có kết quả đầy đủ.`,
    en: (p: { cells: string[] }) =>
      `While scoring, cell${p.cells.length === 1 ? "" : "s"} ${list(p.cells, "en")} ${p.cells.length === 1 ? "was" : "were"} edited; the add-in put back what was typed there and did not overwrite it. Click “Score” again for complete results.`,
  } satisfies Templates<{ cells: string[] }>,
  /** Undo left alone cells edited since the add-in wrote them. */
  undoLeftEdited: {
    vi: (p: { cells: string[] }) => `Các ô đã được sửa sau lần tính được để nguyên, không hoàn tác: ${list(p.cells, "vi")}.`,
    en: (p: { cells: string[] }) => `Cells edited after that run were left as they are, not undone: ${list(p.cells, "en")}.`,
  } satisfies Templates<{ cells: string[] }>,
  /** A previous annex action did not finish (Excel failed mid-way): undo removed what it had started. */
  annexUnfinished: {
    vi: (_p: Record<string, never>) => "Lần “Tạo phụ lục” trước chưa hoàn tất (Excel báo lỗi giữa chừng); phụ lục cũ được giữ nguyên.",
    en: (_p: Record<string, never>) => "The previous “Create annex” did not finish (Excel failed part-way); the previous annex was kept as it was.",
  } satisfies Templates<Record<string, never>>,
  /** "Hoàn tác" after "Biểu đồ chỉ số": the chart's sheet was removed. */
  chartUndone: {
    vi: (p: { time: string; sheet: string }) => `Đã hoàn tác lần “Biểu đồ chỉ số” lúc ${p.time}: trang “${p.sheet}” đã được xóa.`,
    en: (p: { time: string; sheet: string }) => `Undid the “Chart of the indices” at ${p.time}: sheet “${p.sheet}” was removed.`,
  } satisfies Templates<{ time: string; sheet: string }>,
  /** "Hoàn tác" after "Giải trình": its sheet was removed. */
  explainUndone: {
    vi: (p: { time: string; sheet: string }) => `Đã hoàn tác lần “Giải trình” lúc ${p.time}: trang “${p.sheet}” đã được xóa.`,
    en: (p: { time: string; sheet: string }) => `Undid the “Explanation” at ${p.time}: sheet “${p.sheet}” was removed.`,
  } satisfies Templates<{ time: string; sheet: string }>,
  /** The Giải trình sheet is gone (deleted or renamed by the user). */
  explainSheetGone: {
    vi: (p: { sheet: string }) => `Không hoàn tác được: trang giải trình “${p.sheet}” không còn trong sổ tính (đã bị xóa hoặc đổi tên). Nếu còn, hãy xóa trang đó bằng tay.`,
    en: (p: { sheet: string }) => `Could not undo: the explanation sheet “${p.sheet}” is no longer in the workbook (deleted or renamed). If it is still there, delete it by hand.`,
  } satisfies Templates<{ sheet: string }>,
  /** A sheet of that name whose first cell is no Giải trình title: not the add-in's, so it is not deleted. */
  explainSheetNotOurs: {
    vi: (p: { sheet: string }) => `Không hoàn tác được: ô A1 của trang “${p.sheet}” không còn là tiêu đề giải trình, có thể không phải trang add-in đã tạo, nên không bị xóa.`,
    en: (p: { sheet: string }) => `Could not undo: cell A1 of sheet “${p.sheet}” no longer holds an explanation title, so it may not be the one the add-in made, and it was not deleted.`,
  } satisfies Templates<{ sheet: string }>,
  /** The chart's sheet is gone (deleted or renamed by the user): nothing to remove. */
  chartSheetGone: {
    vi: (p: { sheet: string }) => `Không hoàn tác được: trang biểu đồ “${p.sheet}” không còn trong sổ tính (đã bị xóa hoặc đổi tên). Nếu còn, hãy xóa trang đó bằng tay.`,
    en: (p: { sheet: string }) => `Could not undo: the chart sheet “${p.sheet}” is no longer in the workbook (deleted or renamed). If it is still there, delete it by hand.`,
  } satisfies Templates<{ sheet: string }>,
  /** A sheet of the chart's name that holds no chart: not the add-in's, so it is not deleted. */
  chartSheetNotOurs: {
    vi: (p: { sheet: string }) => `Không hoàn tác được: trang “${p.sheet}” không còn biểu đồ nào, có thể không phải trang add-in đã tạo, nên không bị xóa.`,
    en: (p: { sheet: string }) => `Could not undo: sheet “${p.sheet}” holds no chart any more and may not be the one the add-in made, so it was not deleted.`,
  } satisfies Templates<{ sheet: string }>,
};

export type ExcelMessageCode = keyof typeof TEMPLATES;
type ParamsOf<C extends ExcelMessageCode> = Parameters<(typeof TEMPLATES)[C]["vi"]>[0];

/** A message as the outcomes carry it: its code and parameters, and the text in both languages. */
export interface ExcelMessage<C extends ExcelMessageCode = ExcelMessageCode> {
  code: C;
  params: ParamsOf<C>;
  vi: string;
  en: string;
}

export function excelMessage<C extends ExcelMessageCode>(code: C, params: ParamsOf<C>): ExcelMessage<C> {
  const t = TEMPLATES[code] as unknown as Templates<ParamsOf<C>>;
  return { code, params, vi: t.vi(params), en: t.en(params) };
}

/** Every code, for the test that renders each in both languages. */
export const EXCEL_MESSAGE_CODES = Object.keys(TEMPLATES) as ExcelMessageCode[];
