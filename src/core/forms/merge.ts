import { cellAddress, Origin, SHEET_ORIGIN } from "../base/address";
import { cmp, Dec, fromNumber, sign, toNumber } from "../base/decimal";
import { makeFinding, Severity } from "../findings/findings";
import { both, ddmmyyyy, hhmm, pick } from "../base/catalogue";
import { FORM_TEXT, IN_FORM_MESSAGES, MERGE_MESSAGES, MERGE_SEVERITY, MergeFindingCode, MergeParams, ReadLimit, ScoreFindingCode, Lang } from "./form-messages";
import { agencyMaxes, FORM_COLS, FORM_FIRST_GROUP_ROW } from "./forms";
import { exemptGroupsOf, FormIdentity, identityVerifies, isFormKey, rulesFingerprint } from "./form-parts";
import { scoreSheet, ScoreResult } from "../grid/scoring";
import { COLUMN_ALIASES, groupOfHeader, GridLayout, locateGrid } from "../grid/grid";
import { displayValue, isBlank, parseScore } from "../base/numbers";
import { Rules } from "../rules/rules";
import { CellStyle, SheetCell, SheetDescription, SheetMerge } from "../sheets/sheet";
import { FormMade, SelfAssessment, StoreState } from "../store/store";
import { cleanText, headerKey, matchKey } from "../text/text";
import { decodeLegacy, detectLegacy, ENCODING_NAMES, LegacyEncoding } from "../text/legacy-encoding";
import { byEncoding, withConverted } from "../grid/legacy-cells";
import { DifferenceRow, same as sameValue } from "./conclusions";
import { NoticeFindingCode, NoticeIdentity, noticeFinding, noticeVerifies, readNotice } from "./notices";
import { CriteriaFormReading, entered, formWindow, readCriteriaForm } from "./criteria-form";
import { appraisedPoints, CriterionModel, leafApplies, leafPoints, sumCapped, isLeaf } from "../rules/criteria";
import { FIRST_INPUT, LEDGER_SHEET, leafProblemFinding, locateLedger, LedgerColumn } from "../grid/ledger";
import { quotedSheet } from "../findings/findings";
import type { CriterionClaim } from "../store/store";

/**
 * Scores back in: reading a returned form from its values (as any .xlsx reader gives them, from A1),
 * and the merge plan: which grid cells take a self-assessed score or note, which differences the
 * council must settle, what the "Tự đánh giá" and "Chênh lệch" sheets show, and a finding for each
 * form that cannot be merged. Pure: the command line and the add-in only read files and write.
 */

/** A problem with one returned form: the file, the cell (when there is one) and the message in both languages. */
export interface MergeFinding {
  file: string;
  cell: string;
  severity: Severity;
  code: MergeFindingCode | ScoreFindingCode | NoticeFindingCode;
  agency: string;
  message: string;
  messageEn: string;
}

export interface Difference {
  agency: string;
  /** The group's name, or "Ghi chú" for the notes. */
  group: string;
  self: number | string;
  appraised: number | string;
  evidence: string;
  /** The grid cell holding the appraised value (per criterion: the ledger's Thẩm định, its sheet named). */
  cell: string;
  /** A difference per criterion: the criterion's code. */
  criterion?: string;
}

/** A returned form as the caller read it: its values from A1 and its stored identity (null: none, or a form rebuilt by hand). */
export interface ReturnedForm {
  /** The file as the user named it (the path given on the command line, the name chosen in the pane). */
  file: string;
  /** null: the file could not be read as a workbook (`problem` says why when it is known). */
  values: readonly (readonly unknown[])[] | null;
  /** The formulas ("=…" where a cell has one), to tell a formula saved without its value from an empty cell. */
  formulas?: readonly (readonly unknown[])[];
  identity: FormIdentity | null;
  /** Why there are no values: the file is not there, or it passes a reading limit (its size once inflated, its number of parts, cells or strings). */
  problem?: { code: "notFound" } | ReadLimitPassed;
  /** A returned "Thông báo kết quả thẩm định": its identity (from its hidden data). */
  notice?: NoticeIdentity;
}

/** A reading limit a file passes: what (bytes inflated, parts, cells, shared strings), where ("": the file as a whole), the limit (MiB for bytes). */
export interface ReadLimitPassed {
  code: "tooLarge";
  what: ReadLimit;
  part: string;
  limit: number;
}

/** An agency's reply from a returned notice, for its difference's "Kiến nghị" cell. */
export interface Reply {
  agency: string;
  group: string;
  reply: string;
  file: string;
}

export interface FormReading {
  agency: { name: string; cell: string } | null;
  groups: { group: number; cell: string; raw: unknown; evidence: string }[];
  notes: { text: string; cell: string } | null;
  /** Texts typed in TCVN3 or VNI (labels, the agency's name, evidence, notes), read as their Unicode text. */
  legacy: { cell: string; text: string; converted: string; encoding: LegacyEncoding }[];
}

const text = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const NAME_KEYS = new Set(COLUMN_ALIASES.name.map(headerKey));
const EVIDENCE_KEYS = ["tai lieu kiem chung", "minh chung", "kiem chung"];

/** The first non-blank cell right of (row, col) within `cols` columns, as merged cells read (only the top-left holds the value). */
function rightOf(values: readonly (readonly unknown[])[], row: number, col: number, cols: number): { value: unknown; col: number } | null {
  const cells = values[row] ?? [];
  for (let c = col + 1; c < Math.min(cells.length, cols); c++) if (!isBlank(cells[c])) return { value: cells[c], col: c };
  return null;
}

/**
 * Reads a form from its values: each group's row by its name (matched like the grid's headers:
 * case, accents, spacing and a trailing "(…)" ignored), the score in the cell right of the name,
 * the evidence in the column headed “Tài liệu kiểm chứng”, the agency right of “Cơ quan:”, the
 * notes right of “Ghi chú”. Null when it is not a form: no group found, or the groups side by side
 * on one row (a score table, not a form).
 */
