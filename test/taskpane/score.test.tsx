/** @jest-environment jsdom */
import * as React from "react";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { deferred, finding55, installShims, lastRun, scoringDone, settings, SHEET, fakeApi, waitIdle } from "./helpers";

let mocked = fakeApi();

beforeAll(installShims);
beforeEach(() => {
  mocked = fakeApi();
  jest.clearAllMocks();
  mocked.loadSettings.mockResolvedValue(settings());
  mocked.selectCell.mockResolvedValue(undefined);
});

async function openPane() {
  const user = userEvent.setup({ delay: null });
  render(<App api={mocked} lang="vi" />);
  await waitIdle(); // settings read (the pane is not busy any more)
  await screen.findByText(/Chưa có lần tính nào/);
  return user;
}

test("Tính điểm shows the summary: 19 agencies, 7 Tốt, 8 Khá, 4 Trung bình, top and bottom", async () => {
  mocked.runScoring.mockResolvedValue(scoringDone());
  const user = await openPane();
  await user.click(screen.getByRole("button", { name: "Tính điểm" }));
  expect(mocked.runScoring).toHaveBeenCalledWith("pane");
  const summary = await screen.findByRole("region", { name: "Kết quả" });
  expect(within(summary).getByText("19 cơ quan")).toBeInTheDocument();
  const classes = within(summary).getByRole("list", { name: "Số cơ quan theo phân loại" });
  expect(
    within(classes)
      .getAllByRole("listitem")
      .map((li) => li.textContent),
  ).toEqual(["7 Tốt", "8 Khá", "4 Trung bình"]);
  expect(within(summary).getByText("Sở Thông tin và Truyền thông")).toBeInTheDocument();
  expect(within(summary).getByText("Sở Khoa học và Công nghệ")).toBeInTheDocument();
  expect(within(summary).getByText("1 lỗi cần sửa, 1 cảnh báo.")).toBeInTheDocument();
  expect(screen.getByText("Đã ghi kết quả vào cột J, K, L, M.")).toBeInTheDocument();
  // Undo becomes available from the state the use case returned: the workbook is not read again.
  expect(mocked.loadSettings).toHaveBeenCalledTimes(1);
  expect(screen.getByRole("button", { name: "Hoàn tác" })).not.toHaveAttribute("aria-disabled");
});

test("findings are grouped by severity, name agency, group, value and fix; a click selects the cell", async () => {
  mocked.runScoring.mockResolvedValue(scoringDone());
  const user = await openPane();
  await user.click(screen.getByRole("button", { name: "Tính điểm" }));
  const errors = await screen.findByRole("region", { name: "Lỗi, cần sửa (1)" });
  const warnings = screen.getByRole("region", { name: "Cảnh báo (1)" });
  const item = within(errors).getByRole("button");
  expect(item).toHaveTextContent("H10");
  expect(item).toHaveTextContent("Văn phòng UBND tỉnh");
  expect(item).toHaveTextContent("Nhân lực cho ứng dụng CNTT · Giá trị: 55");
  expect(item).toHaveTextContent("vượt điểm tối đa 50 của nhóm. Hãy kiểm tra lại và sửa trước khi trình ký.");
  expect(within(warnings).getByRole("button")).toHaveTextContent("B24");
  await user.click(item);
  expect(mocked.selectCell).toHaveBeenCalledWith(SHEET, "H10");
  // By keyboard too.
  item.focus();
  await user.keyboard("{Enter}");
  expect(mocked.selectCell).toHaveBeenCalledTimes(2);
});

test("busy while scoring: spinner with text, aria-busy, the button kept focusable but disabled", async () => {
  const pending = deferred<ReturnType<typeof scoringDone>>();
  mocked.runScoring.mockReturnValue(pending.promise);
  const user = await openPane();
  const button = screen.getByRole("button", { name: "Tính điểm" });
  await user.click(button);
  expect(screen.getByRole("main")).toHaveAttribute("aria-busy", "true");
  expect(screen.getByRole("status")).toHaveTextContent("Đang tính điểm…");
  expect(button).toHaveAttribute("aria-disabled", "true");
  expect(screen.getByRole("button", { name: "Hoàn tác" })).toHaveAttribute("aria-disabled", "true");
  await user.click(button); // ignored while busy
  expect(mocked.runScoring).toHaveBeenCalledTimes(1);
  await act(async () => pending.resolve(scoringDone()));
  expect(screen.getByRole("main")).toHaveAttribute("aria-busy", "false");
  expect(button).not.toHaveAttribute("aria-disabled");
});

