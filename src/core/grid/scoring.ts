import { cellAddress, Origin, SHEET_ORIGIN } from "../base/address";
import { add, cmp, Dec, div, formatVi, fromNumber, min, mul, neg, sign, ZERO } from "../base/decimal";
import { Finding, FindingCode, makeFinding } from "../findings/findings";
import { COLUMN_ALIASES, GridLayout, HEADER_ALIASES, groupOfHeader, locateGrid, LocateResult } from "./grid";
import { displayValue, isBlank, parseScore, ParsedCell } from "../base/numbers";
import { rankDescending } from "./ranking";
import { Rules } from "../rules/rules";
import { criteriaMaxes as applicableMaxes } from "../rules/criteria";
import { cleanText, headerKey, matchKey } from "../text/text";
import { byEncoding, LEGACY_MESSAGES, LegacyCell, legacyCellsOfGrid, legacyCellsOfTop, legacyExample } from "./legacy-cells";
import { ENCODING_NAMES } from "../text/legacy-encoding";
import type { RowResult } from "./columns";

export type { RowResult };

export interface Summary {
  agencies: number;
  scored: number;
  byClass: { name: string; count: number }[];
  errors: number;
  warnings: number;
}

export type ScoreResult =
  | {
      ok: true;
      layout: GridLayout;
      rows: RowResult[];
      findings: Finding[];
      summary: Summary;
      rules: Rules;
      /** Headers, names and notes typed in TCVN3 or VNI (reported by legacyText findings). */
      legacy: LegacyCell[];
    }
  | {
      ok: false;
      error: Extract<LocateResult, { ok: false }>;
      /** With no grid found: the legacy texts among the rows where headers were looked for. */
      legacy: LegacyCell[];
    };

/** Rows searched for a header row (as locateGrid does). */
const HEADER_SEARCH_ROWS = 40;

const ALIAS_KEYS = new Set(HEADER_ALIASES.flatMap(([, words]) => words.map(headerKey)));

/** Whether a text is a header the grid recognises: a group of the rules or one of the other columns. */
export const knownHeader =
  (rules: Rules) =>
  (text: string): boolean =>
    groupOfHeader(rules, text) >= 0 || ALIAS_KEYS.has(headerKey(text));

/** Words in a note that speak of administrative procedures (for the "exemption may be missing" warning). */
const PROCEDURE_WORDS = [" tthc ", " thu tuc hanh chinh "];

/**
 * Scores a sheet: locates the grid, reads every score, applies the rules and ranks (within blocks,
 * when the rules have them). Never throws on any cell content; every problem becomes a finding
 * pointing at its cell.
 */
export function scoreSheet(
  values: readonly (readonly unknown[])[],
  rules: Rules,
  origin: Origin = SHEET_ORIGIN,
  /** Who reads the refusal: the add-in's pane (“bấm …”) or the command line (--sheet, --fix-encoding). */
  where: "pane" | "cli" = "pane",
): ScoreResult {
  const located = locateGrid(values, rules, where);
  if (!located.ok) {
    const legacy = located.reason !== "empty" ? legacyCellsOfTop(values, HEADER_SEARCH_ROWS, origin, knownHeader(rules)) : [];
    return { ok: false, error: withLegacyHint(located, legacy, where), legacy };
  }
  const { layout } = located;
  const findings: Finding[] = [];
  const blockOf = blockFinder(values, layout, rules);
  // Text typed in TCVN3 or VNI: one warning per encoding naming its cells; names are compared by
  // their Unicode form (so “Së Y tÕ” repeats “Sở Y tế”).
  const legacy = legacyCellsOfGrid(values, layout, origin, knownHeader(rules));
  reportLegacyText(legacy, origin, findings);
  reportLegacyHeaders(legacy, layout, origin, findings);
  reportSkippedRows(values, layout, blockOf, origin, findings);
  const scoreRow = rowScorer({ values, layout, rules, origin, legacy, blockOf, findings });
  const rows = layout.dataRows.map(scoreRow);
  rankWithinBlocks(rows, rules);
  findings.sort((a, b) => a.row - b.row || a.col - b.col);
  return { ok: true, layout, rows, findings, summary: summarize(rows, findings, rules), rules, legacy };
}

