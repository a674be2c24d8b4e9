import { inspectSelection, onSelectionChanged, SelectionInfo } from "../../src/excel/card";
import { runScoring } from "../../src/excel/scoring";
import { referenceDouble } from "./helpers";

let restore: () => void = () => undefined;
afterEach(() => restore());

/** Row of an agency on the reference sheet (the grid's first agency is on row 5). */
const rowOf = (ws: ReturnType<typeof referenceDouble>["ws"], name: string) => ws.getValues("B5:B23").findIndex((r) => r[0] === name) + 5;

describe.each([4, 20])("the agency card and stale results on selection change (ExcelApi 1.%i)", (apiLevel) => {
  it("selecting a cell in Sở Y tế's row gives its card, in one sync; outside the grid, none", async () => {
    const setup = referenceDouble(apiLevel);
    restore = setup.restore;
    await runScoring("pane");
    const seen: (SelectionInfo | null)[] = [];
    let pending: Promise<void> = Promise.resolve();
    const off = onSelectionChanged(() => {
      pending = inspectSelection().then((i) => void seen.push(i));
    });
    const yte = rowOf(setup.ws, "Sở Y tế");
    setup.double.stats.reset();
    setup.double.select(`E${yte}`);
    await pending;
    expect(setup.double.stats.syncs).toBe(1);
    const card = seen[0]!.card!;
    expect(card.vi.name).toBe("Sở Y tế");
    expect(card.vi.groups.map((g) => [g.group, g.score, g.lost])).toContainEqual(["Cơ chế, chính sách", "60", "40"]);
    expect(card.vi.total).toMatchObject({ max: "498", score: "422,85", lost: "75,15" });
    expect(card.vi.lines).toEqual([
      "Điểm tối đa: 498 điểm (tổng điểm tối đa chung).",
      "Chỉ số: 422,85 ÷ 498 = 0,849 (làm tròn đến 3 chữ số thập phân).",
      "Phân loại: Khá (chỉ số từ 0,70 đến dưới 0,85).",
      "Còn thiếu 0,201 điểm để đạt Tốt.",
      "Xếp hạng: 8 trên 19 cơ quan. Liền trên: 7. Sở Giao thông Vận tải (chỉ số 0,858). Liền dưới: 9. Sở Nội vụ (chỉ số 0,828).",
    ]);
    expect(card.en.lines[3]).toBe("0.201 points short of Tốt.");
    expect(seen[0]!.stale).toBeNull();

    setup.double.select("A1");
    await pending;
    expect(seen[1]!.card).toBeNull();

    off();
    setup.double.select(`E${yte}`);
    await pending;
    expect(seen).toHaveLength(2);
  });

  it("a score typed after “Tính điểm” (Enter moves the selection) is noticed as stale, naming the agency", async () => {
    const setup = referenceDouble(apiLevel);
    restore = setup.restore;
    await runScoring("pane");
    const yte = rowOf(setup.ws, "Sở Y tế");
    setup.ws.setValues(`G${yte}`, [[100]]);
    setup.double.select(`G${yte + 1}`);
    const info = (await inspectSelection())!;
    expect(info.stale!.agencies).toContain("Sở Y tế");
    expect(info.stale!.cells).toEqual(expect.arrayContaining([`J${yte}`, `K${yte}`, `L${yte}`, `M${yte}`]));
    expect(info.stale!.message).toContain("Hãy tính lại trước khi tạo phụ lục");
  });

  it("before any “Tính điểm” the card is there and nothing is stale", async () => {
    const setup = referenceDouble(apiLevel);
    restore = setup.restore;
    setup.double.select(`B${rowOf(setup.ws, "Sở Ngoại vụ")}`);
    const info = (await inspectSelection())!;
    expect(info.stale).toBeNull();
    expect(info.card!.vi.lines[0]).toBe(
      "Điểm tối đa: 398 điểm = 498 điểm (tổng điểm tối đa chung) − 100 điểm nhóm “Cung cấp DVCTT” (Không TTHC: không có thủ tục hành chính).",
    );
  });
});