test("a refusal is an error MessageBar saying what to do", async () => {
  mocked.runScoring.mockResolvedValue({
    kind: "refused",
    message: "Trang tính “Bảng điểm” đang được bảo vệ nên không ghi được kết quả. Hãy bỏ bảo vệ (Xem lại → Bỏ bảo vệ trang tính) rồi bấm lại “Tính điểm”.",
    messageEn: "Sheet “Bảng điểm” is protected, so the results cannot be written. Unprotect it (Review → Unprotect Sheet) and click “Score” again.",
    cells: [],
  });
  const user = await openPane();
  await user.click(screen.getByRole("button", { name: "Tính điểm" }));
  expect(await screen.findByText("Chưa tính được điểm")).toBeInTheDocument();
  expect(screen.getByText(/Hãy bỏ bảo vệ/)).toBeInTheDocument();
});

test("an exception from Excel becomes a message, not a broken pane", async () => {
  mocked.runScoring.mockRejectedValue(new Error("RichApi.Error"));
  const user = await openPane();
  await user.click(screen.getByRole("button", { name: "Tính điểm" }));
  expect(await screen.findByText(/Có lỗi không mong đợi: RichApi.Error. Hãy thử lại/)).toBeInTheDocument();
});

test("ribbon parity: a stored finding keeps what correcting it changes, shown in the pane's language", async () => {
  const run = lastRun("ribbon");
  run.findings[0] = {
    ...run.findings[0],
    ifCorrected: "Nếu sửa 55 → 50: Tổng 337,7; Chỉ số 0,848; Khá (thay vì Tốt); hạng 8 (thay vì 6).",
    ifCorrectedEn: "Correcting 55 → 50: Total 337.7.",
  };
  mocked.loadSettings.mockResolvedValue(settings({ lastRun: run }));
  render(<App api={mocked} lang="vi" />);
  const errors = await screen.findByRole("region", { name: "Lỗi, cần sửa (1)" });
  expect(within(errors).getByRole("button")).toHaveTextContent("Nếu sửa 55 → 50: Tổng 337,7; Chỉ số 0,848; Khá (thay vì Tốt); hạng 8 (thay vì 6).");
});

test("ribbon parity: on opening, the pane shows the last run, also one started from the ribbon", async () => {
  mocked.loadSettings.mockResolvedValue(settings({ lastRun: lastRun("ribbon") }));
  const user = userEvent.setup({ delay: null });
  render(<App api={mocked} lang="vi" />);
  const summary = await screen.findByRole("region", { name: "Kết quả" });
  expect(within(summary).getByText(/tính từ nút trên ribbon/)).toBeInTheDocument();
  expect(within(summary).getByText("7 Tốt")).toBeInTheDocument();
  expect(within(summary).getByText("8 Khá")).toBeInTheDocument();
  expect(within(summary).getByText("4 Trung bình")).toBeInTheDocument();
  const item = within(screen.getByRole("region", { name: "Lỗi, cần sửa (1)" })).getByRole("button");
  expect(item).toHaveTextContent(finding55.message);
  await user.click(item);
  expect(mocked.selectCell).toHaveBeenCalledWith(SHEET, "H10");
  expect(mocked.runScoring).not.toHaveBeenCalled();
});

test("a failed load says so and offers to try again", async () => {
  mocked.loadSettings.mockRejectedValueOnce(new Error("Excel đang ở chế độ sửa ô.")).mockResolvedValueOnce(settings({ lastRun: lastRun("ribbon") }));
  const user = userEvent.setup({ delay: null });
  render(<App api={mocked} lang="vi" />);
  expect(await screen.findByText(/Không đọc được dữ liệu của add-in trong sổ tính: Excel đang ở chế độ sửa ô./)).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Thử lại" }));
  expect(await screen.findByRole("region", { name: "Kết quả" })).toBeInTheDocument();
});
