/**
 * English messages, asserted as English (the catalogue walk checks every code renders; these check
 * what the user reads in the core's main refusals and notices, each next to its Vietnamese).
 */
import { say } from "../../../src/core/base/catalogue";
import { annexGate, annexNotice } from "../../../src/core/sheets/annex";
import { makeFinding } from "../../../src/core/findings/findings";
import { locateGrid } from "../../../src/core/grid/grid";
import { jsonSyntaxProblem, jsonSyntaxText } from "../../../src/core/text/json-syntax";
import { validateMetadata } from "../../../src/core/rules/metadata";
import { decodeStore, STORE_SHEET } from "../../../src/core/store/store";
import { STORE_MESSAGES, storeIssueMessage } from "../../../src/core/store/store-check";
import { presetRules } from "../../../src/core/rules/rules";
import { previousProblemText } from "../../../src/core/grid/previous-messages";
import { toNextClassMessage } from "../../../src/core/findings/explain-messages";
import { GROUP_HEADERS } from "../helpers";

const rules = presetRules();

describe("the grid's refusals", () => {
  test("an empty sheet", () => {
    const r = locateGrid([[""]], rules);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/^Trang tính đang trống\./);
    expect(r.messageEn).toBe(
      "The sheet is empty. Open the sheet with the score table (one row per agency, one column per criteria group) and click “Score” again.",
    );
  });

  test("no header row: what was looked for, what row 1 has, what is missing", () => {
    const r = locateGrid(
      [
        ["STT", "Tên cơ quan", GROUP_HEADERS[0]],
        [1, "Sở Y tế", 40],
      ],
      rules,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.messageEn).toMatch(/^No header row of a score table was found in the first 2 rows\. The columns needed are “Hạ tầng kỹ thuật”, /);
    expect(r.messageEn).toMatch(/Row 1 has “STT”, “Tên cơ quan”, “Hạ tầng kỹ thuật”\. Missing: “/);
    expect(r.messageEn).toMatch(/Correct the column headers, or add the table's headers as “Other column headers” of the groups in “Scoring rules”\.$/);
    expect(r.message).toMatch(/^Không tìm thấy dòng tiêu đề của bảng điểm trong 2 dòng đầu\./);
  });

  test("no column of agency names", () => {
    const r = locateGrid([GROUP_HEADERS, GROUP_HEADERS.map(() => 1)], rules);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.messageEn).toBe(
      "Row 1 has every criteria group but no column of agency names. Give the column holding the agencies' names the header “Tên cơ quan”.",
    );
  });
});

test("the decision's details, field by field", () => {
  const problems = validateMetadata({ number: "QĐ", date: "31/02/2021", issuer: "", year: 2020, subject: "x", sheetName: "a:b" });
  expect(problems.map((p) => [p.field, p.messageEn])).toEqual([
    ["number", "“QĐ” is not in number/symbol form, for example 06/QĐ-UBND."],
    ["date", "“31/02/2021” is not a valid date in dd/mm/yyyy form (for example 05/01/2021)."],
    ["issuer", "Type the issuing body (for example Ủy ban nhân dân tỉnh)."],
    ["sheetName", "“a:b” is not a valid sheet name: at most 31 characters, none of \\ / ? * [ ] : and no ' at the start or end."],
  ]);
  expect(problems[0].message).toBe("Số quyết định “QĐ” chưa đúng dạng số/ký hiệu, ví dụ: 06/QĐ-UBND.");
  expect(
    validateMetadata({ number: "06/QĐ-UBND", date: "05/01/2019", issuer: "UBND", year: 2020, subject: "x", sheetName: "Phụ lục" }).map((p) => p.messageEn),
  ).toEqual(["The date signed, 05/01/2019, is before the year evaluated, 2020: check the date or the year."]);
});

test("the stored data: not the add-in's, a newer version, an entry set aside, a damaged undo record", () => {
  const foreign = decodeStore([["something else"]]);
  expect(foreign.ok).toBe(false);
  if (!foreign.ok) expect(foreign.messageEn).toBe(`The hidden sheet “${STORE_SHEET}” was not made by the add-in (cell A1 lacks the mark “xep-hang-cntt”).`);
  const newer = decodeStore([["xep-hang-cntt", 999]]);
  expect(newer.ok).toBe(false);
  if (!newer.ok)
    expect(newer.messageEn).toBe("This workbook was saved by a newer version of the add-in. Update the add-in to read the rules and data stored in it.");
  const issue = { key: "marks", problem: { code: "badAddress" as const, path: "marks[3].address", value: "“ZZZ0”" } };
  expect(storeIssueMessage(issue, STORE_SHEET, "en")).toBe(
    `The “marks” data in the hidden sheet “${STORE_SHEET}” is invalid and was set aside: marks[3].address is not a cell address on a sheet (A1 to XFD1048576) (it holds “ZZZ0”). ` +
      "Cells coloured as findings will not be uncoloured automatically; clear their fill by hand if needed.",
  );
  expect(storeIssueMessage(issue, STORE_SHEET, "vi")).toMatch(/^Dữ liệu “marks” trong trang ẩn .* \(đang là “ZZZ0”\)\./);
  expect(say(STORE_MESSAGES, "undoJournal", { problem: { code: "badJson", path: "", value: "" }, sheet: STORE_SHEET }, "en")).toBe(
    `Could not undo: the undo record in the hidden sheet “${STORE_SHEET}” is invalid (undo cannot be read (broken JSON)), so the add-in does not write from it. No cell has been changed.`,
  );
});

test("the annex gate and the province notice", () => {
  const f = makeFinding(
    "aboveMax",
    6,
    7,
    { row: 0, col: 0 },
    { agency: "Văn phòng UBND tỉnh", group: "Nhân lực cho ứng dụng CNTT", value: "55", detail: "50" },
  );
  const gate = annexGate([f], false);
  expect(gate?.messageEn).toBe(
    "The score table still has 1 error not yet fixed, and the annex would carry these wrong figures: H7 (Văn phòng UBND tỉnh, Nhân lực cho ứng dụng CNTT: 55). Fix them before signing, or confirm to create the annex anyway.",
  );
  expect(gate?.message).toMatch(/^Bảng điểm còn 1 lỗi chưa sửa/);
  expect(annexNotice("provinceMissing", { issuer: "Ủy ban nhân dân tỉnh", where: "cli" }).messageEn).toMatch(
    /^No province yet: .* with --province and create the annex again before it is signed\.$/,
  );
});

test("JSON syntax, last year's data, the next class", () => {
  expect(jsonSyntaxText(jsonSyntaxProblem('{ "a": 1,\n  }'), "en")).toBe(
    "unexpected “}” at line 2, column 3 (usually a missing or extra comma, quotation mark or bracket)",
  );
  expect(jsonSyntaxText(jsonSyntaxProblem('{ "a": 1 } x'), "en")).toMatch(/^unexpected “x” at line 1/);
  expect(previousProblemText({ code: "noSheet", source: "2019" }, "en")).toBe("This workbook no longer has a sheet “2019”. Choose last year's sheet again.");
  expect(toNextClassMessage("en", null)).toBe("Already in the top class");
  expect(toNextClassMessage("vi", null)).toBe("Đã ở mức cao nhất");
});
