import { say } from "../../../src/core/base/catalogue";
import {
  comparedRecord,
  compareWithPrevious,
  compareYears,
  comparisonFromSheet,
  PreviousAgency,
  rankChangeText,
  rulesChanges,
  withComparedRecord,
} from "../../../src/core/grid/previous";
import { comparisonNotes } from "../../../src/core/sheets/annex";
import { fromString, toString } from "../../../src/core/base/decimal";
import { findingMessage } from "../../../src/core/findings/findings";
import { legacyToUnicode } from "../../../src/core/text/legacy-encoding";
import { PRESET_THAI_BINH_2020, presetRules, RulesJson, validateRules } from "../../../src/core/rules/rules";
import type { RowResult } from "../../../src/core/grid/scoring";
import { clonePreset, docCriteria } from "../helpers";
import { cardText } from "../../../src/core/findings/explanation";
import { scoreSheet } from "../../../src/core/grid/scoring";
import { referenceSheet } from "../../fixtures/reference";
import {
  entryText,
  LINEAGE_2025,
  lineage2025Offer,
  lineageInUse,
  LINEAGE_MESSAGES,
  lineageSheetValues,
  readLineageSheet,
  withLineage,
} from "../../../src/core/rules/lineage";

const dec = (s: string) => fromString(s)!;
const was = (name: string, rank: number, index: string): PreviousAgency => ({ name, rank, index: dec(index), className: null, decimals: 3 });
const row = (i: number, name: string, rank: number) => ({ row: 10 + i, name, rank }) as RowResult;
const unicode = (t: string) => legacyToUnicode(t)?.text ?? t;

// 2024: as published (Sở Y tế typed in TCVN3 in the old workbook).
const LAST: PreviousAgency[] = [
  was("Sở Tài chính", 1, "0.900"),
  was("Së Y tÕ", 2, "0.851"),
  was("Sở Giao thông vận tải", 3, "0.850"),
  was("Sở Kế hoạch và Đầu tư", 4, "0.801"),
  was("Sở Công Thương", 5, "0.780"),
  was("Sở Xây dựng", 6, "0.700"),
  was("Sở Ngoại vụ", 7, "0.650"),
  was("Ban Dân tộc", 8, "0.600"),
];
// 2025: two mergers, a rename, a split (Sở Công Thương keeps its name, Trung tâm Xúc tiến is split off), a new agency; Sở Ngoại vụ is gone.
const NOW = [
  row(0, "Sở Xây dựng", 1),
  row(1, "Sở Tài chính", 2),
  row(2, "Sở Y tế", 3),
  row(3, "Sở Dân tộc và Tôn giáo", 4),
  row(4, "Sở Công Thương", 5),
  row(5, "Trung tâm Xúc tiến Thương mại", 6),
  row(6, "Ban Quản lý các khu công nghiệp", 7),
];
const LINEAGE = [
  { name: "SỞ TÀI CHÍNH", from: ["Sở Tài chính", "so ke hoach va dau tu"] },
  { name: "Sở Xây dựng", from: ["Sở  Xây dựng", "Sở Giao thông Vận tải"] },
  { name: "Sở Dân tộc và Tôn giáo", from: ["Ban Dân tộc"] },
  { name: "Trung tâm Xúc tiến Thương mại", from: ["Sở Công Thương"] },
  // A successor absent this year changes nothing.
  { name: "Sở Nông nghiệp và Môi trường", from: ["Sở Nông nghiệp và Phát triển nông thôn", "Sở Tài nguyên và Môi trường"] },
];

