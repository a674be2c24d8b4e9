/**
 * The ledger "Chấm điểm chi tiết": one row per agency and applicable leaf criterion, where each
 * agency's inputs, self-assessment, evidence and the council's appraisal are kept. Read as 2-D
 * values (like the grid); every leaf computed exactly (criteria.ts); each agency's group sums
 * (children summed, capped at each parent's maximum); findings at the ledger's cells, addressed with
 * the sheet's name. scoreWithLedger then puts the sums into the grid (never over a cell a user
 * typed) and scores as without criteria. Pure: no Office, no file.
 */
import { cellAddress, Origin, SHEET_ORIGIN } from "../base/address";
import { appraisedPoints, CriterionModel, isLeaf, leafApplies, LeafOutcome, leafPoints, LeafProblem, levelLabels } from "../rules/criteria";
import { add, cmp, Dec, div, formatVi, mul, sub, toNumber, ZERO } from "../base/decimal";
import { IfCorrected, registerOtherSheetCorrections } from "../findings/explain";
import { Finding, FindingCode, makeFinding } from "../findings/findings";
import { GridLayout, locateGrid } from "./grid";
import { displayValue, isBlank, parseScore } from "../base/numbers";
import { Rules } from "../rules/rules";
import { CellStyle, listSheet, SheetCell, SheetDescription } from "../sheets/sheet";
import { RowResult, scoreSheet, ScoreResult } from "./scoring";
import { cleanText, headerKey, matchKey } from "../text/text";

export const LEDGER_SHEET = "Chấm điểm chi tiết";
/** The title in A1 of the ledger the add-in and the CLI make. */
export const LEDGER_TITLE = "CHẤM ĐIỂM CHI TIẾT THEO TIÊU CHÍ";

export type LedgerColumn = "agency" | "code" | "name" | "max" | "input1" | "input2" | "self" | "evidence" | "appraised" | "comment" | "points";

/** The ledger's columns in order, each with its header and the other headers it is recognised by. */
export const LEDGER_COLUMNS: ReadonlyArray<{ kind: LedgerColumn; header: string; aliases: readonly string[] }> = [
  { kind: "agency", header: "Cơ quan", aliases: ["Tên cơ quan", "Cơ quan, đơn vị", "Đơn vị"] },
  { kind: "code", header: "Mã tiêu chí", aliases: ["Mã", "Mã số"] },
  { kind: "name", header: "Tiêu chí", aliases: ["Tên tiêu chí", "Nội dung"] },
  { kind: "max", header: "Điểm tối đa", aliases: ["Điểm chuẩn"] },
  { kind: "input1", header: "Số liệu", aliases: ["Số liệu 1", "Mức", "Số liệu / mức"] },
  { kind: "input2", header: "Số liệu 2", aliases: [] },
  { kind: "self", header: "Tự chấm", aliases: ["Điểm tự chấm", "Tự đánh giá"] },
  { kind: "evidence", header: "Tài liệu kiểm chứng", aliases: ["Tài liệu", "Minh chứng"] },
  { kind: "appraised", header: "Thẩm định", aliases: ["Điểm thẩm định", "Hội đồng thẩm định"] },
  { kind: "comment", header: "Ý kiến thẩm định", aliases: ["Ý kiến", "Nhận xét"] },
  { kind: "points", header: "Điểm", aliases: ["Điểm đạt", "Điểm chính thức"] },
];

const KIND_OF_KEY = new Map<string, LedgerColumn>(LEDGER_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [headerKey(h), c.kind] as const)));
const HEADER_ROWS = 15;

export interface LedgerLayout {
  headerRow: number;
  cols: Partial<Record<LedgerColumn, number>>;
}

/** What the ledger needs of each agency of the grid: which leaves apply to it. */
export interface LedgerAgency {
  name: string;
  block: string | null;
  /** Codes of the criteria its exemption names. */
  exemptCriteria: readonly string[];
  /** Ids of the groups it is exempt from (their criteria do not apply either). */
  exemptGroups: readonly string[];
}

