/**
 * Messages of the explanations (what a correction changes, distance to the next class, stale
 * results, last year's comparison): a code with parameters, rendered per language from `vi`/`en`
 * templates, as src/core/findings.ts does. English is never derived from the Vietnamese text.
 */
import { Dec, formatVi } from "./decimal";
import { ifCorrected, IfCorrected, Scored, ToNextClass } from "./explain";
import { Finding, Lang } from "./findings";

/** A number as each language writes it: 0,849 in Vietnamese, 0.849 in English. */
export function num(lang: Lang, d: Dec, decimals?: number): string {
  const vi = formatVi(d, decimals);
  return lang === "vi" ? vi : vi.replace(",", ".");
}

type Tpl<P> = Record<Lang, (p: P) => string>;

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

const unchanged: Tpl<IfParams> = {
  vi: () => "kết quả không đổi",
  en: () => "the result stays the same",
};

function outcomeText(lang: Lang, { ic, before, decimals }: IfParams): string {
  if (!ic.changes) return unchanged[lang]({ ic, before, decimals });
  if (ic.total === null || ic.index === null) return lang === "vi" ? "vẫn chưa tính được điểm (còn ô điểm khác chưa hợp lệ)" : "still no result (another score of the row is unusable)";
  const parts: string[] = [];
  const was = (text: string) => (lang === "vi" ? ` (thay vì ${text})` : ` (instead of ${text})`);
  const none = lang === "vi" ? "chưa tính được" : "none";
  const totalWas = before.total === null ? was(none) : "";
  parts.push(lang === "vi" ? `Tổng ${num(lang, ic.total)}${totalWas}` : `Total ${num(lang, ic.total)}${totalWas}`);
  parts.push(lang === "vi" ? `Chỉ số ${num(lang, ic.index, decimals)}` : `Index ${num(lang, ic.index, decimals)}`);
  parts.push(`${ic.className}${ic.className !== before.className ? was(before.className ?? none) : ""}`);
  const rankWas = ic.rank !== before.rank ? was(before.rank === null ? none : String(before.rank)) : "";
  parts.push(lang === "vi" ? `hạng ${ic.rank}${rankWas}` : `rank ${ic.rank}${rankWas}`);
  return parts.join("; ");
}

/** "Nếu sửa 55 → 50: Tổng 337,7; Chỉ số 0,848; Khá (thay vì Tốt); hạng 8 (thay vì 6)". */
export const IF_CORRECTED: Tpl<IfParams> = {
  vi: (p) => {
    const head = p.ic.correction === "assumedZero" ? `Nếu coi ô này là 0` : `Nếu sửa ${p.before.value} → ${num("vi", p.ic.value)}`;
    const why = p.ic.correction === "notCounted" && !p.ic.changes ? " (điểm của nhóm được miễn vốn không được tính)" : "";
    return `${head}: ${outcomeText("vi", p)}${why}.`;
  },
  en: (p) => {
    const head = p.ic.correction === "assumedZero" ? `Taking this cell as 0` : `Correcting ${p.before.value.replace(",", ".")} → ${num("en", p.ic.value)}`;
    const why = p.ic.correction === "notCounted" && !p.ic.changes ? " (a score of an exempt group is not counted anyway)" : "";
    return `${head}: ${outcomeText("en", p)}${why}.`;
  },
};

export function ifCorrectedMessage(lang: Lang, ic: IfCorrected, before: Before, decimals: number): string {
  return IF_CORRECTED[lang]({ ic, before, decimals });
}

/** "Còn thiếu 0,201 điểm để đạt Tốt". */
export const TO_NEXT_CLASS: Tpl<{ t: ToNextClass }> = {
  vi: ({ t }) =>
    t.reachable
      ? `Còn thiếu ${num("vi", t.points)} điểm để đạt ${t.className}`
      : `Không thể đạt ${t.className}: cần thêm ${num("vi", t.points)} điểm, vượt quá điểm tối đa`,
  en: ({ t }) =>
    t.reachable
      ? `${num("en", t.points)} points short of ${t.className}`
      : `${t.className} is out of reach: it would take ${num("en", t.points)} more points, above the maximum`,
};

export const toNextClassMessage = (lang: Lang, t: ToNextClass | null): string =>
  t ? TO_NEXT_CLASS[lang]({ t }) : lang === "vi" ? "Đã ở mức cao nhất" : "Already in the top class";

/** Result columns that no longer match the scores. */
export const STALE_RESULTS: Tpl<{ names: string[]; cells: string[] }> = {
  vi: ({ names, cells }) =>
    `Kết quả trên trang tính không khớp với điểm hiện tại của ${names.length} cơ quan (${list("vi", names)}; ô ${list("vi", cells)}): điểm đã bị sửa sau lần “Tính điểm” trước. Hãy tính lại trước khi tạo phụ lục.`,
  en: ({ names, cells }) =>
    `The results on the sheet do not match the current scores of ${names.length} agenc${names.length === 1 ? "y" : "ies"} (${list("en", names)}; cells ${list("en", cells)}): scores were edited after the last “Score”. Score again before making the annex.`,
};

/** Last year's agencies that match none this year. */
export const PREVIOUS_MISSING: Tpl<{ names: string[] }> = {
  vi: ({ names }) => `${names.length} cơ quan có trong kết quả năm trước nhưng không có tên trong bảng năm nay (đổi tên, sáp nhập hoặc không còn): ${list("vi", names)}. Các cơ quan năm nay không khớp tên được ghi là “mới”.`,
  en: ({ names }) => `${names.length} agenc${names.length === 1 ? "y" : "ies"} of last year's results ha${names.length === 1 ? "s" : "ve"} no match this year (renamed, merged or gone): ${list("en", names)}. Agencies this year with no matching name are marked “new”.`,
};

/** At most eight items, then "và 3 cơ quan khác". */
export function list(lang: Lang, items: readonly string[], max = 8): string {
  const shown = items.slice(0, max).join(", ");
  const more = items.length - max;
  if (more <= 0) return shown;
  return lang === "vi" ? `${shown} và ${more} mục khác` : `${shown} and ${more} more`;
}

/** The line under a finding ("Nếu sửa 55 → 50: …"), or null for a finding that is not about a score. */
export function ifCorrectedText(result: Scored, f: Finding, lang: Lang, values: readonly (readonly unknown[])[]): string | null {
  const ic = ifCorrected(result, f, values);
  if (!ic) return null;
  const row = result.rows.find((r) => r.row === f.row);
  if (!row) return null;
  return ifCorrectedMessage(lang, ic, { value: f.value, total: row.total, index: row.index, className: row.className, rank: row.rank }, result.rules.json.index.decimals);
}
