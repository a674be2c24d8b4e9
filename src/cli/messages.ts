/**
 * The command line's words, each a code with parameters rendered in Vietnamese and in English (see
 * src/core/base/catalogue.ts). The command line follows the user's language: `--lang vi|en`, else the
 * first of LC_ALL, LC_MESSAGES, LANG that is set ("en_US.UTF-8": English); Vietnamese otherwise.
 */
import { both, Both, catalogue, entry, Lang, MessageEntry, plural, quotedList } from "../core/base/catalogue";
import { jsonSyntaxText, JsonSyntaxProblem } from "../core/text/json-syntax";
import { makeRuleProblem, ruleProblemLines } from "../core/rules/ruleMessages";
import type { RuleProblem } from "../core/rules/rules";
import { readLimitText, ReadLimitWords } from "../core/forms/form-messages";

/** English when the language named ("en", "en_US.UTF-8", "en-GB") is English, Vietnamese otherwise. */
const isEnglish = (value: string | undefined): boolean => /^en([-_.@]|$)/i.test((value ?? "").trim());

/** The language of the environment: the first of LC_ALL, LC_MESSAGES, LANG that is set. */
export function envLanguage(env: Record<string, string | undefined>): Lang {
  const value = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== "");
  return isEnglish(value) ? "en" : "vi";
}

/** Where the rules came from, as the refusal names them. */
export type RulesSource = { kind: "workbook" } | { kind: "preset" } | { kind: "file"; file: string } | { kind: "sheet"; sheet: string };
const SOURCE: Record<Lang, (s: RulesSource) => string> = {
  vi: (s) =>
    s.kind === "workbook"
      ? "quy tắc lưu trong sổ tính"
      : s.kind === "preset"
        ? "quy tắc mặc định Thái Bình 2020"
        : s.kind === "sheet"
          ? `danh sách sáp nhập ở trang “${s.sheet}”`
          : `tệp ${s.file}`,
  en: (s) =>
    s.kind === "workbook"
      ? "the rules stored in the workbook"
      : s.kind === "preset"
        ? "the default Thái Bình 2020 rules"
        : s.kind === "sheet"
          ? `the lineage on the “${s.sheet}” sheet`
          : `file ${s.file}`,
};
const RULE_PROBLEM: RuleProblem = makeRuleProblem("classes[0].minIndex", "notUnit");
const listLines = (lines: readonly string[]) => lines.map((l) => `  - ${l}`).join("\n");

export type CliLang = Lang;
type Entry<P> = MessageEntry<P>;

/** A file the command line writes: OUT.xlsx (-o) or the chart (--chart); its refusals name its option and a name it could take. */
export type OutputKind = "output" | "chart";
const OPTION: Record<OutputKind, string> = { output: "-o", chart: "--chart" };
const EXAMPLE_NAME: Record<OutputKind, string> = { output: "ket-qua.xlsx", chart: "bieu-do.svg" };

/** The commands `main` dispatches, as --help lists them (named when a command is not one of them). */
export const COMMANDS = ["score", "forms", "merge", "notices", "lock", "unlock", "verify", "log", "ledger", "criteria", "undo"] as const;

