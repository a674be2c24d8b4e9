/**
 * Every message code of every catalogue (core, excel, ribbon note, command line; the pane's strings
 * below), rendered in both languages from its own example: a code lacking a language, rendering
 * empty, rendering the same text in both, or English with Vietnamese words in it fails here. And no
 * text is derived from text: no module words a message outside a catalogue, or rewrites a message.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as ts from "typescript";
import { join, relative } from "node:path";
import { Entries, entry, registeredCatalogues } from "../../../src/core/base/catalogue";
import { catalogue as PANE } from "../../../src/taskpane/i18n";
import { rulesCatalogue as RULES } from "../../../src/taskpane/rulesStrings";
import { lockCatalogue as LOCK } from "../../../src/taskpane/lockStrings";
import { formsCatalogue as FORMS } from "../../../src/taskpane/formsStrings";
import { annexCatalogue as ANNEX } from "../../../src/taskpane/annexStrings";
import { explainCatalogue as EXPLAIN } from "../../../src/taskpane/explainStrings";
import { criteriaCatalogue as CRITERIA } from "../../../src/taskpane/criteriaStrings";

const ROOT = join(__dirname, "..", "..", "..");
const SRC = join(ROOT, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const FILES = sourceFiles(SRC).map((path) => ({ path, name: relative(ROOT, path), text: readFileSync(path, "utf8") }));
/** The modules declaring catalogues (`catalogue("name", …)`), and how many each declares. */
const DECLARING = FILES.filter((f) => /\bcatalogue\(\s*"/.test(f.text) && !f.name.endsWith("core/base/catalogue.ts"));
const DECLARED = DECLARING.reduce((n, f) => n + (f.text.match(/\bcatalogue\(\s*"/g) ?? []).length, 0);
// Importing them registers every catalogue (no module with a catalogue touches Office at load).
// eslint-disable-next-line @typescript-eslint/no-require-imports
for (const f of DECLARING) require(f.path);
const CATALOGUES: [string, Entries][] = [...registeredCatalogues()];

test("every catalogue of src is registered and walked below", () => {
  expect(DECLARING.map((f) => f.name)).toEqual(
    expect.arrayContaining([
      "src/core/findings/findings.ts",
      "src/core/forms/form-messages.ts",
      "src/excel/messages.ts",
      "src/cli/messages.ts",
      "src/commands/notify.ts",
    ]),
  );
  expect(CATALOGUES.length).toBe(DECLARED);
});

/** Words only Vietnamese text has (an English rendering holding one was not translated). */
const VIETNAMESE = /(?<![\p{L}])(của|không|phải|được|hãy|trang tính|nhóm|điểm|quy tắc|và|hoặc)(?![\p{L}])/iu;
/** Data in the examples (quoted names, sheet names, headers, agencies, class names) and Excel's terms kept as such. */
const DATA =
  /“[^”]*”|"[^"]*"|Sở Y tế|Ủy ban nhân dân tỉnh|Văn phòng UBND tỉnh|Hạ tầng kỹ thuật|Tốt|Khá|Phân loại|Ghi chú|Khối\/Nhóm|Tên cơ quan|Bảng điểm|Phụ lục|TTHC/gu;

describe.each(CATALOGUES)("the %s catalogue", (_name, entries) => {
  const codes = Object.keys(entries);

  test("has codes", () => expect(codes.length).toBeGreaterThan(0));

  test.each(codes)("%s: Vietnamese and English, each its own text", (code) => checkEntry(entries[code]));
});

/** What every code must give: both languages, from its example, each non-empty and its own text. */
function checkEntry(e: Entries[string]): void {
  expect(typeof e.vi).toBe("function");
  expect(typeof e.en).toBe("function");
  expect(e).toHaveProperty("example");
  const vi: string = e.vi(e.example);
  const en: string = e.en(e.example);
  expect(typeof vi).toBe("string");
  expect(typeof en).toBe("string");
  expect(vi.trim()).not.toBe("");
  expect(en.trim()).not.toBe("");
  expect(vi.normalize("NFC")).toBe(vi);
  // The same text in both is allowed only for text without words (a path, a number).
  if (/\p{L}{3,}/u.test(vi.replace(DATA, ""))) expect(en).not.toBe(vi);
  expect(en.replace(DATA, "")).not.toMatch(VIETNAMESE);
  // A placeholder left unfilled.
  expect(vi).not.toMatch(/undefined|\[object Object\]|NaN/);
  expect(en).not.toMatch(/undefined|\[object Object\]|NaN/);
}

describe("a code lacking a language fails", () => {
  test("at compile time: `entry` requires vi, en and an example that fits", () => {
    // @ts-expect-error no English
    const noEnglish = entry({ vi: (p: { sheet: string }) => `Trang tính “${p.sheet}”`, example: { sheet: "A" } });
    // @ts-expect-error no example
    const noExample = entry({ vi: (p: { sheet: string }) => `Trang tính “${p.sheet}”`, en: (p) => `Sheet “${p.sheet}”` });
    // @ts-expect-error the example does not fit the parameters
    const badExample = entry({ vi: (p: { sheet: string }) => `Trang tính “${p.sheet}”`, en: (p) => `Sheet “${p.sheet}”`, example: { name: "A" } });
    expect([noEnglish, noExample, badExample].every((e) => typeof e.vi === "function")).toBe(true);
  });

  test("at run time: the walk rejects a missing, empty, untranslated or unfilled rendering", () => {
    const good = entry({
      vi: (p: { sheet: string }) => `Trang tính “${p.sheet}” đang được bảo vệ.`,
      en: (p) => `Sheet “${p.sheet}” is protected.`,
      example: { sheet: "A" },
    });
    expect(() => checkEntry(good)).not.toThrow();
    expect(() => checkEntry({ vi: good.vi, example: good.example } as unknown as Entries[string])).toThrow();
    expect(() => checkEntry({ ...good, en: () => "" })).toThrow();
    expect(() => checkEntry({ ...good, en: good.vi })).toThrow();
    expect(() => checkEntry({ ...good, en: () => "Sheet A: hãy bỏ bảo vệ." })).toThrow();
    expect(() => checkEntry({ ...good, example: {} })).toThrow();
  });
});

describe("the pane's strings", () => {
  const leaves = (o: unknown, path: string[] = []): [string, unknown][] =>
    typeof o === "object" && o !== null ? Object.entries(o).flatMap(([k, v]) => leaves(v, [...path, k])) : [[path.join("."), o]];
  // The Phụ lục, Quy tắc, lock, Phiếu and Giải trình strings come with their chunks (annexStrings.ts, rulesStrings.ts, lockStrings.ts, formsStrings.ts, explainStrings.ts), walked here with the rest.
  const vi = new Map(leaves({ ...PANE.vi, ...ANNEX.vi, rules: RULES.vi, lock: LOCK.vi, forms: FORMS.vi, explain: EXPLAIN.vi, criteria: CRITERIA.vi }));
  const en = new Map(leaves({ ...PANE.en, ...ANNEX.en, rules: RULES.en, lock: LOCK.en, forms: FORMS.en, explain: EXPLAIN.en, criteria: CRITERIA.en }));

  test("the same keys in both languages", () => expect([...en.keys()].sort()).toEqual([...vi.keys()].sort()));

  test.each([...vi.keys()].filter((k) => k !== "lang"))("%s is its own text in English", (key) => {
    const v = vi.get(key);
    const e = en.get(key);
    expect(typeof e).toBe(typeof v);
    if (typeof v === "string") {
      expect(e).not.toBe("");
      if (/\p{L}{3,}/u.test(v.replace(DATA, ""))) expect(e).not.toBe(v);
    }
  });
});

describe("no text derived from text", () => {
  const outside = FILES.filter(
    (f) =>
      !DECLARING.includes(f) &&
      !f.name.endsWith("taskpane/i18n.ts") &&
      !f.name.endsWith("taskpane/rulesStrings.ts") &&
      !f.name.endsWith("taskpane/lockStrings.ts") &&
      !f.name.endsWith("taskpane/formsStrings.ts") &&
      !f.name.endsWith("taskpane/annexStrings.ts") &&
      !f.name.endsWith("taskpane/explainStrings.ts") &&
      !f.name.endsWith("taskpane/criteriaStrings.ts") &&
      !f.name.endsWith("core/base/catalogue.ts"),
  );

  /** Lines wording a message outside a catalogue, or choosing between two texts by language, or rewriting a message. */
  const PATTERNS: [string, RegExp][] = [
    ["an English message typed inline", /messageEn\??:\s*[`"']|\b\w+En\.push\(\s*[`"']/g],
    ["a language ternary between two texts", /(lang|language)\s*===\s*"(en|vi)"\s*\?\s*[`"'](?!(vi|en)")|\ben\s*\?\s*[`"'][^`"']*[`"']\s*:\s*[`"']/g],
    ["a message rewritten by a regular expression", /\b(message|messageEn|messages|notice|title)\.replace\(/g],
  ];

  test.each(PATTERNS)("no %s", (_what, pattern) => {
    const hits = outside.flatMap((f) =>
      [...f.text.matchAll(pattern)].map((m) => {
        const line = f.text.slice(0, m.index).split("\n").length;
        return `${f.name}:${line}: ${f.text.split("\n")[line - 1].trim()}`;
      }),
    );
    expect(hits).toEqual([]);
  });

  /**
   * Every pair of templates (`{ vi: (p) => …, en: (p) => … }`) anywhere in src is an `entry(…)` of a
   * catalogue, or in a table a `catalogue(…)` call of its module wraps: none escapes the walk above.
   */
  test("every template pair (vi and en functions) is in a registered catalogue", () => {
    const isFunction = (n: ts.Node | undefined) => !!n && (ts.isArrowFunction(n) || ts.isFunctionExpression(n));
    const loose: string[] = [];
    for (const f of FILES.filter((f) => !f.name.endsWith("core/base/catalogue.ts"))) {
      const source = ts.createSourceFile(f.path, f.text, ts.ScriptTarget.Latest, true, f.path.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
      // The names a catalogue(…) call of the module uses (a table wrapped with Object.fromEntries, say).
      const wrapped = new Set<string>();
      const calls = (n: ts.Node): void => {
        if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === "catalogue") {
          const names = (m: ts.Node): void => {
            if (ts.isIdentifier(m)) wrapped.add(m.text);
            m.forEachChild(names);
          };
          n.arguments.forEach(names);
        }
        n.forEachChild(calls);
      };
      calls(source);
      const visit = (n: ts.Node): void => {
        if (ts.isObjectLiteralExpression(n)) {
          const fn = (key: string) =>
            n.properties.find((p) => (ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p)) && p.name.getText() === key) as
              ts.PropertyAssignment | ts.MethodDeclaration | undefined;
          const vi = fn("vi");
          const en = fn("en");
          const templates = [vi, en].every((p) => p && (ts.isMethodDeclaration(p) || isFunction(p.initializer)));
          if (templates) {
            const inEntry = ts.isCallExpression(n.parent) && ts.isIdentifier(n.parent.expression) && n.parent.expression.text === "entry";
            let up: ts.Node | undefined = n;
            while (up && !ts.isVariableDeclaration(up)) up = up.parent;
            const inWrapped = !!up && ts.isVariableDeclaration(up) && ts.isIdentifier(up.name) && wrapped.has(up.name.text);
            if (!inEntry && !inWrapped) loose.push(`${f.name}:${source.getLineAndCharacterOfPosition(n.getStart()).line + 1}`);
          }
        }
        n.forEachChild(visit);
      };
      visit(source);
    }
    expect(loose).toEqual([]);
  });

  test("the module that reworded Vietnamese into English is gone", () => {
    expect(FILES.map((f) => f.name)).not.toContain("src/excel/wording.ts");
  });
});
