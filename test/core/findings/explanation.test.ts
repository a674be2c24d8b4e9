/** Giải trình as data (explanation.ts): an agency's card as text, its page, the pages in rank order. */
import { buildExplanation, cardText, EXPLAIN_COLUMNS, EXPLAIN_SHEET, isExplanationTitle } from "../../../src/core/findings/explanation";
import { scoreSheet } from "../../../src/core/grid/scoring";
import { presetRules } from "../../../src/core/rules/rules";
import { referenceSheet } from "../../fixtures/reference";

function scored(values: unknown[][] = referenceSheet()) {
  const result = scoreSheet(values, presetRules());
  if (!result.ok) throw new Error(result.error.message);
  return { result, row: (name: string) => result.rows.find((r) => r.name === name)! };
}

describe("cardText on the reference 2020 sheet", () => {
  const { result, row } = scored();

  it("Sở Ngoại vụ: each group's maximum, score, points lost and why; the total on its own maximum (398: Không TTHC)", () => {
    const card = cardText(result, row("Sở Ngoại vụ"), "vi");
    expect(card.headers).toEqual(["Nhóm tiêu chí", "Điểm tối đa", "Điểm đạt", "Điểm chưa đạt", "Ghi chú"]);
    expect(card.groups.map((g) => [g.max, g.score, g.lost])).toEqual([
      ["50", "49", "1"],
      ["100", "74,5", "25,5"],
      ["98", "84,85", "13,15"],
      ["100", "—", "—"],
      ["100", "45", "55"],
      ["50", "35", "15"],
    ]);
    expect(card.groups[2].note).toBe("Đã trừ mục không đánh giá: điều kiện địa lý (2 điểm)");
    expect(card.groups[3].note).toBe("Không chấm (Không TTHC: không có thủ tục hành chính)");
    expect(card.total).toEqual({ group: "Tổng cộng", max: "398", score: "288,35", lost: "109,65", note: "" });
    // Without the ledger, no criteria under the groups.
    expect(card.criteria.flat()).toEqual([]);
  });

  it("its lines: the maximum and why, the index and its rounding, the class band, the distance to the next, the rank and its neighbours", () => {
    expect(cardText(result, row("Sở Ngoại vụ"), "vi").lines).toEqual([
      "Điểm tối đa: 398 điểm = 498 điểm (tổng điểm tối đa chung) − 100 điểm nhóm “Cung cấp DVCTT” (Không TTHC: không có thủ tục hành chính).",
      "Chỉ số: 288,35 ÷ 398 = 0,724 (làm tròn đến 3 chữ số thập phân).",
      "Phân loại: Khá (chỉ số từ 0,70 đến dưới 0,85).",
      "Còn thiếu 49,751 điểm để đạt Tốt.",
      "Xếp hạng: 15 trên 19 cơ quan. Liền trên: 14. Sở Văn hoá, Thể thao và Du lịch (chỉ số 0,726). Liền dưới: 16. Ban Quản lý khu kinh tế và các khu công nghiệp (chỉ số 0,654).",
    ]);
    expect(cardText(result, row("Sở Ngoại vụ"), "en").lines).toEqual([
      "Maximum: 398 points = 498 (the general maximum) − 100 of “Cung cấp DVCTT” (Không TTHC: không có thủ tục hành chính).",
      "Index: 288.35 ÷ 398 = 0.724 (rounded to 3 decimal places).",
      "Class: Khá (index from 0.70 to below 0.85).",
      "49.751 points short of Tốt.",
      "Rank: 15 of 19 agencies. Just above: 14. Sở Văn hoá, Thể thao và Du lịch (index 0.726). Just below: 16. Ban Quản lý khu kinh tế và các khu công nghiệp (index 0.654).",
    ]);
  });

  it("the first agency: the general maximum, the top band open above, no one above it", () => {
    expect(cardText(result, row("Sở Thông tin và Truyền thông"), "vi").lines).toEqual([
      "Điểm tối đa: 498 điểm (tổng điểm tối đa chung).",
      "Chỉ số: 497,1 ÷ 498 = 0,998 (làm tròn đến 3 chữ số thập phân).",
      "Phân loại: Tốt (chỉ số từ 0,85 trở lên).",
      "Đã ở mức cao nhất.",
      "Xếp hạng: 1 trên 19 cơ quan. Liền dưới: 2. Sở Lao động TBXH (chỉ số 0,954).",
    ]);
  });

  it("an agency with a blank score has no result: its groups and total say “—” and its lines say why, with no index, class or rank", () => {
    const values = referenceSheet().map((r) => [...r]);
    const at = values.findIndex((r) => r[1] === "Sở Ngoại vụ");
    values[at][2] = "";
    const again = scored(values);
    const card = cardText(again.result, again.row("Sở Ngoại vụ"), "vi");
    expect(card.groups[0]).toMatchObject({ score: "—", lost: "—" });
    expect(card.total).toMatchObject({ max: "398", score: "—", lost: "—" });
    expect(card.lines).toEqual([
      "Điểm tối đa: 398 điểm = 498 điểm (tổng điểm tối đa chung) − 100 điểm nhóm “Cung cấp DVCTT” (Không TTHC: không có thủ tục hành chính).",
      "Chưa tính được điểm: còn ô điểm trống hoặc không hợp lệ (xem các ô được tô màu trên trang chấm điểm).",
    ]);
  });
});

