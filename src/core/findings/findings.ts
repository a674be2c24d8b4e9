import { cellAddress, Origin } from "../base/address";
import { catalogue, CELL_LIST, entry, Lang, MessageEntry } from "../base/catalogue";
import { ENCODING_NAMES, LegacyEncoding } from "../text/legacy-encoding";

export type { Lang } from "../base/catalogue";

export type Severity = "error" | "warning";

export type FindingCode =
  | "notANumber"
  | "errorValue"
  | "negative"
  | "aboveMax"
  | "notAScore"
  | "missing"
  | "exemptNonZero"
  | "duplicateName"
  | "missingName"
  | "noScores"
  | "noApplicableGroup"
  | "noBlock"
  | "maybeExempt"
  | "staleResults"
  | "legacyText"
  | "legacyExemption"
  | "legacyBlock"
  | "legacyHeader"
  // The ledger "Chấm điểm chi tiết" (criteria sets): `group` names the criterion (“1.2 An toàn thông tin”).
  | "evidenceMissing"
  | "inputInvalid"
  | "notALevel"
  | "criterionOverMax"
  | "notAStep"
  | "criterionMissing"
  | "criterionNoRow"
  | "unknownCriterion"
  | "criterionNotApplicable"
  | "criterionRepeated"
  | "unknownAgency"
  | "groupTypedOver"
  // The council's conclusions on the "Chênh lệch" sheet (src/core/forms/conclusions.ts): `cell` is there.
  | "differenceNotConcluded"
  | "conclusionUnknown"
  | "conclusionScoreMissing"
  | "conclusionCellChanged"
  | "conclusionNotInGrid"
  | "rulesChangedSinceLastYear";

/**
 * A problem in one cell. `row`/`col` are 0-based in the values array that was scored; `cell` is
 * the sheet address (with the origin the caller gave), so the pane can select it.
 */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  row: number;
  col: number;
  cell: string;
  agency: string;
  group: string;
  value: string;
  /** Extra words some messages need (the maximum, the exemption keyword, the other row). */
  detail: string;
  message: string;
  /** Every cell the finding is about, when there are several (legacy text: the cells to convert). */
  cells?: string[];
  /** The legacy encoding of the text (legacyText, legacyExemption, legacyBlock, legacyHeader). */
  encoding?: LegacyEncoding;
  /** The sheet holding the cell when it is not the grid's (the ledger): `cell` names it too, `row`/`col` are in that sheet's values. */
  sheet?: string;
}

/** `where`: who reads it — the add-in's pane (the default) or the command line (“--fix-encoding”, not “bấm …”). */
type Params = Pick<Finding, "cell" | "agency" | "group" | "value" | "detail" | "cells" | "encoding"> & { where?: "pane" | "cli" };

const cellsVi = CELL_LIST.vi;
const cellsEn = CELL_LIST.en;
const encodingName = (p: Params) => (p.encoding ? ENCODING_NAMES[p.encoding] : "");

/** The kinds of rules change (rulesChangedSinceLastYear's value: "maxima,classes"), as each language names them. */
const CHANGE_KINDS: Record<string, Record<Lang, string>> = {
  groups: { vi: "nhóm tiêu chí", en: "criteria groups" },
  maxima: { vi: "điểm tối đa", en: "maxima" },
  weights: { vi: "trọng số", en: "weights" },
  classes: { vi: "mức phân loại", en: "classes" },
  criteria: { vi: "bộ tiêu chí", en: "criteria" },
};
const changeKinds = (value: string, lang: Lang): string =>
  value
    .split(",")
    .map((k) => CHANGE_KINDS[k.trim()]?.[lang] ?? k.trim())
    .join(", ");

/** What a column whose header is not recognised holds, by role (legacyHeader). */
const LEGACY_COLUMN: Record<string, Record<Lang, string>> = {
  notes: { vi: "ghi chú của các cơ quan (các miễn chấm theo ghi chú không được áp dụng)", en: "the agencies' notes (and the exemptions they give)" },
  block: { vi: "khối của các cơ quan (xếp hạng theo khối có thể sai)", en: "each agency's block (ranking within blocks may be wrong)" },
};