/** Whether a leaf applies to an agency: its block, its exemption's criteria and groups. */
export const appliesToAgency = (leaf: CriterionModel, a: LedgerAgency): boolean =>
  !a.exemptGroups.includes(leaf.groupId) && leafApplies(leaf, a.block, new Set(a.exemptCriteria));

/** One leaf of one agency, as read and computed. */
export interface LedgerEntry {
  row: number;
  agency: string;
  leaf: CriterionModel;
  /** The self-assessed points (typed for `points`, computed for the other methods); null when there are none. */
  self: Dec | null;
  /** The council's points; null when Thẩm định is blank (or unusable). */
  appraised: Dec | null;
  /** The points that count: Thẩm định where present, else Tự chấm; null when neither can be read. */
  points: Dec | null;
  /** The council's comment (Ý kiến thẩm định); "" when there is none. */
  comment: string;
}

export interface LedgerAgencyResult {
  name: string;
  /** Per rules.groups: the group's points (criteria summed and capped); null for a group without criteria or one that cannot be computed yet. */
  groups: (Dec | null)[];
  entries: LedgerEntry[];
  /** First ledger row of the agency (findings about the agency as a whole). */
  firstRow: number;
}

export interface LedgerWrite {
  row: number;
  col: number;
  value: number | "";
}

export type LedgerRead =
  | {
      ok: true;
      layout: LedgerLayout;
      /** By matchKey of the agency's name. */
      agencies: Map<string, LedgerAgencyResult>;
      findings: Finding[];
      /** Tự chấm of computed methods and Điểm, where they differ from the sheet. */
      writes: LedgerWrite[];
    }
  | { ok: false; reason: "noHeader" };

const text = (v: unknown): string => (typeof v === "string" ? cleanText(v) : typeof v === "number" ? String(v) : "");

/** The ledger's header row among the first rows: the one naming the agency and code columns and most others. */
export function locateLedger(values: readonly (readonly unknown[])[]): LedgerLayout | null {
  let best: LedgerLayout | null = null;
  let bestCount = 0;
  for (let r = 0; r < Math.min(values.length, HEADER_ROWS); r++) {
    const cols: Partial<Record<LedgerColumn, number>> = {};
    let count = 0;
    (values[r] ?? []).forEach((v, c) => {
      const kind = typeof v === "string" ? KIND_OF_KEY.get(headerKey(v)) : undefined;
      if (kind && cols[kind] === undefined) {
        cols[kind] = c;
        count++;
      }
    });
    if (cols.agency !== undefined && cols.code !== undefined && count > bestCount) {
      best = { headerRow: r, cols };
      bestCount = count;
    }
  }
  return best;
}

/** The finding of a leaf's input that does not score as it is (on the ledger, or in a returned form), and its detail. */
export function leafProblemFinding(problem: LeafProblem, leaf: CriterionModel): { code: FindingCode; detail: string } {
  switch (problem) {
    case "aboveMax":
      return { code: "criterionOverMax", detail: formatVi(leaf.max) };
    case "notAStep":
      return { code: "notAStep", detail: leaf.step ? formatVi(leaf.step) : "" };
    case "notALevel":
      return {
        code: "notALevel",
        detail: levelLabels(leaf)
          .map((l) => `“${l}”`)
          .join(", "),
      };
    case "errorValue":
      return { code: "errorValue", detail: formatVi(leaf.max) };
    default:
      return { code: "inputInvalid", detail: formatVi(leaf.max) };
  }
}

/** What a leaf's first input cell is called in messages: the points typed, or the first input. */
export const FIRST_INPUT: Record<string, LedgerColumn> = { points: "self", levels: "input1", yesno: "input1", ratio: "input1", tiers: "input1" };

/**
 * Reads the ledger: every row of an agency and a leaf. `agencies` are the grid's (their blocks and
 * exemptions decide which leaves apply); a row of another agency, of an unknown code or of a leaf
 * not applicable is a finding and counts for nothing.
 */
