/**
 * The "Giải trình" sheet as data: one printable page per agency (or per selected agency) saying
 * how its result came about — points per group and lost, the maximum and why, the index and its
 * rounding, the class and the distance to the next, the rank and its neighbours, last year's rank.
 * Rendered by Office.js in the add-in and by ExcelJS in the command line (--explain).
 */
import { cmp, Dec, formatVi, sub, ZERO } from "../base/decimal";
import { AgencyCard, agencyCard, bandsOf, MaxReason, Scored } from "./explain";
import { toNextClassMessage } from "./explain-messages";
import { Lang } from "./findings";
import { Comparison, rankChangeText } from "../grid/previous";
import { rankedRows, RowResult } from "../grid/scoring";

export type ExplainStyle = "title" | "agency" | "header" | "cell" | "cellLeft" | "criterion" | "total" | "text" | "blank";

export interface ExplainRow {
  /** Five cells: group, maximum, score, lost, note; text rows use the first and are merged across. */
  cells: string[];
  style: ExplainStyle;
  /** Height in points. */
  height: number;
}

export interface ExplainDescription {
  sheetName: string;
  font: string;
  columnWidths: number[];
  rows: ExplainRow[];
  /** 0-based rows where each agency's page begins (a page break before each but the first). */
  pageStarts: number[];
  /** Agencies, in page order. */
  agencies: string[];
}

export const EXPLAIN_SHEET = "Giải trình";
export const EXPLAIN_COLUMNS = 5;

/** Whether a cell holds a Giải trình page's title (in either language): "Hoàn tác" removes only a sheet that still starts with one. */
export const isExplanationTitle = (v: unknown): boolean =>
  typeof v === "string" && (["vi", "en"] as const).some((lang) => v.startsWith(WORDS[lang].title(null)));
/** Columns that fit A4 portrait between 3 cm and 1,5 cm margins at 85 % (manual page breaks need a fixed scale). */
const WIDTHS = [28, 8, 8, 9, 20];
/** Characters per line of a merged text row at 12 pt (the five columns, a little slack). */
const TEXT_CHARS = 84;
const LINE_PT = 16;

interface Words {
  title: (year: number | null) => string;
  header: string[];
  total: string;
  exempt: (detail: string) => string;
  notEvaluated: (items: string) => string;
  /** The criteria of a group that do not apply to the agency (another block's, or exempt), and why. */
  criteriaList: (m: MaxReason) => string;
  /** The group's note for them. */
  criteriaOut: (m: MaxReason) => string;
  points: string;
  notCounted: string;
  aboveMax: string;
  maxLine: (c: AgencyCard, n: (d: Dec) => string) => string;
  indexLine: (c: AgencyCard, n: (d: Dec, places?: number) => string, decimals: number) => string;
  classLine: (c: AgencyCard, range: string) => string;
  classRange: (from: string, to: string | null) => string;
  rankLine: (c: AgencyCard, n: (d: Dec, places?: number) => string, decimals: number) => string;
  previousLine: (rank: number | null, change: string) => string;
  unscored: string;
  /** The agency card's criteria table: code and name, maximum, self-assessed, appraised, points. */
  criteriaHeader: string[];
  /** A criterion's note: the self-assessed and the council's points where they differ, the council's comment. */
  criterionNote: (self: string | null, appraised: string | null, comment: string) => string;
}

