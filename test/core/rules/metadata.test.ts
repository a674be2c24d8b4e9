import { SHEET_HEADER_2020 } from "../helpers";
import { buildAnnex } from "../../../src/core/sheets/annex";
import {
  completeMetadata,
  completeMetadataWithSource,
  inferYear,
  provinceInTitle,
  provinceMissing,
  titleRowsOf,
  withProvince,
  validateMetadata,
  yearInTitle,
} from "../../../src/core/rules/metadata";
import { presetRules } from "../../../src/core/rules/rules";
import { scoreSheet } from "../../../src/core/grid/scoring";

describe("the forms' deadline", () => {
  const decision = { number: "06/QĐ-UBND", date: "05/01/2021", issuer: "Ủy ban nhân dân tỉnh", year: 2020, subject: "Đánh giá", sheetName: "Phụ lục" };
  it("is optional; when given it must be a real dd/mm/yyyy date, and the message names the field and the fix", () => {
    expect(validateMetadata(decision)).toEqual([]);
    expect(validateMetadata({ ...decision, formsDeadline: "" })).toEqual([]);
    expect(validateMetadata({ ...decision, formsDeadline: "20/12/2020" })).toEqual([]);
    for (const bad of ["31/02/2021", "2020-12-20", "20/12"]) {
      const problems = validateMetadata({ ...decision, formsDeadline: bad });
      expect(problems.map((p) => p.field)).toEqual(["formsDeadline"]);
      expect(problems[0].message).toBe(
        `Hạn gửi phiếu “${bad}” không phải là ngày hợp lệ: hãy nhập ngày dạng dd/mm/yyyy (ví dụ 20/12/2020) hoặc để trống nếu không đặt hạn.`,
      );
    }
  });
  it("is stored with a two-digit day and month, and not at all when empty", () => {
    expect(completeMetadata({ ...decision, formsDeadline: " 5/1/2021 " }).formsDeadline).toBe("05/01/2021");
    expect(completeMetadata({ ...decision, formsDeadline: "  " })).not.toHaveProperty("formsDeadline");
  });
});

describe("the year evaluated", () => {
  test("is the year the grid's title names: “năm 2020” first, else a lone year in a title text", () => {
    expect(yearInTitle([["KẾT QUẢ ĐÁNH GIÁ NĂM 2020"], ["Cập nhật 2021"]])).toBe(2020);
    expect(yearInTitle([["Bảng điểm 2022 – các sở"]])).toBe(2022);
    expect(yearInTitle([[2021, "Bảng điểm"]])).toBeNull(); // a number cell in a title row is not a year
    expect(yearInTitle([["Quyết định 123456"], ["năm 1999"]])).toBeNull();
    expect(yearInTitle([])).toBeNull();
  });

  test("only the rows above the header count", () => {
    const values = [["BẢNG ĐIỂM NĂM 2020"], ["STT", "Tên cơ quan"], ["1", "Sở Tài chính, kế hoạch năm 2025"]];
    expect(yearInTitle(titleRowsOf(values, 1))).toBe(2020);
    expect(yearInTitle(titleRowsOf(values, 0))).toBeNull();
  });

  test("else the year before the decision's, else last year", () => {
    expect(inferYear(2020, "05/01/2021")).toEqual({ year: 2020, source: "title" });
    expect(inferYear(null, "05/01/2021")).toEqual({ year: 2020, source: "decision" });
    expect(inferYear(null, "", new Date("2026-03-01T00:00:00Z"))).toEqual({ year: 2025, source: "default" });
  });

  test("a year given (typed or stored) is kept; a missing one is inferred", () => {
    expect(completeMetadataWithSource({ year: 2018, date: "05/01/2021" }, 2020)).toMatchObject({ meta: { year: 2018 }, yearSource: "given" });
    expect(completeMetadataWithSource({ date: "05/01/2021" }, 2020)).toMatchObject({ meta: { year: 2020 }, yearSource: "title" });
    expect(completeMetadataWithSource({ date: "5/1/2021" })).toMatchObject({ meta: { year: 2020, date: "05/01/2021" }, yearSource: "decision" });
  });
});

