import { catalogue, entry, groupedCount, Lang, MessageEntry, plural } from "../base/catalogue";
import { Finding, FindingCode, findingMessage, Severity } from "../findings/findings";

/**
 * Messages of the departments' loop (forms out, merge back in): a code with parameters, rendered
 * per language from the templates below, in the style of findings.ts. Never one language derived
 * from the other.
 */
export type MergeFindingCode =
  | "unreadable"
  | "fileNotFound"
  | "fileTooLarge"
  | "notAForm"
  | "otherMaster"
  | "otherYear"
  | "agencyNotInGrid"
  | "conflictingForms"
  | "rulesChanged"
  | "noAgencyName"
  | "identityNotVerified"
  | "unverifiedForm"
  | "unverifiedSetAside"
  | "notReplaced"
  | "recordReplaced"
  | "groupNotFound"
  | "formulaNoValue"
  | "formIncomplete"
  | "legacyInForm"
  | "legacyInMaster"
  | "ledgerRowMissing";

/** Which reading limit a file passes: its inflated size (of a part, or of the whole), its number of parts, of cells, of shared strings. */
export type ReadLimit = "bytes" | "parts" | "cells" | "sharedStrings";

/** What does not match in a form whose identity does not verify. */
export type IdentityMismatch = "token" | "noKey" | "printedName";

export interface MergeParams {
  file: string;
  cell: string;
  agency: string;
  /** The other files (conflicting forms), the years (another year), the grid sheet, the printed agency name. */
  detail: string;
  /** identityNotVerified: what does not match; groupNotFound: "renamed" (another text where the group was); formIncomplete: "empty" form or a "blank" score. */
  reason: IdentityMismatch | "renamed" | "empty" | "blank" | ReadLimit | "";
  /** What the cell holds (a renamed group's text, a formula; legacy text: its first cell's text); fileTooLarge: the limit passed (MiB, or a count). */
  value?: string;
  /** legacyInForm, legacyInMaster: the encoding's name (“TCVN3 (ABC)”, “VNI”); `cell` lists the cells, `detail` the first one's Unicode text. */
  encoding?: string;
}

type Template<P> = { vi: (p: P) => string; en: (p: P) => string };

/** A reading limit a file passes: which, the part where ("": the file as a whole), the limit (MiB for bytes, a count otherwise). */
export interface ReadLimitWords {
  what: ReadLimit | "";
  part: string;
  limit: number;
}

/** The limit a file passes, in words (“phần “xl/worksheets/sheet1.xml” khi giải nén vượt 32 MB”, “tệp có hơn 100.000 ô …”). */
export const READ_LIMIT_MESSAGES = catalogue("read limits", {
  passed: entry({
    vi: (p: ReadLimitWords) => {
      const where = p.part ? `phần “${p.part}”` : "tệp";
      const n = groupedCount(p.limit, "vi");
      if (p.what === "parts") return `tệp có hơn ${n} phần`;
      if (p.what === "cells") return `tệp có hơn ${n} ô, vượt ở ${where}`;
      if (p.what === "sharedStrings") return `tệp có hơn ${n} chuỗi văn bản dùng chung, vượt ở ${where}`;
      return `${where} khi giải nén vượt ${p.limit} MB`;
    },
    en: (p) => {
      const where = p.part ? `its part “${p.part}”` : "the file";
      const n = groupedCount(p.limit, "en");
      if (p.what === "parts") return `it has more than ${n} parts`;
      if (p.what === "cells") return `it has more than ${n} cells, passed in ${where}`;
      if (p.what === "sharedStrings") return `it has more than ${n} shared strings, passed in ${where}`;
      return `${where} inflates beyond ${p.limit} MB`;
    },
    example: { what: "cells", part: "xl/worksheets/sheet1.xml", limit: 100_000 },
  }),
});
export const readLimitText = READ_LIMIT_MESSAGES.passed;

/** fileTooLarge's parameters as a limit: `reason` which, `detail` the part, `value` the limit. */
const limitOf = (p: MergeParams): ReadLimitWords => ({
  what: p.reason === "parts" || p.reason === "cells" || p.reason === "sharedStrings" ? p.reason : "bytes",
  part: p.detail,
  limit: Number(p.value),
});

