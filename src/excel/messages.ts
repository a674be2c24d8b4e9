/**
 * Messages of the Office layer's round trips, as codes with parameters rendered per language from typed
 * templates (the style of core/findings/findings.ts). Neither language is derived from the other.
 */
import { both, Both, catalogue, CELL_LIST, entry, MessageEntry, ParamsOf as EntryParams, plural } from "../core/base/catalogue";
import { previousProblemText, PreviousProblem } from "../core/grid/previous-messages";
import { makeRuleProblem, ruleProblemLines } from "../core/rules/ruleMessages";
import type { RuleProblem } from "../core/rules/rules";

export type { Lang } from "../core/base/catalogue";

const list = (cells: readonly string[], lang: "vi" | "en"): string => CELL_LIST[lang](cells);

const TEMPLATES = catalogue("excel", {
  /** Someone typed into cells the results go to while "Tính điểm" ran: their content was put back. */
  editedMeanwhile: entry({
    vi: (p: { cells: string[] }) =>
      `Trong lúc tính điểm, ô ${list(p.cells, "vi")} đã được sửa; add-in đã trả lại nội dung vừa nhập, không ghi đè. Hãy bấm lại “Tính điểm” để có kết quả đầy đủ.`,
    en: (p) =>
      `While scoring, cell${p.cells.length === 1 ? "" : "s"} ${list(p.cells, "en")} ${p.cells.length === 1 ? "was" : "were"} edited; the add-in put back what was typed there and did not overwrite it. Click “Score” again for complete results.`,
    example: { cells: ["K5", "L5"] },
  }),
  /** Undo left alone cells edited since the add-in wrote them. */
  undoLeftEdited: entry({
    vi: (p: { cells: string[] }) => `Các ô đã được sửa sau lần tính được để nguyên, không hoàn tác: ${list(p.cells, "vi")}.`,
    en: (p) => `Cells edited after that run were left as they are, not undone: ${list(p.cells, "en")}.`,
    example: { cells: ["K5"] },
  }),
  /** A previous annex action did not finish (Excel failed mid-way): undo removed what it had started. */
  annexUnfinished: entry({
    vi: (_p: Record<string, never>) => "Lần “Tạo phụ lục” trước chưa hoàn tất (Excel báo lỗi giữa chừng); phụ lục cũ được giữ nguyên.",
    en: () => "The previous “Create annex” did not finish (Excel failed part-way); the previous annex was kept as it was.",
    example: {},
  }),
  /** "Hoàn tác" after "Biểu đồ chỉ số": the chart's sheet was removed. */
  chartUndone: entry({
    vi: (p: { time: string; sheet: string }) => `Đã hoàn tác lần “Biểu đồ chỉ số” lúc ${p.time}: trang “${p.sheet}” đã được xóa.`,
    en: (p) => `Undid the “Chart of the indices” at ${p.time}: sheet “${p.sheet}” was removed.`,
    example: { time: "09:41", sheet: "Biểu đồ chỉ số" },
  }),
  /** "Hoàn tác" after "Giải trình": its sheet was removed. */
  explainUndone: entry({
    vi: (p: { time: string; sheet: string }) => `Đã hoàn tác lần “Giải trình” lúc ${p.time}: trang “${p.sheet}” đã được xóa.`,
    en: (p) => `Undid the “Explanation” at ${p.time}: sheet “${p.sheet}” was removed.`,
    example: { time: "09:41", sheet: "Giải trình" },
  }),
  /** "Hoàn tác" after "Ghi trang Sáp nhập": the sheet was removed. */
  lineageUndone: entry({
    vi: (p: { time: string; sheet: string }) => `Đã hoàn tác lần “Ghi trang Sáp nhập” lúc ${p.time}: trang “${p.sheet}” đã được xóa.`,
    en: (p) => `Undid “Write the Sáp nhập sheet” at ${p.time}: sheet “${p.sheet}” was removed.`,
    example: { time: "09:41", sheet: "Sáp nhập" },
  }),
  /** "Hoàn tác" after "Xem nhật ký": the sheet was removed (the log itself stays). */
  logSheetUndone: entry({
    vi: (p: { time: string; sheet: string }) =>
      `Đã hoàn tác lần “Xem nhật ký” lúc ${p.time}: trang “${p.sheet}” đã được xóa (nhật ký vẫn được giữ trong sổ tính).`,
    en: (p) => `Undid “Show the log” at ${p.time}: sheet “${p.sheet}” was removed (the log itself is kept in the workbook).`,
    example: { time: "09:41", sheet: "Nhật ký" },
  }),
  logSheetNotOurs: entry({
    vi: (p: { sheet: string }) =>
      `Không hoàn tác được: ô A1 của trang “${p.sheet}” không còn là tiêu đề “NHẬT KÝ GHI SỔ TÍNH”, có thể không phải trang add-in đã ghi, nên không bị xóa.`,
    en: (p) =>
      `Could not undo: cell A1 of sheet “${p.sheet}” no longer holds the “NHẬT KÝ GHI SỔ TÍNH” title, so it may not be the one the add-in wrote, and it was not deleted.`,
    example: { sheet: "Nhật ký" },
  }),
  /** "Hoàn tác" after "Tạo trang chấm điểm chi tiết": the sheet was removed. */
  ledgerUndone: entry({
    vi: (p: { time: string; sheet: string }) => `Đã hoàn tác lần “Tạo trang chấm điểm chi tiết” lúc ${p.time}: trang “${p.sheet}” đã được xóa.`,
    en: (p) => `Undid “Make the detailed scoring sheet” at ${p.time}: sheet “${p.sheet}” was removed.`,
    example: { time: "09:41", sheet: "Chấm điểm chi tiết" },
  }),
  /** The ledger no longer as the add-in made it (title gone, or something entered): not deleted, nothing lost. */
  ledgerSheetNotOurs: entry({
    vi: (p: { sheet: string }) =>
      `Không hoàn tác được: trang “${p.sheet}” đã có số liệu nhập vào (hoặc ô A1 không còn là tiêu đề “CHẤM ĐIỂM CHI TIẾT THEO TIÊU CHÍ”), nên không bị xóa để khỏi mất dữ liệu. Nếu muốn bỏ trang, hãy xóa bằng tay.`,
    en: (p) =>
      `Could not undo: sheet “${p.sheet}” now holds entered data (or cell A1 no longer holds the “CHẤM ĐIỂM CHI TIẾT THEO TIÊU CHÍ” title), so it was not deleted and nothing is lost. To drop it, delete it by hand.`,
    example: { sheet: "Chấm điểm chi tiết" },
  }),
  /** "Tạo trang chấm điểm chi tiết" done. */
  ledgerSheetWritten: entry({
    vi: (p: { sheet: string; rows: number; agencies: number }) =>
      `Đã tạo trang “${p.sheet}”: ${p.rows} dòng cho ${p.agencies} cơ quan (mỗi cơ quan một dòng cho từng tiêu chí được chấm). Các cột tô vàng để nhập số liệu, tự chấm và thẩm định; giờ có thể gộp phiếu chấm theo tiêu chí.`,
    en: (p) =>
      `Made the “${p.sheet}” sheet: ${p.rows} rows for ${plural(p.agencies, "agency", "agencies")} (one row per agency and scored criterion). The yellow columns take the inputs, self-assessment and appraisal; forms scored by criterion can now be merged.`,
    example: { sheet: "Chấm điểm chi tiết", rows: 145, agencies: 5 },
  }),
  /** The workbook already has the ledger: never written over. */
  ledgerSheetExists: entry({
    vi: (p: { sheet: string }) =>
      `Sổ tính đã có trang “${p.sheet}”: số liệu trên đó được giữ nguyên, không bị ghi đè. Nếu muốn tạo lại, hãy đổi tên hoặc xóa trang đó trước.`,
    en: (p) =>
      `The workbook already has a “${p.sheet}” sheet: what it holds is kept and not written over. To make it again, rename or delete that sheet first.`,
    example: { sheet: "Chấm điểm chi tiết" },
  }),
  /** The stored rules have no criteria: no ledger to make. */
  ledgerNoCriteria: entry({
    vi: (p: { sheet: string }) =>
      `Quy tắc đã lưu của sổ tính chưa có bộ tiêu chí nên không tạo được trang “${p.sheet}”. Hãy lưu quy tắc có tiêu chí (thẻ Quy tắc) rồi tạo lại.`,
    en: (p) =>
      `The workbook's saved rules have no criteria set, so the “${p.sheet}” sheet cannot be made. Save rules with criteria (the Rules tab) and try again.`,
    example: { sheet: "Chấm điểm chi tiết" },
  }),
  /** The Sáp nhập, Nhật ký or Bộ tiêu chí sheet the pane wrote is gone (deleted or renamed by the user). */
  addedSheetGone: entry({
    vi: (p: { sheet: string }) =>
      `Không hoàn tác được: trang “${p.sheet}” không còn trong sổ tính (đã bị xóa hoặc đổi tên). Nếu còn, hãy xóa trang đó bằng tay.`,
    en: (p) => `Could not undo: the “${p.sheet}” sheet is no longer in the workbook (deleted or renamed). If it is still there, delete it by hand.`,
    example: { sheet: "Sáp nhập" },
  }),
  /** A sheet of that name whose A1 is no longer the lineage header: not deleted. */
  lineageSheetNotOurs: entry({
    vi: (p: { sheet: string }) =>
      `Không hoàn tác được: ô A1 của trang “${p.sheet}” không còn là tiêu đề “Cơ quan hiện nay”, có thể không phải trang add-in đã ghi, nên không bị xóa.`,
    en: (p) =>
      `Could not undo: cell A1 of sheet “${p.sheet}” no longer holds the “Cơ quan hiện nay” header, so it may not be the one the add-in wrote, and it was not deleted.`,
    example: { sheet: "Sáp nhập" },
  }),
  /** "Hoàn tác" after "Ghi ra trang Bộ tiêu chí": the sheet was removed. */
  criteriaUndone: entry({
    vi: (p: { time: string; sheet: string }) => `Đã hoàn tác lần “Ghi ra trang Bộ tiêu chí” lúc ${p.time}: trang “${p.sheet}” đã được xóa.`,
    en: (p) => `Undid “Write the Bộ tiêu chí sheet” at ${p.time}: sheet “${p.sheet}” was removed.`,
    example: { time: "09:41", sheet: "Bộ tiêu chí" },
  }),
  /** A sheet of that name whose A1 no longer holds the title the add-in wrote: not deleted. */
  criteriaSheetNotOurs: entry({
    vi: (p: { sheet: string }) =>
      `Không hoàn tác được: ô A1 của trang “${p.sheet}” không còn là tiêu đề “BỘ TIÊU CHÍ ĐÁNH GIÁ”, có thể không phải trang add-in đã ghi, nên không bị xóa.`,
    en: (p) =>
      `Could not undo: cell A1 of sheet “${p.sheet}” no longer holds the “BỘ TIÊU CHÍ ĐÁNH GIÁ” title, so it may not be the one the add-in wrote, and it was not deleted.`,
    example: { sheet: "Bộ tiêu chí" },
  }),
  /** "Ghi ra trang Bộ tiêu chí" done. */
  criteriaSheetWritten: entry({
    vi: (p: { sheet: string; leaves: number }) =>
      `Đã ghi bộ tiêu chí (${p.leaves} tiêu chí chấm điểm) ra trang “${p.sheet}”. Sửa bảng trên trang rồi bấm “Đọc trang Bộ tiêu chí” để đưa vào quy tắc.`,
    en: (p) =>
      `Wrote the criteria set (${p.leaves} scored criteria) as the “${p.sheet}” sheet. Edit the table there, then “Read the Bộ tiêu chí sheet” to bring it into the rules.`,
    example: { sheet: "Bộ tiêu chí", leaves: 29 },
  }),
  /** The workbook already has the sheet: the user's table, never written over. */
  criteriaSheetExists: entry({
    vi: (p: { sheet: string }) =>
      `Sổ tính đã có trang “${p.sheet}”: đó là bảng của bạn, không bị ghi đè. Hãy bấm “Đọc trang Bộ tiêu chí” để đưa nó vào quy tắc, hoặc đổi tên, xóa trang đó rồi ghi lại.`,
    en: (p) =>
      `The workbook already has a “${p.sheet}” sheet: it is your table and is not written over. “Read the Bộ tiêu chí sheet” to bring it into the rules, or rename or delete it and write again.`,
    example: { sheet: "Bộ tiêu chí" },
  }),
  /** The rules have no criteria to write. */
  criteriaNothingToWrite: entry({
    vi: () =>
      "Quy tắc chưa có bộ tiêu chí nên không có gì để ghi ra trang. Hãy nhập quy tắc có tiêu chí (tệp JSON), hoặc tạo trang “Bộ tiêu chí” theo mẫu trong tài liệu.",
    en: () =>
      "The rules have no criteria set, so there is nothing to write. Import rules with criteria (a JSON file), or make a “Bộ tiêu chí” sheet as the documentation shows.",
    example: {},
  }),
  /** No sheet to read. */
  criteriaSheetMissing: entry({
    vi: (p: { sheet: string }) =>
      `Sổ tính không có trang “${p.sheet}”. Hãy bấm “Ghi ra trang Bộ tiêu chí” để tạo từ quy tắc, hoặc thêm bảng tiêu chí với tên trang đó.`,
    en: (p) => `The workbook has no “${p.sheet}” sheet. “Write the Bộ tiêu chí sheet” to make it from the rules, or add the criteria table under that name.`,
    example: { sheet: "Bộ tiêu chí" },
  }),
  /** The sheet read: its criteria, shown, not yet used. */
  criteriaSheetRead: entry({
    vi: (p: { sheet: string; leaves: number }) =>
      `Đã đọc ${p.leaves} tiêu chí chấm điểm từ trang “${p.sheet}” (xem bên dưới). Bấm “Dùng bộ tiêu chí này” để lưu vào quy tắc của sổ tính.`,
    en: (p) => `Read ${p.leaves} scored criteria from the “${p.sheet}” sheet (shown below). “Use this criteria set” keeps them in the workbook's rules.`,
    example: { sheet: "Bộ tiêu chí", leaves: 29 },
  }),
  /** The sheet read has problems, listed by cell. */
  criteriaSheetProblems: entry({
    vi: (p: { sheet: string; count: number }) => `Trang “${p.sheet}” có ${p.count} lỗi, chưa đưa được vào quy tắc. Chọn một lỗi để tới ô đó, sửa rồi đọc lại.`,
    en: (p) =>
      `The “${p.sheet}” sheet has ${plural(p.count, "problem")}; it is not in the rules yet. Choose a problem to go to its cell, fix it and read again.`,
    example: { sheet: "Bộ tiêu chí", count: 2 },
  }),
  /** The Giải trình sheet is gone (deleted or renamed by the user). */
  explainSheetGone: entry({
    vi: (p: { sheet: string }) =>
      `Không hoàn tác được: trang giải trình “${p.sheet}” không còn trong sổ tính (đã bị xóa hoặc đổi tên). Nếu còn, hãy xóa trang đó bằng tay.`,
    en: (p) => `Could not undo: the explanation sheet “${p.sheet}” is no longer in the workbook (deleted or renamed). If it is still there, delete it by hand.`,
    example: { sheet: "Giải trình" },
  }),
  /** A sheet of that name whose first cell is no Giải trình title: not the add-in's, so it is not deleted. */
  explainSheetNotOurs: entry({
    vi: (p: { sheet: string }) =>
      `Không hoàn tác được: ô A1 của trang “${p.sheet}” không còn là tiêu đề giải trình, có thể không phải trang add-in đã tạo, nên không bị xóa.`,
    en: (p) =>
      `Could not undo: cell A1 of sheet “${p.sheet}” no longer holds an explanation title, so it may not be the one the add-in made, and it was not deleted.`,
    example: { sheet: "Giải trình" },
  }),
  /** The chart's sheet is gone (deleted or renamed by the user): nothing to remove. */
  chartSheetGone: entry({
    vi: (p: { sheet: string }) =>
      `Không hoàn tác được: trang biểu đồ “${p.sheet}” không còn trong sổ tính (đã bị xóa hoặc đổi tên). Nếu còn, hãy xóa trang đó bằng tay.`,
    en: (p) => `Could not undo: the chart sheet “${p.sheet}” is no longer in the workbook (deleted or renamed). If it is still there, delete it by hand.`,
    example: { sheet: "Biểu đồ chỉ số" },
  }),
  /** A sheet of the chart's name that holds no chart: not the add-in's, so it is not deleted. */
  chartSheetNotOurs: entry({
    vi: (p: { sheet: string }) => `Không hoàn tác được: trang “${p.sheet}” không còn biểu đồ nào, có thể không phải trang add-in đã tạo, nên không bị xóa.`,
    en: (p) => `Could not undo: sheet “${p.sheet}” holds no chart any more and may not be the one the add-in made, so it was not deleted.`,
    example: { sheet: "Biểu đồ chỉ số" },
  }),
  /** "Biểu đồ chỉ số" on a sheet with no agency ranked. */
  chartNothingRanked: entry({
    vi: (_p: object) => "Trang tính này chưa có cơ quan nào được xếp hạng (chưa có chỉ số): không có gì để vẽ. Hãy kiểm tra các ô điểm rồi bấm lại.",
    en: () => "No agency on this sheet has a rank yet (no index): there is nothing to chart. Check the score cells and try again.",
    example: {},
  }),
  /** The grid's refusal on a sheet, after the sheet's name. */
  onSheet: entry({
    vi: (p: { sheet: string; reason: Both }) => `Trang tính “${p.sheet}”: ${p.reason.message}`,
    en: (p) => `Sheet “${p.sheet}”: ${p.reason.messageEn}`,
    example: { sheet: "Bảng điểm", reason: { message: "Trang tính đang trống.", messageEn: "The sheet is empty." } },
  }),
  sheetProtected: entry({
    vi: (p: { sheet: string }) =>
      `Trang tính “${p.sheet}” đang được bảo vệ nên không ghi được kết quả. Hãy bỏ bảo vệ (Xem lại → Bỏ bảo vệ trang tính) rồi bấm lại “Tính điểm”. Chưa có ô nào bị thay đổi.`,
    en: (p) =>
      `Sheet “${p.sheet}” is protected, so the results cannot be written. Unprotect it (Review → Unprotect Sheet) and click “Score” again. No cell has been changed.`,
    example: { sheet: "Bảng điểm" },
  }),
  previousUnusable: entry({
    vi: (p: { problem: PreviousProblem }) => `${previousProblemText(p.problem, "vi")} Chưa có ô nào bị thay đổi.`,
    en: (p) => `${previousProblemText(p.problem, "en")} No cell has been changed.`,
    example: { problem: { code: "noSheet", source: "Chấm điểm 2019" } },
  }),
  storedRulesInvalid: entry({
    vi: (p: { problems: RuleProblem[] }) =>
      `Quy tắc lưu trong sổ tính không hợp lệ: ${ruleProblemLines(p.problems, "vi").join(" ")} Hãy sửa trong “Quy tắc chấm điểm”.`,
    en: (p) => `The rules stored in the workbook are not valid: ${ruleProblemLines(p.problems, "en").join(" ")} Correct them in “Scoring rules”.`,
    example: { problems: [makeRuleProblem("groups[0].maxPoints", "notPositive")] },
  }),
  storedRulesDefault: entry({
    vi: (p: { problems: RuleProblem[] }) =>
      `Quy tắc lưu trong sổ tính không hợp lệ (${p.problems.length} lỗi), đang dùng quy tắc mặc định. ${ruleProblemLines(p.problems, "vi").join(" ")}`,
    en: (p) =>
      `The rules stored in the workbook are not valid (${plural(p.problems.length, "problem")}), so the default rules are in use. ${ruleProblemLines(p.problems, "en").join(" ")}`,
    example: { problems: [makeRuleProblem("groups[0].maxPoints", "notPositive")] },
  }),
  /** New result columns' headers on a host that cannot copy formats (below ExcelApi 1.9). */
  plainHeaders: entry({
    vi: (_p: object) => "Phiên bản Excel này không chép được định dạng: tiêu đề các cột kết quả mới được định dạng chuẩn (đậm, căn giữa, có viền).",
    en: () => "This version of Excel cannot copy formats: the new result columns' headers got a standard look (bold, centred, bordered).",
    example: {},
  }),
  annexFromAnnexSheet: entry({
    vi: (_p: object) => "Đang mở trang phụ lục: hãy mở trang bảng điểm rồi bấm lại “Tạo phụ lục”.",
    en: () => "The annex sheet is the one open: open the score sheet and click “Create annex” again.",
    example: {},
  }),
  annexMetadata: entry({
    vi: (p: { problems: Both[] }) => `Chưa tạo được phụ lục: ${p.problems.map((m) => m.message).join(" ")} Hãy điền trong mục “Phụ lục”.`,
    en: (p) => `The annex was not created: ${p.problems.map((m) => m.messageEn).join(" ")} Fill in the details on the “Annex” tab.`,
    example: { problems: [{ message: "Chưa nhập số quyết định (ví dụ: 06/QĐ-UBND).", messageEn: "Type the decision number (for example 06/QĐ-UBND)." }] },
  }),
  annexSheetIsGrid: entry({
    vi: (p: { sheet: string }) => `Tên trang phụ lục “${p.sheet}” trùng với trang bảng điểm. Hãy đặt tên khác trong mục “Phụ lục”.`,
    en: (p) => `The annex sheet name “${p.sheet}” is the score sheet's name. Choose another name on the “Annex” tab.`,
    example: { sheet: "Bảng điểm" },
  }),
  selectOnGrid: entry({
    vi: (p: { sheet: string; active: string }) =>
      `Đang mở trang “${p.active}”, không phải trang bảng điểm. Bảng điểm tính lần trước ở trang “${p.sheet}”: hãy chọn các dòng cần giải trình trên trang đó rồi bấm lại.`,
    en: (p) =>
      `The sheet open is “${p.active}”, not the score sheet. The last scoring was on sheet “${p.sheet}”: select the rows to explain there and try again.`,
    example: { sheet: "Bảng điểm", active: "Giải trình" },
  }),
  noGridHere: entry({
    vi: (p: { active: string }) =>
      `Trang “${p.active}” không có bảng điểm. Hãy mở trang bảng điểm, bấm “Tính điểm”, rồi bấm lại (giải trình và biểu đồ dùng trang đã tính điểm lần trước).`,
    en: (p) =>
      `Sheet “${p.active}” holds no score grid. Open the score sheet, click “Score”, then try again (explanations and the chart use the sheet scored last).`,
    example: { active: "Giải trình" },
  }),
  explainNoRows: entry({
    vi: (_p: object) => "Vùng đang chọn không có dòng nào của một cơ quan. Hãy chọn các ô trên dòng của những cơ quan cần giải trình rồi bấm lại.",
    en: () => "The selection covers no agency's row. Select cells in the rows of the agencies to explain and try again.",
    example: {},
  }),
  undoNothing: entry({
    vi: (_p: object) => "Không có thao tác nào để hoàn tác (chỉ hoàn tác được một lần, thao tác gần nhất).",
    en: () => "There is nothing to undo (only the last action can be undone, and only once).",
    example: {},
  }),
  undoAlreadyUndone: entry({
    vi: (p: { time: string }) =>
      `Thao tác lúc ${p.time} đã được hoàn tác trong Excel (Ctrl+Z): các ô đã trở lại như trước. Không còn gì để hoàn tác cho thao tác này.`,
    en: (p) => `The action at ${p.time} was already undone in Excel (Ctrl+Z): the cells are back as they were. There is nothing left to undo for it.`,
    example: { time: "09:41" },
  }),
  undoSheetGone: entry({
    vi: (p: { sheet: string }) => `Không hoàn tác được: trang tính “${p.sheet}” không còn trong sổ tính.`,
    en: (p) => `Could not undo: sheet “${p.sheet}” is no longer in the workbook.`,
    example: { sheet: "Bảng điểm" },
  }),
  undoneScore: entry({
    vi: (p: { time: string; sheet: string }) => `Đã hoàn tác lần “Tính điểm” lúc ${p.time} trên trang “${p.sheet}”.`,
    en: (p) => `Undid the “Score” at ${p.time} on sheet “${p.sheet}”.`,
    example: { time: "09:41", sheet: "Bảng điểm" },
  }),
  undoneMerge: entry({
    vi: (p: { time: string; sheet: string }) => `Đã hoàn tác lần “Gộp phiếu” lúc ${p.time} trên trang “${p.sheet}”.`,
    en: (p) => `Undid the “Merge forms” at ${p.time} on sheet “${p.sheet}”.`,
    example: { time: "09:41", sheet: "Bảng điểm" },
  }),
  undoneEncoding: entry({
    vi: (p: { time: string; sheet: string }) => `Đã hoàn tác lần “Chuyển mã” lúc ${p.time} trên trang “${p.sheet}”: các ô có lại chữ cũ.`,
    en: (p) => `Undid the “Convert encoding” at ${p.time} on sheet “${p.sheet}”: the cells have their old text back.`,
    example: { time: "09:41", sheet: "Bảng điểm" },
  }),
  undoneConclusions: entry({
    vi: (p: { time: string; sheet: string }) =>
      `Đã hoàn tác lần “Ghi kết luận” lúc ${p.time} trên trang “${p.sheet}”: các ô kết luận và lý do có lại nội dung cũ.`,
    en: (p) => `Undid the “Record conclusions” at ${p.time} on sheet “${p.sheet}”: the conclusion and reason cells have their old content back.`,
    example: { time: "09:41", sheet: "Chênh lệch" },
  }),
  undoneAnnex: entry({
    vi: (p: { time: string; sheet: string }) => `Đã hoàn tác lần “Tạo phụ lục” lúc ${p.time}.`,
    en: (p) => `Undid the “Create annex” at ${p.time}.`,
    example: { time: "09:41", sheet: "Phụ lục" },
  }),
  formatsNotRestored: entry({
    vi: (p: { sheet: string; cells: string[] }) =>
      `Phiên bản Excel này không chép lại được định dạng (cần Excel 2021 hoặc Microsoft 365): các ô ${p.cells.join(", ")} trên trang “${p.sheet}” đã được trả lại nội dung, nhưng định dạng riêng có trước khi tính điểm (viền, màu nền, phông chữ) bị đặt về mặc định. Hãy định dạng lại các ô đó nếu cần.`,
    en: (p) =>
      `This version of Excel cannot copy formats back (it needs Excel 2021 or Microsoft 365): cells ${p.cells.join(", ")} on sheet “${p.sheet}” have their contents back, but any formats of their own from before the scoring (borders, fill, font) were reset to the default. Format those cells again if needed.`,
    example: { sheet: "Bảng điểm", cells: ["K5", "K6"] },
  }),
});