/** One warning per legacy encoding found in the grid, at its first cell, naming them all. */
function reportLegacyText(legacy: readonly LegacyCell[], origin: Origin, findings: Finding[]): void {
  for (const group of byEncoding(legacy)) {
    const first = group[0];
    findings.push(
      makeFinding("legacyText", first.row, first.col, origin, {
        agency: "",
        group: "",
        value: first.text,
        detail: first.converted,
        cells: group.map((c) => c.cell),
        encoding: first.encoding,
      }),
    );
  }
}

const NOTES_KEYS = new Set(COLUMN_ALIASES.notes.map(headerKey));
const BLOCK_KEYS = new Set(COLUMN_ALIASES.block.map(headerKey));

/**
 * A notes or block column whose header is legacy text (“Ghi chó”) is not read at all: its notes'
 * exemptions, its blocks are lost. An error at the header, which “Chuyển mã” converts.
 */
function reportLegacyHeaders(legacy: readonly LegacyCell[], layout: GridLayout, origin: Origin, findings: Finding[]): void {
  for (const c of legacy) {
    if (c.kind !== "header" || c.row < layout.headerTop || c.row > layout.headerRow) continue;
    const key = headerKey(c.converted);
    const role = NOTES_KEYS.has(key) && layout.notesCol !== c.col ? "notes" : BLOCK_KEYS.has(key) && layout.blockCol !== c.col ? "block" : null;
    if (role === null) continue;
    findings.push(
      makeFinding("legacyHeader", c.row, c.col, origin, { agency: "", group: role, value: c.text, detail: c.converted, cells: [c.cell], encoding: c.encoding }),
    );
  }
}

/** Rows set aside that the user should hear of: a row with scores but no name, an agency with no score that is not a block heading. */
function reportSkippedRows(values: readonly (readonly unknown[])[], layout: GridLayout, blockOf: BlockFinder, origin: Origin, findings: Finding[]): void {
  for (const skipped of layout.skippedRows) {
    if (skipped.why === "noName")
      findings.push(makeFinding("missingName", skipped.row, layout.nameCol, origin, { agency: "", group: "", value: "", detail: "" }));
    if (skipped.why === "noScores" && !blockOf.isBlockHeading(skipped.row)) {
      const name = cleanText(String(values[skipped.row][layout.nameCol]));
      findings.push(makeFinding("noScores", skipped.row, layout.nameCol, origin, { agency: name, group: "", value: "", detail: "" }));
    }
  }
}

interface SheetContext {
  values: readonly (readonly unknown[])[];
  layout: GridLayout;
  rules: Rules;
  origin: Origin;
  legacy: readonly LegacyCell[];
  blockOf: BlockFinder;
  findings: Finding[];
}

/** A group's scores as read for one agency: null where there is none (exempt, blank or unusable). */
interface ReadScores {
  scores: (Dec | null)[];
  usable: boolean;
  total: Dec;
  maxPoints: Dec;
  /** The first exemptible group left blank or 0 (-1: none), for the "exemption may be missing" warning. */
  zeroInExemptible: number;
}

/**
 * The function that scores one data row: its name (repeated?), block, exemption, the scores of its
 * groups, total, index and class. What is worked out once per sheet (exemption keywords' keys, the
 * maxima as messages show them) is worked out here, not per row.
 */
