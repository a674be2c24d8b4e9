/**
 * Property-based tests of the whole core (locate → parse → score → rank) over generated sheets:
 * shuffled columns, title rows, one- and two-row headers typed in many ways, blank, repeated-header,
 * column-number and summary rows, text numbers with a comma or a dot, float noise, error values,
 * junk, "Không TTHC" notes, merged (empty) cells. The expected results are worked out here with
 * decimal.js from the generator's own record of what it typed, never from the core's helpers.
 */
import fc from "fast-check";
import { toString } from "../../../src/core/base/decimal";
import { EXCEL_ERRORS } from "../../../src/core/base/numbers";
import { loadRules, PRESET_THAI_BINH_2020, Rules, RulesJson } from "../../../src/core/rules/rules";
import { scoreSheet } from "../../../src/core/grid/scoring";
import { matchKey } from "../../../src/core/text/text";
import { clonePreset, D, DD, GROUP_MAX } from "../helpers";

// ---------------------------------------------------------------------------------------------
// What the generator types in a score cell, and what it means

type Kind = "int" | "dec" | "textComma" | "textDot" | "noise" | "negative" | "above" | "blank" | "error" | "junk";
const COUNTED: ReadonlySet<Kind> = new Set(["int", "dec", "textComma", "textDot", "noise", "negative", "above"]);

interface CellSpec {
  kind: Kind;
  raw: unknown;
  /** The value the user meant, as a decimal string (counted kinds only). */
  value: string | null;
}

const cents = (n: number): string => new D(n).div(100).toFixed();
const JUNK: unknown[] = ["abc", "x", "n/a", "--", "1e3", "12 điểm", "1.234,5", "không", true, false, "O", "TRUE", {}, "#Khác"];

function arbCell(group: number, exempt: boolean): fc.Arbitrary<CellSpec> {
  const max = GROUP_MAX[group];
  const inRange = fc.integer({ min: 0, max: max * 100 });
  const pad = fc.constantFrom("", " ", "  ", "\u00a0");
  const counted = fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max }).map((n): CellSpec => ({ kind: "int", raw: n, value: String(n) })) },
    { weight: 6, arbitrary: inRange.map((c): CellSpec => ({ kind: "dec", raw: c / 100, value: cents(c) })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(inRange, pad, pad)
        .map(([c, a, b]): CellSpec => ({ kind: "textComma", raw: `${a}${cents(c).replace(".", ",")}${b}`, value: cents(c) })),
    },
    { weight: 1, arbitrary: fc.tuple(inRange, pad).map(([c, a]): CellSpec => ({ kind: "textDot", raw: `${a}${cents(c)}${a}`, value: cents(c) })) },
    {
      // what a formula gives: the sum of two typed parts, with float noise (0.1 + 0.2)
      weight: 2,
      arbitrary: fc.tuple(inRange, fc.integer({ min: 0, max: 100 })).map(([c, k]): CellSpec => {
        const a = Math.min(k, c);
        return { kind: "noise", raw: a / 100 + (c - a) / 100, value: cents(c) };
      }),
    },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 2000 }).map((c): CellSpec => ({ kind: "negative", raw: -c / 100, value: cents(-c) })) },
    {
      weight: 1,
      arbitrary: fc.integer({ min: max * 100 + 1, max: max * 100 + 3000 }).map((c): CellSpec => ({ kind: "above", raw: c / 100, value: cents(c) })),
    },
  );
  const bad = fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom<unknown>("", null, "   ", undefined).map((raw): CellSpec => ({ kind: "blank", raw, value: null })) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(...EXCEL_ERRORS, "#n/a", " #DIV/0! ").map((raw): CellSpec => ({ kind: "error", raw, value: null })) },
    { weight: 1, arbitrary: fc.constantFrom(...JUNK).map((raw): CellSpec => ({ kind: "junk", raw, value: null })) },
  );
  if (exempt) {
    // An exempt agency's cell is mostly 0 or blank; sometimes a score or a mistake.
    return fc.oneof(
      {
        weight: 6,
        arbitrary: fc.constantFrom<CellSpec>(
          { kind: "int", raw: 0, value: "0" },
          { kind: "blank", raw: "", value: null },
          { kind: "textComma", raw: "0,0", value: "0" },
        ),
      },
      { weight: 2, arbitrary: counted },
      { weight: 1, arbitrary: bad },
    );
  }
  return fc.oneof({ weight: 30, arbitrary: counted }, { weight: 2, arbitrary: bad });
}

