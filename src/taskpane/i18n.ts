/**
 * Every string the task pane shows, in Vietnamese (the default) and English (when Office's display
 * language is English). Messages made by the use cases and the core (findings, refusals, undo,
 * metadata problems) arrive in both languages (`message` and `messageEn`) and the pane shows the one
 * of its language; the few messages below that the pane rewords in English (notices, print steps,
 * rules problems) are matched here.
 */
import { createContext, useContext } from "react";
import type { MetadataProblem } from "../core/metadata";
import type { RuleProblem } from "../core/rules";
import { ruleProblemEn } from "../excel/wording";

export type Lang = "vi" | "en";

/** English when Office runs in English ("en-US", "en-GB"…), Vietnamese otherwise. */
export function languageOf(displayLanguage: string | undefined | null): Lang {
  return /^en(-|_|$)/i.test((displayLanguage ?? "").trim()) ? "en" : "vi";
}

/** The display language Office reports, or Vietnamese when there is no Office (or it says nothing). */
export function officeLanguage(): Lang {
  try {
    return languageOf(typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined);
  } catch {
    return "vi";
  }
}

const hhmm = (iso: string): string => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
};
const ddmmyyyy = (iso: string): string => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return `${String(d.getDate()).padStart(2, "0")}/${String(d.getMonth() + 1).padStart(2, "0")}/${d.getFullYear()}`;
};

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
  },
  tabs: { score: "Tính điểm", annex: "Phụ lục", rules: "Quy tắc", tabsLabel: "Chức năng" },
  unexpected: (detail: string) => `Có lỗi không mong đợi: ${detail}. Hãy thử lại; nếu vẫn lỗi, hãy đóng rồi mở lại ngăn add-in.`,
  dismiss: "Đóng thông báo",
  errorTitle: "Chưa làm được",
  settingsProblemsTitle: "Dữ liệu lưu trong sổ tính có vấn đề",
  loadFailed: (detail: string) => `Không đọc được dữ liệu của add-in trong sổ tính: ${detail}`,
  tabLoadFailed: (detail: string) => `Không tải được phần này của add-in (${detail}). Hãy kiểm tra kết nối mạng rồi bấm “Thử lại”.`,
  retry: "Thử lại",
  undo: {
    button: "Hoàn tác",
    what: (action: "score" | "annex", at: string) => `Hoàn tác lần ${action === "score" ? "“Tính điểm”" : "“Tạo phụ lục”"} lúc ${hhmm(at)}.`,
    none: "Chưa có thao tác nào để hoàn tác.",
    nothing: "Không có gì để hoàn tác",
    refused: "Không hoàn tác được",
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
      errors === 0 && warnings === 0 ? "Không có lỗi hay cảnh báo." : [errors ? `${errors} lỗi cần sửa` : "", warnings ? `${warnings} cảnh báo` : ""].filter(Boolean).join(", ") + ".",
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
  },
  annex: {
    heading: "Phụ lục",
    intro: "Thông tin của quyết định được lưu trong sổ tính; tiêu đề phụ lục lấy số và ngày từ đây, nên không thể lệch với quyết định.",
    number: "Số quyết định",
    numberHint: "Ví dụ: 06/QĐ-UBND",
    date: "Ngày ký",
    dateHint: "dd/mm/yyyy, ví dụ 05/01/2021",
    issuer: "Cơ quan ban hành",
    year: "Năm đánh giá",
    subject: "Trích yếu (không kèm năm)",
    sheetName: "Tên trang tính phụ lục",
    save: "Lưu thông tin",
    saved: "Đã lưu thông tin quyết định vào sổ tính.",
    saveFailedTitle: "Chưa lưu được",
    fixFields: (n: number) => `Còn ${n} ô chưa đúng. Hãy sửa các ô được đánh dấu bên trên.`,
    generate: "Tạo phụ lục",
    refusedTitle: "Chưa tạo được phụ lục",
    done: (sheet: string) => `Đã tạo phụ lục trên trang “${sheet}”.`,
    doneTitle: "Xong",
    errorsIncluded: (n: number) => `Phụ lục có ${n} số liệu đang lỗi. Hãy sửa bảng điểm rồi tạo lại phụ lục trước khi trình ký.`,
    collidedTitle: "Trang trùng tên",
    collided: (wanted: string, used: string) =>
      `Sổ tính đã có một trang “${wanted}” của bạn, nên phụ lục được đặt ở trang “${used}”. Trang của bạn không bị thay đổi.`,
    printTitle: "Hãy đặt bố cục in bằng tay",
    printIntro: "Phiên bản Excel này không cho add-in đặt bố cục in. Trên trang phụ lục, hãy chọn:",
    printStep: (step: string) => step,
  },
  confirm: {
    title: "Bảng điểm còn lỗi",
    intro: (n: number) => `Bảng điểm còn ${n} lỗi chưa sửa. Nếu vẫn tạo, phụ lục sẽ mang các số liệu sai này:`,
    advice: "Nên sửa trước khi trình ký. Bạn vẫn muốn tạo phụ lục?",
    cancel: "Quay lại sửa",
    confirm: "Vẫn tạo phụ lục",
  },
  rules: {
    heading: "Quy tắc chấm điểm",
    fromWorkbook: "Đang dùng quy tắc lưu trong sổ tính này.",
    fromPreset: "Sổ tính chưa có quy tắc riêng: đang dùng mẫu Thái Bình 2020.",
    unsaved: "Có thay đổi chưa lưu.",
    problemsCount: (n: number) => `Còn ${n} chỗ chưa đúng (ghi ngay dưới từng ô).`,
    save: "Lưu quy tắc",
    saved: "Đã lưu quy tắc vào sổ tính. Lần “Tính điểm” sau sẽ dùng quy tắc này.",
    saveBlocked: "Chưa lưu: hãy sửa các ô được đánh dấu trước.",
    saveFailedTitle: "Chưa lưu được quy tắc",
    import: "Nhập JSON",
    importFileLabel: "Chọn tệp quy tắc JSON",
    imported: (file: string) => `Đã nhập quy tắc từ “${file}”. Bấm “Lưu quy tắc” để lưu vào sổ tính.`,
    importNotJson: (file: string, detail: string) => `Tệp “${file}” không phải JSON hợp lệ (${detail}). Hãy chọn tệp rules.json đã xuất từ add-in.`,
    importInvalid: (file: string, n: number) => `Không nhập tệp “${file}”: có ${n} lỗi. Sửa tệp rồi nhập lại; quy tắc đang sửa không bị thay đổi.`,
    importFailedTitle: "Chưa nhập được",
    export: "Xuất JSON",
    exportBlocked: "Chưa xuất: hãy sửa các ô được đánh dấu trước.",
    exported: "Đã xuất tệp rules.json. Nếu không thấy tệp được tải về, hãy chép nội dung dưới đây vào một tệp tên rules.json.",
    exportText: "Nội dung rules.json",
    reset: "Đặt lại theo mẫu 2020",
    resetDone: "Đã đặt lại theo mẫu Thái Bình 2020. Bấm “Lưu quy tắc” để lưu vào sổ tính.",
    name: "Tên bộ quy tắc",
    groups: "Nhóm tiêu chí",
    group: (i: number, name: string) => (name.trim() ? name : `Nhóm ${i + 1} (chưa có tên)`),
    groupMax: (max: string) => `tối đa ${max}`,
    groupProblems: (n: number) => `${n} lỗi`,
    groupName: "Tên cột (tiêu đề trên bảng điểm)",
    groupId: "Mã nhóm (chữ thường không dấu, số, dấu -)",
    groupFullName: "Tên đầy đủ (dùng trong ghi chú phụ lục, có thể bỏ trống)",
    groupAliases: "Tên gọi khác của cột (mỗi dòng một tên)",
    groupMaxPoints: "Điểm tối đa",
    notEvaluated: "Mục không đánh giá năm nay",
    notEvaluatedItem: (j: number) => `Tên mục ${j + 1}`,
    notEvaluatedPoints: (j: number) => `Điểm của mục ${j + 1}`,
    addNotEvaluated: "Thêm mục không đánh giá",
    removeNotEvaluated: (j: number) => `Xoá mục ${j + 1}`,
    addGroup: "Thêm nhóm",
    removeGroup: (name: string) => `Xoá nhóm “${name}”`,
    exemptions: "Miễn chấm",
    exemptionsIntro: "Cơ quan có từ khoá trong cột Ghi chú (không phân biệt hoa thường, dấu) không bị chấm các nhóm đã chọn; điểm tối đa của cơ quan giảm tương ứng.",
    exemption: (i: number) => `Trường hợp ${i + 1}`,
    exemptionKeyword: "Từ khoá trong Ghi chú",
    exemptionReason: "Lý do (dùng trong ghi chú phụ lục)",
    exemptionGroups: "Nhóm không chấm",
    unknownGroup: (id: string) => `${id} (không còn nhóm này)`,
    addExemption: "Thêm trường hợp miễn chấm",
    removeExemption: (i: number) => `Xoá trường hợp ${i + 1}`,
    indexSection: "Chỉ số và phân loại",
    decimals: "Số chữ số thập phân của chỉ số",
    rounding: "Làm tròn chỉ số",
    roundingOptions: { halfUp: "Làm tròn lên từ 5 (0,7245 → 0,725)", halfEven: "Làm tròn về số chẵn", down: "Cắt bỏ phần thừa" },
    classifyOn: "Phân loại theo",
    classifyOnOptions: { roundedIndex: "Chỉ số đã làm tròn", exactIndex: "Chỉ số chưa làm tròn" },
    classes: "Các mức phân loại (từ cao xuống thấp)",
    className: (i: number) => `Tên mức ${i + 1}`,
    classMin: (i: number) => `Chỉ số tối thiểu của mức ${i + 1}`,
    addClass: "Thêm mức",
    removeClass: (i: number) => `Xoá mức ${i + 1}`,
    rankSection: "Xếp hạng",
    rankBy: "Căn cứ xếp hạng",
    rankByOptions: { index: "Chỉ số (cao xếp trước)", total: "Tổng điểm (cao xếp trước)" },
    overMax: "Điểm vượt tối đa",
    overMaxOptions: { keep: "Giữ nguyên như đã nhập (báo lỗi)", cap: "Tính bằng điểm tối đa (báo lỗi)" },
    otherProblems: "Lỗi khác",
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
  },
  tabs: { score: "Score", annex: "Annex", rules: "Rules", tabsLabel: "Functions" },
  unexpected: (detail: string) => `Something unexpected went wrong: ${detail}. Try again; if it keeps happening, close and reopen the add-in pane.`,
  dismiss: "Dismiss",
  errorTitle: "Could not do it",
  settingsProblemsTitle: "The data stored in the workbook has problems",
  loadFailed: (detail: string) => `Could not read the add-in's data in the workbook: ${detail}`,
  tabLoadFailed: (detail: string) => `Could not load this part of the add-in (${detail}). Check the network connection and click “Try again”.`,
  retry: "Try again",
  undo: {
    button: "Undo",
    what: (action: "score" | "annex", at: string) => `Undo the last ${action === "score" ? "“Score”" : "“Create annex”"} at ${hhmm(at)}.`,
    none: "Nothing to undo yet.",
    nothing: "Nothing to undo",
    refused: "Could not undo",
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
        : [errors ? `${errors} error${errors > 1 ? "s" : ""} to fix` : "", warnings ? `${warnings} warning${warnings > 1 ? "s" : ""}` : ""].filter(Boolean).join(", ") + ".",
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
  },
  annex: {
    heading: "Annex",
    intro: "The decision's details are stored in the workbook; the annex heading takes its number and date from here, so they cannot disagree with the decision.",
    number: "Decision number",
    numberHint: "For example: 06/QĐ-UBND",
    date: "Date signed",
    dateHint: "dd/mm/yyyy, for example 05/01/2021",
    issuer: "Issued by",
    year: "Year evaluated",
    subject: "Subject line (without the year)",
    sheetName: "Annex sheet name",
    save: "Save details",
    saved: "The decision details are saved in the workbook.",
    saveFailedTitle: "Not saved",
    fixFields: (n: number) => `${n} field${n > 1 ? "s are" : " is"} not right yet. Correct the marked fields above.`,
    generate: "Create annex",
    refusedTitle: "Could not create the annex",
    done: (sheet: string) => `The annex is on sheet “${sheet}”.`,
    doneTitle: "Done",
    errorsIncluded: (n: number) => `The annex carries ${n} figure${n > 1 ? "s" : ""} in error. Correct the score table and create the annex again before it is signed.`,
    collidedTitle: "Sheet name taken",
    collided: (wanted: string, used: string) =>
      `The workbook already has a sheet “${wanted}” of yours, so the annex went to sheet “${used}”. Your sheet was not changed.`,
    printTitle: "Set the print layout by hand",
    printIntro: "This version of Excel does not let add-ins set the print layout. On the annex sheet, choose:",
    printStep: (step: string) => printStepEn(step),
  },
  confirm: {
    title: "The score table has errors",
    intro: (n: number) => `The score table still has ${n} error${n > 1 ? "s" : ""}. If you go on, the annex will carry these wrong figures:`,
    advice: "They should be fixed before signing. Create the annex anyway?",
    cancel: "Go back and fix",
    confirm: "Create annex anyway",
  },
  rules: {
    heading: "Scoring rules",
    fromWorkbook: "Using the rules stored in this workbook.",
    fromPreset: "The workbook has no rules of its own: using the Thái Bình 2020 preset.",
    unsaved: "There are unsaved changes.",
    problemsCount: (n: number) => `${n} thing${n > 1 ? "s" : ""} to correct (shown under each field).`,
    save: "Save rules",
    saved: "The rules are saved in the workbook. The next “Score” uses them.",
    saveBlocked: "Not saved: correct the marked fields first.",
    saveFailedTitle: "Could not save the rules",
    import: "Import JSON",
    importFileLabel: "Choose a rules JSON file",
    imported: (file: string) => `Rules imported from “${file}”. Select “Save rules” to store them in the workbook.`,
    importNotJson: (file: string, detail: string) => `“${file}” is not valid JSON (${detail}). Choose a rules.json exported by the add-in.`,
    importInvalid: (file: string, n: number) => `“${file}” was not imported: it has ${n} problem${n > 1 ? "s" : ""}. Correct the file and import it again; the rules being edited are unchanged.`,
    importFailedTitle: "Not imported",
    export: "Export JSON",
    exportBlocked: "Not exported: correct the marked fields first.",
    exported: "rules.json exported. If no file was downloaded, copy the text below into a file named rules.json.",
    exportText: "Contents of rules.json",
    reset: "Reset to the 2020 preset",
    resetDone: "Reset to the Thái Bình 2020 preset. Select “Save rules” to store it in the workbook.",
    name: "Rule set name",
    groups: "Criteria groups",
    group: (i: number, name: string) => (name.trim() ? name : `Group ${i + 1} (no name yet)`),
    groupMax: (max: string) => `max ${max}`,
    groupProblems: (n: number) => `${n} error${n > 1 ? "s" : ""}`,
    groupName: "Column header (as on the score table)",
    groupId: "Group id (lower-case letters without accents, digits, -)",
    groupFullName: "Full name (used in the annex notes, optional)",
    groupAliases: "Other column headers (one per line)",
    groupMaxPoints: "Maximum points",
    notEvaluated: "Items not evaluated this year",
    notEvaluatedItem: (j: number) => `Item ${j + 1} name`,
    notEvaluatedPoints: (j: number) => `Item ${j + 1} points`,
    addNotEvaluated: "Add a not-evaluated item",
    removeNotEvaluated: (j: number) => `Remove item ${j + 1}`,
    addGroup: "Add a group",
    removeGroup: (name: string) => `Remove group “${name}”`,
    exemptions: "Exemptions",
    exemptionsIntro: "An agency whose Ghi chú (notes) holds the keyword (ignoring case and accents) is not scored on the chosen groups; its maximum drops accordingly.",
    exemption: (i: number) => `Exemption ${i + 1}`,
    exemptionKeyword: "Keyword in Ghi chú",
    exemptionReason: "Reason (used in the annex notes)",
    exemptionGroups: "Groups not scored",
    unknownGroup: (id: string) => `${id} (no such group any more)`,
    addExemption: "Add an exemption",
    removeExemption: (i: number) => `Remove exemption ${i + 1}`,
    indexSection: "Index and classes",
    decimals: "Decimals of the index",
    rounding: "Index rounding",
    roundingOptions: { halfUp: "Half up (0.7245 → 0.725)", halfEven: "Half to even", down: "Truncate" },
    classifyOn: "Classify on",
    classifyOnOptions: { roundedIndex: "The rounded index", exactIndex: "The exact index" },
    classes: "Classes (highest first)",
    className: (i: number) => `Class ${i + 1} name`,
    classMin: (i: number) => `Class ${i + 1} lowest index`,
    addClass: "Add a class",
    removeClass: (i: number) => `Remove class ${i + 1}`,
    rankSection: "Ranking",
    rankBy: "Rank by",
    rankByOptions: { index: "Index (highest first)", total: "Total points (highest first)" },
    overMax: "Scores above the maximum",
    overMaxOptions: { keep: "Count as typed (reported as an error)", cap: "Count as the maximum (reported as an error)" },
    otherProblems: "Other problems",
  },
};

