/**
 * The lock's strings ("Chốt kết quả", "Mở chốt"), in Vietnamese and English: loaded with the Phụ lục tab
 * (a chunk of its own), not in the pane's first script like the rest of the catalogue (i18n.ts).
 */
import { Lang, useStrings } from "./i18n";

const vi = {
  title: "Chốt kết quả",
  intro:
    "Khi hội đồng đã thống nhất, chốt kết quả: add-in ghi lại điểm, kết quả của từng cơ quan và in “Mã kiểm tra” dưới phụ lục, khóa trang bảng điểm và phụ lục. Sau đó không Tính điểm, Gộp phiếu, Chuyển mã được nữa cho đến khi mở chốt.",
  by: "Người thực hiện",
  byHint: "Tên của bạn, được ghi cùng lần chốt hoặc mở chốt.",
  password: "Mật khẩu khóa trang (không bắt buộc)",
  lock: "Chốt kết quả",
  lockedTitle: "Đã chốt",
  lockedNow: (code: string, at: string, by: string) => `Kết quả đang được chốt, mã kiểm tra ${code} (lúc ${at}${by ? `, bởi ${by}` : ""}).`,
  reason: "Lý do mở chốt",
  reasonHint: "Bắt buộc, ví dụ: Hội đồng điều chỉnh điểm Sở Y tế theo kiến nghị.",
  unlock: "Mở chốt",
  unlockedTitle: "Đã mở chốt",
  refusedTitle: "Chưa chốt hoặc mở chốt được",
  errorsTitle: "Bảng điểm còn lỗi",
  lockAnyway: "Vẫn chốt (ghi vào nhật ký)",
  logTitle: "Nhật ký",
  logIntro:
    "Mọi lần add-in và công cụ dòng lệnh ghi vào sổ tính (và các ô sửa tay khi bảng điều khiển đang mở) được ghi lại: lúc nào, việc gì, ai (tên ở ô “Người thực hiện” trên), ô nào đổi từ giá trị nào sang giá trị nào. Bấm để có trang “Nhật ký” để in, mới nhất ở trên.",
  showLog: "Xem nhật ký",
  logFailed: "Chưa ghi được trang Nhật ký",
};

export type LockStrings = typeof vi;

const en: LockStrings = {
  title: "Lock the results",
  intro:
    "Once the council agrees, lock the results: the add-in records each agency's scores and results, prints a verification code under the annex and protects the score sheet and the annex. Scoring, merging forms and converting encodings then stop until the results are unlocked.",
  by: "Your name",
  byHint: "Recorded with the lock or the unlock.",
  password: "Password for the sheets (optional)",
  lock: "Lock the results",
  lockedTitle: "Locked",
  lockedNow: (code: string, at: string, by: string) => `The results are locked, verification code ${code} (at ${at}${by ? `, by ${by}` : ""}).`,
  reason: "Reason for unlocking",
  reasonHint: "Required, for example: the council adjusted Sở Y tế's score after its reply.",
  unlock: "Unlock",
  unlockedTitle: "Unlocked",
  refusedTitle: "Could not lock or unlock",
  errorsTitle: "The score table has errors",
  lockAnyway: "Lock anyway (logged)",
  logTitle: "Log",
  logIntro:
    "Every write the add-in and the command line make to the workbook (and cells typed while the pane is open) is recorded: when, what, who (the name in “Your name” above), which cells changed from what to what. Click for a printable “Nhật ký” sheet, newest first.",
  showLog: "Show the log",
  logFailed: "Could not write the Nhật ký sheet",
};

export const lockCatalogue: Record<Lang, LockStrings> = { vi, en };

/** The lock's strings in the pane's language. */
export const useLockStrings = (): LockStrings => lockCatalogue[useStrings().lang];
