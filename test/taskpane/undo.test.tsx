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

  test("undoing the annex removes “Xong – Đã tạo phụ lục…” and its warnings", async () => {
    mocked.loadSettings
      .mockResolvedValueOnce(
        settings({
          decision: { number: "06/QĐ-UBND", date: "05/01/2021", issuer: "Ủy ban nhân dân tỉnh", year: 2020, subject: "Đánh giá", sheetName: "Phụ lục" },
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
    expect(screen.queryByText("Xong")).not.toBeInTheDocument();
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
    ["vi", "Đã hoàn tác, còn phần chưa trả lại được", "Phiên bản Excel này không chép lại được định dạng (cần ExcelApi 1.9): các ô J4:J24 …"],
    ["en", "Undone, with a part that could not be given back", "This version of Excel cannot copy formats back (it needs ExcelApi 1.9): cells J4:J24 …"],
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
          message: "Phiên bản Excel này không chép lại được định dạng (cần ExcelApi 1.9): các ô J4:J24 …",
          messageEn: "This version of Excel cannot copy formats back (it needs ExcelApi 1.9): cells J4:J24 …",
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