const WORDS: Record<Lang, Words> = {
  vi: {
    title: (y) => `GIẢI TRÌNH KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG MỨC ĐỘ ỨNG DỤNG CÔNG NGHỆ THÔNG TIN${y ? ` NĂM ${y}` : ""}`,
    header: ["Nhóm tiêu chí", "Điểm tối đa", "Điểm đạt", "Điểm chưa đạt", "Ghi chú"],
    total: "Tổng cộng",
    exempt: (d) => `Không chấm (${d})`,
    notEvaluated: (items) => `Đã trừ mục không đánh giá: ${items}`,
    criteriaList: (m) =>
      (m.criteria ?? []).map((c) => `tiêu chí ${c.id} “${c.name}” (${c.onlyFor === null ? m.detail : `chỉ chấm cho ${c.onlyFor.join(", ")}`})`).join(", "),
    criteriaOut: (m) => `Không chấm ${WORDS.vi.criteriaList(m)}`,
    aboveMax: "Điểm vượt điểm tối đa của nhóm: cần kiểm tra lại",
    points: "điểm",
    notCounted: "Không tính vào tổng điểm",
    maxLine: (c, n) => {
      const exempt = c.maxReasons.filter((m) => m.kind === "exempt" || m.kind === "criteria");
      if (exempt.length === 0) return `Điểm tối đa: ${n(c.maxPoints ?? c.generalMax)} điểm (tổng điểm tối đa chung).`;
      const part = (m: MaxReason) =>
        m.kind === "exempt" ? `${n(m.points)} điểm nhóm “${m.group}” (${m.detail})` : `${n(m.points)} điểm của nhóm “${m.group}”: ${WORDS.vi.criteriaList(m)}`;
      return `Điểm tối đa: ${n(c.maxPoints ?? c.generalMax)} điểm = ${n(c.generalMax)} điểm (tổng điểm tối đa chung) − ${exempt.map(part).join(" − ")}.`;
    },
    indexLine: (c, n, d) => `Chỉ số: ${n(c.total!)} ÷ ${n(c.maxPoints!)} = ${n(c.index!, d)} (làm tròn đến ${d} chữ số thập phân).`,
    classLine: (c, range) => `Phân loại: ${c.className} (${range}).`,
    classRange: (from, to) => (to === null ? `chỉ số từ ${from} trở lên` : `chỉ số từ ${from} đến dưới ${to}`),
    rankLine: (c, n, d) => {
      const parts = [`Xếp hạng: ${c.rank} trên ${c.rankedCount} cơ quan.`];
      if (c.above) parts.push(`Liền trên: ${c.above.rank}. ${c.above.name} (chỉ số ${n(c.above.index, d)}).`);
      if (c.below) parts.push(`Liền dưới: ${c.below.rank}. ${c.below.name} (chỉ số ${n(c.below.index, d)}).`);
      return parts.join(" ");
    },
    previousLine: (rank, change) => (rank === null ? "Năm trước: chưa có trong kết quả xếp hạng (mới)." : `Năm trước: hạng ${rank} (${change}).`),
    unscored: "Chưa tính được điểm: còn ô điểm trống hoặc không hợp lệ (xem các ô được tô màu trên trang chấm điểm).",
    criteriaHeader: ["Tiêu chí", "Điểm tối đa", "Tự chấm", "Thẩm định", "Điểm"],
    criterionNote: (self, appraised, comment) =>
      [appraised !== null && appraised !== self ? `Tự chấm ${self ?? "—"}, thẩm định ${appraised}` : "", comment ? `Ý kiến thẩm định: ${comment}` : ""]
        .filter(Boolean)
        .join("; "),
  },
  en: {
    title: (y) => `EXPLANATION OF THE IT APPLICATION ASSESSMENT AND RANKING${y ? ` ${y}` : ""}`,
    header: ["Criteria group", "Maximum", "Score", "Points lost", "Notes"],
    total: "Total",
    exempt: (d) => `Not scored (${d})`,
    notEvaluated: (items) => `Items not evaluated taken off: ${items}`,
    criteriaList: (m) =>
      (m.criteria ?? []).map((c) => `criterion ${c.id} “${c.name}” (${c.onlyFor === null ? m.detail : `scored only for ${c.onlyFor.join(", ")}`})`).join(", "),
    criteriaOut: (m) => `Not scored: ${WORDS.en.criteriaList(m)}`,
    aboveMax: "Above the group's maximum: to be checked",
    points: "points",
    notCounted: "Not counted in the total",
    maxLine: (c, n) => {
      const exempt = c.maxReasons.filter((m) => m.kind === "exempt" || m.kind === "criteria");
      if (exempt.length === 0) return `Maximum: ${n(c.maxPoints ?? c.generalMax)} points (the general maximum).`;
      const part = (m: MaxReason) =>
        m.kind === "exempt" ? `${n(m.points)} of “${m.group}” (${m.detail})` : `${n(m.points)} of “${m.group}”: ${WORDS.en.criteriaList(m)}`;
      return `Maximum: ${n(c.maxPoints ?? c.generalMax)} points = ${n(c.generalMax)} (the general maximum) − ${exempt.map(part).join(" − ")}.`;
    },
    indexLine: (c, n, d) => `Index: ${n(c.total!)} ÷ ${n(c.maxPoints!)} = ${n(c.index!, d)} (rounded to ${d} decimal places).`,
    classLine: (c, range) => `Class: ${c.className} (${range}).`,
    classRange: (from, to) => (to === null ? `index ${from} or more` : `index from ${from} to below ${to}`),
    rankLine: (c, n, d) => {
      const parts = [`Rank: ${c.rank} of ${c.rankedCount} agencies.`];
      if (c.above) parts.push(`Just above: ${c.above.rank}. ${c.above.name} (index ${n(c.above.index, d)}).`);
      if (c.below) parts.push(`Just below: ${c.below.rank}. ${c.below.name} (index ${n(c.below.index, d)}).`);
      return parts.join(" ");
    },
    previousLine: (rank, change) => (rank === null ? "Last year: not in the ranking (new)." : `Last year: rank ${rank} (${change}).`),
    unscored: "No result yet: a score is blank or unusable (see the coloured cells on the scoring sheet).",
    criteriaHeader: ["Criterion", "Maximum", "Self-assessed", "Appraised", "Points"],
    criterionNote: (self, appraised, comment) =>
      [appraised !== null && appraised !== self ? `self-assessed ${self ?? "—"}, appraised ${appraised}` : "", comment ? `Council's comment: ${comment}` : ""]
        .filter(Boolean)
        .join("; "),
  },
};

