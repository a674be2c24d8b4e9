/** Careless input never silently changes a result: each case is a finding naming the file and cell. */
import { encodeLegacy, LegacyEncoding } from "../../src/core/text/legacy-encoding";
import { ReturnedForm } from "../../src/core/forms/merge";
import { presetRules } from "../../src/core/rules/rules";
import { simpleSheet } from "../core/helpers";
import { filledValues, formFor, mergeInput, planOf, returned } from "./helpers";

const rules = presetRules();
const FULL = [40, 80, 80, 80, 80, 40];
const values = simpleSheet([{ name: "Sở Y tế", scores: ["", "", "", "", "", ""], notes: "" }]);
const plan = (forms: ReturnedForm[]) => planOf(mergeInput(values, forms, { rules }));

it("names a group label renamed in the form (its score is not read), and merges the others", () => {
  const form = formFor(rules, "Sở Y tế");
  const v = filledValues(form, { scores: FULL });
  v[form.layout.groupRows[1]][1] = "Ứng dụng công nghệ";
  const p = plan([{ file: "y.xlsx", values: v, identity: form.identity }]);
  expect(p.merged).toHaveLength(1);
  expect(p.writes.map((w) => w.address)).toEqual(["C2", "E2", "F2", "G2", "H2"]);
  expect(p.findings.map((f) => [f.code, f.cell])).toEqual([["groupNotFound", "B8"]]);
  expect(p.findings[0].message).toContain("ô B8: ghi “Ứng dụng công nghệ” thay vì tên nhóm “Ứng dụng CNTT”");
});

it("names a score typed as a formula saved without its value", () => {
  const form = formFor(rules, "Sở Y tế");
  const r = returned("y.xlsx", form, { scores: [40, null, 80, 80, 80, 40] });
  const formulas = (r.values as unknown[][]).map((row) => [...row]);
  formulas[form.layout.groupRows[1]][2] = "=40+40";
  const p = plan([{ ...r, formulas }]);
  expect(p.findings.map((f) => [f.code, f.cell])).toEqual([["formulaNoValue", "C8"]]);
  expect(p.findings[0].message).toContain("công thức “=40+40” được lưu mà không có giá trị tính sẵn");
  expect(p.writes.map((w) => w.address)).not.toContain("D2");
});

it("does not merge an empty form, and names each empty required score", () => {
  const empty = plan([returned("trong.xlsx", formFor(rules, "Sở Y tế"), {})]);
  expect(empty.merged).toEqual([]);
  expect(empty.findings.map((f) => [f.file, f.code, f.severity])).toEqual([["trong.xlsx", "formIncomplete", "error"]]);
  expect(empty.findings[0].messageEn).toContain("has no self-assessed score at all");
  const partial = plan([returned("thieu.xlsx", formFor(rules, "Sở Y tế"), { scores: [40, 80, null, 80, 80, null] })]);
  expect(partial.merged).toHaveLength(1);
  expect(partial.findings.map((f) => [f.code, f.cell])).toEqual([
    ["formIncomplete", "C9"],
    ["formIncomplete", "C12"],
  ]);
  expect(partial.findings[0].message).toContain("chưa có điểm tự chấm của nhóm “Trang/Cổng thông tin điện tử”");
});

it("does not ask for the score of a group the agency is exempt from", () => {
  const form = formFor(rules, "Sở Y tế", { notes: "Không TTHC" });
  const p = plan([returned("y.xlsx", form, { scores: [40, 80, 80, null, 80, 40], notes: "Không TTHC" })]);
  expect(p.findings).toEqual([]);
});

describe.each(["tcvn3", "vni"] as LegacyEncoding[])("text typed in %s", (encoding) => {
  const name = encoding === "tcvn3" ? "TCVN3 (ABC)" : "VNI";

  it("a form rebuilt by hand in a legacy font: labels, name, evidence and notes read as Unicode, the cells named, every score merged", () => {
    const form = formFor(rules, "Sở Y tế");
    const v = filledValues(form, { scores: FULL, evidence: ["Quyết định số 12/QĐ-SYT", "", "", "", "", ""], notes: "Đã bổ sung tài liệu" });
    const legacy = v.map((row) => row.map((x) => (typeof x === "string" ? encodeLegacy(x, encoding) : x)));
    const p = plan([{ file: "tay.xlsx", values: legacy, identity: null }]);
    expect(p.merged).toEqual([{ file: "tay.xlsx", agency: "Sở Y tế" }]);
    expect(p.writes.map((w) => w.address)).toEqual(["C2", "D2", "E2", "F2", "G2", "H2"]);
    expect(p.selfAssessments[0]).toMatchObject({ agency: "Sở Y tế", notes: "Đã bổ sung tài liệu", evidence: ["Quyết định số 12/QĐ-SYT", "", "", "", "", ""] });
    const found = p.findings.filter((f) => f.code === "legacyInForm");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: "tay.xlsx", severity: "warning", agency: "Sở Y tế" });
    // Each label of a group row is named (B7…B12), with the agency's name (C2).
    for (const cell of ["C2", "B7", "B8", "B9", "B10", "B11", "B12"]) expect(found[0].cell.split(", ")).toContain(cell);
    expect(found[0].message).toContain(`bảng mã ${name}`);
    expect(found[0].messageEn).toContain(`the ${name} encoding`);
  });

  it("a single group label retyped in a legacy font is read (said), not dropped as renamed", () => {
    const form = formFor(rules, "Sở Y tế");
    const v = filledValues(form, { scores: FULL });
    v[form.layout.groupRows[1]][1] = encodeLegacy("Ứng dụng CNTT", encoding);
    const p = plan([{ file: "y.xlsx", values: v, identity: form.identity }]);
    expect(p.writes.map((w) => w.address)).toEqual(["C2", "D2", "E2", "F2", "G2", "H2"]);
    expect(p.findings.map((f) => [f.code, f.cell])).toEqual([["legacyInForm", "B8"]]);
  });

  it("a master whose “Ghi chú” header is legacy: read as Unicode (its exemptions hold: no blank score asked), and said", () => {
    const master = simpleSheet([{ name: "Văn phòng UBND tỉnh", scores: ["", "", "", "", "", ""], notes: "Không TTHC" }]);
    master[0][8] = encodeLegacy("Ghi chú", encoding);
    // A form made before the note was typed: it asks for every group; the grid's note exempts the agency from DVCTT.
    const form = formFor(rules, "Văn phòng UBND tỉnh");
    const p = planOf(mergeInput(master, [returned("vp.xlsx", form, { scores: [40, 80, 80, null, 80, 40], notes: "" })], { rules }));
    expect(p.merged).toHaveLength(1);
    expect(p.findings.map((f) => [f.code, f.file, f.cell])).toEqual([["legacyInMaster", "Chấm điểm", "I1"]]);
    expect(p.findings[0].message).toContain("“Chuyển mã”");
    expect(p.findings[0].message).toContain(`bảng mã ${name}`);
  });

  it("a master whose “Tên cơ quan” header is legacy: merged as if Unicode, and said", () => {
    const master = simpleSheet([{ name: "Sở Y tế", scores: ["", "", "", "", "", ""], notes: "" }]);
    master[0][1] = encodeLegacy("Tên cơ quan", encoding);
    const p = planOf(mergeInput(master, [returned("y.xlsx", formFor(rules, "Sở Y tế"), { scores: FULL })], { rules }));
    expect(p.merged).toHaveLength(1);
    expect(p.findings.map((f) => [f.code, f.cell])).toEqual([["legacyInMaster", "B1"]]);
  });
});