const MERGE_TEMPLATES: Record<MergeFindingCode, { severity: Severity } & Template<MergeParams>> = {
  unreadable: {
    severity: "error",
    vi: (p) =>
      `Tệp “${p.file}” không đọc được như một sổ tính Excel .xlsx. Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi gộp lại. Các phiếu khác vẫn được gộp.`,
    en: (p) =>
      `File “${p.file}” cannot be read as an Excel .xlsx workbook. Open it in Excel or LibreOffice, save it as .xlsx and merge it again. The other forms are still merged.`,
  },
  fileNotFound: {
    severity: "error",
    vi: (p) => `Không tìm thấy tệp “${p.file}”. Hãy kiểm tra đường dẫn. Các phiếu khác vẫn được gộp.`,
    en: (p) => `File “${p.file}” was not found. Check the path. The other forms are still merged.`,
  },
  fileTooLarge: {
    severity: "error",
    vi: (p) =>
      `Tệp “${p.file}” quá lớn để đọc an toàn: ${readLimitText.vi(limitOf(p))} (một phiếu thật chỉ vài chục KB, khoảng 150 ô; tệp có thể bị hỏng hoặc cố ý làm phình to). Tệp không được gộp; các phiếu khác vẫn được gộp. Hãy yêu cầu cơ quan gửi lại phiếu đã nhận.`,
    en: (p) =>
      `File “${p.file}” is too large to read safely: ${readLimitText.en(limitOf(p))} (a real form is a few tens of KB, some 150 cells; the file may be damaged or made to blow up). It is not merged; the other forms still are. Ask the agency to send back the form it received.`,
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
  identityNotVerified: {
    severity: "error",
    vi: (p) =>
      p.reason === "printedName"
        ? `Phiếu “${p.file}”: tên cơ quan in trên phiếu (ô ${p.cell}: “${p.detail}”) khác tên cơ quan trong dữ liệu ẩn của phiếu (“${p.agency}”), nên phiếu không được xác thực và không được gộp. Hãy dùng đúng phiếu đã gửi cho ${p.agency}, không sửa tên cơ quan.`
        : p.reason === "noKey"
          ? `Phiếu “${p.file}” (${p.agency}) có mã xác thực nhưng bảng điểm này không có khóa tạo phiếu, nên không kiểm tra được và phiếu không được gộp. Hãy gộp vào bản bảng điểm đã lưu khóa khi tạo phiếu (bản ghi bằng “forms --master-out”, hoặc sổ tính đã tạo phiếu trong add-in).`
          : `Phiếu “${p.file}”: mã xác thực không khớp với cơ quan “${p.agency}”, năm và bảng điểm mà phiếu ghi (dữ liệu ẩn của phiếu đã bị sửa, hoặc phiếu không do bảng điểm này tạo), nên phiếu không được gộp. Hãy yêu cầu cơ quan gửi lại đúng phiếu đã nhận.`,
    en: (p) =>
      p.reason === "printedName"
        ? `Form “${p.file}”: the agency printed on the form (cell ${p.cell}: “${p.detail}”) differs from the agency in the form's hidden data (“${p.agency}”), so its identity is not verified and it is not merged. Use the form sent to ${p.agency} without changing the agency's name.`
        : p.reason === "noKey"
          ? `Form “${p.file}” (${p.agency}) carries a token but this workbook has no form key, so it cannot be checked and is not merged. Merge into the copy of the workbook that kept the key when the forms were made (the one written by “forms --master-out”, or the workbook the add-in made the forms from).`
          : `Form “${p.file}”: its token does not match the agency “${p.agency}”, the year and the workbook it names (its hidden data was changed, or it was not made from this workbook), so it is not merged. Ask the agency to send back the form it received.`,
  },
  unverifiedForm: {
    severity: "warning",
    vi: (p) =>
      `Phiếu “${p.file}” (${p.agency}) không có dữ liệu xác thực (phiếu làm lại bằng tay hoặc đã bỏ trang ẩn), nên được gộp như phiếu chưa xác thực (ghi “Chưa xác thực” trong trang “Tự đánh giá”). Hãy đối chiếu với bản có chữ ký, đóng dấu của cơ quan.`,
    en: (p) =>
      `Form “${p.file}” (${p.agency}) carries no identity (rebuilt by hand, or its hidden sheet removed), so it is merged as unverified (marked “Chưa xác thực” in the “Tự đánh giá” sheet). Check it against the agency's signed and stamped copy.`,
  },
  unverifiedSetAside: {
    severity: "error",
    vi: (p) =>
      `Phiếu “${p.file}” (${p.agency}) không có dữ liệu xác thực, trong khi ${p.detail} của cùng cơ quan đã được xác thực: chỉ gộp phiếu đã xác thực, phiếu “${p.file}” không được gộp.`,
    en: (p) =>
      `Form “${p.file}” (${p.agency}) carries no identity while ${p.detail} from the same agency verified: only the verified form is merged, “${p.file}” is not.`,
  },
  notReplaced: {
    severity: "error",
    vi: (p) =>
      `Phiếu “${p.file}” (${p.agency}) không được xác thực nên không thay thế phiếu của cơ quan này đã gộp trước đó (“${p.detail}”): không có gì thay đổi cho ${p.agency}. Chỉ phiếu đã xác thực mới thay thế được phiếu đã gộp.`,
    en: (p) =>
      `Form “${p.file}” (${p.agency}) is not verified, so it does not replace this agency's form merged before (“${p.detail}”): nothing changes for ${p.agency}. Only a verified form replaces a merged one.`,
  },
  recordReplaced: {
    severity: "warning",
    vi: (p) =>
      `Phiếu “${p.file}” (${p.agency}) đã được xác thực và thay thế phiếu của cơ quan này đã gộp trước đó (“${p.detail}”) trong trang “Tự đánh giá”. Ô điểm đã có trong bảng điểm được giữ nguyên; chỗ khác nhau ghi ở trang “Chênh lệch”.`,
    en: (p) =>
      `Form “${p.file}” (${p.agency}) verified and replaces this agency's form merged before (“${p.detail}”) in the “Tự đánh giá” sheet. Score cells already filled in the table are kept; where they differ is listed in the “Chênh lệch” sheet.`,
  },
  groupNotFound: {
    severity: "error",
    vi: (p) =>
      p.reason === "renamed"
        ? `Phiếu “${p.file}” (${p.agency}), ô ${p.cell}: ghi “${p.value}” thay vì tên nhóm “${p.detail}”, nên không đọc được điểm tự chấm của nhóm này (các nhóm khác vẫn được gộp). Hãy dùng đúng tên nhóm như phiếu đã gửi rồi gộp lại.`
        : `Phiếu “${p.file}” (${p.agency})${p.cell ? `, ô ${p.cell}` : ""}: không có dòng của nhóm “${p.detail}”, nên không đọc được điểm tự chấm của nhóm này (các nhóm khác vẫn được gộp). Hãy ghi đúng tên nhóm như phiếu đã gửi rồi gộp lại.`,
    en: (p) =>
      p.reason === "renamed"
        ? `Form “${p.file}” (${p.agency}), cell ${p.cell}: it says “${p.value}” instead of the group's name “${p.detail}”, so this group's self-assessed score cannot be read (the other groups are still merged). Use the group's name as in the form sent and merge again.`
        : `Form “${p.file}” (${p.agency})${p.cell ? `, cell ${p.cell}` : ""}: no row names the group “${p.detail}”, so its self-assessed score cannot be read (the other groups are still merged). Write the group's name as in the form sent and merge again.`,
  },
  formulaNoValue: {
    severity: "error",
    vi: (p) =>
      `Phiếu “${p.file}” (${p.agency}), ô ${p.cell} (${p.detail}): điểm là công thức “${p.value}” được lưu mà không có giá trị tính sẵn, nên không gộp điểm này. Hãy mở phiếu bằng Excel hoặc LibreOffice, lưu lại (để công thức được tính), hoặc nhập số trực tiếp.`,
    en: (p) =>
      `Form “${p.file}” (${p.agency}), cell ${p.cell} (${p.detail}): the score is the formula “${p.value}” saved without a calculated value, so it is not merged. Open the form in Excel or LibreOffice and save it (so the formula is calculated), or type the number.`,
  },
  formIncomplete: {
    severity: "error",
    vi: (p) =>
      p.reason === "empty"
        ? `Phiếu “${p.file}” (${p.agency}) chưa có điểm tự chấm nào, nên không được gộp. Hãy yêu cầu cơ quan điền phiếu rồi gửi lại.`
        : `Phiếu “${p.file}” (${p.agency}), ô ${p.cell}: chưa có điểm tự chấm của nhóm “${p.detail}” (các nhóm khác vẫn được gộp). Hãy yêu cầu cơ quan bổ sung.`,
    en: (p) =>
      p.reason === "empty"
        ? `Form “${p.file}” (${p.agency}) has no self-assessed score at all, so it is not merged. Ask the agency to fill it in and send it again.`
        : `Form “${p.file}” (${p.agency}), cell ${p.cell}: no self-assessed score for the group “${p.detail}” (the other groups are still merged). Ask the agency to complete it.`,
  },
  legacyInForm: {
    severity: "warning",
    vi: (p) =>
      `Phiếu “${p.file}” (${p.agency}): ô ${p.cell} được gõ bằng bảng mã ${p.encoding} của phông chữ cũ (“${p.value}” là “${p.detail}”). Phiếu được đọc theo chữ đã chuyển sang Unicode (tệp phiếu không bị sửa); hãy kiểm tra tên nhóm, điểm và ghi chú của cơ quan này.`,
    en: (p) =>
      `Form “${p.file}” (${p.agency}): cell ${p.cell} is typed in the ${p.encoding} encoding of old fonts (“${p.value}” is “${p.detail}”). The form is read as converted to Unicode (the file is not changed); check this agency's groups, scores and notes.`,
  },
  legacyInMaster: {
    severity: "warning",
    vi: (p) =>
      `Bảng điểm (trang “${p.file}”): tiêu đề ở ô ${p.cell} được gõ bằng bảng mã ${p.encoding} (“${p.value}” là “${p.detail}”). Lệnh gộp đọc tiêu đề này theo Unicode; hãy chuyển mã bảng điểm (add-in: “Chuyển mã”; dòng lệnh: score --fix-encoding -o) trước khi Tính điểm.`,
    en: (p) =>
      `Score table (sheet “${p.file}”): the header in cell ${p.cell} is typed in the ${p.encoding} encoding (“${p.value}” is “${p.detail}”). The merge reads it as Unicode; convert the table (add-in: “Convert encoding”; command line: score --fix-encoding -o) before scoring.`,
  },
  rulesChanged: {
    severity: "warning",
    vi: (p) =>
      `Phiếu “${p.file}” (${p.agency}) được tạo với quy tắc chấm điểm khác quy tắc hiện tại: điểm tối đa các nhóm có thể đã thay đổi. Phiếu vẫn được gộp; hãy kiểm tra điểm của cơ quan này.`,
    en: (p) =>
      `Form “${p.file}” (${p.agency}) was made with other scoring rules than the current ones: the groups' maxima may have changed. It is still merged; check this agency's scores.`,
  },
  ledgerRowMissing: {
    severity: "error",
    vi: (p) =>
      `Phiếu “${p.file}”: trang “Chấm điểm chi tiết” không có dòng của ${p.agency} cho tiêu chí “${p.detail}”, nên số liệu của tiêu chí này chưa được ghi. Hãy tạo lại trang (lệnh “xep-hang-cntt ledger”) rồi gộp lại.`,
    en: (p) =>
      `Form “${p.file}”: the “Chấm điểm chi tiết” sheet has no row of ${p.agency} for criterion “${p.detail}”, so this criterion's inputs were not recorded. Make the sheet again (“xep-hang-cntt ledger”) and merge again.`,
  },
};

const MERGE_EXAMPLE: MergeParams = {
  file: "so-y-te.xlsx",
  cell: "2021",
  agency: "Sở Y tế",
  detail: "2020",
  reason: "",
  value: "=SUM(C7:C8)",
  encoding: "TCVN3 (ABC)",
};

/** Codes whose parameters read otherwise: fileTooLarge's `value` is the limit passed. */
const MERGE_EXAMPLES: Partial<Record<MergeFindingCode, MergeParams>> = {
  fileTooLarge: { ...MERGE_EXAMPLE, detail: "customXml/item1.xml", reason: "bytes", value: "32" },
};

/** The merge's findings, by code (their severities: `MERGE_SEVERITY`). */
export const MERGE_MESSAGES = catalogue(
  "merge findings",
  Object.fromEntries(
    Object.entries(MERGE_TEMPLATES).map(([code, t]) => [
      code,
      entry({ vi: t.vi, en: t.en, example: MERGE_EXAMPLES[code as MergeFindingCode] ?? MERGE_EXAMPLE }),
    ]),
  ) as Record<MergeFindingCode, MessageEntry<MergeParams>>,
);

export const MERGE_SEVERITY = Object.fromEntries(Object.entries(MERGE_TEMPLATES).map(([code, t]) => [code, t.severity])) as Record<MergeFindingCode, Severity>;

/** Score problems in a form use the grid's findings (same codes, same words), prefixed with the file. */
export type ScoreFindingCode = Extract<
  FindingCode,
  | "notANumber"
  | "errorValue"
  | "negative"
  | "aboveMax"
  | "inputInvalid"
  | "notALevel"
  | "criterionOverMax"
  | "notAStep"
  | "evidenceMissing"
  | "criterionMissing"
>;

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
  /** The form at criterion level (criteria-form.ts). */
  criteriaInstructions:
    "Hướng dẫn: với từng tiêu chí, nhập vào các ô tô màu: điểm tự chấm, hoặc mức (chọn trong danh sách), hoặc số liệu theo hướng dẫn dưới tên tiêu chí; " +
    "cột “Điểm” tự tính điểm theo số liệu đã nhập. Ghi tài liệu kiểm chứng (số, ngày, trích yếu văn bản hoặc đường dẫn); ô tô cam là bắt buộc. " +
    "Không sửa các ô khác. Lưu tệp dạng .xlsx (Excel hoặc LibreOffice) và gửi lại cơ quan đã gửi phiếu.",
  criteriaHeader: {
    code: "Mã",
    name: "Tiêu chí",
    max: "Điểm tối đa",
    input1: "Tự chấm / Số liệu",
    input2: "Số liệu 2",
    points: "Điểm",
    evidence: "Tài liệu kiểm chứng",
  },
  hint: {
    points: (max: string, step: string) => `Nhập điểm từ 0 đến ${max}${step ? `, theo bước ${step}` : ""}.`,
    levels: (levels: string) => `Chọn một mức: ${levels}.`,
    level: (label: string, points: string) => `${label} (${points} điểm)`,
    yesno: (max: string) => `Chọn “Có” (${max} điểm) hoặc “Không” (0 điểm).`,
    ratio: (a: string, b: string, max: string, target: string) =>
      `Nhập ${a} ở cột “Tự chấm / Số liệu”, ${b} ở cột “Số liệu 2”; điểm = ${max} × (${a} ÷ ${b}${target ? ` ÷ ${target}` : ""}), không quá ${max}.`,
    tiers: (input: string, tiers: string) => `Nhập ${input}; ${tiers}; thấp hơn: 0 điểm.`,
    tier: (atLeast: string, points: string) => `từ ${atLeast}: ${points} điểm`,
    required: "Bắt buộc có tài liệu kiểm chứng.",
    none: "Không cần tài liệu kiểm chứng.",
    guidance: (text: string) => `Hướng dẫn chấm: ${text}`,
  },
  levelPromptTitle: "Mức đạt",
  levelPrompt: (levels: string) => `Chọn một mức trong danh sách: ${levels}.`,
  levelErrorTitle: "Mức không hợp lệ",
  levelError: (levels: string) => `Hãy chọn một mức trong danh sách: ${levels}.`,
  inputPromptTitle: "Số liệu",
  inputPrompt: (name: string) => `Nhập ${name}: một số từ 0 trở lên.`,
  inputErrorTitle: "Số liệu không hợp lệ",
  inputError: "Số liệu phải là một số từ 0 trở lên.",
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
    verified: "Xác thực phiếu",
  },
  trackSheet: "Theo dõi phiếu",
  trackTitle: "THEO DÕI PHIẾU TỰ ĐÁNH GIÁ",
  trackTitleDeadline: (deadline: string) => `THEO DÕI PHIẾU TỰ ĐÁNH GIÁ (HẠN GỬI ${deadline})`,
  trackHeader: {
    stt: "STT",
    agency: "Cơ quan",
    made: "Thời điểm tạo phiếu",
    returned: "Đã gửi lại phiếu",
    file: "Tệp phiếu",
    at: "Thời điểm gộp",
    verified: "Xác thực phiếu",
    merged: "Đã gộp",
  },
  yes: "Có",
  no: "Chưa",
  /** "Thời điểm tạo phiếu" when forms were made from the master but the time was not recorded (`forms` without --master-out). */
  madeNotRecorded: "Không có ghi nhận",
  notMade: "Chưa tạo",
  verifiedYes: "Đã xác thực",
  verifiedNo: "Chưa xác thực",
  diffHeader: {
    stt: "STT",
    agency: "Cơ quan",
    group: "Nhóm tiêu chí",
    /** The same column when some differences are per criterion (a criteria set). */
    groupOrCriterion: "Nhóm / tiêu chí",
    self: "Tự chấm",
    appraised: "Thẩm định",
    evidence: "Tài liệu kiểm chứng",
    council: "Kết luận của hội đồng",
    score: "Điểm kết luận",
    reason: "Lý do",
    reply: "Kiến nghị",
  },
  /** The council's three conclusions, as typed in "Kết luận của hội đồng" (matched by their start, without case or accents). */
  conclusions: { accept: "Chấp nhận tự chấm", keep: "Giữ điểm thẩm định", other: "Điểm khác" },
  diffHint:
    "Kết luận của hội đồng: “Chấp nhận tự chấm”, “Giữ điểm thẩm định” hoặc “Điểm khác” (ghi điểm ở cột “Điểm kết luận”). “Tính điểm” dùng điểm hội đồng kết luận.",
  notesGroup: "Ghi chú",
} as const;

