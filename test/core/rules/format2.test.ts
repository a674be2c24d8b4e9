/**
 * The fields of rules format 2, each scored: weights (with and without exemptions), counted: false,
 * classes: [], nameHeaders, exemption keywords and the "may be missing" warning,
 * blocks found by heading, by column and by note, with their own maxima and classes.
 */
import { annexGrid, annexNotes, buildAnnex } from "../../../src/core/sheets/annex";
import { formatVi } from "../../../src/core/base/decimal";
import { completeMetadata } from "../../../src/core/rules/metadata";
import { planResultWrite } from "../../../src/core/grid/plan";
import { loadRules, RulesJson } from "../../../src/core/rules/rules";
import { scoreSheet, ScoreResult } from "../../../src/core/grid/scoring";
import { summaryLineIn } from "../../../src/commands/notify";
import { clonePreset, presetWith, score, simpleSheet, twoGroups, twoSheet } from "../helpers";

const meta = completeMetadata({ number: "06/QĐ-UBND", date: "05/01/2021", year: 2020 });

const view = (r: Extract<ScoreResult, { ok: true }>) =>
  r.rows.map((x) => [x.name, x.total ? formatVi(x.total) : null, x.index ? formatVi(x.index, 3) : null, x.className, x.rank]);

describe("groups[].weight: a weighted index", () => {
  const weighted = () => twoGroups({}, [{ weight: "0.4" }, { weight: "0,6" }]);

  it("Chỉ số = Σ weight × score ÷ maximum; Tổng điểm stays the plain sum", () => {
    const r = score(
      twoSheet([
        ["Sở A", 80, 25],
        ["Sở B", 100, 10],
        ["Sở C", 50, 50],
      ]),
      weighted(),
    );
    // 0,4 × 0,8 + 0,6 × 0,5 = 0,62; 0,4 + 0,6 × 0,2 = 0,52; 0,4 × 0,5 + 0,6 = 0,8
    expect(view(r)).toEqual([
      ["Sở A", "105", "0,620", "Trung bình", 2],
      ["Sở B", "110", "0,520", "Trung bình", 3],
      ["Sở C", "100", "0,800", "Khá", 1],
    ]);
    expect(r.rows.map((x) => formatVi(x.maxPoints!))).toEqual(["150", "150", "150"]);
  });

  it("is exact: one rounding only (1/6 + 1/14 = 0,238095… → 0,238), and the exact index classifies with exactIndex", () => {
    const rules = twoGroups(
      {
        classes: [
          { name: "Đạt", minIndex: "0.2381" },
          { name: "Chưa đạt", minIndex: 0 },
        ],
        classifyOn: "exactIndex",
      },
      [
        { weight: "0.5", maxPoints: 30 },
        { weight: "0.5", maxPoints: 70 },
      ],
    );
    const r = score(twoSheet([["Sở A", 10, 10]]), rules);
    expect(formatVi(r.rows[0].index!, 3)).toBe("0,238");
    expect(r.rows[0].className).toBe("Chưa đạt"); // 0,238095… < 0,2381
  });

  it("an exempt agency: the remaining weights are rescaled to sum 1, and the annex says so", () => {
    const r = score(
      twoSheet([
        ["Sở A", 80, 25],
        ["Sở D", 80, 0, "Không TTHC"],
      ]),
      weighted(),
    );
    // Sở D: only A counts, its weight 0,4 rescaled to 1 → 0,8
    expect(view(r)[1]).toEqual(["Sở D", "80", "0,800", "Khá", 1]);
    expect(formatVi(r.rows[1].maxPoints!)).toBe("100");
    const notes = annexNotes(r.rules, r.rows);
    expect(notes).toContain("- Chỉ số = Σ trọng số × (điểm ÷ điểm tối đa của nhóm); trọng số: Nhóm A 0,4; Nhóm B 0,6.");
    expect(notes).toContain("- Cơ quan được miễn chấm một nhóm: trọng số của các nhóm còn lại được chia lại theo tỷ lệ để tổng bằng 1.");
  });

  it("without an exempt agency the annex has no rescaling note", () => {
    const r = score(twoSheet([["Sở A", 80, 25]]), weighted());
    expect(annexNotes(r.rules, r.rows).some((n) => n.includes("chia lại"))).toBe(false);
  });
});

