import { agencyMaxes, buildForm } from "../../../src/core/forms/forms";
import { rulesFingerprint } from "../../../src/core/forms/form-parts";
import { differencesSheet, MergeInput, planMerge, readForm, selfAssessmentSheet, trackingSheet } from "../../../src/core/forms/merge";
import { presetRules } from "../../../src/core/rules/rules";
import { ddmmyyyy, hhmm } from "../../../src/core/base/catalogue";
import { sheetValues } from "../../../src/core/sheets/sheet";
import { SelfAssessment } from "../../../src/core/store/store";
import { clonePreset, simpleSheet } from "../helpers";
import { loadRules } from "../../../src/core/rules/rules";
import { filledValues, formFor, KEY, mergeInput, planOf, returned } from "../../forms/helpers";

const rules = presetRules();
const FULL = [40, 80, 80, 80, 80, 40];
const blank = () => ["", "", "", "", "", ""];

/** Grid: A STT, B name, C–H groups, I notes; agency i on sheet row i + 2. */
function grid(rows: { name: string; scores?: unknown[]; notes?: string }[]): unknown[][] {
  return simpleSheet(rows.map((r) => ({ name: r.name, scores: r.scores ?? blank(), notes: r.notes ?? "" })));
}

const base = (values: unknown[][], forms: MergeInput["forms"], extra: Partial<MergeInput> = {}): MergeInput => mergeInput(values, forms, { rules, ...extra });
const plan = planOf;

/** The grid after the plan's writes. */
function applied(values: unknown[][], p: ReturnType<typeof plan>): unknown[][] {
  const out = values.map((r) => [...r]);
  for (const w of p.writes) out[w.row][w.col] = w.value;
  return out;
}

describe("reading a form from its values", () => {
  it("finds each group's score right of its name, the evidence, the agency and the notes", () => {
    const form = formFor(rules, "Sở Tài chính");
    const values = filledValues(form, { scores: FULL, evidence: ["QĐ 12/QĐ-STC ngày 02/3/2020", "", "", "", "", ""], notes: "Ghi chú riêng" });
    const read = readForm(values, rules)!;
    expect(read.agency).toEqual({ name: "Sở Tài chính", cell: "C2" });
    expect(read.groups.map((g) => [g.cell, g.raw])).toEqual(FULL.map((s, i) => [`C${7 + i}`, s]));
    expect(read.groups[0].evidence).toBe("QĐ 12/QĐ-STC ngày 02/3/2020");
    expect(read.notes).toEqual({ text: "Ghi chú riêng", cell: "C14" });
  });

  it("reads a form rebuilt by hand: other rows, headers spelled differently, the agency in one cell", () => {
    const values = [
      ["Phiếu tự chấm"],
      ["Cơ quan: Sở Y tế"],
      ["TT", "Nội dung", "Điểm", "Minh chứng"],
      [1, "HẠ TẦNG KỸ THUẬT (50 điểm)", 45, "Báo cáo số 5"],
      [2, "ung dung cntt", "81,5", ""],
      [3, "Cổng TTĐT", 90, ""],
      [4, "DVCTT", 70, ""],
      [5, "Cơ chế chính sách", 60, ""],
      [6, "Nguồn nhân lực", 30, ""],
    ];
    const read = readForm(values, rules)!;
    expect(read.agency!.name).toBe("Sở Y tế");
    expect(read.groups.map((g) => g.raw)).toEqual([45, "81,5", 90, 70, 60, 30]);
    expect(read.groups[0].evidence).toBe("Báo cáo số 5");
  });

  it("does not take a score table (groups side by side on one row) for a form", () => {
    expect(readForm(grid([{ name: "Sở Y tế", scores: FULL }]), rules)).toBeNull();
    expect(readForm([["Bảng lương"], ["Nguyễn Văn A", 5]], rules)).toBeNull();
  });
});

