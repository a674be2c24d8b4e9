/**
 * The result columns, one entry each: how the column is recognised on the score sheet (header and
 * other headers), what "Tính điểm" writes into it (value, number format), how a cell of the add-in's
 * is told from a user's, the column of the annex and the key in the command line's JSON. Detection
 * (grid.ts), planning and writing (plan.ts, the Excel and ExcelJS writers), the foreign-content check,
 * the annex (annex.ts) and the JSON all read this table: adding a column is adding an entry.
 */
import { Dec, formatVi, mul, toNumber } from "../base/decimal";
import { hasClasses, Rules } from "../rules/rules";

/** One agency's result, as the result columns read it (scoring.ts makes it). */
export interface RowResult {
  /** Row in the values array. */
  row: number;
  name: string;
  notes: string;
  /** Id of the agency's block (rules with blocks), else null. */
  block: string | null;
  /** Indexes (in rules.groups) of the groups this agency is exempt from. */
  exemptGroups: number[];
  /** Keyword of the exemption that applied, if any. */
  exemptKeyword: string | null;
  /** Each group's score as counted (null: exempt or unusable). */
  scores: (Dec | null)[];
  /** Null when a score is missing or unusable: the row gets no result rather than a made-up one. */
  total: Dec | null;
  maxPoints: Dec | null;
  index: Dec | null;
  className: string | null;
  /** Rank within the agency's block (or among all agencies without blocks). */
  rank: number | null;
}

/** What an entry's functions may look at besides the row. */
export interface ColumnContext {
  rules: Rules;
  /** Decimals of the index (rules.json.index.decimals). */
  decimals: number;
}

export interface AnnexContext extends ColumnContext {
  /** Whether two agencies share a rank in this annex. */
  hasTies: boolean;
}

export interface ResultColumn<K extends string = string> {
  kind: K;
  /** Whether the column exists under these rules (default: always). */
  when?: (rules: Rules) => boolean;
  /** The column on the score sheet; absent for a value that only the JSON carries. */
  sheet?: {
    /** Header written when the column is appended. */
    header: string;
    /** Other headers recognised (compared with headerKey), besides `header`. */
    aliases: readonly string[];
    numberFormat: (c: ColumnContext) => string;
    /** Whether a cell's value is one this column's results could be (else it is the user's content). */
    isResult: (value: unknown, c: ColumnContext) => boolean;
  };
  /** The row's value as written into the sheet and the JSON (null: no result). */
  value: (row: RowResult) => string | number | null;
  /** The column in the annex (its text exactly as printed); absent: not in the annex. */
  annex?: { header: string; width: number; text: (row: RowResult, c: AnnexContext) => string; when?: (c: AnnexContext) => boolean };
  /** Key in the command line's JSON rows; absent: not in the JSON. */
  json?: string;
}

/** The index as the annex prints it: "0,998", or "99,8%" with a percent display. */
export function indexText(rules: Rules, index: Dec): string {
  const d = rules.json.index.decimals;
  if (rules.display === "percent") return `${formatVi(mul(index, { m: 100, s: 0 }), Math.max(0, d - 2))}%`;
  return formatVi(index, d);
}

const column = <K extends string>(c: ResultColumn<K>): ResultColumn<K> => c;
const num = (d: Dec | null) => (d === null ? null : toNumber(d));
const isNumber = (v: unknown) => typeof v === "number";

export const RESULT_COLUMNS = [
  column({
    kind: "total",
    sheet: { header: "Tổng điểm", aliases: ["Tổng", "Tổng cộng", "Tổng điểm đạt", "Tổng điểm đạt được"], numberFormat: () => "General", isResult: isNumber },
    value: (r) => num(r.total),
    annex: { header: "Tổng điểm", width: 9, text: (r) => (r.total !== null ? formatVi(r.total) : "") },
    json: "total",
  }),
  column({
    // The agency's block (rules with blocks), else null; its rank is within the block.
    kind: "block",
    value: (r) => r.block,
    json: "block",
  }),
  column({
    kind: "maxPoints",
    value: (r) => num(r.maxPoints),
    json: "maxPoints",
  }),
  column({
    kind: "index",
    sheet: {
      header: "Chỉ số",
      aliases: ["Chỉ số đạt", "Chỉ số đạt được", "Chỉ số xếp hạng"],
      numberFormat: (c) =>
        c.rules.display === "percent" ? (c.decimals > 2 ? `0.${"0".repeat(c.decimals - 2)}%` : "0%") : c.decimals > 0 ? `0.${"0".repeat(c.decimals)}` : "0",
      isResult: isNumber,
    },
    value: (r) => num(r.index),
    annex: { header: "Chỉ số", width: 8, text: (r, c) => (r.index !== null ? indexText(c.rules, r.index) : "") },
    json: "index",
  }),
  column({
    kind: "class",
    // Rules without classes (national tables) have no Phân loại column.
    when: hasClasses,
    sheet: {
      header: "Phân loại",
      aliases: ["Xếp loại", "Mức độ", "Mức xếp loại"],
      numberFormat: () => "General",
      isResult: (v, c) => typeof v === "string" && [...c.rules.classes, ...c.rules.blocks.flatMap((b) => b.classes)].some((k) => k.name === v.trim()),
    },
    value: (r) => r.className,
    annex: { header: "Phân loại", width: 11, text: (r) => r.className ?? "" },
    json: "class",
  }),
  column({
    kind: "rank",
    sheet: { header: "Xếp hạng", aliases: ["Thứ hạng", "Hạng", "Thứ tự xếp hạng"], numberFormat: () => "0", isResult: isNumber },
    value: (r) => r.rank,
    // The annex lists agencies in rank order (its STT is the rank); a rank column shows only where ranks are shared.
    annex: { header: "Xếp hạng", width: 8, text: (r) => (r.rank !== null ? String(r.rank) : ""), when: (c) => c.hasTies },
    json: "rank",
  }),
] as const;

export type ResultKind = (typeof RESULT_COLUMNS)[number]["kind"];

type WithSheet = ResultColumn & { sheet: NonNullable<ResultColumn["sheet"]> };

/** The columns "Tính điểm" writes under these rules, in order. */
export function sheetColumns(rules: Rules): WithSheet[] {
  return (RESULT_COLUMNS as readonly ResultColumn[]).filter((c): c is WithSheet => c.sheet !== undefined && (c.when?.(rules) ?? true));
}

/** Every header a result column is recognised by, per kind (whatever the rules). */
export function resultHeaders(): [string, readonly string[]][] {
  return (RESULT_COLUMNS as readonly ResultColumn[]).flatMap((c) =>
    c.sheet ? [[c.kind, [c.sheet.header, ...c.sheet.aliases]] as [string, readonly string[]]] : [],
  );
}

/** The annex's result columns for these rules and rows, in order. */
export function annexColumns(c: AnnexContext): (ResultColumn & { annex: NonNullable<ResultColumn["annex"]> })[] {
  return (RESULT_COLUMNS as readonly ResultColumn[]).filter(
    (col): col is ResultColumn & { annex: NonNullable<ResultColumn["annex"]> } =>
      col.annex !== undefined && (col.when?.(c.rules) ?? true) && (col.annex.when?.(c) ?? true),
  );
}

/** A row of the command line's JSON: the agency's name, then each column's key and value (null where a column does not apply: the JSON keeps one shape). */
export function jsonRow(row: RowResult): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = { name: row.name };
  for (const c of RESULT_COLUMNS as readonly ResultColumn[]) if (c.json) out[c.json] = c.value(row);
  return out;
}
