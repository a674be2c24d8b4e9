/** @jest-environment jsdom */
import * as React from "react";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import type { FindingView } from "../../src/excel/types";
import type { SelectionInfo } from "../../src/excel/index";
import { AgencyCriterion, cardText } from "../../src/core/findings/explanation";
import { Dec, fromNumber } from "../../src/core/base/decimal";
import { presetRules } from "../../src/core/rules/rules";
import { scoreSheet } from "../../src/core/grid/scoring";
import { referenceSheet } from "../fixtures/reference";
import { finding55, installShims, scoringDone, settings, SHEET, fakeApi, waitIdle } from "./helpers";

let mocked = fakeApi();

const IF_VI = "Nếu sửa 55 → 50: Tổng 337,7; Chỉ số 0,848; Khá (thay vì Tốt); hạng 8 (thay vì 6).";
const IF_EN = "Correcting 55 → 50: Total 337.7; Index 0.848; Khá (instead of Tốt); rank 8 (instead of 6).";
const withCorrection: FindingView = { ...finding55, ifCorrected: IF_VI, ifCorrectedEn: IF_EN };
const DECIDED = {
  number: "06/QĐ-UBND",
  date: "05/01/2021",
  issuer: "Ủy ban nhân dân tỉnh",
  province: "Thái Bình",
  year: 2020,
  subject: "Đánh giá",
  sheetName: "Phụ lục",
};

beforeAll(installShims);
beforeEach(() => {
  mocked = fakeApi();
  jest.clearAllMocks();
  mocked.loadSettings.mockResolvedValue(settings({ decision: DECIDED }));
  mocked.saveDecision.mockResolvedValue({ ok: true });
});

test.each([
  ["vi", IF_VI, "Tính điểm"],
  ["en", IF_EN, "Score"],
] as const)("the finding in the pane says what correcting it changes (%s)", async (lang, text, button) => {
  mocked.runScoring.mockResolvedValue(scoringDone([withCorrection]));
  const user = userEvent.setup({ delay: null });
  render(<App api={mocked} lang={lang} />);
  await waitIdle(); // settings read (the pane is not busy any more)
  await user.click(screen.getByRole("button", { name: button }));
  const item = await screen.findByRole("button", { name: /H10/ });
  expect(item).toHaveTextContent(text);
});

async function openAnnex() {
  const user = userEvent.setup({ delay: null });
  render(<App api={mocked} lang="vi" />);
  await waitIdle(); // settings read (the pane is not busy any more)
  await user.click(await screen.findByRole("tab", { name: "Phụ lục" }));
  // The tab loads on first use. Wait for the stored decision in the form and for the pane to be idle
  // (nothing busy, so the button takes the click) before clicking.
  await screen.findByRole("button", { name: "Tạo phụ lục" });
  await screen.findByDisplayValue(DECIDED.number);
  await waitFor(() => expect(screen.getByRole("main")).toHaveAttribute("aria-busy", "false"));
  return user;
}

test("the confirmation before an annex with errors says what correcting each would change", async () => {
  mocked.generateAnnex.mockResolvedValueOnce({ kind: "needsConfirmation", message: "…", messageEn: "…", errors: [withCorrection] });
  const user = await openAnnex();
  await user.click(screen.getByRole("button", { name: "Tạo phụ lục" }));
  const dialog = await screen.findByRole("alertdialog", { name: "Bảng điểm còn lỗi" });
  expect(dialog).toHaveTextContent(IF_VI);
});

test("stale results: Tạo phụ lục makes nothing, says why, and offers to score again first, then makes the annex", async () => {
  mocked.generateAnnex
    .mockResolvedValueOnce({
      kind: "stale",
      message: "Kết quả trên trang tính không khớp với điểm hiện tại của 1 cơ quan (Sở Y tế; ô J12, K12, L12, M12)…",
      messageEn: "…",
      agencies: ["Sở Y tế"],
      cells: ["J12", "K12", "L12", "M12"],
    })
    .mockResolvedValueOnce({
      kind: "done",
      sheetName: "Phụ lục",
      collided: false,
      manualPrintSteps: [],
      errorsIncluded: 0,
      undo: { action: "annex", at: "2021-01-04T03:42:00.000Z", sheet: "Phụ lục" },
    });
  mocked.runScoring.mockResolvedValue(scoringDone([]));
  const user = await openAnnex();
  await user.click(screen.getByRole("button", { name: "Tạo phụ lục" }));
  const notice = await screen.findByRole("group", { name: "Kết quả trên trang tính đã cũ" });
  expect(notice).toHaveTextContent("Sở Y tế; ô J12, K12, L12, M12");
  expect(mocked.runScoring).not.toHaveBeenCalled();
  await user.click(screen.getByRole("button", { name: "Tính điểm lại rồi tạo phụ lục" }));
  await waitFor(() => expect(mocked.generateAnnex).toHaveBeenCalledTimes(2));
  expect(mocked.runScoring).toHaveBeenCalledWith("pane");
  // Scored before the second attempt.
  expect(mocked.runScoring.mock.invocationCallOrder[0]).toBeLessThan(mocked.generateAnnex.mock.invocationCallOrder[1]);
  expect(await screen.findByText("Đã tạo phụ lục trên trang “Phụ lục”.")).toBeInTheDocument();
  expect(screen.queryByRole("group", { name: "Kết quả trên trang tính đã cũ" })).not.toBeInTheDocument();
});

