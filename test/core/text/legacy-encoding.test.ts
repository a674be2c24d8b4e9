import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { decodeLegacy, decodeTcvn3, decodeVni, detectLegacy, encodeLegacy, isVietnameseSyllable, LegacyEncoding } from "../../../src/core/text/legacy-encoding";
import { readSheet } from "../../../src/cli/workbook";
import { readPublishedAnnex } from "../../fixtures/reference";

const ROOT = path.resolve(__dirname, "../../..");

// The TCVN3 (ABC) code chart, small letters with tones in the chart's order and the letters with a
// modifier, written out here on their own (not from the module's tables) so that the test checks them.
const TCVN3_CHART = "¸µ¶·¹ ¨¾»¼½Æ ©ÊÇÈÉË ®ÐÌÎÏÑ ªÕÒÓÔÖ Ý×ØÜÞ ãßáâä «èåæçé ¬íêëìî óïñòô \u00adøõö÷ù ýúûüþ ¡¢£¤¥¦§";
const TCVN3_UNICODE = "áàảãạ ăắằẳẵặ âấầẩẫậ đéèẻẽẹ êếềểễệ íìỉĩị óòỏõọ ôốồổỗộ ơớờởỡợ úùủũụ ưứừửữự ýỳỷỹỵ ĂÂÊÔƠƯĐ";

// The VNI code chart: every vowel with no tone, sắc, huyền, hỏi, ngã, nặng; then đ.
const VNI_CHART =
  "a aù aø aû aõ aï aâ aá aà aå aã aä aê aé aè aú aü aë e eù eø eû eõ eï eâ eá eà eå eã eä i í ì æ ó ò " +
  "o où oø oû oõ oï oâ oá oà oå oã oä ô ôù ôø ôû ôõ ôï u uù uø uû uõ uï ö öù öø öû öõ öï y yù yø yû yõ î ñ";
const VNI_UNICODE =
  "a á à ả ã ạ â ấ ầ ẩ ẫ ậ ă ắ ằ ẳ ẵ ặ e é è ẻ ẽ ẹ ê ế ề ể ễ ệ i í ì ỉ ĩ ị " + "o ó ò ỏ õ ọ ô ố ồ ổ ỗ ộ ơ ớ ờ ở ỡ ợ u ú ù ủ ũ ụ ư ứ ừ ử ữ ự y ý ỳ ỷ ỹ ỵ đ";

/** Every Vietnamese letter with a diacritic or a tone (small), in NFC. */
const LETTERS = VNI_UNICODE.split(" ").filter((l) => !/^[aeiouy]$/.test(l));

describe("code charts: every Vietnamese letter, every tone, both cases", () => {
  it("TCVN3: each code of the chart decodes to its letter, and each letter encodes back to its code", () => {
    const codes = [...TCVN3_CHART.replace(/ /g, "")];
    const letters = [...TCVN3_UNICODE.replace(/ /g, "")];
    expect(codes).toHaveLength(letters.length);
    codes.forEach((code, i) => {
      expect(decodeTcvn3(`x${code}x`)).toBe(`x${letters[i]}x`);
      expect(encodeLegacy(letters[i], "tcvn3")).toBe(code);
    });
  });

  it("TCVN3: capitals with a tone share their small letter's code and come back as capitals in a capital word", () => {
    for (const letter of LETTERS) {
      const word = `T${letter.toUpperCase()}N`;
      expect(decodeTcvn3(encodeLegacy(word, "tcvn3"))).toBe(word);
      expect(decodeTcvn3(encodeLegacy(`t${letter}n`, "tcvn3"))).toBe(`t${letter}n`);
    }
    expect(decodeTcvn3("Së TµI CHÝNH")).toBe("SỞ TÀI CHÍNH");
    expect(decodeTcvn3("ñy ban nh©n d©n")).toBe("Ủy ban nhân dân");
  });

  it("VNI: each sequence of the chart decodes to its letter, both cases, and encodes back", () => {
    const seqs = VNI_CHART.split(" ");
    const letters = VNI_UNICODE.split(" ");
    expect(seqs).toHaveLength(letters.length);
    seqs.forEach((seq, i) => {
      expect(decodeVni(`x${seq}x`)).toBe(`x${letters[i]}x`);
      expect(decodeVni(`X${seq.toUpperCase()}X`)).toBe(`X${letters[i].toUpperCase()}X`);
      expect(encodeLegacy(letters[i], "vni")).toBe(seq);
      expect(encodeLegacy(letters[i].toUpperCase(), "vni")).toBe(seq.toUpperCase());
    });
  });

  it("conversion output is NFC, also from decomposed input", () => {
    for (const enc of ["tcvn3", "vni"] as LegacyEncoding[]) {
      const text = "Ủy ban nhân dân tỉnh, Sở Tài chính, Đường Lý Thường Kiệt";
      const out = decodeLegacy(encodeLegacy(text.normalize("NFD"), enc), enc);
      expect(out).toBe(out.normalize("NFC"));
      expect(out).toBe(text);
    }
  });
});

