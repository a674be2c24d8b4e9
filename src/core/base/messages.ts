/**
 * The core's messages (the grid, the result columns, the stored data, the decision's details), each a
 * code with parameters rendered in Vietnamese and in English. The other areas of the core keep their
 * own catalogues (findings.ts, ruleMessages.ts, explain-messages.ts, form-messages.ts, legacy-cells.ts,
 * previous-messages.ts, store-check.ts, annex.ts). See catalogue.ts.
 */
import { catalogue, CELL_LIST, entry, quotedList } from "./catalogue";

export const CORE_MESSAGES = catalogue("core", {
  // The grid (locateGrid).
  /** `where`: the add-in's pane (the default) or the command line (--sheet, run again; not “bấm …”). */
  gridEmpty: entry({
    vi: (p: { where?: "pane" | "cli" }) =>
      p.where === "cli"
        ? "Trang tính đang trống. Hãy chỉ ra trang tính có bảng điểm (một dòng cho mỗi cơ quan, một cột cho mỗi nhóm tiêu chí) bằng --sheet “TÊN TRANG”, rồi chạy lại lệnh."
        : "Trang tính đang trống. Hãy mở trang tính có bảng điểm (một dòng cho mỗi cơ quan, một cột cho mỗi nhóm tiêu chí) rồi bấm lại “Tính điểm”.",
    en: (p) =>
      p.where === "cli"
        ? "The sheet is empty. Name the sheet with the score table (one row per agency, one column per criteria group) with --sheet “SHEET NAME”, then run the command again."
        : "The sheet is empty. Open the sheet with the score table (one row per agency, one column per criteria group) and click “Score” again.",
    example: {},
  }),
  gridNoHeader: entry({
    vi: (p: { limit: number; lookedFor: string[]; seenRow: number; seen: string[]; missing: string[] }) =>
      `Không tìm thấy dòng tiêu đề của bảng điểm trong ${p.limit} dòng đầu. Cần các cột: ${quotedList(p.lookedFor)}. ` +
      (p.seen.length ? `Dòng ${p.seenRow} có: ${quotedList(p.seen)}. ` : "") +
      `Còn thiếu: ${quotedList(p.missing)}. Hãy sửa tên cột cho đúng hoặc thêm tên gọi khác trong “Quy tắc chấm điểm”.`,
    en: (p) =>
      `No header row of a score table was found in the first ${p.limit === 1 ? "row" : `${p.limit} rows`}. The columns needed are ${quotedList(p.lookedFor)}. ` +
      (p.seen.length ? `Row ${p.seenRow} has ${quotedList(p.seen)}. ` : "") +
      `Missing: ${quotedList(p.missing)}. Correct the column headers, or add the table's headers as “Other column headers” of the groups in “Scoring rules”.`,
    example: { limit: 40, lookedFor: ["Hạ tầng kỹ thuật", "Ứng dụng CNTT"], seenRow: 3, seen: ["STT", "Hạ tầng"], missing: ["Ứng dụng CNTT"] },
  }),
  gridNoNameColumn: entry({
    vi: (p: { row: number }) =>
      `Dòng ${p.row} có đủ các nhóm tiêu chí nhưng không có cột tên cơ quan. Hãy đặt tiêu đề “Tên cơ quan” cho cột ghi tên các cơ quan.`,
    en: (p) => `Row ${p.row} has every criteria group but no column of agency names. Give the column holding the agencies' names the header “Tên cơ quan”.`,
    example: { row: 4 },
  }),
  // The result columns (planResultWrite).
  foreignContent: entry({
    vi: (p: { cells: string[]; where?: "pane" | "cli" }) =>
      `Không ghi kết quả: cột kết quả có nội dung không do add-in ghi (công thức hoặc chữ) ở ${CELL_LIST.vi(p.cells)}. ` +
      `Hãy chuyển nội dung đó sang cột khác hoặc xóa đi, rồi ${p.where === "cli" ? "chạy lại lệnh" : "bấm lại “Tính điểm”"}. Chưa có ô nào bị thay đổi.`,
    en: (p) =>
      `The results were not written: the result columns hold content the add-in did not write (a formula or text) in ${CELL_LIST.en(p.cells)}. ` +
      `Move that content to another column or delete it, then ${p.where === "cli" ? "run the command again" : "click “Score” again"}. No cell has been changed.`,
    example: { cells: ["J5", "J6"] },
  }),
  // The decision's details (validateMetadata).
  decisionNumberMissing: entry({
    vi: (_p: object) => "Chưa nhập số quyết định (ví dụ: 06/QĐ-UBND).",
    en: () => "Type the decision number (for example 06/QĐ-UBND).",
    example: {},
  }),
  decisionNumberForm: entry({
    vi: (p: { number: string }) => `Số quyết định “${p.number}” chưa đúng dạng số/ký hiệu, ví dụ: 06/QĐ-UBND.`,
    en: (p) => `“${p.number}” is not in number/symbol form, for example 06/QĐ-UBND.`,
    example: { number: "QĐ-06" },
  }),
  decisionDateMissing: entry({
    vi: (_p: object) => "Chưa nhập ngày ký quyết định (dd/mm/yyyy, ví dụ 05/01/2021).",
    en: () => "Type the date the decision was signed (dd/mm/yyyy, for example 05/01/2021).",
    example: {},
  }),
  decisionDateInvalid: entry({
    vi: (p: { date: string }) => `Ngày ký “${p.date}” không phải là ngày hợp lệ theo dạng dd/mm/yyyy (ví dụ 05/01/2021).`,
    en: (p) => `“${p.date}” is not a valid date in dd/mm/yyyy form (for example 05/01/2021).`,
    example: { date: "31/02/2021" },
  }),
  formsDeadlineInvalid: entry({
    vi: (p: { date: string }) =>
      `Hạn gửi phiếu “${p.date}” không phải là ngày hợp lệ: hãy nhập ngày dạng dd/mm/yyyy (ví dụ 20/12/2020) hoặc để trống nếu không đặt hạn.`,
    en: (p) => `The forms' deadline “${p.date}” is not a valid date: type it as dd/mm/yyyy (for example 20/12/2020), or leave it empty for no deadline.`,
    example: { date: "31/02/2021" },
  }),
  decisionIssuerMissing: entry({
    vi: (_p: object) => "Chưa nhập cơ quan ban hành (ví dụ: Ủy ban nhân dân tỉnh).",
    en: () => "Type the issuing body (for example Ủy ban nhân dân tỉnh).",
    example: {},
  }),
  decisionYearInvalid: entry({
    vi: (_p: object) => "Năm đánh giá phải là một năm, ví dụ 2020.",
    en: () => "The year evaluated must be a year, for example 2020.",
    example: {},
  }),
  decisionDateBeforeYear: entry({
    vi: (p: { date: string; year: number }) => `Ngày ký ${p.date} có trước năm được đánh giá ${p.year}: hãy kiểm tra lại ngày ký hoặc năm đánh giá.`,
    en: (p) => `The date signed, ${p.date}, is before the year evaluated, ${p.year}: check the date or the year.`,
    example: { date: "05/01/2019", year: 2020 },
  }),
  decisionSubjectMissing: entry({
    vi: (_p: object) => "Chưa nhập nội dung trích yếu của phụ lục.",
    en: () => "Type the annex's subject line.",
    example: {},
  }),
  annexSheetMissing: entry({
    vi: (_p: object) => "Chưa nhập tên trang tính của phụ lục.",
    en: () => "Type the name of the annex sheet.",
    example: {},
  }),
  annexSheetInvalid: entry({
    vi: (p: { sheet: string }) =>
      `Tên trang tính “${p.sheet}” không hợp lệ: tối đa 31 ký tự, không có \\ / ? * [ ] : và không bắt đầu hay kết thúc bằng dấu '.`,
    en: (p) => `“${p.sheet}” is not a valid sheet name: at most 31 characters, none of \\ / ? * [ ] : and no ' at the start or end.`,
    example: { sheet: "Phụ lục: 2020" },
  }),
});
