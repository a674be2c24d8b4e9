/** Unforgeable forms: each form's token is an HMAC of master id, agency and year under the master's key. */
import { FormIdentity } from "../../src/core/forms/form-parts";
import { MergeInput, ReturnedForm, selfAssessmentSheet } from "../../src/core/forms/merge";
import { presetRules } from "../../src/core/rules/rules";
import { SelfAssessment } from "../../src/core/store/store";
import { simpleSheet } from "../core/helpers";
import { filledValues, formFor, mergeInput, OTHER_KEY, planOf, returned } from "./helpers";

const rules = presetRules();
const FULL = [40, 80, 80, 80, 80, 40];
const LOW = [10, 20, 20, 20, 20, 10];
const values = simpleSheet(["Sở Tài chính", "Sở Y tế"].map((name) => ({ name, scores: ["", "", "", "", "", ""], notes: "" })));

const input = (forms: ReturnedForm[], extra: Partial<MergeInput> = {}): MergeInput => mergeInput(values, forms, { rules, ...extra });
const plan = planOf;

/** A returned form whose hidden identity was edited (the values as typed). */
const tampered = (file: string, agency: string, change: Partial<FormIdentity>, printed?: string): ReturnedForm => {
  const form = formFor(rules, agency);
  const v = filledValues(form, { scores: LOW });
  if (printed !== undefined) v[form.layout.agencyCell.row][form.layout.agencyCell.col] = printed;
  return { file, values: v, identity: { ...form.identity, ...change } };
};

/** Sở Y tế's row (sheet row 3, index 2) as the plan leaves it. */
const yTeWrites = (p: ReturnType<typeof plan>) => p.writes.filter((w) => w.row === 2);

const genuineRecord = (): SelfAssessment => {
  const p = plan(input([returned("so-y-te.xlsx", formFor(rules, "Sở Y tế"), { scores: FULL })]));
  expect(p.selfAssessments[0].verified).toBe(true);
  return p.selfAssessments[0];
};

describe("forged forms are not merged", () => {
  it("refuses Sở Tài chính's form whose hidden agency was changed to Sở Y tế", () => {
    const p = plan(input([tampered("so-tai-chinh.xlsx", "Sở Tài chính", { agency: "Sở Y tế" })]));
    expect(p.merged).toEqual([]);
    expect(p.writes).toEqual([]);
    expect(p.findings.map((f) => [f.file, f.code, f.severity])).toEqual([["so-tai-chinh.xlsx", "identityNotVerified", "error"]]);
    expect(p.findings[0].message).toContain("mã xác thực không khớp với cơ quan “Sở Y tế”");
    expect(p.findings[0].messageEn).toContain("its token does not match the agency “Sở Y tế”");
  });

  it("refuses it too when the printed name was changed to match", () => {
    const p = plan(input([tampered("so-tai-chinh.xlsx", "Sở Tài chính", { agency: "Sở Y tế" }, "Sở Y tế")]));
    expect(p.merged).toEqual([]);
    expect(p.findings.map((f) => f.code)).toEqual(["identityNotVerified"]);
  });

  it("refuses a genuine identity under another printed name, naming the cell and both names", () => {
    const p = plan(input([tampered("so-tai-chinh.xlsx", "Sở Tài chính", {}, "Sở Y tế")]));
    expect(p.merged).toEqual([]);
    expect(p.findings.map((f) => [f.code, f.cell])).toEqual([["identityNotVerified", "C2"]]);
    expect(p.findings[0].message).toContain("ô C2: “Sở Y tế”");
    expect(p.findings[0].message).toContain("(“Sở Tài chính”)");
    expect(p.findings[0].messageEn).toContain("cell C2: “Sở Y tế”");
  });

  it("refuses another master's form with this master's id copied in", () => {
    const other = formFor(rules, "Sở Y tế", { masterId: "master-2", formKey: OTHER_KEY });
    const forged: ReturnedForm = { file: "y.xlsx", values: filledValues(other, { scores: LOW }), identity: { ...other.identity, masterId: "master-1" } };
    const p = plan(input([forged]));
    expect(p.merged).toEqual([]);
    expect(p.findings.map((f) => f.code)).toEqual(["identityNotVerified"]);
  });

  it("refuses a form with another year written in, and says a master without a key cannot check a token", () => {
    expect(plan(input([tampered("a.xlsx", "Sở Y tế", { year: 2021 })])).findings.map((f) => f.code)).toEqual(["identityNotVerified"]);
    const p = plan(input([returned("y.xlsx", formFor(rules, "Sở Y tế"), { scores: FULL })], { formKey: null }));
    expect(p.merged).toEqual([]);
    expect(p.findings[0].code).toBe("identityNotVerified");
    expect(p.findings[0].message).toContain("không có khóa tạo phiếu");
    expect(p.findings[0].messageEn).toContain("has no form key");
  });
});