describe("comparison through the lineage", () => {
  const c = compareWithPrevious(NOW, LAST, unicode, { lineage: LINEAGE });
  const of = (name: string) => c.byRow.get(NOW.find((r) => r.name === name)!.row)!;

  it("a merged agency is compared with the exact mean of its predecessors' indices, rounded half-up", () => {
    // (0,900 + 0,801) / 2 = 0,8505 → 0,851; (0,850 + 0,700) / 2 = 0,775.
    expect(toString(of("Sở Tài chính").previousIndex!)).toBe("0.851");
    expect(of("Sở Tài chính").from).toEqual(["Sở Tài chính", "Sở Kế hoạch và Đầu tư"]);
    expect(toString(of("Sở Xây dựng").previousIndex!)).toBe("0.775");
    expect(of("Sở Xây dựng").from).toEqual(["Sở Xây dựng", "Sở Giao thông vận tải"]);
  });

  it("last year's ranking is recomputed with the predecessors replaced; ties share a rank and skip the next", () => {
    expect(c.recomputed).toBe(true);
    // Tài chính 0,851 and Y tế 0,851 tie first; Công Thương and its split-off part 0,780 tie third; Xây dựng 0,775 fifth; Ngoại vụ (gone) 0,650 sixth; Dân tộc 0,600 seventh.
    const ranks = Object.fromEntries(NOW.map((r) => [r.name, c.byRow.get(r.row)!.previousRank]));
    expect(ranks).toEqual({
      "Sở Xây dựng": 5,
      "Sở Tài chính": 1,
      "Sở Y tế": 1,
      "Sở Dân tộc và Tôn giáo": 7,
      "Sở Công Thương": 3,
      "Trung tâm Xúc tiến Thương mại": 3,
      "Ban Quản lý các khu công nghiệp": null,
    });
  });

  it("Tăng/giảm: “sáp nhập” for a merger, the change for a rename and a split, “mới” for a new agency", () => {
    const text = (n: string) => rankChangeText(of(n), NOW.find((r) => r.name === n)!.rank);
    expect(text("Sở Tài chính")).toBe("sáp nhập");
    expect(text("Sở Xây dựng")).toBe("sáp nhập");
    expect(rankChangeText(of("Sở Xây dựng"), 1, "en")).toBe("merged");
    expect(of("Sở Xây dựng").rankChange).toBe(4);
    expect(text("Sở Y tế")).toBe("▼2");
    expect(text("Sở Dân tộc và Tôn giáo")).toBe("▲3");
    expect(of("Sở Dân tộc và Tôn giáo").from).toEqual(["Ban Dân tộc"]);
    expect(text("Sở Công Thương")).toBe("▼2");
    expect(text("Trung tâm Xúc tiến Thương mại")).toBe("▼3");
    expect(text("Ban Quản lý các khu công nghiệp")).toBe("mới");
  });

  it("lists a predecessor with no successor once, the new agencies, and the agencies compared through the lineage", () => {
    expect(c.missing).toEqual(["Sở Ngoại vụ"]);
    expect(c.added).toEqual(["Ban Quản lý các khu công nghiệp"]);
    expect(c.through).toEqual(["Sở Xây dựng", "Sở Tài chính", "Sở Dân tộc và Tôn giáo", "Trung tâm Xúc tiến Thương mại"]);
  });

  it("the annex notes name the predecessors", () => {
    const notes = comparisonNotes({ ...c, years: { current: 2025, previous: 2024 } }, NOW);
    expect(notes).toEqual([
      "- Xếp hạng năm trước: kết quả năm 2024, so sánh với năm 2025.",
      "- Sở Xây dựng: sáp nhập từ Sở Xây dựng và Sở Giao thông vận tải; xếp hạng năm trước tính theo trung bình chỉ số năm trước của các cơ quan này.",
      "- Sở Tài chính: sáp nhập từ Sở Tài chính và Sở Kế hoạch và Đầu tư; xếp hạng năm trước tính theo trung bình chỉ số năm trước của các cơ quan này.",
      "- Sở Dân tộc và Tôn giáo: năm trước là Ban Dân tộc.",
      "- Trung tâm Xúc tiến Thương mại: năm trước là Sở Công Thương.",
    ]);
  });

  it("without a lineage (or one that changes nothing here) last year's published ranks stand", () => {
    const plain = compareWithPrevious(NOW, LAST, unicode);
    expect(plain.recomputed).toBe(false);
    expect(plain.byRow.get(NOW[2].row)!.previousRank).toBe(2);
    expect(plain.byRow.get(NOW[1].row)!.previousRank).toBe(1);
    expect(plain.missing).toEqual(["Sở Giao thông vận tải", "Sở Kế hoạch và Đầu tư", "Sở Ngoại vụ", "Ban Dân tộc"]);
    const absentOnly = compareWithPrevious(NOW, LAST, unicode, { lineage: [LINEAGE[4]] });
    expect(absentOnly.recomputed).toBe(false);
    expect(absentOnly.byRow.get(NOW[0].row)!.previousRank).toBe(6);
  });

  it("ranks again by the mean total when last year ranked by total, per block when it had blocks", () => {
    const last = [
      { ...was("A", 1, "0.9"), total: dec("400"), block: "so" },
      { ...was("B", 2, "0.8"), total: dec("300"), block: "so" },
      { ...was("C", 3, "0.7"), total: dec("390"), block: "so" },
      { ...was("H", 1, "0.5"), total: dec("100"), block: "huyen" },
    ];
    const now = [row(0, "AB", 1), row(1, "C", 2), row(2, "H", 1)];
    const r = compareWithPrevious(now, last, undefined, { lineage: [{ name: "AB", from: ["A", "B"] }], rankBy: "total" });
    expect([0, 1, 2].map((i) => r.byRow.get(now[i].row)!.previousRank)).toEqual([2, 1, 1]);
  });
});

