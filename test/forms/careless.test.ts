/** Careless input never silently changes a result: each case is a finding naming the file and cell. */
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
