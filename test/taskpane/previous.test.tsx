/** @jest-environment jsdom */
import * as React from "react";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { installShims, scoringDone, settings, fakeApi, waitIdle } from "./helpers";

let mocked = fakeApi();

beforeAll(installShims);
beforeEach(() => {
  mocked = fakeApi();
  jest.clearAllMocks();
  mocked.loadSettings.mockResolvedValue(settings());
  mocked.runScoring.mockResolvedValue(scoringDone());
  mocked.listOtherSheets.mockResolvedValue(["Năm 2019", "Ghi chép"]);
});

async function openPane(lang: "vi" | "en" = "vi") {
  const user = userEvent.setup({ delay: null });
  render(<App api={mocked} lang={lang} />);
  await waitIdle(); // settings read (the pane is not busy any more)
  return user;
}

test("“So sánh với năm trước” with a sheet of this workbook: Tính điểm compares with the sheet chosen", async () => {
  const user = await openPane();
  await user.click(await screen.findByRole("checkbox", { name: "So sánh với năm trước" }));
  const select = await screen.findByRole("combobox", { name: "Trang tính năm trước" });
  expect(mocked.listOtherSheets).toHaveBeenCalledTimes(1);
  await user.selectOptions(select, "Ghi chép");
  await user.selectOptions(select, "Năm 2019");
  await user.click(screen.getByRole("button", { name: "Tính điểm" }));
  expect(mocked.runScoring).toHaveBeenCalledWith("pane", undefined, { previous: { kind: "sheet", sheet: "Năm 2019", lineage2025: false } });

  // Cleared: Tính điểm as before.
  await user.click(screen.getByRole("checkbox", { name: "So sánh với năm trước" }));
  await user.click(screen.getByRole("button", { name: "Tính điểm" }));
  expect(mocked.runScoring).toHaveBeenLastCalledWith("pane");
});

test("the 2025 list of department mergers is used only when ticked", async () => {
  const user = await openPane();
  await user.click(await screen.findByRole("checkbox", { name: "So sánh với năm trước" }));
  await screen.findByRole("combobox", { name: "Trang tính năm trước" });
  const box = screen.getByRole("checkbox", { name: "Dùng danh sách sáp nhập sở năm 2025" });
  expect(box).not.toBeChecked();
  await user.click(box);
  await user.click(screen.getByRole("button", { name: "Tính điểm" }));
  expect(mocked.runScoring).toHaveBeenLastCalledWith("pane", undefined, { previous: { kind: "sheet", sheet: "Năm 2019", lineage2025: true } });
  await user.click(box);
  await user.click(screen.getByRole("button", { name: "Tính điểm" }));
  expect(mocked.runScoring).toHaveBeenLastCalledWith("pane", undefined, { previous: { kind: "sheet", sheet: "Năm 2019", lineage2025: false } });
});

test("the 2025 list's box is kept with the workbook as it is ticked: reopened, the pane shows it ticked and Tính điểm uses it", async () => {
  const user = await openPane();
  await user.click(await screen.findByRole("checkbox", { name: "So sánh với năm trước" }));
  await screen.findByRole("combobox", { name: "Trang tính năm trước" });
  await user.click(screen.getByRole("checkbox", { name: "Dùng danh sách sáp nhập sở năm 2025" }));
  expect(mocked.saveLineage2025).toHaveBeenLastCalledWith(true);
  // No “Ghi trang Sáp nhập”: the choice alone is kept.
  expect(mocked.writeLineageSheet).not.toHaveBeenCalled();
  cleanup();

  mocked.loadSettings.mockResolvedValue({ ...settings(), lineage2025: true });
  const again = await openPane();
  await again.click(await screen.findByRole("checkbox", { name: "So sánh với năm trước" }));
  await screen.findByRole("combobox", { name: "Trang tính năm trước" });
  const box = screen.getByRole("checkbox", { name: "Dùng danh sách sáp nhập sở năm 2025" });
  expect(box).toBeChecked();
  await again.click(screen.getByRole("button", { name: "Tính điểm" }));
  expect(mocked.runScoring).toHaveBeenLastCalledWith("pane", undefined, { previous: { kind: "sheet", sheet: "Năm 2019", lineage2025: true } });
  // Unticked: kept so, and said to Tính điểm (never left to the stored choice).
  await again.click(box);
  expect(mocked.saveLineage2025).toHaveBeenLastCalledWith(false);
  await again.click(screen.getByRole("button", { name: "Tính điểm" }));
  expect(mocked.runScoring).toHaveBeenLastCalledWith("pane", undefined, { previous: { kind: "sheet", sheet: "Năm 2019", lineage2025: false } });
});