export const CLI_MESSAGES = catalogue("command line", {
  decisionDateChanged: entry({
    vi: (p: { given: string; stored: string }) =>
      `Ngày ký quyết định ${p.given} (--decision-date) khác ngày đã lưu trong sổ tính (${p.stored}). Phụ lục và sổ tính kết quả dùng ${p.given}: hãy đối chiếu với quyết định trước khi trình ký.`,
    en: (p) =>
      `The decision date ${p.given} (--decision-date) differs from the one stored in the workbook (${p.stored}). The annex and the output workbook use ${p.given}: check it against the decision before it is signed.`,
    example: { given: "05/04/2021", stored: "05/01/2021" },
  }),
  decisionNumberChanged: entry({
    vi: (p: { given: string; stored: string }) =>
      `Số quyết định ${p.given} (--decision-number) khác số đã lưu trong sổ tính (${p.stored}). Phụ lục và sổ tính kết quả dùng ${p.given}: hãy đối chiếu với quyết định trước khi trình ký.`,
    en: (p) =>
      `The decision number ${p.given} (--decision-number) differs from the one stored in the workbook (${p.stored}). The annex and the output workbook use ${p.given}: check it against the decision before it is signed.`,
    example: { given: "07/QĐ-UBND", stored: "06/QĐ-UBND" },
  }),
  annexPreviousStoredNoPrevious: entry({
    vi: (p: { file: string }) =>
      `Sổ tính “${p.file}” lưu lựa chọn đưa xếp hạng năm trước vào phụ lục, nhưng lệnh không có --previous: phụ lục được tạo không có cột “Xếp hạng năm trước” và “Tăng/giảm”. Thêm --previous NAM-TRUOC.xlsx để có các cột đó.`,
    en: (p) =>
      `The workbook “${p.file}” stores the choice to put last year's rank in the annex, but there is no --previous: the annex was made without the “Xếp hạng năm trước” and “Tăng/giảm” columns. Add --previous LAST-YEAR.xlsx to have them.`,
    example: { file: "danh-gia-2020.xlsx" },
  }),
  lineage2025Alone: entry({
    vi: (_p: object) => `--lineage-2025 dùng danh sách sáp nhập sở năm 2025 khi so sánh với năm trước nên cần --previous NAM-TRUOC.xlsx.`,
    en: () => `--lineage-2025 uses the 2025 list of department mergers in the comparison with last year, so it needs --previous LAST-YEAR.xlsx.`,
    example: {},
  }),
  annexPreviousAlone: entry({
    vi: (p: { missing: string }) =>
      `--annex-previous đưa cột “Xếp hạng năm trước” và “Tăng/giảm” vào phụ lục nên cần cả --previous và --annex (thiếu ${p.missing}).`,
    en: (p) => `--annex-previous puts last year's rank and the change into the annex, so it needs both --previous and --annex (missing ${p.missing}).`,
    example: { missing: "--previous" },
  }),
  outputIsInput: entry({
    vi: (p: { input: string; output: string; kind: OutputKind }) =>
      `Tệp kết quả “${p.output}” chính là tệp đầu vào “${p.input}” (cùng một tệp, dưới tên khác). Tệp đầu vào không bao giờ bị ghi đè: hãy chọn tên khác cho ${OPTION[p.kind]}.`,
    en: (p) =>
      `The output file “${p.output}” is the input file “${p.input}” (the same file under another name). The input is never overwritten: choose another name for ${OPTION[p.kind]}.`,
    example: { input: "danh-gia.xlsx", output: "./Danh-Gia.xlsx", kind: "output" },
  }),
  outputIsInputByName: entry({
    vi: (p: { output: string; kind: OutputKind }) =>
      `Tệp kết quả “${p.output}” chính là tệp đầu vào. Tệp đầu vào không bao giờ bị ghi đè: hãy chọn tên khác cho ${OPTION[p.kind]}.`,
    en: (p) => `The output file “${p.output}” is the input file. The input is never overwritten: choose another name for ${OPTION[p.kind]}.`,
    example: { output: "danh-gia.xlsx", kind: "output" },
  }),
  outputExists: entry({
    vi: (p: { output: string; kind: OutputKind }) =>
      `Tệp kết quả “${p.output}” đã có. Không ghi đè: hãy chọn tên khác cho ${OPTION[p.kind]}, hoặc thêm --force để thay tệp đó.`,
    en: (p) =>
      `The output file “${p.output}” already exists. Nothing was overwritten: choose another name for ${OPTION[p.kind]}, or add --force to replace it.`,
    example: { output: "ket-qua.xlsx", kind: "output" },
  }),
  outputIsDirectory: entry({
    vi: (p: { output: string; kind: OutputKind }) =>
      `“${p.output}” là một thư mục. Hãy ghi tên ${p.kind === "chart" ? "tệp biểu đồ" : "tệp kết quả"} sau ${OPTION[p.kind]}, ví dụ ${OPTION[p.kind]} "${p.output.replace(/[\\/]+$/, "")}/${EXAMPLE_NAME[p.kind]}".`,
    en: (p) =>
      `“${p.output}” is a folder. Give the ${p.kind === "chart" ? "chart" : "output"} file's name after ${OPTION[p.kind]}, e.g. ${OPTION[p.kind]} "${p.output.replace(/[\\/]+$/, "")}/${EXAMPLE_NAME[p.kind]}".`,
    example: { output: "out/", kind: "output" },
  }),
  outputUnderFile: entry({
    vi: (p: { output: string; file: string; kind: OutputKind }) =>
      `Không tạo được “${p.output}”: “${p.file}” là một tệp, không phải thư mục. Hãy chọn một thư mục có thật cho ${OPTION[p.kind]}.`,
    en: (p) => `Cannot create “${p.output}”: “${p.file}” is a file, not a folder. Choose an existing folder for ${OPTION[p.kind]}.`,
    example: { output: "ket-qua.xlsx/out.xlsx", file: "ket-qua.xlsx", kind: "output" },
  }),
  outputNotWritten: entry({
    vi: (p: { output: string; reason: string }) =>
      `Không ghi được tệp kết quả “${p.output}” (${p.reason}). Không có tệp nào bị thay đổi. Hãy kiểm tra quyền ghi và chỗ trống trên đĩa.`,
    en: (p) => `The output file “${p.output}” could not be written (${p.reason}). No file was changed. Check write permission and free disk space.`,
    example: { output: "ket-qua.xlsx", reason: "EACCES" },
  }),
  usage: entry({
    vi: (p: { forms: string }) => `Cách dùng:
  xep-hang-cntt score IN.xlsx [-o OUT.xlsx [--force]] [--sheet TÊN] [--rules RULES.json] [--annex] [--json] [--lang vi|en]
                      [--decision-number "06/QĐ-UBND"] [--decision-date 05/01/2021] [--issuer "Ủy ban nhân dân tỉnh"]
                      [--province "Thái Bình"] [--year 2020] [--subject "Đánh giá, xếp hạng …"] [--annex-sheet "Phụ lục"]
                      [--previous NAM-TRUOC.xlsx [--annex-previous] [--lineage-2025] [--force-previous]] [--explain] [--chart BIEU-DO.svg] [--fix-encoding]
${p.forms}

  --year           mặc định là năm ghi trong tiêu đề bảng điểm, nếu không có thì năm trước năm ký quyết định
  --subject        trích yếu của phụ lục, không kèm năm (phụ lục thêm “năm 2020”)
  --previous TỆP   so sánh với kết quả năm trước (xếp hạng năm trước, tăng/giảm); tệp phải của năm trước năm này,
                   trừ khi có --force-previous
  --annex-previous phụ lục cũng có cột “Xếp hạng năm trước” và “Tăng/giảm” (cần --previous và --annex)
  --lineage-2025   dùng danh sách sáp nhập sở năm 2025 (với --previous; không có cờ này thì chỉ đề xuất)
  --explain        thêm trang “Giải trình”, mỗi cơ quan một trang
  --chart TỆP      ghi biểu đồ chỉ số theo thứ hạng (SVG)
  --fix-encoding   chuyển tiêu đề, tên cơ quan và ghi chú gõ bằng bảng mã TCVN3 (ABC) hoặc VNI sang Unicode
                   (trong tệp kết quả và khi tính điểm)
  --lang vi|en     ngôn ngữ của thông báo; mặc định theo LC_ALL, LC_MESSAGES hoặc LANG (en_US.UTF-8: tiếng Anh),
                   nếu không thì tiếng Việt. Phụ lục luôn bằng tiếng Việt (là văn bản chính thức).

Không có -o: chỉ chấm điểm và in bảng xếp hạng (hoặc --json), không ghi sổ tính nào (--chart vẫn ghi riêng tệp biểu đồ).
OUT.xlsx (hay tệp biểu đồ) đã có thì không ghi đè, trừ khi có --force; không bao giờ ghi đè IN.xlsx.

Mã thoát: 0 xong; 1 xong nhưng còn lỗi trong bảng điểm (merge: có phiếu có vấn đề); 2 không dùng được đầu vào hay tệp kết quả (không ghi gì).`,
    en: (p) => `Usage:
  xep-hang-cntt score IN.xlsx [-o OUT.xlsx [--force]] [--sheet NAME] [--rules RULES.json] [--annex] [--json] [--lang vi|en]
                      [--decision-number "06/QĐ-UBND"] [--decision-date 05/01/2021] [--issuer "Ủy ban nhân dân tỉnh"]
                      [--province "Thái Bình"] [--year 2020] [--subject "Đánh giá, xếp hạng …"] [--annex-sheet "Phụ lục"]
                      [--previous LAST-YEAR.xlsx [--annex-previous] [--lineage-2025] [--force-previous]] [--explain] [--chart CHART.svg] [--fix-encoding]
${p.forms}

  --year           default: the year in the score table's title, else the year before the decision's
  --subject        the annex's subject, without the year (the annex adds “năm 2020”)
  --previous FILE  compare with last year's results (last year's rank, the change); the file must be of an earlier
                   year than this one, unless --force-previous
  --annex-previous the annex also shows last year's rank and the change (needs --previous and --annex)
  --lineage-2025   use the built-in 2025 list of department mergers (with --previous; without it, only offered)
  --explain        add the “Giải trình” sheet, a page per agency
  --chart FILE     write the chart of indices by rank (SVG)
  --fix-encoding   convert headers, names and notes typed in the TCVN3 (ABC) or VNI encoding to Unicode
                   (in the output and for scoring)
  --lang vi|en     the language of the messages; by default from LC_ALL, LC_MESSAGES or LANG (en_US.UTF-8: English),
                   else Vietnamese. The annex is always in Vietnamese (it is the official document).

Without -o: scores and prints the ranking (or --json), writes no workbook (--chart still writes the chart's own file).
An existing OUT.xlsx (or chart) is replaced only with --force; IN.xlsx never.

Exit codes: 0 done; 1 done but the score table has errors (merge: a form has problems); 2 unusable input or output file (nothing written).`,
    example: { forms: "  xep-hang-cntt forms MASTER.xlsx -o FOLDER" },
  }),
  formsUsage: entry({
    vi: (
      _p: object,
    ) => `  xep-hang-cntt forms MASTER.xlsx -o THƯ-MỤC [--master-out MASTER-CÓ-KHÓA.xlsx] [--force] [--sheet TÊN] [--rules RULES.json] [--year 2020] [--lang vi|en]
  xep-hang-cntt merge MASTER.xlsx PHIẾU.xlsx... -o OUT.xlsx [--force] [--json] [--deadline dd/mm/yyyy] [--sheet TÊN] [--rules RULES.json] [--year 2020] [--lang vi|en]
  xep-hang-cntt notices MASTER.xlsx -o THƯ-MỤC [--deadline dd/mm/yyyy] [--force]   # thông báo kết quả thẩm định cho từng cơ quan có chênh lệch`,
    en: () => `  xep-hang-cntt forms MASTER.xlsx -o FOLDER [--master-out MASTER-WITH-KEY.xlsx] [--force] [--sheet NAME] [--rules RULES.json] [--year 2020] [--lang vi|en]
  xep-hang-cntt merge MASTER.xlsx FORM.xlsx... -o OUT.xlsx [--force] [--json] [--deadline dd/mm/yyyy] [--sheet NAME] [--rules RULES.json] [--year 2020] [--lang vi|en]
  xep-hang-cntt notices MASTER.xlsx -o FOLDER [--deadline dd/mm/yyyy] [--force]   # a notice of appraisal results for each agency with a difference`,
    example: {},
  }),
  error: entry({ vi: (p: { text: string }) => `Lỗi: ${p.text}`, en: (p) => `Error: ${p.text}`, example: { text: "Thiếu tệp đầu vào IN.xlsx." } }),
  seeHelp: entry({ vi: (_p: object) => "Xem: xep-hang-cntt --help", en: () => "See: xep-hang-cntt --help", example: {} }),
  errorLabel: entry({ vi: (_p: object) => "LỖI", en: () => "ERROR", example: {} }),
  warningLabel: entry({ vi: (_p: object) => "Cảnh báo", en: () => "Warning", example: {} }),
  noticeLabel: entry({ vi: (_p: object) => "Lưu ý", en: () => "Note", example: {} }),
  badCommand: entry({
    vi: (p: { command: string }) => `Lệnh không hợp lệ “${p.command}”: các lệnh: ${COMMANDS.map((c) => `“${c}”`).join(", ")}.`,
    en: (p) =>
      `Unknown command “${p.command}”: the commands are ${COMMANDS.slice(0, -1)
        .map((c) => `“${c}”`)
        .join(", ")} and “${COMMANDS[COMMANDS.length - 1]}”.`,
    example: { command: "tinh" },
  }),
  noCommand: entry({ vi: (_p: object) => "Thiếu lệnh “score”.", en: () => "The command “score” is missing.", example: {} }),
  missingValue: entry({
    vi: (p: { option: string }) => `Thiếu giá trị sau ${p.option}.`,
    en: (p) => `${p.option} needs a value.`,
    example: { option: "--sheet" },
  }),
  badYear: entry({
    vi: (p: { value: string }) => `--year phải là một năm, ví dụ 2020 (đang là “${p.value}”).`,
    en: (p) => `--year must be a year, for example 2020 (it is “${p.value}”).`,
    example: { value: "20" },
  }),
  badLang: entry({
    vi: (p: { value: string }) => `--lang phải là vi hoặc en (đang là “${p.value}”).`,
    en: (p) => `--lang must be vi or en (it is “${p.value}”).`,
    example: { value: "fr" },
  }),
  unknownOption: entry({
    vi: (p: { option: string }) => `Tùy chọn không hợp lệ “${p.option}”.`,
    en: (p) => `Unknown option “${p.option}”.`,
    example: { option: "--x" },
  }),
  extraArgument: entry({ vi: (p: { arg: string }) => `Thừa tham số “${p.arg}”.`, en: (p) => `Unexpected argument “${p.arg}”.`, example: { arg: "b.xlsx" } }),
  noInput: entry({ vi: (_p: object) => "Thiếu tệp đầu vào IN.xlsx.", en: () => "The input file IN.xlsx is missing.", example: {} }),
  noMaster: entry({ vi: (_p: object) => "Thiếu tệp bảng điểm MASTER.xlsx.", en: () => "The master workbook MASTER.xlsx is missing.", example: {} }),
  noFormsToMerge: entry({
    vi: (_p: object) => "Thiếu các phiếu cần gộp: merge MASTER.xlsx PHIẾU.xlsx... -o OUT.xlsx.",
    en: () => "The forms to merge are missing: merge MASTER.xlsx FORM.xlsx... -o OUT.xlsx.",
    example: {},
  }),
  noFormsDir: entry({ vi: (_p: object) => "Thiếu thư mục ghi phiếu: -o THƯ-MỤC.", en: () => "The folder for the forms is missing: -o FOLDER.", example: {} }),
  noOutput: entry({ vi: (_p: object) => "Thiếu tệp kết quả: -o OUT.xlsx.", en: () => "The output file is missing: -o OUT.xlsx.", example: {} }),
  fileMissing: entry({
    vi: (p: { file: string }) => `Không tìm thấy tệp “${p.file}”. Hãy kiểm tra đường dẫn.`,
    en: (p) => `File “${p.file}” was not found. Check the path.`,
    example: { file: "a.xlsx" },
  }),
  fileIsFolder: entry({
    vi: (p: { file: string }) => `“${p.file}” là thư mục, không phải tệp Excel.`,
    en: (p) => `“${p.file}” is a folder, not an Excel file.`,
    example: { file: "thu-muc" },
  }),
  fileTooLarge: entry({
    vi: (p: { file: string }) =>
      `Tệp “${p.file}” giải nén ra quá lớn (hoặc có quá nhiều phần) để đọc an toàn: có thể tệp bị hỏng hay được tạo ra để làm treo máy. Không đọc tiếp. Hãy mở bằng Excel và lưu lại dạng .xlsx.`,
    en: (p) =>
      `“${p.file}” inflates to more than can be read safely (or has too many parts): it may be damaged, or made to exhaust memory. It was not read further. Open it in Excel and save it as .xlsx.`,
    example: { file: "phieu-la.xlsx" },
  }),
  partTooLarge: entry({
    vi: (p: { file: string; part: string }) =>
      `Tệp “${p.file}” giải nén ra quá lớn để đọc an toàn: phần “${p.part}” phình ra vượt giới hạn (tệp có thể bị hỏng hoặc được tạo ra để làm treo máy). Không đọc tiếp, không ghi gì. Hãy mở bằng Excel và lưu lại dạng .xlsx.`,
    en: (p) =>
      `“${p.file}” inflates to more than can be read safely: its part “${p.part}” grows beyond the limit (it may be damaged, or made to exhaust memory). Not read further; nothing written. Open it in Excel and save it as .xlsx.`,
    example: { file: "bang-diem.xlsx", part: "xl/worksheets/sheet1.xml" },
  }),
  chartIsOutput: entry({
    vi: (p: { file: string }) => `--chart “${p.file}” trùng với tệp kết quả -o. Hãy chọn tên khác cho biểu đồ, ví dụ bieu-do.svg.`,
    en: (p) => `--chart “${p.file}” is the same file as the -o output. Choose another name for the chart, e.g. chart.svg.`,
    example: { file: "ket-qua.xlsx" },
  }),
  notWorkbook: entry({
    vi: (p: { file: string }) => `Tệp “${p.file}” không phải là sổ tính Excel .xlsx đọc được. Hãy mở bằng Excel và lưu lại dạng .xlsx.`,
    en: (p) => `“${p.file}” is not an Excel .xlsx workbook that can be read. Open it in Excel and save it as .xlsx.`,
    example: { file: "gia.xlsx" },
  }),
  encryptedWorkbook: entry({
    vi: (p: { file: string }) =>
      `Tệp “${p.file}” được đặt mật khẩu mở (mã hóa), nên không đọc được. Hãy mở tệp bằng Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa mật khẩu), lưu một bản không mật khẩu rồi dùng bản đó.`,
    en: (p) =>
      `“${p.file}” is encrypted with a password to open, so it cannot be read. Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it), save a copy without it and use that copy.`,
    example: { file: "bang-diem.xlsx" },
  }),
  legacyWorkbook: entry({
    vi: (p: { file: string }) =>
      `Tệp “${p.file}” là sổ tính Excel 97–2003 (.xls), không phải .xlsx. Hãy mở bằng Excel, Lưu thành → Sổ làm việc Excel (*.xlsx), rồi dùng tệp .xlsx đó.`,
    en: (p) => `“${p.file}” is an Excel 97–2003 workbook (.xls), not .xlsx. Open it in Excel, Save As → Excel Workbook (*.xlsx), and use that file.`,
    example: { file: "bang-diem.xls" },
  }),
  rulesFileMissing: entry({
    vi: (p: { file: string }) => `Không tìm thấy tệp quy tắc “${p.file}”.`,
    en: (p) => `Rules file “${p.file}” was not found.`,
    example: { file: "rules.json" },
  }),
  rulesNotJson: entry({
    vi: (p: { file: string; problem: JsonSyntaxProblem }) => `Tệp quy tắc “${p.file}” không phải JSON hợp lệ: ${jsonSyntaxText(p.problem, "vi")}.`,
    en: (p) => `Rules file “${p.file}” is not valid JSON: ${jsonSyntaxText(p.problem, "en")}.`,
    example: { file: "rules.json", problem: { code: "unexpectedChar", line: 3, column: 7, char: "}" } },
  }),
  rulesInvalid: entry({
    vi: (p: { source: RulesSource; problems: RuleProblem[] }) =>
      `Quy tắc không hợp lệ (${SOURCE.vi(p.source)}), ${p.problems.length} lỗi:\n${listLines(ruleProblemLines(p.problems, "vi"))}`,
    en: (p) => `The rules are not valid (${SOURCE.en(p.source)}), ${plural(p.problems.length, "problem")}:\n${listLines(ruleProblemLines(p.problems, "en"))}`,
    example: { source: { kind: "file", file: "rules.json" }, problems: [RULE_PROBLEM] },
  }),
  noSuchSheet: entry({
    vi: (p: { sheet: string; sheets: string[] }) => `Không có trang tính “${p.sheet}”. Các trang tính: ${quotedList(p.sheets)}.`,
    en: (p) => `There is no sheet “${p.sheet}”. The sheets: ${quotedList(p.sheets)}.`,
    example: { sheet: "Không có", sheets: ["Chấm điểm 2020"] },
  }),
  onSheet: entry({
    vi: (p: { sheet: string; reason: Both }) => `Trang tính “${p.sheet}”: ${p.reason.message}`,
    en: (p) => `Sheet “${p.sheet}”: ${p.reason.messageEn}`,
    example: { sheet: "Sheet1", reason: { message: "Trang tính đang trống.", messageEn: "The sheet is empty." } },
  }),
  noGridSheet: entry({
    vi: (_p: object) => "Sổ tính không có trang tính nào có bảng điểm.",
    en: () => "No sheet of the workbook has a score table.",
    example: {},
  }),
  previousSameFile: entry({
    vi: (_p: object) => "Tệp năm trước (--previous) phải khác tệp đầu vào.",
    en: () => "Last year's file (--previous) must differ from the input file.",
    example: {},
  }),
  annexMetadata: entry({
    vi: (p: { problems: Both[] }) =>
      `Chưa tạo được phụ lục: ${p.problems.map((m) => m.message).join(" ")} (dùng --decision-number, --decision-date, --issuer, --province, --year, --subject).`,
    en: (p) =>
      `The annex was not created: ${p.problems.map((m) => m.messageEn).join(" ")} (use --decision-number, --decision-date, --issuer, --province, --year, --subject).`,
    example: { problems: [{ message: "Chưa nhập số quyết định (ví dụ: 06/QĐ-UBND).", messageEn: "Type the decision number (for example 06/QĐ-UBND)." }] },
  }),
  userSheetKept: entry({
    vi: (p: { wanted: string; used: string }) => `Trang tính “${p.wanted}” là của người dùng nên không bị thay; phụ lục được tạo ở trang “${p.used}”.`,
    en: (p) => `Sheet “${p.wanted}” is the user's, so it was not replaced; the annex is on sheet “${p.used}”.`,
    example: { wanted: "Phụ lục", used: "Phụ lục (2)" },
  }),
  formsNoAgencies: entry({
    vi: (_p: object) => "Bảng điểm chưa có cơ quan nào nên không tạo phiếu. Hãy nhập tên các cơ quan vào cột “Tên cơ quan”.",
    en: () => "The score table has no agency yet, so no form was made. Type the agencies' names in the “Tên cơ quan” column.",
    example: {},
  }),
  formsDirIsFile: entry({
    vi: (p: { dir: string }) => `“${p.dir}” là một tệp, không phải thư mục: -o phải là thư mục để ghi các phiếu.`,
    en: (p) => `“${p.dir}” is a file, not a folder: -o must be the folder to write the forms in.`,
    example: { dir: "phieu" },
  }),
  masterTooLarge: entry({
    vi: (p: ReadLimitWords & { file: string }) =>
      `Tệp “${p.file}” quá lớn để đọc an toàn: ${readLimitText.vi(p)} (tệp có thể bị hỏng hoặc cố ý làm phình to). Không đọc tiếp, không ghi gì. Hãy mở bằng Excel, xóa các trang tính không cần rồi lưu lại dạng .xlsx.`,
    en: (p) =>
      `File “${p.file}” is too large to read safely: ${readLimitText.en(p)} (it may be damaged or made to blow up). Not read further; nothing written. Open it in Excel, delete the sheets not needed and save it as .xlsx.`,
    example: { file: "bang-diem.xlsx", what: "bytes", part: "xl/worksheets/sheet1.xml", limit: 128 },
  }),
  mergeMissing: entry({
    vi: (p: { agencies: string[]; deadline: string }) =>
      `Chưa có phiếu của ${p.agencies.length} cơ quan${p.deadline ? ` (hạn gửi ${p.deadline})` : ""}: ${p.agencies.join(", ")}.`,
    en: (p) => `No form yet from ${plural(p.agencies.length, "agency", "agencies")}${p.deadline ? ` (deadline ${p.deadline})` : ""}: ${p.agencies.join(", ")}.`,
    example: { agencies: ["Sở Y tế", "Sở Nội vụ"], deadline: "20/12/2020" },
  }),
  badDeadline: entry({
    vi: (p: { value: string }) => `--deadline phải là ngày dạng dd/mm/yyyy (đang là “${p.value}”).`,
    en: (p) => `--deadline must be a date as dd/mm/yyyy (it is “${p.value}”).`,
    example: { value: "20-12" },
  }),
  previousNotEarlier: entry({
    vi: (p: { file: string; previous: number; current: number }) =>
      `Sổ tính năm trước “${p.file}” là của năm ${p.previous}, không trước năm ${p.current} của bảng điểm này, nên không so sánh. Hãy chọn sổ tính của năm trước; nếu đúng là muốn so sánh như vậy, thêm --force-previous. Chưa ghi gì.`,
    en: (p) =>
      `Last year's workbook “${p.file}” is for ${p.previous}, not earlier than this table's ${p.current}, so it is not compared. Choose the previous year's workbook; if this comparison is really meant, add --force-previous. Nothing was written.`,
    example: { file: "danh-gia-2020.xlsx", previous: 2020, current: 2020 },
  }),
  formsNeedMasterOut: entry({
    vi: (p: { master: string }) =>
      `Bảng điểm “${p.master}” chưa có khóa tạo phiếu (khóa bí mật để xác thực phiếu gửi về). Công cụ không sửa tệp đầu vào, nên hãy chỉ định nơi ghi bản bảng điểm có khóa: --master-out BANG-DIEM-CO-KHOA.xlsx; sau này gộp phiếu vào bản đó. Chưa tạo phiếu nào.`,
    en: (p) =>
      `Workbook “${p.master}” has no form key yet (the secret key that verifies returned forms). The tool never modifies its input, so say where to write the copy of the workbook that keeps the key: --master-out MASTER-WITH-KEY.xlsx; merge the forms into that copy later. No form was made.`,
    example: { master: "bang-diem.xlsx" },
  }),
  masterOutIsForm: entry({
    vi: (p: { file: string }) =>
      `--master-out “${p.file}” trùng với một phiếu sẽ tạo trong thư mục -o. Hãy ghi bản bảng điểm có khóa ở chỗ khác (không gửi tệp này cho các cơ quan).`,
    en: (p) =>
      `--master-out “${p.file}” is one of the forms to be written in the -o folder. Write the copy of the workbook with the key elsewhere (never send that file to the agencies).`,
    example: { file: "phieu/so-y-te.xlsx" },
  }),
  formsMasterSaved: entry({
    vi: (p: { file: string }) => `Đã ghi bản bảng điểm có khóa tạo phiếu: ${p.file}. Gộp phiếu vào bản này; không gửi tệp này cho các cơ quan.`,
    en: (p) => `Written the copy of the workbook with the form key: ${p.file}. Merge the forms into this copy; never send it to the agencies.`,
    example: { file: "bang-diem-co-khoa.xlsx" },
  }),
  formsMadeNotRecorded: entry({
    vi: (p: { master: string }) =>
      `Thời điểm tạo phiếu không được ghi vào “${p.master}” (lệnh không sửa tệp đầu vào): mỗi phiếu tự ghi thời điểm tạo trong dữ liệu ẩn, và trang “Theo dõi phiếu” lấy thời điểm ấy khi phiếu được gộp; cơ quan chưa gửi lại phiếu sẽ hiện “Không có ghi nhận”. Muốn ghi cả vào bảng điểm, hãy chạy lại với --master-out BẢN-SAO.xlsx và gộp vào bản sao ấy.`,
    en: (p) =>
      `When the forms were made is not recorded in “${p.master}” (the command does not modify its input): each form keeps the time it was made in its hidden data, and the “Theo dõi phiếu” sheet takes it when the form is merged; agencies that have not returned their form show “Không có ghi nhận” (not recorded). To record it in the master too, run again with --master-out COPY.xlsx and merge into that copy.`,
    example: { master: "bang-diem.xlsx" },
  }),
  mergeCopies: entry({
    vi: (p: { files: string[] }) => `(bản trùng: ${p.files.join(", ")})`,
    en: (p) => `(duplicates: ${p.files.join(", ")})`,
    example: { files: ["b.xlsx"] },
  }),
  mergeDifference: entry({
    vi: (p: { agency: string; group: string; self: string; appraised: string }) =>
      `  Chênh lệch: ${p.agency}, ${p.group}: tự chấm ${p.self}, thẩm định ${p.appraised}`,
    en: (p) => `  Difference: ${p.agency}, ${p.group}: self-assessed ${p.self}, appraised ${p.appraised}`,
    example: { agency: "Sở Y tế", group: "Hạ tầng kỹ thuật", self: "45", appraised: "40" },
  }),
  mergeWritten: entry({ vi: (p: { file: string }) => `Đã ghi: ${p.file}.`, en: (p) => `Written: ${p.file}.`, example: { file: "ket-qua.xlsx" } }),
  stepRead: entry({ vi: (_p: object) => "Đọc sổ tính", en: () => "Reading the workbook", example: {} }),
  stepScore: entry({ vi: (_p: object) => "Tính điểm", en: () => "Scoring", example: {} }),
  stepPrevious: entry({ vi: (_p: object) => "Đọc kết quả năm trước", en: () => "Reading last year's results", example: {} }),
  stepWrite: entry({ vi: (_p: object) => "Ghi kết quả", en: () => "Writing the results", example: {} }),
  stepAnnex: entry({ vi: (_p: object) => "Tạo phụ lục", en: () => "Creating the annex", example: {} }),
  stepExplain: entry({ vi: (_p: object) => "Tạo trang Giải trình", en: () => "Creating the Giải trình sheet", example: {} }),
  stepSave: entry({ vi: (_p: object) => "Lưu tệp kết quả", en: () => "Saving the output file", example: {} }),
  stepChart: entry({ vi: (_p: object) => "Ghi biểu đồ", en: () => "Writing the chart", example: {} }),
  sheetSummary: entry({
    vi: (p: { sheet: string; agencies: number }) => `Trang tính “${p.sheet}”: ${p.agencies} cơ quan.`,
    en: (p) => `Sheet “${p.sheet}”: ${plural(p.agencies, "agency", "agencies")}.`,
    example: { sheet: "Chấm điểm 2020", agencies: 19 },
  }),
  colRank: entry({ vi: (_p: object) => "Hạng", en: () => "Rank", example: {} }),
  colAgency: entry({ vi: (_p: object) => "Cơ quan", en: () => "Agency", example: {} }),
  colTotal: entry({ vi: (_p: object) => "Tổng điểm", en: () => "Total", example: {} }),
  colIndex: entry({ vi: (_p: object) => "Chỉ số", en: () => "Index", example: {} }),
  colClass: entry({ vi: (_p: object) => "Phân loại", en: () => "Class", example: {} }),
  noBlock: entry({ vi: (_p: object) => "Chưa xác định khối", en: () => "No block", example: {} }),
  notScored: entry({ vi: (_p: object) => "chưa tính được", en: () => "not scored", example: {} }),
  written: entry({
    vi: (p: { file: string; annexSheet: string | null; explainSheet: string | null }) => {
      const sheets = [p.annexSheet ? `phụ lục ở trang “${p.annexSheet}”` : "", p.explainSheet ? `giải trình ở trang “${p.explainSheet}”` : ""].filter(Boolean);
      return `Đã ghi: ${p.file}${sheets.length ? ` (${sheets.join("; ")})` : ""}.`;
    },
    en: (p) => {
      const sheets = [p.annexSheet ? `the annex on sheet “${p.annexSheet}”` : "", p.explainSheet ? `the explanations on sheet “${p.explainSheet}”` : ""].filter(
        Boolean,
      );
      return `Written: ${p.file}${sheets.length ? ` (${sheets.join("; ")})` : ""}.`;
    },
    example: { file: "ket-qua.xlsx", annexSheet: "Phụ lục", explainSheet: "Giải trình" },
  }),
  chartWritten: entry({ vi: (p: { file: string }) => `Biểu đồ: ${p.file}.`, en: (p) => `Chart: ${p.file}.`, example: { file: "bieu-do.svg" } }),
  explainNeedsOutput: entry({
    vi: (_p: object) => "--explain thêm trang “Giải trình” vào tệp kết quả, nên cần -o RA.xlsx.",
    en: () => "--explain adds the “Giải trình” sheet to the output file, so it needs -o OUT.xlsx.",
    example: {},
  }),
  notWritten: entry({
    vi: () => "Không ghi tệp nào (không có -o).",
    en: () => "No file written (no -o given).",
    example: {},
  }),
});