export function readForm(values: readonly (readonly unknown[])[], rules: Rules): FormReading | null {
  const found = new Map<number, { row: number; col: number }>();
  let evidenceCol = -1;
  let agency: FormReading["agency"] = null;
  let notesAt: { row: number; col: number } | null = null;
  const legacy: FormReading["legacy"] = [];
  // A form retyped in a legacy font: a label is read as its Unicode text when only that text is one the form has.
  const isLabel = (t: string) => {
    const key = matchKey(t);
    return (
      groupOfHeader(rules, t) >= 0 ||
      EVIDENCE_KEYS.some((k) => key.startsWith(k)) ||
      NAME_KEYS.has(headerKey(t)) ||
      key === "ghi chu" ||
      /^(co quan|ten co quan|don vi|ten don vi) /.test(key)
    );
  };
  const label = (t: string, r: number, c: number): string => {
    if (isLabel(t)) return t;
    for (const e of ["tcvn3", "vni"] as const) {
      const converted = decodeLegacy(t, e);
      if (converted !== t && isLabel(converted)) {
        legacy.push({ cell: cellAddress(r, c), text: t, converted, encoding: e });
        return converted;
      }
    }
    return t;
  };
  /** A text the agency typed (its name, evidence, notes): converted when it reads as legacy text (the labels' encoding first). */
  const typed = (t: string, cell: string): string => {
    const e = detectLegacy(t, legacy[0]?.encoding ?? null);
    if (e === null) return t;
    const converted = decodeLegacy(t, e);
    legacy.push({ cell, text: t, converted, encoding: e });
    return converted;
  };
  const window = formWindow(values);
  const rows = Math.min(values.length, window.rows);
  for (let r = 0; r < rows; r++) {
    const cells = values[r];
    for (let c = 0; c < Math.min(cells.length, window.cols); c++) {
      const raw = cells[c];
      if (typeof raw !== "string" || isBlank(raw)) continue;
      const v = label(raw, r, c);
      const g = groupOfHeader(rules, v);
      if (g >= 0) {
        if (!found.has(g)) found.set(g, { row: r, col: c });
        continue;
      }
      const key = matchKey(v);
      if (evidenceCol < 0 && EVIDENCE_KEYS.some((k) => key.startsWith(k))) evidenceCol = c;
      else if (agency === null && (NAME_KEYS.has(headerKey(v)) || NAME_KEYS.has(key))) {
        const right = rightOf(values, r, c, window.cols);
        if (right && typeof right.value === "string") {
          const cell = cellAddress(r, right.col);
          agency = { name: cleanText(typed(right.value, cell)), cell };
        }
      } else if (agency === null && /^(co quan|ten co quan|don vi|ten don vi) /.test(key) && v.includes(":")) {
        const name = cleanText(typed(v.slice(v.indexOf(":") + 1), cellAddress(r, c)));
        if (name) agency = { name, cell: cellAddress(r, c) };
      } else if (notesAt === null && key === "ghi chu") notesAt = { row: r, col: c };
    }
  }
  if (found.size === 0) return null;
  const groupRows = [...found.values()].map((p) => p.row);
  if (new Set(groupRows).size < groupRows.length) return null;
  const groups = [...found.entries()]
    .sort(([a], [b]) => a - b)
    .map(([group, p]) => {
      const evidence = evidenceCol > p.col + 1 ? values[p.row][evidenceCol] : "";
      const evidenceText = isBlank(evidence) ? "" : typed(text(evidence), cellAddress(p.row, evidenceCol));
      return { group, cell: cellAddress(p.row, p.col + 1), raw: values[p.row][p.col + 1] ?? "", evidence: cleanText(evidenceText) };
    });
  let notes: FormReading["notes"] = null;
  if (notesAt) {
    const right = rightOf(values, notesAt.row, notesAt.col, window.cols);
    notes = right
      ? { text: cleanText(typed(text(right.value), cellAddress(notesAt.row, right.col))), cell: cellAddress(notesAt.row, right.col) }
      : { text: "", cell: cellAddress(notesAt.row, notesAt.col + 1) };
  }
  return { agency, groups, notes, legacy };
}

/**
 * A returned form reduced to what the merge reads: its window (formWindow: never more than SCAN_ROWS ×
 * SCAN_COLS cells) of its values and formulas (readForm and the merge never look further). The caller keeps this and drops
 * the file's bytes and full values before it reads the next form, so that a merge of any number of
 * forms holds one form's full reading at a time plus a bounded window per form.
 */
export function compactReturnedForm(form: ReturnedForm): ReturnedForm {
  // Through JSON: the window's texts become strings of their own. A text cut out of the parser's buffer
  // (a V8 sliced string) would otherwise keep the whole buffer (megabytes of the file) alive.
  const own = (v: unknown): unknown => (typeof v === "string" ? (JSON.parse(JSON.stringify(v)) as string) : v);
  if (form.values === null) return form;
  const { rows: height, cols } = formWindow(form.values);
  const window = (rows: readonly (readonly unknown[])[]): unknown[][] => rows.slice(0, height).map((row) => row.slice(0, cols).map(own));
  return { ...form, values: window(form.values), ...(form.formulas ? { formulas: window(form.formulas) } : {}) };
}

export interface MergeInput {
  rules: Rules;
  /** The grid sheet's values (from `origin`) and its name. */
  values: readonly (readonly unknown[])[];
  origin?: Origin;
  sheetName: string;
  state: StoreState;
  /** The master's id and year, as the forms were made (masterWorkbookId, the decision's year). */
  masterId: string;
  year: number;
  /** The master's secret form key (`formKey` in its store); null: it has none (forms with a token cannot be checked). */
  formKey: string | null;
  forms: readonly ReturnedForm[];
  /** ISO time of this merge. */
  now: string;
  /** The rows of the "Chênh lệch" sheet before this merge (a returned notice's replies may be for them). */
  differenceRows?: readonly DifferenceRow[];
  /** The grid as the caller already scored it (these values, these rules): its grid is not located nor scored again. */
  scored?: Extract<ScoreResult, { ok: true }>;
  /**
   * The ledger "Chấm điểm chi tiết" (rules with criteria), its values from A1: forms at criterion level
   * fill it (Số liệu, Số liệu 2, Tự chấm, Tài liệu kiểm chứng) instead of the grid; its Thẩm định is the council's.
   */
  ledger?: { values: readonly (readonly unknown[])[]; origin?: Origin; sheetName?: string };
}

export interface CellWrite {
  row: number;
  col: number;
  /** A score (number) or a note (text, written as text). */
  value: number | string;
  address: string;
}

export interface MergePlan {
  layout: GridLayout;
  writes: CellWrite[];
  merged: { file: string; agency: string; copies?: string[] }[];
  findings: MergeFinding[];
  differences: Difference[];
  selfAssessments: SelfAssessment[];
  /** Nothing changes: no cell to write and the recorded self-assessments are the same. */
  unchanged: boolean;
  /** The grid's agencies with no form merged yet (this merge's or an earlier one's), in grid order. */
  missing: string[];
  /** The grid's agencies (named rows). */
  agencies: number;
  /** The replies of the returned notices that verified ("Kiến nghị" on "Chênh lệch"). */
  replies: Reply[];
  /** Cells of the ledger to write (0-based in its values; `address` names the sheet): forms at criterion level. */
  ledgerWrites: CellWrite[];
  /** Forms at criterion level were accepted but no ledger was given: their criteria have nowhere to go. */
  needsLedger: boolean;
}

export type MergeResult = { ok: true; plan: MergePlan } | { ok: false; message: string; messageEn: string };

function finding(code: MergeFindingCode, p: Partial<MergeParams> & { file: string }): MergeFinding {
  const params: MergeParams = { cell: "", agency: "", detail: "", reason: "", ...p };
  return { file: p.file, cell: params.cell, severity: MERGE_SEVERITY[code], code, agency: params.agency, ...both(MERGE_MESSAGES, code, params) };
}

