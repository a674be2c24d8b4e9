/** @jest-environment jsdom */
import * as React from "react";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import type { FindingView } from "../../src/excel/types";
import { finding55, installShims, scoringDone, settings, SHEET, fakeApi, waitIdle } from "./helpers";

let mocked = fakeApi();

const legacyNote: FindingView = {
  sheet: SHEET,
  cell: "I10",
  severity: "warning",
  code: "legacyText",
  agency: "",
  group: "",
  value: "Kh«ng TTHC",
  message: "Ô I10 được gõ bằng bảng mã TCVN3 (ABC) của phông chữ cũ, không phải Unicode: “Kh«ng TTHC” là “Không TTHC”.",
  messageEn: "Cell I10 is typed in the TCVN3 (ABC) encoding of old fonts, not Unicode: “Kh«ng TTHC” is “Không TTHC”.",
  convertible: ["I10", "B12"],
};
const missedExemption: FindingView = {
  ...legacyNote,
  severity: "error",
  code: "legacyExemption",
  agency: "Văn phòng UBND tỉnh",
  message: "Ô I10: ghi chú “Kh«ng TTHC” của Văn phòng UBND tỉnh được gõ bằng bảng mã TCVN3 (ABC), đọc là “Không TTHC”.",
  messageEn: "Cell I10: the note “Kh«ng TTHC” of Văn phòng UBND tỉnh is typed in the TCVN3 (ABC) encoding and reads “Không TTHC”.",
  convertible: undefined,
};

beforeAll(installShims);
beforeEach(() => {
  mocked = fakeApi();
  jest.clearAllMocks();
  mocked.loadSettings.mockResolvedValue(settings());
  mocked.selectCell.mockResolvedValue(undefined);
});

async function openPane(lang: "vi" | "en" = "vi") {
  const user = userEvent.setup({ delay: null });
  render(<App api={mocked} lang={lang} />);
  await waitIdle(); // settings read (the pane is not busy any more)
  await screen.findByText(lang === "vi" ? /Chưa có lần tính nào/ : /not been scored|No scoring yet|nothing/i);
  return user;
}

test("a legacy-text finding offers “Chuyển mã” for its cells; converted, its findings go and Hoàn tác offers to undo it", async () => {
  mocked.runScoring.mockResolvedValue(scoringDone([missedExemption, finding55, legacyNote]));
  mocked.convertEncoding.mockResolvedValue({
    kind: "done",
    cells: ["I10", "B12"],
    message: "Đã chuyển 2 ô từ bảng mã TCVN3 (ABC) sang Unicode (I10, B12).",
    messageEn: "Converted 2 cells.",
  });
  const user = await openPane();
  await user.click(screen.getByRole("button", { name: "Tính điểm" }));
  const convert = await screen.findByLabelText("Chuyển mã sang Unicode: I10, B12");
  expect(convert.tagName).toBe("BUTTON");
  expect(convert).toHaveTextContent("Chuyển mã");
  // Only the finding that names the cells to convert has the button.
  expect(screen.getAllByLabelText(/^Chuyển mã/)).toHaveLength(1);
  expect(screen.getByText("2 lỗi cần sửa, 1 cảnh báo.")).toBeInTheDocument();

  mocked.loadSettings.mockResolvedValue(settings({ undo: { action: "encoding", at: "2021-01-04T03:45:00.000Z", sheet: "Bảng điểm" } }));
  await user.click(convert);
  expect(mocked.convertEncoding).toHaveBeenCalledWith(["I10", "B12"]);
  expect(await screen.findByText("Đã chuyển 2 ô từ bảng mã TCVN3 (ABC) sang Unicode (I10, B12).")).toBeInTheDocument();
  expect(screen.queryAllByLabelText(/^Chuyển mã/)).toHaveLength(0);
  expect(screen.getByText("Lỗi, cần sửa (1)")).toBeInTheDocument();
  // The summary counts what the list shows.
  expect(screen.getByText("1 lỗi cần sửa.")).toBeInTheDocument();
  expect(screen.queryByText(/2 lỗi cần sửa/)).toBeNull();
  expect(screen.getByText(/vượt điểm tối đa 50/)).toBeInTheDocument();
  expect(screen.queryByText(/Kh«ng TTHC/)).toBeNull();
  expect(await screen.findByText(/Hoàn tác lần “Chuyển mã” lúc/)).toBeInTheDocument();
});

