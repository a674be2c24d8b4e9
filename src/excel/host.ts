/**
 * The add-in's only contact with the Office host: Excel.run, requirement checks, error wording.
 * Everything else in src/excel goes through these helpers, so the test double can stand in for
 * Office.js and every path is tested.
 */

/** The manifest's minimum (see manifest.xml <Requirements>): what every host that loads us has. */
export const MIN_EXCEL_API = "1.4";

/** Feature checks above the minimum, answered by the host at run time. */
export const features = {
  /** Range.copyFrom, PageLayout (print titles, orientation, paper, margins, fit to page), getCellProperties. */
  pageLayout: () => supports("1.9"),
  copyFrom: () => supports("1.9"),
  fillPattern: () => supports("1.9"),
  showGridlines: () => supports("1.8"),
};

export function supports(version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}

/** Thrown for conditions the user can fix; its message is shown as is. */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly cells: string[] = [],
  ) {
    super(message);
  }
}

interface OfficeLikeError {
  code?: string;
  message?: string;
  debugInfo?: { errorLocation?: string };
}

/** A Vietnamese message for an error raised by the host. */
export function hostErrorMessage(e: unknown): string {
  if (e instanceof UserFacingError) return e.message;
  const err = (e ?? {}) as OfficeLikeError;
  switch (err.code) {
    case "AccessDenied":
      return "Excel từ chối ghi: trang tính hoặc sổ tính đang được bảo vệ, hoặc đang ở chế độ chỉ đọc. Hãy bỏ bảo vệ (Xem lại → Bỏ bảo vệ trang tính) rồi làm lại.";
    case "InvalidOperationInCellEditMode":
      return "Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để kết thúc việc sửa ô rồi làm lại.";
    case "RequestPayloadSizeLimitExceeded":
      return "Dữ liệu quá lớn để Excel trao đổi trong một lần. Hãy chia bảng điểm thành các trang tính nhỏ hơn.";
    case "ApiNotFound":
      return "Phiên bản Excel này thiếu một chức năng add-in cần dùng. Hãy dùng Excel cho Microsoft 365, Office 2021 trở lên hoặc Excel trên web.";
    case "ItemNotFound":
      return "Không tìm thấy trang tính hoặc vùng ô cần dùng (có thể vừa bị xoá hoặc đổi tên). Hãy làm lại.";
    default:
      return `Excel báo lỗi${err.code ? ` (${err.code})` : ""}: ${err.message ?? String(e)}. Hãy thử lại; nếu vẫn lỗi, hãy lưu sổ tính và mở lại Excel.`;
  }
}

/** Points per Excel character-width unit (Calibri 11: 7 px per digit plus 5 px padding, 0.75 pt per px). */
export const charsToPoints = (chars: number): number => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
export const cmToPoints = (cm: number): number => Math.round((cm / 2.54) * 72 * 100) / 100;
