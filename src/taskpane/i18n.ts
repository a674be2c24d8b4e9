/**
 * Every string the task pane shows, in Vietnamese (the default) and English (when Office's display
 * language is English): the pane's own labels, `en` typed as `vi` (test/core/base/catalogue.test.ts checks
 * that every key has its own English). Messages made by the use cases and the core (findings, refusals,
 * undo, metadata problems, print steps) are rendered from their catalogues in both languages (`message`
 * and `messageEn`) and the pane shows the one of its language; no text here is derived from another.
 */
import { createContext, useContext } from "react";
import type { MetadataProblem } from "../core/rules/metadata";
import type { UndoJournal } from "../core/store/store";
import { ddmmyyyy, hhmm, Lang, languageOf, pick } from "../core/base/catalogue";

export type { Lang };
type UndoAction = UndoJournal["action"];
export { languageOf };

/** The display language Office reports, or Vietnamese when there is no Office (or it says nothing). */
export function officeLanguage(): Lang {
  try {
    return languageOf(typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined);
  } catch {
    return "vi";
  }
}

const vi = {
  lang: "vi" as Lang,
  appTitle: "Xếp hạng ứng dụng CNTT",
  officeMissing: "Không tải được Office.js (thư viện Office cho add-in). Hãy kiểm tra kết nối mạng, rồi đóng và mở lại ngăn add-in.",
  notExcel: "Add-in này chạy trong Excel. Hãy mở nó từ Excel (Trang đầu → Add-in).",
  loading: "Đang tải…",
  busy: {
    load: "Đang đọc dữ liệu của add-in trong sổ tính…",
    score: "Đang tính điểm…",
    annex: "Đang tạo phụ lục…",
    saveDecision: "Đang lưu thông tin quyết định…",
    saveRules: "Đang lưu quy tắc vào sổ tính…",
    undo: "Đang hoàn tác…",
    select: "Đang chọn ô…",
    convert: "Đang chuyển mã sang Unicode…",
    explain: "Đang tạo trang Giải trình…",
    chart: "Đang vẽ biểu đồ…",
    forms: "Đang tạo phiếu tự đánh giá…",
    merge: "Đang gộp phiếu…",
    lock: "Đang chốt hoặc mở chốt kết quả…",
    log: "Đang ghi trang Nhật ký…",
    notices: "Đang tạo thông báo kết quả thẩm định…",
    conclusions: "Đang đọc hoặc ghi kết luận của hội đồng…",
    criteriaSheet: "Đang đọc, ghi trang Bộ tiêu chí…",
    ledgerSheet: "Đang tạo trang chấm điểm chi tiết…",
  },
  tabs: { score: "Tính điểm", annex: "Phụ lục", rules: "Quy tắc", forms: "Phiếu", tabsLabel: "Chức năng" },
  unexpected: (detail: string) => `Có lỗi không mong đợi: ${detail}. Hãy thử lại; nếu vẫn lỗi, hãy đóng rồi mở lại ngăn add-in.`,
  dismiss: "Đóng thông báo",
  errorTitle: "Chưa làm được",
  settingsProblemsTitle: "Dữ liệu lưu trong sổ tính có vấn đề",
  rulesUnsaved: {
    title: "Quy tắc có thay đổi chưa lưu",
    text: "“Tính điểm” dùng quy tắc đã lưu trong sổ tính, không dùng các thay đổi này. Hãy mở Quy tắc và bấm “Lưu quy tắc”.",
    open: "Mở Quy tắc",
  },
  loadFailed: (detail: string) => `Không đọc được dữ liệu của add-in trong sổ tính: ${detail}`,
  tabLoadFailed: (detail: string) => `Không tải được phần này của add-in (${detail}). Hãy kiểm tra kết nối mạng rồi bấm “Thử lại”.`,
  retry: "Thử lại",
  undo: {
    button: "Hoàn tác",
    what: (action: UndoAction, at: string) =>
      `Hoàn tác lần “${{ score: "Tính điểm", merge: "Gộp phiếu", encoding: "Chuyển mã", chart: "Biểu đồ chỉ số", explain: "Giải trình", lineage: "Ghi trang Sáp nhập", logSheet: "Xem nhật ký", criteria: "Ghi ra trang Bộ tiêu chí", ledger: "Tạo trang chấm điểm chi tiết", annex: "Tạo phụ lục", conclusions: "Ghi kết luận" }[action]}” lúc ${hhmm(at)}.`,
    none: "Chưa có thao tác nào để hoàn tác.",
    nothing: "Không có gì để hoàn tác",
    refused: "Không hoàn tác được",
    partly: "Đã hoàn tác, còn phần chưa trả lại được",
  },
  card: {
    caption: (name: string) => `Điểm từng nhóm của ${name}`,
    criteriaSummary: (count: number, lost: number) => `Tiêu chí: ${count} tiêu chí, ${lost} tiêu chí chưa đạt điểm tối đa`,
    criteriaCaption: (name: string) => `Điểm từng tiêu chí của ${name} (tự chấm, thẩm định)`,
    hint: "Chọn một ô trên dòng của một cơ quan để xem vì sao cơ quan đó được kết quả này.",
    staleTitle: "Kết quả trên trang tính đã cũ",
  },
  previous: {
    toggle: "So sánh với năm trước",
    compareAnyway: "Vẫn so sánh",
    hint: "Thêm cột “Xếp hạng năm trước” và “Tăng/giảm” (▲2, ▼1, mới) khi tính điểm.",
    from: "Kết quả năm trước ở",
    fromSheet: "Một trang tính của sổ này",
    fromFile: "Tệp sổ tính khác (.xlsx)",
    sheet: "Trang tính năm trước",
    noSheets: "Sổ tính không có trang tính nào khác. Hãy chọn tệp sổ tính năm trước.",
    file: "Tệp năm trước",
    read: (n: number, sheet: string, file: string) => `Đã đọc ${n} cơ quan từ trang “${sheet}” của tệp “${file}”.`,
    readFailed: "Chưa dùng được tệp năm trước",
    choose: "Hãy chọn trang tính hoặc tệp năm trước, hoặc bỏ chọn “So sánh với năm trước”.",
  },
  score: {
    heading: "Tính điểm",
    intro: "Tính tổng điểm, chỉ số, phân loại và thứ hạng cho bảng điểm trên trang tính đang mở, rồi ghi kết quả vào bảng.",
    button: "Tính điểm",
    refusedTitle: "Chưa tính được điểm",
    unchanged: "Kết quả trên trang tính đã đúng với bảng điểm: không có ô nào cần ghi lại.",
    written: (columns: string[]) => `Đã ghi kết quả vào cột ${columns.join(", ")}.`,
    noticeTitle: "Lưu ý",
    notice: (text: string) => text,
    cells: (cells: string[]) => `Ô liên quan: ${cells.join(", ")}.`,
    nothingYet: "Chưa có lần tính nào trong sổ tính này. Mở trang bảng điểm rồi bấm “Tính điểm”.",
  },
  summary: {
    heading: "Kết quả",
    meta: (sheet: string, at: string, source: string) =>
      `Trang “${sheet}”, lúc ${hhmm(at)} ngày ${ddmmyyyy(at)}${source === "ribbon" ? ", tính từ nút trên ribbon" : source === "cli" ? ", tính bằng công cụ dòng lệnh" : ""}.`,
    agencies: (n: number, scored: number) => (scored < n ? `${n} cơ quan, ${scored} cơ quan được xếp hạng` : `${n} cơ quan`),
    classesLabel: "Số cơ quan theo phân loại",
    classCount: (count: number, name: string) => `${count} ${name}`,
    top: "Đứng đầu",
    bottom: "Đứng cuối",
    issues: (errors: number, warnings: number) =>
      errors === 0 && warnings === 0
        ? "Không có lỗi hay cảnh báo."
        : [errors ? `${errors} lỗi cần sửa` : "", warnings ? `${warnings} cảnh báo` : ""].filter(Boolean).join(", ") + ".",
  },
  findings: {
    heading: "Cần kiểm tra",
    hint: "Bấm vào một mục để chọn ô đó trên trang tính.",
    errors: (n: number) => `Lỗi, cần sửa (${n})`,
    warnings: (n: number) => `Cảnh báo (${n})`,
    cell: (cell: string) => `Ô ${cell}`,
    value: "Giá trị",
    empty: "trống",
    selectFailed: "Không chọn được ô",
    convert: "Chuyển mã",
    convertLabel: (cells: string[]) =>
      `Chuyển mã sang Unicode: ${cells.length > 5 ? `${cells.slice(0, 5).join(", ")} và ${cells.length - 5} ô khác` : cells.join(", ")}`,
    converted: "Đã chuyển mã",
    convertFailed: "Chưa chuyển mã được",
  },
};