/** The parameters every finding's example renders with (the catalogue test). */
const EXAMPLE: Params = { cell: "D7", agency: "Sở Y tế", group: "Hạ tầng kỹ thuật", value: "55", detail: "50", cells: ["D7", "E7"], encoding: "tcvn3" };

const TEMPLATES: Record<FindingCode, { severity: Severity; vi: (p: Params) => string; en: (p: Params) => string }> = {
  notANumber: {
    severity: "error",
    vi: (p) =>
      `Ô ${p.cell} (${p.agency}, “${p.group}”) có “${p.value}”, không phải là số. Hãy nhập điểm bằng số, ví dụ 81,05. Cơ quan này chưa được tính điểm.`,
    en: (p) =>
      `Cell ${p.cell} (${p.agency}, “${p.group}”) holds “${p.value}”, which is not a number. Type the score as a number, e.g. 81.05. This agency is not scored yet.`,
  },
  errorValue: {
    severity: "error",
    vi: (p) => `Ô ${p.cell} (${p.agency}, “${p.group}”) có giá trị lỗi ${p.value}. Hãy sửa công thức hoặc nhập điểm. Cơ quan này chưa được tính điểm.`,
    en: (p) => `Cell ${p.cell} (${p.agency}, “${p.group}”) holds the error value ${p.value}. Fix the formula or type the score. This agency is not scored yet.`,
  },
  negative: {
    severity: "error",
    vi: (p) => `Ô ${p.cell} (${p.agency}, “${p.group}”) có điểm âm ${p.value}. Điểm phải từ 0 đến ${p.detail}.`,
    en: (p) => `Cell ${p.cell} (${p.agency}, “${p.group}”) holds a negative score, ${p.value}. Scores run from 0 to ${p.detail}.`,
  },
  aboveMax: {
    severity: "error",
    vi: (p) => `Ô ${p.cell} (${p.agency}, “${p.group}”) có ${p.value} điểm, vượt điểm tối đa ${p.detail} của nhóm. Hãy kiểm tra lại và sửa trước khi trình ký.`,
    en: (p) => `Cell ${p.cell} (${p.agency}, “${p.group}”) holds ${p.value}, above the group's maximum of ${p.detail}. Check and correct it before signing.`,
  },
  notAScore: {
    severity: "error",
    vi: (p) =>
      `Ô ${p.cell} (${p.agency}, “${p.group}”) có ${p.value}, không thể là điểm của nhóm này (điểm tối đa ${p.detail}). Hãy nhập lại điểm. Cơ quan này chưa được tính điểm.`,
    en: (p) =>
      `Cell ${p.cell} (${p.agency}, “${p.group}”) holds ${p.value}, which cannot be a score of this group (maximum ${p.detail}). Type the score again. This agency is not scored yet.`,
  },
  missing: {
    severity: "error",
    vi: (p) => `Ô ${p.cell} (${p.agency}, “${p.group}”) chưa có điểm. Hãy nhập điểm (nhập 0 nếu cơ quan không đạt điểm nào). Cơ quan này chưa được tính điểm.`,
    en: (p) => `Cell ${p.cell} (${p.agency}, “${p.group}”) has no score. Type the score (0 if the agency earned none). This agency is not scored yet.`,
  },
  exemptNonZero: {
    severity: "error",
    vi: (p) =>
      `Ô ${p.cell}: ${p.agency} được miễn chấm “${p.group}” (ghi chú “${p.detail}”) nhưng có ${p.value} điểm. Điểm này không được tính; hãy để 0, hoặc bỏ ghi chú nếu cơ quan có chấm nhóm này.`,
    en: (p) =>
      `Cell ${p.cell}: ${p.agency} is exempt from “${p.group}” (note “${p.detail}”) but holds ${p.value}. It is not counted; set it to 0, or remove the note if the agency is scored on this group.`,
  },
  duplicateName: {
    severity: "warning",
    vi: (p) => `Ô ${p.cell}: tên cơ quan “${p.agency}” trùng với ô ${p.detail}. Hãy kiểm tra xem có nhập trùng một cơ quan hai lần không.`,
    en: (p) => `Cell ${p.cell}: agency name “${p.agency}” repeats cell ${p.detail}. Check that the agency is not entered twice.`,
  },
  missingName: {
    severity: "warning",
    vi: (p) => `Ô ${p.cell}: dòng này có điểm nhưng chưa có tên cơ quan nên không được xếp hạng. Hãy nhập tên cơ quan hoặc xóa dòng.`,
    en: (p) => `Cell ${p.cell}: this row has scores but no agency name, so it is not ranked. Type the agency's name or delete the row.`,
  },
  noScores: {
    severity: "warning",
    vi: (p) =>
      `Ô ${p.cell}: dòng “${p.agency}” không có điểm nhóm nào nên được coi là dòng tiêu đề, không xếp hạng. Nếu đây là một cơ quan, hãy nhập điểm các nhóm.`,
    en: (p) => `Cell ${p.cell}: the row “${p.agency}” has no group score, so it is taken as a heading and not ranked. If it is an agency, type its scores.`,
  },
  legacyText: {
    severity: "warning",
    vi: (p) =>
      `${(p.cells?.length ?? 1) > 1 ? "Các ô" : "Ô"} ${cellsVi(p.cells ?? [p.cell])} được gõ bằng bảng mã ${encodingName(p)} của phông chữ cũ, không phải Unicode: “${p.value}” là “${p.detail}”. ` +
      (p.where === "cli"
        ? `Chữ này bị đọc sai (tên không khớp, ghi chú miễn chấm không được nhận ra) và phụ lục sẽ in sai. Hãy chạy lại với --fix-encoding để chuyển sang Unicode.`
        : `Add-in đọc sai chữ này (tên không khớp, ghi chú miễn chấm không được nhận ra) và phụ lục sẽ in sai. Hãy bấm “Chuyển mã” để chuyển sang Unicode (hoàn tác được; dòng lệnh: --fix-encoding), rồi bấm lại “Tính điểm”.`),
    en: (p) =>
      `${(p.cells?.length ?? 1) > 1 ? "Cells" : "Cell"} ${cellsEn(p.cells ?? [p.cell])} ${(p.cells?.length ?? 1) > 1 ? "are" : "is"} typed in the ${encodingName(p)} encoding of old fonts, not Unicode: “${p.value}” is “${p.detail}”. ` +
      (p.where === "cli"
        ? `This text is misread (names do not match, exemption notes are not recognised) and the annex would print it wrongly. Run again with --fix-encoding to convert it to Unicode.`
        : `The add-in misreads this text (names do not match, exemption notes are not recognised) and the annex would print it wrongly. Click “Convert encoding” to convert it to Unicode (can be undone; command line: --fix-encoding), then click “Score” again.`),
  },
  legacyExemption: {
    severity: "error",
    vi: (p) =>
      `Ô ${p.cell}: ghi chú “${p.value}” của ${p.agency} được gõ bằng bảng mã ${encodingName(p)}, đọc là “${p.detail}”: cơ quan này được miễn chấm “${p.group}” nhưng miễn chấm chưa được áp dụng, nên điểm và phân loại có thể sai. ` +
      (p.where === "cli" ? `Hãy chạy lại với --fix-encoding.` : `Hãy bấm “Chuyển mã” (dòng lệnh: --fix-encoding) rồi bấm lại “Tính điểm”.`),
    en: (p) =>
      `Cell ${p.cell}: the note “${p.value}” of ${p.agency} is typed in the ${encodingName(p)} encoding and reads “${p.detail}”: this agency is exempt from “${p.group}”, but the exemption is not applied yet, so its score and class may be wrong. ` +
      (p.where === "cli" ? `Run again with --fix-encoding.` : `Click “Convert encoding” (command line: --fix-encoding), then click “Score” again.`),
  },
  /** An agency's block (its Khối/Nhóm cell) typed in a legacy encoding: `group` names the block it reads as. */
  legacyBlock: {
    severity: "error",
    vi: (p) =>
      `Ô ${p.cell}: khối “${p.value}” của ${p.agency} được gõ bằng bảng mã ${encodingName(p)}, đọc là “${p.detail}”: cơ quan này thuộc “${p.group}” nhưng chưa được xếp vào khối ấy, nên điểm tối đa, phân loại và thứ hạng có thể sai. ` +
      (p.where === "cli" ? `Hãy chạy lại với --fix-encoding.` : `Hãy bấm “Chuyển mã” (dòng lệnh: --fix-encoding) rồi bấm lại “Tính điểm”.`),
    en: (p) =>
      `Cell ${p.cell}: the block “${p.value}” of ${p.agency} is typed in the ${encodingName(p)} encoding and reads “${p.detail}”: this agency belongs to “${p.group}” but is not placed in it yet, so its maxima, class and rank may be wrong. ` +
      (p.where === "cli" ? `Run again with --fix-encoding.` : `Click “Convert encoding” (command line: --fix-encoding), then click “Score” again.`),
  },
  /** A notes or block column's header typed in a legacy encoding: the column is not read (group: "notes" | "block"). */
  legacyHeader: {
    severity: "error",
    vi: (p) =>
      `Ô ${p.cell}: tiêu đề “${p.value}” được gõ bằng bảng mã ${encodingName(p)}, đọc là “${p.detail}”: ${p.where === "cli" ? "cột này chưa được nhận ra" : "add-in chưa nhận ra cột này"} nên chưa đọc ${LEGACY_COLUMN[p.group]?.vi ?? "cột này"}, nên điểm và phân loại có thể sai. ` +
      (p.where === "cli" ? `Hãy chạy lại với --fix-encoding.` : `Hãy bấm “Chuyển mã” (dòng lệnh: --fix-encoding) rồi bấm lại “Tính điểm”.`),
    en: (p) =>
      `Cell ${p.cell}: the header “${p.value}” is typed in the ${encodingName(p)} encoding and reads “${p.detail}”: ${p.where === "cli" ? "the column is not recognised" : "the add-in does not recognise the column"}, so ${LEGACY_COLUMN[p.group]?.en ?? "the column"} ${p.group === "block" ? "is" : "are"} not read and scores and classes may be wrong. ` +
      (p.where === "cli" ? `Run again with --fix-encoding.` : `Click “Convert encoding” (command line: --fix-encoding), then click “Score” again.`),
  },
  noApplicableGroup: {
    severity: "error",
    vi: (p) => `Ô ${p.cell}: ${p.agency} được miễn chấm tất cả các nhóm (ghi chú “${p.detail}”) nên không tính được chỉ số. Hãy kiểm tra ghi chú.`,
    en: (p) => `Cell ${p.cell}: ${p.agency} is exempt from every group (note “${p.detail}”), so no index can be computed. Check the note.`,
  },
  noBlock: {
    severity: "error",
    vi: (p) =>
      `Ô ${p.cell}: ${p.agency} không thuộc khối nào (${p.detail}) nên không được xếp hạng. Hãy đặt cơ quan dưới dòng tiêu đề của khối, ghi khối vào cột Khối/Nhóm hoặc vào Ghi chú.`,
    en: (p) =>
      `Cell ${p.cell}: ${p.agency} belongs to no block (${p.detail}), so it is not ranked. Put the agency under its block's heading row, or write the block in a Khối/Nhóm column or in Ghi chú.`,
  },
  maybeExempt: {
    severity: "warning",
    vi: (p) =>
      `Ô ${p.cell}: ${p.agency} có thể thiếu miễn chấm: Ghi chú “${p.value}” nói đến TTHC nhưng không khớp từ khóa miễn chấm nào (${p.detail}), và “${p.group}” đang là 0 hoặc trống. Nếu cơ quan không có thủ tục hành chính, hãy ghi đúng từ khóa.`,
    en: (p) =>
      `Cell ${p.cell}: ${p.agency} may be missing an exemption: the note “${p.value}” speaks of administrative procedures (TTHC) but matches no exemption keyword (${p.detail}), and “${p.group}” is 0 or blank. If the agency has no procedures, write one of the keywords.`,
  },
  evidenceMissing: {
    severity: "error",
    vi: (p) =>
      `Ô ${p.cell}: tiêu chí “${p.group}” của ${p.agency} bắt buộc có tài liệu kiểm chứng nhưng ô còn trống. Hãy ghi số, ngày và trích yếu văn bản kiểm chứng.`,
    en: (p) =>
      `Cell ${p.cell}: criterion “${p.group}” of ${p.agency} requires evidence, but the cell is empty. Write the supporting document's number, date and summary.`,
  },
  inputInvalid: {
    severity: "error",
    vi: (p) =>
      `Ô ${p.cell} (${p.agency}, tiêu chí “${p.group}”) có “${p.value}”: số liệu phải là số từ 0 trở lên (và số chia khác 0). Hãy sửa số liệu; nhóm của tiêu chí này chưa được tính điểm.`,
    en: (p) =>
      `Cell ${p.cell} (${p.agency}, criterion “${p.group}”) holds “${p.value}”: an input must be a number of 0 or more (and a divisor other than 0). Fix it; this criterion's group is not scored yet.`,
  },
  notALevel: {
    severity: "error",
    vi: (p) => `Ô ${p.cell} (${p.agency}, tiêu chí “${p.group}”) có “${p.value}”, không phải một mức chấm. Hãy chọn một trong: ${p.detail}.`,
    en: (p) => `Cell ${p.cell} (${p.agency}, criterion “${p.group}”) holds “${p.value}”, which is not one of the levels. Choose one of: ${p.detail}.`,
  },
  criterionOverMax: {
    severity: "error",
    vi: (p) =>
      `Ô ${p.cell} (${p.agency}, tiêu chí “${p.group}”) có ${p.value} điểm, vượt điểm tối đa ${p.detail} của tiêu chí. Hãy kiểm tra lại và sửa trước khi trình ký.`,
    en: (p) =>
      `Cell ${p.cell} (${p.agency}, criterion “${p.group}”) holds ${p.value}, above the criterion's maximum of ${p.detail}. Check and correct it before signing.`,
  },
  notAStep: {
    severity: "error",
    vi: (p) => `Ô ${p.cell} (${p.agency}, tiêu chí “${p.group}”) có ${p.value} điểm, không phải bội số của bước chấm ${p.detail}. Hãy làm tròn theo bước chấm.`,
    en: (p) => `Cell ${p.cell} (${p.agency}, criterion “${p.group}”) holds ${p.value}, not a multiple of the step ${p.detail}. Round it to the step.`,
  },
  criterionMissing: {
    severity: "error",
    vi: (p) => `Ô ${p.cell}: ${p.agency} chưa có ${p.detail} cho tiêu chí “${p.group}”. Hãy nhập (0 nếu không đạt); nhóm của tiêu chí này chưa được tính điểm.`,
    en: (p) =>
      `Cell ${p.cell}: ${p.agency} has no ${p.detail} for criterion “${p.group}”. Enter it (0 if none earned); this criterion's group is not scored yet.`,
  },
  criterionNoRow: {
    severity: "error",
    vi: (p) =>
      `Ô ${p.cell}: trang “Chấm điểm chi tiết” chưa có dòng tiêu chí “${p.group}” của ${p.agency}, nên nhóm của tiêu chí này chưa được tính điểm. Hãy thêm dòng, hoặc tạo lại trang chấm chi tiết.`,
    en: (p) =>
      `Cell ${p.cell}: “Chấm điểm chi tiết” has no row for criterion “${p.group}” of ${p.agency}, so its group is not scored yet. Add the row, or make the ledger again.`,
  },
  unknownCriterion: {
    severity: "error",
    vi: (p) => `Ô ${p.cell}: mã tiêu chí “${p.value}” không có trong bộ tiêu chí (các mã: ${p.detail}). Dòng này không được tính; hãy sửa mã.`,
    en: (p) => `Cell ${p.cell}: criterion code “${p.value}” is not in the criteria set (codes: ${p.detail}). The row is not counted; fix the code.`,
  },
  criterionNotApplicable: {
    severity: "warning",
    vi: (p) => `Ô ${p.cell}: ${p.agency} không được chấm tiêu chí “${p.group}” (khối khác hoặc được miễn chấm) nên dòng này không được tính.`,
    en: (p) => `Cell ${p.cell}: ${p.agency} is not scored on criterion “${p.group}” (another block's, or exempt), so this row is not counted.`,
  },
  criterionRepeated: {
    severity: "error",
    vi: (p) => `Ô ${p.cell}: tiêu chí “${p.group}” của ${p.agency} đã có ở dòng ${p.detail}. Chỉ dòng đầu được tính; hãy xóa dòng trùng.`,
    en: (p) => `Cell ${p.cell}: criterion “${p.group}” of ${p.agency} already has a row (${p.detail}). Only the first counts; delete the repeat.`,
  },
  unknownAgency: {
    severity: "error",
    vi: (p) => `Ô ${p.cell}: cơ quan “${p.agency}” không có trong bảng điểm nên các dòng của cơ quan này không được tính. Hãy sửa tên cho khớp bảng điểm.`,
    en: (p) => `Cell ${p.cell}: agency “${p.agency}” is not in the score grid, so its rows are not counted. Make the name match the grid.`,
  },
  groupTypedOver: {
    severity: "error",
    vi: (p) =>
      `Ô ${p.cell} (${p.agency}, “${p.group}”) có ${p.value}, do người dùng nhập, khác tổng theo tiêu chí ${p.detail} ở trang “Chấm điểm chi tiết”. Ô này không bị ghi đè; điểm được tính theo tiêu chí (${p.detail}). Hãy xóa ô hoặc sửa trang chi tiết.`,
    en: (p) =>
      `Cell ${p.cell} (${p.agency}, “${p.group}”) holds ${p.value}, typed by a user, unlike the criteria's sum ${p.detail} in “Chấm điểm chi tiết”. The cell is not overwritten; the criteria's sum (${p.detail}) is what counts. Clear the cell or correct the ledger.`,
  },
  /** value: the self-assessed score; detail: the appraised one. */
  differenceNotConcluded: {
    severity: "error",
    vi: (p) =>
      `Ô ${p.cell}: chênh lệch của ${p.agency}, “${p.group}” (tự chấm ${p.value}, thẩm định ${p.detail}) chưa có kết luận của hội đồng. Hãy ghi “Chấp nhận tự chấm”, “Giữ điểm thẩm định” hoặc “Điểm khác” (kèm điểm ở cột “Điểm kết luận”) rồi tính điểm lại; đến lúc đó điểm thẩm định được tính.`,
    en: (p) =>
      `Cell ${p.cell}: the difference for ${p.agency}, “${p.group}” (self-assessed ${p.value}, appraised ${p.detail}) has no council conclusion. Type “Chấp nhận tự chấm” (accept the self-assessment), “Giữ điểm thẩm định” (keep the appraised score) or “Điểm khác” (another score, in the “Điểm kết luận” column), then score again; until then the appraised score counts.`,
  },
  conclusionUnknown: {
    severity: "error",
    vi: (p) =>
      `Ô ${p.cell}: kết luận “${p.value}” cho ${p.agency}, “${p.group}” không phải “Chấp nhận tự chấm”, “Giữ điểm thẩm định” hay “Điểm khác”, nên chưa được áp dụng. Hãy sửa ô này.`,
    en: (p) =>
      `Cell ${p.cell}: the conclusion “${p.value}” for ${p.agency}, “${p.group}” is not “Chấp nhận tự chấm”, “Giữ điểm thẩm định” or “Điểm khác”, so it is not applied. Correct the cell.`,
  },
  conclusionScoreMissing: {
    severity: "error",
    vi: (p) =>
      `Ô ${p.cell}: hội đồng kết luận “Điểm khác” cho ${p.agency}, “${p.group}” nhưng ${p.value ? `“${p.value}” không phải là điểm` : "chưa ghi điểm"}. Hãy ghi điểm bằng số, ví dụ 12,5; đến lúc đó điểm thẩm định được tính.`,
    en: (p) =>
      `Cell ${p.cell}: the council concluded “Điểm khác” (another score) for ${p.agency}, “${p.group}” but ${p.value ? `“${p.value}” is not a score` : "gave no score"}. Type the score as a number, e.g. 12.5; until then the appraised score counts.`,
  },
  /** cells[0]: the grid's cell; value: what it holds now; detail: the concluded value. */
  conclusionCellChanged: {
    severity: "warning",
    vi: (p) =>
      `Ô ${p.cell}: hội đồng kết luận ${p.detail} cho ${p.agency}, “${p.group}”, nhưng ô ${p.cells?.[0] ?? ""} của bảng điểm nay có ${p.value}, không còn là điểm thẩm định ghi ở dòng này. Ô ấy không bị ghi đè; hãy sửa ô ấy hoặc ghi lại kết luận.`,
    en: (p) =>
      `Cell ${p.cell}: the council concluded ${p.detail} for ${p.agency}, “${p.group}”, but the grid's cell ${p.cells?.[0] ?? ""} now holds ${p.value}, no longer the appraised score on this row. That cell is not overwritten; correct it or the conclusion.`,
  },
  conclusionNotInGrid: {
    severity: "warning",
    vi: (p) =>
      `Ô ${p.cell}: không tìm thấy ${p.agency}, “${p.group}” trong bảng điểm nên kết luận của hội đồng ở dòng này không được áp dụng. Hãy sửa tên cho khớp bảng điểm.`,
    en: (p) =>
      `Cell ${p.cell}: ${p.agency}, “${p.group}” is not in the score grid, so the council's conclusion on this row is not applied. Make the names match the grid.`,
  },
  staleResults: {
    severity: "warning",
    vi: (p) =>
      `Ô ${p.cell}: kết quả đã có trên trang tính (cột Tổng điểm, Chỉ số, Phân loại, Xếp hạng) không khớp với điểm hiện tại của ${p.agency} (các ô ${p.detail}). Điểm đã bị sửa sau lần tính trước; kết quả vừa được tính lại từ điểm.`,
    en: (p) =>
      `Cell ${p.cell}: the results already on the sheet (Total, Index, Class, Rank columns) do not match the current scores of ${p.agency} (cells ${p.detail}). Scores were edited after they were last computed; the results were just computed again from the scores.`,
  },
  /** Last year's stored rules differ from this year's (value: the kinds of change; detail: what; group: last year). */
  rulesChangedSinceLastYear: {
    severity: "warning",
    vi: (p) =>
      `Ô ${p.cell}: bộ quy tắc ${p.group ? `năm ${p.group}` : "năm trước"} khác bộ quy tắc năm nay (${changeKinds(p.value, "vi")}${p.detail ? `: ${p.detail}` : ""}). Chỉ số và thứ hạng năm trước được so sánh như đã công bố, không tính lại theo quy tắc năm nay; cột “Xếp hạng năm trước” và “Tăng/giảm” cần đọc với lưu ý này.`,
    en: (p) =>
      `Cell ${p.cell}: the rules of ${p.group ? p.group : "last year"} differ from this year's (${changeKinds(p.value, "en")}${p.detail ? `: ${p.detail}` : ""}). Last year's indices and ranks are compared as published, not recomputed under this year's rules; read the “Xếp hạng năm trước” and “Tăng/giảm” columns with this in mind.`,
  },
};

