import { both } from "../base/catalogue";
import { CORE_MESSAGES } from "../base/messages";
import { BUILT_IN_NAME_HEADERS, Rules } from "../rules/rules";
import { resultHeaders, ResultKind } from "./columns";
import { headerKey, matchKey } from "../text/text";
import { isBlank } from "../base/numbers";

export type { ResultKind };

/** Header words recognised for the grid's own non-group columns (compared with headerKey); the result columns' are in columns.ts. */
export const COLUMN_ALIASES = {
  stt: ["STT", "TT", "Số TT", "Số thứ tự"],
  /** The built-in list; the rules may add more (nameHeaders, Rules.nameKeys). */
  name: BUILT_IN_NAME_HEADERS,
  notes: ["Ghi chú"],
  /** The column naming each agency's block (rules with blocks). */
  block: ["Khối", "Nhóm", "Khối/Nhóm", "Khối, nhóm", "Khối thi đua", "Nhóm cơ quan", "Nhóm đơn vị"],
};

/** Every header word of the non-group columns: the grid's own and the result columns'. */
export const HEADER_ALIASES: [string, readonly string[]][] = [...Object.entries(COLUMN_ALIASES), ...resultHeaders()];

type Role = keyof typeof COLUMN_ALIASES | ResultKind;
const ROLE_KEYS = new Map<Role, Set<string>>(HEADER_ALIASES.map(([role, words]) => [role as Role, new Set(words.map(headerKey))]));

const SUMMARY_ROW_KEYS = new Set(["tong cong", "tong", "cong", "trung binh", "trung binh chung", "binh quan"]);
const MARKER = /^\(?\s*[0-9]{1,2}\s*\)?$/;
const HEADER_SEARCH_ROWS = 40;

export interface GridLayout {
  /** Row (0-based in the values array) holding the group headers. */
  headerRow: number;
  /** First row of the header block: headerRow - 1 for a two-row header, else headerRow. */
  headerTop: number;
  nameCol: number;
  sttCol: number | null;
  notesCol: number | null;
  /** Column headed Khối / Nhóm, if any. */
  blockCol: number | null;
  /** Column of each rule group, in the order of rules.groups. */
  groupCols: number[];
  /** Existing result columns found in the header (absent: to be appended). */
  resultCols: Partial<Record<ResultKind, number>>;
  /** Rightmost column of the header block. */
  lastCol: number;
  /** Rows that are agencies, in sheet order. */
  dataRows: number[];
  /** Rows skipped inside the grid: blank, repeated header, column-number or summary rows. */
  skippedRows: { row: number; why: "blank" | "header" | "marker" | "summary" | "noName" | "noScores" }[];
  /** Row where a trailing "Ghi chú:" block begins, if any. */
  notesBlockRow: number | null;
  /** Last row of the grid (the last agency or skipped row before the notes block). */
  lastRow: number;
}

export type LocateResult =
  | { ok: true; layout: GridLayout }
  | {
      ok: false;
      reason: "empty" | "noGrid" | "noNameColumn";
      /** What is wrong and what to do, in Vietnamese. */
      message: string;
      /** The same in English (for the pane and the ribbon dialog in English). */
      messageEn: string;
      lookedFor: string[];
      seen: string[];
    };

const cellText = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");

function roleOf(key: string, rules: Rules): Role | null {
  if (key === "") return null;
  for (const [role, keys] of ROLE_KEYS) if (role === "name" ? rules.nameKeys.includes(key) : keys.has(key)) return role;
  return null;
}

/** Which rule group a header names, or -1. */
export function groupOfHeader(rules: Rules, text: unknown): number {
  return headerLookup(rules)(text);
}

const lookups = new WeakMap<Rules, (text: unknown) => number>();

/**
 * groupOfHeader for one rules object, with the groups' keys in a map (the first group holding a
 * key wins, as a search in order would). Only text can name a group, unless a key looks like a
 * number written out ("81 05", "1e 21", "nan"): then numbers are looked up too.
 */
