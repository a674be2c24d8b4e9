import { cellAddress } from "../base/address";
import { both, catalogue, entry, plural } from "../base/catalogue";
import { DifferenceRow } from "./conclusions";
import { formSlug } from "./forms";
import { FORM_STYLES } from "./form-parts";
import { fromHex, hmacSha256, sameText, toHex, utf8 } from "../base/hmac";
import { displayValue, isBlank } from "../base/numbers";
import { FORM_TEXT } from "./form-messages";
import { SheetCell, SheetDescription, SheetMerge } from "../sheets/sheet";
import { cleanText, matchKey } from "../text/text";

/**
 * The right of reply: "Thông báo kết quả thẩm định", one workbook per agency with a difference on
 * "Chênh lệch", listing its self-assessed and appraised scores, the council's conclusion and reason,
 * a reply cell per line ("Ý kiến của cơ quan", the only unlocked cells) and the deadline; protected
 * like the forms, its identity signed with the master's form key (a notice for one agency cannot pass
 * for another's). Returned, `merge` puts each reply beside its difference ("Kiến nghị"). Pure.
 */

export const NOTICE_KIND = "thong-bao-ket-qua-tham-dinh";

export interface NoticeIdentity {
  kind: typeof NOTICE_KIND;
  version: 2;
  masterId: string;
  agency: string;
  year: number;
  /** The fingerprint of the rules (kept for the store's shape; not checked). */
  rulesFingerprint: string;
  /** HMAC-SHA-256 (hex) of "thong-bao|master id|agency|year" under the master's form key: only the master issues or checks it. */
  token: string;
}

export function noticeToken(key: string, masterId: string, agency: string, year: number): string {
  const k = fromHex(key);
  if (k === null || k.length === 0) throw new Error("noticeToken: the key is not hex");
  return toHex(hmacSha256(k, utf8(`thong-bao|${masterId}|${matchKey(agency)}|${year}`)));
}

export const isNoticeIdentity = (v: unknown): v is NoticeIdentity => {
  const o = v as Partial<NoticeIdentity> | null;
  return !!o && o.kind === NOTICE_KIND && typeof o.masterId === "string" && typeof o.agency === "string" && typeof o.year === "number";
};

/** The words of the notice (an official paper: Vietnamese only, like the forms). */
export const NOTICE_TEXT = {
  sheet: "Thông báo kết quả",
  title: (year: number) => `THÔNG BÁO KẾT QUẢ THẨM ĐỊNH ĐIỂM ĐÁNH GIÁ ỨNG DỤNG CNTT NĂM ${year}`,
  agencyLabel: "Cơ quan:",
  deadline: (d: string) => `Hạn gửi lại ý kiến: ${d}`,
  noDeadline: "Hạn gửi lại ý kiến: ……/……/………",
  instructions:
    "Hội đồng thẩm định thông báo các nội dung có điểm thẩm định khác điểm cơ quan tự chấm. Nếu có ý kiến, cơ quan ghi vào cột “Ý kiến của cơ quan” (ô tô vàng) và gửi lại tệp này trước hạn; không sửa các ô khác.",
  header: {
    stt: "STT",
    group: "Nhóm tiêu chí",
    self: "Tự chấm",
    appraised: "Thẩm định",
    conclusion: "Kết luận của hội đồng",
    reason: "Lý do",
    reply: "Ý kiến của cơ quan",
  },
  pending: "Chưa kết luận",
  fileName: (agency: string) => `thong-bao-${formSlug(agency)}.xlsx`,
  /** The one file the pane downloads when there are several notices. */
  zipName: "thong-bao-ket-qua-tham-dinh.zip",
} as const;

const WIDTHS = [5, 24, 9, 9, 18, 28, 34];

export interface NoticeDescription extends SheetDescription {
  identity: NoticeIdentity;
  layout: { headerRow: number; rows: { row: number; group: string }[]; replyCol: number };
}

export interface NoticeInput {
  agency: string;
  /** The agency's rows of "Chênh lệch". */
  rows: readonly DifferenceRow[];
  year: number;
  masterId: string;
  formKey: string;
  rulesFingerprint: string;
  /** dd/mm/yyyy, when set. */
  deadline?: string;
}