/**
 * The agency's maximum: scoring's, or, for an agency without a result yet (a score blank or unusable), the general
 * maximum less the groups and criteria that do not apply to it, the same subtraction its maximum line shows.
 */
const maximumOf = (c: AgencyCard): Dec =>
  c.maxPoints ?? c.maxReasons.filter((m) => m.kind === "exempt" || m.kind === "criteria").reduce((max, m) => sub(max, m.points), c.generalMax);

const textHeight = (text: string) => Math.max(1, Math.ceil(text.length / TEXT_CHARS)) * LINE_PT + 4;

/** One criterion of an agency as its ledger has it (the ledger's entries are these). */
export interface AgencyCriterion {
  leaf: { id: string; name: string; max: Dec; groupId: string };
  self: Dec | null;
  appraised: Dec | null;
  /** The points that count (Thẩm định where present, else Tự chấm). */
  points: Dec | null;
  /** Ý kiến thẩm định. */
  comment: string;
}

export interface ExplainOptions {
  lang?: Lang;
  /** An agency's criteria (from the ledger "Chấm điểm chi tiết"): each criterion where points were lost is listed under its group. */
  criteria?: (agency: string) => readonly AgencyCriterion[] | null;
  year?: number | null;
  /** Values-array rows of the agencies to explain; all, in rank order, when absent. */
  only?: readonly number[];
  previous?: Comparison | null;
  sheetName?: string;
}

export interface CardGroupText {
  group: string;
  max: string;
  score: string;
  lost: string;
  note: string;
}

/** One criterion of the agency, as text. */
export interface CardCriterionText {
  id: string;
  name: string;
  max: string;
  self: string;
  appraised: string;
  points: string;
  lost: string;
  /** Points were lost on it (its points below its maximum). */
  lostAny: boolean;
  note: string;
}

/** An agency's explanation as text in one language: the pane's card and a Giải trình page say the same. */
export interface CardText {
  name: string;
  headers: string[];
  groups: CardGroupText[];
  /** The criteria table's headers, and per group (as `groups`) its criteria from the ledger; empty lists without one. */
  criteriaHeaders: string[];
  criteria: CardCriterionText[][];
  total: CardGroupText;
  /** Maximum and why, index, class, distance to the next class, rank and neighbours, last year. */
  lines: string[];
}