describe("the merge plan", () => {
  it("fills empty grid cells with the self-assessed scores and the notes", () => {
    const values = grid([{ name: "Sở Tài chính" }, { name: "Sở Y tế" }]);
    const p = plan(base(values, [returned("so-y-te.xlsx", formFor(rules, "Sở Y tế"), { scores: FULL, notes: "Đã rà soát" })]));
    expect(p.writes.map((w) => [w.address, w.value])).toEqual(FULL.map((s, i) => [`${"CDEFGH"[i]}3`, s]));
    expect(p.merged).toEqual([{ file: "so-y-te.xlsx", agency: "Sở Y tế" }]);
    expect(p.findings).toEqual([]);
    // The agency's note is its claim: in “Tự đánh giá” and, differing from the grid's (empty) Ghi chú, in “Chênh lệch”.
    expect(p.selfAssessments[0].notes).toBe("Đã rà soát");
    expect(p.differences).toEqual([{ agency: "Sở Y tế", group: "Ghi chú", self: "Đã rà soát", appraised: "", evidence: "", cell: "I3" }]);
  });

  it("keeps a filled grid cell that differs and records the difference with the evidence", () => {
    const values = grid([{ name: "Sở Y tế", scores: [35, "", "", "", "", ""], notes: "Đã thẩm định" }]);
    const form = formFor(rules, "Sở Y tế");
    const p = plan(base(values, [returned("y.xlsx", form, { scores: FULL, evidence: ["Báo cáo 12", "", "", "", "", ""], notes: "Khác" })]));
    expect(p.writes.map((w) => w.address)).toEqual(["D2", "E2", "F2", "G2", "H2"]);
    expect(p.differences).toEqual([
      { agency: "Sở Y tế", group: "Hạ tầng kỹ thuật", self: 40, appraised: 35, evidence: "Báo cáo 12", cell: "C2" },
      { agency: "Sở Y tế", group: "Ghi chú", self: "Khác", appraised: "Đã thẩm định", evidence: "", cell: "I2" },
    ]);
  });

  it("does not count an equal filled cell as a difference (81,05 typed as text equals 81.05)", () => {
    const values = grid([{ name: "Sở Y tế", scores: ["40", 80, 80, 80, 80, 40] }]);
    const p = plan(base(values, [returned("y.xlsx", formFor(rules, "Sở Y tế"), { scores: FULL })]));
    expect(p.writes).toEqual([]);
    expect(p.differences).toEqual([]);
  });

  it("changes nothing when the same forms are merged again", () => {
    const values = grid([{ name: "Sở Y tế", scores: [35, "", "", "", "", ""] }, { name: "Sở Tài chính" }]);
    const forms = [
      returned("y.xlsx", formFor(rules, "Sở Y tế"), { scores: FULL }),
      returned("tc.xlsx", formFor(rules, "Sở Tài chính"), { scores: FULL, notes: "x" }),
    ];
    const first = plan(base(values, forms));
    expect(first.unchanged).toBe(false);
    const again = plan(base(applied(values, first), forms, { state: { selfAssessments: first.selfAssessments }, now: "2021-02-01T00:00:00.000Z" }));
    expect(again.writes).toEqual([]);
    expect(again.unchanged).toBe(true);
    expect(again.selfAssessments).toEqual(first.selfAssessments);
    expect(again.differences).toEqual(first.differences);
    expect(again.selfAssessments[0].at).toBe("2021-01-04T03:00:00.000Z");
  });

  it("holds back both of two different forms for one agency, and names them", () => {
    const values = grid([{ name: "Sở Y tế" }, { name: "Sở Tài chính" }]);
    const form = formFor(rules, "Sở Y tế");
    const p = plan(
      base(values, [
        returned("a.xlsx", form, { scores: FULL }),
        returned("b.xlsx", form, { scores: [41, 80, 80, 80, 80, 40] }),
        returned("tc.xlsx", formFor(rules, "Sở Tài chính"), { scores: FULL }),
      ]),
    );
    expect(p.merged.map((m) => m.file)).toEqual(["tc.xlsx"]);
    expect(p.writes.every((w) => w.row === 2)).toBe(true);
    expect(p.findings.map((f) => [f.file, f.code, f.severity])).toEqual([
      ["a.xlsx", "conflictingForms", "error"],
      ["b.xlsx", "conflictingForms", "error"],
    ]);
    expect(p.findings[0].message).toContain("“b.xlsx”");
    expect(p.findings[0].messageEn).toContain("None of this agency's forms is merged");
  });

  it("merges identical copies once", () => {
    const values = grid([{ name: "Sở Y tế" }]);
    const form = formFor(rules, "Sở Y tế");
    const p = plan(base(values, [returned("a.xlsx", form, { scores: FULL }), returned("a (1).xlsx", form, { scores: FULL })]));
    expect(p.merged).toEqual([{ file: "a.xlsx", agency: "Sở Y tế", copies: ["a (1).xlsx"] }]);
    expect(p.writes).toHaveLength(6);
    expect(p.findings).toEqual([]);
  });

  it("reports unreadable files and files that are not forms, and still merges the others", () => {
    const values = grid([{ name: "Sở Y tế" }]);
    const p = plan(
      base(values, [
        { file: "hong.xlsx", values: null, identity: null },
        { file: "bang-luong.xlsx", values: [["Bảng lương"], ["A", 1]], identity: null },
        { file: "bang-diem.xlsx", values: grid([{ name: "Sở Y tế", scores: FULL }]), identity: null },
        returned("y.xlsx", formFor(rules, "Sở Y tế"), { scores: FULL }),
      ]),
    );
    expect(p.findings.map((f) => [f.file, f.code])).toEqual([
      ["hong.xlsx", "unreadable"],
      ["bang-luong.xlsx", "notAForm"],
      ["bang-diem.xlsx", "notAForm"],
    ]);
    expect(p.findings[0].message).toBe(
      "Tệp “hong.xlsx” không đọc được như một sổ tính Excel .xlsx. Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi gộp lại. Các phiếu khác vẫn được gộp.",
    );
    expect(p.merged).toEqual([{ file: "y.xlsx", agency: "Sở Y tế" }]);
  });

  it("refuses forms from another master workbook or another year", () => {
    const values = grid([{ name: "Sở Y tế" }, { name: "Sở Tài chính" }]);
    const p = plan(
      base(values, [
        returned("khac.xlsx", formFor(rules, "Sở Y tế", { masterId: "other" }), { scores: FULL }),
        returned("2019.xlsx", formFor(rules, "Sở Tài chính", { year: 2019 }), { scores: FULL }),
      ]),
    );
    expect(p.findings.map((f) => [f.file, f.code, f.severity])).toEqual([
      ["khac.xlsx", "otherMaster", "error"],
      ["2019.xlsx", "otherYear", "error"],
    ]);
    expect(p.findings[1].message).toContain("phiếu năm 2019, nên không được gộp vào bảng điểm năm 2020");
    expect(p.writes).toEqual([]);
  });

  it("reports an agency not in the grid, naming the cell of its name", () => {
    const p = plan(base(grid([{ name: "Sở Y tế" }]), [returned("x.xlsx", formFor(rules, "Sở Ngoại vụ"), { scores: FULL }, false)]));
    expect(p.findings.map((f) => [f.code, f.cell, f.agency])).toEqual([["agencyNotInGrid", "C2", "Sở Ngoại vụ"]]);
    expect(p.findings[0].message).toContain("trang “Chấm điểm”");
  });

  it("matches a form without identity (rebuilt by hand) by the agency's name, case, accents and spacing ignored", () => {
    const p = plan(
      base(grid([{ name: "Sở Văn hoá, Thể thao và Du lịch" }]), [
        returned("vh.xlsx", formFor(rules, "SO  VAN HOA THE THAO VA DU LICH"), { scores: FULL }, false),
      ]),
    );
    expect(p.merged).toEqual([{ file: "vh.xlsx", agency: "Sở Văn hoá, Thể thao và Du lịch" }]);
    expect(p.writes).toHaveLength(6);
  });

  it("reports bad scores with the grid's findings: text is not merged, negative and above-maximum are merged as typed", () => {
    const values = grid([{ name: "Sở Y tế" }]);
    const p = plan(base(values, [returned("y.xlsx", formFor(rules, "Sở Y tế"), { scores: ["bốn mươi", -1, "#N/A", 80, 80, 55] })]));
    expect(p.findings.map((f) => [f.code, f.cell, f.severity])).toEqual([
      ["notANumber", "C7", "error"],
      ["negative", "C8", "error"],
      ["errorValue", "C9", "error"],
      ["aboveMax", "C12", "error"],
    ]);
    expect(p.findings[3].message).toBe(
      "Phiếu “y.xlsx”: Ô C12 (Sở Y tế, “Nhân lực cho ứng dụng CNTT”) có 55 điểm, vượt điểm tối đa 50 của nhóm. Hãy kiểm tra lại và sửa trước khi trình ký.",
    );
    expect(p.findings[3].messageEn).toBe(
      "Form “y.xlsx”: Cell C12 (Sở Y tế, “Nhân lực cho ứng dụng CNTT”) holds 55, above the group's maximum of 50. Check and correct it before signing.",
    );
    expect(p.writes.map((w) => [w.address, w.value])).toEqual([
      ["D2", -1],
      ["F2", 80],
      ["G2", 80],
      ["H2", 55],
    ]);
    expect(p.selfAssessments[0].scores).toEqual(["bốn mươi", -1, "#N/A", 80, 80, 55]);
  });

  it("warns when the form was made under other rules, and still merges it", () => {
    const other = clonePreset();
    other.groups[0].maxPoints = 60;
    const form = formFor(loadRules(other), "Sở Y tế");
    expect(form.identity.rulesFingerprint).not.toBe(rulesFingerprint(rules.json));
    const p = plan(base(grid([{ name: "Sở Y tế" }]), [returned("y.xlsx", form, { scores: FULL })]));
    expect(p.findings.map((f) => [f.code, f.severity])).toEqual([["rulesChanged", "warning"]]);
    expect(p.merged).toHaveLength(1);
  });

  it("leaves an exempt group alone: “Miễn chấm” is not a score", () => {
    const values = grid([{ name: "Thanh tra tỉnh", notes: "Không TTHC" }]);
    const form = formFor(rules, "Thanh tra tỉnh", { notes: "Không TTHC" });
    const p = plan(base(values, [returned("tt.xlsx", form, { scores: [50, 71.1, 83.2, null, 23, 30] })]));
    expect(p.findings).toEqual([]);
    expect(p.writes.map((w) => w.address)).toEqual(["C2", "D2", "E2", "G2", "H2"]);
  });

  it("refuses only when the master has no grid", () => {
    const r = planMerge(base([["Bảng lương"]], []));
    expect(r.ok).toBe(false);
  });
});