function headerLookup(rules: Rules): (text: unknown) => number {
  let lookup = lookups.get(rules);
  if (lookup) return lookup;
  const owner = new Map<string, number>();
  rules.groups.forEach((g, i) => g.keys.forEach((k) => owner.has(k) || owner.set(k, i)));
  const numbersMayMatch = [...owner.keys()].some((k) => /^([0-9e ]+|infinity|nan)$/.test(k));
  lookup = (text: unknown): number => {
    if (typeof text !== "string" && !(numbersMayMatch && typeof text === "number")) return -1;
    const key = headerKey(cellText(text));
    return key === "" ? -1 : (owner.get(key) ?? -1);
  };
  lookups.set(rules, lookup);
  return lookup;
}

/**
 * Finds the score grid in a sheet's values: the header row anywhere in the first rows (matched by
 * group names and aliases), the name, notes and result columns, and the agency rows below it.
 */
export function locateGrid(values: readonly (readonly unknown[])[], rules: Rules, where: "pane" | "cli" = "pane"): LocateResult {
  const lookedFor = rules.groups.map((g) => g.name);
  const nonEmpty = values.some((row) => row.some((v) => !isBlank(v)));
  if (!nonEmpty) {
    return {
      ok: false,
      reason: "empty",
      ...both(CORE_MESSAGES, "gridEmpty", { where }),
      lookedFor,
      seen: [],
    };
  }

  // 1. The header row: the row naming the most groups.
  const limit = Math.min(values.length, HEADER_SEARCH_ROWS);
  const { row: best, count: bestCount } = findHeaderRow(values, rules, limit);
  if (best < 0 || bestCount < rules.groups.length) {
    const seenRow = best >= 0 ? best : firstTextRow(values, limit);
    const seen =
      seenRow >= 0
        ? values[seenRow]
            .map(cellText)
            .map((t) => t.replace(/\s+/g, " ").trim())
            .filter((t) => t !== "")
        : [];
    const missing = best >= 0 ? rules.groups.filter((_, i) => !values[best].some((v) => groupOfHeader(rules, v) === i)).map((g) => g.name) : lookedFor;
    return {
      ok: false,
      reason: "noGrid",
      ...both(CORE_MESSAGES, "gridNoHeader", { limit, lookedFor, seenRow: seenRow + 1, seen, missing }),
      lookedFor,
      seen,
    };
  }

  const header = values[best];
  const above = best > 0 ? values[best - 1] : [];
  const width = Math.max(header.length, above.length);
  const groupCols = groupColumns(header, rules);

  // 2. The other columns, in the header row or (vertically merged two-row headers) the row above.
  const { roles, twoRow: underBlank } = columnRoles(header, above, groupCols, rules);
  if (roles.name === undefined) {
    return {
      ok: false,
      reason: "noNameColumn",
      ...both(CORE_MESSAGES, "gridNoNameColumn", { row: best + 1 }),
      lookedFor: [...COLUMN_ALIASES.name],
      seen: header.map(cellText).filter((t) => t.trim() !== ""),
    };
  }
  // A title merged across the groups (“Điểm các nhóm tiêu chí”) also makes a two-row header.
  const twoRow = underBlank || (best > 0 && groupCols.some((c) => typeof above[c] === "string" && !isBlank(above[c])) && isHeaderish(above));

  let lastCol = 0;
  for (let c = 0; c < width; c++) if (!isBlank(header[c]) || (twoRow && !isBlank(above[c]))) lastCol = c;

  const nameCol = roles.name;
  const resultCols: Partial<Record<ResultKind, number>> = {};
  for (const [kind] of resultHeaders()) if (roles[kind as ResultKind] !== undefined) resultCols[kind as ResultKind] = roles[kind as ResultKind];

  // 3. The rows.
  const { dataRows, skippedRows, notesBlockRow, lastRow } = scanRows(values, best, nameCol, groupCols, roles, rules);

  return {
    ok: true,
    layout: {
      headerRow: best,
      headerTop: twoRow ? best - 1 : best,
      nameCol,
      sttCol: roles.stt ?? null,
      notesCol: roles.notes ?? null,
      blockCol: roles.block ?? null,
      groupCols,
      resultCols,
      lastCol,
      dataRows,
      skippedRows,
      notesBlockRow,
      lastRow,
    },
  };
}

/** The row, among the first `limit`, naming the most groups (-1 when none), and how many it names. */
function findHeaderRow(values: readonly (readonly unknown[])[], rules: Rules, limit: number): { row: number; count: number } {
  let best = -1;
  let bestCount = 0;
  for (let r = 0; r < limit; r++) {
    const found = new Set<number>();
    for (const v of values[r]) {
      const g = groupOfHeader(rules, v);
      if (g >= 0) found.add(g);
    }
    if (found.size > bestCount) {
      best = r;
      bestCount = found.size;
    }
  }
  return { row: best, count: bestCount };
}