/** The conclusion as the agency reads it: the kind's words, "Điểm khác: 12,5", or "Chưa kết luận". */
function conclusionWords(d: DifferenceRow): string {
  const words = FORM_TEXT.conclusions;
  if (d.conclusion === "accept") return words.accept;
  if (d.conclusion === "keep") return words.keep;
  if (d.conclusion === "other") return `${words.other}: ${displayValue(d.score)}`;
  return NOTICE_TEXT.pending;
}

/** One agency's notice: title, agency, deadline, instructions, one line per difference; A4 landscape, protected, only the reply cells unlocked. */
export function buildNotice(input: NoticeInput): NoticeDescription {
  const agency = cleanText(input.agency);
  const cells: SheetCell[] = [];
  const merges: SheetMerge[] = [];
  const put = (row: number, col: number, value: string | number | null, style: string, extra: Partial<SheetCell> = {}) =>
    cells.push({ row, col, value: typeof value === "string" ? value.normalize("NFC") : value, style, ...extra });
  const all = WIDTHS.length;
  put(0, 0, NOTICE_TEXT.title(input.year), "title");
  merges.push({ row: 0, col: 0, rows: 1, cols: all });
  put(1, 0, NOTICE_TEXT.agencyLabel, "label");
  merges.push({ row: 1, col: 0, rows: 1, cols: 2 });
  put(1, 2, agency, "agency");
  merges.push({ row: 1, col: 2, rows: 1, cols: all - 2 });
  put(2, 0, input.deadline ? NOTICE_TEXT.deadline(input.deadline) : NOTICE_TEXT.noDeadline, "label");
  merges.push({ row: 2, col: 0, rows: 1, cols: all });
  put(3, 0, NOTICE_TEXT.instructions, "instructions");
  merges.push({ row: 3, col: 0, rows: 1, cols: all });
  const headerRow = 5;
  const h = NOTICE_TEXT.header;
  [h.stt, h.group, h.self, h.appraised, h.conclusion, h.reason, h.reply].forEach((t, c) => put(headerRow, c, t, "header"));
  const replyCol = 6;
  const rows = input.rows.map((d, i) => {
    const row = headerRow + 1 + i;
    const value = (v: unknown, col: number) =>
      put(row, col, typeof v === "number" || typeof v === "string" ? v : null, "cell", { numberFormat: typeof v === "number" ? "General" : "@" });
    put(row, 0, i + 1, "cell", { numberFormat: "0" });
    put(row, 1, d.group, "cellLeft");
    value(d.self, 2);
    value(d.appraised, 3);
    put(row, 4, conclusionWords(d), "cellLeft");
    put(row, 5, d.reason, "cellLeft");
    put(row, replyCol, d.reply || null, "inputLeft", { unlocked: true });
    return { row, group: d.group };
  });
  const rowCount = headerRow + 1 + rows.length + 1;
  const heights = Array.from({ length: rowCount }, (_, r) => (r === 0 ? 36 : r === 3 ? 48 : r === 4 ? 8 : r === headerRow ? 36 : r > headerRow ? 46 : 20));
  return {
    sheetName: NOTICE_TEXT.sheet,
    font: "Times New Roman",
    styles: FORM_STYLES,
    columnWidths: WIDTHS,
    rowHeights: heights,
    cells,
    merges,
    validations: [],
    protect: true,
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToPagesWide: 1,
      fitToPagesTall: 0,
      margins: { top: 2, bottom: 2, left: 2.5, right: 1.5, header: 0.8, footer: 0.8 },
      centerHorizontally: true,
    },
    frozenRows: 0,
    rowCount,
    colCount: all,
    identity: {
      kind: NOTICE_KIND,
      version: 2,
      masterId: input.masterId,
      agency,
      year: input.year,
      rulesFingerprint: input.rulesFingerprint,
      token: noticeToken(input.formKey, input.masterId, agency, input.year),
    },
    layout: { headerRow, rows, replyCol },
  };
}

/** The rows of "Chênh lệch" per agency, in the sheet's order (a notice for each agency with a difference). */
export function noticeRowsByAgency(rows: readonly DifferenceRow[]): { agency: string; rows: DifferenceRow[] }[] {
  const out = new Map<string, { agency: string; rows: DifferenceRow[] }>();
  for (const r of rows) {
    const key = matchKey(r.agency);
    if (!out.has(key)) out.set(key, { agency: r.agency, rows: [] });
    out.get(key)!.rows.push(r);
  }
  return [...out.values()];
}

