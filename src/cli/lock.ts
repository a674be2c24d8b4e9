/**
 * `lock`, `unlock` and `verify`: "Chốt kết quả" for machines without the add-in, and the check an
 * inspector runs on a workbook (and the code printed on its annex). The lock itself is core (lock.ts);
 * this file reads and writes the workbook with ExcelJS.
 */
import * as ExcelJS from "exceljs";
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
import { renderSheetExcelJS } from "../xlsx/render";
import { SHEET_ORIGIN } from "../core/base/address";
import { validateRules, PRESET_THAI_BINH_2020 } from "../core/rules/rules";
import { scoreSheet } from "../core/grid/scoring";
import { StoreState } from "../core/store/store";
import type { CliIO } from "./io";
import { bothOf, cliBoth } from "./messages";
import { parseOptions } from "./options";
import { checkOutput, writeAtomically } from "./output";
import { fail, loadWorkbook, pickSheet, rulesFrom, Unusable } from "./score";
import { readSheet, readStore, writeStore } from "./workbook";
// ExcelJS's own password hashing (the one its protect() uses), to check an unlock's password.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Encryptor = require("exceljs/lib/utils/encryptor") as { convertPasswordToHash: (p: string, alg: string, salt: string, spin: number) => string };

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

/** The sheets a lock protects: the locked sheet and the annex the add-in made from it. */
function lockedSheets(wb: ExcelJS.Workbook, state: StoreState, sheet: string): ExcelJS.Worksheet[] {
  const names = [sheet, ...(state.annex?.sheetName ? [state.annex.sheetName] : [])];
  return names.map((n) => wb.getWorksheet(n)).filter((w): w is ExcelJS.Worksheet => w !== undefined);
}

/** The annex's code line: replaced where it is, else two rows under the annex's last row. */
function writeAnnexCode(ws: ExcelJS.Worksheet, code: string | null): void {
  let at: number | null = null;
  ws.eachRow((row, r) => {
    if (isAnnexCodeLine(row.getCell(1).value)) at = r;
  });
  if (code === null) {
    if (at !== null) ws.getCell(at, 1).value = null;
    return;
  }
  const row = at ?? ws.rowCount + 2;
  const cell = ws.getCell(row, 1);
  cell.value = annexCodeLine(code);
  cell.font = { name: "Times New Roman", size: 12, italic: true };
  cell.alignment = { horizontal: "left", vertical: "middle", wrapText: false };
}

function passwordMatches(ws: ExcelJS.Worksheet, password: string | undefined): boolean {
  const p = (ws as unknown as { sheetProtection?: { hashValue?: string; saltValue?: string; spinCount?: number; algorithmName?: string } | null })
    .sheetProtection;
  if (!p?.hashValue) return true;
  if (password === undefined || !p.saltValue) return false;
  const alg = (p.algorithmName ?? "SHA-512").replace("-", "");
  return Encryptor.convertPasswordToHash(password, alg, p.saltValue, p.spinCount ?? 100000) === p.hashValue;
}