/** What the pane says when the council's conclusions are recorded on "Chênh lệch" (“Ghi kết luận”). */
export const CONCLUSION_MESSAGES = catalogue("council", {
  noSheet: entry({
    vi: (p: { sheet: string }) =>
      `Chưa có trang “${p.sheet}” (hoặc trang không có cột “Kết luận của hội đồng”): hãy “Gộp phiếu” trước, trang này ghi các chênh lệch giữa tự chấm và thẩm định.`,
    en: (p) =>
      `There is no “${p.sheet}” sheet (or it has no “Kết luận của hội đồng” column): merge the forms first; that sheet lists the differences between self-assessed and appraised scores.`,
    example: { sheet: "Chênh lệch" },
  }),
  badScore: entry({
    vi: (p: { agency: string; group: string; value: string; max: string }) =>
      `Điểm khác của ${p.agency}, “${p.group}” là “${p.value}”: hãy ghi một số từ 0 đến ${p.max} (dấu phẩy thập phân, ví dụ 12,5). Chưa ghi ô nào.`,
    en: (p) => `The other score for ${p.agency}, “${p.group}” is “${p.value}”: type a number from 0 to ${p.max} (e.g. 12.5 or 12,5). No cell has been written.`,
    example: { agency: "Sở Y tế", group: "Hạ tầng kỹ thuật", value: "abc", max: "50" },
  }),
  rowMoved: entry({
    vi: (p: { agency: string; group: string; sheet: string }) =>
      `Dòng của ${p.agency}, “${p.group}” trên trang “${p.sheet}” đã đổi từ lúc mở danh sách: hãy mở lại danh sách rồi ghi lại. Chưa ghi ô nào.`,
    en: (p) =>
      `The row of ${p.agency}, “${p.group}” on sheet “${p.sheet}” changed since the list was read: read the list again and record again. No cell has been written.`,
    example: { agency: "Sở Y tế", group: "Hạ tầng kỹ thuật", sheet: "Chênh lệch" },
  }),
  nothing: entry({
    vi: (_p: Record<string, never>) => "Không có kết luận nào thay đổi: chưa ghi ô nào.",
    en: () => "No conclusion changed: no cell was written.",
    example: {},
  }),
  written: entry({
    vi: (p: { rows: number; cells: number; sheet: string }) =>
      `Đã ghi kết luận của ${p.rows} dòng (${p.cells} ô) vào trang “${p.sheet}”. “Tính điểm” dùng điểm hội đồng kết luận; Hoàn tác được.`,
    en: (p) =>
      `Recorded the conclusions of ${plural(p.rows, "row")} (${plural(p.cells, "cell")}) on sheet “${p.sheet}”. Scoring uses the concluded scores; this can be undone.`,
    example: { rows: 2, cells: 4, sheet: "Chênh lệch" },
  }),
});

