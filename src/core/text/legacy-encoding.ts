/**
 * Legacy Vietnamese encodings: text typed with TCVN3 (ABC, “.VnTime”) or VNI (“VNI-Times”) fonts.
 * Those fonts draw Vietnamese letters in place of Latin-1 characters, so when the file is read as
 * Unicode (Excel, ExcelJS) the cells hold “Së Tµi chÝnh” (TCVN3) or “Sôû Taøi chính” (VNI) where
 * the user saw “Sở Tài chính”.
 *
 * TCVN3 (TCVN 5712:1993, the VN3 subset the ABC fonts use): one byte per letter, lower case only
 * for letters with a tone (capitals with tones come from a second font, “.VnTimeH”, drawing the same
 * bytes in capitals), and Ă Â Ê Ô Ơ Ư Đ as capitals. VNI: the base letter followed by a mark
 * character (“a” + “ù” = “á”, “o” + “â” = “ô”), with ơ, ư, đ and the i/ỵ forms as single characters.
 * Both tables below are written out from the published code charts (the same tables as open-source
 * converters such as xvnkb's tcvn.h and vni.h) and checked letter by letter in
 * test/core/text/legacy-encoding.test.ts by a round trip of every Vietnamese letter, every tone, both cases.
 *
 * Detection is conservative: a text is legacy only when some of its words are not Vietnamese as
 * they stand but become valid Vietnamese syllables once converted, and none is a Vietnamese word
 * with Unicode-only letters. Unicode Vietnamese, English, numbers and codes are never flagged.
 */

export type LegacyEncoding = "tcvn3" | "vni";

/** Names of the encodings as users know them (the same in both languages). */
export const ENCODING_NAMES: Record<LegacyEncoding, string> = { tcvn3: "TCVN3 (ABC)", vni: "VNI" };

// Tones in the order both code charts list them.
const TONES = ["\u0301", "\u0300", "\u0309", "\u0303", "\u0323"] as const; // sắc, huyền, hỏi, ngã, nặng
const VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] as const;
type Vowel = (typeof VOWELS)[number];
const withTone = (v: string, t: number) => (v + TONES[t]).normalize("NFC");

// ---------------------------------------------------------------------------------------------
// TCVN3: byte (read as Latin-1) → letter.

/** The codes of each vowel with tones sắc, huyền, hỏi, ngã, nặng. */
const TCVN3_TONED: Record<Vowel, [number, number, number, number, number]> = {
  a: [0xb8, 0xb5, 0xb6, 0xb7, 0xb9],
  ă: [0xbe, 0xbb, 0xbc, 0xbd, 0xc6],
  â: [0xca, 0xc7, 0xc8, 0xc9, 0xcb],
  e: [0xd0, 0xcc, 0xce, 0xcf, 0xd1],
  ê: [0xd5, 0xd2, 0xd3, 0xd4, 0xd6],
  i: [0xdd, 0xd7, 0xd8, 0xdc, 0xde],
  o: [0xe3, 0xdf, 0xe1, 0xe2, 0xe4],
  ô: [0xe8, 0xe5, 0xe6, 0xe7, 0xe9],
  ơ: [0xed, 0xea, 0xeb, 0xec, 0xee],
  u: [0xf3, 0xef, 0xf1, 0xf2, 0xf4],
  ư: [0xf8, 0xf5, 0xf6, 0xf7, 0xf9],
  y: [0xfd, 0xfa, 0xfb, 0xfc, 0xfe],
};
const TCVN3_PLAIN: [number, string][] = [
  [0xa1, "Ă"],
  [0xa2, "Â"],
  [0xa3, "Ê"],
  [0xa4, "Ô"],
  [0xa5, "Ơ"],
  [0xa6, "Ư"],
  [0xa7, "Đ"],
  [0xa8, "ă"],
  [0xa9, "â"],
  [0xaa, "ê"],
  [0xab, "ô"],
  [0xac, "ơ"],
  [0xad, "ư"],
  [0xae, "đ"],
];