describe("the agency card on selection change", () => {
  const result = scoreSheet(referenceSheet(), presetRules());
  if (!result.ok) throw new Error("reference");
  const yte = result.rows.find((r) => r.name === "Sở Y tế")!;
  const info = (stale: SelectionInfo["stale"] = null): SelectionInfo => ({
    sheet: SHEET,
    card: { vi: cardText(result, yte, "vi"), en: cardText(result, yte, "en") },
    stale,
  });

  async function openWithSelection(lang: "vi" | "en", value: SelectionInfo | null) {
    let fire: () => void = () => undefined;
    mocked.onSelectionChanged.mockImplementation((h) => {
      fire = h;
      return () => undefined;
    });
    mocked.inspectSelection.mockResolvedValue(value);
    render(<App api={mocked} lang={lang} />);
    await waitFor(() => expect(mocked.onSelectionChanged).toHaveBeenCalled());
    // The pane has read the workbook's settings (it is not busy any more).
    await waitFor(() => expect(screen.getByRole("main")).toHaveAttribute("aria-busy", "false"), { timeout: 10000 });
    return async () => {
      act(() => fire());
      await waitFor(() => expect(mocked.inspectSelection).toHaveBeenCalled());
    };
  }

  test("selecting a cell in Sở Y tế's row shows its card: groups with points lost, class and distance to the next, rank and neighbours", async () => {
    const select = await openWithSelection("vi", info());
    expect(screen.getByText(/Chọn một ô trên dòng của một cơ quan/)).toBeInTheDocument();
    await select();
    const card = await screen.findByRole("region", { name: "Sở Y tế" });
    const table = within(card).getByRole("table", { name: "Điểm từng nhóm của Sở Y tế" });
    expect(within(table).getByRole("row", { name: /Cơ chế, chính sách 100 60 40/ })).toBeInTheDocument();
    expect(within(table).getByRole("row", { name: /Tổng cộng 498 422,85 75,15/ })).toBeInTheDocument();
    expect(card).toHaveTextContent("Còn thiếu 0,201 điểm để đạt Tốt.");
    expect(card).toHaveTextContent("Xếp hạng: 8 trên 19 cơ quan. Liền trên: 7. Sở Giao thông Vận tải");
    expect(mocked.inspectSelection).toHaveBeenCalledTimes(1);
  });

  test("with a ledger, the card's criteria under their groups in a disclosure opened by the keyboard: maximum, self-assessed, appraised, points, the council's comment", async () => {
    const d = (x: number) => fromNumber(x) as Dec;
    const group = result.rules.groups[4].id;
    const criteria: AgencyCriterion[] = [
      { leaf: { id: "5.1", name: "Kế hoạch ứng dụng CNTT", max: d(60), groupId: group }, self: d(60), appraised: null, points: d(60), comment: "" },
      {
        leaf: { id: "5.4", name: "Cơ chế, chính sách khác", max: d(40), groupId: group },
        self: d(5),
        appraised: d(0),
        points: d(0),
        comment: "Chưa có văn bản kèm theo",
      },
    ];
    const withCriteria = {
      sheet: SHEET,
      card: { vi: cardText(result, yte, "vi", null, criteria), en: cardText(result, yte, "en", null, criteria) },
      stale: null,
    };
    const select = await openWithSelection("vi", withCriteria);
    await select();
    const card = await screen.findByRole("region", { name: "Sở Y tế" });
    const user = userEvent.setup({ delay: null });
    const summary = within(card).getByText("Tiêu chí: 2 tiêu chí, 1 tiêu chí chưa đạt điểm tối đa");
    summary.focus();
    await user.keyboard("{Enter}");
    const table = within(card).getByRole("table", { name: "Điểm từng tiêu chí của Sở Y tế (tự chấm, thẩm định)" });
    expect(within(table).getByRole("columnheader", { name: "Thẩm định" })).toBeInTheDocument();
    expect(within(table).getByRole("columnheader", { name: "Cơ chế, chính sách" })).toBeInTheDocument();
    expect(within(table).getByRole("row", { name: /5\.4 Cơ chế, chính sách khác.*Ý kiến thẩm định: Chưa có văn bản kèm theo 40 5 0 0/ })).toBeInTheDocument();
    expect(within(table).getByRole("row", { name: /5\.1 Kế hoạch ứng dụng CNTT 60 60 — 60/ })).toBeInTheDocument();
  });

  test("in English", async () => {
    const select = await openWithSelection("en", info());
    await select();
    const card = await screen.findByRole("region", { name: "Sở Y tế" });
    expect(card).toHaveTextContent("0.201 points short of Tốt.");
  });

  test("a stale sheet is noticed as soon as the selection moves, and the notice goes once scored again", async () => {
    const stale = {
      agencies: ["Sở Y tế"],
      cells: ["J12"],
      message: "Kết quả trên trang tính không khớp với điểm hiện tại của 1 cơ quan (Sở Y tế; ô J12)…",
      messageEn: "…",
    };
    const select = await openWithSelection("vi", info(stale));
    await select();
    expect(await screen.findByText(/không khớp với điểm hiện tại của 1 cơ quan \(Sở Y tế; ô J12\)/)).toBeInTheDocument();
    mocked.runScoring.mockResolvedValue(scoringDone([]));
    await userEvent.setup({ delay: null }).click(screen.getByRole("button", { name: "Tính điểm" }));
    await waitFor(() => expect(screen.queryByText(/không khớp với điểm hiện tại/)).not.toBeInTheDocument());
  });

  test("where Excel has sheet change events, an edited score shows the stale notice at once, without a selection change", async () => {
    mocked.onSelectionChanged.mockImplementation(() => () => undefined);
    const stale = {
      agencies: ["Sở Y tế"],
      cells: ["J12"],
      message: "Kết quả trên trang tính không khớp với điểm hiện tại của 1 cơ quan (Sở Y tế; ô J12)…",
      messageEn: "…",
    };
    mocked.inspectSelection.mockResolvedValue(info(stale));
    const view = render(<App api={mocked} lang="vi" />);
    // Subscribed on opening, in the same call as the settings (one batch: api.openPane).
    await waitFor(() => expect(mocked.openPane).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.getByRole("main")).toHaveAttribute("aria-busy", "false"), { timeout: 10000 });
    expect(screen.queryByText(/không khớp với điểm hiện tại/)).not.toBeInTheDocument();
    act(() => mocked.editCells());
    expect(await screen.findByText(/không khớp với điểm hiện tại của 1 cơ quan \(Sở Y tế; ô J12\)/)).toBeInTheDocument();
    view.unmount();
    expect(mocked.stopListening).toHaveBeenCalled();
  });
});