describe("the Tự đánh giá and Chênh lệch sheets", () => {
  const records: SelfAssessment[] = [
    {
      agency: "Sở Y tế",
      file: "so-y-te.xlsx",
      at: "2021-01-04T03:00:00.000Z",
      scores: [40, 80, 80, 80, 80, 40],
      evidence: ["Báo cáo 12", "", "", "", "", ""],
      notes: "",
    },
  ];

  it("lists agencies × groups with score and evidence, the source file and time", () => {
    const sheet = selfAssessmentSheet(rules, records);
    const v = sheetValues(sheet);
    expect(sheet.sheetName).toBe("Tự đánh giá");
    expect(v[2].slice(0, 4)).toEqual(["STT", "Cơ quan", "Hạ tầng kỹ thuật – tự chấm", "Hạ tầng kỹ thuật – tài liệu kiểm chứng"]);
    expect(v[2].slice(-4)).toEqual(["Ghi chú (tự ghi)", "Tệp phiếu", "Thời điểm gộp", "Xác thực phiếu"]);
    expect(v[3].slice(0, 4)).toEqual([1, "Sở Y tế", 40, "Báo cáo 12"]);
    expect(v[3][v[3].length - 3]).toBe("so-y-te.xlsx");
    expect(v[3][v[3].length - 2]).toMatch(/^04\/01\/2021 \d\d:00$/);
  });

  it("is not itself taken for a score table", () => {
    expect(readForm(sheetValues(selfAssessmentSheet(rules, records)), rules)).toBeNull();
    const located = planMerge(base(sheetValues(selfAssessmentSheet(rules, records)) as unknown[][], []));
    expect(located.ok).toBe(false);
  });

  it("gives the council agency, group, tự chấm, thẩm định and evidence, and a column for its conclusion", () => {
    const sheet = differencesSheet([{ agency: "Sở Y tế", group: "Hạ tầng kỹ thuật", self: 40, appraised: 35, evidence: "Báo cáo 12", cell: "C2" }]);
    const v = sheetValues(sheet);
    expect(v[2].slice(0, 6)).toEqual(["STT", "Cơ quan", "Nhóm tiêu chí", "Tự chấm", "Thẩm định", "Tài liệu kiểm chứng"]);
    expect(v[2]).toContain("Kết luận của hội đồng");
    expect(v[3].slice(0, 6)).toEqual([1, "Sở Y tế", "Hạ tầng kỹ thuật", 40, 35, "Báo cáo 12"]);
  });
});