describe("buildExplanation: one page per agency", () => {
  const { result, row } = scored();

  it("every agency in rank order, a page each starting with its title; five columns on the “Giải trình” sheet", () => {
    const d = buildExplanation(result);
    expect(d.sheetName).toBe(EXPLAIN_SHEET);
    expect(d.columnWidths).toHaveLength(EXPLAIN_COLUMNS);
    expect(d.rows.every((r) => r.cells.length === EXPLAIN_COLUMNS)).toBe(true);
    expect(d.agencies).toHaveLength(19);
    expect(d.agencies).toEqual([...result.rows].sort((a, b) => a.rank! - b.rank!).map((r) => r.name));
    expect(d.pageStarts).toHaveLength(19);
    expect(d.pageStarts.map((at) => d.rows[at].style)).toEqual(d.agencies.map(() => "title"));
    expect(d.pageStarts.map((at) => d.rows[at + 1].cells[0])).toEqual(d.agencies);
    expect(d.rows.filter((r) => r.style === "title")).toHaveLength(19);
  });

  it("a page: title with the year, the agency, the header, a row per group, the total, then the card's lines", () => {
    const d = buildExplanation(result, { year: 2020, only: [row("Sở Ngoại vụ").row] });
    expect(d.agencies).toEqual(["Sở Ngoại vụ"]);
    expect(d.pageStarts).toEqual([0]);
    expect(d.rows.map((r) => r.style)).toEqual([
      "title",
      "agency",
      "blank",
      "header",
      ...result.rules.groups.map(() => "cell"),
      "total",
      "blank",
      ...cardText(result, row("Sở Ngoại vụ"), "vi").lines.map(() => "text"),
    ]);
    expect(d.rows[0].cells[0]).toBe("GIẢI TRÌNH KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG MỨC ĐỘ ỨNG DỤNG CÔNG NGHỆ THÔNG TIN NĂM 2020");
    expect(d.rows[7].cells).toEqual(["Cung cấp DVCTT", "100", "—", "—", "Không chấm (Không TTHC: không có thủ tục hành chính)"]);
    expect(d.rows[10].cells).toEqual(["Tổng cộng", "398", "288,35", "109,65", ""]);
    // A long note or line is given the height of its wrapped lines.
    expect(d.rows[7].height).toBeGreaterThan(d.rows[4].height);
    const lines = d.rows.filter((r) => r.style === "text");
    expect(lines[4].height).toBeGreaterThan(lines[1].height);
  });

  it("the agencies asked for, in rank order whatever the order asked; in English; under another sheet name", () => {
    const d = buildExplanation(result, { only: [row("Sở Ngoại vụ").row, row("Sở Tài chính").row], lang: "en", sheetName: "Giải trình (2)" });
    expect(d.agencies).toEqual(["Sở Tài chính", "Sở Ngoại vụ"]);
    expect(d.sheetName).toBe("Giải trình (2)");
    expect(d.rows[d.pageStarts[1]].cells[0]).toBe("EXPLANATION OF THE IT APPLICATION ASSESSMENT AND RANKING");
    expect(d.rows.find((r) => r.style === "header")!.cells).toEqual(["Criteria group", "Maximum", "Score", "Points lost", "Notes"]);
  });

  it("isExplanationTitle knows a page's title in either language, with or without the year, and nothing else", () => {
    const vi = buildExplanation(result, { year: 2020 }).rows[0].cells[0];
    const en = buildExplanation(result, { lang: "en" }).rows[0].cells[0];
    expect([vi, en].map(isExplanationTitle)).toEqual([true, true]);
    expect(["Sở Ngoại vụ", "", 2020, null, "Giải trình"].map(isExplanationTitle)).toEqual([false, false, false, false, false]);
  });
});