describe("the lineage in the rules", () => {
  it("is validated with paths: one entry per agency, a predecessor once per entry", () => {
    const json = clonePreset();
    json.lineage = [
      { name: "Sở Tài chính", from: ["Sở Tài chính", "Sở Kế hoạch và Đầu tư", "SO KE HOACH VA DAU TU"] },
      { name: "sở tài  chính", from: ["Sở Xây dựng"] },
      { name: "Sở Nội vụ", from: [] },
    ];
    const r = validateRules(json);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.path, p.code])).toEqual([
      ["lineage[2].from", "tooFew"],
      ["lineage[0].from[2]", "lineageRepeated"],
      ["lineage[1].name", "lineageDuplicate"],
    ]);
    expect(r.problems[2].message).toBe(
      "Cơ quan “sở tài  chính” đã có ở mục thứ 1 của danh sách sáp nhập: mỗi cơ quan năm nay chỉ có một mục; hãy gộp các tiền thân vào một mục.",
    );
  });

  it("is refused in a version 1 file and kept by a valid one", () => {
    const v1 = { ...clonePreset(), schemaVersion: 1, lineage: [{ name: "A", from: ["B"] }] };
    const r = validateRules(v1);
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toContain("needsVersion2");
    const ok = validateRules({ ...clonePreset(), lineage: [{ name: " Sở Tài chính ", from: ["Sở Kế hoạch và Đầu tư"] }] });
    expect(ok.ok && ok.rules.lineage).toEqual([{ name: "Sở Tài chính", from: ["Sở Kế hoạch và Đầu tư"] }]);
  });
});

