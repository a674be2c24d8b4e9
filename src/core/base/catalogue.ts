/**
 * Messages as data: a message is a code with its parameters, rendered in Vietnamese or in English
 * from a typed catalogue. Each area (core, excel, pane, ribbon note, CLI) keeps its catalogues, made
 * with `catalogue(name, { code: entry({ vi, en, example }) })`:
 * - an entry lacking `vi`, `en` or `example` does not compile (`entry` requires all three, and checks
 *   `en` and `example` against the parameters of `vi`);
 * - `catalogue` registers the entries under a name, and test/core/base/catalogue.test.ts renders every
 *   code of every registered catalogue in both languages from its example.
 *
 * Never derive one language's text from the other's (no regular expression over a message, no
 * `lang === "en" ? … : …` outside a catalogue): add an entry instead.
 */

export type Lang = "vi" | "en";

/** English when Office runs in English ("en-US", "en_GB", "EN"), Vietnamese otherwise (and when it says nothing). */
export function languageOf(displayLanguage: string | undefined | null): Lang {
  return /^en(-|_|$)/i.test((displayLanguage ?? "").trim()) ? "en" : "vi";
}

const HH_MM = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const DD_MM_YYYY = new Intl.DateTimeFormat("en-GB", { day: "2-digit", month: "2-digit", year: "numeric" });

/** "hh:mm" (24-hour) of an ISO time, in the local time zone; "" when it is not a time. */
export function hhmm(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : HH_MM.format(d);
}

/** "dd/mm/yyyy" of an ISO time, in the local time zone; "" when it is not a time. */
export function ddmmyyyy(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : DD_MM_YYYY.format(d);
}

/** One code: its two renderings and an example of its parameters (rendered by the catalogue test). */
export interface MessageEntry<P> {
  vi: (p: P) => string;
  en: (p: P) => string;
  example: P;
}

/** Infers an entry's parameter type from its `vi` template (and checks `en` and `example` against it). */
export function entry<P>(e: { vi: (p: P) => string; en: (p: NoInfer<P>) => string; example: NoInfer<P> }): MessageEntry<P> {
  return e;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Entries = Record<string, MessageEntry<any>>;

export type ParamsOf<E> = E extends MessageEntry<infer P> ? P : never;

/** The messages of a catalogue: `{ code, params }`, each code with its own parameter type. */
export type MessageOf<T extends Entries> = { [C in keyof T & string]: { code: C; params: ParamsOf<T[C]> } }[keyof T & string];

const REGISTRY = new Map<string, Entries>();

/** Declares (and registers, for the test walking every code) a catalogue. */
export function catalogue<T extends Entries>(name: string, entries: T): T {
  if (REGISTRY.has(name) && REGISTRY.get(name) !== entries) throw new Error(`Two message catalogues are named “${name}”.`);
  REGISTRY.set(name, entries);
  return entries;
}

/** Every catalogue registered so far (by the modules imported), by name. */
export const registeredCatalogues = (): ReadonlyMap<string, Entries> => REGISTRY;

/** Renders a message of a catalogue in a language. */
export function render<T extends Entries>(cat: T, message: MessageOf<T>, lang: Lang): string {
  return cat[message.code][lang](message.params);
}

/** Renders a code of a catalogue with its parameters (checked against the code at compile time). */
export function say<T extends Entries, C extends keyof T & string>(cat: T, code: C, params: ParamsOf<T[C]>, lang: Lang): string {
  return cat[code][lang](params);
}

/** A message value; `make(CAT, "code", params)` checks the code and its parameters at compile time. */
export function make<T extends Entries, C extends keyof T & string>(_cat: T, code: C, params: ParamsOf<T[C]>): { code: C; params: ParamsOf<T[C]> } {
  return { code, params };
}

/** A message rendered in both languages, as the use cases' outcomes carry it (`message`: Vietnamese, `messageEn`: English). */
export interface Both {
  message: string;
  messageEn: string;
}

/** Renders a code in both languages at once. */
export function both<T extends Entries, C extends keyof T & string>(cat: T, code: C, params: ParamsOf<T[C]>): Both {
  return { message: cat[code].vi(params), messageEn: cat[code].en(params) };
}

/** Joins messages rendered in both languages, each language with its own. */
export function joinBoth(parts: readonly Both[], separator = " "): Both {
  return { message: parts.map((p) => p.message).join(separator), messageEn: parts.map((p) => p.messageEn).join(separator) };
}

/** The text of a message rendered in both languages, in one of them. */
export const pick = (m: Both, lang: Lang): string => (lang === "en" ? m.messageEn : m.message);

/** A count with thousands grouped, as each language writes it (100.000; 100,000). */
export const groupedCount = (n: number, lang: Lang): string => String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "vi" ? "." : ",");

/** A number and its noun, in English ("1 error", "2 errors"). */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Quoted list, as messages name headers and sheets: “A”, “B”. */
export const quotedList = (items: readonly string[]): string => items.map((n) => `“${n}”`).join(", ");

/** The first ten cells of a list, and how many more, in each language. */
export const CELL_LIST = {
  vi: (cells: readonly string[]): string => cells.slice(0, 10).join(", ") + (cells.length > 10 ? ` và ${cells.length - 10} ô khác` : ""),
  en: (cells: readonly string[]): string => {
    const more = cells.length - 10;
    return cells.slice(0, 10).join(", ") + (more > 0 ? ` and ${more} other cell${more === 1 ? "" : "s"}` : "");
  },
};