describe("rules with blocks and several exemption keywords", () => {
  const json = {
    ...clonePreset(),
    groups: [
      { id: "a", name: "Nhóm A", aliases: [], maxPoints: 100, notEvaluated: [] },
      { id: "b", name: "Nhóm B", aliases: [], maxPoints: 50, notEvaluated: [] },
    ],
    exemptions: [{ keywords: ["Không TTHC", "Không có thủ tục hành chính"], groups: ["b"], reason: "không có thủ tục hành chính" }],
    blocks: [
      { id: "so", name: "Khối sở", match: ["Sở"] },
      { id: "huyen", name: "Khối huyện", match: ["Huyện"], maxPoints: { a: 80 } },
    ],
  };
  const blockRules = loadRules(json as unknown as Parameters<typeof loadRules>[0]);
  const values = [
    ["STT", "Tên cơ quan", "Khối", "Nhóm A", "Nhóm B", "Ghi chú"],
    [1, "Sở Y tế", "Sở", "", "", ""],
    [2, "UBND huyện Vũ Thư", "Huyện", "", "", "Không có thủ tục hành chính"],
  ];

  it("gives each agency's form its block's maxima, and marks the exemption named by any of its keywords", () => {
    const maxes = agencyMaxes(blockRules, [
      { row: 1, block: "so" },
      { row: 2, block: "huyen" },
    ]);
    const so = buildForm({ rules: blockRules, agency: "Sở Y tế", notes: "", maxes: maxes.get(1), year: 2020, masterId: "m", formKey: KEY });
    const huyen = buildForm({
      rules: blockRules,
      agency: "UBND huyện Vũ Thư",
      notes: "Không có thủ tục hành chính",
      maxes: maxes.get(2),
      year: 2020,
      masterId: "m",
      formKey: KEY,
    });
    expect(so.validations.map((v) => v.max)).toEqual([100, 50]);
    expect(huyen.validations.map((v) => v.max)).toEqual([80]);
    expect(huyen.cells.find((c) => c.row === huyen.layout.groupRows[1] && c.col === 2)!.value).toBe("Miễn chấm");
  });

  it("checks a merged score against the agency's block maximum", () => {
    const form = buildForm({ rules: blockRules, agency: "UBND huyện Vũ Thư", notes: "", year: 2020, masterId: "master-1", formKey: KEY });
    const r = planMerge({ ...base(values, [returned("vu-thu.xlsx", form, { scores: [90, null] })]), rules: blockRules });
    if (!r.ok) throw new Error(r.message);
    expect(r.plan.findings.map((f) => [f.code, f.cell])).toEqual([["aboveMax", "C7"]]);
    expect(r.plan.findings[0].message).toContain("vượt điểm tối đa 80");
  });
});