describe("rules changed between the years", () => {
  const changed = (patch: (j: RulesJson) => void) => {
    const j = clonePreset();
    patch(j);
    return rulesChanges(j, presetRules());
  };

  it("finds nothing when only the name differs", () => {
    expect(changed((j) => (j.name = "Thái Bình 2019"))).toEqual([]);
  });

  it("names the groups, maxima, weights and classes that changed", () => {
    const c = changed((j) => {
      j.groups[3].maxPoints = 80;
      j.groups.push({ id: "an-toan", name: "An toàn thông tin", aliases: [], maxPoints: 20, notEvaluated: [] });
      j.classes[0].minIndex = "0.80";
    });
    expect(c).toEqual([
      { kind: "groups", detail: "− An toàn thông tin" },
      { kind: "maxima", detail: "Cung cấp DVCTT: 80 → 100" },
      { kind: "classes", detail: "Tốt ≥ 0,8, Khá ≥ 0,7, Trung bình ≥ 0 → Tốt ≥ 0,85, Khá ≥ 0,7, Trung bình ≥ 0" },
    ]);
    const w = changed((j) => j.groups.forEach((g, i) => (g.weight = i === 0 ? "0.5" : "0.1")));
    expect(w.map((x) => x.kind)).toEqual(["weights"]);
    // Last year scored Hạ tầng kỹ thuật on a criteria set, this year on the group's score alone.
    const criteria = changed((j) => (j.groups[0].criteria = docCriteria()));
    expect(criteria).toEqual([{ kind: "criteria", detail: "Hạ tầng kỹ thuật" }]);
  });

  it("a stored rule set that differs gives the finding rulesChangedSinceLastYear on the name header, naming last year", () => {
    const before = clonePreset();
    before.groups[3].maxPoints = 80;
    const values = [["KẾT QUẢ ĐÁNH GIÁ NĂM 2025"], ["STT", "Tên cơ quan"]];
    const result = { rows: NOW, layout: { headerRow: 1, headerTop: 1, nameCol: 1 }, rules: presetRules() };
    const { comparison, finding } = compareYears(values, result, { agencies: LAST, year: 2024, storedRules: before, rankBy: "index" }, unicode);
    expect(comparison.years).toEqual({ current: 2025, previous: 2024 });
    expect(finding).toMatchObject({ code: "rulesChangedSinceLastYear", cell: "B2", severity: "warning" });
    expect(finding!.message).toBe(
      "Ô B2: bộ quy tắc năm 2024 khác bộ quy tắc năm nay (điểm tối đa: Cung cấp DVCTT: 80 → 100). Chỉ số và thứ hạng năm trước được so sánh như đã công bố, không tính lại theo quy tắc năm nay; cột “Xếp hạng năm trước” và “Tăng/giảm” cần đọc với lưu ý này.",
    );
    expect(findingMessage(finding!, "en")).toMatch(/^Cell B2: the rules of 2024 differ from this year's \(maxima: Cung cấp DVCTT: 80 → 100\)/);
    expect(comparisonNotes(comparison, NOW).at(-1)).toMatch(/so sánh như đã công bố/);
    // The same rules, or none stored: no finding.
    expect(compareYears(values, result, { agencies: LAST, year: 2024, storedRules: PRESET_THAI_BINH_2020 }, unicode).finding).toBeNull();
    expect(compareYears(values, result, { agencies: LAST }, unicode).finding).toBeNull();
  });
});

describe("last year's columns read back from the sheet", () => {
  it("takes “sáp nhập” as a merged row and names its predecessors from the rules' lineage", () => {
    const values = [
      ["STT", "Tên cơ quan", "Xếp hạng năm trước", "Tăng/giảm"],
      [1, "Sở Tài chính", 1, "sáp nhập"],
      [2, "Sở Y tế", 1, "▼1"],
    ];
    const rows = [row(0, "Sở Tài chính", 1), row(1, "Sở Y tế", 2)].map((r, i) => ({ ...r, row: i + 1 }));
    const read = comparisonFromSheet(values, { layout: { headerRow: 0 }, rows }, undefined, [
      { name: "Sở Tài chính", from: ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"] },
    ]);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.comparison.byRow.get(1)).toMatchObject({ previousRank: 1, merged: true, from: ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"] });
    expect(read.comparison.byRow.get(2)).toMatchObject({ previousRank: 1, merged: false });
  });

  it("a renamed or split-off row names its one predecessor too (the add-in's annex notes it as the command line's does)", () => {
    const values = [
      ["STT", "Tên cơ quan", "Xếp hạng năm trước", "Tăng/giảm"],
      [1, "Sở Dân tộc và Tôn giáo", 7, "▲6"],
      [2, "Trung tâm Xúc tiến Thương mại", 3, "▲1"],
    ];
    const rows = [row(0, "Sở Dân tộc và Tôn giáo", 1), row(1, "Trung tâm Xúc tiến Thương mại", 2)].map((r, i) => ({ ...r, row: i + 1 }));
    const read = comparisonFromSheet(values, { layout: { headerRow: 0 }, rows }, undefined, LINEAGE);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(comparisonNotes(read.comparison, rows)).toEqual([
      "- Sở Dân tộc và Tôn giáo: năm trước là Ban Dân tộc.",
      "- Trung tâm Xúc tiến Thương mại: năm trước là Sở Công Thương.",
    ]);
  });
});

describe("the “Sáp nhập” sheet and the 2025 list", () => {
  it("reads one predecessor per row, a blank agency continuing the one above, several in a cell with “;”", () => {
    const values = [
      ["DANH SÁCH SÁP NHẬP"],
      ["STT", "CƠ QUAN HIỆN NAY", "Tiền thân"],
      [1, "Sở Tài chính", "Sở Tài chính"],
      [null, "", "Sở Kế hoạch và Đầu tư"],
      [2, "Sở Nông nghiệp và Môi trường", "Sở Nông nghiệp và Phát triển nông thôn; Sở Tài nguyên và Môi trường"],
      [3, "Sở Dân tộc và Tôn giáo", "Ban Dân tộc"],
      [4, "sở tài chính", "Sở Tài chính"],
    ];
    const read = readLineageSheet(values);
    expect(read).toEqual({
      ok: true,
      lineage: [
        { name: "Sở Tài chính", from: ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"] },
        { name: "Sở Nông nghiệp và Môi trường", from: ["Sở Nông nghiệp và Phát triển nông thôn", "Sở Tài nguyên và Môi trường"] },
        { name: "Sở Dân tộc và Tôn giáo", from: ["Ban Dân tộc"] },
      ],
    });
    // Written back and read again: the same lineage.
    const back = readLineageSheet(lineageSheetValues(read.ok ? read.lineage : []));
    expect(back).toEqual(read);
    expect(validateRules({ ...clonePreset(), lineage: read.ok ? read.lineage : [] }).ok).toBe(true);
  });

  it("names the cell of a predecessor without an agency and of an agency without a predecessor", () => {
    const read = readLineageSheet(
      [
        ["Cơ quan hiện nay", "Tiền thân"],
        ["", "Sở Ngoại vụ"],
        ["Sở Nội vụ", ""],
      ],
      { row: 4, col: 1 },
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((p) => say(LINEAGE_MESSAGES, p.code, p as never, "vi"))).toEqual([
      "Ô B6 của trang “Sáp nhập”: tiền thân “Sở Ngoại vụ” chưa có cơ quan hiện nay ở cột “Cơ quan hiện nay”. Hãy ghi cơ quan tiếp nối nó, hoặc xóa dòng nếu cơ quan đã không còn.",
      "Ô C7 của trang “Sáp nhập”: cơ quan “Sở Nội vụ” chưa có tiền thân ở cột “Tiền thân”. Hãy ghi tên cơ quan năm trước mà nó tiếp nối, hoặc xóa dòng.",
    ]);
    expect(readLineageSheet([["Tên", "Ghi chú"]])).toEqual({ ok: false, problems: [{ code: "lineageNoHeaders" }] });
  });

  it("offers the 2025 entries that fit both tables and are not declared, never applying them", () => {
    const now = ["Sở Tài chính", "Sở Xây dựng", "Sở Nội vụ", "Sở Khoa học và Công nghệ", "Sở Y tế", "Sở NN&MT"];
    // Sở Nội vụ: Sở LĐTBXH was not in last year's table (nothing to compare through); Sở KH&CN: declared already.
    const before = [
      "SỞ TÀI CHÍNH",
      "Sở Kế hoạch và Đầu tư",
      "Sở Giao thông vận tải",
      "Sở Xây dựng",
      "Sở Nội vụ",
      "Sở Thông tin và Truyền thông",
      "Sở Y tế",
      "Sở Nông nghiệp và PTNT",
      "Sở TN&MT",
    ];
    const offered = lineage2025Offer(now, before, [{ name: "Sở Khoa học và Công nghệ" }]);
    expect(offered.map((e) => e.name)).toEqual(["Sở Tài chính", "Sở Xây dựng", "Sở NN&MT"]);
    // Named as the two tables write them, abbreviations included.
    expect(offered[2].from).toEqual(["Sở Nông nghiệp và PTNT", "Sở TN&MT"]);
    expect(LINEAGE_2025.map((e) => e.name)).toContain("Sở Nông nghiệp và Môi trường");
    const lineage = withLineage([{ name: "Sở Khoa học và Công nghệ", from: ["Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ"] }], offered);
    expect(lineage.map((e) => e.name)).toEqual(["Sở Khoa học và Công nghệ", "Sở Tài chính", "Sở Xây dựng", "Sở NN&MT"]);
    expect(entryText(offered[0])).toBe("“Sở Tài chính” ← “SỞ TÀI CHÍNH”, “Sở Kế hoạch và Đầu tư”");
  });
});

describe("lineageInUse: the one way every reader takes the lineage", () => {
  const declared = [{ name: "Sở Tài chính", from: ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"] }];
  const accepted = [
    { name: "Sở Tài chính", from: ["Sở Tài chính"] },
    { name: "Sở Xây dựng", from: ["Sở Xây dựng", "Sở GTVT"] },
  ];

  it("without a “Sáp nhập” sheet: the rules' lineage, with the 2025 entries accepted (a declared agency keeps its entry)", () => {
    expect(lineageInUse(null, declared, accepted)).toEqual({ ok: true, fromSheet: false, lineage: [declared[0], accepted[1]] });
  });

  it("with one: the sheet's lineage instead of the rules', with the entries accepted", () => {
    const table = [
      ["Cơ quan hiện nay", "Tiền thân"],
      ["Sở Nội vụ", "Sở LĐTBXH"],
    ];
    expect(lineageInUse(table, declared, accepted)).toEqual({
      ok: true,
      fromSheet: true,
      lineage: [{ name: "Sở Nội vụ", from: ["Sở LĐTBXH"] }, ...accepted],
    });
  });

  it("a sheet that cannot be read is refused in both languages, each problem naming its cell and the fix", () => {
    const used = lineageInUse(
      [
        ["Cơ quan hiện nay", "Tiền thân"],
        ["", "Sở Ngoại vụ"],
        ["Sở Nội vụ", ""],
      ],
      declared,
    );
    expect(used).toEqual({
      ok: false,
      message:
        "Ô A2 của trang “Sáp nhập”: tiền thân “Sở Ngoại vụ” chưa có cơ quan hiện nay ở cột “Cơ quan hiện nay”. Hãy ghi cơ quan tiếp nối nó, hoặc xóa dòng nếu cơ quan đã không còn. Ô B3 của trang “Sáp nhập”: cơ quan “Sở Nội vụ” chưa có tiền thân ở cột “Tiền thân”. Hãy ghi tên cơ quan năm trước mà nó tiếp nối, hoặc xóa dòng.",
      messageEn: expect.stringMatching(/^Cell A2 of the “Sáp nhập” sheet: .* Cell B3 of the “Sáp nhập” sheet: /),
    });
    const noHeaders = lineageInUse([["Tên", "Ghi chú"]], declared);
    expect(!noHeaders.ok && noHeaders.message).toBe(
      "Trang “Sáp nhập” không có dòng tiêu đề “Cơ quan hiện nay” và “Tiền thân” trong 10 dòng đầu. Hãy ghi hai tiêu đề ấy vào ô A1 và B1 (rồi mỗi dòng một cơ quan tiền thân), hoặc đổi tên trang nếu nó không phải danh sách sáp nhập.",
    );
  });
});

describe("what the store keeps of the last comparison (the annex's years and “compared as published”)", () => {
  const before = clonePreset();
  before.groups[3].maxPoints = 80;
  const c = compareYears(
    [["KẾT QUẢ ĐÁNH GIÁ NĂM 2025"], ["STT", "Tên cơ quan"]],
    { rows: NOW, layout: { headerRow: 1, headerTop: 1, nameCol: 1 }, rules: presetRules() },
    { agencies: LAST, year: 2024, storedRules: before, rankBy: "index" },
    unicode,
  ).comparison;
  const record = comparedRecord(c, "Chấm điểm 2025", [{ name: "Sở Tài chính", from: ["Sở Tài chính", "Sở KH&ĐT"] }]);

  it("keeps the sheet, the two years, the rules changed and the 2025 entries used", () => {
    expect(record).toEqual({
      sheet: "Chấm điểm 2025",
      years: { current: 2025, previous: 2024 },
      rulesChanged: [{ kind: "maxima", detail: "Cung cấp DVCTT: 80 → 100" }],
      lineage2025: [{ name: "Sở Tài chính", from: ["Sở Tài chính", "Sở KH&ĐT"] }],
    });
  });

  it("gives them back to the columns read from that sheet, not another", () => {
    const read = { byRow: new Map(), missing: [], added: [] };
    expect(withComparedRecord(read, record, "Chấm điểm 2025")).toMatchObject({ years: { current: 2025, previous: 2024 }, rulesChanged: record.rulesChanged });
    expect(comparisonNotes(withComparedRecord(read, record, "Chấm điểm 2025"), []).at(-1)).toMatch(/so sánh như đã công bố/);
    expect(withComparedRecord(read, record, "Trang khác")).toBe(read);
  });
});

describe("Giải trình through the lineage", () => {
  it("a merged agency's “Năm trước” line names its predecessors; others keep ▲/▼", () => {
    const scored = scoreSheet(referenceSheet(), presetRules());
    if (!scored.ok) throw new Error("the reference grid scores");
    const [merged, plain] = scored.rows;
    const comparison = {
      byRow: new Map([
        [merged.row, { previousRank: 3, rankChange: null, previousName: null, merged: true, from: ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"] }],
        [plain.row, { previousRank: plain.rank! + 2, rankChange: 2, previousName: plain.name, from: [plain.name] }],
      ]),
      missing: [],
      added: [],
    };
    expect(cardText(scored, merged, "vi", comparison).lines).toContain("Năm trước: hạng 3 (sáp nhập: Sở Tài chính, Sở Kế hoạch và Đầu tư).");
    expect(cardText(scored, merged, "en", comparison).lines.join("\n")).toContain("Last year: rank 3 (");
    expect(cardText(scored, merged, "en", comparison).lines.join("\n")).toContain(": Sở Tài chính, Sở Kế hoạch và Đầu tư).");
    expect(cardText(scored, plain, "vi", comparison).lines).toContain(`Năm trước: hạng ${plain.rank! + 2} (▲2).`);
  });
});