describe("forms without identity", () => {
  const handmade = (agency: string, scores = LOW) => returned("tu-lam.xlsx", formFor(rules, agency), { scores }, false);

  it("merges a form rebuilt by hand (hidden sheet removed, name changed) only as unverified, with a warning, marked in “Tự đánh giá”", () => {
    const p = plan(input([handmade("Sở Y tế")]));
    expect(p.merged).toEqual([{ file: "tu-lam.xlsx", agency: "Sở Y tế" }]);
    expect(p.findings.map((f) => [f.code, f.severity])).toEqual([["unverifiedForm", "warning"]]);
    expect(p.selfAssessments[0].verified).toBe(false);
    const sheet = selfAssessmentSheet(rules, p.selfAssessments);
    const header = sheet.cells.find((c) => c.row === 2 && c.value === "Xác thực phiếu")!;
    expect(sheet.cells.find((c) => c.row === 3 && c.col === header.col)!.value).toBe("Chưa xác thực");
  });

  it("merges a form made before tokens (identity without token) as unverified", () => {
    const form = formFor(rules, "Sở Y tế");
    const p = plan(input([{ file: "cu.xlsx", values: filledValues(form, { scores: FULL }), identity: { ...form.identity, version: 1, token: undefined } }]));
    expect(p.merged.map((m) => m.file)).toEqual(["cu.xlsx"]);
    expect(p.findings.map((f) => f.code)).toEqual(["unverifiedForm"]);
  });

  it("does not let a forged form sent alongside the genuine one block it: the verified one is merged", () => {
    const p = plan(input([returned("so-y-te.xlsx", formFor(rules, "Sở Y tế"), { scores: FULL }), handmade("Sở Y tế")]));
    expect(p.merged.map((m) => m.file)).toEqual(["so-y-te.xlsx"]);
    expect(yTeWrites(p).map((w) => w.value)).toEqual(FULL);
    expect(p.findings.map((f) => [f.file, f.code])).toEqual([["tu-lam.xlsx", "unverifiedSetAside"]]);
    // A forged identity alongside: refused, the genuine one merged.
    const q = plan(input([tampered("x.xlsx", "Sở Tài chính", { agency: "Sở Y tế" }), returned("so-y-te.xlsx", formFor(rules, "Sở Y tế"), { scores: FULL })]));
    expect(q.merged.map((m) => m.file)).toEqual(["so-y-te.xlsx"]);
    expect(q.findings.map((f) => [f.file, f.code])).toEqual([["x.xlsx", "identityNotVerified"]]);
  });
});

