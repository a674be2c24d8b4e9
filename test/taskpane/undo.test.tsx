/** @jest-environment jsdom */
import * as React from "react";
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { deferred, installShims, lastRun, scoringDone, settings, waitIdle, fakeApi } from "./helpers";

let mocked = fakeApi();
beforeEach(() => {
  mocked = fakeApi();
});

beforeAll(installShims);
// resetAllMocks, not clearAllMocks: a test that leaves a queued mockResolvedValueOnce (the pane no longer reloads
// settings after every action) must not hand it to the next test.
const at = "2021-01-04T03:42:00.000Z";
const hhmm = () => {
  const d = new Date(at);
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
};

test("Hoàn tác is unavailable (but reachable) when there is nothing to undo", async () => {
  mocked.loadSettings.mockResolvedValue(settings());
  render(<App api={mocked} lang="vi" />);
  await waitIdle(); // settings read (the pane is not busy any more)
  const button = await screen.findByRole("button", { name: "Hoàn tác" });
  await waitFor(() => expect(screen.getByRole("main")).toHaveAttribute("aria-busy", "false"));
  expect(button).toHaveAttribute("aria-disabled", "true");
  expect(button).toHaveAccessibleDescription("Chưa có thao tác nào để hoàn tác.");
});

test("Hoàn tác undoes the last write, says so, and shows the state the undo returned (the workbook is not read again)", async () => {
  mocked.loadSettings.mockResolvedValue(settings({ lastRun: lastRun("ribbon"), undo: { action: "score", at, sheet: "Bảng điểm" } }));
  const pending = deferred<Awaited<ReturnType<typeof mocked.undoLast>>>();
  mocked.undoLast.mockReturnValue(pending.promise);
  const user = userEvent.setup({ delay: null });
  render(<App api={mocked} lang="vi" />);
  const button = await screen.findByRole("button", { name: "Hoàn tác" });
  await waitFor(() => expect(button).not.toHaveAttribute("aria-disabled"));
  expect(button).toHaveAccessibleDescription(`Hoàn tác lần “Tính điểm” lúc ${hhmm()}.`);
  expect(screen.getByText("7 Tốt")).toBeInTheDocument();

  await user.click(button);
  expect(screen.getByRole("status")).toHaveTextContent("Đang hoàn tác…");
  expect(screen.getByRole("main")).toHaveAttribute("aria-busy", "true");
  expect(screen.getByRole("button", { name: "Tính điểm" })).toHaveAttribute("aria-disabled", "true");
  await act(async () =>
    pending.resolve({
      kind: "done",
      message: `Đã hoàn tác lần “Tính điểm” lúc ${hhmm()} trên trang “Bảng điểm”.`,
      messageEn: `Undid the “Score” at ${hhmm()} on sheet “Bảng điểm”.`,
      leftAlone: [],
      lastRun: null,
    }),
  );

  expect(mocked.undoLast).toHaveBeenCalledTimes(1);
  expect(await screen.findByText(`Đã hoàn tác lần “Tính điểm” lúc ${hhmm()} trên trang “Bảng điểm”.`)).toBeInTheDocument();
  expect(mocked.loadSettings).toHaveBeenCalledTimes(1);
  // The summary of the undone run is gone; nothing more to undo.
  expect(screen.queryByText("7 Tốt")).not.toBeInTheDocument();
  expect(button).toHaveAttribute("aria-disabled", "true");
});

test("undo after a pane run forgets that run's findings", async () => {
  mocked.loadSettings.mockResolvedValue(settings());
  mocked.runScoring.mockResolvedValue(scoringDone());
  mocked.undoLast.mockResolvedValue({
    kind: "done",
    message: "Đã hoàn tác lần “Tính điểm” lúc 10:42 trên trang “Bảng điểm”.",
    messageEn: "Undid the “Score” at 10:42 on sheet “Bảng điểm”.",
    leftAlone: [],
    lastRun: null,
  });
  const user = userEvent.setup({ delay: null });
  render(<App api={mocked} lang="vi" />);
  await user.click(await screen.findByRole("button", { name: "Tính điểm" }));
  expect(await screen.findByRole("region", { name: "Lỗi, cần sửa (1)" })).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Hoàn tác" }));
  await screen.findByText(/Đã hoàn tác/);
  expect(screen.queryByRole("region", { name: "Lỗi, cần sửa (1)" })).not.toBeInTheDocument();
});