function rowScorer(ctx: SheetContext): (r: number) => RowResult {
  const { values, layout, rules, origin, blockOf, findings } = ctx;
  const seenNames = new Map<string, number>();
  const legacyAt = new Map(ctx.legacy.map((c) => [c.row * 65536 + c.col, c]));
  const exemptionKeys = rules.exemptions.map((e) => e.keywords.map((k) => matchKey(k)).filter((k) => k.length > 0));
  const exemptible = new Set(rules.exemptions.flatMap((e) => e.groupIndexes));
  const maxTexts = new Map<string | null, string[]>([[null, rules.groups.map((g) => formatVi(g.max))]]);
  for (const b of rules.blocks)
    maxTexts.set(
      b.id,
      b.maxes.map((m) => formatVi(m)),
    );
  const { decimals, rounding } = rules.json.index;

  /** The first exemption one of whose keywords the notes contain as whole words (containsKeyword). */
  const exemptionIn = (notesKey: string): { exemption: Rules["exemptions"][number]; keyword: string } | null => {
    if (notesKey === "") return null;
    for (let e = 0; e < exemptionKeys.length; e++) {
      const k = exemptionKeys[e].findIndex((key) => notesKey.includes(` ${key} `));
      if (k >= 0) return { exemption: rules.exemptions[e], keyword: rules.exemptions[e].keywords[k] };
    }
    return null;
  };

  /** A note in TCVN3/VNI whose Unicode form names an exemption: not applied until converted, and said loudly. */
  const reportLegacyExemption = (r: number, name: string): boolean => {
    const legacyNote = layout.notesCol === null ? undefined : legacyAt.get(r * 65536 + layout.notesCol);
    if (!legacyNote) return false;
    const convertedKey = ` ${matchKey(legacyNote.converted)} `;
    const e = exemptionKeys.findIndex((keys) => keys.some((k) => convertedKey.includes(` ${k} `)));
    if (e < 0) return false;
    const groups = rules.exemptions[e].groupIndexes.map((g) => rules.groups[g].name).join(", ");
    findings.push(
      makeFinding("legacyExemption", r, legacyNote.col, origin, {
        agency: name,
        group: groups,
        value: legacyNote.text,
        detail: legacyNote.converted,
        encoding: legacyNote.encoding,
      }),
    );
    return true;
  };

  /**
   * A Khối/Nhóm cell in TCVN3/VNI whose Unicode form names another block than the one the agency was placed
   * in (none, most often): not applied until converted, and said loudly (in place of noBlock).
   */
  const reportLegacyBlock = (r: number, name: string, block: Rules["blocks"][number] | null): boolean => {
    const legacyCell = layout.blockCol === null ? undefined : legacyAt.get(r * 65536 + layout.blockCol);
    const named = legacyCell ? blockOf.matchIn(legacyCell.converted) : null;
    if (!legacyCell || !named || named === block) return false;
    findings.push(
      makeFinding("legacyBlock", r, legacyCell.col, origin, {
        agency: name,
        group: named.name,
        value: legacyCell.text,
        detail: legacyCell.converted,
        encoding: legacyCell.encoding,
      }),
    );
    return true;
  };

  // The group maxima of an agency with criteria not applicable to it: one array per block and exemption (so their limits are computed once).
  const criteriaMaxesCache = new Map<string, { maxes: Dec[]; maxText: string[]; emptyGroups: number[] }>();
  const criteriaMaxes = (base: readonly Dec[], block: string | null, exemption: Rules["exemptions"][number] | undefined) => {
    const key = `${block ?? ""}\u0000${exemption ? rules.exemptions.indexOf(exemption) : -1}`;
    let own = criteriaMaxesCache.get(key);
    if (!own) {
      const { maxes } = applicableMaxes(rules.groups, base, block, new Set(exemption?.criteria ?? []));
      const emptyGroups = rules.groups.map((_, i) => i).filter((i) => rules.groups[i].criteria.length > 0 && sign(maxes[i]) === 0);
      own = { maxes, maxText: maxes.map((m) => formatVi(m)), emptyGroups };
      criteriaMaxesCache.set(key, own);
    }
    return own;
  };
  const readScores = readScoresOf(ctx);
  const groupMaxes = rules.groups.map((g) => g.max);

  return (r) => {
    const cells = values[r];
    const name = cleanText(String(cells[layout.nameCol] ?? ""));
    const notesRaw = layout.notesCol === null ? "" : cells[layout.notesCol];
    const notes = isBlank(notesRaw) ? "" : cleanText(String(notesRaw));
    const nameKey = matchKey(legacyAt.get(r * 65536 + layout.nameCol)?.converted ?? name);
    const firstRow = seenNames.get(nameKey);
    if (firstRow !== undefined) {
      findings.push(
        makeFinding("duplicateName", r, layout.nameCol, origin, { agency: name, group: "", value: "", detail: cellAddress(firstRow, layout.nameCol, origin) }),
      );
    } else seenNames.set(nameKey, r);

    const block = rules.blocks.length > 0 ? blockOf.block(r, notes) : null;
    const legacyBlock = rules.blocks.length > 0 && reportLegacyBlock(r, name, block);
    if (rules.blocks.length > 0 && block === null && !legacyBlock) {
      findings.push(
        makeFinding("noBlock", r, layout.nameCol, origin, { agency: name, group: "", value: "", detail: rules.blocks.map((b) => `“${b.name}”`).join(", ") }),
      );
    }
    let maxes = block ? block.maxes : groupMaxes;
    let maxText = maxTexts.get(block ? block.id : null)!;

    const notesKey = notes === "" ? "" : ` ${matchKey(notes)} `;
    const found = exemptionKeys.length > 0 ? exemptionIn(notesKey) : null;
    const exemption = found?.exemption;
    const exemptKeyword = found ? found.keyword : null;
    const legacyExempt = !exemption && reportLegacyExemption(r, name);
    const exemptGroups = exemption ? [...exemption.groupIndexes] : [];
    if (rules.leaves.length > 0) {
      // Criteria not applicable to this agency (another block's, or exempt) leave its group maxima;
      // a group left with none is exempt as a whole.
      const own = criteriaMaxes(maxes, block ? block.id : null, exemption);
      maxes = own.maxes;
      maxText = own.maxText;
      for (const g of own.emptyGroups) if (!exemptGroups.includes(g)) exemptGroups.push(g);
    }
    const read = readScores(r, name, maxes, maxText, exemptGroups, exemptKeyword, exemptible);
    let usable = read.usable;
    // (A legacy note naming an exemption has its own, louder finding.)
    if (!exemption && !legacyExempt && read.zeroInExemptible >= 0 && PROCEDURE_WORDS.some((w) => notesKey.includes(w))) {
      findings.push(
        makeFinding("maybeExempt", r, layout.notesCol ?? layout.nameCol, origin, {
          agency: name,
          group: rules.groups[read.zeroInExemptible].name,
          value: notes,
          detail: rules.exemptions
            .flatMap((e) => e.keywords)
            .map((k) => `“${k}”`)
            .join(", "),
        }),
      );
    }

    const row: RowResult = {
      row: r,
      name,
      notes,
      block: block ? block.id : null,
      exemptGroups,
      exemptKeyword,
      scores: read.scores,
      total: null,
      maxPoints: null,
      index: null,
      className: null,
      rank: null,
    };
    if (sign(read.maxPoints) <= 0 && usable) {
      findings.push(
        makeFinding("noApplicableGroup", r, layout.notesCol ?? layout.nameCol, origin, { agency: name, group: "", value: "", detail: exemptKeyword ?? "" }),
      );
      usable = false;
    }
    if (usable) {
      const [num, den] = rules.weighted ? weightedRatio(rules, read.scores, maxes, exemptGroups) : [read.total, read.maxPoints];
      row.total = read.total;
      row.maxPoints = read.maxPoints;
      row.index = div(num, den, decimals, rounding);
      row.className = classOf(block ? block.classes : rules.classes, rules.json.classifyOn, num, den, row.index);
    }
    return row;
  };
}

