import { scoreWorkbook, ScoreOptions } from "./score";
import { formsMain, FORMS_USAGE } from "./forms-main";
import { formatVi } from "../core/decimal";
import { rankedRows } from "../core/scoring";
import { cliMessage, CliMessage, renderCli } from "./messages";
import { indexText } from "../core/annex";
import { hasClasses, Rules } from "../core/rules";
import { ifCorrectedLine } from "./extras";

const USAGE = `Cách dùng / Usage:
  xep-hang-cntt score IN.xlsx [-o OUT.xlsx [--force]] [--sheet NAME] [--rules RULES.json] [--annex] [--json]
                      [--decision-number "06/QĐ-UBND"] [--decision-date 05/01/2021] [--issuer "Ủy ban nhân dân tỉnh"]
                      [--province "Thái Bình"] [--year 2020] [--subject "Đánh giá, xếp hạng …"] [--annex-sheet "Phụ lục"]
                      [--previous NAM-TRUOC.xlsx [--annex-previous]] [--explain] [--chart BIEU-DO.svg] [--fix-encoding]
${FORMS_USAGE}

  --year           mặc định là năm ghi trong tiêu đề bảng điểm, nếu không có thì năm trước năm ký quyết định
                   / default: the year in the score table's title, else the year before the decision's
  --subject        trích yếu của phụ lục, không kèm năm (phụ lục thêm “năm 2020”) / the annex's subject, without the year
  --previous FILE  so sánh với kết quả năm trước (xếp hạng năm trước, tăng/giảm) / compare with last year
  --annex-previous phụ lục cũng có cột “Xếp hạng năm trước” và “Tăng/giảm” (cần --previous và --annex)
                   / the annex also shows last year's rank and the change (needs --previous and --annex)
  --explain        thêm trang “Giải trình”, mỗi cơ quan một trang / add the “Giải trình” sheet, a page per agency
  --chart FILE     ghi biểu đồ chỉ số theo thứ hạng (SVG) / write the chart of indices by rank (SVG)
  --fix-encoding   chuyển tiêu đề, tên cơ quan và ghi chú gõ bằng bảng mã TCVN3 (ABC) hoặc VNI sang Unicode
                   (trong tệp kết quả và khi tính điểm) / convert headers, names and notes typed in the
                   TCVN3 (ABC) or VNI encoding to Unicode (in the output and for scoring)

Không có -o: chỉ chấm điểm và in bảng xếp hạng (hoặc --json), không ghi tệp nào.
  Without -o: scores and prints the ranking (or --json), writes nothing.
OUT.xlsx đã có thì không ghi đè, trừ khi có --force; không bao giờ ghi đè IN.xlsx.
  An existing OUT.xlsx is replaced only with --force; IN.xlsx never.

Mã thoát / exit codes: 0 xong; 1 xong nhưng còn lỗi trong bảng điểm (merge: có phiếu có vấn đề); 2 không dùng được đầu vào hay tệp kết quả (không ghi gì).`;

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  isTTY: boolean;
}

type Parsed = { ok: true; opts: ScoreOptions; json: boolean } | { ok: false; message: string };

export function parseArgs(argv: string[]): Parsed {
  const [command, ...rest] = argv;
  if (command !== "score") return { ok: false, message: command ? `Lệnh không hợp lệ “${command}”: các lệnh: “score”, “forms”, “merge”.` : "Thiếu lệnh “score”." };
  let input: string | undefined;
  const opts: Partial<ScoreOptions> = { decision: {} };
  let json = false;
  const takes = new Set(["-o", "--output", "--sheet", "--rules", "--decision-number", "--decision-date", "--issuer", "--province", "--year", "--subject", "--annex-sheet", "--previous", "--chart"]);
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (takes.has(arg)) {
      const value = rest[++i];
      if (value === undefined) return { ok: false, message: `Thiếu giá trị sau ${arg}.` };
      switch (arg) {
        case "-o":
        case "--output":
          opts.output = value;
          break;
        case "--sheet":
          opts.sheet = value;
          break;
        case "--rules":
          opts.rulesFile = value;
          break;
        case "--decision-number":
          opts.decision!.number = value;
          break;
        case "--decision-date":
          opts.decision!.date = value;
          break;
        case "--issuer":
          opts.decision!.issuer = value;
          break;
        case "--province":
          opts.decision!.province = value;
          break;
        case "--subject":
          opts.decision!.subject = value;
          break;
        case "--year":
          if (!/^\d{4}$/.test(value)) return { ok: false, message: `--year phải là một năm, ví dụ 2020 (đang là “${value}”).` };
          opts.decision!.year = Number(value);
          break;
        case "--annex-sheet":
          opts.decision!.sheetName = value;
          break;
        case "--previous":
          opts.previous = value;
          break;
        case "--chart":
          opts.chart = value;
          break;
      }
    } else if (arg === "--annex") opts.annex = true;
    else if (arg === "--annex-previous") opts.annexPrevious = true;
    else if (arg === "--force") opts.force = true;
    else if (arg === "--fix-encoding") opts.fixEncoding = true;
    else if (arg === "--explain") opts.explain = true;
    else if (arg === "--json") json = true;
    else if (arg.startsWith("-")) return { ok: false, message: `Tùy chọn không hợp lệ “${arg}”.` };
    else if (input === undefined) input = arg;
    else return { ok: false, message: `Thừa tham số “${arg}”.` };
  }
  if (!input) return { ok: false, message: "Thiếu tệp đầu vào IN.xlsx." };
  if (opts.annexPrevious && (!opts.previous || !opts.annex)) {
    const missing = [opts.previous ? "" : "--previous", opts.annex ? "" : "--annex"].filter(Boolean).join(", ");
    return { ok: false, message: renderCli(cliMessage("annexPreviousAlone", { missing }), "vi") };
  }
  return { ok: true, opts: { ...(opts as ScoreOptions), input }, json };
}