describe("groups[].counted: false", () => {
  const rules = () => twoGroups({}, [{}, { counted: false }]);

  it("is read, checked against its maximum and shown, but adds nothing to the total, the maximum or the index", () => {
    const r = score(
      twoSheet([
        ["Sở A", 80, 60],
        ["Sở B", 90, 10],
      ]),
      rules(),
    );
    expect(view(r)).toEqual([
      ["Sở A", "80", "0,800", "Khá", 2],
      ["Sở B", "90", "0,900", "Tốt", 1],
    ]);
    expect(r.rows.map((x) => formatVi(x.maxPoints!))).toEqual(["100", "100"]);
    expect(formatVi(r.rules.generalMax)).toBe("100");
    expect(r.findings.map((f) => [f.code, f.cell])).toEqual([["aboveMax", "D2"]]);
    const annex = buildAnnex(r.rules, r.rows, meta);
    expect(annex.table.columns).toContain("Nhóm B");
    expect(annexGrid(annex)[annex.table.firstRow + 1].slice(1, 4)).toEqual(["Sở A", "80", "60"]);
    expect(annexNotes(r.rules, r.rows)).toContain("- Nhóm B: được đánh giá và thể hiện trong bảng nhưng không tính vào tổng điểm, điểm tối đa và chỉ số.");
  });

  it("a blank in a group not counted is still an error (the column is read)", () => {
    const r = score(twoSheet([["Sở A", 80, ""]]), rules());
    expect(r.findings.map((f) => f.code)).toEqual(["missing"]);
  });
});

describe("classes: []", () => {
  it("no class for anyone, no Phân loại column written or in the annex, nothing about classes", () => {
    const rules = twoGroups({ classes: [] });
    const values = twoSheet([
      ["Sở A", 80, 25],
      ["Sở B", 100, 10],
    ]);
    const r = score(values, rules);
    expect(r.rows.map((x) => x.className)).toEqual([null, null]);
    expect(r.summary.byClass).toEqual([]);
    expect(summaryLineIn(r.summary, "vi")).toBe("2 cơ quan.");
    expect(summaryLineIn(r.summary, "en")).toBe("2 agencies.");
    const plan = planResultWrite(values, null, { row: 0, col: 0 }, "Sheet1", r, {});
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.plan.columns.map((c) => c.kind)).toEqual(["total", "index", "rank"]);
    expect(plan.plan.headers.map((h) => h.text)).toEqual(["Tổng điểm", "Chỉ số", "Xếp hạng"]);
    const annex = buildAnnex(r.rules, r.rows, meta);
    expect(annex.table.columns).not.toContain("Phân loại");
    expect(annexGrid(annex).flat().join(" ")).not.toMatch(/Phân loại|Tốt|Khá|Trung bình/);
  });
});

describe("nameHeaders and the built-in agency headers", () => {
  it.each([
    "Tỉnh, thành phố",
    "Tỉnh/thành phố",
    "Địa phương",
    "Bộ, ngành",
    "Bộ, cơ quan ngang Bộ",
    "Huyện, thị xã, thành phố",
    "Xã, phường, thị trấn",
    "Cơ quan, đơn vị",
    "Đơn vị",
  ])("“%s” is an agency column", (head) => {
    const r = score(twoSheet([["Hà Nội", 80, 25]], head), twoGroups());
    expect(r.rows.map((x) => x.name)).toEqual(["Hà Nội"]);
  });

  it("a header of the rules' own (nameHeaders)", () => {
    expect(scoreSheet(twoSheet([["Hà Nội", 80, 25]], "Sở, ngành, địa phương"), twoGroups()).ok).toBe(false);
    const r = score(twoSheet([["Hà Nội", 80, 25]], "Sở, ngành, địa phương"), twoGroups({ nameHeaders: ["Sở, ngành, địa phương"] }));
    expect(r.rows.map((x) => x.name)).toEqual(["Hà Nội"]);
  });
});