describe("the issuer with its province", () => {
  test("is appended after “tỉnh” or “thành phố”, never repeated", () => {
    expect(withProvince("Ủy ban nhân dân tỉnh", "Thái Bình")).toBe("Ủy ban nhân dân tỉnh Thái Bình");
    expect(withProvince("Ủy ban nhân dân tỉnh", "tỉnh Thái Bình")).toBe("Ủy ban nhân dân tỉnh Thái Bình");
    expect(withProvince("Ủy ban nhân dân thành phố", "Hải Phòng")).toBe("Ủy ban nhân dân thành phố Hải Phòng");
    expect(withProvince("Ủy ban nhân dân tỉnh Thái Bình", "Thái Bình")).toBe("Ủy ban nhân dân tỉnh Thái Bình");
    expect(withProvince("Ủy ban nhân dân tỉnh", "")).toBe("Ủy ban nhân dân tỉnh");
  });

  test("is missing only when the annex would end the issuer at “tỉnh”", () => {
    expect(provinceMissing(completeMetadata({ issuer: "Ủy ban nhân dân tỉnh" }))).toBe(true);
    expect(provinceMissing(completeMetadata({ issuer: "Ủy ban nhân dân tỉnh", province: "Thái Bình" }))).toBe(false);
    expect(provinceMissing(completeMetadata({ issuer: "Ủy ban nhân dân tỉnh Thái Bình" }))).toBe(false);
  });

  test("the annex names it in the subject and in the “Kèm theo” line; prints with NĐ 30 margins and page numbers from page 2", () => {
    const values = [[...SHEET_HEADER_2020], [1, "Sở Tài chính", 40, 80, 80, 80, 80, 40, ""]];
    const scored = scoreSheet(values, presetRules());
    if (!scored.ok) throw new Error(scored.error.message);
    const meta = completeMetadata({ number: "06/QĐ-UBND", date: "05/01/2021", issuer: "Ủy ban nhân dân tỉnh", province: "Thái Bình", year: 2020 });
    const annex = buildAnnex(presetRules(), scored.rows, meta);
    const text = (row: number) => annex.cells.find((c) => c.row === row && c.col === 0)!.text;
    expect(text(1)).toBe(
      "Đánh giá, xếp hạng ứng dụng công nghệ thông tin trong hoạt động của các sở, ban, ngành thuộc Ủy ban nhân dân tỉnh Thái Bình năm 2020",
    );
    expect(text(2)).toBe("(Kèm theo Quyết định số 06/QĐ-UBND ngày 05/01/2021 của Ủy ban nhân dân tỉnh Thái Bình)");
    const m = annex.print.margins;
    expect(m.left).toBeGreaterThanOrEqual(3);
    expect(m.left).toBeLessThanOrEqual(3.5);
    expect(m.right).toBeGreaterThanOrEqual(1.5);
    expect(m.right).toBeLessThanOrEqual(2);
    for (const v of [m.top, m.bottom]) expect(v >= 2 && v <= 2.5).toBe(true);
    expect(annex.print.pageNumbers).toEqual({ where: "centerHeader", code: "&P", firstPage: false });
  });
});

describe("provinceInTitle: the province the grid's title names", () => {
  test.each([
    [[["KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG ỨNG DỤNG CNTT NĂM 2020"], ["Các sở, ban, ngành thuộc UBND tỉnh Thái Bình"]], "Thái Bình"],
    [[["KẾT QUẢ ĐÁNH GIÁ CÁC SỞ, NGÀNH TỈNH THÁI BÌNH NĂM 2020"]], "Thái Bình"],
    [[["Xếp hạng ứng dụng CNTT các sở thành phố Hồ Chí Minh năm 2024"]], "Hồ Chí Minh"],
    [[["Các cơ quan tỉnh Bà Rịa - Vũng Tàu, năm 2023"]], "Bà Rịa - Vũng Tàu"],
    [[["Kết quả tỉnh Nam Định."], ["tỉnh Hà Nam"]], "Nam Định"],
  ])("%j → %s", (rows, province) => {
    expect(provinceInTitle(rows)).toBe(province);
  });

  test.each([[[["KẾT QUẢ ĐÁNH GIÁ NĂM 2020"]]], [[["các sở của tỉnh năm 2020"]]], [[[2020, null]]], [[]]])("%j names none", (rows) => {
    expect(provinceInTitle(rows)).toBeNull();
  });
});
