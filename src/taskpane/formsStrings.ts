/**
 * The Phiếu tab's strings (making forms, merging them back), in Vietnamese and English: loaded with the
 * tab (a chunk of its own), not in the pane's first script like the rest of the catalogue (i18n.ts).
 */
import { Lang, useStrings } from "./i18n";

const vi = {
  createTitle: "Phiếu tự đánh giá",
  createIntro:
    "Mỗi cơ quan một phiếu (tệp .xlsx) lấy từ bảng điểm trên trang đang mở: cơ quan điền điểm tự chấm và tài liệu kiểm chứng bằng Excel hoặc LibreOffice rồi gửi lại.",
  scopeLabel: "Tạo phiếu cho",
  scopeAll: "Tất cả cơ quan",
  scopeSelected: "Các cơ quan ở những dòng đang chọn",
  create: "Tạo phiếu",
  deliveryNew: "Mỗi phiếu mở ra thành một sổ tính mới: hãy lưu lại với tên đã gợi ý và gửi cho cơ quan.",
  deliveryDownload: "Các phiếu được tải về máy trong một tệp nén .zip (thư mục Tải xuống): giải nén rồi gửi mỗi phiếu cho cơ quan của nó.",
  created: (n: number) => `Đã tạo ${n} phiếu:`,
  downloadedZip: (file: string, n: number, mb: string) =>
    `Đã tải về một tệp “${file}” (${mb} MB) chứa cả ${n} phiếu, trong thư mục Tải xuống. Hãy giải nén rồi gửi mỗi phiếu cho cơ quan của nó.`,
  downloadedOne: (file: string) => `Đã tải về tệp “${file}” trong thư mục Tải xuống.`,
  opened: (n: number) => `Đã mở ${n} sổ tính mới, mỗi phiếu một sổ: hãy lưu từng sổ với tên đã gợi ý.`,
  mergeTitle: "Gộp phiếu",
  mergeIntro:
    "Chọn các phiếu các cơ quan đã gửi lại. Ô điểm còn trống trong bảng điểm nhận điểm tự chấm; ô đã có điểm thẩm định được giữ nguyên và ghi vào trang “Chênh lệch”; trang “Theo dõi phiếu” ghi cơ quan nào đã tạo, đã gửi lại, đã gộp phiếu. Hoàn tác được.",
  filesLabel: "Các tệp phiếu (.xlsx)",
  chooseFiles: "Chọn tệp phiếu…",
  chosen: (n: number) => (n === 0 ? "Chưa chọn tệp nào." : `Đã chọn ${n} tệp.`),
  merge: "Gộp phiếu",
  findingsTitle: "Phiếu có vấn đề",
  differencesTitle: "Chênh lệch giữa tự chấm và thẩm định",
  difference: (agency: string, group: string, self: string, appraised: string) => `${agency}, “${group}”: tự chấm ${self}, thẩm định ${appraised}`,
  failed: "Chưa gộp được",
  createFailed: "Chưa tạo được phiếu",
  noticesTitle: "Thông báo kết quả thẩm định",
  noticesIntro:
    "Mỗi cơ quan có chênh lệch trên trang “Chênh lệch” nhận một tệp: điểm tự chấm và thẩm định, kết luận và lý do của hội đồng, một ô “Ý kiến của cơ quan” cho mỗi dòng. Khi cơ quan gửi lại, chọn tệp ở mục “Gộp phiếu” bên dưới: ý kiến được ghi vào cột “Kiến nghị”.",
  noticesDeadline: "Hạn gửi lại ý kiến (dd/mm/yyyy, không bắt buộc)",
  noticesCreate: "Tạo thông báo",
  noticesFailed: "Chưa tạo được thông báo",
  noticesDownloadedZip: (file: string, n: number, mb: string) =>
    `Đã tải về một tệp “${file}” (${mb} MB) chứa cả ${n} thông báo, trong thư mục Tải xuống. Hãy giải nén rồi gửi mỗi thông báo cho cơ quan của nó.`,
  noticesOpened: (n: number) => `Đã mở ${n} sổ tính mới, mỗi thông báo một sổ: hãy lưu từng sổ với tên đã gợi ý.`,
  councilTitle: "Kết luận của hội đồng",
  councilIntro:
    "Các chênh lệch trên trang “Chênh lệch”: với mỗi dòng chọn kết luận (chấp nhận tự chấm, giữ điểm thẩm định hoặc điểm khác) và ghi lý do. “Ghi kết luận” ghi vào trang; “Tính điểm” dùng điểm hội đồng kết luận. Hoàn tác được.",
  councilList: "Xem các chênh lệch",
  councilEmpty: "Trang “Chênh lệch” không có dòng nào.",
  councilRow: (agency: string, group: string, self: string, appraised: string) => `${agency}, “${group}”: tự chấm ${self}, thẩm định ${appraised}`,
  councilChoice: "Kết luận",
  councilChoices: { none: "Chưa kết luận", accept: "Chấp nhận tự chấm", keep: "Giữ điểm thẩm định", other: "Điểm khác" },
  councilScore: (max: string) => (max ? `Điểm khác (từ 0 đến ${max})` : "Điểm khác"),
  councilReason: "Lý do",
  councilSave: "Ghi kết luận",
  councilFailed: "Chưa ghi được kết luận",
  councilNoChange: "Chưa có kết luận nào được chọn hoặc thay đổi.",
};

