/**
 * Messages of the explanations (what a correction changes, distance to the next class, stale
 * results, last year's comparison): a code with parameters, rendered per language from `vi`/`en`
 * templates, as src/core/findings/findings.ts does. English is never derived from the Vietnamese text.
 */
import { Dec, formatVi, fromString } from "../base/decimal";
import { ifCorrected, IfCorrected, Scored, ToNextClass } from "./explain";
import { catalogue, entry, Lang } from "../base/catalogue";
import { Finding } from "./findings";

/** A number as each language writes it: 0,849 in Vietnamese, 0.849 in English. */
export function num(lang: Lang, d: Dec, decimals?: number): string {
  const vi = formatVi(d, decimals);
  return lang === "vi" ? vi : vi.replace(",", ".");
}

interface Before {
  value: string;
  total: Dec | null;
  index: Dec | null;
  className: string | null;
  rank: number | null;
}

interface IfParams {
  ic: IfCorrected;
  before: Before;
  decimals: number;
}

/** The words of the "if corrected" line, per language. */
const WORDS = {
  vi: {
    unchanged: "kết quả không đổi",
    stillNone: "vẫn chưa tính được điểm (còn ô điểm khác chưa hợp lệ)",
    was: (text: string) => ` (thay vì ${text})`,
    none: "chưa tính được",
    total: (n: string) => `Tổng ${n}`,
    index: (n: string) => `Chỉ số ${n}`,
    rank: (r: number | null) => `hạng ${r}`,
    more: (shown: string, more: number) => `${shown} và ${more} mục khác`,
  },
  en: {
    unchanged: "the result stays the same",
    stillNone: "still no result (another score of the row is unusable)",
    was: (text: string) => ` (instead of ${text})`,
    none: "none",
    total: (n: string) => `Total ${n}`,
    index: (n: string) => `Index ${n}`,
    rank: (r: number | null) => `rank ${r}`,
    more: (shown: string, more: number) => `${shown} and ${more} more`,
  },
} satisfies Record<Lang, unknown>;

function outcomeText(lang: Lang, { ic, before, decimals }: IfParams): string {
  const w = WORDS[lang];
  // A row another cell keeps unscored stays so, whether it had a result before or not: say why, not "unchanged".
  if (ic.total === null || ic.index === null) return w.stillNone;
  if (!ic.changes) return w.unchanged;
  const parts: string[] = [];
  const totalWas = before.total === null ? w.was(w.none) : "";
  parts.push(w.total(num(lang, ic.total)) + totalWas);
  parts.push(w.index(num(lang, ic.index, decimals)));
  parts.push(`${ic.className}${ic.className !== before.className ? w.was(before.className ?? w.none) : ""}`);
  const rankWas = ic.rank !== before.rank ? w.was(before.rank === null ? w.none : String(before.rank)) : "";
  parts.push(w.rank(ic.rank) + rankWas);
  return parts.join("; ");
}

/** At most eight items, then "và 3 mục khác". */
export function list(lang: Lang, items: readonly string[], max = 8): string {
  const shown = items.slice(0, max).join(", ");
  const more = items.length - max;
  return more <= 0 ? shown : WORDS[lang].more(shown, more);
}

const d = (text: string): Dec => fromString(text) ?? { m: 0, s: 0 };
const IF_EXAMPLE: IfParams = {
  ic: { correction: "max", value: d("50"), changes: true, total: d("337.7"), maxPoints: d("400"), index: d("0.848"), className: "Khá", rank: 8 },
  before: { value: "55", total: d("342.7"), index: d("0.861"), className: "Tốt", rank: 6 },
  decimals: 3,
};