export type Strings = typeof vi;

const en: Strings = {
  lang: "en",
  appTitle: "IT application ranking",
  officeMissing: "Office.js (Office's library for add-ins) could not be loaded. Check the network connection, then close and reopen the add-in pane.",
  notExcel: "This add-in runs in Excel. Open it from Excel (Home → Add-ins).",
  loading: "Loading…",
  busy: {
    load: "Reading the add-in's data in the workbook…",
    score: "Scoring…",
    annex: "Creating the annex…",
    saveDecision: "Saving the decision details…",
    saveRules: "Saving the rules to the workbook…",
    undo: "Undoing…",
    select: "Selecting the cell…",
    convert: "Converting to Unicode…",
    explain: "Making the Giải trình sheet…",
    chart: "Drawing the chart…",
    forms: "Creating the self-assessment forms…",
    merge: "Merging the forms…",
    lock: "Locking or unlocking the results…",
    log: "Writing the Nhật ký sheet…",
    notices: "Making the notices of appraisal results…",
    conclusions: "Reading or recording the council's conclusions…",
    criteriaSheet: "Reading or writing the Bộ tiêu chí sheet…",
    ledgerSheet: "Making the detailed scoring sheet…",
  },
  tabs: { score: "Score", annex: "Annex", rules: "Rules", forms: "Forms", tabsLabel: "Functions" },
  unexpected: (detail: string) => `Something unexpected went wrong: ${detail}. Try again; if it keeps happening, close and reopen the add-in pane.`,
  dismiss: "Dismiss",
  errorTitle: "Could not do it",
  settingsProblemsTitle: "The data stored in the workbook has problems",
  rulesUnsaved: {
    title: "The rules have unsaved changes",
    text: "“Score” uses the rules saved in the workbook, not these changes. Open Rules and click “Save rules”.",
    open: "Open Rules",
  },
  loadFailed: (detail: string) => `Could not read the add-in's data in the workbook: ${detail}`,
  tabLoadFailed: (detail: string) => `Could not load this part of the add-in (${detail}). Check the network connection and click “Try again”.`,
  retry: "Try again",
  undo: {
    button: "Undo",
    what: (action: UndoAction, at: string) =>
      `Undo the last “${{ score: "Score", merge: "Merge forms", encoding: "Convert encoding", chart: "Chart of the indices", explain: "Explanation", lineage: "Write Sáp nhập", logSheet: "Show the log", criteria: "Write the Bộ tiêu chí sheet", ledger: "Make the detailed scoring sheet", annex: "Create annex", conclusions: "Record conclusions" }[action]}” at ${hhmm(at)}.`,
    none: "Nothing to undo yet.",
    nothing: "Nothing to undo",
    refused: "Could not undo",
    partly: "Undone, with a part that could not be given back",
  },
  card: {
    caption: (name: string) => `Scores of ${name} per group`,
    criteriaSummary: (count: number, lost: number) => `Criteria: ${count} ${count === 1 ? "criterion" : "criteria"}, ${lost} below the maximum`,
    criteriaCaption: (name: string) => `Scores of ${name} per criterion (self-assessed, appraised)`,
    hint: "Select a cell in an agency's row to see why it got its result.",
    staleTitle: "The results on the sheet are out of date",
  },
  previous: {
    toggle: "Compare with last year",
    compareAnyway: "Compare anyway",
    hint: "Adds the columns “Xếp hạng năm trước” (last year's rank) and “Tăng/giảm” (▲2, ▼1, new) when scoring.",
    from: "Last year's results are in",
    fromSheet: "A sheet of this workbook",
    fromFile: "Another workbook's file (.xlsx)",
    sheet: "Last year's sheet",
    noSheets: "This workbook has no other sheet. Choose last year's workbook file.",
    file: "Last year's file",
    read: (n: number, sheet: string, file: string) => `Read ${n} agencies from sheet “${sheet}” of “${file}”.`,
    readFailed: "Last year's file cannot be used yet",
    choose: "Choose last year's sheet or file, or clear “Compare with last year”.",
  },
  score: {
    heading: "Score",
    intro: "Works out the total, index, class and rank for the score table on the open sheet and writes them into the table.",
    button: "Score",
    refusedTitle: "Could not score",
    unchanged: "The results on the sheet already match the scores: no cell needed rewriting.",
    written: (columns: string[]) => `Results written to column${columns.length > 1 ? "s" : ""} ${columns.join(", ")}.`,
    noticeTitle: "Note",
    notice: (text: string) =>
      /không chép được định dạng/.test(text)
        ? "This version of Excel cannot copy formats: the headers of the new result columns got the standard format (bold, centred, bordered)."
        : text,
    cells: (cells: string[]) => `Cells concerned: ${cells.join(", ")}.`,
    nothingYet: "This workbook has not been scored yet. Open the score sheet and select “Score”.",
  },
  summary: {
    heading: "Results",
    meta: (sheet: string, at: string, source: string) =>
      `Sheet “${sheet}”, ${hhmm(at)} on ${ddmmyyyy(at)}${source === "ribbon" ? ", run from the ribbon" : source === "cli" ? ", run with the command-line tool" : ""}.`,
    agencies: (n: number, scored: number) => (scored < n ? `${n} agencies, ${scored} ranked` : `${n} agencies`),
    classesLabel: "Agencies by class",
    classCount: (count: number, name: string) => `${count} ${name}`,
    top: "Top",
    bottom: "Bottom",
    issues: (errors: number, warnings: number) =>
      errors === 0 && warnings === 0
        ? "No errors or warnings."
        : [errors ? `${errors} error${errors > 1 ? "s" : ""} to fix` : "", warnings ? `${warnings} warning${warnings > 1 ? "s" : ""}` : ""]
            .filter(Boolean)
            .join(", ") + ".",
  },
  findings: {
    heading: "To check",
    hint: "Select an item to go to that cell on the sheet.",
    errors: (n: number) => `Errors to fix (${n})`,
    warnings: (n: number) => `Warnings (${n})`,
    cell: (cell: string) => `Cell ${cell}`,
    value: "Value",
    empty: "empty",
    selectFailed: "Could not select the cell",
    convert: "Convert encoding",
    convertLabel: (cells: string[]) =>
      `Convert to Unicode: ${cells.length > 5 ? `${cells.slice(0, 5).join(", ")} and ${cells.length - 5} more` : cells.join(", ")}`,
    converted: "Converted",
    convertFailed: "Could not convert",
  },
};

export const catalogue: Record<Lang, Strings> = { vi, en };

export const I18nContext = createContext<Strings>(vi);
export const useStrings = (): Strings => useContext(I18nContext);

/** A metadata problem in the pane's language (the core words each in Vietnamese and English). */
export function metadataProblemText(p: MetadataProblem, lang: Lang): string {
  return pick(p, lang);
}