export const mergeFindingMessage = (f: MergeFinding, lang: Lang): string => pick(f, lang);

interface Candidate {
  form: ReturnedForm;
  row: number;
  agency: string;
  reading: FormReading;
  record: Omit<SelfAssessment, "at" | "file">;
  scoreFindings: MergeFinding[];
  /** Numbers to write per group (null: nothing). */
  numbers: (number | null)[];
  /** The identity verified against the master's key (false: a form without identity). */
  verified: boolean;
  /** No score at all: nothing to merge (formIncomplete). */
  empty: boolean;
}

const sameRecord = (a: Omit<SelfAssessment, "at" | "file">, b: Omit<SelfAssessment, "at" | "file">): boolean =>
  JSON.stringify([a.agency, a.scores, a.evidence, a.notes, a.criteria ?? null]) ===
  JSON.stringify([b.agency, b.scores, b.evidence, b.notes, b.criteria ?? null]);

/** The merge plan of returned forms into the grid. Refused (the master is unusable) only when its grid cannot be found. */
export function planMerge(input: MergeInput): MergeResult {
  const { rules, forms } = input;
  const origin = input.origin ?? SHEET_ORIGIN;
  // Headers typed in TCVN3/VNI (“Ghi chó”) are read as their Unicode text, and said; the master is not changed.
  // The grid as the caller scored it (else scored here): located and scored once unless headers are converted.
  const first = input.scored ?? scoreSheet(input.values, rules, origin);
  const masterLegacy = first.legacy.filter((c) => c.kind === "header");
  const values = masterLegacy.length > 0 ? withConverted(input.values, masterLegacy) : input.values;
  let layout: GridLayout;
  if (first.ok && masterLegacy.length === 0) layout = first.layout;
  else {
    const located = locateGrid(values, rules);
    if (!located.ok) {
      const error = first.ok ? located : first.error;
      return { ok: false, message: error.message, messageEn: error.messageEn };
    }
    layout = located.layout;
  }
  const rowOf = new Map<string, number>();
  for (const r of layout.dataRows) {
    const key = matchKey(text(values[r][layout.nameCol]));
    if (!rowOf.has(key)) rowOf.set(key, r);
  }
  // Each agency's maxima (its block's, with rules that have blocks), as scoring finds them.
  const scored = masterLegacy.length > 0 ? scoreSheet(values, rules, origin) : first;
  const maxesOf = agencyMaxes(rules, scored.ok ? scored.rows : []);
  const blockOf = new Map((scored.ok ? scored.rows : []).map((r) => [r.row, r.block]));
  const gridName = (r: number) => cleanText(text(values[r][layout.nameCol]));
  const gridNotes = (r: number) => (layout.notesCol === null ? "" : cleanText(text(values[r][layout.notesCol])));
  const fp = rulesFingerprint(rules.json);
  const findings: MergeFinding[] = byEncoding(masterLegacy).map((cells) =>
    finding("legacyInMaster", {
      file: input.sheetName,
      cell: cells.map((c) => c.cell).join(", "),
      value: cells[0].text,
      detail: cells[0].converted,
      encoding: ENCODING_NAMES[cells[0].encoding],
    }),
  );
  const candidates: Candidate[] = [];

  const notices: ReturnedForm[] = [];
  for (const form of forms) {
    const file = form.file;
    // A returned notice of appraisal results: its replies, not scores (below).
    if (form.values !== null && (form.notice || (form.identity === null && readNotice(form.values) !== null))) {
      notices.push(form);
      continue;
    }
    if (form.values === null) {
      const p = form.problem;
      if (p?.code === "notFound") findings.push(finding("fileNotFound", { file }));
      else if (p?.code === "tooLarge") findings.push(finding("fileTooLarge", { file, detail: p.part, reason: p.what, value: String(p.limit) }));
      else findings.push(finding("unreadable", { file }));
      continue;
    }
    // A form at criterion level (rules with criteria): read by its codes; its agency and notes as any form's.
    const crit = rules.leaves.length > 0 ? readCriteriaForm(form.values, rules) : null;
    const reading = crit ? (readForm(form.values, rules) ?? { agency: null, groups: [], notes: null, legacy: [] }) : readForm(form.values, rules);
    const notAForm = crit
      ? crit.entries.length === 0 && crit.groups.length === 0
      : reading === null || (form.identity === null && reading.agency === null && reading.groups.length < rules.groups.length);
    if (reading === null || notAForm) {
      findings.push(finding("notAForm", { file }));
      continue;
    }
    const id = form.identity;
    const agencyName = id?.agency ?? reading.agency?.name ?? "";
    if (agencyName === "") {
      findings.push(finding("noAgencyName", { file }));
      continue;
    }
    if (id && id.masterId !== input.masterId) {
      findings.push(finding("otherMaster", { file, agency: agencyName }));
      continue;
    }
    // The token: HMAC of master id | agency | year under the master's key, which no agency has. An
    // identity without one (a form made before tokens) counts as no identity: merged as unverified.
    const verified = id !== null && id.token !== undefined;
    if (id && verified) {
      const key = isFormKey(input.formKey) ? input.formKey : null;
      if (key === null || !identityVerifies(key, id)) {
        findings.push(finding("identityNotVerified", { file, agency: agencyName, reason: key === null ? "noKey" : "token" }));
        continue;
      }
    }
    if (id && id.year !== input.year) {
      findings.push(finding("otherYear", { file, agency: agencyName, detail: String(id.year), cell: String(input.year) }));
      continue;
    }
    // The name printed on the form must be the one its identity names.
    if (id && (reading.agency === null || matchKey(reading.agency.name) !== matchKey(id.agency))) {
      findings.push(
        finding("identityNotVerified", {
          file,
          agency: agencyName,
          reason: "printedName",
          detail: reading.agency?.name ?? "",
          cell: reading.agency?.cell ?? "C2",
        }),
      );
      continue;
    }
    const row = rowOf.get(matchKey(agencyName));
    if (row === undefined) {
      findings.push(finding("agencyNotInGrid", { file, agency: agencyName, cell: reading.agency?.cell ?? "", detail: input.sheetName }));
      continue;
    }
    if (id && id.rulesFingerprint !== fp) findings.push(finding("rulesChanged", { file, agency: gridName(row) }));
    for (const cells of byEncoding(reading.legacy.map((l) => ({ ...l, row: 0, col: 0, kind: "header" as const }))))
      findings.push(
        finding("legacyInForm", {
          file,
          agency: gridName(row),
          cell: cells.map((c) => c.cell).join(", "),
          value: cells[0].text,
          detail: cells[0].converted,
          encoding: ENCODING_NAMES[cells[0].encoding],
        }),
      );
    const maxes = maxesOf.get(row) ?? rules.groups.map((g) => g.max);
    const candidate = crit
      ? readCriteriaCandidate(form, row, gridName(row), gridNotes(row), reading, crit, rules, maxes, verified, blockOf.get(row) ?? null)
      : readCandidate(form, row, gridName(row), gridNotes(row), reading, rules, maxes, verified);
    if (candidate.empty) {
      findings.push(finding("formIncomplete", { file, agency: gridName(row), reason: "empty" }));
      continue;
    }
    candidates.push(candidate);
  }

  // One form per agency: a verified form sets aside the unverified ones; identical copies count once;
  // different forms for one agency are all held back.
  const previous = input.state.selfAssessments ?? [];
  const records = new Map<string, SelfAssessment>(previous.map((s) => [matchKey(s.agency), s]));
  const byRow = new Map<number, Candidate[]>();
  for (const c of candidates) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  const accepted: { c: Candidate; copies: string[] }[] = [];
  for (const [, all] of [...byRow].sort(([a], [b]) => a - b)) {
    const verified = all.filter((c) => c.verified);
    const list = verified.length > 0 ? verified : all;
    for (const c of all.filter((c) => !list.includes(c)))
      findings.push(finding("unverifiedSetAside", { file: c.form.file, agency: c.agency, detail: verified.map((o) => `“${o.form.file}”`).join(", ") }));
    const [first, ...rest] = list;
    if (rest.every((c) => sameRecord(c.record, first.record))) {
      // A form for an agency already merged replaces its record only when it verifies.
      const old = records.get(matchKey(first.agency));
      if (old && !sameRecord(old, first.record)) {
        if (!first.verified) {
          findings.push(finding("notReplaced", { file: first.form.file, agency: first.agency, detail: old.file }));
          continue;
        }
        findings.push(finding("recordReplaced", { file: first.form.file, agency: first.agency, detail: old.file }));
      }
      if (!first.verified) findings.push(finding("unverifiedForm", { file: first.form.file, agency: first.agency }));
      accepted.push({ c: first, copies: rest.map((c) => c.form.file) });
      findings.push(...first.scoreFindings);
      continue;
    }
    for (const c of list) {
      const others = list
        .filter((o) => o !== c)
        .map((o) => `“${o.form.file}”`)
        .join(", ");
      findings.push(finding("conflictingForms", { file: c.form.file, agency: c.agency, detail: others }));
    }
  }

  // Grid cells: an empty cell takes the self-assessed value; a filled one is kept (a difference when it differs).
  const writes: CellWrite[] = [];
  const written = new Map<string, number | string>();
  for (const { c } of accepted) {
    c.numbers.forEach((n, g) => {
      const col = layout.groupCols[g];
      if (n !== null && isBlank(values[c.row][col])) {
        writes.push({ row: c.row, col, value: n, address: cellAddress(c.row, col, origin) });
        written.set(`${c.row}:${col}`, n);
      }
    });
    // The agency's notes are its claim: kept in “Tự đánh giá” (and in “Chênh lệch” when they differ from the
    // grid's), never written into the grid's Ghi chú, which only the council changes.
  }

  // The recorded claims: this merge's forms replace the agency's earlier record only when they say something else.
  for (const { c } of accepted) {
    const key = matchKey(c.agency);
    const old = records.get(key);
    if (old && sameRecord(old, c.record) && old.verified === c.record.verified) continue;
    const madeAt = c.verified ? c.form.identity?.madeAt : undefined;
    records.set(key, { ...c.record, file: c.form.file, at: input.now, ...(madeAt ? { madeAt } : {}) });
  }
  const gridOrder = new Map(layout.dataRows.map((r, i) => [matchKey(gridName(r)), i]));
  const selfAssessments = [...records.values()].sort(
    (a, b) => (gridOrder.get(matchKey(a.agency)) ?? Infinity) - (gridOrder.get(matchKey(b.agency)) ?? Infinity),
  );

  // Forms at criterion level: what each agency entered goes into its rows of the ledger (never Thẩm định).
  const ledger = ledgerOf(input, rules);
  const ledgerWrites = ledger ? ledgerWritesOf(ledger, rules, accepted, findings) : [];
  const cellNow = (row: number, col: number): unknown => written.get(`${row}:${col}`) ?? values[row][col];
  const differences = [
    ...differencesOf(rules, layout, selfAssessments, rowOf, cellNow, origin),
    ...(ledger ? criteriaDifferences(ledger, rules, selfAssessments) : []),
  ];
  const replies = repliesOf(notices, input, differences, findings);
  const unchanged = writes.length === 0 && ledgerWrites.length === 0 && replies.length === 0 && JSON.stringify(selfAssessments) === JSON.stringify(previous);
  const named = layout.dataRows.map(gridName).filter((name) => name !== "");
  const missing = named.filter((name) => !records.has(matchKey(name)));
  return {
    ok: true,
    plan: {
      layout,
      writes,
      merged: accepted.map(({ c, copies }) => ({ file: c.form.file, agency: c.agency, ...(copies.length ? { copies } : {}) })),
      findings,
      differences,
      selfAssessments,
      unchanged,
      missing,
      agencies: named.length,
      replies,
      ledgerWrites,
      needsLedger: ledger === null && accepted.some(({ c }) => c.record.criteria !== undefined),
    },
  };
}

