/**
 * The lineage as people keep it: a "Sáp nhập" sheet (Cơ quan hiện nay | Tiền thân, one predecessor
 * per row, or several separated by ";"), read into the rules' lineage and written back from it; and
 * the built-in list of the 2025 department mergers, offered (never applied without the user's say).
 */
import { both, Both, catalogue, entry, joinBoth, Lang } from "../base/catalogue";
import { cellAddress, Origin, SHEET_ORIGIN } from "../base/address";
import { list } from "../findings/explain-messages";
import type { LineageRule } from "./rules";
import { cleanText, matchKey } from "../text/text";

export type { Lang };

/** An entry of a lineage, as the rules' model or their JSON holds it. */
type Lineage = { readonly name: string; readonly from: readonly string[] };

/** The sheet's name and its two headers. */
export const LINEAGE_SHEET = "Sáp nhập";
export const LINEAGE_HEADERS = { name: "Cơ quan hiện nay", from: "Tiền thân" } as const;
const NAME_HEADERS = [LINEAGE_HEADERS.name, "Cơ quan sau sáp nhập", "Cơ quan kế tục", "Tên mới", "Cơ quan"];
const FROM_HEADERS = [LINEAGE_HEADERS.from, "Cơ quan trước sáp nhập", "Cơ quan tiền thân", "Tên cũ", "Các cơ quan được sáp nhập"];

/**
 * The provincial departments merged from 1 March 2025 (Nghị định 45/2025/NĐ-CP on the specialised
 * agencies of provincial People's Committees, after Nghị quyết 18-NQ/TW): each merged department
 * with the departments it continues. A province's own names may differ; the list is offered, and
 * only its entries whose names are in both years' tables are proposed.
 */
