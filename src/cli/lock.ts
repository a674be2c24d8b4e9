/**
 * `lock`, `unlock`, `verify` and `log`: "Chốt kết quả" for machines without the add-in, and the check an
 * inspector runs on a workbook (and the code printed on its annex). Lock, unlock and verify are the core's
 * flows (src/core/flows/lock.ts), run here through the package port (src/xlsx/port.ts): OUT.xlsx is IN.xlsx
 * with the store, the annex's code line, the protection of the sheets locked (or unlocked) and the "Nhật ký"
 * sheet rewritten, every other part copied byte for byte.
 */
import { both, Both, catalogue, entry, Lang, pick } from "../core/base/catalogue";
import * as path from "path";
import { alreadyLocked, errorFindings, lockResults, unlockResults, verifyLock } from "../core/flows/lock";
import { Difference, LOCK_MESSAGES, lockTime, normaliseCode } from "../core/store/lock";
import { appendLog, LOG_SHEET, logEntry, logSheet } from "../core/store/log";
import { chooseAnnexSheet } from "../core/sheets/annex";
import { sheetValues } from "../core/sheets/sheet";
import type { CliIO } from "./io";
import { bothOf, cliBoth, fail, Unusable } from "./messages";
import { parseOptions } from "./options";
import { checkOutput } from "./output";
import { openInput, packageRefusal, pickGridSheet, rulesFrom, writePackage } from "./score";
import { PackageError } from "../xlsx/package";

const HOW = { vi: "xep-hang-cntt verify", en: "xep-hang-cntt verify" };

const cellName = (d: Difference, lang: Lang): string => {
  const names: Record<string, { vi: string; en: string }> = {
    rules: { vi: "quy tắc chấm điểm (dấu vân tay)", en: "scoring rules (fingerprint)" },
    "decision.number": { vi: "số quyết định", en: "decision number" },
    "decision.date": { vi: "ngày quyết định", en: "decision date" },
    lock: { vi: "bản ghi chốt (mã tính lại từ nội dung của nó)", en: "lock record (the code its content gives)" },
  };
  return names[d.cell]?.[lang] ?? d.cell;
};