/** Latin-1 character → Unicode letter (lower case for toned letters: the font decides the case). */
const TCVN3_DECODE = new Map<string, string>();
/** Unicode letter → TCVN3 character (capitals with a tone take their small letter's code). */
const TCVN3_ENCODE = new Map<string, string>();
for (const [code, letter] of TCVN3_PLAIN) {
  TCVN3_DECODE.set(String.fromCharCode(code), letter);
  TCVN3_ENCODE.set(letter, String.fromCharCode(code));
}
for (const v of VOWELS) {
  TCVN3_TONED[v].forEach((code, t) => {
    const letter = withTone(v, t);
    TCVN3_DECODE.set(String.fromCharCode(code), letter);
    TCVN3_ENCODE.set(letter, String.fromCharCode(code));
    TCVN3_ENCODE.set(letter.toUpperCase(), String.fromCharCode(code));
  });
}

// ---------------------------------------------------------------------------------------------
// VNI: base letter + mark (lower case shown; capitals use the capital marks).

/** Each vowel: its base and its forms with tones sắc, huyền, hỏi, ngã, nặng. */
const VNI_FORMS: Record<Vowel, [string, string, string, string, string, string]> = {
  a: ["a", "aù", "aø", "aû", "aõ", "aï"],
  â: ["aâ", "aá", "aà", "aå", "aã", "aä"],
  ă: ["aê", "aé", "aè", "aú", "aü", "aë"],
  e: ["e", "eù", "eø", "eû", "eõ", "eï"],
  ê: ["eâ", "eá", "eà", "eå", "eã", "eä"],
  o: ["o", "où", "oø", "oû", "oõ", "oï"],
  ô: ["oâ", "oá", "oà", "oå", "oã", "oä"],
  ơ: ["ô", "ôù", "ôø", "ôû", "ôõ", "ôï"],
  u: ["u", "uù", "uø", "uû", "uõ", "uï"],
  ư: ["ö", "öù", "öø", "öû", "öõ", "öï"],
  i: ["i", "í", "ì", "æ", "ó", "ò"],
  y: ["y", "yù", "yø", "yû", "yõ", "î"],
};

/** VNI sequence (lower case) → Unicode letter (lower case). */
const VNI_DECODE = new Map<string, string>([["ñ", "đ"]]);
/** Unicode letter → VNI sequence, both cases. */
const VNI_ENCODE = new Map<string, string>([
  ["đ", "ñ"],
  ["Đ", "Ñ"],
]);
for (const v of VOWELS) {
  VNI_FORMS[v].forEach((seq, t) => {
    const letter = t === 0 ? v : withTone(v, t - 1);
    if (seq !== letter) VNI_DECODE.set(seq, letter);
    VNI_ENCODE.set(letter, seq);
    VNI_ENCODE.set(letter.toUpperCase(), seq.toUpperCase());
  });
}
/** Characters that can begin a two-character VNI sequence. */
const VNI_BASES = new Set(["a", "e", "o", "u", "y", "ô", "ö"]);

// ---------------------------------------------------------------------------------------------
// Conversion.

const isUpper = (ch: string) => ch !== ch.toLowerCase() && ch === ch.toUpperCase();
const isAsciiLetter = (ch: string) => /[A-Za-z]/.test(ch);

/** Whether the letters of a word (apart from legacy toned letters) are all capitals, at least two. */
function capitalWord(word: string): boolean {
  let capitals = 0;
  for (const ch of word) {
    if (isAsciiLetter(ch)) {
      if (!isUpper(ch)) return false;
      capitals++;
    }
  }
  return capitals >= 2;
}

/**
 * TCVN3 text as Unicode (NFC). Toned letters have no capitals in TCVN3: they become capitals in a
 * word written in capitals (“TµI” → “TÀI”), in a text written all in capitals (“Së Y TÕ” → “SỞ Y TẾ”)
 * and as the first letter of the text (“ñy ban” → “Ủy ban”).
 */
