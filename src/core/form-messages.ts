import { catalogue, entry, Lang, MessageEntry } from "./catalogue";
import { Finding, FindingCode, findingMessage, Severity } from "./findings";

/**
 * Messages of the departments' loop (forms out, merge back in): a code with parameters, rendered
 * per language from the templates below, in the style of findings.ts. Never one language derived
 * from the other.
 */
export type MergeFindingCode =
  "unreadable" | "notAForm" | "otherMaster" | "otherYear" | "agencyNotInGrid" | "conflictingForms" | "rulesChanged" | "noAgencyName";

export interface MergeParams {
  file: string;
  cell: string;
  agency: string;
  /** The other files (conflicting forms), the years (another year), the grid sheet. */
  detail: string;
}

type Template<P> = { vi: (p: P) => string; en: (p: P) => string };

const MERGE_TEMPLATES: Record<MergeFindingCode, { severity: Severity } & Template<MergeParams>> = {
  unreadable: {
    severity: "error",
    vi: (p) =>
      `Tệp “${p.file}” không đọc được như một sổ tính Excel .xlsx. Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi gộp lại. Các phiếu khác vẫn được gộp.`,
    en: (p) =>
      `File “${p.file}” cannot be read as an Excel .xlsx workbook. Open it in Excel or LibreOffice, save it as .xlsx and merge it again. The other forms are still merged.`,
  },
  notAForm: {
    severity: "error",
    vi: (p) =>
      `Tệp “${p.file}” không phải phiếu tự đánh giá: không có dòng cho các nhóm tiêu chí (tên nhóm ở một ô, điểm ở ô bên phải). Hãy dùng phiếu đã gửi cho cơ quan.`,
    en: (p) =>
      `File “${p.file}” is not a self-assessment form: it has no row for the criteria groups (the group's name in a cell, the score in the cell to its right). Use the form that was sent to the agency.`,
  },
  noAgencyName: {
    severity: "error",
    vi: (p) => `Phiếu “${p.file}” không ghi tên cơ quan (ô “Cơ quan:” và tên ở ô bên phải). Hãy ghi tên cơ quan rồi gộp lại.`,
    en: (p) => `Form “${p.file}” does not name its agency (a cell “Cơ quan:” with the name to its right). Write the agency's name and merge it again.`,
  },
  otherMaster: {
    severity: "error",
    vi: (p) =>
      `Phiếu “${p.file}” (${p.agency}) được tạo từ một bảng điểm khác, không phải bảng điểm này, nên không được gộp. Hãy gửi cho cơ quan phiếu tạo từ bảng điểm này.`,
    en: (p) =>
      `Form “${p.file}” (${p.agency}) was made from another score workbook, not this one, so it is not merged. Send the agency a form made from this workbook.`,
  },
  otherYear: {
    severity: "error",
    vi: (p) => `Phiếu “${p.file}” (${p.agency}) là phiếu năm ${p.detail}, nên không được gộp vào bảng điểm năm ${p.cell}. Hãy dùng phiếu của đúng năm.`,
    en: (p) =>
      `Form “${p.file}” (${p.agency}) is the form for ${p.detail}, so it is not merged into the score table for ${p.cell}. Use the form for the right year.`,
  },
  agencyNotInGrid: {
    severity: "error",
    vi: (p) =>
      `Phiếu “${p.file}”, ô ${p.cell}: cơ quan “${p.agency}” không có trong bảng điểm (trang “${p.detail}”). Hãy thêm cơ quan vào bảng điểm hoặc sửa tên cho trùng với tên trong bảng, rồi gộp lại.`,
    en: (p) =>
      `Form “${p.file}”, cell ${p.cell}: agency “${p.agency}” is not in the score table (sheet “${p.detail}”). Add the agency to the table or correct the name to match the table's, then merge again.`,
  },
  conflictingForms: {
    severity: "error",
    vi: (p) =>
      `Có nhiều phiếu khác nhau của ${p.agency}: “${p.file}” và ${p.detail}. Chưa gộp phiếu nào của cơ quan này; hãy giữ lại một phiếu đúng rồi gộp lại.`,
    en: (p) =>
      `There are several different forms from ${p.agency}: “${p.file}” and ${p.detail}. None of this agency's forms is merged; keep the right one and merge again.`,
  },
  rulesChanged: {
    severity: "warning",
    vi: (p) =>
      `Phiếu “${p.file}” (${p.agency}) được tạo với quy tắc chấm điểm khác quy tắc hiện tại: điểm tối đa các nhóm có thể đã thay đổi. Phiếu vẫn được gộp; hãy kiểm tra điểm của cơ quan này.`,
    en: (p) =>
      `Form “${p.file}” (${p.agency}) was made with other scoring rules than the current ones: the groups' maxima may have changed. It is still merged; check this agency's scores.`,
  },
};

