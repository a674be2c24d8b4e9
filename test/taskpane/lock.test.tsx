/** @jest-environment jsdom */
import * as React from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { installShims, settings, waitIdle, fakeApi } from "./helpers";

let mocked = fakeApi();

beforeAll(installShims);
beforeEach(() => {
  mocked = fakeApi();
  jest.clearAllMocks();
  window.localStorage.clear();
});

async function openAnnex() {
  const user = userEvent.setup({ delay: null });
  render(<App api={mocked} lang="vi" />);
  await waitIdle();
  await user.click(await screen.findByRole("tab", { name: "Phụ lục" }));
  const panel = screen.getByRole("tabpanel", { name: "Phụ lục" });
  await within(panel).findByRole("button", { name: "Chốt kết quả" });
  await waitIdle();
  return { user, panel };
}

test("Chốt kết quả sends the name (remembered for next time) and shows the code; Mở chốt then needs a reason", async () => {
  mocked.loadSettings.mockResolvedValue(settings());
  mocked.lockResults.mockResolvedValue({
    kind: "locked",
    code: "7F3K-92QD",
    sheet: "Bảng điểm",
    annexSheet: "Phụ lục",
    message: "Đã chốt kết quả trang “Bảng điểm”. Mã kiểm tra: 7F3K-92QD",
    messageEn: "Locked. Verification code: 7F3K-92QD",
  });
  mocked.unlockResults.mockResolvedValue({ kind: "unlocked", code: "7F3K-92QD", message: "Đã mở chốt.", messageEn: "Unlocked." });
  const { user, panel } = await openAnnex();
  await user.type(within(panel).getByRole("textbox", { name: /Người thực hiện/ }), "Nguyễn Văn A");
  await user.click(within(panel).getByRole("button", { name: "Chốt kết quả" }));
  expect(mocked.lockResults).toHaveBeenCalledWith({ by: "Nguyễn Văn A" });
  expect(await within(panel).findByText(/Mã kiểm tra: 7F3K-92QD/)).toBeInTheDocument();
  expect(window.localStorage.getItem("xep-hang-cntt.by")).toBe("Nguyễn Văn A");

  const unlock = within(panel).getByRole("button", { name: "Mở chốt" });
  expect(unlock).toHaveAttribute("aria-disabled", "true");
  await user.type(within(panel).getByRole("textbox", { name: /Lý do mở chốt/ }), "Hội đồng điều chỉnh điểm");
  await user.click(unlock);
  expect(mocked.unlockResults).toHaveBeenCalledWith({ by: "Nguyễn Văn A", reason: "Hội đồng điều chỉnh điểm" });
  expect(await within(panel).findByText("Đã mở chốt.")).toBeInTheDocument();
  expect(within(panel).getByRole("button", { name: "Chốt kết quả" })).toBeEnabled();
});

test("a workbook locked on opening says so with its code, and a refusal is shown as an error", async () => {
  mocked.loadSettings.mockResolvedValue(settings({ lock: { code: "7F3K-92QD", at: "2026-12-07T09:30:00.000Z", by: "Nguyễn Văn A", sheet: "Bảng điểm" } }));
  mocked.unlockResults.mockResolvedValue({ kind: "refused", cells: [], message: "Mật khẩu không đúng.", messageEn: "Wrong password." });
  const user = userEvent.setup({ delay: null });
  render(<App api={mocked} lang="vi" />);
  await waitIdle();
  await user.click(await screen.findByRole("tab", { name: "Phụ lục" }));
  const panel = screen.getByRole("tabpanel", { name: "Phụ lục" });
  expect(await within(panel).findByText(/Kết quả đang được chốt, mã kiểm tra 7F3K-92QD/)).toBeInTheDocument();
  await waitIdle();
  await user.type(within(panel).getByRole("textbox", { name: /Lý do mở chốt/ }), "x");
  await user.click(within(panel).getByRole("button", { name: "Mở chốt" }));
  expect(await within(panel).findByText("Mật khẩu không đúng.")).toBeInTheDocument();
  expect(within(panel).queryByRole("button", { name: "Chốt kết quả" })).toBeNull();
});

test("cells typed by hand while the pane is open are logged together a moment after the last edit", async () => {
  mocked.loadSettings.mockResolvedValue(settings());
  render(<App api={mocked} lang="vi" />);
  await waitIdle();
  // As Excel gives them: the block on its sheet, the sheet by id; the same block twice, or on two sheets.
  mocked.editCells("D12", "{S1}");
  mocked.editCells("E12", "{S1}");
  mocked.editCells("D12", "{S1}");
  mocked.editCells("D12", "{S2}");
  expect(mocked.logEdits).not.toHaveBeenCalled();
  const edit = (address: string, worksheetId: string) => ({ address, worksheetId, changeType: "RangeEdited" });
  await waitFor(() => expect(mocked.logEdits).toHaveBeenCalledWith([edit("D12", "{S1}"), edit("E12", "{S1}"), edit("D12", "{S2}")]));
  expect(mocked.logEdits).toHaveBeenCalledTimes(1);
});

