/**
 * Where a JSON text stops being JSON, in the user's words: the browser's and Node's parser messages
 * are English and differ between engines, so the position is found here, by a small scanner that
 * follows the JSON grammar, and worded from a code in Vietnamese and English.
 */
import { catalogue, entry, Lang } from "../base/catalogue";

export type JsonSyntaxCode = "empty" | "unexpectedEnd" | "unexpectedChar" | "invalid";

export interface JsonSyntaxProblem {
  code: JsonSyntaxCode;
  /** 1-based line and column of the offending character (0 when not known). */
  line: number;
  column: number;
  /** The offending character, as it appears ("" at the end of the text). */
  char: string;
}

class Stop extends Error {
  constructor(readonly at: number) {
    super("json");
  }
}

/** Offset of the first character that breaks the JSON grammar, or -1 when the text is JSON; text.length when it ends too early. */
export function firstJsonError(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  const expect = (ok: boolean) => {
    if (!ok) throw new Stop(i);
  };
  const literal = (word: string) => {
    for (const c of word) {
      expect(text[i] === c);
      i++;
    }
  };
  const string = () => {
    i++; // the opening quote
    for (;;) {
      expect(i < text.length);
      const c = text[i];
      if (c === '"') return void i++;
      expect(c >= " ");
      if (c === "\\") {
        i++;
        expect(i < text.length && '"\\/bfnrtu'.includes(text[i]));
        if (text[i] === "u") {
          for (let k = 0; k < 4; k++) {
            i++;
            expect(/[0-9a-fA-F]/.test(text[i] ?? ""));
          }
        }
      }
      i++;
    }
  };
  const digits = () => {
    expect(/[0-9]/.test(text[i] ?? ""));
    while (/[0-9]/.test(text[i] ?? "")) i++;
  };
  const number = () => {
    if (text[i] === "-") i++;
    if (text[i] === "0") i++;
    else digits();
    if (text[i] === ".") {
      i++;
      digits();
    }
    if (text[i] === "e" || text[i] === "E") {
      i++;
      if (text[i] === "+" || text[i] === "-") i++;
      digits();
    }
  };
  const value = (): void => {
    ws();
    expect(i < text.length);
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") return void i++;
      for (;;) {
        ws();
        expect(text[i] === '"');
        string();
        ws();
        expect(text[i] === ":");
        i++;
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        expect(text[i] === "}");
        return void i++;
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        expect(text[i] === "]");
        return void i++;
      }
    }
    if (c === '"') return string();
    if (c === "t") return literal("true");
    if (c === "f") return literal("false");
    if (c === "n") return literal("null");
    expect(c === "-" || (c >= "0" && c <= "9"));
    number();
  };
  try {
    value();
    ws();
    expect(i === text.length);
    return -1;
  } catch (e) {
    if (e instanceof Stop) return e.at;
    throw e;
  }
}

/** Why a text that JSON.parse refused is not JSON, and where (the text as read, a leading BOM removed). */
export function jsonSyntaxProblem(text: string): JsonSyntaxProblem {
  if (text.trim() === "") return { code: "empty", line: 0, column: 0, char: "" };
  const at = firstJsonError(text);
  if (at < 0) return { code: "invalid", line: 0, column: 0, char: "" };
  const before = text.slice(0, at).split(/\r\n|\n|\r/);
  const line = before.length;
  const column = [...before[before.length - 1]].length + 1;
  if (at >= text.length) return { code: "unexpectedEnd", line, column, char: "" };
  return { code: "unexpectedChar", line, column, char: String.fromCodePoint(text.codePointAt(at)!) };
}

/** A character as the message shows it: visible, or named when it is blank or a control character. */
const CHAR_NAMES: Record<string, Record<Lang, string>> = { " ": { vi: "dấu cách", en: "a space" }, "\t": { vi: "dấu tab", en: "a tab" } };
const shown = (char: string, lang: Lang): string => {
  if (CHAR_NAMES[char]) return CHAR_NAMES[char][lang];
  if (char < " ") return `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
  return `“${char}”`;
};

const AT = { line: 3, column: 7 };

export const JSON_SYNTAX = catalogue("JSON syntax", {
  empty: entry({ vi: (_p: JsonSyntaxProblem) => "tệp trống", en: () => "the file is empty", example: { code: "empty", line: 0, column: 0, char: "" } }),
  unexpectedEnd: entry({
    vi: (p: JsonSyntaxProblem) => `tệp kết thúc khi nội dung chưa đóng đủ (thiếu “}”, “]” hoặc dấu ngoặc kép), ở dòng ${p.line}, cột ${p.column}`,
    en: (p) => `the file ends before its content is closed (a missing “}”, “]” or quotation mark), at line ${p.line}, column ${p.column}`,
    example: { code: "unexpectedEnd", ...AT, char: "" },
  }),
  unexpectedChar: entry({
    vi: (p: JsonSyntaxProblem) =>
      `ký tự ${shown(p.char, "vi")} không đúng chỗ ở dòng ${p.line}, cột ${p.column} (thường do thiếu hoặc thừa dấu phẩy, dấu ngoặc kép hay dấu ngoặc)`,
    en: (p) => `unexpected ${shown(p.char, "en")} at line ${p.line}, column ${p.column} (usually a missing or extra comma, quotation mark or bracket)`,
    example: { code: "unexpectedChar", ...AT, char: " " },
  }),
  invalid: entry({
    vi: (_p: JsonSyntaxProblem) => "không đọc được nội dung JSON",
    en: () => "its JSON content could not be read",
    example: { code: "invalid", line: 0, column: 0, char: "" },
  }),
} satisfies Record<JsonSyntaxCode, unknown>);

/** The problem in words, without the file name (the caller's sentence names the file and what to do). */
export function jsonSyntaxText(p: JsonSyntaxProblem, lang: Lang): string {
  return JSON_SYNTAX[p.code][lang](p);
}