export const LOCK_CLI_MESSAGES = catalogue("lock command line", {
  usage: entry({
    vi: (_p: object) => `  xep-hang-cntt lock IN.xlsx -o OUT.xlsx [--force] [--by TÊN] [--password MẬT-KHẨU] [--sheet TÊN] [--confirm-errors] [--lang vi|en]
  xep-hang-cntt unlock IN.xlsx -o OUT.xlsx --reason "LÝ DO" [--force] [--by TÊN] [--password MẬT-KHẨU] [--lang vi|en]
  xep-hang-cntt verify TỆP.xlsx [--code 7F3K-92QD] [--json] [--lang vi|en]   (mã thoát: 0 khớp, 1 khác, 2 chưa chốt hoặc không đọc được)
  xep-hang-cntt log TỆP.xlsx [-o RA.xlsx [--force] [--by TÊN]] [--json] [--lang vi|en]   (nhật ký ghi sổ tính; -o: thêm trang “Nhật ký” để in)`,
    en: () => `  xep-hang-cntt lock IN.xlsx -o OUT.xlsx [--force] [--by NAME] [--password PASSWORD] [--sheet NAME] [--confirm-errors] [--lang vi|en]
  xep-hang-cntt unlock IN.xlsx -o OUT.xlsx --reason "REASON" [--force] [--by NAME] [--password PASSWORD] [--lang vi|en]
  xep-hang-cntt verify FILE.xlsx [--code 7F3K-92QD] [--json] [--lang vi|en]   (exit code: 0 matches, 1 differs, 2 not locked or unreadable)
  xep-hang-cntt log FILE.xlsx [-o OUT.xlsx [--force] [--by NAME]] [--json] [--lang vi|en]   (the workbook's log; -o: adds the printable “Nhật ký” sheet)`,
    example: {},
  }),
  locked: entry({
    vi: (p: { sheet: string; code: string; output: string; annex: string | null; password: boolean }) =>
      `Đã chốt kết quả trang “${p.sheet}”: mã kiểm tra ${p.code}${p.annex ? ` (in ở cuối trang “${p.annex}”)` : ""}. Trang bảng điểm${p.annex ? " và phụ lục" : ""} được khóa${p.password ? " bằng mật khẩu" : " (không mật khẩu)"}. Đã ghi “${p.output}”. Kiểm tra: ${HOW.vi} ${p.output} --code ${p.code}`,
    en: (p) =>
      `Locked the results of the sheet “${p.sheet}”: verification code ${p.code}${p.annex ? ` (printed at the foot of “${p.annex}”)` : ""}. The score sheet${p.annex ? " and the annex are" : " is"} protected${p.password ? " with a password" : " (no password)"}. Wrote “${p.output}”. Check with: ${HOW.en} ${p.output} --code ${p.code}`,
    example: { sheet: "Bảng điểm", code: "7F3K-92QD", output: "chot.xlsx", annex: "Phụ lục", password: false },
  }),
  unlocked: entry({
    vi: (p: { code: string; output: string }) => `Đã mở chốt (mã ${p.code} không còn hiệu lực; lý do được ghi lại trong sổ tính). Đã ghi “${p.output}”.`,
    en: (p) => `Unlocked (the code ${p.code} no longer holds; the reason is recorded in the workbook). Wrote “${p.output}”.`,
    example: { code: "7F3K-92QD", output: "mo-chot.xlsx" },
  }),
  matches: entry({
    vi: (p: { code: string; at: string; by: string; codeChecked: boolean }) =>
      `Khớp: kết quả trong sổ tính đúng như lúc chốt (mã kiểm tra ${p.code}${p.codeChecked ? ", đúng mã đã cho" : ""}; chốt lúc ${lockTime(p.at)}${p.by ? ` bởi ${p.by}` : ""}).`,
    en: (p) =>
      `Matches: the workbook's results are as they were locked (verification code ${p.code}${p.codeChecked ? ", the code given" : ""}; locked at ${lockTime(p.at)}${p.by ? ` by ${p.by}` : ""}).`,
    example: { code: "7F3K-92QD", at: "2026-12-07T09:30:00.000Z", by: "Nguyễn Văn A", codeChecked: true },
  }),
  differs: entry({
    vi: (p: { code: string; count: number }) => `Không khớp: ${p.count} chỗ khác với lúc chốt (mã kiểm tra ${p.code}):`,
    en: (p) => `Does not match: ${p.count} difference${p.count === 1 ? "" : "s"} from the lock (verification code ${p.code}):`,
    example: { code: "7F3K-92QD", count: 2 },
  }),
  codeDiffers: entry({
    vi: (p: { given: string; code: string }) => `  mã đưa vào “${p.given}” khác mã của lần chốt “${p.code}”`,
    en: (p) => `  the code given “${p.given}” is not the lock's code “${p.code}”`,
    example: { given: "AAAA-BBBB", code: "7F3K-92QD" },
  }),
  noLog: entry({
    vi: (p: { file: string }) => `Sổ tính “${p.file}” chưa có nhật ký (chưa có lần ghi nào của add-in hay công cụ dòng lệnh được ghi lại).`,
    en: (p) => `The workbook “${p.file}” has no log yet (no write by the add-in or the command line has been recorded).`,
    example: { file: "danh-gia-2020.xlsx" },
  }),
  lockedWithErrors: entry({
    vi: (p: { count: number }) => `Lưu ý: đã chốt khi bảng điểm còn ${p.count} lỗi (--confirm-errors); việc xác nhận đã được ghi vào nhật ký.`,
    en: (p) => `Note: locked with ${p.count} error${p.count === 1 ? "" : "s"} still in the score table (--confirm-errors); the confirmation is logged.`,
    example: { count: 1 },
  }),
  difference: entry({
    vi: (p: { d: Difference }) => `  ${cellName(p.d, "vi")}: lúc chốt “${p.d.locked}”, nay “${p.d.now}”`,
    en: (p) => `  ${cellName(p.d, "en")}: locked “${p.d.locked}”, now “${p.d.now}”`,
    example: { d: { cell: "D7", locked: "90", now: "95" } },
  }),
  logWritten: entry({
    vi: (p: { sheet: string; output: string }) => `Đã ghi trang “${p.sheet}” (mới nhất ở trên) vào “${p.output}”.`,
    en: (p) => `Wrote the sheet “${p.sheet}” (newest first) to “${p.output}”.`,
    example: { sheet: "Nhật ký", output: "nhat-ky.xlsx" },
  }),
  unlockNoReason: entry({
    vi: (_p: object) => 'Thiếu lý do mở chốt: --reason "LÝ DO".',
    en: () => 'The reason for unlocking is missing: --reason "REASON".',
    example: {},
  }),
});