export function decodeTcvn3(text: string): string {
  const wholeCapitals = capitalWord(text.replace(/[^A-Za-z]/g, ""));
  let out = "";
  let first = true;
  for (const word of text.split(/(\s+)/)) {
    const capitals = wholeCapitals || capitalWord(word);
    for (const ch of word) {
      const letter = TCVN3_DECODE.get(ch);
      // A text beginning with a toned letter begins with its capital (“ñy ban” is “Ủy ban”).
      out += letter === undefined ? ch : capitals || first ? letter.toUpperCase() : letter;
      if (/\S/.test(ch)) first = false;
    }
  }
  return out.normalize("NFC");
}

/** VNI text as Unicode (NFC). A mark that follows no vowel stays as it is. */
export function decodeVni(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const lower = ch.toLowerCase();
    if (VNI_BASES.has(lower) && i + 1 < text.length) {
      const pair = VNI_DECODE.get(lower + text[i + 1].toLowerCase());
      if (pair !== undefined) {
        out += isUpper(ch) ? pair.toUpperCase() : pair;
        i++;
        continue;
      }
    }
    const single = VNI_DECODE.get(lower);
    out += single === undefined ? ch : isUpper(ch) ? single.toUpperCase() : single;
  }
  return out.normalize("NFC");
}

export function decodeLegacy(text: string, encoding: LegacyEncoding): string {
  return encoding === "tcvn3" ? decodeTcvn3(text) : decodeVni(text);
}