describe("detection: the examples of the issue", () => {
  it.each([
    ["Së Tµi chÝnh", "tcvn3", "Sở Tài chính"],
    ["Kh«ng TTHC", "tcvn3", "Không TTHC"],
    ["Së Y tÕ", "tcvn3", "Sở Y tế"],
    ["Sôû Taøi chính", "vni", "Sở Tài chính"],
    ["Khoâng TTHC", "vni", "Không TTHC"],
    ["Sôû Y teá", "vni", "Sở Y tế"],
    ["Thanh tra tØnh", "tcvn3", "Thanh tra tỉnh"],
    ["Thanh tra tænh", "vni", "Thanh tra tỉnh"],
  ])("%s is %s for %s", (text, encoding, unicode) => {
    expect(detectLegacy(text)).toBe(encoding);
    expect(decodeLegacy(text, encoding as LegacyEncoding)).toBe(unicode);
  });
});

describe("no false alarm", () => {
  it.each([
    "Sở Y tế",
    "Sở Tài chính",
    "Không TTHC",
    "Tài",
    "cô",
    "Hà Nội",
    "ĐẮK LẮK",
    "Krông Pắc",
    "Café",
    "Crème brûlée",
    "Müller GmbH",
    "São Paulo",
    "où",
    "può",
    "mü",
    "81,05",
    "UBND",
    "CNTT 2020",
    "",
    "   ",
  ])("%j", (text) => expect(detectLegacy(text)).toBeNull());

  it("the reference annex: no cell; its names and notes typed in TCVN3 or VNI are found one by one and converted exactly", () => {
    const { header, rows } = readPublishedAnnex();
    const cells = [...header, ...rows.flatMap((r) => [r.stt, r.name, ...r.groups, r.total, r.index, r.className, r.notes])];
    expect(cells.length).toBeGreaterThan(200);
    expect(cells.filter((c) => detectLegacy(c) !== null)).toEqual([]);
    for (const text of rows.flatMap((r) => [r.name, r.notes]).filter((t) => /[^ -~]/.test(t))) {
      for (const enc of ["tcvn3", "vni"] as LegacyEncoding[]) {
        const legacy = encodeLegacy(text, enc);
        expect([text, detectLegacy(legacy)]).toEqual([text, enc]);
        expect(decodeLegacy(legacy, enc)).toBe(text);
      }
    }
  });

  it("the example workbook: no cell of any sheet", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(ROOT, "examples/danh-gia-2020.xlsx"));
    const texts = wb.worksheets.flatMap((ws) => readSheet(ws).values.flat()).filter((v): v is string => typeof v === "string" && v !== "");
    expect(texts.length).toBeGreaterThan(30);
    expect(texts.filter((t) => detectLegacy(t) !== null)).toEqual([]);
  });

  it("every Vietnamese syllable (initials × rhymes × tones), small, capitalised and in capitals; and 5 000 generated names", () => {
    const syllables = allSyllables();
    expect(syllables.length).toBeGreaterThan(15000);
    const alarms = syllables.flatMap((s) => [s, s[0].toUpperCase() + s.slice(1), s.toUpperCase()]).filter((w) => detectLegacy(w) !== null);
    expect(alarms).toEqual([]);
    const random = seeded(20201);
    const names: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const n = 2 + Math.floor(random() * 6);
      names.push(Array.from({ length: n }, (_, j) => capitalise(syllables[Math.floor(random() * syllables.length)], j === 0 || random() < 0.3)).join(" "));
    }
    expect(names.filter((n) => detectLegacy(n) !== null)).toEqual([]);
    // The same names typed in TCVN3 or VNI: found (a name all of whose words read as Vietnamese both
    // ways can stay unseen), and never taken for the other encoding.
    for (const enc of ["tcvn3", "vni"] as LegacyEncoding[]) {
      const encoded = names.map((n) => encodeLegacy(n, enc)).filter((e, i) => e !== names[i]);
      const found = encoded.filter((e) => detectLegacy(e) === enc).length;
      expect(encoded.filter((e) => detectLegacy(e) === (enc === "vni" ? "tcvn3" : "vni"))).toEqual([]);
      expect(found / encoded.length).toBeGreaterThan(0.9);
    }
  });

  it("French, German, Spanish, Italian, Portuguese, Czech, Polish, Turkish text: sentences, single words and pairs of words", () => {
    // TypeScript's translated messages: thousands of sentences with Latin-1 letters.
    let checked = 0;
    const alarms: string[] = [];
    for (const lang of ["de", "es", "fr", "it", "pt-br", "cs", "pl", "tr"]) {
      const file = path.join(ROOT, "node_modules/typescript/lib", lang, "diagnosticMessages.generated.json");
      const messages = Object.values(JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>);
      for (const m of messages) {
        const words = m.split(/\s+/);
        const pairs = words.slice(1).map((w, i) => `${words[i]} ${w}`);
        for (const text of new Set([m, ...words, ...pairs])) {
          checked++;
          if (detectLegacy(text) !== null) alarms.push(text);
        }
      }
    }
    expect(checked).toBeGreaterThan(100000);
    expect(alarms).toEqual([]);
  });
});