/** Pads to a display width (Vietnamese text in NFC is one column per character). */
const pad = (text: string, width: number, right = false) => {
  const t = text.length > width ? text.slice(0, width - 1) + "…" : text;
  return right ? t.padStart(width) : t.padEnd(width);
};

/** The ranking as text, by block; with last year's comparison, its rank and the change ("▲2", "mới") on the left. */
export function rankingTable(rows: Parameters<typeof rankedRows>[0], rules: Rules, changes?: (string | undefined)[]): string {
  const change = (i: number) => (changes ? `${pad(changes[i] ?? "", 6)}` : "");
  const lines = [`${pad("Hạng", 5, true)}  ${changes ? pad("±", 6) : ""}${pad("Cơ quan", 46)}  ${pad("Tổng điểm", 9, true)}  ${pad("Chỉ số", 7, true)}${hasClasses(rules) ? "  Phân loại" : ""}`];
  let block: string | null | undefined;
  rankedRows(rows, rules).forEach((r, i) => {
    if (rules.blocks.length > 0 && r.block !== block) {
      block = r.block;
      lines.push(`— ${rules.blocks.find((b) => b.id === r.block)?.name ?? "Chưa xác định khối"} —`);
    }
    const cls = hasClasses(rules) ? `  ${r.className ?? (r.index ? "" : "chưa tính được")}` : r.index ? "" : "  chưa tính được";
    lines.push(`${pad(r.rank === null ? "—" : String(r.rank), 5, true)}  ${change(i)}${pad(r.name, 46)}  ${pad(r.total ? formatVi(r.total) : "—", 9, true)}  ${pad(r.index ? indexText(rules, r.index) : "—", 7, true)}${cls}`);
  });
  return lines.join("\n");
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h") || argv.length === 0) {
    io.out(USAGE);
    return argv.length === 0 ? 2 : 0;
  }
  if (argv[0] === "forms" || argv[0] === "merge") return formsMain(argv, io);
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.err(`Lỗi: ${parsed.message} Xem: xep-hang-cntt --help`);
    return 2;
  }
  const onProgress = io.isTTY ? (step: string) => io.err(`… ${step}`) : undefined;
  const outcome = await scoreWorkbook({ ...parsed.opts, onProgress });
  if (!outcome.ok) {
    if (typeof outcome.message === "string") io.err(`Lỗi: ${outcome.message}`);
    else printBoth(io, "Lỗi", "Error", outcome.message);
    return 2;
  }
  const errors = outcome.findings.filter((f) => f.severity === "error");
  if (parsed.json) {
    io.out(JSON.stringify(outcome.json, null, 2));
  } else {
    io.out(`Trang tính “${outcome.sheet}”: ${outcome.result.summary.agencies} cơ quan.`);
    const changes = parsed.opts.previous ? outcome.json.rows.map((r) => r.rankChangeText) : undefined;
    io.out(rankingTable(outcome.rows, outcome.result.rules, changes));
    const sheets = [outcome.annexSheet ? `phụ lục ở trang “${outcome.annexSheet}”` : "", outcome.explainSheet ? `giải trình ở trang “${outcome.explainSheet}”` : ""].filter(Boolean);
    if (outcome.output === null) io.out(renderCli(cliMessage("notWritten", {}), "vi"));
    else io.out(`Đã ghi: ${outcome.output}${sheets.length ? ` (${sheets.join("; ")})` : ""}.`);
    if (parsed.opts.chart) io.out(`Biểu đồ: ${parsed.opts.chart}.`);
  }
  for (const f of outcome.findings) {
    io.err(`${f.severity === "error" ? "LỖI" : "Cảnh báo"} ${f.message}`);
    const line = ifCorrectedLine(outcome.result, f, outcome.values);
    if (line) io.err(`  → ${line}`);
  }
  for (const n of outcome.notices) io.err(`Lưu ý: ${n}`);
  return errors.length > 0 ? 1 : 0;
}

/** A catalogue message in Vietnamese, with its English twin on the next line. */
function printBoth(io: CliIO, vi: string, en: string, message: CliMessage): void {
  io.err(`${vi}: ${renderCli(message, "vi")}`);
  io.err(`${en}: ${renderCli(message, "en")}`);
}