/** The findings' messages, by code (the severity of each is in `severityOf`). */
export const FINDING_MESSAGES = catalogue(
  "findings",
  Object.fromEntries(Object.entries(TEMPLATES).map(([code, t]) => [code, entry({ vi: t.vi, en: t.en, example: EXAMPLE })])) as Record<
    FindingCode,
    MessageEntry<Params>
  >,
);

/** A sheet name as a formula writes it before "!": quoted, with quotes doubled ('Chấm điểm chi tiết'). */
export const quotedSheet = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'`;

/**
 * A finding at a cell. With `sheet`, the finding is on another sheet than the grid (the ledger):
 * its address names the sheet ('Chấm điểm chi tiết'!E12), so clicking it selects that sheet's cell.
 */
export function makeFinding(code: FindingCode, row: number, col: number, origin: Origin, params: Omit<Params, "cell">, sheet?: string): Finding {
  const cell = sheet ? `${quotedSheet(sheet)}!${cellAddress(row, col, origin)}` : cellAddress(row, col, origin);
  const p: Params = { cell, ...params };
  const f: Finding = { code, severity: TEMPLATES[code].severity, row, col, ...p, message: FINDING_MESSAGES[code].vi(p) };
  if (f.cells === undefined) delete f.cells;
  if (f.encoding === undefined) delete f.encoding;
  if (sheet) f.sheet = sheet;
  return f;
}

/** The finding's message in the pane's language. */
export function findingMessage(f: Finding, lang: Lang, where: "pane" | "cli" = "pane"): string {
  return FINDING_MESSAGES[f.code][lang]({ ...f, where });
}

export const severityOf = (code: FindingCode): Severity => TEMPLATES[code].severity;