test("a refused undo is an error message", async () => {
  mocked.loadSettings.mockResolvedValue(settings({ undo: { action: "annex", at, sheet: "Phụ lục" } }));
  mocked.undoLast.mockResolvedValue({
    kind: "refused",
    message: "Không hoàn tác được: trang tính “Bảng điểm” không còn trong sổ tính.",
    messageEn: "Could not undo: sheet “Bảng điểm” is no longer in the workbook.",
  });
  const user = userEvent.setup({ delay: null });
  render(<App api={mocked} lang="vi" />);
  const button = await screen.findByRole("button", { name: "Hoàn tác" });
  await waitFor(() => expect(button).not.toHaveAttribute("aria-disabled"));
  await user.click(button);
  expect(await screen.findByText("Không hoàn tác được")).toBeInTheDocument();
  expect(screen.getByText(/không còn trong sổ tính/)).toBeInTheDocument();
});

describe("after Hoàn tác every notice describes the workbook as it is now", () => {
  const annexDone = {
    kind: "done" as const,
    sheetName: "Phụ lục",
    collided: false,
    manualPrintSteps: [],
    errorsIncluded: 1,
    undo: { action: "annex" as const, at, sheet: "Phụ lục" },
  };
  const undoneAnnex = {
    kind: "done" as const,
    message: "Đã hoàn tác lần “Tạo phụ lục” lúc 10:42.",
    messageEn: "Undid the “Create annex” at 10:42.",
    leftAlone: [],
    lastRun: null,
  };

  test("undoing the annex removes its status (“Chưa trình ký được – Đã tạo phụ lục…”) and its reasons", async () => {
    mocked.loadSettings
      .mockResolvedValueOnce(
        settings({
          decision: {
            number: "06/QĐ-UBND",
            date: "05/01/2021",
            issuer: "Ủy ban nhân dân tỉnh",
            province: "Thái Bình",
            year: 2020,
            subject: "Đánh giá",
            sheetName: "Phụ lục",
          },
        }),
      )
      .mockResolvedValueOnce(settings({ undo: { action: "annex", at, sheet: "Phụ lục" } }))
      .mockResolvedValue(settings());
    mocked.saveDecision.mockResolvedValue({ ok: true });
    mocked.generateAnnex.mockResolvedValue(annexDone);
    mocked.undoLast.mockResolvedValue(undoneAnnex);
    const user = userEvent.setup({ delay: null });
    render(<App api={mocked} lang="vi" />);
    await user.click(await screen.findByRole("tab", { name: "Phụ lục" }));
    const make = await screen.findByRole("button", { name: "Tạo phụ lục" });
    await waitIdle();
    await user.click(make);
    expect(await screen.findByText("Đã tạo phụ lục trên trang “Phụ lục”.")).toBeInTheDocument();
    expect(screen.getByText(/Phụ lục có 1 số liệu đang lỗi/)).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Hoàn tác" }));
    expect(await screen.findByText(undoneAnnex.message)).toBeInTheDocument();
    expect(screen.queryByText("Đã tạo phụ lục trên trang “Phụ lục”.")).not.toBeInTheDocument();
    expect(screen.queryByText(/Phụ lục có 1 số liệu đang lỗi/)).not.toBeInTheDocument();
    expect(screen.queryByText("Chưa trình ký được")).not.toBeInTheDocument();
  });

  test("undoing a run removes “Đã ghi kết quả vào cột…” and that run's notices", async () => {
    mocked.loadSettings
      .mockResolvedValueOnce(settings())
      .mockResolvedValueOnce(settings({ lastRun: lastRun("pane"), undo: { action: "score", at, sheet: "Bảng điểm" } }))
      .mockResolvedValue(settings());
    mocked.runScoring.mockResolvedValue({
      ...scoringDone(),
      notices: ["Phiên bản Excel này không chép được định dạng: tiêu đề các cột kết quả mới được định dạng chuẩn (đậm, căn giữa, có viền)."],
      noticesEn: ["…"],
    });
    mocked.undoLast.mockResolvedValue({
      kind: "done",
      message: "Đã hoàn tác lần “Tính điểm” lúc 10:42 trên trang “Bảng điểm”.",
      messageEn: "Undid.",
      leftAlone: [],
      lastRun: null,
    });
    const user = userEvent.setup({ delay: null });
    render(<App api={mocked} lang="vi" />);
    await user.click(await screen.findByRole("button", { name: "Tính điểm" }));
    expect(await screen.findByText("Đã ghi kết quả vào cột J, K, L, M.")).toBeInTheDocument();
    expect(screen.getByText(/không chép được định dạng/)).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Hoàn tác" }));
    await screen.findByText(/Đã hoàn tác/);
    expect(screen.queryByText("Đã ghi kết quả vào cột J, K, L, M.")).not.toBeInTheDocument();
    expect(screen.queryByText(/không chép được định dạng/)).not.toBeInTheDocument();
  });

  test("the undo's own notice goes when the next action starts", async () => {
    mocked.loadSettings.mockResolvedValueOnce(settings({ undo: { action: "score", at, sheet: "Bảng điểm" } })).mockResolvedValue(settings());
    mocked.undoLast.mockResolvedValue({
      kind: "done",
      message: "Đã hoàn tác lần “Tính điểm” lúc 10:42 trên trang “Bảng điểm”.",
      messageEn: "Undid.",
      leftAlone: [],
      lastRun: null,
    });
    mocked.runScoring.mockResolvedValue(scoringDone());
    const user = userEvent.setup({ delay: null });
    render(<App api={mocked} lang="vi" />);
    const undo = await screen.findByRole("button", { name: "Hoàn tác" });
    await waitFor(() => expect(undo).not.toHaveAttribute("aria-disabled"));
    await user.click(undo);
    expect(await screen.findByText(/Đã hoàn tác lần “Tính điểm”/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Tính điểm" }));
    expect(await screen.findByText("Đã ghi kết quả vào cột J, K, L, M.")).toBeInTheDocument();
    expect(screen.queryByText(/Đã hoàn tác lần “Tính điểm”/)).not.toBeInTheDocument();
  });

  test.each([
    ["vi", "Đã hoàn tác, còn phần chưa trả lại được", "Phiên bản Excel này không chép lại được định dạng (cần Excel 2021 hoặc Microsoft 365): các ô J4:J24 …"],
    [
      "en",
      "Undone, with a part that could not be given back",
      "This version of Excel cannot copy formats back (it needs Excel 2021 or Microsoft 365): cells J4:J24 …",
    ],
  ] as const)("an undo that could not give formats back says so, with the cells (%s)", async (lang, title, detail) => {
    mocked.loadSettings.mockResolvedValueOnce(settings({ undo: { action: "score", at, sheet: "Bảng điểm" } })).mockResolvedValue(settings());
    mocked.undoLast.mockResolvedValue({
      kind: "done",
      message: "Đã hoàn tác lần “Tính điểm” lúc 10:42 trên trang “Bảng điểm”.",
      messageEn: "Undid the “Score” at 10:42 on sheet “Bảng điểm”.",
      leftAlone: [],
      lastRun: null,
      left: [
        {
          code: "formatsNotRestored",
          sheet: "Bảng điểm",
          cells: ["J4:J24"],
          message: "Phiên bản Excel này không chép lại được định dạng (cần Excel 2021 hoặc Microsoft 365): các ô J4:J24 …",
          messageEn: "This version of Excel cannot copy formats back (it needs Excel 2021 or Microsoft 365): cells J4:J24 …",
        },
      ],
    });
    const user = userEvent.setup({ delay: null });
    render(<App api={mocked} lang={lang} />);
    const undo = await screen.findByRole("button", { name: lang === "vi" ? "Hoàn tác" : "Undo" });
    await waitFor(() => expect(undo).not.toHaveAttribute("aria-disabled"));
    await user.click(undo);
    expect(await screen.findByText(title)).toBeInTheDocument();
    expect(screen.getByRole("listitem")).toHaveTextContent(detail);
  });
});

describe("every tab drops the notices of what Hoàn tác took back", () => {
  const undone = (message: string) => ({ kind: "done" as const, message, messageEn: "Undid.", leftAlone: [], lastRun: null });

  test.each(["vi", "en"] as const)("the chart's “made” notice goes with the chart's sheet (%s)", async (lang) => {
    mocked.createChart.mockResolvedValue({
      kind: "done",
      sheetName: "Biểu đồ",
      agencies: 19,
      bandLines: false,
      undo: { action: "chart", at, sheet: "Biểu đồ" },
    });
    mocked.undoLast.mockResolvedValue({
      ...undone("Đã hoàn tác lần “Biểu đồ chỉ số”: trang “Biểu đồ” đã được xóa."),
      messageEn: "Undid the chart: sheet “Biểu đồ” removed.",
    });
    const user = userEvent.setup({ delay: null });
    render(<App api={mocked} lang={lang} />);
    const chart = await screen.findByRole("button", { name: lang === "vi" ? "Biểu đồ chỉ số" : /chart/i });
    await waitIdle();
    await user.click(chart);
    expect(await screen.findByText(lang === "vi" ? /Đã tạo trang “Biểu đồ”/ : /Sheet “Biểu đồ” made/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: lang === "vi" ? "Hoàn tác" : "Undo" }));
    expect(await screen.findByText(lang === "vi" ? /trang “Biểu đồ” đã được xóa/ : /sheet “Biểu đồ” removed/)).toBeInTheDocument();
    // Only the undo's notice speaks of the chart now: neither "made" nor the thresholds' warning stays.
    expect(screen.queryByText(lang === "vi" ? /Đã tạo trang “Biểu đồ”/ : /Sheet “Biểu đồ” made/)).not.toBeInTheDocument();
    expect(screen.queryByText(lang === "vi" ? /các ngưỡng phân loại hiện thành cột/ : /thresholds show as columns/)).not.toBeInTheDocument();
  });

  test("the merge's “Đã gộp…”, its problem forms and its differences go when the merge is undone", async () => {
    mocked.forms.read.mockResolvedValue([{ file: "so-y-te.xlsx", values: [], identity: null }]);
    mocked.forms.merge.mockResolvedValue({
      kind: "done",
      sheet: "Bảng điểm",
      merged: [{ file: "so-y-te.xlsx", agency: "Sở Y tế" }],
      missing: ["Sở Nội vụ"],
      agencies: 2,
      findings: [],
      differences: [{ agency: "Sở Y tế", group: "Hạ tầng kỹ thuật", self: 50, appraised: 45.5, evidence: "BC 1", cell: "C9" }],
      written: 5,
      unchanged: false,
      message: "Đã gộp 1/2 phiếu",
      messageEn: "Merged 1 of 2 forms",
    });
    mocked.loadSettings.mockResolvedValueOnce(settings()).mockResolvedValue(settings({ undo: { action: "merge", at, sheet: "Bảng điểm" } }));
    mocked.undoLast.mockResolvedValue(undone("Đã hoàn tác lần “Gộp phiếu” lúc 10:42."));
    const user = userEvent.setup({ delay: null });
    render(<App api={mocked} lang="vi" />);
    await user.click(await screen.findByRole("tab", { name: "Phiếu" }));
    await user.upload(await screen.findByLabelText("Các tệp phiếu (.xlsx)"), [new File(["x"], "so-y-te.xlsx")]);
    await waitIdle();
    await user.click(screen.getByRole("button", { name: "Gộp phiếu" }));
    expect(await screen.findByText("Đã gộp 1/2 phiếu")).toBeInTheDocument();
    expect(screen.getByText(/Hạ tầng kỹ thuật/)).toBeInTheDocument();
    const undo = screen.getByRole("button", { name: "Hoàn tác" });
    await waitFor(() => expect(undo).not.toHaveAttribute("aria-disabled"));
    await user.click(undo);
    expect(await screen.findByText("Đã hoàn tác lần “Gộp phiếu” lúc 10:42.")).toBeInTheDocument();
    expect(screen.queryByText("Đã gộp 1/2 phiếu")).not.toBeInTheDocument();
    expect(screen.queryByText(/Hạ tầng kỹ thuật/)).not.toBeInTheDocument();
    expect(screen.queryByText("Sở Nội vụ")).not.toBeInTheDocument();
  });

  test.each(["vi", "en"] as const)("findings brought back by Hoàn tác keep their agency and group line (%s)", async (lang) => {
    mocked.loadSettings.mockResolvedValue(settings({ lastRun: lastRun("pane"), undo: { action: "score", at, sheet: "Bảng điểm" } }));
    const earlier = lastRun("pane");
    earlier.findings = earlier.findings.map((f) => ({ ...f, agency: "Văn phòng UBND tỉnh", group: "Nhân lực cho ứng dụng CNTT", value: "55" }));
    mocked.undoLast.mockResolvedValue({ ...undone("Đã hoàn tác lần “Tính điểm” lúc 10:42."), lastRun: earlier });
    const user = userEvent.setup({ delay: null });
    render(<App api={mocked} lang={lang} />);
    const undo = await screen.findByRole("button", { name: lang === "vi" ? "Hoàn tác" : "Undo" });
    await waitFor(() => expect(undo).not.toHaveAttribute("aria-disabled"));
    await user.click(undo);
    await screen.findByText(/Đã hoàn tác|Undid/);
    const item = await screen.findByRole("button", { name: /H10/ });
    expect(item).toHaveTextContent("Văn phòng UBND tỉnh");
    expect(item).toHaveTextContent(lang === "vi" ? "Nhân lực cho ứng dụng CNTT · Giá trị: 55" : /Nhân lực cho ứng dụng CNTT · \w+: 55/);
  });
});