describe("exemptions[].keywords", () => {
  it("any keyword of the preset's list exempts; the old single keyword still works", () => {
    const preset = presetWith({});
    const r = score(
      simpleSheet([
        { name: "Sở A", scores: [40, 80, 80, 0, 80, 40], notes: "Không TTHC" },
        { name: "Sở B", scores: [40, 80, 80, 0, 80, 40], notes: "Đơn vị không có TTHC" },
        { name: "Sở C", scores: [40, 80, 80, "", 80, 40], notes: "Không có thủ tục hành chính" },
      ]),
      preset,
    );
    expect(r.rows.map((x) => [x.exemptKeyword, formatVi(x.maxPoints!)])).toEqual([
      ["Không TTHC", "398"],
      ["Không có TTHC", "398"],
      ["Không có thủ tục hành chính", "398"],
    ]);
    expect(annexNotes(r.rules, r.rows)[1]).toBe(
      "- Cơ quan: Sở A, Sở B, Sở C không có thủ tục hành chính nên không thực hiện chấm điểm mục: Cung cấp dịch vụ công trực tuyến (điểm mục này là 100 điểm).",
    );
    const v1 = loadRules({
      ...clonePreset(),
      schemaVersion: 1,
      exemptions: [{ keyword: "Không TTHC", groups: ["dvctt"], reason: "không có thủ tục hành chính" }],
    });
    const old = score(simpleSheet([{ name: "Sở A", scores: [40, 80, 80, 0, 80, 40], notes: "Không TTHC" }]), v1);
    expect(formatVi(old.rows[0].maxPoints!)).toBe("398");
  });

  it("a note about TTHC matching no keyword, with 0 or blank in the exemptible group: “có thể thiếu miễn chấm”", () => {
    const r = score(
      simpleSheet([
        { name: "Sở A", scores: [40, 80, 80, 0, 80, 40], notes: "Chưa có TTHC trực tuyến" },
        { name: "Sở B", scores: [40, 80, 80, 50, 80, 40], notes: "Chưa có TTHC trực tuyến" },
        { name: "Sở C", scores: [40, 80, 80, 0, 80, 40], notes: "Mới thành lập" },
        { name: "Sở D", scores: [40, 80, 80, "", 80, 40], notes: "thủ tục hành chính chưa công bố" },
      ]),
      presetWith({}),
    );
    const warnings = r.findings.filter((f) => f.code === "maybeExempt");
    expect(warnings.map((f) => [f.cell, f.agency, f.severity])).toEqual([
      ["I2", "Sở A", "warning"],
      ["I5", "Sở D", "warning"],
    ]);
    expect(warnings[0].message).toMatch(
      /^Ô I2: Sở A có thể thiếu miễn chấm: Ghi chú “Chưa có TTHC trực tuyến” nói đến TTHC nhưng không khớp từ khóa miễn chấm nào \(“Không TTHC”, “Không có TTHC”, “Không có thủ tục hành chính”\), và “Cung cấp DVCTT” đang là 0 hoặc trống\./,
    );
  });
});