async function save(wb: ExcelJS.Workbook, input: string, output: string, force: boolean): Promise<void> {
  const checked = checkOutput(input, output, force);
  if (!checked.ok) fail(bothOf(checked.message));
  const written = await writeAtomically(output, (tmp) => wb.xlsx.writeFile(tmp));
  if (!written.ok) fail(bothOf(written.message));
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
    const wb = await loadWorkbook(input);
    const stored = readStore(wb);
    if (!stored.ok) fail(stored);
    const state = (stored as Extract<typeof stored, { ok: true }>).state;

    if (command === "lock") {
      if (state.lock) fail(both(LOCK_MESSAGES, "alreadyLocked", { code: state.lock.code, at: state.lock.at }));
      const { rules, json } = rulesFrom({ input }, state);
      const wanted = v.sheet ?? (state.lastRun?.sheet && wb.getWorksheet(state.lastRun.sheet) ? state.lastRun.sheet : undefined);
      const { ws, data, result } = pickSheet(wb, rules, wanted, state.annex?.sheetName);
      const snap = resultsSnapshot(data.values, result, ws.name, json, state.decision);
      if (!snap.ok)
        fail(
          snap.code === "notScored"
            ? both(LOCK_MESSAGES, "notScored", { sheet: ws.name })
            : both(LOCK_MESSAGES, "staleResults", { sheet: ws.name, cells: snap.cells }),
        );
      const sheets = lockedSheets(wb, state, ws.name);
      const lock = { ...makeLock((snap as Extract<typeof snap, { ok: true }>).snapshot, now().toISOString(), by), protectedSheets: sheets.map((s) => s.name) };
      const annex = state.annex?.sheetName ? wb.getWorksheet(state.annex.sheetName) : undefined;
      if (annex) writeAnnexCode(annex, lock.code);
      for (const sheet of sheets) {
        sheet.unprotect();
        await sheet.protect(v.password ?? "", { selectLockedCells: true, selectUnlockedCells: true });
      }
      const logged = logEntry({ at: lock.at, action: "lock", by, via: "cli", sheet: ws.name, note: lock.code });
      writeStore(wb, { ...state, rules: json, lock, undo: undefined, log: appendLog(state.log, logged) });
      await save(wb, input, v.output!, v.force === true);
      io.out(
        say(
          lang,
          both(LOCK_CLI_MESSAGES, "locked", {
            sheet: ws.name,
            code: lock.code,
            output: v.output!,
            annex: annex?.name ?? null,
            password: v.password !== undefined,
          }),
        ),
      );
      return 0;
    }

    if (command === "unlock") {
      const lock = state.lock;
      if (!lock) fail(both(LOCK_MESSAGES, "notLocked", {}));
      const sheets = lock!.protectedSheets
        ? lock!.protectedSheets.map((n) => wb.getWorksheet(n)).filter((w): w is ExcelJS.Worksheet => w !== undefined)
        : lockedSheets(wb, state, lock!.sheet);
      const wrong = sheets.find((s) => !passwordMatches(s, v.password));
      if (wrong) fail(both(LOCK_CLI_MESSAGES, "wrongPassword", { sheet: wrong.name }));
      for (const sheet of sheets) sheet.unprotect();
      const annex = state.annex?.sheetName ? wb.getWorksheet(state.annex.sheetName) : undefined;
      if (annex) writeAnnexCode(annex, null);
      const record = { code: lock!.code, lockedAt: lock!.at, lockedBy: lock!.by, at: now().toISOString(), by, reason: v.reason!.trim() };
      const logged = logEntry({ at: record.at, action: "unlock", by, via: "cli", sheet: lock!.sheet, note: `${lock!.code}: ${record.reason}` });
      writeStore(wb, { ...state, lock: undefined, unlocks: [...(state.unlocks ?? []), record], undo: undefined, log: appendLog(state.log, logged) });
      await save(wb, input, v.output!, v.force === true);
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
        const where = chooseAnnexSheet(
          LOG_SHEET,
          wb.worksheets.map((w) => w.name),
          state.logSheet,
        );
        if (where.replaces) wb.removeWorksheet(wb.getWorksheet(where.name)!.id);
        // Writing the sheet is an entry of its own, its newest line (as "Xem nhật ký" in the add-in).
        const logged = appendLog(log, logEntry({ at: now().toISOString(), action: "logSheet", by, via: "cli", sheet: where.name }));
        renderSheetExcelJS(wb.addWorksheet(where.name), logSheet(logged, lockTime, where.name));
        writeStore(wb, { ...state, logSheet: where.name, log: logged });
        await save(wb, input, v.output, v.force === true);
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
    const differences = verifyLock(wb, state, lock);
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
    throw e;
  }
}

/** The workbook as it is now against its lock: the locked sheet read again and scored with the stored rules. */
export function verifyLock(wb: ExcelJS.Workbook, state: StoreState, lock: LockRecord): Difference[] {
  const ws = wb.getWorksheet(lock.sheet);
  const values = ws ? readSheet(ws).values : null;
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
