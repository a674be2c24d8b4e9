/** @jest-environment jsdom */
import * as React from "react";
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import * as excel from "../../src/excel/index";
import { deferred, installShims, lastRun, scoringDone, settings } from "./helpers";

// Every use case replaced by a jest.fn (automock): the pane is tested against their contracts.
jest.mock("../../src/excel/index");
const mocked = excel as jest.Mocked<typeof excel>;

beforeAll(installShims);
beforeEach(() => jest.clearAllMocks());

const at = "2021-01-04T03:42:00.000Z";
const hhmm = () => {
  const d = new Date(at);
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
};

test("Hoàn tác is unavailable (but reachable) when there is nothing to undo", async () => {
  mocked.loadSettings.mockResolvedValue(settings());
  render(<App lang="vi" />);
  await waitFor(() => expect(mocked.loadSettings).toHaveBeenCalled());
  const button = await screen.findByRole("button", { name: "Hoàn tác" });
  await waitFor(() => expect(screen.getByRole("main")).toHaveAttribute("aria-busy", "false"));
  expect(button).toHaveAttribute("aria-disabled", "true");
  expect(button).toHaveAccessibleDescription("Chưa có thao tác nào để hoàn tác.");
});

test("Hoàn tác undoes the last write, says so, and shows the state the undo returned (the workbook is not read again)", async () => {
  mocked.loadSettings.mockResolvedValue(settings({ lastRun: lastRun("ribbon"), undo: { action: "score", at, sheet: "Bảng điểm" } }));
  const pending = deferred<Awaited<ReturnType<typeof excel.undoLast>>>();
  mocked.undoLast.mockReturnValue(pending.promise);
  const user = userEvent.setup({ delay: null });
  render(<App lang="vi" />);
  const button = await screen.findByRole("button", { name: "Hoàn tác" });
  await waitFor(() => expect(button).not.toHaveAttribute("aria-disabled"));
  expect(button).toHaveAccessibleDescription(`Hoàn tác lần “Tính điểm” lúc ${hhmm()}.`);
  expect(screen.getByText("7 Tốt")).toBeInTheDocument();

  await user.click(button);
  expect(screen.getByRole("status")).toHaveTextContent("Đang hoàn tác…");
  expect(screen.getByRole("main")).toHaveAttribute("aria-busy", "true");
  expect(screen.getByRole("button", { name: "Tính điểm" })).toHaveAttribute("aria-disabled", "true");
  await act(async () => pending.resolve({ kind: "done", message: `Đã hoàn tác lần “Tính điểm” lúc ${hhmm()} trên trang “Bảng điểm”.`, messageEn: `Undid the “Score” at ${hhmm()} on sheet “Bảng điểm”.`, leftAlone: [], lastRun: null }));

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
  mocked.undoLast.mockResolvedValue({ kind: "done", message: "Đã hoàn tác lần “Tính điểm” lúc 10:42 trên trang “Bảng điểm”.", messageEn: "Undid the “Score” at 10:42 on sheet “Bảng điểm”.", leftAlone: [], lastRun: null });
  const user = userEvent.setup({ delay: null });
  render(<App lang="vi" />);
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
  render(<App lang="vi" />);
  const button = await screen.findByRole("button", { name: "Hoàn tác" });
  await waitFor(() => expect(button).not.toHaveAttribute("aria-disabled"));
  await user.click(button);
  expect(await screen.findByText("Không hoàn tác được")).toBeInTheDocument();
  expect(screen.getByText(/không còn trong sổ tính/)).toBeInTheDocument();
});