/**
 * The replies of returned notices: only from a notice whose identity verifies against the master's key
 * (an agency cannot reply for another), each for a difference of its agency on "Chênh lệch" (those of
 * this merge, or the rows the sheet holds, `input.differenceRows`).
 */
function repliesOf(notices: readonly ReturnedForm[], input: MergeInput, differences: readonly Difference[], findings: MergeFinding[]): Reply[] {
  const out: Reply[] = [];
  const known = new Set([...differences, ...(input.differenceRows ?? [])].map((d) => `${matchKey(d.agency)}|${matchKey(d.group)}`));
  const key = isFormKey(input.formKey) ? input.formKey : null;
  for (const n of notices) {
    const read = readNotice(n.values ?? []);
    const id = n.notice ?? null;
    if (read === null || !noticeVerifies(key, id, input.masterId, input.year) || matchKey(read.agency) !== matchKey(id!.agency)) {
      findings.push(noticeFinding("noticeNotVerified", { file: n.file, agency: id?.agency ?? read?.agency ?? "", group: "", cell: "" }));
      continue;
    }
    for (const r of read.replies) {
      if (!known.has(`${matchKey(id!.agency)}|${matchKey(r.group)}`)) {
        findings.push(noticeFinding("noticeNoDifference", { file: n.file, agency: id!.agency, group: r.group, cell: r.cell }));
        continue;
      }
      out.push({ agency: id!.agency, group: r.group, reply: r.reply, file: n.file });
    }
  }
  return out;
}