const MERGE_EXAMPLE: MergeParams = { file: "so-y-te.xlsx", cell: "2021", agency: "Sở Y tế", detail: "2020" };

/** The merge's findings, by code (their severities: `MERGE_SEVERITY`). */
export const MERGE_MESSAGES = catalogue(
  "merge findings",
  Object.fromEntries(Object.entries(MERGE_TEMPLATES).map(([code, t]) => [code, entry({ vi: t.vi, en: t.en, example: MERGE_EXAMPLE })])) as Record<
    MergeFindingCode,
    MessageEntry<MergeParams>
  >,
);

export const MERGE_SEVERITY = Object.fromEntries(Object.entries(MERGE_TEMPLATES).map(([code, t]) => [code, t.severity])) as Record<MergeFindingCode, Severity>;

/** Score problems in a form use the grid's findings (same codes, same words), prefixed with the file. */
export type ScoreFindingCode = Extract<FindingCode, "notANumber" | "errorValue" | "negative" | "aboveMax">;

const FINDING_EXAMPLE: Finding = {
  code: "aboveMax",
  severity: "error",
  row: 0,
  col: 1,
  cell: "C5",
  agency: "Sở Y tế",
  group: "Hạ tầng kỹ thuật",
  value: "55",
  detail: "50",
  message: "",
};

/** A score problem in a form: the grid's finding, in the same language, after the file's name. */
export const IN_FORM_MESSAGES = catalogue("form findings", {
  inForm: entry({
    vi: (p: { file: string; finding: Finding }) => `Phiếu “${p.file}”: ${findingMessage(p.finding, "vi")}`,
    en: (p) => `Form “${p.file}”: ${findingMessage(p.finding, "en")}`,
    example: { file: "so-y-te.xlsx", finding: FINDING_EXAMPLE },
  }),
});

/** The texts of the form itself and of the sheets the merge writes (Vietnamese: the forms go to Vietnamese agencies). */
export const FORM_TEXT = {
  title: (year: number) => `PHIẾU TỰ ĐÁNH GIÁ, XẾP HẠNG ỨNG DỤNG CÔNG NGHỆ THÔNG TIN NĂM ${year}`,
  agencyLabel: "Cơ quan:",
  instructions:
    "Hướng dẫn: nhập điểm tự chấm của từng nhóm tiêu chí vào cột “Điểm tự chấm” (từ 0 đến điểm tối đa của nhóm) và tài liệu kiểm chứng " +
    "(số, ngày, trích yếu văn bản hoặc đường dẫn) vào cột bên cạnh; ghi chú nếu có (ví dụ “Không TTHC”). Không sửa các ô khác. " +
    "Lưu tệp dạng .xlsx (Excel hoặc LibreOffice) và gửi lại cơ quan đã gửi phiếu.",
  header: {
    stt: "STT",
    group: "Nhóm tiêu chí",
    score: "Điểm tự chấm",
    max: "Điểm tối đa",
    evidence: "Tài liệu kiểm chứng (số, ngày, trích yếu văn bản hoặc đường dẫn)",
  },
  total: "Tổng cộng",
  notes: "Ghi chú",
  exempt: "Miễn chấm",
  exemptEvidence: (keyword: string, reason: string) => `Không chấm nhóm này: ghi chú “${keyword}” (${reason}).`,
  place: "…………, ngày …… tháng …… năm ……",
  preparer: "NGƯỜI LẬP",
  preparerHint: "(Ký, ghi rõ họ tên)",
  head: "THỦ TRƯỞNG CƠ QUAN",
  headHint: "(Ký tên, đóng dấu)",
  validationTitle: "Điểm tự chấm",
  validationPrompt: (max: string) => `Nhập điểm từ 0 đến ${max} (số thập phân được, ví dụ 81,05).`,
  validationErrorTitle: "Điểm không hợp lệ",
  validationError: (max: string) => `Điểm phải là số từ 0 đến ${max}.`,
  selfSheet: "Tự đánh giá",
  diffSheet: "Chênh lệch",
  selfTitle: "ĐIỂM CÁC CƠ QUAN TỰ ĐÁNH GIÁ",
  diffTitle: "CHÊNH LỆCH GIỮA ĐIỂM TỰ CHẤM VÀ ĐIỂM THẨM ĐỊNH",
  selfHeader: {
    stt: "STT",
    agency: "Cơ quan",
    score: (g: string) => `${g} – tự chấm`,
    evidence: (g: string) => `${g} – tài liệu kiểm chứng`,
    notes: "Ghi chú (tự ghi)",
    file: "Tệp phiếu",
    at: "Thời điểm gộp",
  },
  diffHeader: {
    stt: "STT",
    agency: "Cơ quan",
    group: "Nhóm tiêu chí",
    self: "Tự chấm",
    appraised: "Thẩm định",
    evidence: "Tài liệu kiểm chứng",
    council: "Kết luận của hội đồng thẩm định",
  },
  notesGroup: "Ghi chú",
} as const;