/** Each group's column in the header row (the first that names it; -1 when none does). */
function groupColumns(header: readonly unknown[], rules: Rules): number[] {
  const groupCols = rules.groups.map(() => -1);
  for (let c = 0; c < header.length; c++) {
    const g = groupOfHeader(rules, header[c]);
    if (g >= 0 && groupCols[g] < 0) groupCols[g] = c;
  }
  return groupCols;
}

/**
 * The other columns' roles (name, STT, notes, block, results), from the header row or, under a blank
 * header cell, the row above; `twoRow` when a role was found there (a vertically merged header).
 */
function columnRoles(
  header: readonly unknown[],
  above: readonly unknown[],
  groupCols: readonly number[],
  rules: Rules,
): { roles: Partial<Record<Role, number>>; twoRow: boolean } {
  const roles: Partial<Record<Role, number>> = {};
  let twoRow = false;
  const width = Math.max(header.length, above.length);
  for (let c = 0; c < width; c++) {
    if (groupCols.includes(c)) continue;
    let role = roleOf(headerKey(cellText(header[c])), rules);
    if (!role && isBlank(header[c])) {
      role = roleOf(headerKey(cellText(above[c])), rules);
      if (role) twoRow = true;
    }
    if (role && roles[role] === undefined) roles[role] = c;
  }
  return { roles, twoRow };
}

/**
 * The rows under the header: agencies, and the rows set aside with why (blank, a repeated header, a
 * marker row, a total, no name, a heading), up to the notes under the table. This runs for every row
 * of the sheet, so each cell is looked at once and header keys are worked out only for text (see
 * headerLookup).
 */
function scanRows(
  values: readonly (readonly unknown[])[],
  headerRow: number,
  nameCol: number,
  groupCols: readonly number[],
  roles: Partial<Record<Role, number>>,
  rules: Rules,
): Pick<GridLayout, "dataRows" | "skippedRows" | "notesBlockRow" | "lastRow"> {
  const headerOf = headerLookup(rules);
  const dataRows: number[] = [];
  const skippedRows: GridLayout["skippedRows"] = [];
  let notesBlockRow: number | null = null;
  let lastRow = headerRow;
  const nGroups = groupCols.length;
  // Blank rows are listed only once a row of the table follows them: the blank rows after the table
  // (up to a stray value at the sheet's last row) cost nothing.
  let blankFrom = -1;
  const flushBlanks = (upTo: number) => {
    if (blankFrom >= 0) for (let b = blankFrom; b < upTo; b++) skippedRows.push({ row: b, why: "blank" });
    blankFrom = -1;
  };
  const skip = (row: number, why: GridLayout["skippedRows"][number]["why"]) => {
    flushBlanks(row);
    skippedRows.push({ row, why });
  };
  for (let r = headerRow + 1; r < values.length; r++) {
    const row = values[r];
    const name = row[nameCol];
    const nameText = cellText(name);
    const nameKey = matchKey(nameText);
    const nameBlank = isBlank(name);
    let groupsBlank = true;
    for (let g = 0; g < nGroups; g++) {
      if (!isBlank(row[groupCols[g]])) {
        groupsBlank = false;
        break;
      }
    }
    if (nameBlank || nameKey.startsWith("ghi chu")) {
      const first = row.find((v) => !isBlank(v));
      // The label may sit in a score column when the table's first column holds scores.
      if (first !== undefined && /^ghi chu\b/.test(matchKey(cellText(first))) && groupCols.every((c) => isBlank(row[c]) || row[c] === first)) {
        // The notes under the table, unless agencies with scores still follow (then it is a note inside
        // the table, and no agency below it is dropped).
        if (!agencyFollows(values, r + 1, nameCol, groupCols)) {
          notesBlockRow = r;
          break;
        }
        if (blankFrom < 0) blankFrom = r;
        continue;
      }
    }
    if (nameBlank && groupsBlank) {
      if (blankFrom < 0) blankFrom = r;
      continue;
    }
    // A repeated header (page 2 of a printed annex); for a two-row header, its upper row too.
    let headerCells = 0;
    for (let g = 0; g < nGroups; g++) if (headerOf(row[groupCols[g]]) >= 0) headerCells++;
    // headerKey differs from matchKey only for text ending in ")".
    const nameHeaderKey = /\)\s*$/u.test(nameText) ? headerKey(nameText) : nameKey;
    if (headerCells * 2 >= nGroups || roleOf(nameHeaderKey, rules) === "name") {
      skip(r, "header");
      lastRow = r;
      continue;
    }
    if (isMarkerRow(row, nameCol, groupCols)) {
      skip(r, "marker");
      lastRow = r;
      continue;
    }
    // "Tổng cộng" in the name column, or merged across STT and name (its text then in the STT cell).
    if (SUMMARY_ROW_KEYS.has(nameKey) || (nameBlank && SUMMARY_ROW_KEYS.has(matchKey(cellText(row.find((v) => typeof v === "string" && !isBlank(v))))))) {
      skip(r, "summary");
      lastRow = r;
      continue;
    }
    if (nameBlank) {
      skip(r, "noName");
      lastRow = r;
      continue;
    }
    // A row with no score in any group and no note, numbered like a section ("I", "A", none) or written
    // like one ("I. KHỐI SỞ, BAN, NGÀNH"): a heading, not an agency; reported as a warning. An agency
    // numbered 1, 2, 3… with every score missing stays an agency, with its errors.
    if (groupsBlank && notesBlank(row, roles.notes) && looksLikeHeading(nameText, roles.stt === undefined ? undefined : row[roles.stt])) {
      skip(r, "noScores");
      lastRow = r;
      continue;
    }
    flushBlanks(r);
    dataRows.push(r);
    lastRow = r;
  }
  return { dataRows, skippedRows, notesBlockRow, lastRow };
}