describe("Theo dõi phiếu: when each form was made", () => {
  const madeForm = (agency: string, madeAt?: string) =>
    buildForm({ rules, agency, notes: "", year: 2020, masterId: "master-1", formKey: KEY, ...(madeAt ? { madeAt } : {}) });
  const values = grid([{ name: "Sở Y tế" }, { name: "Sở Tài chính" }, { name: "Sở Nội vụ" }]);
  /** A time as the sheet shows it (local time). */
  const shown = (iso: string) => `${ddmmyyyy(iso)} ${hhmm(iso)}`;
  const madeColumn = (sheet: ReturnType<typeof trackingSheet>) =>
    sheet.cells
      .filter((c) => c.row >= 3 && c.col === 2)
      .sort((a, b) => a.row - b.row)
      .map((c) => c.value);

  it("a form carries when it was made in its identity (not signed: the token is the same without it)", () => {
    const form = madeForm("Sở Y tế", "2020-12-01T02:30:00.000Z");
    expect(form.identity.madeAt).toBe("2020-12-01T02:30:00.000Z");
    expect(form.identity.token).toBe(madeForm("Sở Y tế").identity.token);
  });

  it("a verified form's time is recorded with its claim; a form without a token gives none", () => {
    const signed = returned("y.xlsx", madeForm("Sở Y tế", "2020-12-01T02:30:00.000Z"), { scores: FULL });
    const old = madeForm("Sở Tài chính", "2020-12-01T02:30:00.000Z");
    const unsigned = { file: "tc.xlsx", values: filledValues(old, { scores: FULL }), identity: { ...old.identity, token: undefined } };
    const p = plan(base(values, [signed, unsigned]));
    expect(p.selfAssessments.map((s) => [s.agency, s.verified, s.madeAt])).toEqual([
      ["Sở Y tế", true, "2020-12-01T02:30:00.000Z"],
      ["Sở Tài chính", false, undefined],
    ]);
  });

  it("the master's record, else the merged form's own time (the latest of both); with neither: not recorded when the master has a key, not made when it has none", () => {
    const p = plan(base(values, [returned("y.xlsx", madeForm("Sở Y tế", "2020-12-01T02:30:00.000Z"), { scores: FULL })]));
    const agencies = ["Sở Y tế", "Sở Tài chính", "Sở Nội vụ"];
    // Made by `forms` without --master-out: the master recorded nothing.
    expect(madeColumn(trackingSheet(agencies, p.selfAssessments, undefined, "Theo dõi phiếu", { formKey: KEY }))).toEqual([
      shown("2020-12-01T02:30:00.000Z"),
      "Không có ghi nhận",
      "Không có ghi nhận",
    ]);
    // Recorded by the master for Sở Tài chính, and earlier than the form's own time for Sở Y tế.
    const formsMade = [
      { agency: "Sở Y tế", file: "so-y-te.xlsx", at: "2020-11-20T01:00:00.000Z" },
      { agency: "Sở Tài chính", file: "so-tai-chinh.xlsx", at: "2020-11-20T01:00:00.000Z" },
    ];
    expect(madeColumn(trackingSheet(agencies, p.selfAssessments, undefined, "Theo dõi phiếu", { formKey: KEY, formsMade }))).toEqual([
      shown("2020-12-01T02:30:00.000Z"),
      shown("2020-11-20T01:00:00.000Z"),
      "Không có ghi nhận",
    ]);
    // No key: no form was made from this master.
    expect(madeColumn(trackingSheet(agencies, [], undefined, "Theo dõi phiếu", {}))).toEqual(["Chưa tạo", "Chưa tạo", "Chưa tạo"]);
  });
});
