import { FORM_MESSAGES } from "../core/form-messages";
import { mergeForms, writeForms } from "./forms";
import type { CliIO } from "./main";

export const FORMS_USAGE = `  xep-hang-cntt forms MASTER.xlsx -o THƯ-MỤC [--force] [--sheet NAME] [--rules RULES.json] [--year 2020]
  xep-hang-cntt merge MASTER.xlsx PHIẾU.xlsx... -o OUT.xlsx [--force] [--json] [--sheet NAME] [--rules RULES.json] [--year 2020]`;

type Parsed = { ok: true; files: string[]; output: string; sheet?: string; rulesFile?: string; year?: number; json: boolean; force: boolean } | { ok: false; message: string };

function parse(command: "forms" | "merge", rest: string[]): Parsed {
  const files: string[] = [];
  let output: string | undefined;
  let sheet: string | undefined;
  let rulesFile: string | undefined;
  let year: number | undefined;
  let json = false;
  let force = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (["-o", "--output", "--sheet", "--rules", "--year"].includes(arg)) {
      const value = rest[++i];
      if (value === undefined) return { ok: false, message: `Thiếu giá trị sau ${arg}.` };
      if (arg === "-o" || arg === "--output") output = value;
      else if (arg === "--sheet") sheet = value;
      else if (arg === "--rules") rulesFile = value;
      else {
        if (!/^\d{4}$/.test(value)) return { ok: false, message: `--year phải là một năm, ví dụ 2020 (đang là “${value}”).` };
        year = Number(value);
      }
    } else if (arg === "--json" && command === "merge") json = true;
    else if (arg === "--force") force = true;
    else if (arg.startsWith("-")) return { ok: false, message: `Tùy chọn không hợp lệ “${arg}”.` };
    else files.push(arg);
  }
  if (files.length === 0) return { ok: false, message: "Thiếu tệp bảng điểm MASTER.xlsx." };
  if (command === "forms" && files.length > 1) return { ok: false, message: `Thừa tham số “${files[1]}”.` };
  if (command === "merge" && files.length < 2) return { ok: false, message: "Thiếu các phiếu cần gộp: merge MASTER.xlsx PHIẾU.xlsx... -o OUT.xlsx." };
  if (!output) return { ok: false, message: command === "forms" ? "Thiếu thư mục ghi phiếu: -o THƯ-MỤC." : "Thiếu tệp kết quả: -o OUT.xlsx." };
  return { ok: true, files, output, sheet, rulesFile, year, json, force };
}

/** `forms` and `merge`. Exit codes: 0 done (merge: every form merged, no finding); 1 merged with findings; 2 unusable master or arguments (nothing written). */
export async function formsMain(argv: string[], io: CliIO): Promise<number> {
  const command = argv[0] as "forms" | "merge";
  const parsed = parse(command, argv.slice(1));
  if (!parsed.ok) {
    io.err(`Lỗi: ${parsed.message} Xem: xep-hang-cntt --help`);
    return 2;
  }
  if (command === "forms") {
    const outcome = await writeForms({ master: parsed.files[0], dir: parsed.output, sheet: parsed.sheet, rulesFile: parsed.rulesFile, year: parsed.year, force: parsed.force });
    if (!outcome.ok) {
      io.err(`Lỗi: ${outcome.message}`);
      return 2;
    }
    io.out(FORM_MESSAGES.formsWritten.vi({ count: outcome.forms.length, dir: parsed.output }));
    for (const f of outcome.forms) io.out(`  ${f.file}\t${f.agency}`);
    return 0;
  }
  const [master, ...forms] = parsed.files;
  const outcome = await mergeForms({ master, forms, output: parsed.output, sheet: parsed.sheet, rulesFile: parsed.rulesFile, year: parsed.year, force: parsed.force });
  if (!outcome.ok) {
    io.err(`Lỗi: ${outcome.message}`);
    return 2;
  }
  const { plan } = outcome;
  if (parsed.json) io.out(JSON.stringify(outcome.json, null, 2));
  else {
    io.out(plan.unchanged ? FORM_MESSAGES.nothingChanged.vi({}) : FORM_MESSAGES.merged.vi({ merged: plan.merged.length, forms: forms.length, writes: plan.writes.length, differences: plan.differences.length }));
    for (const m of plan.merged) io.out(`  ${m.file}\t${m.agency}${m.copies ? `\t(bản trùng: ${m.copies.join(", ")})` : ""}`);
    for (const d of plan.differences) io.out(`  Chênh lệch: ${d.agency}, ${d.group}: tự chấm ${fmt(d.self)}, thẩm định ${fmt(d.appraised)}`);
    io.out(`Đã ghi: ${parsed.output}.`);
  }
  for (const f of outcome.findings) io.err(`${f.severity === "error" ? "LỖI" : "Cảnh báo"} ${f.message}`);
  return outcome.findings.length > 0 ? 1 : 0;
}

const fmt = (v: number | string) => (typeof v === "number" ? String(v).replace(".", ",") : v);