describe("blocks[]", () => {
  const blocks = (extra: Partial<RulesJson["blocks"] extends (infer B)[] | undefined ? B : never>[] = [{}, {}]): RulesJson["blocks"] => [
    { id: "so-nganh", name: "Khối sở, ban, ngành", match: ["sở, ban, ngành"], ...extra[0] },
    { id: "huyen", name: "Khối UBND huyện, thành phố", match: ["UBND huyện", "huyện"], ...extra[1] },
  ];
  const byHeading = (): unknown[][] => [
    ["STT", "Tên cơ quan", "Nhóm A", "Nhóm B", "Ghi chú"],
    ["I", "KHỐI SỞ, BAN, NGÀNH", "", "", ""],
    [1, "Sở Tư pháp", 90, 40, ""],
    [2, "Sở Xây dựng", 80, 30, ""],
    [3, "Sở Y tế", 95, 45, ""],
    ["II", "KHỐI UBND HUYỆN, THÀNH PHỐ", "", "", ""],
    [1, "UBND huyện Vũ Thư", 70, 30, ""],
    [2, "UBND thành phố Thái Bình", 75, 45, ""],
  ];

  it("found by the nearest section heading above; ranks restart in each block; the headings are no warnings", () => {
    const r = score(byHeading(), twoGroups({ blocks: blocks() }));
    expect(r.rows.map((x) => [x.name, x.block, x.rank])).toEqual([
      ["Sở Tư pháp", "so-nganh", 2],
      ["Sở Xây dựng", "so-nganh", 3],
      ["Sở Y tế", "so-nganh", 1],
      ["UBND huyện Vũ Thư", "huyen", 2],
      ["UBND thành phố Thái Bình", "huyen", 1],
    ]);
    expect(r.findings).toEqual([]);
  });

  it("found by a column headed Khối (or Nhóm)", () => {
    for (const head of ["Khối", "Nhóm"]) {
      const values = [
        ["STT", "Tên cơ quan", head, "Nhóm A", "Nhóm B"],
        [1, "Sở Tư pháp", "Sở, ban, ngành", 90, 40],
        [2, "UBND huyện Vũ Thư", "Huyện", 70, 30],
        [3, "Sở Y tế", "sở ban ngành", 95, 45],
        [4, "UBND huyện Hưng Hà", "Huyện", 80, 30],
      ];
      const r = score(values, twoGroups({ blocks: blocks() }));
      expect(r.layout.blockCol).toBe(2);
      expect(r.rows.map((x) => [x.block, x.rank])).toEqual([
        ["so-nganh", 2],
        ["huyen", 2],
        ["so-nganh", 1],
        ["huyen", 1],
      ]);
    }
  });

  it("found by the agency's Ghi chú", () => {
    const r = score(
      twoSheet([
        ["Sở Tư pháp", 90, 40, "Khối sở, ban, ngành"],
        ["Vũ Thư", 70, 30, "Khối huyện"],
        ["Hưng Hà", 80, 30, "huyện"],
      ]),
      twoGroups({ blocks: blocks() }),
    );
    expect(r.rows.map((x) => [x.block, x.rank])).toEqual([
      ["so-nganh", 1],
      ["huyen", 2],
      ["huyen", 1],
    ]);
  });

  it("an agency in no block is an error naming it, and is not ranked", () => {
    const r = score(
      twoSheet([
        ["Sở Tư pháp", 90, 40, "sở, ban, ngành"],
        ["Ban Quản lý", 70, 30, ""],
      ]),
      twoGroups({ blocks: blocks() }),
    );
    expect(r.rows.map((x) => [x.block, x.rank])).toEqual([
      ["so-nganh", 1],
      [null, null],
    ]);
    const [f] = r.findings;
    expect([f.code, f.severity, f.cell, f.agency]).toEqual(["noBlock", "error", "B3", "Ban Quản lý"]);
    expect(f.message).toBe(
      "Ô B3: Ban Quản lý không thuộc khối nào (“Khối sở, ban, ngành”, “Khối UBND huyện, thành phố”) nên không được xếp hạng. Hãy đặt cơ quan dưới dòng tiêu đề của khối, ghi khối vào cột Khối/Nhóm hoặc vào Ghi chú.",
    );
  });

  it("a block's own maxima and classes", () => {
    const rules = twoGroups({
      blocks: blocks([
        {},
        {
          maxPoints: { a: 80 },
          classes: [
            { name: "Đạt", minIndex: "0.8" },
            { name: "Chưa đạt", minIndex: 0 },
          ],
        },
      ]),
    });
    const values = byHeading();
    values[7][2] = 85; // above the block's maximum of 80
    const r = score(values, rules);
    expect(view(r).slice(3)).toEqual([
      ["UBND huyện Vũ Thư", "100", "0,769", "Chưa đạt", 2], // 100 ÷ 130
      ["UBND thành phố Thái Bình", "130", "1,000", "Đạt", 1],
    ]);
    expect(view(r)[2]).toEqual(["Sở Y tế", "140", "0,933", "Tốt", 1]);
    expect(r.findings.map((f) => [f.code, f.cell, f.detail])).toEqual([["aboveMax", "C8", "80"]]);
    expect(r.summary.byClass.map((c) => c.name)).toEqual(["Tốt", "Khá", "Trung bình", "Đạt", "Chưa đạt"]);
    const notes = annexNotes(r.rules, r.rows);
    expect(notes[0]).toBe("- Khối sở, ban, ngành: tổng điểm đánh giá chung 150 điểm.");
    expect(notes[1]).toBe("- Khối UBND huyện, thành phố: tổng điểm đánh giá chung 130 điểm, trong đó điểm tối đa Nhóm A là 80 điểm.");
  });

  it("the annex: one section per block with its heading row, numbers and ranks restarting", () => {
    const values = byHeading();
    values[3][2] = 90; // Sở Xây dựng 130, as Sở Tư pháp: a tie in the first block
    values[3][3] = 40;
    const r = score(values, twoGroups({ blocks: blocks() }));
    const annex = buildAnnex(r.rules, r.rows, meta);
    const grid = annexGrid(annex);
    expect(annex.table.sectionRows).toEqual([5, 9]);
    expect(grid[5][0]).toBe("I. KHỐI SỞ, BAN, NGÀNH");
    expect(grid[9][0]).toBe("II. KHỐI UBND HUYỆN, THÀNH PHỐ");
    expect(annex.merges).toContainEqual({ row: 5, col: 0, rows: 1, cols: annex.colCount });
    const rank = annex.table.columns.indexOf("Xếp hạng");
    expect(rank).toBeGreaterThan(0);
    const table = (from: number, to: number) => grid.slice(from, to).map((row) => [row[0], row[1], row[rank]]);
    expect(table(6, 9)).toEqual([
      ["1", "Sở Y tế", "1"],
      ["2", "Sở Tư pháp", "2"],
      ["3", "Sở Xây dựng", "2"],
    ]);
    expect(table(10, 12)).toEqual([
      ["1", "UBND thành phố Thái Bình", "1"],
      ["2", "UBND huyện Vũ Thư", "2"],
    ]);
    expect(annex.table.lastRow).toBe(11);
    expect(annex.cells.filter((c) => c.style === "section").map((c) => c.row)).toEqual([5, 9]);
  });
});