function firstTextRow(values: readonly (readonly unknown[])[], limit: number): number {
  let bestRow = -1;
  let bestCount = 0;
  for (let r = 0; r < limit; r++) {
    const n = values[r].filter((v) => typeof v === "string" && v.trim() !== "").length;
    if (n > bestCount) {
      bestCount = n;
      bestRow = r;
    }
  }
  return bestRow;
}

/**
 * A column-number row under the header: "(1) (2) (3) …" as text, or 1 2 3 … typed as numbers. The
 * name and group cells are all markers (or blank); numbers must also increase from left to right,
 * so that a real row of small whole scores is never taken for one.
 */
function isMarkerRow(row: readonly unknown[], nameCol: number, groupCols: readonly number[]): boolean {
  if (!MARKER.test(cellText(row[nameCol]).trim())) return false;
  const cols = [nameCol, ...groupCols].sort((a, b) => a - b);
  let previous = -Infinity;
  for (const c of cols) {
    const v = row[c];
    if (isBlank(v) || (typeof v === "string" && MARKER.test(v.trim()))) continue;
    if (typeof v !== "number" || !Number.isInteger(v) || v <= previous || v < 0 || v > 99) return false;
    previous = v;
  }
  return true;
}

function isHeaderish(row: readonly unknown[]): boolean {
  return row.every((v) => isBlank(v) || typeof v === "string");
}

function notesBlank(row: readonly unknown[], notesCol: number | undefined): boolean {
  return notesCol === undefined || isBlank(row[notesCol]);
}

const SECTION_NUMBER = /^(?:[IVXLC]+|[A-Z])\.?$/;

function looksLikeHeading(name: string, stt: unknown): boolean {
  if (typeof stt === "number") return false;
  const sttText = typeof stt === "string" ? stt.trim() : "";
  if (sttText !== "" && !SECTION_NUMBER.test(sttText)) return false;
  if (sttText !== "") return true;
  const letters = name.replace(/[^\p{L}]/gu, "");
  return /^(?:[IVXLC]+|[A-Z])[.)]\s/.test(name.trim()) || (letters.length > 1 && letters === letters.toLocaleUpperCase("vi"));
}

/** Whether a row below `from` has an agency's name and a number in a group column. */
function agencyFollows(values: readonly (readonly unknown[])[], from: number, nameCol: number, groupCols: readonly number[]): boolean {
  for (let r = from; r < values.length; r++) {
    const row = values[r];
    if (!isBlank(row[nameCol]) && groupCols.some((c) => typeof row[c] === "number")) return true;
  }
  return false;
}
