import { formatVi } from "../../../src/core/base/decimal";
import { Finding, findingMessage, severityOf } from "../../../src/core/findings/findings";
import { presetRules } from "../../../src/core/rules/rules";
import { scoreSheet } from "../../../src/core/grid/scoring";
import { Agency, clonePreset, fullScores, presetWith, simpleSheet } from "../helpers";
import { loadRules } from "../../../src/core/rules/rules";

function findingsOf(agencies: Agency[], rules = presetRules(), origin?: { row: number; col: number }) {
  const result = scoreSheet(simpleSheet(agencies), rules, origin);
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

const withScore = (col: number, value: unknown): unknown[] => {
  const s: unknown[] = fullScores();
  s[col] = value;
  return s;
};

describe("findings: one per problem cell, with its address, agency and a Vietnamese message", () => {
  const cases: [string, unknown, number, Partial<Finding>, string][] = [
    [
      "notANumber",
      "abc",
      0,
      { cell: "C2", group: "Hạ tầng kỹ thuật", value: "abc", severity: "error" },
      "Ô C2 (Sở A, “Hạ tầng kỹ thuật”) có “abc”, không phải là số. Hãy nhập điểm bằng số, ví dụ 81,05. Cơ quan này chưa được tính điểm.",
    ],
    [
      "notANumber",
      true,
      1,
      { cell: "D2", group: "Ứng dụng CNTT", value: "true", severity: "error" },
      "Ô D2 (Sở A, “Ứng dụng CNTT”) có “true”, không phải là số. Hãy nhập điểm bằng số, ví dụ 81,05. Cơ quan này chưa được tính điểm.",
    ],
    [
      "errorValue",
      "#N/A",
      2,
      { cell: "E2", group: "Trang/Cổng thông tin điện tử", value: "#N/A", severity: "error" },
      "Ô E2 (Sở A, “Trang/Cổng thông tin điện tử”) có giá trị lỗi #N/A. Hãy sửa công thức hoặc nhập điểm. Cơ quan này chưa được tính điểm.",
    ],
    [
      "negative",
      -5,
      4,
      { cell: "G2", group: "Cơ chế, chính sách", value: "-5", detail: "100", severity: "error" },
      "Ô G2 (Sở A, “Cơ chế, chính sách”) có điểm âm -5. Điểm phải từ 0 đến 100.",
    ],
    [
      "aboveMax",
      55,
      5,
      { cell: "H2", group: "Nhân lực cho ứng dụng CNTT", value: "55", detail: "50", severity: "error" },
      "Ô H2 (Sở A, “Nhân lực cho ứng dụng CNTT”) có 55 điểm, vượt điểm tối đa 50 của nhóm. Hãy kiểm tra lại và sửa trước khi trình ký.",
    ],
    [
      "aboveMax",
      "98,5",
      2,
      { cell: "E2", group: "Trang/Cổng thông tin điện tử", value: "98,5", detail: "98", severity: "error" },
      "Ô E2 (Sở A, “Trang/Cổng thông tin điện tử”) có 98,5 điểm, vượt điểm tối đa 98 của nhóm. Hãy kiểm tra lại và sửa trước khi trình ký.",
    ],
    [
      "missing",
      "",
      3,
      { cell: "F2", group: "Cung cấp DVCTT", value: "", severity: "error" },
      "Ô F2 (Sở A, “Cung cấp DVCTT”) chưa có điểm. Hãy nhập điểm (nhập 0 nếu cơ quan không đạt điểm nào). Cơ quan này chưa được tính điểm.",
    ],
  ];

  it.each(cases)("%s (%p in group %i)", (code, value, group, expected, message) => {
    const result = findingsOf([{ name: "Sở A", scores: withScore(group, value) }]);
    expect(result.findings).toHaveLength(1);
    const [f] = result.findings;
    expect(f).toMatchObject({ code, agency: "Sở A", row: 1, col: 2 + group, ...expected });
    expect(f.message).toBe(message);
    expect(f.severity).toBe(severityOf(f.code));
    expect(findingMessage(f, "vi")).toBe(message);
    expect(findingMessage(f, "en")).toMatch(new RegExp(`^Cell ${f.cell}\\b`));
  });

  it("a missing, error or text score leaves the agency without a result (never as if 0)", () => {
    for (const bad of ["", "#DIV/0!", "abc", true]) {
      const result = findingsOf([
        { name: "Sở A", scores: withScore(0, bad) },
        { name: "Sở B", scores: fullScores() },
      ]);
      expect(result.rows[0]).toMatchObject({ total: null, index: null, className: null, rank: null, maxPoints: null });
      expect(result.rows[1].rank).toBe(1);
      expect(result.summary).toMatchObject({ agencies: 2, scored: 1, errors: 1 });
    }
  });

  it("a negative score is reported and counted as typed", () => {
    const result = findingsOf([{ name: "Sở A", scores: withScore(0, -5) }]);
    expect(formatVi(result.rows[0].total!)).toBe("355");
  });

  it("exemptNonZero (see exemptions.test.ts for more)", () => {
    const result = findingsOf([{ name: "Sở A", scores: withScore(3, 12), notes: "Không TTHC" }]);
    expect(result.findings.map((f) => [f.code, f.cell, f.agency, f.detail])).toEqual([["exemptNonZero", "F2", "Sở A", "Không TTHC"]]);
  });

  it("duplicateName: a warning on the second row, naming the first (case and accents ignored)", () => {
    const result = findingsOf([
      { name: "Sở Y tế", scores: fullScores() },
      { name: "Sở Tư pháp", scores: fullScores() },
      { name: "  SỞ Y TẾ ", scores: fullScores() },
    ]);
    expect(result.findings).toHaveLength(1);
    const [f] = result.findings;
    expect(f).toMatchObject({ code: "duplicateName", severity: "warning", cell: "B4", row: 3, col: 1, agency: "SỞ Y TẾ", detail: "B2" });
    expect(f.message).toBe("Ô B4: tên cơ quan “SỞ Y TẾ” trùng với ô B2. Hãy kiểm tra xem có nhập trùng một cơ quan hai lần không.");
    // A warning does not stop scoring: both are ranked.
    expect(result.rows.map((r) => r.rank)).toEqual([1, 1, 1]);
  });

  it("missingName: scores without a name → a warning on the name cell, the row is not an agency", () => {
    const result = findingsOf([
      { name: "Sở A", scores: fullScores() },
      { name: "", scores: fullScores() },
    ]);
    expect(result.rows).toHaveLength(1);
    expect(result.findings).toHaveLength(1);
    const [f] = result.findings;
    expect(f).toMatchObject({ code: "missingName", severity: "warning", cell: "B3", row: 2, col: 1, agency: "" });
    expect(f.message).toBe("Ô B3: dòng này có điểm nhưng chưa có tên cơ quan nên không được xếp hạng. Hãy nhập tên cơ quan hoặc xóa dòng.");
  });

  it("noApplicableGroup: an exemption covering every group → error on the Ghi chú cell, no index", () => {
    const json = clonePreset();
    json.exemptions.push({ keyword: "Không đánh giá", groups: json.groups.map((g) => g.id), reason: "không đánh giá năm nay" });
    const result = findingsOf([{ name: "Sở A", scores: [0, 0, 0, 0, 0, 0], notes: "Không đánh giá" }], loadRules(json));
    expect(result.findings).toHaveLength(1);
    const [f] = result.findings;
    expect(f).toMatchObject({ code: "noApplicableGroup", severity: "error", cell: "I2", row: 1, col: 8, agency: "Sở A", detail: "Không đánh giá" });
    expect(f.message).toBe("Ô I2: Sở A được miễn chấm tất cả các nhóm (ghi chú “Không đánh giá”) nên không tính được chỉ số. Hãy kiểm tra ghi chú.");
    expect(result.rows[0].index).toBeNull();
  });

  it.each([
    [1e308, "1e+308"],
    [-1e308, "-1e+308"],
    ["99999999999999999999", "99999999999999999999"],
    [50001, "50001"],
  ])("notAScore: %j cannot be a score → an error, the agency unscored, no total anywhere", (value, shown) => {
    const result = findingsOf([
      { name: "Sở A", scores: withScore(0, value) },
      { name: "Sở B", scores: fullScores() },
    ]);
    const [f] = result.findings;
    expect(result.findings).toHaveLength(1);
    expect(f).toMatchObject({ code: "notAScore", severity: "error", cell: "C2", agency: "Sở A", value: shown, detail: "50" });
    expect(f.message).toBe(
      `Ô C2 (Sở A, “Hạ tầng kỹ thuật”) có ${shown}, không thể là điểm của nhóm này (điểm tối đa 50). Hãy nhập lại điểm. Cơ quan này chưa được tính điểm.`,
    );
    expect(findingMessage(f, "en")).toBe(
      `Cell C2 (Sở A, “Hạ tầng kỹ thuật”) holds ${shown}, which cannot be a score of this group (maximum 50). Type the score again. This agency is not scored yet.`,
    );
    expect(result.rows[0]).toMatchObject({ total: null, index: null, className: null, rank: null });
    expect(result.rows[1].rank).toBe(1);
  });

  it("a score 1 000 times its group's maximum is still only “above the maximum” (a typo to fix, still counted as typed)", () => {
    const result = findingsOf([{ name: "Sở A", scores: withScore(0, 50000) }]);
    expect(result.findings.map((f) => f.code)).toEqual(["aboveMax"]);
    expect(result.rows[0].total).not.toBeNull();
  });

  it("addresses follow the origin of the values (a grid read from D5)", () => {
    const result = findingsOf([{ name: "Sở A", scores: withScore(5, 55) }], presetRules(), { row: 4, col: 3 });
    expect(result.findings[0]).toMatchObject({ row: 1, col: 7, cell: "K6" });
    expect(result.findings[0].message).toMatch(/^Ô K6 /);
  });

  it("several findings come sorted by row then column; errorFindings keeps the errors", () => {
    const result = findingsOf([
      { name: "Sở A", scores: [60, "x", 80, 80, 80, -1] },
      { name: "Sở A", scores: ["", 80, 80, "#REF!", 80, 40] },
    ]);
    expect(result.findings.map((f) => `${f.code}@${f.cell}`)).toEqual([
      "aboveMax@C2",
      "notANumber@D2",
      "negative@H2",
      "duplicateName@B3",
      "missing@C3",
      "errorValue@F3",
    ]);
    expect(result.summary).toMatchObject({ errors: 5, warnings: 1 });
  });
});

describe("overMax: keep (as published) or cap", () => {
  const vp = { name: "Văn phòng UBND tỉnh", scores: [50, 85.7, 82, 0, 70, 55], notes: "Không TTHC" };

  it("keep: 55 counts as typed (342,7 → 0,861 Tốt, as published) and is an error", () => {
    const result = findingsOf([vp]);
    const [row] = result.rows;
    expect([formatVi(row.total!), formatVi(row.index!, 3), row.className]).toEqual(["342,7", "0,861", "Tốt"]);
    expect(formatVi(row.scores[5]!)).toBe("55");
    expect(result.findings.map((f) => [f.code, f.cell])).toEqual([["aboveMax", "H2"]]);
  });

  it("cap: 55 counts as 50 (337,7 → 0,848 Khá) and is still an error", () => {
    const result = findingsOf([vp], presetWith({ overMax: "cap" }));
    const [row] = result.rows;
    expect([formatVi(row.total!), formatVi(row.index!, 3), row.className]).toEqual(["337,7", "0,848", "Khá"]);
    expect(formatVi(row.scores[5]!)).toBe("50");
    expect(result.findings.map((f) => [f.code, f.cell])).toEqual([["aboveMax", "H2"]]);
  });

  it("cap uses the applicable maximum (98 for the portal, not 100)", () => {
    const result = findingsOf([{ name: "Sở A", scores: withScore(2, 100) }], presetWith({ overMax: "cap" }));
    expect(formatVi(result.rows[0].scores[2]!)).toBe("98");
    expect(result.findings[0].detail).toBe("98");
  });
});