test("no grid because the headers are TCVN3: the refusal offers “Chuyển mã” for the header cells", async () => {
  mocked.runScoring.mockResolvedValue({
    kind: "refused",
    message: "Trang tính “Bảng điểm”: Không tìm thấy dòng tiêu đề… Các tiêu đề có vẻ được gõ bằng bảng mã TCVN3 (ABC).",
    messageEn: "Sheet “Bảng điểm”: No header row… The headers seem to be typed in the TCVN3 (ABC) encoding.",
    cells: [],
    convertible: ["B4", "C4", "I4"],
  });
  mocked.convertEncoding.mockResolvedValue({ kind: "done", cells: ["B4", "C4", "I4"], message: "Đã chuyển 3 ô.", messageEn: "Converted 3 cells." });
  const user = await openPane();
  await user.click(screen.getByRole("button", { name: "Tính điểm" }));
  await screen.findByText(/bảng mã TCVN3 \(ABC\)/);
  await user.click(screen.getByText("Chuyển mã", { selector: "button" }));
  expect(mocked.convertEncoding).toHaveBeenCalledWith(["B4", "C4", "I4"]);
  expect(await screen.findByText("Đã chuyển 3 ô.")).toBeInTheDocument();
  expect(screen.queryByText("Chuyển mã", { selector: "button" })).toBeNull();
});

test("nothing left to convert is said, not hidden; in English the button is “Convert encoding”", async () => {
  mocked.runScoring.mockResolvedValue(scoringDone([legacyNote]));
  mocked.convertEncoding.mockResolvedValue({
    kind: "nothing",
    message: "I10, B12: không còn chữ nào ở bảng mã cũ.",
    messageEn: "I10, B12: no text in a legacy encoding is left there.",
  });
  const user = userEvent.setup({ delay: null });
  render(<App api={mocked} lang="en" />);
  await waitIdle(); // settings read (the pane is not busy any more)
  await user.click(await screen.findByRole("button", { name: "Score" }));
  await user.click(await screen.findByLabelText("Convert to Unicode: I10, B12"));
  expect(await screen.findByText("I10, B12: no text in a legacy encoding is left there.")).toBeInTheDocument();
  expect(screen.getByText("Could not convert")).toBeInTheDocument();
});

test("after Hoàn tác of “Chuyển mã” the pane looks at the sheet again: no stale notice saying scores were edited", async () => {
  const stale = {
    agencies: ["Văn phòng UBND tỉnh"],
    cells: ["K10"],
    message: "Kết quả trên trang tính không khớp với điểm hiện tại của 1 cơ quan (Văn phòng UBND tỉnh; ô K10): điểm đã bị sửa sau lần “Tính điểm” trước.",
    messageEn: "…",
  };
  // Converted, the exemption now counts: the results on the sheet are stale (until Hoàn tác gives the cells back).
  mocked.inspectSelection.mockResolvedValue({ sheet: SHEET, card: null, stale });
  mocked.runScoring.mockResolvedValue(scoringDone([missedExemption, legacyNote]));
  mocked.convertEncoding.mockResolvedValue({ kind: "done", cells: ["I10", "B12"], message: "Đã chuyển 2 ô.", messageEn: "Converted 2 cells." });
  mocked.undoLast.mockResolvedValue({ kind: "done", message: "Đã hoàn tác lần “Chuyển mã” lúc 10:45.", messageEn: "Undid.", leftAlone: [], lastRun: null });
  const user = await openPane();
  await user.click(screen.getByRole("button", { name: "Tính điểm" }));
  mocked.loadSettings.mockResolvedValue(settings({ undo: { action: "encoding", at: "2021-01-04T03:45:00.000Z", sheet: SHEET } }));
  await user.click(await screen.findByLabelText("Chuyển mã sang Unicode: I10, B12"));
  // Looked at again after the conversion (no selection change needed).
  expect(await screen.findByText(/điểm đã bị sửa sau lần/)).toBeInTheDocument();
  const calls = mocked.inspectSelection.mock.calls.length;
  mocked.inspectSelection.mockResolvedValue({ sheet: SHEET, card: null, stale: null });
  const undo = screen.getByRole("button", { name: "Hoàn tác" });
  await waitFor(() => expect(undo).not.toHaveAttribute("aria-disabled"));
  await user.click(undo);
  expect(await screen.findByText("Đã hoàn tác lần “Chuyển mã” lúc 10:45.")).toBeInTheDocument();
  await waitFor(() => expect(mocked.inspectSelection.mock.calls.length).toBeGreaterThan(calls));
  await waitFor(() => expect(screen.queryByText(/điểm đã bị sửa sau lần/)).toBeNull());
  expect(screen.queryByText("Đã chuyển 2 ô.")).toBeNull();
});