describe("a later form for an agency already merged", () => {
  it("does not replace the record when it does not verify (forged identity, or none), and says so", () => {
    const genuine = genuineRecord();
    const state = { selfAssessments: [genuine] };
    const forged = plan(input([tampered("x.xlsx", "Sở Tài chính", { agency: "Sở Y tế" })], { state }));
    expect(forged.selfAssessments).toEqual([genuine]);
    expect(forged.unchanged).toBe(true);
    const handmade = plan(input([returned("tu-lam.xlsx", formFor(rules, "Sở Y tế"), { scores: LOW }, false)], { state }));
    expect(handmade.selfAssessments).toEqual([genuine]);
    expect(handmade.writes).toEqual([]);
    expect(handmade.merged).toEqual([]);
    expect(handmade.findings.map((f) => [f.code, f.severity])).toEqual([["notReplaced", "error"]]);
    expect(handmade.findings[0].message).toContain("“so-y-te.xlsx”");
  });

  it("replaces it when it verifies, and says so", () => {
    const genuine = genuineRecord();
    const p = plan(input([returned("so-y-te-2.xlsx", formFor(rules, "Sở Y tế"), { scores: LOW })], { state: { selfAssessments: [genuine] } }));
    expect(p.selfAssessments.map((s) => [s.file, s.scores])).toEqual([["so-y-te-2.xlsx", LOW]]);
    expect(p.findings.map((f) => [f.code, f.severity])).toEqual([["recordReplaced", "warning"]]);
    expect(p.findings[0].message).toContain("thay thế phiếu của cơ quan này đã gộp trước đó (“so-y-te.xlsx”)");
  });
});

describe("files that could not be read", () => {
  it("says which file was not found and which passed a reading limit, and merges the others", () => {
    const p = plan(
      input([
        { file: "thieu/so-y-te.xlsx", values: null, identity: null, problem: { code: "notFound" } },
        { file: "bom.xlsx", values: null, identity: null, problem: { code: "tooLarge", what: "bytes", part: "customXml/item1.xml", limit: 32 } },
        { file: "o-trong.xlsx", values: null, identity: null, problem: { code: "tooLarge", what: "cells", part: "xl/worksheets/sheet1.xml", limit: 100_000 } },
        {
          file: "chuoi.xlsx",
          values: null,
          identity: null,
          problem: { code: "tooLarge", what: "sharedStrings", part: "xl/sharedStrings.xml", limit: 100_000 },
        },
        { file: "nhieu-phan.xlsx", values: null, identity: null, problem: { code: "tooLarge", what: "parts", part: "", limit: 1000 } },
        { file: "hong.xlsx", values: null, identity: null },
        returned("tc.xlsx", formFor(rules, "Sở Tài chính"), { scores: FULL }),
      ]),
    );
    expect(p.merged.map((m) => m.file)).toEqual(["tc.xlsx"]);
    expect(p.findings.map((f) => [f.file, f.code])).toEqual([
      ["thieu/so-y-te.xlsx", "fileNotFound"],
      ["bom.xlsx", "fileTooLarge"],
      ["o-trong.xlsx", "fileTooLarge"],
      ["chuoi.xlsx", "fileTooLarge"],
      ["nhieu-phan.xlsx", "fileTooLarge"],
      ["hong.xlsx", "unreadable"],
    ]);
    expect(p.findings[0].message).toBe("Không tìm thấy tệp “thieu/so-y-te.xlsx”. Hãy kiểm tra đường dẫn. Các phiếu khác vẫn được gộp.");
    expect(p.findings[1].messageEn).toContain("its part “customXml/item1.xml” inflates beyond 32 MB");
    // The number of cells, of shared strings, of parts: each named with its limit and where it was passed.
    expect(p.findings[2].message).toContain("Tệp “o-trong.xlsx” quá lớn để đọc an toàn: tệp có hơn 100.000 ô, vượt ở phần “xl/worksheets/sheet1.xml”");
    expect(p.findings[2].message).toContain("Tệp không được gộp; các phiếu khác vẫn được gộp.");
    expect(p.findings[2].messageEn).toContain("it has more than 100,000 cells, passed in its part “xl/worksheets/sheet1.xml”");
    expect(p.findings[3].message).toContain("tệp có hơn 100.000 chuỗi văn bản dùng chung, vượt ở phần “xl/sharedStrings.xml”");
    expect(p.findings[4].message).toContain("tệp có hơn 1.000 phần");
    expect(p.findings.slice(1, 5).every((f) => f.cell === "" && f.severity === "error")).toBe(true);
  });
});