const KEYWORD_NOTES = [
  "Không TTHC",
  "không tthc",
  "KHÔNG TTHC",
  "Khong TTHC",
  "Đơn vị không TTHC",
  "(Không TTHC)",
  "không  TTHC\nnăm 2020",
  "Không TTHC".normalize("NFD"),
];
const OTHER_NOTES = ["", "", "", "", "Có TTHC", "Mới thành lập", "TTHC", "Không", "Ghi chú khác", "Không TTHCX", "=SUM(A1)"];
const NAME_POOL = ["Sở Y tế", "Sở Tư pháp", "Sở Nội vụ", "Thanh tra tỉnh", "Sở Tài chính", "Ban Dân tộc", "Sở Xây dựng", "Đài PT-TH"];

interface AgencySpec {
  name: string;
  exempt: boolean;
  notes: string;
  cells: CellSpec[];
  /** Extra rows typed after this agency. */
  after: ("blank" | "header" | "marker" | "noteOnly")[];
}

const arbAgency: fc.Arbitrary<AgencySpec> = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(...NAME_POOL),
      fc.integer({ min: 1, max: 999 }).map((n) => `Cơ quan số ${n}`),
    ),
    fc.boolean().chain((exempt) =>
      fc.record({
        exempt: fc.constant(exempt),
        notes: exempt ? fc.constantFrom(...KEYWORD_NOTES) : fc.constantFrom(...OTHER_NOTES),
        cells: fc.tuple(...GROUP_MAX.map((_, g) => arbCell(g, exempt && g === 3))),
      }),
    ),
    fc.array(fc.constantFrom<AgencySpec["after"][number]>("blank", "blank", "header", "marker", "noteOnly"), { maxLength: 2 }),
  )
  .map(([name, { exempt, notes, cells }, after]) => ({ name, exempt, notes, cells, after }));

// ---------------------------------------------------------------------------------------------
// Headers as users type them

function stripAccents(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}

const arbHeaderStyle = fc.constantFrom<(s: string) => string>(
  (s) => s,
  (s) => s.toUpperCase(),
  (s) => s.toLowerCase(),
  (s) => stripAccents(s),
  (s) => s.replace(" ", "\n"),
  (s) => `  ${s.replace(/ /g, "  ")} `,
  (s) => `${s} (điểm)`,
);

function arbGroupHeader(g: number): fc.Arbitrary<string> {
  const group = PRESET_THAI_BINH_2020.groups[g];
  return fc.tuple(fc.constantFrom(group.name, ...group.aliases), arbHeaderStyle).map(([t, style]) => style(t));
}

const arbRules = fc.record({
  rankBy: fc.constantFrom<RulesJson["rankBy"]>("index", "total"),
  overMax: fc.constantFrom<RulesJson["overMax"]>("keep", "cap"),
  classifyOn: fc.constantFrom<RulesJson["classifyOn"]>("roundedIndex", "exactIndex"),
  decimals: fc.integer({ min: 0, max: 5 }),
  rounding: fc.constantFrom<RulesJson["index"]["rounding"]>("halfUp", "halfEven", "down"),
});
type RulesPlan = typeof arbRules extends fc.Arbitrary<infer T> ? T : never;

const rulesCache = new Map<string, Rules>();
function rulesOf(plan: RulesPlan): Rules {
  const key = JSON.stringify(plan);
  let rules = rulesCache.get(key);
  if (!rules) {
    const json = clonePreset();
    json.rankBy = plan.rankBy;
    json.overMax = plan.overMax;
    json.classifyOn = plan.classifyOn;
    json.index = { decimals: plan.decimals, rounding: plan.rounding };
    rules = loadRules(json);
    rulesCache.set(key, rules);
  }
  return rules;
}

const TITLES = [
  "KẾT QUẢ",
  "ĐÁNH GIÁ, XẾP HẠNG MỨC ĐỘ ỨNG DỤNG CNTT NĂM 2020",
  "(Kèm theo Quyết định số 06/QĐ-UBND ngày 05/01/2021)",
  "ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH",
  "Tổng điểm",
  "Ghi chú",
];