export const LINEAGE_2025: readonly LineageRule[] = [
  { name: "Sở Tài chính", from: ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"] },
  { name: "Sở Xây dựng", from: ["Sở Xây dựng", "Sở Giao thông vận tải"] },
  { name: "Sở Nông nghiệp và Môi trường", from: ["Sở Nông nghiệp và Phát triển nông thôn", "Sở Tài nguyên và Môi trường"] },
  { name: "Sở Khoa học và Công nghệ", from: ["Sở Khoa học và Công nghệ", "Sở Thông tin và Truyền thông"] },
  { name: "Sở Nội vụ", from: ["Sở Nội vụ", "Sở Lao động - Thương binh và Xã hội"] },
  { name: "Sở Dân tộc và Tôn giáo", from: ["Ban Dân tộc"] },
];

/** Why the "Sáp nhập" sheet cannot be read, as a code with parameters. */
export type LineageSheetProblem =
  { code: "lineageNoHeaders" } | { code: "lineageNoSuccessor"; cell: string; name: string } | { code: "lineageNoPredecessor"; cell: string; name: string };

export const LINEAGE_MESSAGES = catalogue("lineage", {
  lineageNoHeaders: entry({
    vi: (_p: object) =>
      `Trang “${LINEAGE_SHEET}” không có dòng tiêu đề “${LINEAGE_HEADERS.name}” và “${LINEAGE_HEADERS.from}” trong 10 dòng đầu. Hãy ghi hai tiêu đề ấy vào ô A1 và B1 (rồi mỗi dòng một cơ quan tiền thân), hoặc đổi tên trang nếu nó không phải danh sách sáp nhập.`,
    en: () =>
      `The “${LINEAGE_SHEET}” sheet has no header row “${LINEAGE_HEADERS.name}” and “${LINEAGE_HEADERS.from}” (agency now, predecessor) in its first 10 rows. Type those two headers in cells A1 and B1 (then one predecessor per row), or rename the sheet if it is not a lineage list.`,
    example: {},
  }),
  lineageNoSuccessor: entry({
    vi: ({ cell, name }: { cell: string; name: string }) =>
      `Ô ${cell} của trang “${LINEAGE_SHEET}”: tiền thân “${name}” chưa có cơ quan hiện nay ở cột “${LINEAGE_HEADERS.name}”. Hãy ghi cơ quan tiếp nối nó, hoặc xóa dòng nếu cơ quan đã không còn.`,
    en: ({ cell, name }) =>
      `Cell ${cell} of the “${LINEAGE_SHEET}” sheet: the predecessor “${name}” has no agency in the “${LINEAGE_HEADERS.name}” column. Type the agency that continues it, or delete the row if the agency is gone.`,
    example: { cell: "A3", name: "Sở Kế hoạch và Đầu tư" },
  }),
  lineageNoPredecessor: entry({
    vi: ({ cell, name }: { cell: string; name: string }) =>
      `Ô ${cell} của trang “${LINEAGE_SHEET}”: cơ quan “${name}” chưa có tiền thân ở cột “${LINEAGE_HEADERS.from}”. Hãy ghi tên cơ quan năm trước mà nó tiếp nối, hoặc xóa dòng.`,
    en: ({ cell, name }) =>
      `Cell ${cell} of the “${LINEAGE_SHEET}” sheet: the agency “${name}” has no predecessor in the “${LINEAGE_HEADERS.from}” column. Type last year's agency it continues, or delete the row.`,
    example: { cell: "B4", name: "Sở Tài chính" },
  }),
  /** Entries of the 2025 list that fit this year's and last year's tables and are not declared yet. */
  lineage2025Offered: entry({
    vi: ({ entries, where }: { entries: string[]; where: "cli" | "pane" }) =>
      `Danh sách sáp nhập sở năm 2025 có ${entries.length} mục khớp với bảng năm nay và năm trước nhưng chưa được khai báo: ${list("vi", entries)}. Chưa áp dụng: ${where === "cli" ? "thêm --lineage-2025 để dùng (với -o, trang “Sáp nhập” được ghi vào tệp kết quả)" : "bấm “Dùng danh sách sáp nhập 2025” để ghi vào trang “Sáp nhập”"}, rồi tính lại.`,
    en: ({ entries, where }) =>
      `The 2025 list of department mergers has ${entries.length} entr${entries.length === 1 ? "y" : "ies"} fitting this year's and last year's tables, not declared yet: ${list("en", entries)}. Not applied: ${where === "cli" ? "add --lineage-2025 to use it (with -o the “Sáp nhập” sheet is written to the output)" : "click “Use the 2025 merger list” to write it to the “Sáp nhập” sheet"}, then score again.`,
    example: { entries: ["“Sở Tài chính” ← “Sở Tài chính”, “Sở Kế hoạch và Đầu tư”"], where: "cli" },
  }),
  /** The pane's “Ghi trang Sáp nhập” when the workbook already has a sheet of that name: never written over. */
  lineageSheetExists: entry({
    vi: ({ sheet }: { sheet: string }) =>
      `Sổ tính đã có trang “${sheet}”: add-in không ghi đè trang ấy. Hãy thêm các mục sáp nhập vào trang “${sheet}” (cột “${LINEAGE_HEADERS.name}” | “${LINEAGE_HEADERS.from}”), hoặc đổi tên trang rồi bấm lại.`,
    en: ({ sheet }) =>
      `The workbook already has a “${sheet}” sheet: the add-in does not write over it. Add the mergers to the “${sheet}” sheet (columns “${LINEAGE_HEADERS.name}” | “${LINEAGE_HEADERS.from}”), or rename that sheet and click again.`,
    example: { sheet: "Sáp nhập" },
  }),
  /** Nothing to write: the rules declare no lineage and the 2025 list has no entry for these tables (or is not ticked). */
  lineageNothingToWrite: entry({
    vi: (_p: object) =>
      `Không có mục sáp nhập nào để ghi: quy tắc chưa khai báo sáp nhập, và danh sách sáp nhập sở năm 2025 chưa được chọn hoặc không có mục khớp với bảng năm nay và năm trước.`,
    en: () =>
      `No merger to write: the rules declare none, and the 2025 list of department mergers is not ticked or has no entry fitting this year's and last year's tables.`,
    example: {},
  }),
  /** The sheet written: how many agencies, and that the next comparison reads it. */
  lineageSheetWritten: entry({
    vi: ({ sheet, entries }: { sheet: string; entries: string[] }) =>
      `Đã ghi trang “${sheet}” (${entries.length} cơ quan: ${list("vi", entries)}). Lần “Tính điểm” so sánh với năm trước sau đây đọc trang này; sửa trang để đổi sáp nhập.`,
    en: ({ sheet, entries }) =>
      `Wrote the “${sheet}” sheet (${entries.length} agenc${entries.length === 1 ? "y" : "ies"}: ${list("en", entries)}). The next “Tính điểm” compared with last year reads it; edit the sheet to change the mergers.`,
    example: { sheet: "Sáp nhập", entries: ["“Sở Tài chính” ← “Sở Tài chính”, “Sở Kế hoạch và Đầu tư”"] },
  }),
  lineage2025Applied: entry({
    vi: ({ entries }: { entries: string[] }) => `Đã dùng ${entries.length} mục của danh sách sáp nhập sở năm 2025: ${list("vi", entries)}.`,
    en: ({ entries }) => `Used ${entries.length} entr${entries.length === 1 ? "y" : "ies"} of the 2025 list of department mergers: ${list("en", entries)}.`,
    example: { entries: ["“Sở Tài chính” ← “Sở Tài chính”, “Sở Kế hoạch và Đầu tư”"] },
  }),
});

/** An entry as the messages show it: “Sở Tài chính” ← “Sở Tài chính”, “Sở Kế hoạch và Đầu tư”. */
export const entryText = (e: LineageRule): string => `“${e.name}” ← ${e.from.map((f) => `“${f}”`).join(", ")}`;

const text = (v: unknown): string => (typeof v === "string" ? cleanText(v.normalize("NFC")) : typeof v === "number" ? String(v) : "");
const isHeader = (v: unknown, headers: readonly string[]) => headers.some((h) => matchKey(h) === matchKey(text(v)));

/**
 * The "Sáp nhập" sheet's lineage: the header row (within the first 10 rows), then one predecessor per
 * row (or several separated by ";" or line breaks); a blank "Cơ quan hiện nay" continues the agency
 * above (as merged cells read). An agency listed on several rows gets one entry.
 */
export function readLineageSheet(
  values: readonly (readonly unknown[])[],
  origin: Origin = SHEET_ORIGIN,
): { ok: true; lineage: LineageRule[] } | { ok: false; problems: LineageSheetProblem[] } {
  let headerRow = -1;
  let nameCol = -1;
  let fromCol = -1;
  for (let r = 0; r < Math.min(10, values.length) && headerRow < 0; r++) {
    const row = values[r] ?? [];
    const n = row.findIndex((v) => isHeader(v, NAME_HEADERS));
    const f = row.findIndex((v) => isHeader(v, FROM_HEADERS));
    if (n >= 0 && f >= 0) [headerRow, nameCol, fromCol] = [r, n, f];
  }
  if (headerRow < 0) return { ok: false, problems: [{ code: "lineageNoHeaders" }] };
  const problems: LineageSheetProblem[] = [];
  const byKey = new Map<string, LineageRule>();
  let current: string | null = null;
  for (let r = headerRow + 1; r < values.length; r++) {
    const name = text(values[r]?.[nameCol]);
    const cell = values[r]?.[fromCol];
    const from = (typeof cell === "string" ? cell.split(/[;\n]/) : [text(cell)]).map(text).filter((s) => s !== "");
    if (name !== "") current = name;
    if (from.length === 0) {
      if (name !== "") problems.push({ code: "lineageNoPredecessor", cell: cellAddress(r, fromCol, origin), name });
      continue;
    }
    if (current === null) {
      problems.push({ code: "lineageNoSuccessor", cell: cellAddress(r, nameCol, origin), name: from[0] });
      continue;
    }
    const key = matchKey(current);
    const e = byKey.get(key) ?? { name: current, from: [] };
    for (const f of from) if (!e.from.some((x) => matchKey(x) === matchKey(f))) e.from.push(f);
    byKey.set(key, e);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, lineage: [...byKey.values()] };
}

/**
 * The lineage a comparison goes through, taken the same way by every reader (Tính điểm, Tạo phụ lục,
 * the agency card, Giải trình, the command line): the "Sáp nhập" sheet when the workbook has one
 * (`table`: its values; null when there is none), else the rules' lineage; with the entries of the
 * 2025 list accepted for that comparison (an agency the sheet or the rules declare keeps its entry).
 * A sheet that cannot be read is refused, in both languages, each message naming its cell and the fix.
 */
export function lineageInUse(
  table: readonly (readonly unknown[])[] | null,
  declared: readonly Lineage[],
  accepted: readonly Lineage[] = [],
): { ok: true; lineage: LineageRule[]; fromSheet: boolean } | ({ ok: false } & Both) {
  if (table === null) return { ok: true, lineage: withLineage(declared, accepted), fromSheet: false };
  const read = readLineageSheet(table);
  if (!read.ok) return { ok: false, ...joinBoth(read.problems.map((p) => both(LINEAGE_MESSAGES, p.code, p as never))) };
  return { ok: true, lineage: withLineage(read.lineage, accepted), fromSheet: true };
}

/** The "Sáp nhập" sheet's values from a lineage: the header row, then one row per predecessor. */
export function lineageSheetValues(lineage: readonly LineageRule[]): string[][] {
  return [[LINEAGE_HEADERS.name, LINEAGE_HEADERS.from], ...lineage.flatMap((e) => e.from.map((f) => [e.name, f]))];
}

/** Whether a sheet name is the lineage sheet's (names compared as headers are). */
export const isLineageSheet = (name: string): boolean => matchKey(name) === matchKey(LINEAGE_SHEET);

/** Other spellings of the 2025 list's names (abbreviations people type), matched as the names are. */
const SPELLINGS_2025: Readonly<Record<string, readonly string[]>> = {
  "Sở Kế hoạch và Đầu tư": ["Sở KH&ĐT", "Sở KHĐT", "Sở Kế hoạch Đầu tư"],
  "Sở Giao thông vận tải": ["Sở GTVT"],
  "Sở Nông nghiệp và Phát triển nông thôn": ["Sở Nông nghiệp và PTNT", "Sở NN&PTNT", "Sở NN và PTNT", "Sở NNPTNT"],
  "Sở Tài nguyên và Môi trường": ["Sở TN&MT", "Sở TNMT", "Sở Tài nguyên Môi trường"],
  "Sở Thông tin và Truyền thông": ["Sở TT&TT", "Sở TTTT", "Sở Thông tin Truyền thông"],
  "Sở Lao động - Thương binh và Xã hội": ["Sở Lao động TBXH", "Sở LĐTBXH", "Sở LĐ-TB&XH", "Sở Lao động Thương binh Xã hội"],
  "Sở Khoa học và Công nghệ": ["Sở KH&CN", "Sở KHCN"],
  "Sở Nông nghiệp và Môi trường": ["Sở NN&MT", "Sở Nông nghiệp và MT"],
  "Sở Dân tộc và Tôn giáo": ["Sở DT&TG", "Sở Dân tộc Tôn giáo"],
};

/**
 * The entries of the 2025 list to offer: their agency is in this year's table, at least one of its
 * predecessors other than itself is in last year's, and the lineage does not declare that agency yet.
 * Each entry offered names the agencies as the two tables write them (abbreviations included).
 */
export function lineage2025Offer(
  currentNames: readonly string[],
  previousNames: readonly string[],
  declared: readonly { name: string }[],
  toUnicode: (t: string) => string = (t) => t,
): LineageRule[] {
  const key = (n: string) => matchKey(toUnicode(n));
  const written = (names: readonly string[]) => {
    const m = new Map<string, string>();
    for (const n of names) if (!m.has(key(n))) m.set(key(n), toUnicode(n));
    return m;
  };
  const now = written(currentNames);
  const before = written(previousNames);
  const known = new Set(declared.map((e) => key(e.name)));
  /** The name as a table writes it, under any of its spellings. */
  const find = (canonical: string, table: ReadonlyMap<string, string>) =>
    [canonical, ...(SPELLINGS_2025[canonical] ?? [])].map((n) => table.get(key(n))).find((n) => n !== undefined);
  const out: LineageRule[] = [];
  for (const e of LINEAGE_2025) {
    const name = find(e.name, now);
    if (name === undefined || known.has(key(name))) continue;
    const from = e.from.map((f) => find(f, before)).filter((n): n is string => n !== undefined);
    if (from.some((f) => key(f) !== key(name))) out.push({ name, from });
  }
  return out;
}

/** A lineage with entries added (an agency already declared keeps its entry). */
export function withLineage(lineage: readonly Lineage[], added: readonly Lineage[]): LineageRule[] {
  const known = new Set(lineage.map((e) => matchKey(e.name)));
  const copy = (e: Lineage): LineageRule => ({ name: e.name, from: [...e.from] });
  return [...lineage.map(copy), ...added.filter((e) => !known.has(matchKey(e.name))).map(copy)];
}