export function cardText(
  result: Scored,
  row: RowResult,
  lang: Lang,
  previous: Comparison | null = null,
  criteria: readonly AgencyCriterion[] | null = null,
): CardText {
  const w = WORDS[lang];
  const { rules } = result;
  const decimals = rules.json.index.decimals;
  const n = (d: Dec, places?: number) => (lang === "vi" ? formatVi(d, places) : formatVi(d, places).replace(",", "."));
  const scored = agencyCard(result, row);
  const card: AgencyCard = { ...scored, maxPoints: maximumOf(scored) };
  const groups = card.groups.map((g, i) => {
    const group = rules.groups[i];
    const notes: string[] = [];
    if (g.exempt) notes.push(w.exempt(card.maxReasons.find((m) => m.kind === "exempt" && m.group === g.group)?.detail ?? ""));
    if (group.notEvaluated.length > 0 && !g.exempt)
      notes.push(w.notEvaluated(group.notEvaluated.map((it) => `${it.item} (${n(it.points)} ${w.points})`).join(", ")));
    const out = card.maxReasons.find((m) => m.kind === "criteria" && m.group === g.group);
    if (out && !g.exempt) notes.push(w.criteriaOut(out));
    if (g.aboveMax) notes.push(w.aboveMax);
    if (!g.counted) notes.push(w.notCounted);
    return { group: g.group, max: n(g.max), score: g.score === null ? "—" : n(g.score), lost: g.lost === null ? "—" : n(g.lost), note: notes.join("; ") };
  });
  const max = card.maxPoints!;
  const total = {
    group: w.total,
    max: n(max),
    score: card.total === null ? "—" : n(card.total),
    lost: card.total === null ? "—" : n(sub(max, card.total)),
    note: "",
  };
  const lines = [w.maxLine(card, n)];
  if (card.total === null || card.index === null) lines.push(w.unscored);
  else {
    lines.push(w.indexLine(card, n, decimals));
    const bands = bandsOf(rules, row);
    const at = bands.findIndex((c) => c.name === card.className);
    // Band edges as the decisions write them: at least two decimals (0,70; 0,85).
    const edge = (d: Dec) => n(d, Math.max(2, d.s));
    if (at >= 0) {
      lines.push(w.classLine(card, w.classRange(edge(bands[at].min), at > 0 ? edge(bands[at - 1].min) : null)));
      // (No distance with weighted rules: it would depend on the group the points are earned in.)
      if (card.toNextClass || at === 0) lines.push(`${toNextClassMessage(lang, card.toNextClass)}.`);
    }
    lines.push(w.rankLine(card, n, decimals));
    if (previous) {
      const prev = previous.byRow.get(row.row);
      const change = rankChangeText(prev, row.rank, lang);
      // A merger names its predecessors: “hạng 4 (sáp nhập: Sở Tài chính, Sở Kế hoạch và Đầu tư)”.
      const from = prev?.merged && prev.from && prev.from.length > 0 ? `${change}: ${prev.from.join(", ")}` : change;
      lines.push(w.previousLine(prev?.previousRank ?? null, from));
    }
  }
  const criterionText = (c: AgencyCriterion): CardCriterionText => {
    const self = c.self === null ? null : n(c.self);
    const appraised = c.appraised === null ? null : n(c.appraised);
    // A criterion over its maximum lost nothing (as a group over its maximum).
    const lost = c.points === null ? null : cmp(c.points, c.leaf.max) >= 0 ? ZERO : sub(c.leaf.max, c.points);
    return {
      id: c.leaf.id,
      name: c.leaf.name,
      max: n(c.leaf.max),
      self: self ?? "—",
      appraised: appraised ?? "—",
      points: c.points === null ? "—" : n(c.points),
      lost: lost === null ? "—" : n(lost),
      lostAny: lost !== null && cmp(lost, ZERO) > 0,
      note: w.criterionNote(self, appraised, c.comment),
    };
  };
  const byGroup = rules.groups.map((g) => (criteria ?? []).filter((c) => c.leaf.groupId === g.id).map(criterionText));
  return { name: row.name, headers: w.header, groups, total, lines, criteriaHeaders: w.criteriaHeader, criteria: byGroup };
}

export function buildExplanation(result: Scored, opts: ExplainOptions = {}): ExplainDescription {
  const lang = opts.lang ?? "vi";
  const w = WORDS[lang];
  const wanted = opts.only ? new Set(opts.only) : null;
  const agencies: RowResult[] = rankedRows(result.rows).filter((r) => !wanted || wanted.has(r.row));
  const rows: ExplainRow[] = [];
  const pageStarts: number[] = [];
  const text = (t: string, style: ExplainStyle = "text") => rows.push({ cells: [t, "", "", "", ""], style, height: style === "title" ? 36 : textHeight(t) });
  const blank = () => rows.push({ cells: ["", "", "", "", ""], style: "blank", height: 8 });

  for (const row of agencies) {
    pageStarts.push(rows.length);
    const card = cardText(result, row, lang, opts.previous ?? null, opts.criteria?.(row.name) ?? null);
    text(w.title(opts.year ?? null), "title");
    text(row.name, "agency");
    blank();
    rows.push({ cells: card.headers, style: "header", height: 34 });
    const heightOf = (name: string, note: string) => Math.max(22, Math.ceil(Math.max(name.length / 27, note.length / 19)) * LINE_PT + 6);
    card.groups.forEach((g, gi) => {
      rows.push({ cells: [g.group, g.max, g.score, g.lost, g.note], style: "cell", height: heightOf(g.group, g.note) });
      // Under its group, each criterion where points were lost, with the council's comment.
      for (const c of card.criteria[gi].filter((c) => c.lostAny)) {
        const name = `${c.id} ${c.name}`;
        rows.push({ cells: [name, c.max, c.points, c.lost, c.note], style: "criterion", height: heightOf(name, c.note) });
      }
    });
    rows.push({ cells: [card.total.group, card.total.max, card.total.score, card.total.lost, ""], style: "total", height: 22 });
    blank();
    for (const line of card.lines) text(line);
  }
  return {
    sheetName: opts.sheetName ?? EXPLAIN_SHEET,
    font: "Times New Roman",
    columnWidths: WIDTHS,
    rows,
    pageStarts,
    agencies: agencies.map((a) => a.name),
  };
}