export const catalogue: Record<Lang, Strings> = { vi, en };

export const I18nContext = createContext<Strings>(vi);
export const useStrings = (): Strings => useContext(I18nContext);

/** The manual print-layout steps made by the use case, with Excel's English menu names. */
export function printStepEn(step: string): string {
  const replacements: [RegExp, string][] = [
    [/Bố cục Trang/g, "Page Layout"],
    [/Hướng → Ngang \(Landscape\)/, "Orientation → Landscape"],
    [/Khổ giấy/, "Size"],
    [/In tiêu đề → Hàng lặp lại ở đầu trang/, "Print Titles → Rows to repeat at top"],
    [/Vừa khít: Chiều rộng 1 trang, Chiều cao Tự động/, "Scale to Fit: Width 1 page, Height Automatic"],
    [/^Lề: trên/, "Margins: top"],
    [/, dưới /, ", bottom "],
    [/, trái /, ", left "],
    [/, phải /, ", right "],
    [/; căn giữa theo chiều ngang\./, "; center horizontally."],
  ];
  return replacements.reduce((s, [re, by]) => s.replace(re, by), step);
}

/** A metadata problem in the pane's language (the core words each in Vietnamese and English). */
export function metadataProblemText(p: MetadataProblem, lang: Lang): string {
  return lang === "en" ? p.messageEn : p.message;
}

/** A rules problem in the pane's language (validateRules words them in Vietnamese; see ruleProblemEn). */
export function ruleProblemText(p: RuleProblem, lang: Lang): string {
  return lang === "vi" ? p.message : ruleProblemEn(p);
}