describe("Giải trình from the pane", () => {
  test("every agency, or only the selected ones; the outcome is said, with the manual steps when pages cannot be set", async () => {
    mocked.createExplanation
      .mockResolvedValueOnce({
        kind: "done",
        sheetName: "Giải trình",
        agencies: 19,
        pageBreaks: true,
        undo: { action: "explain", at: "2021-01-04T03:42:00.000Z", sheet: "Giải trình" },
      })
      .mockResolvedValueOnce({
        kind: "done",
        sheetName: "Giải trình (2)",
        agencies: 2,
        pageBreaks: false,
        undo: { action: "explain", at: "2021-01-04T03:43:00.000Z", sheet: "Giải trình (2)" },
      })
      .mockResolvedValueOnce({ kind: "refused", message: "Vùng đang chọn không có dòng nào của một cơ quan. Hãy chọn…", messageEn: "…", cells: [] });
    const user = userEvent.setup({ delay: null });
    render(<App api={mocked} lang="vi" />);
    await waitFor(() => expect(screen.getByRole("main")).toHaveAttribute("aria-busy", "false"), { timeout: 10000 });
    const section = await screen.findByRole("region", { name: "Giải trình" });
    await user.click(within(section).getByRole("button", { name: "Giải trình tất cả cơ quan" }));
    expect(mocked.createExplanation).toHaveBeenLastCalledWith({ selectedOnly: false });
    expect(await within(section).findByText("Đã tạo trang “Giải trình”: 19 cơ quan, mỗi cơ quan một trang.")).toBeInTheDocument();
    // Undoable once, like every write: the undo bar says so.
    expect(screen.getByText(/^Hoàn tác lần “Giải trình” lúc \d\d:42\.$/)).toBeInTheDocument();
    await user.click(within(section).getByRole("button", { name: "Giải trình cơ quan đang chọn" }));
    expect(mocked.createExplanation).toHaveBeenLastCalledWith({ selectedOnly: true });
    expect(await within(section).findByText(/Đã tạo trang “Giải trình \(2\)”: 2 cơ quan/)).toBeInTheDocument();
    expect(within(section).getByText(/hãy chèn ngắt trang trước tiêu đề của mỗi cơ quan/)).toBeInTheDocument();
    await user.click(within(section).getByRole("button", { name: "Giải trình cơ quan đang chọn" }));
    expect(await within(section).findByText(/Vùng đang chọn không có dòng nào của một cơ quan/)).toBeInTheDocument();
  });
});