export function readLedger(
  values: readonly (readonly unknown[])[],
  rules: Rules,
  agencies: readonly LedgerAgency[],
  origin: Origin = SHEET_ORIGIN,
  sheet: string = LEDGER_SHEET,
): LedgerRead {
  const layout = locateLedger(values);
  if (!layout) return { ok: false, reason: "noHeader" };
  const { cols } = layout;
  const findings: Finding[] = [];
  const writes: LedgerWrite[] = [];
  const cap = rules.json.overMax === "cap";
  const decimals = rules.criteriaDecimals;
  const leafById = new Map(rules.leaves.map((l) => [l.id, l]));
  const codes = rules.leaves.map((l) => l.id).join(", ");
  const known = new Map(agencies.map((a) => [matchKey(a.name), a]));
  const out = new Map<string, LedgerAgencyResult>();
  const unknownReported = new Set<string>();
  const seen = new Map<string, number>();
  const label = (leaf: CriterionModel) => `${leaf.id} ${leaf.name}`;
  const find = (code: FindingCode, row: number, col: number, agency: string, leaf: CriterionModel | null, value: unknown, detail: string) =>
    findings.push(makeFinding(code, row, col, origin, { agency, group: leaf ? label(leaf) : "", value: displayValue(value), detail }, sheet));
  const at = (row: number, kind: LedgerColumn): unknown => (cols[kind] === undefined ? "" : values[row]?.[cols[kind]!]);
  const colOf = (kind: LedgerColumn): number => cols[kind] ?? cols.code!;

  for (let r = layout.headerRow + 1; r < values.length; r++) {
    const agencyRaw = at(r, "agency");
    const codeRaw = at(r, "code");
    if (isBlank(agencyRaw) || isBlank(codeRaw)) continue;
    // A repeated header row (a page's titles pasted in): skipped.
    if (typeof codeRaw === "string" && KIND_OF_KEY.get(headerKey(codeRaw)) === "code") continue;
    const agency = text(agencyRaw);
    const key = matchKey(agency);
    const info = known.get(key);
    if (!info) {
      if (!unknownReported.has(key)) find("unknownAgency", r, colOf("agency"), agency, null, agencyRaw, "");
      unknownReported.add(key);
      continue;
    }
    const code = text(codeRaw);
    const leaf = leafById.get(code);
    if (!leaf) {
      find("unknownCriterion", r, colOf("code"), agency, null, codeRaw, codes);
      continue;
    }
    let result = out.get(key);
    if (!result) out.set(key, (result = { name: info.name, groups: [], entries: [], firstRow: r }));
    if (!appliesToAgency(leaf, info)) {
      find("criterionNotApplicable", r, colOf("code"), info.name, leaf, codeRaw, "");
      continue;
    }
    const pair = `${key}\u0000${leaf.id}`;
    const first = seen.get(pair);
    if (first !== undefined) {
      find("criterionRepeated", r, colOf("code"), info.name, leaf, codeRaw, String(first + origin.row + 1));
      continue;
    }
    seen.set(pair, r);

    const firstKind = FIRST_INPUT[leaf.method ?? "points"];
    const selfOutcome = leafPoints(leaf, at(r, firstKind), at(r, "input2"), decimals, cap);
    const appraisedRaw = at(r, "appraised");
    const appraisedOutcome = isBlank(appraisedRaw) ? null : appraisedPoints(leaf, appraisedRaw, cap);
    const inputKind = (o: Extract<LeafOutcome, { ok: false }>): LedgerColumn => (o.input === 1 ? "input2" : firstKind);
    const reportOutcome = (o: LeafOutcome, kindOf: (o: Extract<LeafOutcome, { ok: false }>) => LedgerColumn, raw: (k: LedgerColumn) => unknown) => {
      if (o.ok) return;
      const kind = kindOf(o);
      const col = colOf(kind);
      const value = raw(kind);
      if (o.blank) {
        find("criterionMissing", r, col, info.name, leaf, value, `“${LEDGER_COLUMNS.find((c) => c.kind === kind)!.header}”`);
        return;
      }
      const { code, detail } = leafProblemFinding(o.problem, leaf);
      find(code, r, col, info.name, leaf, value, detail);
    };
    const self = selfOutcome.ok ? selfOutcome.points : selfOutcome.blank ? null : selfOutcome.points;
    const appraised =
      appraisedOutcome === null ? null : appraisedOutcome.ok ? appraisedOutcome.points : appraisedOutcome.blank ? null : appraisedOutcome.points;
    // A blank self-assessment the council scored is the council's call: no finding.
    if (!(appraised !== null && !selfOutcome.ok && selfOutcome.blank)) reportOutcome(selfOutcome, inputKind, (k) => at(r, k));
    if (appraisedOutcome)
      reportOutcome(
        appraisedOutcome,
        () => "appraised",
        () => appraisedRaw,
      );
    if (leaf.evidence === "required" && isBlank(at(r, "evidence"))) find("evidenceMissing", r, colOf("evidence"), info.name, leaf, "", "");

    const points = appraisedOutcome !== null ? appraised : self;
    result.entries.push({ row: r, agency: info.name, leaf, self, appraised, points, comment: text(at(r, "comment")) });
    if (leaf.method !== "points" && cols.self !== undefined) write(writes, values, r, cols.self, self);
    if (cols.points !== undefined) write(writes, values, r, cols.points, points);
  }

  // Group sums: every applicable leaf of every agency that has rows.
  for (const [key, result] of out) {
    const info = known.get(key)!;
    const byId = new Map(result.entries.map((e) => [e.leaf.id, e]));
    const block = info.block ? rules.blocks.find((b) => b.id === info.block) : undefined;
    result.groups = rules.groups.map((g, gi) => {
      if (g.criteria.length === 0 || info.exemptGroups.includes(g.id)) return null;
      let complete = true;
      // Each node: its points within the maxima (children summed, capped at each parent's maximum), and
      // with overMax "keep" the excess of leaves typed above their own maximum, carried up as typed
      // (so the grid's cell shows it, and reports it, as it does without criteria).
      const node = (c: CriterionModel): { within: Dec; excess: Dec } => {
        if (isLeaf(c)) {
          if (!appliesToAgency(c, info)) return { within: ZERO, excess: ZERO };
          const e = byId.get(c.id);
          if (!e) {
            complete = false;
            find("criterionNoRow", result.firstRow, colOf("code"), info.name, c, "", "");
            return { within: ZERO, excess: ZERO };
          }
          if (e.points === null) complete = false;
          const p = e.points ?? ZERO;
          return cmp(p, c.max) > 0 ? { within: c.max, excess: sub(p, c.max) } : { within: p, excess: ZERO };
        }
        return capped(c.children.map(node), c.max);
      };
      const max = block ? block.maxes[gi] : g.max;
      const total = capped(g.criteria.map(node), max);
      return complete ? add(total.within, total.excess) : null;
    });
  }
  findings.sort((a, b) => a.row - b.row || a.col - b.col);
  return { ok: true, layout, agencies: out, findings, writes };
}

