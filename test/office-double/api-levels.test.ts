/**
 * api-levels.ts must say what @types/office-js says: for every entry, the member's JSDoc in the d.ts carries
 * exactly that `[Api set: …]` annotation. And every member the double implements has an entry.
 */
import { readFileSync } from "fs";
import { API_LEVELS } from "./api-levels";
import { implementedMembers } from "./proxies";

const dts = readFileSync(require.resolve("@types/office-js/index.d.ts"), "utf8");
const start = dts.indexOf("\ndeclare namespace Excel {");
const end = dts.indexOf("\ndeclare namespace", start + 10);
const excel = dts.slice(start, end);

/** JSDoc blocks of every declaration of `member` in `class cls` of the Excel namespace (overloads give several). */
function docsOf(cls: string, member: string): string[] {
  const classAt = excel.search(new RegExp(`\\n    class ${cls} extends `));
  if (classAt < 0) return [];
  const body = excel.slice(classAt, excel.indexOf("\n    }\n", classAt));
  const lines = body.split("\n");
  const docs: string[] = [];
  const decl = new RegExp(`^        (readonly )?${member}\\??[:(<]`);
  lines.forEach((line, i) => {
    if (!decl.test(line)) return;
    let j = i - 1;
    if (!lines[j]?.trim().endsWith("*/")) {
      docs.push("");
      return;
    }
    while (j > 0 && !lines[j].trim().startsWith("/**")) j--;
    docs.push(lines.slice(j, i).join("\n"));
  });
  return docs;
}

function annotationMatches(member: string, annotation: string | null): boolean {
  const [cls, name] = member.split(".");
  const docs = docsOf(cls, name);
  if (docs.length === 0) return false;
  if (annotation === null) return docs.every((d) => !d.includes("[Api set:"));
  return docs.some((d) => d.includes(`[Api set: ${annotation}]`));
}

describe("api-levels.ts against @types/office-js", () => {
  test.each(Object.entries(API_LEVELS))("%s", (member, entry) => {
    expect(annotationMatches(member, entry.annotation)).toBe(true);
    const m = entry.annotation && /^ExcelApi 1\.(\d+)$/.exec(entry.annotation);
    if (m) {
      expect(entry.level).toBe(Number(m[1]));
      expect(entry.setLevel).toBeUndefined();
    }
  });

  test("the check catches a wrong annotation or a member that does not exist", () => {
    expect(annotationMatches("Worksheet.pageLayout", "ExcelApi 1.9")).toBe(true);
    expect(annotationMatches("Worksheet.pageLayout", "ExcelApi 1.4")).toBe(false);
    expect(annotationMatches("Range.noSuchMember", "ExcelApi 1.1")).toBe(false);
  });

  test("every member the double implements is in the table, and the table lists nothing else", () => {
    const implemented = implementedMembers().sort();
    expect(implemented.filter((m) => !(m in API_LEVELS))).toEqual([]);
    expect(Object.keys(API_LEVELS).filter((m) => !implemented.includes(m))).toEqual([]);
  });
});