/**
 * The function that reads one agency's group cells: each parsed and checked against its maximum
 * (findings for what is missing, not a number, negative, above the maximum, non-zero where exempt),
 * summed over the counted groups.
 */
function readScoresOf({ values, layout, rules, origin, findings }: SheetContext) {
  // The largest magnitude a cell can hold and still be a score of its group: 1 000 times the group's
  // maximum (a typo such as 505 for 50,5 stays an "above the maximum" error), and never 10^15 or
  // more (Excel keeps 15 significant digits).
  const scoreLimit = (max: Dec): Dec => min(mul(max, { m: 1000, s: 0 }), { m: 1e15, s: 0 });
  // One array of maxima per block (and one without blocks): their limits are computed once each.
  const limitsByMaxes = new Map<readonly Dec[], Dec[]>();
  const limitsOf = (maxes: readonly Dec[]): Dec[] => {
    let limits = limitsByMaxes.get(maxes);
    if (!limits) limitsByMaxes.set(maxes, (limits = maxes.map(scoreLimit)));
    return limits;
  };
  const cap = rules.json.overMax === "cap";
  const report = (code: FindingCode, r: number, col: number, agency: string, g: number, raw: unknown, detail: string) =>
    findings.push(makeFinding(code, r, col, origin, { agency, group: rules.groups[g].name, value: displayValue(raw), detail }));

  return (
    r: number,
    name: string,
    maxes: readonly Dec[],
    maxText: readonly string[],
    exemptGroups: readonly number[],
    exemptKeyword: string | null,
    exemptible: ReadonlySet<number>,
  ): ReadScores => {
    const cells = values[r];
    const limits = limitsOf(maxes);
    const scores: (Dec | null)[] = [];
    let usable = true;
    let total = ZERO;
    let maxPoints = ZERO;
    let zeroInExemptible = -1;

    for (let g = 0; g < rules.groups.length; g++) {
      const group = rules.groups[g];
      const col = layout.groupCols[g];
      const raw = cells[col];
      // parseScore, with its first case (a number cell) inline: no intermediate object per cell.
      let value: Dec | null = typeof raw === "number" ? fromNumber(raw) : null;
      let kind: ParsedCell["kind"] = "number";
      if (value === null) {
        const parsed = parseScore(raw);
        kind = parsed.kind;
        if (parsed.kind === "number") value = parsed.value;
      }
      if (exemptGroups.length > 0 && exemptGroups.includes(g)) {
        scores.push(null);
        if (value !== null && sign(value) !== 0) {
          report("exemptNonZero", r, col, name, g, raw, exemptKeyword!);
        } else if (kind === "error" || kind === "invalid") {
          report(kind === "error" ? "errorValue" : "notANumber", r, col, name, g, raw, maxText[g]);
        }
        continue;
      }
      if (exemptible.has(g) && zeroInExemptible < 0 && (kind === "blank" || (value !== null && sign(value) === 0))) zeroInExemptible = g;
      if (value === null) {
        report(kind === "blank" ? "missing" : kind === "error" ? "errorValue" : "notANumber", r, col, name, g, raw, maxText[g]);
        usable = false;
        scores.push(null);
        continue;
      }
      // Beyond any score (1e308, a pasted serial number): reported, and the agency is not scored, so
      // no total, index or output ever holds a number Excel cannot (Infinity) or should not show.
      if (cmp(sign(value) < 0 ? neg(value) : value, limits[g]) > 0) {
        report("notAScore", r, col, name, g, raw, maxText[g]);
        usable = false;
        scores.push(null);
        continue;
      }
      if (sign(value) < 0) report("negative", r, col, name, g, raw, maxText[g]);
      else if (cmp(value, maxes[g]) > 0) {
        report("aboveMax", r, col, name, g, raw, maxText[g]);
        if (cap) value = min(value, maxes[g]);
      }
      scores.push(value);
      if (group.counted) {
        total = add(total, value);
        maxPoints = add(maxPoints, maxes[g]);
      }
    }
    return { scores, usable, total, maxPoints, zeroInExemptible };
  };
}