function readCandidate(
  form: ReturnedForm,
  row: number,
  agency: string,
  gridNotesText: string,
  reading: FormReading,
  rules: Rules,
  maxes: readonly Dec[],
  verified: boolean,
  /** A form at criterion level: its groups with criteria are read by criterion (readCriteriaCandidate), not here. */
  byCriteria = false,
): Candidate {
  const notes = reading.notes?.text ?? "";
  const exempt = exemptGroupsOf(rules, gridNotesText || notes)?.groups ?? [];
  const scores: (number | string | null)[] = rules.groups.map(() => null);
  const evidence: string[] = rules.groups.map(() => "");
  const numbers: (number | null)[] = rules.groups.map(() => null);
  const scoreFindings: MergeFinding[] = [];
  const file = form.file;
  // A group whose row is not found (its name changed in a form whose sheet protection was removed):
  // named, with the cell where a form made here has it, rather than dropped without a word.
  const found = new Set(reading.groups.map((g) => g.group));
  rules.groups.forEach((group, g) => {
    if (found.has(g) || (byCriteria && group.criteria.length > 0)) return;
    const cell = form.identity ? cellAddress(FORM_FIRST_GROUP_ROW + g, FORM_COLS.group) : "";
    const there = form.identity ? displayValue(form.values?.[FORM_FIRST_GROUP_ROW + g]?.[FORM_COLS.group] ?? "") : "";
    scoreFindings.push(finding("groupNotFound", { file, agency, cell, detail: group.name, reason: there === "" ? "" : "renamed", value: there }));
  });
  const blanks: string[] = [];
  let filled = 0;
  for (const g of reading.groups) {
    evidence[g.group] = g.evidence;
    const raw = g.raw;
    if (isExemptMark(raw)) continue;
    if (isBlank(raw)) {
      // A formula saved without its value (written by a tool that does not calculate): said, not taken for an empty cell.
      const { row: r, col } = parseA1(g.cell);
      const formula = form.formulas?.[r]?.[col];
      if (typeof formula === "string" && formula.startsWith("=")) {
        filled++;
        scoreFindings.push(finding("formulaNoValue", { file, agency, cell: g.cell, detail: rules.groups[g.group].name, value: formula }));
      } else if (!exempt.includes(g.group)) blanks.push(g.cell);
      continue;
    }
    filled++;
    const parsed = parseScore(raw);
    const group = rules.groups[g.group];
    const report = (code: ScoreFindingCode) => {
      const { row: r, col } = parseA1(g.cell);
      const f = makeFinding(code, r, col, SHEET_ORIGIN, { agency, group: group.name, value: displayValue(raw), detail: formatMax(maxes[g.group]) });
      scoreFindings.push({
        file: form.file,
        cell: g.cell,
        severity: f.severity,
        code,
        agency,
        ...both(IN_FORM_MESSAGES, "inForm", { file: form.file, finding: f }),
      });
    };
    if (parsed.kind !== "number") {
      scores[g.group] = displayValue(raw);
      report(parsed.kind === "error" ? "errorValue" : "notANumber");
      continue;
    }
    const n = toNumber(parsed.value);
    scores[g.group] = n;
    // Negative or above the maximum: merged as typed (the grid then shows the same finding), and reported now.
    if (sign(parsed.value) < 0) report("negative");
    else if (cmp(parsed.value, maxes[g.group]) > 0 && !exempt.includes(g.group)) report("aboveMax");
    numbers[g.group] = n;
  }
  // An empty score the form asks for: named (an empty form is not merged at all, see planMerge).
  if (filled > 0)
    for (const cell of blanks) {
      const group = reading.groups.find((g) => g.cell === cell)!.group;
      scoreFindings.push(finding("formIncomplete", { file, agency, cell, detail: rules.groups[group].name, reason: "blank" }));
    }
  return { form, row, agency, reading, record: { agency, verified, scores, evidence, notes }, scoreFindings, numbers, verified, empty: filled === 0 };
}

/** A score problem found in a form, worded as the grid's (or the ledger's) finding at the form's cell. */
function inFormFinding(file: string, agency: string, cell: string, code: ScoreFindingCode, group: string, raw: unknown, detail: string): MergeFinding {
  const { row, col } = parseA1(cell);
  const f = makeFinding(code, row, col, SHEET_ORIGIN, { agency, group, value: displayValue(raw), detail });
  return { file, cell, severity: f.severity, code, agency, ...both(IN_FORM_MESSAGES, "inForm", { file, finding: f }) };
}

const claimValue = (v: unknown): number | string | null => (typeof v === "number" ? v : typeof v === "string" && !isBlank(v) ? cleanText(v) : null);
const criterionLabel = (leaf: CriterionModel) => `${leaf.id} ${leaf.name}`;

/**
 * A form at criterion level: the groups without criteria as any form's (readCandidate), then every
 * criterion that applies to the agency (its block; the exemption its notes name, groups and criteria):
 * its inputs and evidence recorded as entered, its points computed as the ledger computes them, and
 * each problem named at its cell in the form (an input not a number or not a level, above the maximum,
 * off the step; required evidence missing; an input left blank in a form otherwise filled). The groups'
 * scores recorded are the sums of the criteria's points (capped as the ledger caps them).
 */
function readCriteriaCandidate(
  form: ReturnedForm,
  row: number,
  agency: string,
  gridNotesText: string,
  reading: FormReading,
  crit: CriteriaFormReading,
  rules: Rules,
  maxes: readonly Dec[],
  verified: boolean,
  block: string | null,
): Candidate {
  const base = readCandidate(form, row, agency, gridNotesText, { ...reading, groups: crit.groups }, rules, maxes, verified, true);
  const file = form.file;
  const notes = gridNotesText || (reading.notes?.text ?? "");
  const exemption = exemptGroupsOf(rules, notes);
  const exemptGroups = new Set(exemption?.groups ?? []);
  const exemptCriteria = new Set(rules.exemptions.find((e) => exemption && e.keywords.includes(exemption.keyword))?.criteria ?? []);
  const byId = new Map(crit.entries.map((e) => [e.leaf.id, e]));
  const cap = rules.json.overMax === "cap";
  const findings: MergeFinding[] = [];
  const blanks: { cell: string; leaf: CriterionModel; header: string }[] = [];
  const claims: CriterionClaim[] = [];
  const points = new Map<string, Dec>();
  let filled = 0;
  rules.groups.forEach((g, gi) => {
    if (exemptGroups.has(gi)) return;
    for (const leaf of rules.leaves.filter((l) => l.groupId === g.id)) {
      if (!leafApplies(leaf, block, exemptCriteria)) continue;
      const e = byId.get(leaf.id);
      if (!e) {
        findings.push(finding("groupNotFound", { file, agency, cell: "", detail: criterionLabel(leaf), reason: "" }));
        continue;
      }
      claims.push({ id: leaf.id, first: claimValue(e.first), second: claimValue(e.second), evidence: e.evidence });
      const o = leafPoints(leaf, e.first, e.second, rules.criteriaDecimals, cap);
      const cellOf = (input: 0 | 1) => (input === 1 ? e.cells.second : e.cells.first);
      if (!o.ok && o.blank) {
        const header = input1Header(leaf, o.input);
        if (entered(e)) filled++;
        blanks.push({ cell: cellOf(o.input), leaf, header });
        continue;
      }
      filled++;
      if (o.ok) points.set(leaf.id, o.points);
      else {
        if (o.points) points.set(leaf.id, o.points);
        const { code, detail } = leafProblemFinding(o.problem, leaf);
        findings.push(inFormFinding(file, agency, cellOf(o.input), code as ScoreFindingCode, criterionLabel(leaf), o.input === 1 ? e.second : e.first, detail));
      }
      if (leaf.evidence === "required" && e.evidence === "")
        findings.push(inFormFinding(file, agency, e.cells.evidence, "evidenceMissing", criterionLabel(leaf), "", ""));
    }
  });
  if (filled > 0 || !base.empty)
    for (const b of blanks) findings.push(inFormFinding(file, agency, b.cell, "criterionMissing", criterionLabel(b.leaf), "", `“${b.header}”`));
  // The groups with criteria: the sums of the criteria's points, each parent capped at its maximum.
  const scores = [...base.record.scores];
  const evidence = [...base.record.evidence];
  rules.groups.forEach((g, gi) => {
    if (g.criteria.length === 0 || exemptGroups.has(gi)) return;
    const node = (c: CriterionModel): Dec => (isLeaf(c) ? (points.get(c.id) ?? ZERO_DEC) : sumCapped(c.children.map(node), c.max).points);
    scores[gi] = toNumber(sumCapped(g.criteria.map(node), maxes[gi]).points);
    evidence[gi] = "";
  });
  return {
    ...base,
    record: { ...base.record, scores, evidence, criteria: claims },
    scoreFindings: [...base.scoreFindings, ...findings],
    empty: base.empty && filled === 0,
  };
}

