import { firstJsonError, jsonSyntaxProblem, jsonSyntaxText } from "../../../src/core/text/json-syntax";

describe("firstJsonError: where a text stops being JSON", () => {
  test.each([
    ['{"a": 1, "b": [true, false, null, -0.5e3, "x\\u00e9"]}', -1],
    ["  [ ]  ", -1],
    ['{"a": }', 6],
    ['{"a": 1,}', 8],
    ['{"a" 1}', 5],
    ["{'a': 1}", 1],
    ['{"a": 01}', 7],
    ['{"a": 1} x', 9],
    ['{"a": tru}', 9],
    ['{"a": [1, 2', 11],
    ['"abc', 4],
  ])("%s → %d", (text, at) => {
    expect(firstJsonError(text)).toBe(at);
    // It agrees with the engine's parser on what is JSON.
    if (at < 0) expect(() => JSON.parse(text)).not.toThrow();
    else expect(() => JSON.parse(text)).toThrow();
  });
});

describe("jsonSyntaxProblem and its words", () => {
  test("an unexpected character, by line and column, in both languages", () => {
    const p = jsonSyntaxProblem('{\n  "name": "Quy tắc",\n  "groups": [1, 2,]\n}');
    expect(p).toEqual({ code: "unexpectedChar", line: 3, column: 19, char: "]" });
    expect(jsonSyntaxText(p, "vi")).toBe("ký tự “]” không đúng chỗ ở dòng 3, cột 19 (thường do thiếu hoặc thừa dấu phẩy, dấu ngoặc kép hay dấu ngoặc)");
    expect(jsonSyntaxText(p, "en")).toBe("unexpected “]” at line 3, column 19 (usually a missing or extra comma, quotation mark or bracket)");
  });

  test("columns count characters, not UTF-16 units or bytes (Vietnamese and emoji before the error)", () => {
    expect(jsonSyntaxProblem('{"tên": "Sở 😀" x}')).toMatchObject({ line: 1, column: 16, char: "x" });
  });

  test("a text that ends too early, an empty file, blanks named in words", () => {
    const end = jsonSyntaxProblem('{"a": [1,\r\n 2');
    expect(end).toEqual({ code: "unexpectedEnd", line: 2, column: 3, char: "" });
    expect(jsonSyntaxText(end, "vi")).toMatch(/^tệp kết thúc khi nội dung chưa đóng đủ .* ở dòng 2, cột 3$/);
    expect(jsonSyntaxText(jsonSyntaxProblem("  \n"), "vi")).toBe("tệp trống");
    expect(jsonSyntaxText(jsonSyntaxProblem("  \n"), "en")).toBe("the file is empty");
    expect(jsonSyntaxText(jsonSyntaxProblem('{"a":\t\u0001}'), "en")).toMatch(/^unexpected U\+0001 at line 1, column 7/);
  });
});