describe("isVietnameseSyllable", () => {
  it.each(["Sở", "tế", "Không", "nghiêng", "giữ", "gì", "quyết", "quýt", "khuya", "Đắk", "ƯỚC", "hoà", "hòa", "thuở"])("%s is a syllable", (w) =>
    expect(isVietnameseSyllable(w)).toBe(true),
  );
  it.each(["Khoâng", "së", "tµi", "cêp", "tát̀", "bigint", "valore", "Sôû", "hảt", "x1"])("%s is not", (w) => expect(isVietnameseSyllable(w)).toBe(false));
});

// ---------------------------------------------------------------------------------------------

const INITIALS = "b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x".split(" ").concat([""]);
const RHYMES = (
  "a ai ao au ay ac ach am an ang anh ap at ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây e ec em en eng ep et eo ê êch êm ên ênh êp êt êu " +
  "i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu o oa oac oach oai oan oang oanh oat oay oc oe oen oet oi om on ong op ot oăc oăn oăng oăt " +
  "ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt u ua uân uât uây uc uê ui um un ung uơ up ut uy uya uyên uyêt uynh uyt uôc uôi uôm uôn uông uôt " +
  "ư ưa ưc ưi ưm ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu"
).split(" ");
const TONES = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"];

/** The tone on the vowel that carries it (the modified vowel, else the last one before a final consonant). */
function placeTone(rhyme: string, tone: string): string {
  if (tone === "") return rhyme;
  const chars = [...rhyme];
  const vowels = chars.map((c, i) => ("aăâeêioôơuưy".includes(c) ? i : -1)).filter((i) => i >= 0);
  const modified = chars.map((c, i) => ("ăâêôơư".includes(c) ? i : -1)).filter((i) => i >= 0);
  const endsInConsonant = !"aăâeêioôơuưy".includes(chars[chars.length - 1]);
  const at = modified.length ? modified[modified.length - 1] : vowels.length === 1 || endsInConsonant ? vowels[vowels.length - 1] : vowels[vowels.length - 2];
  chars[at] = (chars[at] + tone).normalize("NFC");
  return chars.join("");
}

function allSyllables(): string[] {
  const out: string[] = [];
  for (const i of INITIALS)
    for (const r of RHYMES)
      for (const t of TONES) {
        const s = (i + placeTone(r, t)).normalize("NFC");
        if (isVietnameseSyllable(s)) out.push(s);
      }
  return out;
}

function seeded(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

const capitalise = (w: string, yes: boolean) => (yes ? w[0].toUpperCase() + w.slice(1) : w);