export const EXPLAIN_MESSAGES = catalogue("explanations", {
  /** "Nếu sửa 55 → 50: Tổng 337,7; Chỉ số 0,848; Khá (thay vì Tốt); hạng 8 (thay vì 6)". */
  ifCorrected: entry({
    vi: (p: IfParams) => {
      const head = p.ic.correction === "assumedZero" ? `Nếu coi ô này là 0` : `Nếu sửa ${p.before.value} → ${num("vi", p.ic.value)}`;
      const why = p.ic.correction === "notCounted" && !p.ic.changes ? " (điểm của nhóm được miễn vốn không được tính)" : "";
      return `${head}: ${outcomeText("vi", p)}${why}.`;
    },
    en: (p) => {
      const head = p.ic.correction === "assumedZero" ? `Taking this cell as 0` : `Correcting ${p.before.value.replace(",", ".")} → ${num("en", p.ic.value)}`;
      const why = p.ic.correction === "notCounted" && !p.ic.changes ? " (a score of an exempt group is not counted anyway)" : "";
      return `${head}: ${outcomeText("en", p)}${why}.`;
    },
    example: IF_EXAMPLE,
  }),
  /** "Còn thiếu 0,201 điểm để đạt Tốt". */
  toNextClass: entry({
    vi: ({ t }: { t: ToNextClass }) =>
      t.reachable
        ? `Còn thiếu ${num("vi", t.points)} điểm để đạt ${t.className}`
        : `Không thể đạt ${t.className}: cần thêm ${num("vi", t.points)} điểm, vượt quá điểm tối đa`,
    en: ({ t }) =>
      t.reachable
        ? `${num("en", t.points)} points short of ${t.className}`
        : `${t.className} is out of reach: it would take ${num("en", t.points)} more points, above the maximum`,
    example: { t: { reachable: true, points: d("0.201"), className: "Tốt" } },
  }),
  topClass: entry({
    vi: (_p: object) => "Đã ở mức cao nhất",
    en: () => "Already in the top class",
    example: {},
  }),
  /** Result columns that no longer match the scores. */
  staleResults: entry({
    vi: ({ names, cells }: { names: string[]; cells: string[] }) =>
      `Kết quả trên trang tính không khớp với điểm hiện tại của ${names.length} cơ quan (${list("vi", names)}; ô ${list("vi", cells)}): điểm đã bị sửa sau lần “Tính điểm” trước. Hãy tính lại trước khi tạo phụ lục.`,
    en: ({ names, cells }) =>
      `The results on the sheet do not match the current scores of ${names.length} agenc${names.length === 1 ? "y" : "ies"} (${list("en", names)}; cells ${list("en", cells)}): scores were edited after the last “Score”. Score again before making the annex.`,
    example: { names: ["Sở Y tế", "Sở Tài chính"], cells: ["K7", "K9"] },
  }),
  /** Last year's agencies that match none this year, directly or through the lineage: listed once. */
  previousMissing: entry({
    vi: ({ names }: { names: string[] }) =>
      `Không còn: ${names.length} cơ quan có trong kết quả năm trước nhưng không có trong bảng năm nay, kể cả qua danh sách sáp nhập: ${list("vi", names)}. Nếu cơ quan đã đổi tên hoặc sáp nhập, hãy ghi vào trang “Sáp nhập” (hoặc lineage trong quy tắc) rồi tính lại. Các cơ quan năm nay không có tiền thân được ghi là “mới”.`,
    en: ({ names }) =>
      `Gone: ${names.length} agenc${names.length === 1 ? "y" : "ies"} of last year's results ha${names.length === 1 ? "s" : "ve"} no match this year, even through the lineage: ${list("en", names)}. If an agency was renamed or merged, list it on the “Sáp nhập” sheet (or in the rules' lineage) and score again. Agencies this year with no predecessor are marked “new”.`,
    example: { names: ["Sở Bưu chính"] },
  }),
  /** Which two years are compared, and whether last year's ranking was recomputed through the lineage. */
  previousYears: entry({
    vi: ({ current, previous, merged }: { current: number | null; previous: number | null; merged: string[] }) =>
      `So sánh ${current === null ? "năm nay" : `năm ${current}`} với ${previous === null ? "năm trước" : `năm ${previous}`}.` +
      (merged.length > 0
        ? ` ${merged.length} cơ quan được so qua danh sách sáp nhập (${list(
            "vi",
            merged.map((n) => `“${n}”`),
          )}): cơ quan sáp nhập so với trung bình chỉ số năm trước của các tiền thân; xếp hạng năm trước được tính lại với các tiền thân thay bằng cơ quan kế tục.`
        : ""),
    en: ({ current, previous, merged }) =>
      `Comparing ${current === null ? "this year" : current} with ${previous === null ? "last year" : previous}.` +
      (merged.length > 0
        ? ` ${merged.length} agenc${merged.length === 1 ? "y is" : "ies are"} compared through the lineage (${list(
            "en",
            merged.map((n) => `“${n}”`),
          )}): a merged agency with the mean index of its predecessors; last year's ranking was recomputed with the predecessors replaced by their successors.`
        : ""),
    example: { current: 2025, previous: 2024, merged: ["Sở Tài chính", "Sở Nông nghiệp và Môi trường"] },
  }),
});

export const IF_CORRECTED = EXPLAIN_MESSAGES.ifCorrected;
export const TO_NEXT_CLASS = EXPLAIN_MESSAGES.toNextClass;

export function ifCorrectedMessage(lang: Lang, ic: IfCorrected, before: Before, decimals: number): string {
  return IF_CORRECTED[lang]({ ic, before, decimals });
}

export const toNextClassMessage = (lang: Lang, t: ToNextClass | null): string => (t ? TO_NEXT_CLASS[lang]({ t }) : EXPLAIN_MESSAGES.topClass[lang]({}));

/** The line under a finding ("Nếu sửa 55 → 50: …"), or null for a finding that is not about a score. */
export function ifCorrectedText(result: Scored, f: Finding, lang: Lang, values: readonly (readonly unknown[])[]): string | null {
  const ic = ifCorrected(result, f, values);
  if (!ic) return null;
  // A finding on another sheet (the ledger's) names its agency; its row is not the grid's.
  const row = f.sheet ? result.rows.find((r) => r.name === f.agency) : result.rows.find((r) => r.row === f.row);
  if (!row) return null;
  return ifCorrectedMessage(
    lang,
    ic,
    { value: f.value, total: row.total, index: row.index, className: row.className, rank: row.rank },
    result.rules.json.index.decimals,
  );
}