const ZERO_DEC: Dec = { m: 0, s: 0 };

/** The ledger column a leaf's input goes to (Tự chấm for typed points, else Số liệu / Số liệu 2), and its header in the form. */
const ledgerInput = (leaf: CriterionModel, input: 0 | 1): LedgerColumn => (input === 1 ? "input2" : FIRST_INPUT[leaf.method ?? "points"]);
const input1Header = (_leaf: CriterionModel, input: 0 | 1): string => (input === 1 ? FORM_TEXT.criteriaHeader.input2 : FORM_TEXT.criteriaHeader.input1);

interface LedgerView {
  values: readonly (readonly unknown[])[];
  origin: Origin;
  sheetName: string;
  cols: Partial<Record<LedgerColumn, number>>;
  /** agency key | code → row. */
  rows: Map<string, number>;
}

function ledgerOf(input: MergeInput, rules: Rules): LedgerView | null {
  if (!input.ledger || rules.leaves.length === 0) return null;
  const layout = locateLedger(input.ledger.values);
  if (!layout || layout.cols.agency === undefined || layout.cols.code === undefined) return null;
  const rows = new Map<string, number>();
  for (let r = layout.headerRow + 1; r < input.ledger.values.length; r++) {
    const v = input.ledger.values[r];
    const k = `${matchKey(text(v?.[layout.cols.agency]))}|${cleanText(text(v?.[layout.cols.code]))}`;
    if (!rows.has(k)) rows.set(k, r);
  }
  return {
    values: input.ledger.values,
    origin: input.ledger.origin ?? SHEET_ORIGIN,
    sheetName: input.ledger.sheetName ?? LEDGER_SHEET,
    cols: layout.cols,
    rows,
  };
}

/**
 * What the accepted forms at criterion level write on the ledger: per criterion the points (typed) or the
 * inputs, the points computed (Tự chấm) and the evidence, where the form has them and the ledger holds
 * something else. Thẩm định and the council's comment are never written. A criterion without its row on
 * the ledger is named.
 */
function ledgerWritesOf(ledger: LedgerView, rules: Rules, accepted: readonly { c: Candidate }[], findings: MergeFinding[]): CellWrite[] {
  const out: CellWrite[] = [];
  const leafById = new Map(rules.leaves.map((l) => [l.id, l]));
  const cap = rules.json.overMax === "cap";
  for (const { c } of accepted) {
    const claims = c.record.criteria;
    if (!claims) continue;
    for (const claim of claims) {
      const r = ledger.rows.get(`${matchKey(c.agency)}|${claim.id}`);
      const leaf = leafById.get(claim.id);
      if (!leaf) continue;
      if (r === undefined) {
        findings.push(finding("ledgerRowMissing", { file: c.form.file, agency: c.agency, detail: criterionLabel(leaf) }));
        continue;
      }
      const put = (kind: LedgerColumn, value: number | string | null) => {
        const col = ledger.cols[kind];
        if (col === undefined || value === null || (value === "" && isBlank(ledger.values[r]?.[col]))) return;
        if (sameValue(ledger.values[r]?.[col], value) && typeof ledger.values[r]?.[col] === typeof value) return;
        out.push({ row: r, col, value, address: `${quotedSheet(ledger.sheetName)}!${cellAddress(r, col, ledger.origin)}` });
      };
      put(ledgerInput(leaf, 0), claim.first);
      if (leaf.method === "ratio") put("input2", claim.second);
      if (leaf.method !== "points" && leaf.method !== null) {
        const o = leafPoints(leaf, claim.first, claim.second, rules.criteriaDecimals, cap);
        put("self", o.ok ? toNumber(o.points) : !o.blank && o.points ? toNumber(o.points) : "");
      }
      put("evidence", claim.evidence === "" ? null : claim.evidence);
    }
  }
  return out;
}

/** “Miễn chấm” in a score cell, also as a legacy font stores it. */
const isExemptMark = (raw: unknown): boolean =>
  typeof raw === "string" && [raw, decodeLegacy(raw, "tcvn3"), decodeLegacy(raw, "vni")].some((t) => matchKey(t) === matchKey(FORM_TEXT.exempt));

const formatMax = (d: Dec) => String(toNumber(d)).replace(".", ",");