test("a choice that could not be kept is said (the box still holds for this Tính điểm)", async () => {
  mocked.saveLineage2025.mockResolvedValueOnce({
    ok: false,
    messages: ["Sổ tính đang được bảo vệ cấu trúc."],
    messagesEn: ["The workbook's structure is protected."],
  });
  const user = await openPane();
  await user.click(await screen.findByRole("checkbox", { name: "So sánh với năm trước" }));
  await screen.findByRole("combobox", { name: "Trang tính năm trước" });
  await user.click(screen.getByRole("checkbox", { name: "Dùng danh sách sáp nhập sở năm 2025" }));
  expect(await screen.findByText("Sổ tính đang được bảo vệ cấu trúc.")).toHaveAttribute("role", "alert");
  await user.click(screen.getByRole("button", { name: "Tính điểm" }));
  expect(mocked.runScoring).toHaveBeenLastCalledWith("pane", undefined, { previous: { kind: "sheet", sheet: "Năm 2019", lineage2025: true } });
});

test("another workbook's file: read in the ExcelJS chunk, its agencies passed on; an unreadable file is named and nothing runs", async () => {
  const agencies = [{ name: "Sở Y tế", rank: 3, index: null, className: "Tốt" }];
  mocked.readPreviousFile.mockResolvedValueOnce({ ok: false, problem: { code: "unreadable", source: "hong.xlsx" } });
  const user = await openPane();
  await user.click(await screen.findByRole("checkbox", { name: "So sánh với năm trước" }));
  await user.click(screen.getByRole("radio", { name: "Tệp sổ tính khác (.xlsx)" }));
  const input = screen.getByLabelText("Tệp năm trước") as HTMLInputElement;
  await user.upload(input, new File(["x"], "hong.xlsx"));
  expect(await screen.findByText(/Không đọc được tệp “hong.xlsx”/)).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Tính điểm" }));
  expect(mocked.runScoring).not.toHaveBeenCalled();
  expect(await screen.findByText(/Hãy chọn trang tính hoặc tệp năm trước/)).toBeInTheDocument();

  mocked.readPreviousFile.mockResolvedValueOnce({ ok: true, sheet: "Chấm điểm 2019", agencies, year: 2019, storedRules: null, rankBy: "index" });
  await user.upload(input, new File(["x"], "2019.xlsx"));
  expect(await screen.findByText("Đã đọc 1 cơ quan từ trang “Chấm điểm 2019” của tệp “2019.xlsx”.")).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Tính điểm" }));
  expect(mocked.runScoring).toHaveBeenCalledWith("pane", undefined, {
    previous: { kind: "agencies", source: "2019.xlsx", agencies, year: 2019, storedRules: null, rankBy: "index", lineage2025: false },
  });
});

test("in English the choice and the problems are in English", async () => {
  mocked.readPreviousFile.mockResolvedValueOnce({ ok: false, problem: { code: "noGrid", source: "notes.xlsx" } });
  const user = await openPane("en");
  await user.click(await screen.findByRole("checkbox", { name: "Compare with last year" }));
  await user.click(screen.getByRole("radio", { name: "Another workbook's file (.xlsx)" }));
  await user.upload(screen.getByLabelText("Last year's file"), new File(["x"], "notes.xlsx"));
  expect(await screen.findByText(/“notes.xlsx” has no sheet with a score grid/)).toBeInTheDocument();
});