/** Children's points summed: within the maxima capped at `max`, the excess kept apart. */
function capped(parts: readonly { within: Dec; excess: Dec }[], max: Dec): { within: Dec; excess: Dec } {
  const within = parts.reduce((acc, p) => add(acc, p.within), ZERO);
  const excess = parts.reduce((acc, p) => add(acc, p.excess), ZERO);
  return { within: cmp(within, max) > 0 ? max : within, excess };
}

/** A write of a computed number (or "" to clear), only where the sheet holds something else. */
function write(writes: LedgerWrite[], values: readonly (readonly unknown[])[], row: number, col: number, value: Dec | null): void {
  const now = values[row]?.[col];
  if (value === null) {
    if (!isBlank(now)) writes.push({ row, col, value: "" });
    return;
  }
  const parsed = parseScore(now);
  if (parsed.kind === "number" && !parsed.fromText && cmp(parsed.value, value) === 0) return;
  writes.push({ row, col, value: toNumber(value) });
}

/** The grid's agencies as the ledger needs them (from a first scoring of the grid). */
export function ledgerAgencies(rows: readonly RowResult[], rules: Rules): LedgerAgency[] {
  return rows.map((r) => {
    const exemption = r.exemptKeyword === null ? undefined : rules.exemptions.find((e) => e.keywords.includes(r.exemptKeyword!));
    return { name: r.name, block: r.block, exemptCriteria: exemption?.criteria ?? [], exemptGroups: r.exemptGroups.map((g) => rules.groups[g].id) };
  });
}