export type CliCode = keyof typeof CLI_MESSAGES;
type ParamsOf<C extends CliCode> = (typeof CLI_MESSAGES)[C] extends Entry<infer P> ? P : never;

/** A CLI message: its code and parameters. */
export type CliMessage = { [C in CliCode]: { code: C; params: ParamsOf<C> } }[CliCode];

export const cliMessage = <C extends CliCode>(code: C, params: ParamsOf<C>): CliMessage => ({ code, params }) as CliMessage;

export function renderCli(message: CliMessage, lang: CliLang): string {
  const e = CLI_MESSAGES[message.code] as Entry<unknown>;
  return e[lang](message.params);
}

/** A command-line message in both languages (the one of the user is printed). */
export const cliBoth = <C extends CliCode>(code: C, params: ParamsOf<C>): Both => both(CLI_MESSAGES, code, params as never);

/** A message value of this catalogue, in both languages. */
export const bothOf = (message: CliMessage): Both => ({ message: renderCli(message, "vi"), messageEn: renderCli(message, "en") });

/** Unusable input: the message the user sees (in both languages), with exit code 2. */
export class Unusable extends Error {
  constructor(readonly detail: Both) {
    super(detail.message);
  }
}

export const fail = (message: Both): never => {
  throw new Unusable(message);
};