const arbPlan = fc.record({
  rules: arbRules,
  /** Column order: 0 STT, 1 name, 2–7 groups, 8 notes, 9–10 junk columns. */
  columns: fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { minLength: 11, maxLength: 11 }),
  junkColumns: fc.integer({ min: 0, max: 2 }),
  hasNotes: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  twoRowHeader: fc.boolean(),
  groupHeaders: fc.tuple(...GROUP_MAX.map((_, g) => arbGroupHeader(g))),
  titles: fc.array(fc.oneof(fc.constantFrom(...TITLES), fc.string({ maxLength: 20 })), { maxLength: 4 }),
  titleCol: fc.integer({ min: 0, max: 10 }),
  markerRow: fc.boolean(),
  agencies: fc.array(arbAgency, { minLength: 0, maxLength: 25 }),
  summaryRow: fc.constantFrom<"none" | "name" | "merged">("none", "name", "merged"),
  notesBlock: fc.boolean(),
  origin: fc.record({ row: fc.integer({ min: 0, max: 500 }), col: fc.integer({ min: 0, max: 40 }) }),
});
type Plan = typeof arbPlan extends fc.Arbitrary<infer T> ? T : never;

interface Built {
  values: unknown[][];
  /** Grid row of each agency, in order. */
  rowOf: number[];
  /** Column of each role: 0 STT, 1 name, 2–7 groups, 8 notes, 9–10 junk. */
  colOf: number[];
}

function build(plan: Plan): Built {
  const roles = plan.columns.filter((r) => r <= 8 + plan.junkColumns && (plan.hasNotes || r !== 8));
  const width = roles.length;
  const colOf: number[] = [];
  roles.forEach((role, c) => (colOf[role] = c));
  const empty = (): unknown[] => new Array(width).fill("");
  const values: unknown[][] = [];

  for (const t of plan.titles) {
    const r = empty();
    r[Math.min(plan.titleCol, width - 1)] = t;
    values.push(r);
  }
  const headerText: Record<number, string> = { 0: "STT", 1: "Tên cơ quan", 8: "Ghi chú", 9: "Mã số", 10: "Người chấm" };
  const header = empty();
  const top = empty();
  roles.forEach((role, c) => {
    if (role >= 2 && role <= 7) header[c] = plan.groupHeaders[role - 2];
    else if (plan.twoRowHeader) top[c] = headerText[role];
    else header[c] = headerText[role];
  });
  if (plan.twoRowHeader) {
    top[Math.min(...[2, 3, 4, 5, 6, 7].map((g) => colOf[g]))] = "Điểm các nhóm tiêu chí";
    values.push(top);
  }
  values.push(header);
  const headerRows = plan.twoRowHeader ? [top, header] : [header];
  const markerRow = roles.map((_, c) => `(${c + 1})`);
  if (plan.markerRow) values.push(markerRow);

  const rowOf: number[] = [];
  plan.agencies.forEach((a, i) => {
    const r = empty();
    r[colOf[0]] = i + 1;
    r[colOf[1]] = a.name;
    a.cells.forEach((cell, g) => (r[colOf[2 + g]] = cell.raw));
    if (plan.hasNotes) r[colOf[8]] = a.notes;
    if (colOf[9] !== undefined) r[colOf[9]] = `MS-${i}`;
    if (colOf[10] !== undefined) r[colOf[10]] = "Tổ thẩm định";
    rowOf.push(values.length);
    values.push(r);
    for (const extra of a.after) {
      if (extra === "blank") values.push(empty());
      else if (extra === "header") values.push(...headerRows.map((h) => [...h]));
      else if (extra === "marker") values.push([...markerRow]);
      else if (extra === "noteOnly" && plan.hasNotes) {
        const n = empty();
        n[colOf[8]] = "(tiếp theo)";
        values.push(n);
      }
    }
  });
  if (plan.summaryRow !== "none") {
    const s = empty();
    for (let g = 2; g <= 7; g++) s[colOf[g]] = 1234.5;
    if (plan.summaryRow === "name") s[colOf[1]] = "Tổng cộng";
    else s[Math.min(colOf[0], colOf[1])] = "Tổng cộng"; // merged across STT and name: text in the left cell
    values.push(s);
  }
  if (plan.notesBlock) {
    values.push(empty());
    const n = empty();
    n[0] = "Ghi chú:";
    values.push(n);
    const l = empty();
    l[0] = "- Tổng điểm đánh giá chung: 498 điểm";
    values.push(l);
  }
  return { values, rowOf, colOf };
}

// ---------------------------------------------------------------------------------------------
// The oracle: decimal.js and plain loops

const ROUND = { halfUp: D.ROUND_HALF_UP, halfEven: D.ROUND_HALF_EVEN, down: D.ROUND_DOWN } as const;
const BANDS: [string, DD][] = [
  ["Tốt", new D("0.85")],
  ["Khá", new D("0.70")],
  ["Trung bình", new D(0)],
];

interface Expected {
  name: string;
  total: DD | null;
  max: DD;
  index: DD | null;
  className: string | null;
  findings: string[];
}