export interface GridWrite {
  row: number;
  col: number;
  value: number | "";
}

export type LedgerScore =
  | {
      ok: true;
      /** The grid scored with the group sums in place, its findings with the ledger's. */
      result: Extract<ScoreResult, { ok: true }>;
      ledger: Extract<LedgerRead, { ok: true }>;
      /** The grid's values as scored (group sums in place). */
      values: unknown[][];
      /** Group sums to write into the grid (cells blank, or holding what the add-in wrote before). */
      gridWrites: GridWrite[];
    }
  | { ok: false; result: ScoreResult; ledger: LedgerRead };

/**
 * Scores a grid whose groups with criteria come from the ledger: the grid's agencies (blocks,
 * exemptions) decide which leaves apply; each agency's group sums go into the grid's group cells
 * (in memory, and as writes), except a cell a user typed over (not blank, not what the add-in wrote
 * there before — `written`, by address — and not the sum): that is a groupTypedOver finding and
 * keeps its content, while the sum counts. Then the grid is scored as without criteria.
 */
export function scoreWithLedger(
  grid: readonly (readonly unknown[])[],
  ledgerValues: readonly (readonly unknown[])[],
  rules: Rules,
  options: { origin?: Origin; ledgerOrigin?: Origin; ledgerSheet?: string; written?: ReadonlyMap<string, string | number> } = {},
): LedgerScore {
  const origin = options.origin ?? SHEET_ORIGIN;
  const located = locateGrid(grid, rules);
  if (!located.ok) {
    return { ok: false, result: scoreSheet(grid, rules, origin), ledger: { ok: false, reason: "noHeader" } };
  }
  const criteriaGroups = rules.groups.map((g, i) => (g.criteria.length > 0 ? i : -1)).filter((i) => i >= 0);
  const values = grid.map((row) => [...row]);
  const first = firstPass(grid, rules, origin);
  if (!first.ok) return { ok: false, result: first, ledger: { ok: false, reason: "noHeader" } };
  const ledger = readLedger(ledgerValues, rules, ledgerAgencies(first.rows, rules), options.ledgerOrigin ?? SHEET_ORIGIN, options.ledgerSheet ?? LEDGER_SHEET);
  if (!ledger.ok) return { ok: false, result: first, ledger };

  const layout: GridLayout = first.layout;
  const gridWrites: GridWrite[] = [];
  const typedOver: Finding[] = [];
  const written = options.written ?? new Map<string, string | number>();
  for (const row of first.rows) {
    const own = ledger.agencies.get(matchKey(row.name));
    for (const g of criteriaGroups) {
      const col = layout.groupCols[g];
      const now = grid[row.row][col];
      const sum = own ? own.groups[g] : null;
      const address = cellAddress(row.row, col, origin);
      const ours = isBlank(now) || written.get(address) === now;
      const parsed = parseScore(now);
      const same = sum !== null && parsed.kind === "number" && cmp(parsed.value, sum) === 0;
      if (row.exemptGroups.includes(g)) continue;
      if (ours || same) {
        values[row.row][col] = sum === null ? "" : toNumber(sum);
        if (!same && !(sum === null && isBlank(now))) gridWrites.push({ row: row.row, col, value: sum === null ? "" : toNumber(sum) });
      } else {
        // Typed over: kept on the sheet, named, and the criteria's sum counts.
        if (sum !== null) {
          typedOver.push(
            makeFinding("groupTypedOver", row.row, col, origin, {
              agency: row.name,
              group: rules.groups[g].name,
              value: displayValue(now),
              detail: formatVi(sum),
            }),
          );
        }
        values[row.row][col] = sum === null ? "" : toNumber(sum);
      }
    }
  }
  const scored = scoreSheet(values, rules, origin);
  if (!scored.ok) return { ok: false, result: scored, ledger };
  const findings = [...scored.findings, ...typedOver].sort((a, b) => a.row - b.row || a.col - b.col);
  const all = [...findings, ...ledger.findings];
  const result = {
    ...scored,
    findings: all,
    summary: {
      ...scored.summary,
      errors: all.filter((f) => f.severity === "error").length,
      warnings: all.filter((f) => f.severity === "warning").length,
    },
  };
  registerOtherSheetCorrections(result, (f) => ledgerCorrection(f, result, ledger, grid, ledgerValues, rules, options));
  return { ok: true, result, ledger, values, gridWrites };
}