/** Messages of the command line and the pane about forms and merges. */
export const FORM_MESSAGES = catalogue("forms", {
  formsWritten: entry({
    vi: (p: { count: number; dir: string }) => `Đã tạo ${p.count} phiếu tự đánh giá trong thư mục “${p.dir}”:`,
    en: (p) => `Created ${p.count} self-assessment forms in folder “${p.dir}”:`,
    example: { count: 12, dir: "phieu" },
  }),
  noAgencies: entry({
    vi: () => "Bảng điểm chưa có cơ quan nào nên không tạo phiếu. Hãy nhập tên các cơ quan vào cột “Tên cơ quan”.",
    en: () => "The score table has no agency yet, so no form was made. Type the agencies' names in the “Tên cơ quan” column.",
    example: {},
  }),
  merged: entry({
    vi: (p: { merged: number; forms: number; writes: number; differences: number }) =>
      `Đã gộp ${p.merged}/${p.forms} phiếu: ${p.writes} ô điểm/ghi chú được điền, ${p.differences} chênh lệch giữa tự chấm và thẩm định.`,
    en: (p) =>
      `Merged ${p.merged} of ${p.forms} forms: ${p.writes} score/note cells filled, ${p.differences} differences between self-assessed and appraised scores.`,
    example: { merged: 11, forms: 12, writes: 40, differences: 3 },
  }),
  noneSelected: entry({
    vi: () => "Vùng đang chọn không có dòng cơ quan nào của bảng điểm. Hãy chọn các ô ở dòng của những cơ quan cần tạo phiếu (hoặc tạo phiếu cho tất cả).",
    en: () => "The selection holds no agency row of the score table. Select cells in the rows of the agencies that need a form (or create forms for all).",
    example: {},
  }),
  sheetProtected: entry({
    vi: (p: { sheet: string }) =>
      `Trang tính “${p.sheet}” đang được bảo vệ nên không gộp được phiếu. Hãy bỏ bảo vệ (Xem lại → Bỏ bảo vệ trang tính) rồi gộp lại. Chưa có ô nào bị thay đổi.`,
    en: (p) =>
      `Sheet “${p.sheet}” is protected, so the forms cannot be merged. Unprotect it (Review → Unprotect Sheet) and merge again. No cell has been changed.`,
    example: { sheet: "Bảng điểm" },
  }),
  noForms: entry({
    vi: () => "Chưa chọn phiếu nào. Hãy chọn các tệp phiếu .xlsx mà các cơ quan gửi lại.",
    en: () => "No form was chosen. Choose the .xlsx forms the agencies sent back.",
    example: {},
  }),
  nothingChanged: entry({
    vi: () => "Các phiếu này đã được gộp trước đó: bảng điểm không thay đổi.",
    en: () => "These forms were merged before: the score table is unchanged.",
    example: {},
  }),
});

export type { Lang };
