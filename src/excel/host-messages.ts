/**
 * The messages for errors the host (Excel) raises, by their code: a catalogue of its own, kept apart from
 * the Office layer's other messages (messages.ts) because every use case needs these, the pane's first
 * script too, and the others bring the rules and last-year catalogues with them.
 */
import { catalogue, entry } from "../core/base/catalogue";

export const HOST_MESSAGES = catalogue("excel host errors", {
  hostAccessDenied: entry({
    vi: (_p: object) =>
      "Excel từ chối ghi: trang tính hoặc sổ tính đang được bảo vệ, hoặc đang ở chế độ chỉ đọc. Hãy bỏ bảo vệ (Xem lại → Bỏ bảo vệ trang tính) rồi làm lại.",
    en: () => "Excel refused to write: the sheet or the workbook is protected, or open read-only. Unprotect it (Review → Unprotect Sheet) and try again.",
    example: {},
  }),
  hostCellEditMode: entry({
    vi: (_p: object) => "Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để kết thúc việc sửa ô rồi làm lại.",
    en: () => "Excel is editing a cell. Press Enter or Esc to finish editing it, then try again.",
    example: {},
  }),
  hostPayloadLimit: entry({
    vi: (_p: object) => "Dữ liệu quá lớn để Excel trao đổi trong một lần. Hãy chia bảng điểm thành các trang tính nhỏ hơn.",
    en: () => "The data is too large for Excel to exchange at once. Split the score table into smaller sheets.",
    example: {},
  }),
  hostApiNotFound: entry({
    vi: (_p: object) => "Phiên bản Excel này thiếu một chức năng add-in cần dùng. Hãy dùng Excel cho Microsoft 365, Office 2021 trở lên hoặc Excel trên web.",
    en: () => "This version of Excel lacks a feature the add-in needs. Use Excel for Microsoft 365, Office 2021 or later, or Excel on the web.",
    example: {},
  }),
  hostItemNotFound: entry({
    vi: (_p: object) => "Không tìm thấy trang tính hoặc vùng ô cần dùng (có thể vừa bị xóa hoặc đổi tên). Hãy làm lại.",
    en: () => "The sheet or range needed was not found (it may have just been deleted or renamed). Try again.",
    example: {},
  }),
  hostOther: entry({
    vi: (p: { code: string; detail: string }) =>
      `Excel báo lỗi${p.code ? ` (${p.code})` : ""}: ${p.detail}. Hãy thử lại; nếu vẫn lỗi, hãy lưu sổ tính và mở lại Excel.`,
    en: (p) => `Excel reported an error${p.code ? ` (${p.code})` : ""}: ${p.detail}. Try again; if it keeps happening, save the workbook and restart Excel.`,
    example: { code: "GeneralException", detail: "boom" },
  }),
});