/**
 * What correcting a ledger finding would change, where a correction is implied: a criterion above
 * its maximum → the maximum; points off the step → the step below. The whole workbook is scored
 * again with the ledger's cell corrected (ranks exact).
 */
function ledgerCorrection(
  f: Finding,
  result: Extract<ScoreResult, { ok: true }>,
  ledger: Extract<LedgerRead, { ok: true }>,
  grid: readonly (readonly unknown[])[],
  ledgerValues: readonly (readonly unknown[])[],
  rules: Rules,
  options: Parameters<typeof scoreWithLedger>[3],
): IfCorrected | null {
  if (f.code !== "criterionOverMax" && f.code !== "notAStep") return null;
  const entry = [...ledger.agencies.values()].flatMap((a) => a.entries).find((e) => e.row === f.row);
  const row = entry ? result.rows.find((r) => matchKey(r.name) === matchKey(entry.agency)) : undefined;
  if (!entry || !row) return null;
  const parsed = parseScore(ledgerValues[f.row]?.[f.col]);
  if (parsed.kind !== "number") return null;
  const step = entry.leaf.step;
  const value = f.code === "criterionOverMax" ? entry.leaf.max : step ? mul(div(parsed.value, step, 0, "down"), step) : parsed.value;
  const corrected = ledgerValues.map((r, i) => (i === f.row ? Object.assign([...r], { [f.col]: toNumber(value) }) : r));
  const again = scoreWithLedger(grid, corrected, rules, { ...options });
  const mine = again.ok ? again.result.rows.find((r) => r.row === row.row) : undefined;
  if (!mine || mine.total === null || mine.index === null) {
    return { correction: "max", value, total: null, maxPoints: null, index: null, className: null, rank: null, changes: row.total !== null };
  }
  const same = (a: Dec | null, b: Dec) => a !== null && cmp(a, b) === 0;
  const changes = !(same(row.total, mine.total) && same(row.index, mine.index) && row.className === mine.className && row.rank === mine.rank);
  return { correction: "max", value, total: mine.total, maxPoints: mine.maxPoints, index: mine.index, className: mine.className, rank: mine.rank, changes };
}

/**
 * The grid scored once to know its agencies (blocks, exemptions): group cells with criteria still
 * blank (a new grid) count 0 meanwhile, so that a row of names is found as agencies.
 */
function firstPass(grid: readonly (readonly unknown[])[], rules: Rules, origin: Origin): ScoreResult {
  const located = locateGrid(grid, rules);
  if (!located.ok) return scoreSheet(grid, rules, origin);
  const values = grid.map((row) => [...row]);
  const { headerRow, nameCol, groupCols } = located.layout;
  for (let r = headerRow + 1; r < values.length; r++) {
    if (isBlank(values[r][nameCol])) continue;
    rules.groups.forEach((g, i) => {
      if (g.criteria.length > 0 && isBlank(values[r][groupCols[i]])) values[r][groupCols[i]] = 0;
    });
  }
  return scoreSheet(values, rules, origin);
}

