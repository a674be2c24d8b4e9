/**
 * `lock`, `unlock`, `verify` and `log`: "Chốt kết quả" for machines without the add-in, and the check an
 * inspector runs on a workbook (and the code printed on its annex). The lock itself is core (lock.ts);
 * this file reads and writes the workbook through the package port (src/xlsx/port.ts): OUT.xlsx is
 * IN.xlsx with the store, the annex's code line, the protection of the sheets locked (or unlocked) and
 * the "Nhật ký" sheet rewritten, every other part copied byte for byte.
 */
import * as crypto from "crypto";
import { both, Both, catalogue, entry, Lang, pick } from "../core/base/catalogue";
import { fingerprint } from "../core/base/hash";
import {
  annexCodeLine,
  compareWithLock,
  Difference,
  isAnnexCodeLine,
  LOCK_MESSAGES,
  LockRecord,
  lockTime,
  makeLock,
  normaliseCode,
  resultsSnapshot,
  snapshotCells,
} from "../core/store/lock";
import { parseCell } from "../core/base/address";
import { appendLog, LOG_SHEET, logEntry, logSheet } from "../core/store/log";
import { chooseAnnexSheet } from "../core/sheets/annex";
import { sheetValues } from "../core/sheets/sheet";
import { SHEET_ORIGIN } from "../core/base/address";
import { validateRules, PRESET_THAI_BINH_2020 } from "../core/rules/rules";
import { scoreSheet } from "../core/grid/scoring";
import { StoreState } from "../core/store/store";
import type { CliIO } from "./io";
import { bothOf, cliBoth, fail, Unusable } from "./messages";
import { parseOptions } from "./options";
import { checkOutput } from "./output";
import { openInput, packageRefusal, pickGridSheet, rulesFrom, writePackage } from "./score";
import { SheetProtection } from "../xlsx/edit";
import { PackageError } from "../xlsx/package";
import { XlsxPort } from "../xlsx/port";
import { NewStyle } from "../xlsx/styles";

const HOW = { vi: "xep-hang-cntt verify", en: "xep-hang-cntt verify" };

const cellName = (d: Difference, lang: Lang): string => {
  const names: Record<string, { vi: string; en: string }> = {
    rules: { vi: "quy tắc chấm điểm (dấu vân tay)", en: "scoring rules (fingerprint)" },
    "decision.number": { vi: "số quyết định", en: "decision number" },
    "decision.date": { vi: "ngày quyết định", en: "decision date" },
    lock: { vi: "bản ghi chốt (mã tính lại từ nội dung của nó)", en: "lock record (the code its content gives)" },
    code: { vi: "mã in trên phụ lục", en: "code printed on the annex" },
  };
  return names[d.cell]?.[lang] ?? d.cell;
};