export type FormsStrings = typeof vi;

const en: FormsStrings = {
  createTitle: "Self-assessment forms",
  createIntro:
    "One form (an .xlsx file) per agency, from the score table on the open sheet: the agency types its self-assessed scores and evidence in Excel or LibreOffice and sends it back.",
  scopeLabel: "Create forms for",
  scopeAll: "All agencies",
  scopeSelected: "The agencies in the selected rows",
  create: "Create forms",
  deliveryNew: "Each form opens as a new workbook: save it under the suggested name and send it to the agency.",
  deliveryDownload: "The forms are downloaded in one .zip file (Downloads folder): unzip it and send each form to its agency.",
  created: (n: number) => `Created ${n} form${n === 1 ? "" : "s"}:`,
  downloadedZip: (file: string, n: number, mb: string) =>
    `Downloaded one file, “${file}” (${mb} MB), holding all ${n} forms, to the Downloads folder. Unzip it and send each form to its agency.`,
  downloadedOne: (file: string) => `Downloaded “${file}” to the Downloads folder.`,
  opened: (n: number) => `Opened ${n} new workbook${n === 1 ? "" : "s"}, one per form: save each under the suggested name.`,
  mergeTitle: "Merge forms",
  mergeIntro:
    "Choose the forms the agencies sent back. Empty score cells take the self-assessed score; cells with an appraised score are kept and listed on the “Chênh lệch” sheet; the “Theo dõi phiếu” sheet tracks whose form was made, returned and merged. Can be undone.",
  filesLabel: "Form files (.xlsx)",
  chooseFiles: "Choose form files…",
  chosen: (n: number) => (n === 0 ? "No file chosen." : `${n} file${n === 1 ? "" : "s"} chosen.`),
  merge: "Merge forms",
  findingsTitle: "Forms with problems",
  differencesTitle: "Differences between self-assessed and appraised scores",
  difference: (agency: string, group: string, self: string, appraised: string) => `${agency}, “${group}”: self-assessed ${self}, appraised ${appraised}`,
  failed: "Not merged",
  createFailed: "Forms not created",
  noticesTitle: "Notices of appraisal results",
  noticesIntro:
    "Each agency with a difference on the “Chênh lệch” sheet gets one file: its self-assessed and appraised scores, the council's conclusion and reason, and an “Ý kiến của cơ quan” (reply) cell on each line. When agencies send them back, choose the files under “Merge forms” below: the replies go into the “Kiến nghị” column.",
  noticesDeadline: "Reply deadline (dd/mm/yyyy, optional)",
  noticesCreate: "Make the notices",
  noticesFailed: "Notices not made",
  noticesDownloadedZip: (file: string, n: number, mb: string) =>
    `Downloaded one file, “${file}” (${mb} MB), holding all ${n} notices, to the Downloads folder. Unzip it and send each notice to its agency.`,
  noticesOpened: (n: number) => `Opened ${n} new workbook${n === 1 ? "" : "s"}, one per notice: save each under the suggested name.`,
  councilTitle: "The council's conclusions",
  councilIntro:
    "The differences on the “Chênh lệch” sheet: for each line choose the conclusion (accept the self-assessment, keep the appraised score, or another score) and give the reason. “Record conclusions” writes them into the sheet; scoring uses the concluded scores. Can be undone.",
  councilList: "Show the differences",
  councilEmpty: "The “Chênh lệch” sheet has no lines.",
  councilRow: (agency: string, group: string, self: string, appraised: string) => `${agency}, “${group}”: self-assessed ${self}, appraised ${appraised}`,
  councilChoice: "Conclusion",
  councilChoices: { none: "No conclusion yet", accept: "Accept the self-assessment", keep: "Keep the appraised score", other: "Another score" },
  councilScore: (max: string) => (max ? `Other score (0 to ${max})` : "Other score"),
  councilReason: "Reason",
  councilSave: "Record conclusions",
  councilFailed: "Conclusions not recorded",
  councilNoChange: "No conclusion has been chosen or changed.",
};

export const formsCatalogue: Record<Lang, FormsStrings> = { vi, en };

/** The Phiếu tab's strings in the pane's language. */
export const useFormsStrings = (): FormsStrings => formsCatalogue[useStrings().lang];
