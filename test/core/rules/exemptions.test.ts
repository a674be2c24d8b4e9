import { formatVi } from "../../../src/core/base/decimal";
import { presetRules } from "../../../src/core/rules/rules";
import { scoreSheet } from "../../../src/core/grid/scoring";
import { containsKeyword, matchKey } from "../../../src/core/text/text";
import { simpleSheet } from "../helpers";

const DVCTT = 3; // index of "Cung cấp DVCTT" in the preset
const scoresWithDvctt = (dvctt: unknown): unknown[] => [40, 80, 80, dvctt, 80, 40];

function one(notes: unknown, dvctt: unknown = 0) {
  const result = scoreSheet(simpleSheet([{ name: "Sở A", scores: scoresWithDvctt(dvctt), notes }]), presetRules());
  if (!result.ok) throw new Error(result.error.message);
  return { row: result.rows[0], findings: result.findings };
}

describe("text matching", () => {
  it("matchKey drops case, accents, đ, punctuation and extra spaces; keeps /", () => {
    expect(matchKey("  KHÔNG   TTHC. ")).toBe("khong tthc");
    expect(matchKey("Đơn vị")).toBe("don vi");
    expect(matchKey("Trang / Cổng\nthông tin điện tử")).toBe("trang/cong thong tin dien tu");
    expect(matchKey("Cơ chế, chính sách")).toBe("co che chinh sach");
    // NFD input (macOS, some PDFs) is the same as NFC
    expect(matchKey("Không TTHC".normalize("NFD"))).toBe("khong tthc");
  });

  it("containsKeyword finds whole words only", () => {
    expect(containsKeyword("Đơn vị không TTHC năm 2020", "Không TTHC")).toBe(true);
    expect(containsKeyword("(Không TTHC)", "Không TTHC")).toBe(true);
    expect(containsKeyword("Không TTHCX", "Không TTHC")).toBe(false);
    expect(containsKeyword("KhôngTTHC", "Không TTHC")).toBe(false);
    expect(containsKeyword("anything", "")).toBe(false);
  });
});

describe("exemptions (Không TTHC → not scored on Cung cấp DVCTT, maximum 398)", () => {
  it.each([
    "Không TTHC",
    "không tthc",
    "KHÔNG TTHC",
    "Khong TTHC",
    "  không   TTHC  ",
    "Không TTHC.",
    "Đơn vị không TTHC trong năm 2020",
    "Ghi chú: (Không TTHC); xem công văn 12/CV",
    "Không\nTTHC",
    "Không TTHC".normalize("NFD"),
  ])("note %p exempts the agency", (notes) => {
    const { row, findings } = one(notes);
    expect(row.exemptGroups).toEqual([DVCTT]);
    expect(row.exemptKeyword).toBe("Không TTHC");
    expect(formatVi(row.maxPoints!)).toBe("398");
    expect(formatVi(row.total!)).toBe("320");
    expect(formatVi(row.index!, 3)).toBe("0,804");
    expect(row.scores[DVCTT]).toBeNull();
    expect(findings).toEqual([]);
  });

  it.each(["", "Có TTHC", "Không TTHCX", "TTHC", "Không có", 42])("note %p does not exempt", (notes) => {
    const { row } = one(notes, 80);
    expect(row.exemptGroups).toEqual([]);
    expect(row.exemptKeyword).toBeNull();
    expect(formatVi(row.maxPoints!)).toBe("498");
    expect(formatVi(row.total!)).toBe("400");
  });

  it("a blank exempt cell is fine (no finding, scored on 398)", () => {
    for (const blank of ["", null, undefined, "  "]) {
      const { row, findings } = one("Không TTHC", blank);
      expect(findings).toEqual([]);
      expect(formatVi(row.total!)).toBe("320");
      expect(formatVi(row.maxPoints!)).toBe("398");
    }
  });

  it("an exempt agency with a non-zero score in the exempt group: exemptNonZero error, the score is not counted", () => {
    const { row, findings } = one("Không TTHC", 75.5);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f).toMatchObject({
      code: "exemptNonZero",
      severity: "error",
      cell: "F2",
      row: 1,
      col: 5,
      agency: "Sở A",
      group: "Cung cấp DVCTT",
      value: "75,5",
      detail: "Không TTHC",
    });
    expect(f.message).toBe(
      "Ô F2: Sở A được miễn chấm “Cung cấp DVCTT” (ghi chú “Không TTHC”) nhưng có 75,5 điểm. Điểm này không được tính; hãy để 0, hoặc bỏ ghi chú nếu cơ quan có chấm nhóm này.",
    );
    expect(formatVi(row.total!)).toBe("320");
    expect(formatVi(row.maxPoints!)).toBe("398");
    expect(row.scores[DVCTT]).toBeNull();
  });

  it("a text score in the exempt group is reported too (as text “75,5”) and not counted", () => {
    const { row, findings } = one("Không TTHC", "75,5");
    expect(findings.map((f) => f.code)).toEqual(["exemptNonZero"]);
    expect(formatVi(row.total!)).toBe("320");
  });

  it("the note keyword is read from Ghi chú only, not from the agency's name", () => {
    const result = scoreSheet(simpleSheet([{ name: "Sở Không TTHC", scores: scoresWithDvctt(80) }]), presetRules());
    if (!result.ok) throw new Error("grid");
    expect(result.rows[0].exemptGroups).toEqual([]);
  });

  it("three exempt agencies of the published annex: 398 each, the rest 498", () => {
    const result = scoreSheet(
      simpleSheet([
        { name: "Văn phòng UBND tỉnh", scores: [50, 85.7, 82, 0, 70, 55], notes: "Không TTHC" },
        { name: "Sở Ngoại vụ", scores: [49, 74.5, 84.85, 0, 45, 35], notes: "Không TTHC" },
        { name: "Thanh tra tỉnh", scores: [50, 71.1, 83.2, 0, 23, 30], notes: "Không TTHC" },
        { name: "Sở Tư pháp", scores: [48, 75, 77.5, 98.4, 40, 35] },
      ]),
      presetRules(),
    );
    if (!result.ok) throw new Error("grid");
    expect(result.rows.map((r) => [formatVi(r.total!), formatVi(r.maxPoints!), formatVi(r.index!, 3)])).toEqual([
      ["342,7", "398", "0,861"],
      ["288,35", "398", "0,724"],
      ["257,3", "398", "0,646"],
      ["373,9", "498", "0,751"],
    ]);
  });
});