test("“Ghi trang “Sáp nhập””: writes the lineage of the comparison chosen (the 2025 list when ticked), says so, and Hoàn tác can remove it; a refusal is shown", async () => {
  mocked.writeLineageSheet
    .mockResolvedValueOnce({
      kind: "done",
      sheetName: "Sáp nhập",
      entries: 1,
      undo: { action: "lineage", at: "2021-01-04T03:42:00.000Z", sheet: "Sáp nhập" },
      message: "Đã ghi trang “Sáp nhập” (1 cơ quan: “Sở Tài chính” ← “Sở Tài chính”, “Sở Kế hoạch và Đầu tư”).",
      messageEn: "Wrote the “Sáp nhập” sheet (1 agency).",
    })
    .mockResolvedValueOnce({ kind: "refused", cells: [], message: "Sổ tính đã có trang “Sáp nhập”: add-in không ghi đè trang ấy.", messageEn: "x" });
  const user = await openPane();
  await user.click(await screen.findByRole("checkbox", { name: "So sánh với năm trước" }));
  await screen.findByRole("combobox", { name: "Trang tính năm trước" });
  await user.click(screen.getByRole("checkbox", { name: "Dùng danh sách sáp nhập sở năm 2025" }));
  await user.click(screen.getByRole("button", { name: "Ghi trang “Sáp nhập”" }));
  expect(mocked.writeLineageSheet).toHaveBeenLastCalledWith({ kind: "sheet", sheet: "Năm 2019", lineage2025: true });
  expect(await screen.findByText(/^Đã ghi trang “Sáp nhập” \(1 cơ quan/)).toHaveAttribute("role", "status");
  expect(screen.getByText(/^Hoàn tác lần “Ghi trang Sáp nhập” lúc \d\d:42\.$/)).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Ghi trang “Sáp nhập”" }));
  expect(await screen.findByText("Sổ tính đã có trang “Sáp nhập”: add-in không ghi đè trang ấy.")).toHaveAttribute("role", "alert");
});

test("last year's chosen is not of an earlier year: the refusal names both years and the fix, and “Vẫn so sánh” compares it anyway", async () => {
  const message =
    "“Năm 2019” là bảng điểm năm 2021, không trước năm 2020 của bảng điểm này, nên chưa so sánh. Hãy chọn bảng điểm của năm trước (năm 2019 hoặc trước đó); nếu đúng là muốn so sánh như vậy, bấm “Vẫn so sánh”. Chưa có ô nào bị thay đổi.";
  mocked.runScoring.mockResolvedValueOnce({ kind: "refused", message, messageEn: "(en)", cells: [], previousNotEarlier: true });
  const user = await openPane();
  await user.click(await screen.findByRole("checkbox", { name: "So sánh với năm trước" }));
  await screen.findByRole("combobox", { name: "Trang tính năm trước" });
  await user.click(screen.getByRole("button", { name: "Tính điểm" }));
  expect(await screen.findByText(message)).toBeInTheDocument();
  expect(mocked.runScoring).toHaveBeenLastCalledWith("pane", undefined, { previous: { kind: "sheet", sheet: "Năm 2019", lineage2025: false } });
  await user.click(screen.getByRole("button", { name: "Vẫn so sánh" }));
  expect(mocked.runScoring).toHaveBeenLastCalledWith("pane", undefined, { previous: { kind: "sheet", sheet: "Năm 2019", lineage2025: false, force: true } });
  await waitIdle();
  expect(screen.queryByText(message)).not.toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Vẫn so sánh" })).not.toBeInTheDocument();
});

test("a refusal for another reason offers no “Vẫn so sánh”; in English the button is “Compare anyway”", async () => {
  mocked.runScoring.mockResolvedValueOnce({ kind: "refused", message: "x", messageEn: "Not earlier.", cells: [], previousNotEarlier: true });
  mocked.runScoring.mockResolvedValueOnce({ kind: "refused", message: "y", messageEn: "No grid.", cells: [] });
  const user = await openPane("en");
  await user.click(await screen.findByRole("checkbox", { name: "Compare with last year" }));
  await screen.findByRole("combobox");
  await user.click(screen.getByRole("button", { name: "Score" }));
  expect(await screen.findByText("Not earlier.")).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Compare anyway" })).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Score" }));
  expect(await screen.findByText("No grid.")).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Compare anyway" })).not.toBeInTheDocument();
});