/** The grid's agencies as the ledger needs them, from its values, or why no grid is found there. */
export function readGridAgencies(
  grid: readonly (readonly unknown[])[],
  rules: Rules,
  origin: Origin = SHEET_ORIGIN,
): { ok: true; agencies: LedgerAgency[] } | Extract<ScoreResult, { ok: false }> {
  const first = firstPass(grid, rules, origin);
  return first.ok ? { ok: true, agencies: ledgerAgencies(first.rows, rules) } : first;
}

/** The grid's agencies as the ledger needs them, from its values (null when no grid is found). */
export function gridAgencies(grid: readonly (readonly unknown[])[], rules: Rules, origin: Origin = SHEET_ORIGIN): LedgerAgency[] | null {
  const read = readGridAgencies(grid, rules, origin);
  return read.ok ? read.agencies : null;
}

/** Each agency's criteria as read (Giải trình and the agency card): its entries, by the agency's name; null for an agency without rows. */
export const criteriaLookup =
  (ledger: Extract<LedgerRead, { ok: true }>) =>
  (name: string): readonly LedgerEntry[] | null =>
    ledger.agencies.get(matchKey(name))?.entries ?? null;

/**
 * The ledger read for a grid already scored with its sums (Giải trình, the agency card): the grid's agencies decide
 * which leaves apply. Null without criteria, without a ledger or when it has no header.
 */
export function ledgerOfScored(
  ledgerValues: readonly (readonly unknown[])[] | null,
  rules: Rules,
  rows: readonly RowResult[],
  origin: Origin = SHEET_ORIGIN,
): ((name: string) => readonly LedgerEntry[] | null) | null {
  if (ledgerValues === null || rules.leaves.length === 0) return null;
  const read = readLedger(ledgerValues, rules, ledgerAgencies(rows, rules), origin);
  return read.ok ? criteriaLookup(read) : null;
}

/** Each agency's criteria as the command line's JSON gives them: [{ id, self, appraised, points }]. */
export function criteriaOfAgency(
  ledger: Extract<LedgerRead, { ok: true }>,
  name: string,
): { id: string; self: number | null; appraised: number | null; points: number | null }[] {
  const own = ledger.agencies.get(matchKey(name));
  if (!own) return [];
  const n = (d: Dec | null) => (d === null ? null : toNumber(d));
  return own.entries.map((e) => ({ id: e.leaf.id, self: n(e.self), appraised: n(e.appraised), points: n(e.points) }));
}

// ---------------------------------------------------------------------------------------------
// Making the ledger.

const INPUT_FILL = "#FFF2CC";

export const LEDGER_STYLES: Record<string, CellStyle> = {
  title: { bold: true, italic: false, size: 13, hAlign: "center", vAlign: "center", wrap: false, border: false },
  header: { bold: true, italic: false, size: 11, hAlign: "center", vAlign: "center", wrap: true, border: true },
  text: { bold: false, italic: false, size: 11, hAlign: "left", vAlign: "center", wrap: true, border: true },
  code: { bold: false, italic: false, size: 11, hAlign: "center", vAlign: "center", wrap: false, border: true },
  number: { bold: false, italic: false, size: 11, hAlign: "center", vAlign: "center", wrap: false, border: true },
  input: { bold: false, italic: false, size: 11, hAlign: "center", vAlign: "center", wrap: false, border: true, fill: INPUT_FILL },
  inputText: { bold: false, italic: false, size: 11, hAlign: "left", vAlign: "center", wrap: true, border: true, fill: INPUT_FILL },
  result: { bold: true, italic: false, size: 11, hAlign: "center", vAlign: "center", wrap: false, border: true },
};

const LEDGER_WIDTHS = [28, 9, 40, 9, 14, 12, 9, 32, 10, 28, 9];
const KEPT: readonly LedgerColumn[] = ["input1", "input2", "self", "evidence", "appraised", "comment"];

/**
 * Whether a ledger (its used range's values, from A1) is still as it was made with nothing kept in it: the title in
 * A1 and every column where something is entered (inputs, Tự chấm, evidence, the council's) blank. Undo removes
 * only such a sheet.
 */