function expectedOf(plan: Plan, built: Built): Expected[] {
  const seen = new Map<string, number>();
  return plan.agencies.map((a, i) => {
    const row = built.rowOf[i];
    const exempt = a.exempt && plan.hasNotes;
    const findings: string[] = [];
    let total = new D(0);
    let scorable = true;
    const max = new D(exempt ? 398 : 498);
    const first = seen.get(a.name);
    if (first !== undefined) findings.push(`duplicateName@${row},${built.colOf[1]}`);
    else seen.set(a.name, row);
    a.cells.forEach((cell, g) => {
      const at = `@${row},${built.colOf[2 + g]}`;
      if (exempt && g === 3) {
        if (cell.value !== null && !new D(cell.value).isZero()) findings.push(`exemptNonZero${at}`);
        else if (cell.kind === "error") findings.push(`errorValue${at}`);
        else if (cell.kind === "junk") findings.push(`notANumber${at}`);
        return;
      }
      if (!COUNTED.has(cell.kind)) {
        scorable = false;
        findings.push(`${cell.kind === "blank" ? "missing" : cell.kind === "error" ? "errorValue" : "notANumber"}${at}`);
        return;
      }
      let v = new D(cell.value!);
      if (v.isNeg()) findings.push(`negative${at}`);
      else if (v.gt(GROUP_MAX[g])) {
        findings.push(`aboveMax${at}`);
        if (plan.rules.overMax === "cap") v = new D(GROUP_MAX[g]);
      }
      total = total.plus(v);
    });
    // A note speaking of TTHC that matches no keyword, with 0 or blank in Cung cấp DVCTT: a warning.
    const dvctt = a.cells[3];
    const noteKey = ` ${matchKey(plan.hasNotes ? String(a.notes) : "")} `;
    if (!exempt && /\s(tthc|thu tuc hanh chinh)\s/.test(noteKey) && (dvctt.kind === "blank" || (dvctt.value !== null && new D(dvctt.value).isZero()))) {
      findings.push(`maybeExempt@${row},${built.colOf[8]}`);
    }
    if (!scorable) return { name: a.name, total: null, max, index: null, className: null, findings };
    const index = total.div(max).toDecimalPlaces(plan.rules.decimals, ROUND[plan.rules.rounding]);
    const onExact = plan.rules.classifyOn === "exactIndex";
    const className = BANDS.find(([, min]) => (onExact ? total.gte(min.times(max)) : index.gte(min)))?.[0] ?? "Trung bình";
    return { name: a.name, total, max, index, className, findings };
  });
}

/** Competition ranking by counting: 1 + the number strictly better. */
const competitionRanks = (keys: DD[]): number[] => keys.map((k) => 1 + keys.filter((o) => o.gt(k)).length);