export type NoticesPlan =
  { ok: true; notices: { fileName: string; agency: string; lines: number; description: NoticeDescription }[] } | { ok: false; code: "noKey" | "noDifferences" };

/**
 * The notices to send, as the command line's `notices` and the pane's “Thông báo kết quả thẩm định”
 * make them: one per agency with a difference on "Chênh lệch", signed with the workbook's form key
 * (none without it: a notice the master cannot check is worth nothing), in the sheet's order.
 */
export function planNotices(input: Omit<NoticeInput, "agency" | "rows" | "formKey"> & { formKey: string | null; rows: readonly DifferenceRow[] }): NoticesPlan {
  if (!input.formKey) return { ok: false, code: "noKey" };
  const byAgency = noticeRowsByAgency(input.rows);
  if (byAgency.length === 0) return { ok: false, code: "noDifferences" };
  const formKey = input.formKey;
  return {
    ok: true,
    notices: byAgency.map((a) => ({
      fileName: NOTICE_TEXT.fileName(a.agency),
      agency: a.agency,
      lines: a.rows.length,
      description: buildNotice({ ...input, formKey, agency: a.agency, rows: a.rows }),
    })),
  };
}

/** A returned notice read from its values: the agency printed and each group's reply (blank replies left out); null when it is not a notice. */
export function readNotice(values: readonly (readonly unknown[])[]): { agency: string; replies: { group: string; reply: string; cell: string }[] } | null {
  const replyKey = matchKey(NOTICE_TEXT.header.reply);
  const groupKey = matchKey(NOTICE_TEXT.header.group);
  for (let r = 0; r < Math.min(values.length, 20); r++) {
    const keys = (values[r] ?? []).map((v) => (typeof v === "string" ? matchKey(v) : ""));
    const replyCol = keys.indexOf(replyKey);
    const groupCol = keys.indexOf(groupKey);
    if (replyCol < 0 || groupCol < 0) continue;
    const label = values.findIndex((row) => (row ?? []).some((v) => typeof v === "string" && matchKey(v) === matchKey(NOTICE_TEXT.agencyLabel)));
    const agencyRow = label >= 0 ? values[label] : [];
    const agency = cleanText(
      String(agencyRow.find((v, c) => c > 0 && typeof v === "string" && !isBlank(v) && matchKey(v) !== matchKey(NOTICE_TEXT.agencyLabel)) ?? ""),
    );
    const replies: { group: string; reply: string; cell: string }[] = [];
    for (let row = r + 1; row < values.length; row++) {
      const group = values[row]?.[groupCol];
      const reply = values[row]?.[replyCol];
      if (typeof group !== "string" || isBlank(group) || isBlank(reply)) continue;
      replies.push({ group: cleanText(group), reply: cleanText(displayValue(reply)), cell: cellAddress(row, replyCol) });
    }
    return { agency, replies };
  }
  return null;
}

/** Whether a returned notice's identity verifies against the master's key, id and year. */
export function noticeVerifies(key: string | null, id: NoticeIdentity | null | undefined, masterId: string, year: number): boolean {
  if (!key || !id || id.masterId !== masterId || id.year !== year || typeof id.token !== "string") return false;
  return sameText(id.token, noticeToken(key, id.masterId, id.agency, id.year));
}

export type NoticeFindingCode = "noticeNotVerified" | "noticeNoDifference";

type NoticeParams = { file: string; agency: string; group: string; cell: string };