/** Competition ranks within each block (agencies in no block are not ranked when the rules have blocks). */
function rankWithinBlocks(rows: readonly RowResult[], rules: Rules): void {
  const groupsToRank = new Map<string | null, RowResult[]>();
  for (const r of rows) {
    if (r.index === null || (rules.blocks.length > 0 && r.block === null)) continue;
    const list = groupsToRank.get(r.block) ?? [];
    list.push(r);
    groupsToRank.set(r.block, list);
  }
  for (const scored of groupsToRank.values()) {
    const ranks = rankDescending(scored.map((r) => (rules.json.rankBy === "total" ? r.total! : r.index!)));
    scored.forEach((r, i) => (r.rank = ranks[i]));
  }
}

/** Counts for the pane and the ribbon's note: agencies, scored, by class, errors, warnings. */
function summarize(rows: readonly RowResult[], findings: readonly Finding[], rules: Rules): Summary {
  const scored = rows.filter((r) => r.index !== null);
  return {
    agencies: rows.length,
    scored: scored.length,
    byClass: countByClass(rules, scored),
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
  };
}

/** “No header row”: when the rows searched hold TCVN3/VNI text, the message says so and names the cells. */
function withLegacyHint(
  error: Extract<LocateResult, { ok: false }>,
  legacy: readonly LegacyCell[],
  where: "pane" | "cli",
): Extract<LocateResult, { ok: false }> {
  if (legacy.length === 0) return error;
  const example = { ...legacyExample(legacy, ENCODING_NAMES), where };
  return {
    ...error,
    message: error.message + LEGACY_MESSAGES.headersLegacy.vi(example),
    messageEn: error.messageEn + LEGACY_MESSAGES.headersLegacy.en(example),
  };
}

/**
 * The weighted index as an exact fraction: Σ wᵢ·sᵢ/mᵢ ÷ Σ wᵢ over the counted groups the agency is
 * scored on (the weights of exempt groups leave both sums, so the others are rescaled to 1). One
 * common denominator, so the only rounding is the index's own.
 */