const colName = (col: number): string => {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

// ---------------------------------------------------------------------------------------------

describe("properties of scoreSheet over generated sheets", () => {
  it("finds the grid, every agency, every finding (code and cell); totals, indices and classes agree with decimal.js", () => {
    fc.assert(
      fc.property(arbPlan, (plan) => {
        const built = build(plan);
        const rules = rulesOf(plan.rules);
        const result = scoreSheet(built.values, rules, plan.origin);
        if (!result.ok) throw new Error(result.error.message);
        const expected = expectedOf(plan, built);

        expect(result.rows.map((r) => r.name)).toEqual(expected.map((e) => e.name));
        expect(result.rows.map((r) => r.row)).toEqual(built.rowOf);
        expect(result.layout.groupCols).toEqual([2, 3, 4, 5, 6, 7].map((g) => built.colOf[g]));
        expect(result.layout.nameCol).toBe(built.colOf[1]);

        result.rows.forEach((row, i) => {
          const e = expected[i];
          if (e.total === null) {
            expect(row.total).toBeNull();
            expect(row.index).toBeNull();
            expect(row.rank).toBeNull();
            return;
          }
          expect(row.total).not.toBeNull();
          expect(new D(toString(row.total!)).eq(e.total)).toBe(true);
          expect(new D(toString(row.maxPoints!)).eq(e.max)).toBe(true);
          expect(new D(toString(row.index!)).eq(e.index!)).toBe(true);
          expect(row.className).toBe(e.className);
        });

        const got = result.findings.filter((f) => f.code !== "missingName").map((f) => `${f.code}@${f.row},${f.col}`);
        expect([...got].sort()).toEqual(expected.flatMap((e) => e.findings).sort());
        expect(result.findings.filter((f) => f.code === "missingName")).toEqual([]);
        expect(result.summary.scored).toBe(expected.filter((e) => e.total !== null).length);
      }),
      { numRuns: 900 },
    );
  });

  it("ranks: competition ranking with ties (equal key ⇔ equal rank; rank = 1 + number strictly better)", () => {
    fc.assert(
      fc.property(arbPlan, (plan) => {
        const built = build(plan);
        const result = scoreSheet(built.values, rulesOf(plan.rules), plan.origin);
        if (!result.ok) throw new Error(result.error.message);
        const scored = result.rows.filter((r) => r.index !== null);
        const keys = scored.map((r) => new D(toString(plan.rules.rankBy === "total" ? r.total! : r.index!)));
        const ranks = scored.map((r) => r.rank);
        expect(ranks).toEqual(competitionRanks(keys));
        for (let i = 0; i < scored.length; i++) {
          for (let j = 0; j < scored.length; j++) {
            expect(keys[i].eq(keys[j])).toBe(ranks[i] === ranks[j]);
            if (keys[i].gt(keys[j])) expect(ranks[i]!).toBeLessThan(ranks[j]!);
          }
        }
        // the ranks used are 1 … n with the skips ties make
        const sorted = [...ranks].sort((a, b) => a! - b!);
        sorted.forEach((r, i) => expect(r).toBe(i === 0 || sorted[i - 1] !== r ? i + 1 : sorted[i - 1]));
        // also the expected keys from the generator, independently of the core's own numbers
        const expected = expectedOf(plan, built).filter((e) => e.total !== null);
        const expectedKeys = expected.map((e) => (plan.rules.rankBy === "total" ? e.total! : e.index!));
        expect(ranks).toEqual(competitionRanks(expectedKeys));
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on mangled sheets; every finding points at a real cell and its address matches row/col", () => {
    const anyCell = fc.oneof(
      fc.constantFrom<unknown>(
        "",
        null,
        undefined,
        0,
        -0,
        NaN,
        Infinity,
        -Infinity,
        true,
        false,
        "Không TTHC",
        "Tổng cộng",
        "Ghi chú:",
        "(1)",
        "#N/A",
        "Tên cơ quan",
        "Hạ tầng kỹ thuật",
        "Cung cấp DVCTT",
        "1e999999999",
      ),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: "grapheme", maxLength: 6 }),
      fc.double(),
      fc.integer(),
      fc.constant({}),
      fc.constant([1, 2]),
      fc.constant(new Date(0)),
    );
    const arbMangled = fc
      .tuple(arbPlan, fc.array(fc.tuple(fc.nat(), fc.nat(), anyCell), { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 3 }))
      .map(([plan, edits, deletions]) => {
        const built = build(plan);
        const values = built.values;
        for (const [r, c, v] of edits) {
          if (values.length === 0) break;
          const row = values[r % values.length];
          if (row.length > 0) row[c % row.length] = v; // a merged cell is "" in Office.js, any value here
        }
        for (const d of deletions) if (values.length > 0) values.splice(d % values.length, 1);
        return { plan, values };
      });
    const arbRandom = fc.record({
      plan: arbPlan,
      values: fc.integer({ min: 1, max: 12 }).chain((w) => fc.array(fc.array(anyCell, { minLength: w, maxLength: w }), { maxLength: 15 })),
    });

    fc.assert(
      fc.property(fc.oneof({ weight: 4, arbitrary: arbMangled }, { weight: 1, arbitrary: arbRandom }), ({ plan, values }) => {
        const origin = plan.origin;
        let result!: ReturnType<typeof scoreSheet>;
        expect(() => (result = scoreSheet(values, rulesOf(plan.rules), origin))).not.toThrow();
        if (!result.ok) {
          expect(typeof result.error.message).toBe("string");
          expect(result.error.message.length).toBeGreaterThan(10);
          return;
        }
        for (const f of result.findings) {
          expect(f.row).toBeGreaterThanOrEqual(0);
          expect(f.row).toBeLessThan(values.length);
          expect(f.col).toBeGreaterThanOrEqual(0);
          expect(f.col).toBeLessThan(values[f.row].length);
          expect(f.cell).toBe(`${colName(f.col + origin.col)}${f.row + origin.row + 1}`);
          expect(f.message).toContain(f.cell);
        }
        for (const r of result.rows) {
          expect(values[r.row]).toBeDefined();
          if (r.index !== null) expect(r.rank).not.toBeNull();
        }
      }),
      { numRuns: 800 },
    );
  });
});