/** Unicode text as a TCVN3 or VNI font would store it (the reverse of decodeLegacy; for tests and tools). */
export function encodeLegacy(text: string, encoding: LegacyEncoding): string {
  const table = encoding === "tcvn3" ? TCVN3_ENCODE : VNI_ENCODE;
  let out = "";
  for (const ch of text.normalize("NFC")) out += table.get(ch) ?? ch;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Vietnamese syllables.

const INITIALS = new Set([
  "",
  "b",
  "c",
  "ch",
  "d",
  "đ",
  "g",
  "gh",
  "gi",
  "h",
  "k",
  "kh",
  "l",
  "m",
  "n",
  "ng",
  "ngh",
  "nh",
  "p",
  "ph",
  "qu",
  "r",
  "s",
  "t",
  "th",
  "tr",
  "v",
  "x",
  // Place names of the Central Highlands (“Krông Pắc”, “Đắk Lắk”).
  "kr",
]);

/**
 * Rhymes without their tone. Final k only in place names (“Đắk Lắk”); the loanword rhymes “oong”,
 * “ooc” (xoong, soóc) are left out: they never appear in agencies' names or notes and would make
 * VNI “Khoâng” read as TCVN3 too.
 */
const RHYMES = new Set(
  (
    "a ai ao au ay ac ach am an ang anh ap at ak " +
    "ăc ăm ăn ăng ăp ăt ăk " +
    "âc âm ân âng âp ât âu ây âk " +
    "e ec em en eng ep et eo " +
    "ê êch êm ên ênh êp êt êu " +
    "i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu " +
    "o oa oac oach oai oam oan oang oanh oao oap oat oay oc oe oem oen oeo oet oi om on ong op ot ok " +
    "oăc oăm oăn oăng oăt " +
    "ô ôc ôi ôm ôn ông ôp ôt ôk " +
    "ơ ơi ơm ơn ơp ơt " +
    "u ua uân uâng uât uây uc uê uêch uênh ui um un ung uơ up ut uy uya uych uyên uyêt uynh uyt uyu uk " +
    "uôc uôi uôm uôn uông uôt " +
    "ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu " +
    "y yêm yên yêt yêu"
  ).split(" "),
);
const STOP_FINAL = /(c|ch|p|t|k)$/;

const MODIFIED = "ăâêôơư";
const VOWEL_LETTERS = "aăâeêioôơuưy";

/**
 * Where a rhyme carries its tone: on its (last) modified vowel (“trường”, “tiếng”); else on its only
 * vowel, on the last vowel before a final consonant (“hoàn”), on the middle of three (“khoái”), on
 * either of “oa”, “oe”, “uy” (“hòa” and “hoà” both written), on the first of other pairs (“máu”, “núi”).
 */
function tonePositions(rhyme: string): number[] {
  const chars = [...rhyme];
  const modified = chars.flatMap((c, i) => (MODIFIED.includes(c) ? [i] : []));
  if (modified.length > 0) return [modified[modified.length - 1]];
  const vowels = chars.flatMap((c, i) => (VOWEL_LETTERS.includes(c) ? [i] : []));
  if (vowels.length <= 1) return vowels;
  if (!VOWEL_LETTERS.includes(chars[chars.length - 1])) return [vowels[vowels.length - 1]];
  if (vowels.length === 3) return [vowels[1]];
  return rhyme === "oa" || rhyme === "oe" || rhyme === "uy" ? [0, 1] : [vowels[0]];
}

/**
 * Whether a word is one Vietnamese syllable (any case): an initial consonant, a rhyme and at most one
 * tone, on the vowel that carries it; a syllable ending in c, ch, p or t takes sắc or nặng.
 */
export function isVietnameseSyllable(word: string): boolean {
  let tone = "";
  let toneAt = -1;
  let bare = "";
  for (const ch of word.toLowerCase().normalize("NFC")) {
    for (const part of ch.normalize("NFD")) {
      if ((TONES as readonly string[]).includes(part)) {
        if (tone !== "") return false;
        tone = part;
        toneAt = [...bare.normalize("NFC")].length - 1;
      } else bare += part;
    }
  }
  bare = bare.normalize("NFC");
  if (!/^[a-zđăâêôơư]+$/.test(bare)) return false;
  if (STOP_FINAL.test(bare) && tone !== TONES[0] && tone !== TONES[4]) return false;
  for (let n = Math.min(3, bare.length); n >= 0; n--) {
    const initial = bare.slice(0, n);
    if (!INITIALS.has(initial)) continue;
    const rhyme = bare.slice(n);
    // “gì”: gi alone, the tone on its i.
    if (initial === "gi" && rhyme === "") return toneAt === -1 || toneAt === 1;
    const known = RHYMES.has(rhyme) || (initial === "qu" && RHYMES.has(`u${rhyme}`));
    if (known && (toneAt === -1 || tonePositions(rhyme).includes(toneAt - n))) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Detection.

/** Letters only Unicode Vietnamese has (Ă Đ Ĩ Ũ Ơ Ư and the U+1EA0 block): never in legacy text. */
const UNICODE_ONLY = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/;
/** A word: letters, combining marks and the Latin-1 characters the legacy fonts draw as letters. */
const WORD = /[\p{L}\p{M}\u00a1-\u00ff]+/gu;
const HAS_LATIN1 = /[\u00a1-\u00ff]/;

/** Latin-1 characters a decoder leaves as they are although they are its letters (VNI í, ì; TCVN3 ý). */
const SAME_IN: Record<LegacyEncoding, RegExp> = { tcvn3: /^[A-Za-zý]*$/, vni: /^[A-Za-zíìÍÌ]*$/ };

function plausibleCase(word: string): boolean {
  const rest = word.slice(1);
  return rest === rest.toLowerCase() || word === word.toUpperCase();
}

interface Evidence {
  /** Words not Vietnamese as they stand that become Vietnamese syllables converted. */
  legacy: number;
  /** Words with Latin-1 characters that are Vietnamese neither way. */
  unknown: number;
  /** Words that are Unicode Vietnamese and cannot be this encoding. */
  against: number;
  /** Legacy words with a character no European language uses that way (see STRONG). */
  strong: number;
}

/**
 * What a lone legacy word must show to decide: a TCVN3 letter drawn on a Latin-1 symbol (“Kh«ng”),
 * a VNI mark no European word puts after a vowel (“Khoâng”, “Sôû”) or VNI ỉ (“tænh”), or a capital
 * inside a small-letter word (TCVN3 “tØnh”: Ø is ỉ). French “où”, Italian “può” or
 * Turkish “mü” read as VNI or TCVN3 words too, but never alone decide.
 */
const STRONG: Record<LegacyEncoding, RegExp> = {
  tcvn3: /[\u00a1-\u00bf\u00d7\u00f7]/,
  vni: /[aeouyAEOUY][âåäêëûõïøÂÅÄÊËÛÕÏØ]|[ôöÔÖ][ùøûõïÙØÛÕÏ]|[æÆ]/,
};

function evidence(words: readonly string[], encoding: LegacyEncoding): Evidence {
  const e: Evidence = { legacy: 0, unknown: 0, against: 0, strong: 0 };
  for (const w of words) {
    // Unicode text is written in small letters, capitalised or in capitals: TCVN3 “tÕ” (tế) is no Unicode “tõ”.
    const valid = isVietnameseSyllable(w) && plausibleCase(w);
    const converted = decodeLegacy(w, encoding);
    if (converted === w) {
      // No character of this encoding in it: a Vietnamese word with other Latin-1 letters (“Tài”) is Unicode.
      if (valid && !SAME_IN[encoding].test(w)) e.against++;
      else if (!valid) e.unknown++;
      continue;
    }
    const convertedValid = isVietnameseSyllable(converted);
    if (valid && !convertedValid) e.against++;
    else if (!valid && convertedValid && /[A-Za-z]/.test(w)) {
      e.legacy++;
      if (STRONG[encoding].test(w) || !plausibleCase(w)) e.strong++;
    } else if (!valid) e.unknown++;
  }
  return e;
}

/**
 * The legacy encoding a text is written in, or null: null for Unicode Vietnamese, English, numbers
 * and anything the evidence does not clearly show. A text is one encoding's when two of its words, or
 * one with a telling character (STRONG), become Vietnamese only converted, more such words than words Vietnamese neither way (plain
 * words included: an Italian “può” among “non”, “valore” is no VNI), and
 * no word is Vietnamese as it stands but not converted. `prefer` is the encoding of the sheet's
 * other legacy cells: one word of it is then enough, and it decides when both encodings fit equally.
 */
export function detectLegacy(text: string, prefer: LegacyEncoding | null = null): LegacyEncoding | null {
  if (!HAS_LATIN1.test(text) || UNICODE_ONLY.test(text)) return null;
  const all = text.match(WORD) ?? [];
  const words = all.filter((w) => HAS_LATIN1.test(w));
  if (words.length === 0) return null;
  // Plain words that are not Vietnamese (“valore”, “bigint”; not “TTHC”, “tin”) count against both.
  const foreign = all.filter((w) => !HAS_LATIN1.test(w) && /[a-z]/.test(w) && w.length > 1 && !isVietnameseSyllable(w)).length;
  const t = evidence(words, "tcvn3");
  const v = evidence(words, "vni");
  t.unknown += foreign;
  v.unknown += foreign;
  // One weak word is enough in a sheet whose other cells are of `prefer` (“Së”, “øng dông CNTT”);
  // alone it is not (“può”, “non può”, “mü”).
  const qualifies = (e: Evidence, enc: LegacyEncoding) =>
    (e.legacy >= 2 || e.strong >= 1 || (prefer === enc && e.legacy >= 1)) && e.against === 0 && e.legacy > e.unknown;
  const tcvn3 = qualifies(t, "tcvn3");
  const vni = qualifies(v, "vni");
  if (tcvn3 && (!vni || t.legacy > v.legacy)) return "tcvn3";
  if (vni && (!tcvn3 || v.legacy > t.legacy)) return "vni";
  // Both equally (“Khoâng” reads “Không” in VNI, “Khoõng” in TCVN3): the sheet's other cells decide.
  return tcvn3 && vni ? prefer : null;
}

/** A text's encoding and its Unicode form, when it is legacy text. */
export function legacyToUnicode(text: string): { encoding: LegacyEncoding; text: string } | null {
  const encoding = detectLegacy(text);
  return encoding === null ? null : { encoding, text: decodeLegacy(text, encoding) };
}

/**
 * The Unicode font to use in place of a legacy font (“.VnTime”, “.VnTimeH”, “.VnArial”, “VNI-Times”,
 * “VNI-Helve”…), which draws Latin-1 characters as Vietnamese letters and so shows Unicode text
 * wrongly; null for any other font.
 */
export function unicodeFontFor(font: string | null | undefined): string | null {
  const name = (font ?? "").trim();
  if (!/^(\.vn|vni[- ])/i.test(name)) return null;
  return /arial|helve|univer|swiss/i.test(name) ? "Arial" : "Times New Roman";
}