function parseA1(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

function differencesOf(
  rules: Rules,
  layout: GridLayout,
  records: readonly SelfAssessment[],
  rowOf: Map<string, number>,
  cellNow: (row: number, col: number) => unknown,
  origin: Origin,
): Difference[] {
  const out: Difference[] = [];
  for (const s of records) {
    const row = rowOf.get(matchKey(s.agency));
    if (row === undefined) continue;
    s.scores.forEach((self, g) => {
      // A group with criteria, from a form at criterion level: its differences are per criterion (criteriaDifferences).
      if (typeof self !== "number" || (s.criteria && rules.groups[g].criteria.length > 0)) return;
      const col = layout.groupCols[g];
      const grid = cellNow(row, col);
      if (isBlank(grid)) return;
      const parsed = parseScore(grid);
      if (parsed.kind === "number" && cmp(parsed.value, fromNumber(self)!) === 0) return;
      out.push({
        agency: s.agency,
        group: rules.groups[g].name,
        self,
        appraised: parsed.kind === "number" ? toNumber(parsed.value) : displayValue(grid),
        evidence: s.evidence[g],
        cell: cellAddress(row, col, origin),
      });
    });
    if (layout.notesCol !== null && s.notes !== "") {
      const grid = cellNow(row, layout.notesCol);
      if (matchKey(text(grid)) !== matchKey(s.notes)) {
        out.push({
          agency: s.agency,
          group: FORM_TEXT.notesGroup,
          self: s.notes,
          appraised: cleanText(text(grid)),
          evidence: "",
          cell: cellAddress(row, layout.notesCol, origin),
        });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The two sheets the merge writes next to the grid, as descriptions.

const LOOP_STYLES: Record<string, CellStyle> = {
  title: { bold: true, italic: false, size: 13, hAlign: "left", vAlign: "center", wrap: false, border: false },
  header: { bold: true, italic: false, size: 11, hAlign: "center", vAlign: "center", wrap: true, border: true },
  cell: { bold: false, italic: false, size: 11, hAlign: "center", vAlign: "center", wrap: true, border: true },
  cellLeft: { bold: false, italic: false, size: 11, hAlign: "left", vAlign: "center", wrap: true, border: true },
  input: { bold: false, italic: false, size: 11, hAlign: "left", vAlign: "center", wrap: true, border: true, fill: "#FFF2CC" },
  hint: { bold: false, italic: true, size: 10, hAlign: "left", vAlign: "center", wrap: false, border: false },
};

function loopSheet(
  sheetName: string,
  title: string,
  header: string[],
  widths: number[],
  body: SheetCell[][],
  print: "portrait" | "landscape",
): SheetDescription {
  const cells: SheetCell[] = [{ row: 0, col: 0, value: title, style: "title" }];
  const merges: SheetMerge[] = [{ row: 0, col: 0, rows: 1, cols: header.length }];
  header.forEach((h, c) => cells.push({ row: 2, col: c, value: h, style: "header" }));
  body.forEach((row) => cells.push(...row));
  const rowCount = 3 + body.length;
  const heights = Array.from({ length: rowCount }, (_, r) => (r === 0 ? 22 : r === 1 ? 8 : r === 2 ? 48 : 32));
  return {
    sheetName,
    font: "Times New Roman",
    styles: LOOP_STYLES,
    columnWidths: widths,
    rowHeights: heights,
    cells,
    merges,
    validations: [],
    protect: false,
    print: {
      orientation: print,
      paper: "A4",
      fitToPagesWide: 1,
      fitToPagesTall: 0,
      margins: { top: 2, bottom: 2, left: 2, right: 1.5, header: 0.8, footer: 0.8 },
      centerHorizontally: true,
    },
    frozenRows: 3,
    rowCount,
    colCount: header.length,
  };
}

const local = (iso: string): string => (hhmm(iso) === "" ? iso : `${ddmmyyyy(iso)} ${hhmm(iso)}`);

/** "Tự đánh giá": one row per agency, for each group its self-assessed score and evidence, then notes, source file and time. */
export function selfAssessmentSheet(rules: Rules, records: readonly SelfAssessment[], sheetName: string = FORM_TEXT.selfSheet): SheetDescription {
  const h = FORM_TEXT.selfHeader;
  const header = [h.stt, h.agency, ...rules.groups.flatMap((g) => [h.score(g.name), h.evidence(g.name)]), h.notes, h.file, h.at, h.verified];
  const widths = [5, 28, ...rules.groups.flatMap(() => [10, 26]), 16, 22, 16, 14];
  const body = records.map((s, i) => {
    const row = 3 + i;
    const cells: SheetCell[] = [
      { row, col: 0, value: i + 1, style: "cell", numberFormat: "0" },
      { row, col: 1, value: s.agency, style: "cellLeft" },
    ];
    rules.groups.forEach((_, g) => {
      const v = s.scores[g] ?? null;
      cells.push({ row, col: 2 + 2 * g, value: v, style: "cell", numberFormat: typeof v === "number" ? "General" : "@" });
      cells.push({ row, col: 3 + 2 * g, value: s.evidence[g] ?? "", style: "cellLeft" });
    });
    const n = 2 + 2 * rules.groups.length;
    cells.push(
      { row, col: n, value: s.notes, style: "cellLeft" },
      { row, col: n + 1, value: s.file, style: "cellLeft" },
      { row, col: n + 2, value: local(s.at), style: "cell" },
      { row, col: n + 3, value: s.verified === undefined ? "" : s.verified ? FORM_TEXT.verifiedYes : FORM_TEXT.verifiedNo, style: "cell" },
    );
    return cells;
  });
  return loopSheet(sheetName, FORM_TEXT.selfTitle, header, widths, body, "landscape");
}

/**
 * "Chênh lệch": agency, group, self-assessed, appraised, evidence, the agency's reply ("Kiến nghị", from a
 * returned notice) and the council's columns: "Kết luận của hội đồng", "Điểm kết luận", "Lý do" (input cells).
 * Made again by a later merge, it keeps what the council and the agencies wrote (`previous`, the rows read
 * back from the sheet before): a difference with the same self-assessed value keeps its row's conclusion,
 * score, reason and reply (and, once concluded, the appraised value it was concluded on); a concluded row
 * no longer a difference (its conclusion applied) stays as the record.
 */
export function differencesSheet(
  differences: readonly Difference[],
  sheetName: string = FORM_TEXT.diffSheet,
  previous: readonly DifferenceRow[] = [],
  replies: readonly Reply[] = [],
): SheetDescription {
  const h = FORM_TEXT.diffHeader;
  // A difference per criterion names it in the second column (“5.4 Cơ chế, chính sách khác”).
  const header = [
    h.stt,
    h.agency,
    differences.some((d) => d.criterion) ? h.groupOrCriterion : h.group,
    h.self,
    h.appraised,
    h.evidence,
    h.reply,
    h.council,
    h.score,
    h.reason,
  ];
  const key = (agency: string, group: string) => `${matchKey(agency)}|${matchKey(group)}`;
  const before = new Map(previous.map((p) => [key(p.agency, p.group), p]));
  const used = new Set<DifferenceRow>();
  type Line = {
    agency: string;
    group: string;
    self: unknown;
    appraised: unknown;
    evidence: string;
    reply: string;
    typed: unknown;
    score: unknown;
    reason: string;
  };
  const lines: Line[] = differences.map((d) => {
    const p = before.get(key(d.agency, d.group));
    const plain = { agency: d.agency, group: d.group, self: d.self, appraised: d.appraised, evidence: d.evidence };
    if (!p || !sameValue(p.self, d.self)) return { ...plain, reply: "", typed: null, score: null, reason: "" };
    used.add(p);
    const kept = p.conclusion !== null;
    return { ...plain, appraised: kept ? p.appraised : d.appraised, reply: p.reply, typed: p.typed, score: p.score, reason: p.reason };
  });
  for (const p of previous)
    if (!used.has(p) && (p.conclusion !== null || p.reply !== ""))
      lines.push({
        agency: p.agency,
        group: p.group,
        self: p.self,
        appraised: p.appraised,
        evidence: p.evidence,
        reply: p.reply,
        typed: p.typed,
        score: p.score,
        reason: p.reason,
      });
  // The agencies' replies from returned notices, each beside its difference (a later reply replaces an earlier one).
  for (const r of replies) {
    const line = lines.find((l) => key(l.agency, l.group) === key(r.agency, r.group));
    if (line) line.reply = r.reply;
  }
  const cellValue = (v: unknown): string | number | null => (typeof v === "number" || typeof v === "string" ? v : null);
  const body = lines.map((d, i) => {
    const row = 3 + i;
    const value = (v: unknown, col: number, style = "cell"): SheetCell => ({
      row,
      col,
      value: cellValue(v),
      style,
      numberFormat: typeof v === "number" ? "General" : "@",
    });
    return [
      { row, col: 0, value: i + 1, style: "cell", numberFormat: "0" },
      { row, col: 1, value: d.agency, style: "cellLeft" },
      { row, col: 2, value: d.group, style: "cellLeft" },
      value(d.self, 3),
      value(d.appraised, 4),
      { row, col: 5, value: d.evidence, style: "cellLeft" },
      value(d.reply, 6, "cellLeft"),
      value(d.typed, 7, "input"),
      value(d.score, 8, "input"),
      value(d.reason, 9, "input"),
    ] as SheetCell[];
  });
  const sheet = loopSheet(sheetName, FORM_TEXT.diffTitle, header, [5, 26, 20, 9, 9, 30, 30, 20, 10, 30], body, "landscape");
  // The three conclusions, under the title: what to type.
  sheet.cells.push({ row: 1, col: 0, value: FORM_TEXT.diffHint, style: "hint" });
  sheet.merges.push({ row: 1, col: 0, rows: 1, cols: header.length });
  sheet.rowHeights[1] = 20;
  return sheet;
}

/** The forms made, recorded: this time's replace an agency's earlier record (the latest is kept), in the order given. */
export function withFormsMade(previous: readonly FormMade[] | undefined, made: readonly { agency: string; file: string }[], at: string): FormMade[] {
  const out = new Map((previous ?? []).map((m) => [matchKey(m.agency), m]));
  for (const m of made) out.set(matchKey(m.agency), { agency: m.agency, file: m.file, at });
  return [...out.values()];
}

/**
 * When an agency's form was made, for "Theo dõi phiếu": the latest of what the master recorded ("Tạo phiếu",
 * `forms --master-out`) and what its merged, verified form says of itself; with neither, said as it is: no
 * record when the master has a form key (forms were made from it, this one perhaps by `forms` without
 * --master-out, which does not modify its input), not made when it has none.
 */
function madeText(recorded: FormMade | undefined, record: SelfAssessment | undefined, keyed: boolean): string {
  const times = [recorded?.at, record?.madeAt].filter((t): t is string => typeof t === "string" && t !== "").sort();
  if (times.length > 0) return local(times[times.length - 1]);
  return keyed ? FORM_TEXT.madeNotRecorded : FORM_TEXT.notMade;
}

/**
 * "Theo dõi phiếu": each agency of the grid, when its form was made (madeText), returned (the file merged
 * and when), verified, merged; the deadline in the title when one is set. `master`: the master's store
 * (the forms it recorded as made, its form key).
 */
export function trackingSheet(
  agencies: readonly string[],
  records: readonly SelfAssessment[],
  deadline: string | undefined,
  sheetName: string = FORM_TEXT.trackSheet,
  master: Pick<StoreState, "formsMade" | "formKey"> = {},
): SheetDescription {
  const h = FORM_TEXT.trackHeader;
  const byKey = new Map(records.map((s) => [matchKey(s.agency), s]));
  const madeOf = new Map((master.formsMade ?? []).map((m) => [matchKey(m.agency), m]));
  const keyed = isFormKey(master.formKey);
  const body = agencies.map((agency, i) => {
    const row = 3 + i;
    const s = byKey.get(matchKey(agency));
    const m = madeOf.get(matchKey(agency));
    const yesNo = (b: boolean) => (b ? FORM_TEXT.yes : FORM_TEXT.no);
    return [
      { row, col: 0, value: i + 1, style: "cell", numberFormat: "0" },
      { row, col: 1, value: agency, style: "cellLeft" },
      { row, col: 2, value: madeText(m, s, keyed), style: "cell" },
      { row, col: 3, value: yesNo(s !== undefined), style: "cell" },
      { row, col: 4, value: s?.file ?? "", style: "cellLeft" },
      { row, col: 5, value: s ? local(s.at) : "", style: "cell" },
      { row, col: 6, value: s === undefined || s.verified === undefined ? "" : s.verified ? FORM_TEXT.verifiedYes : FORM_TEXT.verifiedNo, style: "cell" },
      { row, col: 7, value: yesNo(s !== undefined), style: "cell" },
    ] as SheetCell[];
  });
  const title = deadline ? FORM_TEXT.trackTitleDeadline(deadline) : FORM_TEXT.trackTitle;
  const header = [h.stt, h.agency, h.made, h.returned, h.file, h.at, h.verified, h.merged];
  return loopSheet(sheetName, title, header, [5, 32, 16, 12, 36, 16, 16, 10], body, "landscape");
}

/**
 * The differences per criterion: for every agency's recorded criteria (this merge's and earlier ones'),
 * where the council's Thẩm định on the ledger gives other points than the agency's self-assessment. The
 * difference names the criterion (“1.2 An toàn thông tin”) and the ledger's Thẩm định cell.
 */
function criteriaDifferences(ledger: LedgerView, rules: Rules, records: readonly SelfAssessment[]): Difference[] {
  const out: Difference[] = [];
  const col = ledger.cols.appraised;
  if (col === undefined) return out;
  const leafById = new Map(rules.leaves.map((l) => [l.id, l]));
  const cap = rules.json.overMax === "cap";
  for (const s of records) {
    for (const claim of s.criteria ?? []) {
      const leaf = leafById.get(claim.id);
      const r = ledger.rows.get(`${matchKey(s.agency)}|${claim.id}`);
      if (!leaf || r === undefined) continue;
      const raw = ledger.values[r]?.[col];
      if (isBlank(raw)) continue;
      const self = leafPoints(leaf, claim.first, claim.second, rules.criteriaDecimals, cap);
      if (!self.ok) continue;
      const appraised = appraisedPoints(leaf, raw, cap);
      if (appraised.ok && cmp(appraised.points, self.points) === 0) continue;
      out.push({
        agency: s.agency,
        group: criterionLabel(leaf),
        self: toNumber(self.points),
        appraised: typeof raw === "number" ? raw : displayValue(raw),
        evidence: claim.evidence,
        cell: `${quotedSheet(ledger.sheetName)}!${cellAddress(r, col, ledger.origin)}`,
        criterion: leaf.id,
      });
    }
  }
  return out;
}