test("Xem nhật ký writes the printable Nhật ký sheet under the name given, says so, and can be undone once (Vietnamese)", async () => {
  mocked.loadSettings.mockResolvedValue(settings());
  mocked.writeLogSheet.mockImplementation(async () => ({
    kind: "done",
    sheetName: "Nhật ký",
    entries: 4,
    undo: { action: "logSheet", at: "2021-01-04T03:42:00.000Z", sheet: "Nhật ký" },
    message: `Đã ghi trang “Nhật ký”: 4 lần ghi sổ tính, mới nhất ở trên (người thực hiện: ${window.localStorage.getItem("xep-hang-cntt.by")}).`,
    messageEn: "Wrote the sheet “Nhật ký”.",
  }));
  const { user, panel } = await openAnnex();
  await user.type(within(panel).getByRole("textbox", { name: /Người thực hiện/ }), "Lê C");
  await user.click(within(panel).getByRole("button", { name: "Xem nhật ký" }));
  expect(mocked.writeLogSheet).toHaveBeenCalledTimes(1);
  expect(mocked.writeLogSheet).toHaveBeenCalledWith("pane");
  // The name is remembered before the sheet is written: the log's entry carries it.
  expect(await within(panel).findByText(/mới nhất ở trên \(người thực hiện: Lê C\)/)).toBeInTheDocument();
  expect(screen.getByText(/^Hoàn tác lần “Xem nhật ký” lúc \d\d:42\.$/)).toBeInTheDocument();
});

test("Show the log in English: a refusal is an error in English; the button is a real button reached by keyboard", async () => {
  mocked.loadSettings.mockResolvedValue(settings());
  mocked.writeLogSheet.mockResolvedValue({
    kind: "refused",
    cells: [],
    message: "Sổ tính đang được bảo vệ cấu trúc.",
    messageEn: "The workbook's structure is protected.",
  });
  const user = userEvent.setup({ delay: null });
  render(<App api={mocked} lang="en" />);
  await waitIdle();
  await user.click(await screen.findByRole("tab", { name: "Annex" }));
  const panel = screen.getByRole("tabpanel", { name: "Annex" });
  const button = await within(panel).findByRole("button", { name: "Show the log" });
  await waitIdle();
  button.focus();
  await user.keyboard("{Enter}");
  expect(await within(panel).findByText("The workbook's structure is protected.")).toBeInTheDocument();
  expect(within(panel).getByText("Could not write the Nhật ký sheet")).toBeInTheDocument();
  expect(mocked.writeLogSheet).toHaveBeenCalledTimes(1);
});

test("errors in the grid: Chốt kết quả asks, naming the cells; “Vẫn chốt” locks with the confirmation", async () => {
  mocked.loadSettings.mockResolvedValue(settings());
  mocked.lockResults
    .mockResolvedValueOnce({
      kind: "needsConfirmation",
      cells: ["H10"],
      message: "Chưa chốt được: bảng điểm còn 1 lỗi chưa sửa: H10.",
      messageEn: "1 error: H10.",
    })
    .mockResolvedValueOnce({
      kind: "locked",
      code: "7F3K-92QD",
      sheet: "Bảng điểm",
      annexSheet: "Phụ lục",
      message: "Đã chốt kết quả trang “Bảng điểm”. Mã kiểm tra: 7F3K-92QD",
      messageEn: "Locked. Verification code: 7F3K-92QD",
    });
  const { user, panel } = await openAnnex();
  await user.click(within(panel).getByRole("button", { name: "Chốt kết quả" }));
  expect(await within(panel).findByText(/bảng điểm còn 1 lỗi chưa sửa/)).toBeInTheDocument();
  expect(within(panel).getByText("H10")).toBeInTheDocument();
  await user.click(within(panel).getByRole("button", { name: "Vẫn chốt (ghi vào nhật ký)" }));
  expect(mocked.lockResults).toHaveBeenLastCalledWith({ by: "", confirmErrors: true });
  expect(await within(panel).findByText(/Mã kiểm tra: 7F3K-92QD/)).toBeInTheDocument();
  expect(within(panel).queryByRole("button", { name: "Vẫn chốt (ghi vào nhật ký)" })).toBeNull();
});