describe("the chart of the indices from the pane", () => {
  test("next to Giải trình: made, or made with the thresholds as columns (and how to change them), or refused with the reason", async () => {
    mocked.createChart
      .mockResolvedValueOnce({
        kind: "done",
        sheetName: "Biểu đồ",
        agencies: 19,
        bandLines: true,
        undo: { action: "chart", at: "2021-01-04T03:42:00.000Z", sheet: "Biểu đồ" },
      })
      .mockResolvedValueOnce({
        kind: "done",
        sheetName: "Biểu đồ (2)",
        agencies: 19,
        bandLines: false,
        undo: { action: "chart", at: "2021-01-04T03:45:00.000Z", sheet: "Biểu đồ (2)" },
      })
      .mockResolvedValueOnce({
        kind: "refused",
        message: "Kết quả trên trang tính không khớp với điểm hiện tại của 1 cơ quan (Sở Y tế; ô J12)",
        messageEn: "…",
        cells: ["J12"],
      });
    const user = userEvent.setup({ delay: null });
    render(<App api={mocked} lang="vi" />);
    await waitFor(() => expect(screen.getByRole("main")).toHaveAttribute("aria-busy", "false"), { timeout: 10000 });
    const section = await screen.findByRole("region", { name: "Giải trình" });
    await user.click(within(section).getByRole("button", { name: "Biểu đồ chỉ số" }));
    expect(mocked.createChart).toHaveBeenCalledTimes(1);
    expect(
      await within(section).findByText(/Đã tạo trang “Biểu đồ”: biểu đồ cột chỉ số của 19 cơ quan theo thứ hạng.*Xóa trang này là xóa biểu đồ/),
    ).toBeInTheDocument();
    expect(within(section).queryByText(/các ngưỡng phân loại hiện thành cột/)).toBeNull();
    // The chart can be undone once, like every write: the undo bar says so.
    expect(screen.getByText(/^Hoàn tác lần “Biểu đồ chỉ số” lúc \d\d:42\.$/)).toBeInTheDocument();
    await user.click(within(section).getByRole("button", { name: "Biểu đồ chỉ số" }));
    expect(await within(section).findByText(/Đã tạo trang “Biểu đồ \(2\)”/)).toBeInTheDocument();
    expect(within(section).getByText(/các ngưỡng phân loại hiện thành cột/)).toBeInTheDocument();
    expect(within(section).queryByText(/đường ngang/)).toBeNull();
    expect(within(section).getAllByRole("group")).toHaveLength(1);
    expect(section).not.toHaveTextContent(/ExcelApi/);
    await user.click(within(section).getByRole("button", { name: "Biểu đồ chỉ số" }));
    expect(await within(section).findByText("Chưa vẽ được biểu đồ")).toBeInTheDocument();
    expect(within(section).getByText(/Sở Y tế; ô J12/)).toBeInTheDocument();
  });

  test("in English: the button, the outcome and the refusal in English", async () => {
    mocked.createChart
      .mockResolvedValueOnce({
        kind: "done",
        sheetName: "Biểu đồ",
        agencies: 1,
        bandLines: false,
        undo: { action: "chart", at: "2021-01-04T03:42:00.000Z", sheet: "Biểu đồ" },
      })
      .mockResolvedValueOnce({ kind: "refused", message: "Trang tính “Ghi chép”: …", messageEn: "Sheet “Ghi chép”: no score table", cells: [] });
    const user = userEvent.setup({ delay: null });
    render(<App api={mocked} lang="en" />);
    await waitFor(() => expect(screen.getByRole("main")).toHaveAttribute("aria-busy", "false"), { timeout: 10000 });
    const section = await screen.findByRole("region", { name: "Explanation (Giải trình)" });
    await user.click(within(section).getByRole("button", { name: "Chart of the indices" }));
    expect(await within(section).findByText(/Sheet “Biểu đồ” made: a column chart of 1 agency's indices as ranked/)).toBeInTheDocument();
    // One notice, no pair contradicting each other (lines and columns), and no API level named.
    expect(within(section).getByText(/the class thresholds shown as columns/)).toBeInTheDocument();
    expect(within(section).queryByText(/horizontal lines/)).toBeNull();
    expect(section).not.toHaveTextContent(/ExcelApi/);
    expect(screen.getByText(/^Undo the last “Chart of the indices” at \d\d:42\.$/)).toBeInTheDocument();
    await user.click(within(section).getByRole("button", { name: "Chart of the indices" }));
    expect(await within(section).findByText("Sheet “Ghi chép”: no score table")).toBeInTheDocument();
  });
});

describe("Giải trình and the chart follow the sheet scored last", () => {
  test.each(["vi", "en"] as const)("after Giải trình opened its own sheet, the chart is asked of the sheet scored last (%s)", async (lang) => {
    mocked.runScoring.mockResolvedValue(scoringDone([]));
    mocked.createExplanation.mockResolvedValue({
      kind: "done",
      sheetName: "Giải trình",
      agencies: 19,
      pageBreaks: true,
      undo: { action: "explain", at: "2021-01-04T03:42:00.000Z", sheet: "Giải trình" },
    });
    mocked.createChart.mockResolvedValue({
      kind: "done",
      sheetName: "Biểu đồ",
      agencies: 19,
      bandLines: true,
      undo: { action: "chart", at: "2021-01-04T03:43:00.000Z", sheet: "Biểu đồ" },
    });
    const user = userEvent.setup({ delay: null });
    render(<App api={mocked} lang={lang} />);
    await waitIdle();
    await user.click(screen.getByRole("button", { name: lang === "vi" ? "Tính điểm" : "Score" }));
    const section = await screen.findByRole("region", { name: lang === "vi" ? "Giải trình" : "Explanation (Giải trình)" });
    await waitIdle();
    await user.click(within(section).getByRole("button", { name: lang === "vi" ? "Giải trình tất cả cơ quan" : "Explain every agency" }));
    expect(mocked.createExplanation).toHaveBeenLastCalledWith({ selectedOnly: false, sheet: SHEET });
    await waitIdle();
    await user.click(within(section).getByRole("button", { name: lang === "vi" ? "Biểu đồ chỉ số" : "Chart of the indices" }));
    expect(mocked.createChart).toHaveBeenLastCalledWith({ sheet: SHEET });
  });

  test.each([
    ["vi", "Đến trang “Bảng điểm”"],
    ["en", "Go to “Bảng điểm”"],
  ] as const)("refused because the rows selected are not on the score sheet: a short message and a button to go there (%s)", async (lang, goTo) => {
    mocked.loadSettings.mockResolvedValue(settings({ decision: DECIDED, lastRun: scoringDone([]).run }));
    mocked.createExplanation.mockResolvedValue({
      kind: "refused",
      message:
        "Đang mở trang “Giải trình”, không phải trang bảng điểm. Bảng điểm tính lần trước ở trang “Bảng điểm”: hãy chọn các dòng cần giải trình trên trang đó rồi bấm lại.",
      messageEn:
        "The sheet open is “Giải trình”, not the score sheet. The last scoring was on sheet “Bảng điểm”: select the rows to explain there and try again.",
      cells: [],
      goTo: SHEET,
    });
    const user = userEvent.setup({ delay: null });
    render(<App api={mocked} lang={lang} />);
    await waitIdle();
    const section = await screen.findByRole("region", { name: lang === "vi" ? "Giải trình" : "Explanation (Giải trình)" });
    await user.click(within(section).getByRole("button", { name: lang === "vi" ? "Giải trình cơ quan đang chọn" : "Explain the selected agencies" }));
    // The stored run names the sheet: the use case is asked of it.
    expect(mocked.createExplanation).toHaveBeenLastCalledWith({ selectedOnly: true, sheet: SHEET });
    const go = await within(section).findByRole("button", { name: goTo });
    expect(within(section).getByRole("group")).toHaveTextContent(
      lang === "vi" ? /Bảng điểm tính lần trước ở trang “Bảng điểm”/ : /The last scoring was on sheet “Bảng điểm”/,
    );
    await user.click(go);
    expect(mocked.selectCell).toHaveBeenCalledWith(SHEET, "A1");
    await waitFor(() => expect(within(section).queryByRole("button", { name: goTo })).toBeNull());
  });
});