/** The print settings to set by hand when the host has no page-layout API (below ExcelApi 1.9), by code. */
export type PrintStepCode = "orientation" | "paper" | "printTitles" | "fitToWidth" | "margins" | "pageNumbers";

export type PrintStepParams = { row: number; margins: { top: number; bottom: number; left: number; right: number } };
const PRINT_EXAMPLE: PrintStepParams = { row: 6, margins: { top: 2, bottom: 1.5, left: 2, right: 1.5 } };

/** Centimetres as each language writes them: "1,5" in Vietnamese, "1.5" in English. */
const cm = { vi: (n: number) => String(n).replace(".", ","), en: (n: number) => String(n) };

/** Each step in Excel's menu names of each language. */
export const PRINT_STEPS = catalogue("print steps", {
  orientation: entry({
    vi: (_p: PrintStepParams) => "Bố cục Trang → Hướng → Ngang (Landscape).",
    en: () => "Page Layout → Orientation → Landscape.",
    example: PRINT_EXAMPLE,
  }),
  paper: entry({ vi: (_p: PrintStepParams) => "Bố cục Trang → Khổ giấy → A4.", en: () => "Page Layout → Size → A4.", example: PRINT_EXAMPLE }),
  printTitles: entry({
    vi: (p: PrintStepParams) => `Bố cục Trang → In tiêu đề → Hàng lặp lại ở đầu trang: $${p.row}:$${p.row}.`,
    en: (p) => `Page Layout → Print Titles → Rows to repeat at top: $${p.row}:$${p.row}.`,
    example: PRINT_EXAMPLE,
  }),
  fitToWidth: entry({
    vi: (_p: PrintStepParams) => "Bố cục Trang → Vừa khít: Chiều rộng 1 trang, Chiều cao Tự động.",
    en: () => "Page Layout → Scale to Fit: Width 1 page, Height Automatic.",
    example: PRINT_EXAMPLE,
  }),
  margins: entry({
    vi: ({ margins: m }: PrintStepParams) =>
      `Lề: trên ${cm.vi(m.top)} cm, dưới ${cm.vi(m.bottom)} cm, trái ${cm.vi(m.left)} cm, phải ${cm.vi(m.right)} cm; căn giữa theo chiều ngang.`,
    en: ({ margins: m }) =>
      `Margins: top ${cm.en(m.top)} cm, bottom ${cm.en(m.bottom)} cm, left ${cm.en(m.left)} cm, right ${cm.en(m.right)} cm; center horizontally.`,
    example: PRINT_EXAMPLE,
  }),
  pageNumbers: entry({
    vi: (_p: PrintStepParams) =>
      "Bố cục Trang → Thiết lập Trang → Đầu trang/Chân trang → Tùy chỉnh đầu trang: số trang (&[Trang]) ở mục giữa; chọn “Trang đầu tiên khác” để trang 1 không có số.",
    en: () =>
      "Page Layout → Page Setup → Header/Footer → Custom Header: the page number (&[Page]) in the center section; tick “Different first page” so that page 1 has none.",
    example: PRINT_EXAMPLE,
  }),
} satisfies Record<PrintStepCode, unknown>);

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
  const t = TEMPLATES[code] as unknown as MessageEntry<ParamsOf<C>>;
  return { code, params, vi: t.vi(params), en: t.en(params) };
}

/** A use case's message in both languages, as the outcomes carry it (`message`, `messageEn`). */
export const excelBoth = <C extends ExcelMessageCode>(code: C, params: EntryParams<(typeof TEMPLATES)[C]>): Both => both(TEMPLATES, code, params);
