/**
 * The command line's messages about files (where the result goes, what is refused), each a code
 * with parameters rendered in Vietnamese and in English, in the catalogue style of the core
 * (an entry per code: `vi`, `en`, and an `example` of its parameters that the tests render).
 */
import { catalogue, entry, Lang, MessageEntry } from "../core/catalogue";

export type CliLang = Lang;
type Entry<P> = MessageEntry<P>;

export const CLI_MESSAGES = catalogue("command line", {
  annexPreviousStoredNoPrevious: entry({
    vi: (p: { file: string }) =>
      `Sổ tính “${p.file}” lưu lựa chọn đưa xếp hạng năm trước vào phụ lục, nhưng lệnh không có --previous: phụ lục được tạo không có cột “Xếp hạng năm trước” và “Tăng/giảm”. Thêm --previous NAM-TRUOC.xlsx để có các cột đó.`,
    en: (p) =>
      `The workbook “${p.file}” stores the choice to put last year's rank in the annex, but there is no --previous: the annex was made without the “Xếp hạng năm trước” and “Tăng/giảm” columns. Add --previous LAST-YEAR.xlsx to have them.`,
    example: { file: "danh-gia-2020.xlsx" },
  }),
  annexPreviousAlone: entry({
    vi: (p: { missing: string }) => `--annex-previous đưa cột “Xếp hạng năm trước” và “Tăng/giảm” vào phụ lục nên cần cả --previous và --annex (thiếu ${p.missing}).`,
    en: (p) => `--annex-previous puts last year's rank and the change into the annex, so it needs both --previous and --annex (missing ${p.missing}).`,
    example: { missing: "--previous" },
  }),
  outputIsInput: entry({
    vi: (p: { input: string; output: string }) =>
      `Tệp kết quả “${p.output}” chính là tệp đầu vào “${p.input}” (cùng một tệp, dưới tên khác). Tệp đầu vào không bao giờ bị ghi đè: hãy chọn tên khác cho -o.`,
    en: (p) => `The output file “${p.output}” is the input file “${p.input}” (the same file under another name). The input is never overwritten: choose another name for -o.`,
    example: { input: "danh-gia.xlsx", output: "./Danh-Gia.xlsx" },
  }),
  outputExists: entry({
    vi: (p: { output: string }) => `Tệp kết quả “${p.output}” đã có. Không ghi đè: hãy chọn tên khác cho -o, hoặc thêm --force để thay tệp đó.`,
    en: (p) => `The output file “${p.output}” already exists. Nothing was overwritten: choose another name for -o, or add --force to replace it.`,
    example: { output: "ket-qua.xlsx" },
  }),
  outputIsDirectory: entry({
    vi: (p: { output: string }) => `“${p.output}” là một thư mục. Hãy ghi tên tệp kết quả sau -o, ví dụ -o "${p.output.replace(/[\\/]+$/, "")}/ket-qua.xlsx".`,
    en: (p) => `“${p.output}” is a folder. Give the output file's name after -o, e.g. -o "${p.output.replace(/[\\/]+$/, "")}/ket-qua.xlsx".`,
    example: { output: "out/" },
  }),
  outputUnderFile: entry({
    vi: (p: { output: string; file: string }) => `Không tạo được “${p.output}”: “${p.file}” là một tệp, không phải thư mục. Hãy chọn một thư mục có thật cho -o.`,
    en: (p) => `Cannot create “${p.output}”: “${p.file}” is a file, not a folder. Choose an existing folder for -o.`,
    example: { output: "ket-qua.xlsx/out.xlsx", file: "ket-qua.xlsx" },
  }),
  outputNotWritten: entry({
    vi: (p: { output: string; reason: string }) => `Không ghi được tệp kết quả “${p.output}” (${p.reason}). Không có tệp nào bị thay đổi. Hãy kiểm tra quyền ghi và chỗ trống trên đĩa.`,
    en: (p) => `The output file “${p.output}” could not be written (${p.reason}). No file was changed. Check write permission and free disk space.`,
    example: { output: "ket-qua.xlsx", reason: "EACCES" },
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