/** Messages of the command line and the pane about forms and merges. */
export const FORM_MESSAGES = catalogue("forms", {
  formsWritten: entry({
    vi: (p: { count: number; dir: string }) => `Đã tạo ${p.count} phiếu tự đánh giá trong thư mục “${p.dir}”:`,
    en: (p) => `Created ${plural(p.count, "self-assessment form")} in folder “${p.dir}”:`,
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
      `Merged ${p.merged} of ${plural(p.forms, "form")}: ${plural(p.writes, "score/note cell")} filled, ${plural(p.differences, "difference")} between self-assessed and appraised scores.`,
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
  returnedForms: entry({
    vi: (p: { returned: number; total: number; deadline?: string }) =>
      `Đã nhận phiếu của ${p.returned}/${p.total} cơ quan${p.deadline ? ` (hạn gửi ${p.deadline})` : ""}. Chưa gửi phiếu:`,
    en: (p) =>
      `Forms received from ${p.returned} of ${plural(p.total, "agency", "agencies")}${p.deadline ? ` (deadline ${p.deadline})` : ""}. Not yet returned:`,
    example: { returned: 17, total: 19, deadline: "20/12/2020" },
  }),
  nothingMerged: entry({
    vi: (p: { forms: number }) => `Không gộp được phiếu nào trong ${p.forms} tệp (xem các lỗi bên dưới): không ghi gì, bảng điểm không thay đổi.`,
    en: (p) =>
      `${p.forms === 1 ? "The file could not be merged" : `None of the ${p.forms} files could be merged`} (see the findings below): nothing was written, the score table is unchanged.`,
    example: { forms: 3 },
  }),
  noLedger: entry({
    vi: (p: { sheet: string }) =>
      `Các phiếu chấm theo từng tiêu chí cần trang “${p.sheet}” để ghi số liệu, nhưng sổ tính chưa có trang này. Hãy bấm “Tạo trang chấm điểm chi tiết” (thẻ Quy tắc, phần Bộ tiêu chí) khi đang mở bảng điểm, rồi gộp lại. Chưa có ô nào bị thay đổi.`,
    en: (p) =>
      `Forms scored criterion by criterion need the “${p.sheet}” sheet to record their inputs, and the workbook has none. Choose “Make the detailed scoring sheet” (the Rules tab, Criteria set) with the score table open, then merge again. No cell has been changed.`,
    example: { sheet: "Chấm điểm chi tiết" },
  }),
  nothingChanged: entry({
    vi: () => "Các phiếu này đã được gộp trước đó: bảng điểm không thay đổi.",
    en: () => "These forms were merged before: the score table is unchanged.",
    example: {},
  }),
});

export type { Lang };