export function isUntouchedLedger(values: readonly (readonly unknown[])[]): boolean {
  const layout = values[0]?.[0] === LEDGER_TITLE ? locateLedger(values) : null;
  if (!layout) return false;
  return values.slice(layout.headerRow + 1).every((row) => KEPT.every((k) => layout.cols[k] === undefined || isBlank(row[layout.cols[k]!])));
}

/**
 * The ledger as a sheet description: a title, the header (frozen, repeated on every printed page),
 * then each agency's applicable leaves together, in the grid's order and the rules' order. What an
 * earlier ledger holds (inputs, Tự chấm, evidence, the council's columns) is kept, by agency and code.
 */
export function ledgerSheet(rules: Rules, agencies: readonly LedgerAgency[], previous: readonly (readonly unknown[])[] | null = null): SheetDescription {
  const kept = new Map<string, Partial<Record<LedgerColumn, unknown>>>();
  const old = previous ? locateLedger(previous) : null;
  if (previous && old) {
    for (let r = old.headerRow + 1; r < previous.length; r++) {
      const row = previous[r];
      const agency = old.cols.agency === undefined ? "" : text(row[old.cols.agency]);
      const code = old.cols.code === undefined ? "" : text(row[old.cols.code]);
      if (agency === "" || code === "") continue;
      const values: Partial<Record<LedgerColumn, unknown>> = {};
      for (const k of KEPT) if (old.cols[k] !== undefined && !isBlank(row[old.cols[k]!])) values[k] = row[old.cols[k]!];
      kept.set(`${matchKey(agency)}\u0000${code}`, values);
    }
  }
  const cells: SheetCell[] = [];
  const colCount = LEDGER_COLUMNS.length;
  cells.push({ row: 0, col: 0, value: LEDGER_TITLE, style: "title" });
  LEDGER_COLUMNS.forEach((c, i) => cells.push({ row: 1, col: i, value: c.header, style: "header" }));
  let r = 2;
  for (const a of agencies) {
    for (const leaf of rules.leaves) {
      if (!appliesToAgency(leaf, a)) continue;
      const keep = kept.get(`${matchKey(a.name)}\u0000${leaf.id}`) ?? {};
      const input = (k: LedgerColumn): string | number | null => {
        const v = keep[k];
        return typeof v === "number" || typeof v === "string" ? v : null;
      };
      const computed = leaf.method !== "points";
      const row: SheetCell[] = [
        { row: r, col: 0, value: a.name, style: "text", numberFormat: "@" },
        { row: r, col: 1, value: leaf.id, style: "code", numberFormat: "@" },
        { row: r, col: 2, value: leaf.name, style: "text", numberFormat: "@" },
        { row: r, col: 3, value: toNumber(leaf.max), style: "number" },
        // Number cells stay "General" even when blank (a blank cell is "@" by default): a number typed there is a number.
        // The first input of levels and Có/Không is a label: text.
        {
          row: r,
          col: 4,
          value: input("input1"),
          style: computed ? "input" : "number",
          unlocked: true,
          numberFormat: leaf.method === "levels" || leaf.method === "yesno" ? "@" : "General",
        },
        { row: r, col: 5, value: input("input2"), style: leaf.method === "ratio" ? "input" : "number", unlocked: true, numberFormat: "General" },
        { row: r, col: 6, value: computed ? null : input("self"), style: computed ? "number" : "input", unlocked: !computed, numberFormat: "General" },
        { row: r, col: 7, value: input("evidence"), style: "inputText", numberFormat: "@", unlocked: true },
        { row: r, col: 8, value: input("appraised"), style: "input", unlocked: true, numberFormat: "General" },
        { row: r, col: 9, value: input("comment"), style: "inputText", numberFormat: "@", unlocked: true },
        { row: r, col: 10, value: null, style: "result" },
      ];
      cells.push(...row);
      r++;
    }
  }
  return listSheet({ sheetName: LEDGER_SHEET, styles: LEDGER_STYLES, columnWidths: LEDGER_WIDTHS, cells, rowCount: r, colCount });
}