export const LOCK_CLI_MESSAGES = catalogue("lock command line", {
  usage: entry({
    vi: (_p: object) => `  xep-hang-cntt lock IN.xlsx -o OUT.xlsx [--force] [--by TÊN] [--password MẬT-KHẨU] [--sheet TÊN] [--lang vi|en]
  xep-hang-cntt unlock IN.xlsx -o OUT.xlsx --reason "LÝ DO" [--force] [--by TÊN] [--password MẬT-KHẨU] [--lang vi|en]
  xep-hang-cntt verify TỆP.xlsx [--code 7F3K-92QD] [--json] [--lang vi|en]   (mã thoát: 0 khớp, 1 khác, 2 chưa chốt hoặc không đọc được)
  xep-hang-cntt log TỆP.xlsx [-o RA.xlsx [--force] [--by TÊN]] [--json] [--lang vi|en]   (nhật ký ghi sổ tính; -o: thêm trang “Nhật ký” để in)`,
    en: () => `  xep-hang-cntt lock IN.xlsx -o OUT.xlsx [--force] [--by NAME] [--password PASSWORD] [--sheet NAME] [--lang vi|en]
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
  wrongPassword: entry({
    vi: (p: { sheet: string }) => `Mật khẩu không đúng (trang “${p.sheet}” được khóa bằng mật khẩu khác, hoặc cần --password). Chưa ghi gì.`,
    en: (p) => `Wrong password (the sheet “${p.sheet}” is protected with another password, or --password is needed). Nothing was written.`,
    example: { sheet: "Bảng điểm" },
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
} as const;

type Command = "lock" | "unlock" | "verify" | "log";
/** Which options each command takes. */
const TAKES: Record<Command, (keyof typeof OPTIONS)[]> = {
  lock: ["output", "sheet", "by", "password", "lang", "force"],
  unlock: ["output", "by", "password", "reason", "lang", "force"],
  verify: ["code", "json", "lang"],
  log: ["output", "force", "json", "lang", "by"],
};

const say = (lang: Lang, m: Both) => pick(m, lang);

/** The sheets a lock protects: the locked grid and the annex the add-in made, when they exist (as the add-in's lock). */
const lockedSheetNames = (state: StoreState, grid: string, names: readonly string[]): string[] =>
  [grid, ...(state.annex?.sheetName ? [state.annex.sheetName] : [])].filter((n, i, all) => names.includes(n) && all.indexOf(n) === i);

/** The code line's look, as the add-in writes it. */
const CODE_LOOK: NewStyle = { font: { name: "Times New Roman", size: 12, italic: true }, hAlign: "left", vAlign: "center", wrap: false, numFmt: "@" };

/** The annex's code line: replaced where it is, else two rows under the annex's last row; null empties it. */
function writeAnnexCode(port: XlsxPort, annex: string, code: string | null): void {
  const values = port.readSheet(annex).values;
  const at = values.findIndex((row) => isAnnexCodeLine(row[0]));
  if (code === null) {
    if (at >= 0) port.writeValues(annex, [{ row: at, col: 0, value: "" }]);
    return;
  }
  port.writeText(annex, at >= 0 ? at : values.length + 1, 0, annexCodeLine(code), CODE_LOOK);
}

/** Excel's hash of a sheet's password: the salt and the UTF-16 password hashed, then hashed again with each round's number, `spinCount` times. */
function passwordHash(password: string, algorithm: string, salt: string, spinCount: number): string | null {
  const alg = algorithm.replace("-", "").toLowerCase();
  if (!crypto.getHashes().includes(alg)) return null;
  let key = crypto.createHash(alg).update(Buffer.from(salt, "base64")).update(Buffer.from(password, "utf16le")).digest();
  const round = Buffer.alloc(4);
  for (let i = 0; i < spinCount; i++) {
    round.writeUInt32LE(i, 0);
    key = crypto.createHash(alg).update(key).update(round).digest();
  }
  return key.toString("base64");
}

/** The protection `lock` puts: with a password, Excel's SHA-512 hash of it (a new salt, 100 000 rounds). */
function protectionWith(password: string | undefined): SheetProtection {
  if (!password) return {};
  const saltValue = crypto.randomBytes(16).toString("base64");
  return { password: { algorithmName: "SHA-512", saltValue, spinCount: 100000, hashValue: passwordHash(password, "SHA-512", saltValue, 100000)! } };
}

/** Whether a password opens a sheet's protection as `lock` put it (its `<sheetProtection>` attributes; no hash: no password needed). */
function passwordMatches(p: Record<string, string> | null | undefined, password: string | undefined): boolean {
  if (p?.hashValue) {
    if (password === undefined || !p.saltValue) return false;
    return passwordHash(password, p.algorithmName ?? "SHA-512", p.saltValue, Number(p.spinCount ?? 100000)) === p.hashValue;
  }
  return true;
}

/** `lock`, `unlock`, `verify`. Exit codes: lock/unlock 0 done, 2 refused (nothing written); verify 0 matches, 1 differs, 2 not locked or unreadable. */
export async function lockMain(argv: string[], io: CliIO, lang: Lang, now: () => Date = () => new Date()): Promise<number> {
  const command = argv[0] as Command;
  const refuse = (m: Both) => {
    io.err(say(lang, cliBoth("error", { text: say(lang, m) })));
    return 2;
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
    const annex = state.annex?.sheetName && names.includes(state.annex.sheetName) ? state.annex.sheetName : null;
    const force = v.force === true;

    if (command === "lock") {
      if (state.lock) fail(both(LOCK_MESSAGES, "alreadyLocked", { code: state.lock.code, at: state.lock.at }));
      const { rules, json } = rulesFrom({ input }, state);
      const wanted = v.sheet ?? (state.lastRun?.sheet && names.includes(state.lastRun.sheet) ? state.lastRun.sheet : undefined);
      const { name: grid, data, result } = pickGridSheet(port, rules, wanted, state.annex?.sheetName, false);
      const snap = resultsSnapshot(data.values, result, grid, json, state.decision);
      if (!snap.ok)
        fail(
          snap.code === "notScored"
            ? both(LOCK_MESSAGES, "notScored", { sheet: grid })
            : both(LOCK_MESSAGES, "staleResults", { sheet: grid, cells: snap.cells }),
        );
      // The sheets the user protected already keep their own protection (and unlocking leaves it), as in the add-in.
      const sheets = lockedSheetNames(state, grid, names).filter((n) => !port.readSheet(n).protection);
      const lock = { ...makeLock((snap as Extract<typeof snap, { ok: true }>).snapshot, now().toISOString(), by), protectedSheets: sheets };
      if (annex) writeAnnexCode(port, annex, lock.code);
      const protection = protectionWith(v.password);
      for (const sheet of sheets) port.protectSheet(sheet, protection);
      const logged = logEntry({ at: lock.at, action: "lock", by, via: "cli", sheet: grid, note: lock.code });
      port.writeStore({ ...state, rules: json, lock, undo: undefined, log: appendLog(state.log, logged) });
      await writePackage(port, input, v.output!, force);
      io.out(say(lang, both(LOCK_CLI_MESSAGES, "locked", { sheet: grid, code: lock.code, output: v.output!, annex, password: Boolean(v.password) })));
      return 0;
    }

    if (command === "unlock") {
      const lock = state.lock;
      if (!lock) fail(both(LOCK_MESSAGES, "notLocked", {}));
      // Only the sheets the lock protected, and only if they still are.
      const sheets = (lock!.protectedSheets ?? lockedSheetNames(state, lock!.sheet, names)).filter((n) => names.includes(n) && port.readSheet(n).protection);
      const wrong = sheets.find((s) => !passwordMatches(port.readSheet(s).protection, v.password));
      if (wrong) fail(both(LOCK_CLI_MESSAGES, "wrongPassword", { sheet: wrong }));
      for (const sheet of sheets) port.protectSheet(sheet, null);
      if (annex) writeAnnexCode(port, annex, null);
      const record = { code: lock!.code, lockedAt: lock!.at, lockedBy: lock!.by, at: now().toISOString(), by, reason: v.reason!.trim() };
      const logged = logEntry({ at: record.at, action: "unlock", by, via: "cli", sheet: lock!.sheet, note: `${lock!.code}: ${record.reason}` });
      port.writeStore({ ...state, lock: undefined, unlocks: [...(state.unlocks ?? []), record], undo: undefined, log: appendLog(state.log, logged) });
      await writePackage(port, input, v.output!, force);
      io.out(say(lang, both(LOCK_CLI_MESSAGES, "unlocked", { code: lock!.code, output: v.output! })));
      return 0;
    }

    if (command === "log") {
      const log = state.log ?? { entries: [] };
      if (v.json) io.out(JSON.stringify(log, null, 2));
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
    if (!lock) {
      if (v.json) io.out(JSON.stringify({ locked: false, matches: false, differences: [] }, null, 2));
      return refuse(both(LOCK_MESSAGES, "notLocked", {}));
    }
    let given: string | null = null;
    if (v.code !== undefined) {
      given = normaliseCode(v.code);
      if (given === null) fail(both(LOCK_MESSAGES, "badCode", { code: v.code }));
    }
    const differences = verifyLock(port, state, lock);
    if (given !== null && given !== lock.code) differences.unshift({ cell: "code", locked: given, now: lock.code });
    const matches = differences.length === 0;
    if (v.json) io.out(JSON.stringify({ locked: true, code: lock.code, matches, differences }, null, 2));
    else if (matches) io.out(say(lang, both(LOCK_CLI_MESSAGES, "matches", { code: lock.code, at: lock.at, by: lock.by, codeChecked: given !== null })));
    else {
      io.out(say(lang, both(LOCK_CLI_MESSAGES, "differs", { code: lock.code, count: differences.length })));
      for (const d of differences) io.out(say(lang, both(LOCK_CLI_MESSAGES, "difference", { d })));
    }
    return matches ? 0 : 1;
  } catch (e) {
    if (e instanceof Unusable) return refuse(e.detail);
    // Parts are inflated when first read: a bomb in a sheet read stops here, naming the file and the part.
    if (e instanceof PackageError) return refuse(packageRefusal(input, e));
    throw e;
  }
}

/** The workbook as it is now against its lock: the locked sheet read again and scored with the stored rules. */
export function verifyLock(port: XlsxPort, state: StoreState, lock: LockRecord): Difference[] {
  const values = port.sheets().some((s) => s.name === lock.sheet) ? port.readSheet(lock.sheet).values : null;
  const checked = validateRules(state.rules ?? PRESET_THAI_BINH_2020);
  let nowCells: [string, string][] = [];
  if (values && checked.ok) {
    const result = scoreSheet(values, checked.rules, SHEET_ORIGIN, "cli");
    if (result.ok) nowCells = snapshotCells(values, result);
  }
  const rulesPrint = checked.ok ? fingerprint(checked.rules.json) : fingerprint(state.rules ?? null);
  return compareWithLock(lock, values, nowCells, rulesPrint, state.decision, (address) => {
    const { row, col } = parseCell(address);
    return values?.[row]?.[col];
  });
}