function weightedRatio(rules: Rules, scores: readonly (Dec | null)[], maxes: readonly Dec[], exempt: readonly number[]): [Dec, Dec] {
  const used = rules.groups.map((g, i) => i).filter((i) => rules.groups[i].counted && rules.groups[i].weight !== null && !exempt.includes(i));
  const product = used.reduce((acc, i) => mul(acc, maxes[i]), ONE);
  let num = ZERO;
  let weights = ZERO;
  for (const i of used) {
    const others = used.reduce((acc, j) => (j === i ? acc : mul(acc, maxes[j])), ONE);
    num = add(num, mul(mul(rules.groups[i].weight!, scores[i]!), others));
    weights = add(weights, rules.groups[i].weight!);
  }
  return [num, mul(product, weights)];
}

const ONE: Dec = { m: 1, s: 0 };

/** Which block each agency row belongs to: its Khối/Nhóm cell, the nearest section heading above, or its notes. */
type BlockFinder = ReturnType<typeof blockFinder>;

function blockFinder(values: readonly (readonly unknown[])[], layout: GridLayout, rules: Rules) {
  const matchIn = (text: string): Rules["blocks"][number] | null => {
    if (text === "") return null;
    const key = ` ${matchKey(text)} `;
    return rules.blocks.find((b) => b.matchKeys.some((k) => key.includes(` ${k} `))) ?? null;
  };
  // Section headings: rows inside the grid that are not agencies and hold text (a heading row, or a
  // blank-named row whose text sits in the STT column).
  const headingAt = new Map<number, string>();
  for (const s of layout.skippedRows) {
    if (s.why !== "noScores" && s.why !== "blank") continue;
    const text = values[s.row]
      .filter((v) => typeof v === "string" && v.trim() !== "")
      .map((v) => String(v))
      .join(" ");
    if (text !== "") headingAt.set(s.row, text);
  }
  const headingRows = [...headingAt.keys()].sort((a, b) => a - b);
  const headingBlocks = new Map(headingRows.map((r) => [r, matchIn(headingAt.get(r)!)]));
  return {
    matchIn,
    isBlockHeading: (row: number): boolean => rules.blocks.length > 0 && headingBlocks.get(row) != null,
    block(row: number, notes: string): Rules["blocks"][number] | null {
      if (layout.blockCol !== null) {
        const cell = values[row][layout.blockCol];
        const found = matchIn(typeof cell === "string" ? cell : typeof cell === "number" ? String(cell) : "");
        if (found) return found;
      }
      let nearest = -1;
      for (const h of headingRows) {
        if (h < row) nearest = h;
        else break;
      }
      if (nearest >= 0) {
        const found = headingBlocks.get(nearest);
        if (found) return found;
      }
      return matchIn(notes);
    },
  };
}

function countByClass(rules: Rules, scored: readonly RowResult[]): Summary["byClass"] {
  const counts = new Map<string, number>();
  for (const r of scored) if (r.className !== null) counts.set(r.className, (counts.get(r.className) ?? 0) + 1);
  const names = [...new Set([...rules.classes, ...rules.blocks.flatMap((b) => b.classes)].map((c) => c.name))];
  return names.map((name) => ({ name, count: counts.get(name) ?? 0 }));
}

/** The class of an index: the first band (highest first) whose minimum it reaches; null without classes. */
function classOf(classes: Rules["classes"], on: Rules["json"]["classifyOn"], num: Dec, den: Dec, roundedIndex: Dec): string | null {
  if (classes.length === 0) return null;
  for (const band of classes) {
    const reaches = on === "roundedIndex" ? cmp(roundedIndex, band.min) >= 0 : cmp(num, mul(band.min, den)) >= 0;
    if (reaches) return band.name;
  }
  return classes[classes.length - 1].name;
}

/** Rows in annex order: by block (in the rules' order), then rank, unranked rows last, ties in sheet order. */
export function rankedRows(rows: readonly RowResult[], rules?: Rules): RowResult[] {
  const blockOrder = new Map((rules?.blocks ?? []).map((b, i) => [b.id, i]));
  const order = (r: RowResult) => (r.block === null ? blockOrder.size : (blockOrder.get(r.block) ?? blockOrder.size));
  return [...rows].sort((a, b) => order(a) - order(b) || (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.row - b.row);
}
