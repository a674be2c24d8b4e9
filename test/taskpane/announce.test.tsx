/** @jest-environment jsdom */
/**
 * Results said to screen readers: the pane's one live region (role="status", aria-live="polite") says what is running,
 * then, after every action, what it came to — in both languages.
 */
import * as React from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { installShims, scoringDone, settings, waitIdle, fakeApi } from "./helpers";

let mocked = fakeApi();
beforeAll(installShims);
beforeEach(() => {
  mocked = fakeApi();
  mocked.loadSettings.mockResolvedValue(settings({ decision: { ...settings().decision, number: "06/QĐ-UBND", date: "05/01/2021", province: "Thái Bình" } }));
  mocked.saveDecision.mockResolvedValue({ ok: true });
});

const live = () => screen.getByRole("status");

async function open(lang: "vi" | "en") {
  const user = userEvent.setup({ delay: null });
  render(<App api={mocked} lang={lang} />);
  await waitIdle();
  return user;
}

test("the live region is polite and atomic, and the only status of the pane", async () => {
  await open("vi");
  expect(screen.getAllByRole("status")).toHaveLength(1);
  expect(live()).toHaveAttribute("aria-live", "polite");
  expect(live()).toHaveAttribute("aria-atomic", "true");
});

test.each([
  ["vi", "Tính điểm", /Đã ghi kết quả vào cột J, K, L, M\..*19 cơ quan/, "Hoàn tác", "Đã hoàn tác lần “Tính điểm”"],
  ["en", "Score", /Results written to columns J, K, L, M\..*19 agencies, 1 error to fix, 1 warning/, "Undo", "Undid the “Score”"],
] as const)("%s: after Tính điểm and after Hoàn tác the region says what each came to", async (lang, scoreName, scored, undoName, undone) => {
  mocked.runScoring.mockResolvedValue(scoringDone());
  mocked.undoLast.mockResolvedValue({
    kind: "done",
    message: "Đã hoàn tác lần “Tính điểm” lúc 10:42 trên trang “Bảng điểm”.",
    messageEn: "Undid the “Score” at 10:42 on sheet “Bảng điểm”.",
    leftAlone: [],
    lastRun: null,
  });
  const user = await open(lang);
  await user.click(screen.getByRole("button", { name: scoreName }));
  await waitFor(() => expect(live()).toHaveTextContent(scored));
  await user.click(screen.getByRole("button", { name: undoName }));
  await waitFor(() => expect(live()).toHaveTextContent(undone));
  expect(live()).not.toHaveTextContent(scored);
});

test("a refusal is said too, and the same result twice is said twice (the region empties while the action runs)", async () => {
  mocked.runScoring.mockResolvedValue({
    kind: "refused",
    message: "Không tìm thấy dòng tiêu đề trên trang “Bảng điểm”.",
    messageEn: "No header row.",
    cells: [],
  });
  const user = await open("vi");
  await user.click(screen.getByRole("button", { name: "Tính điểm" }));
  await waitFor(() => expect(live()).toHaveTextContent("Không tìm thấy dòng tiêu đề"));
  let emptied = false;
  const seen = new MutationObserver(() => {
    if (live().textContent === "" || live().textContent === "Đang tính điểm…") emptied = true;
  });
  seen.observe(live(), { childList: true, characterData: true, subtree: true });
  await user.click(screen.getByRole("button", { name: "Tính điểm" }));
  await waitFor(() => expect(emptied).toBe(true));
  await waitFor(() => expect(live()).toHaveTextContent("Không tìm thấy dòng tiêu đề"));
  seen.disconnect();
});

test("Tạo phụ lục: the region says where the annex is", async () => {
  mocked.generateAnnex.mockResolvedValue({
    kind: "done",
    sheetName: "Phụ lục",
    collided: false,
    manualPrintSteps: [],
    errorsIncluded: 0,
    undo: { action: "annex", at: "2021-01-04T03:42:00.000Z", sheet: "Phụ lục" },
  });
  const user = await open("vi");
  await user.click(await screen.findByRole("tab", { name: "Phụ lục" }));
  const panel = screen.getByRole("tabpanel", { name: "Phụ lục" });
  await user.click(await within(panel).findByRole("button", { name: "Tạo phụ lục" }));
  await waitFor(() => expect(live()).toHaveTextContent("Đã tạo phụ lục trên trang “Phụ lục”."));
});