const OPTIONS = {
  output: { type: "string", short: "o" },
  sheet: { type: "string" },
  by: { type: "string" },
  password: { type: "string" },
  reason: { type: "string" },
  code: { type: "string" },
  lang: { type: "string" },
  json: { type: "boolean" },
  force: { type: "boolean" },
  "confirm-errors": { type: "boolean" },
} as const;

type Command = "lock" | "unlock" | "verify" | "log";
/** Which options each command takes. */
const TAKES: Record<Command, (keyof typeof OPTIONS)[]> = {
  lock: ["output", "sheet", "by", "password", "lang", "force", "confirm-errors"],
  unlock: ["output", "by", "password", "reason", "lang", "force"],
  verify: ["code", "json", "lang"],
  log: ["output", "force", "json", "lang", "by"],
};

const say = (lang: Lang, m: Both) => pick(m, lang);

/** `lock`, `unlock`, `verify`. Exit codes: lock/unlock 0 done, 2 refused (nothing written); verify 0 matches, 1 differs, 2 not locked or unreadable. */
export async function lockMain(argv: string[], io: CliIO, lang: Lang, now: () => Date = () => new Date()): Promise<number> {
  const command = argv[0] as Command;
  const refuse = (m: Both) => {
    io.err(say(lang, cliBoth("error", { text: say(lang, m) })));
    return 2;
  };
  // verify --json answers in JSON also when it cannot check (not locked, missing, unreadable): exit 2 with the reason.
  const json = command === "verify" && argv.includes("--json");
  const refuseVerify = (m: Both) => {
    if (json) io.out(JSON.stringify({ locked: false, matches: false, differences: [], error: say(lang, m) }, null, 2));
    return refuse(m);
  };
  const parsed = parseOptions(argv.slice(1), OPTIONS);
  if (!parsed.ok) return refuse(parsed.message);
  const v = parsed.values;
  for (const key of Object.keys(v) as (keyof typeof OPTIONS)[])
    if (!TAKES[command].includes(key)) return refuse(cliBoth("unknownOption", { option: `--${key}` }));
  const [input, extra] = parsed.positionals;
  if (extra !== undefined) return refuse(cliBoth("extraArgument", { arg: extra }));
  if (!input) return refuse(cliBoth("noInput", {}));
  if (command !== "verify" && command !== "log" && !v.output) return refuse(cliBoth("noOutput", {}));
  if (command === "unlock" && !v.reason?.trim()) return refuse(both(LOCK_CLI_MESSAGES, "unlockNoReason", {}));
  const by = v.by?.trim() ?? "";
  try {
    if (command !== "verify" && v.output) {
      const checked = checkOutput(input, v.output!, v.force === true);
      if (!checked.ok) fail(bothOf(checked.message));
    }
    const port = openInput(input);
    const stored = port.readStore();
    if (!stored.ok) fail(stored);
    const state = (stored as Extract<typeof stored, { ok: true }>).state;
    const names = port.sheets().map((s) => s.name);
    const force = v.force === true;

    if (command === "lock") {
      const already = alreadyLocked(state);
      if (already) fail(already);
      const { rules } = rulesFrom({ input }, state);
      const wanted = v.sheet ?? (state.lastRun?.sheet && names.includes(state.lastRun.sheet) ? state.lastRun.sheet : undefined);
      const { name: grid, result } = pickGridSheet(port, rules, wanted, state.annex?.sheetName, false);
      const at = now().toISOString();
      const confirmErrors = v["confirm-errors"] === true;
      const locked = lockResults(port, { sheet: grid, state, rules, scored: result, at, by, via: "cli", password: v.password, confirmErrors });
      if (!locked.ok) fail(locked.message);
      const { lock, annex } = locked as Extract<typeof locked, { ok: true }>;
      await writePackage(port, input, v.output!, force);
      io.out(say(lang, both(LOCK_CLI_MESSAGES, "locked", { sheet: grid, code: lock.code, output: v.output!, annex, password: Boolean(v.password) })));
      const confirmed = errorFindings(result.findings).length;
      if (confirmed > 0) io.err(say(lang, both(LOCK_CLI_MESSAGES, "lockedWithErrors", { count: confirmed })));
      return 0;
    }

    if (command === "unlock") {
      const unlocked = unlockResults(port, { state, reason: v.reason!, at: now().toISOString(), by, via: "cli", password: v.password });
      if (!unlocked.ok) fail(unlocked.message);
      const { lock } = unlocked as Extract<typeof unlocked, { ok: true }>;
      await writePackage(port, input, v.output!, force);
      io.out(say(lang, both(LOCK_CLI_MESSAGES, "unlocked", { code: lock.code, output: v.output! })));
      return 0;
    }

    if (command === "log") {
      const log = state.log ?? { entries: [] };
      if (v.json) io.out(JSON.stringify(log, null, 2));
      else if (log.entries.length === 0 && !log.summary) io.out(say(lang, both(LOCK_CLI_MESSAGES, "noLog", { file: path.basename(input) })));
      else {
        const sheet = logSheet(log, lockTime);
        for (const row of sheetValues(sheet).slice(1)) io.out(row.filter((t) => t !== "").join(" | "));
      }
      if (v.output) {
        // The sheet replaces its own in place (never a user's sheet of that name); writing it is an entry of its own,
        // its newest line (as "Xem nhật ký" in the add-in).
        const where = chooseAnnexSheet(LOG_SHEET, names, state.logSheet);
        const logged = appendLog(log, logEntry({ at: now().toISOString(), action: "logSheet", by, via: "cli", sheet: where.name }));
        port.putSheet(logSheet(logged, lockTime, where.name));
        port.writeStore({ ...state, logSheet: where.name, log: logged });
        await writePackage(port, input, v.output, force);
        io.out(say(lang, both(LOCK_CLI_MESSAGES, "logWritten", { sheet: where.name, output: v.output })));
      }
      return 0;
    }

    // verify
    const lock = state.lock;
    if (!lock) return refuseVerify(both(LOCK_MESSAGES, "notLockedFile", { file: path.basename(input) }));
    let given: string | null = null;
    if (v.code !== undefined) {
      given = normaliseCode(v.code);
      if (given === null) fail(both(LOCK_MESSAGES, "badCode", { code: v.code }));
    }
    const differences = verifyLock(port, state, lock);
    // The code given against the lock's: "locked" is the lock's code, "now" the one given.
    if (given !== null && given !== lock.code) differences.unshift({ cell: "code", locked: lock.code, now: given });
    const matches = differences.length === 0;
    if (v.json) io.out(JSON.stringify({ locked: true, code: lock.code, matches, differences }, null, 2));
    else if (matches) io.out(say(lang, both(LOCK_CLI_MESSAGES, "matches", { code: lock.code, at: lock.at, by: lock.by, codeChecked: given !== null })));
    else {
      io.out(say(lang, both(LOCK_CLI_MESSAGES, "differs", { code: lock.code, count: differences.length })));
      for (const d of differences)
        io.out(
          say(
            lang,
            d.cell === "code" ? both(LOCK_CLI_MESSAGES, "codeDiffers", { given: d.now, code: d.locked }) : both(LOCK_CLI_MESSAGES, "difference", { d }),
          ),
        );
    }
    return matches ? 0 : 1;
  } catch (e) {
    const stop = command === "verify" ? refuseVerify : refuse;
    if (e instanceof Unusable) return stop(e.detail);
    // Parts are inflated when first read: a bomb in a sheet read stops here, naming the file and the part.
    if (e instanceof PackageError) return stop(packageRefusal(input, e));
    throw e;
  }
}