export const NOTICE_MESSAGES = catalogue("notices", {
  noticeNotVerified: entry({
    vi: (p: NoticeParams) =>
      `Tệp “${p.file}” là thông báo kết quả thẩm định${p.agency ? ` của ${p.agency}` : ""} nhưng không xác thực được (không phải thông báo bảng điểm này gửi cho cơ quan ấy, hoặc phần dữ liệu ẩn đã bị sửa), nên ý kiến trong đó không được ghi. Hãy dùng đúng tệp thông báo đã gửi.`,
    en: (p) =>
      `File “${p.file}” is a notice of appraisal results${p.agency ? ` for ${p.agency}` : ""} but it does not verify (not a notice this workbook sent to that agency, or its hidden data was changed), so its replies are not recorded. Use the notice as it was sent.`,
    example: { file: "thong-bao-so-y-te.xlsx", agency: "Sở Y tế", group: "", cell: "" },
  }),
  noticeNoDifference: entry({
    vi: (p: NoticeParams) =>
      `Tệp “${p.file}”, ô ${p.cell}: ý kiến của ${p.agency} về “${p.group}” không khớp chênh lệch nào trên trang “Chênh lệch”, nên không được ghi. Hãy gửi lại thông báo mới nếu trang đã thay đổi.`,
    en: (p) =>
      `File “${p.file}”, cell ${p.cell}: the reply of ${p.agency} on “${p.group}” matches no difference on the “Chênh lệch” sheet, so it is not recorded. Send a new notice if the sheet has changed.`,
    example: { file: "thong-bao-so-y-te.xlsx", agency: "Sở Y tế", group: "Hạ tầng kỹ thuật", cell: "G7" },
  }),
  noticesWritten: entry({
    vi: (p: { count: number; dir: string }) => `Đã tạo ${p.count} thông báo kết quả thẩm định trong thư mục “${p.dir}”:`,
    en: (p) => `Created ${plural(p.count, "notice")} of appraisal results in folder “${p.dir}”:`,
    example: { count: 3, dir: "thong-bao" },
  }),
  noDifferences: entry({
    vi: (p: { sheet: string }) =>
      `Trang “${p.sheet}” không có chênh lệch nào (hoặc sổ tính chưa có trang này), nên không có thông báo nào để gửi. Hãy gộp phiếu tự đánh giá trước.`,
    en: (p) =>
      `The “${p.sheet}” sheet has no difference (or the workbook has no such sheet), so there is no notice to send. Merge the self-assessment forms first.`,
    example: { sheet: "Chênh lệch" },
  }),
  noKey: entry({
    vi: (p: { master: string }) =>
      `Bảng điểm “${p.master}” chưa có khóa tạo phiếu nên không ký được thông báo. Hãy tạo phiếu bằng lệnh “forms” (với --master-out) rồi dùng bản bảng điểm giữ khóa.`,
    en: (p) =>
      `Master “${p.master}” has no form key, so notices cannot be signed. Make the forms with “forms” (with --master-out) and use the master copy that keeps the key.`,
    example: { master: "bang-diem.xlsx" },
  }),
  noKeyPane: entry({
    vi: (_p: object) =>
      "Sổ tính này chưa có khóa ký phiếu nên không ký được thông báo (cơ quan gửi lại, add-in không nhận ra được). Hãy bấm “Tạo phiếu” ở trên trước: thông báo được ký bằng cùng khóa với phiếu.",
    en: () =>
      "This workbook has no form key yet, so the notices cannot be signed (returned, the add-in could not recognise them). Click “Create forms” above first: the notices are signed with the forms' key.",
    example: {},
  }),
  noticesMade: entry({
    vi: (p: { count: number }) => `Đã tạo ${p.count} thông báo kết quả thẩm định, mỗi cơ quan có chênh lệch một tệp:`,
    en: (p) => `Made ${plural(p.count, "notice")} of appraisal results, one file for each agency with a difference:`,
    example: { count: 3 },
  }),
  badDeadline: entry({
    vi: (p: { value: string }) => `Hạn gửi lại ý kiến phải là một ngày dạng dd/mm/yyyy, ví dụ 15/01/2021 (đang là “${p.value}”). Hãy sửa lại hoặc để trống.`,
    en: (p) => `The reply deadline must be a date as dd/mm/yyyy, for example 15/01/2021 (it is “${p.value}”). Correct it or leave it empty.`,
    example: { value: "15-01-2021" },
  }),
  repliesRecorded: entry({
    vi: (p: { count: number }) => `Đã ghi ${p.count} ý kiến của cơ quan vào cột “Kiến nghị” của trang “Chênh lệch”, để hội đồng kết luận.`,
    en: (p) => `Recorded ${p.count} agency replies in the “Kiến nghị” column of the “Chênh lệch” sheet, for the council's conclusion.`,
    example: { count: 2 },
  }),
});

export const NOTICE_SEVERITY: Record<NoticeFindingCode, "error" | "warning"> = { noticeNotVerified: "error", noticeNoDifference: "warning" };

/** A notice finding as the merge reports findings (file, cell, both languages). */
export function noticeFinding(code: NoticeFindingCode, p: NoticeParams) {
  return { file: p.file, cell: p.cell, severity: NOTICE_SEVERITY[code], code, agency: p.agency, ...both(NOTICE_MESSAGES, code, p) };
}
