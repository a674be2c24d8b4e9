/**
 * The Phụ lục tab's strings (the decision's form, the annex's status, the confirmation before an annex with errors), in
 * Vietnamese and English: loaded with the tab (a chunk of its own), not in the pane's first script like the rest of
 * the catalogue (i18n.ts).
 */
import { Lang, useStrings } from "./i18n";

const vi = {
  annex: {
    heading: "Phụ lục",
    intro: "Thông tin của quyết định được lưu trong sổ tính; tiêu đề phụ lục lấy số và ngày từ đây, nên không thể lệch với quyết định.",
    number: "Số quyết định",
    numberHint: "Ví dụ: 06/QĐ-UBND",
    date: "Ngày ký",
    dateHint: "dd/mm/yyyy, ví dụ 05/01/2021",
    issuer: "Cơ quan ban hành",
    province: "Tỉnh, thành phố",
    provinceHint: "Ví dụ: Thái Bình. Phụ lục ghi “Ủy ban nhân dân tỉnh Thái Bình”.",
    provinceMissing: (issuer: string) => `Chưa có tên tỉnh: phụ lục sẽ ghi “của ${issuer}”. Hãy nhập tỉnh, ví dụ Thái Bình.`,
    provinceFromTitle: (province: string) => `Lấy từ tiêu đề bảng điểm (“${province}”); hãy kiểm tra. Phụ lục ghi “Ủy ban nhân dân tỉnh ${province}”.`,
    provinceNeeded: (issuer: string) =>
      `Hãy nhập tỉnh (ví dụ Thái Bình) trước khi tạo phụ lục: không có tỉnh, phụ lục sẽ ghi “của ${issuer}” và chưa trình ký được.`,
    year: "Năm đánh giá",
    yearFrom: {
      title: (y: number) => `Theo tiêu đề bảng điểm (năm ${y}).`,
      decision: () => "Năm trước năm ký quyết định.",
      default: () => "Năm ngoái; hãy kiểm tra.",
      given: () => "",
    },
    subject: "Trích yếu (không kèm năm)",
    sheetName: "Tên trang tính phụ lục",
    formsDeadline: "Hạn gửi phiếu tự đánh giá",
    formsDeadlineHint: "dd/mm/yyyy, ví dụ 20/12/2020; để trống nếu không đặt hạn. Tab Phiếu ghi hạn này cạnh các cơ quan chưa gửi phiếu.",
    save: "Lưu thông tin",
    saved: "Đã lưu thông tin quyết định vào sổ tính.",
    saveFailedTitle: "Chưa lưu được",
    fixFields: (n: number) => `Còn ${n} ô chưa đúng. Hãy sửa các ô được đánh dấu bên trên.`,
    generate: "Tạo phụ lục",
    refusedTitle: "Chưa tạo được phụ lục",
    printTitle: "Hãy đặt bố cục in bằng tay",
    staleTitle: "Kết quả trên trang tính đã cũ",
    recomputeThenGenerate: "Tính điểm lại rồi tạo phụ lục",
    includePrevious: "Đưa xếp hạng năm trước vào phụ lục (cột “Xếp hạng năm trước” và “Tăng/giảm”)",
  },
  confirm: {
    title: "Bảng điểm còn lỗi",
    intro: (n: number) => `Bảng điểm còn ${n} lỗi chưa sửa. Nếu vẫn tạo, phụ lục sẽ mang các số liệu sai này:`,
    advice: "Nên sửa trước khi trình ký. Bạn vẫn muốn tạo phụ lục?",
    cancel: "Quay lại sửa",
    confirm: "Vẫn tạo phụ lục",
  },
};

export type AnnexStrings = typeof vi;

const en: AnnexStrings = {
  annex: {
    heading: "Annex",
    intro:
      "The decision's details are stored in the workbook; the annex heading takes its number and date from here, so they cannot disagree with the decision.",
    number: "Decision number",
    numberHint: "For example: 06/QĐ-UBND",
    date: "Date signed",
    dateHint: "dd/mm/yyyy, for example 05/01/2021",
    issuer: "Issued by",
    province: "Province or city",
    provinceHint: "For example Thái Bình. The annex says “Ủy ban nhân dân tỉnh Thái Bình”.",
    provinceMissing: (issuer: string) => `No province yet: the annex would say “của ${issuer}”. Type the province, for example Thái Bình.`,
    provinceFromTitle: (province: string) => `Taken from the score table's title (“${province}”); check it. The annex says “Ủy ban nhân dân tỉnh ${province}”.`,
    provinceNeeded: (issuer: string) =>
      `Type the province (for example Thái Bình) before creating the annex: without it the annex says “của ${issuer}” and cannot be signed.`,
    year: "Year evaluated",
    yearFrom: {
      title: (y: number) => `From the score table's title (${y}).`,
      decision: () => "The year before the decision was signed.",
      default: () => "Last year; check it.",
      given: () => "",
    },
    subject: "Subject line (without the year)",
    sheetName: "Annex sheet name",
    formsDeadline: "Deadline for the self-assessment forms",
    formsDeadlineHint:
      "dd/mm/yyyy, for example 20/12/2020; leave empty for no deadline. The Forms tab shows it with the agencies that have not returned a form.",
    save: "Save details",
    saved: "The decision details are saved in the workbook.",
    saveFailedTitle: "Not saved",
    fixFields: (n: number) => `${n} field${n > 1 ? "s are" : " is"} not right yet. Correct the marked fields above.`,
    generate: "Create annex",
    refusedTitle: "Could not create the annex",
    printTitle: "Set the print layout by hand",
    staleTitle: "The results on the sheet are out of date",
    recomputeThenGenerate: "Score again, then create the annex",
    includePrevious: "Include last year's rank in the annex (columns “Xếp hạng năm trước” and “Tăng/giảm”)",
  },
  confirm: {
    title: "The score table has errors",
    intro: (n: number) => `The score table still has ${n} error${n > 1 ? "s" : ""}. If you go on, the annex will carry these wrong figures:`,
    advice: "They should be fixed before signing. Create the annex anyway?",
    cancel: "Go back and fix",
    confirm: "Create annex anyway",
  },
};

export const annexCatalogue: Record<Lang, AnnexStrings> = { vi, en };

/** The Phụ lục tab's strings in the pane's language. */
export const useAnnexStrings = (): AnnexStrings => annexCatalogue[useStrings().lang];
