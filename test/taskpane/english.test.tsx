/** @jest-environment jsdom */
import * as React from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { annexPreviousProblemText } from "../../src/core/grid/previous-messages";
import { languageOf } from "../../src/taskpane/i18n";
import { UserFacingError } from "../../src/excel/host";
import { finding55, installShims, lastRun, scoringDone, settings, fakeApi, waitIdle } from "./helpers";

let mocked = fakeApi();

const g = globalThis as unknown as { Office?: unknown };
beforeAll(installShims);
beforeEach(() => {
  mocked = fakeApi();
  jest.clearAllMocks();
  mocked.loadSettings.mockResolvedValue(settings());
});
afterEach(() => delete g.Office);

test("the language follows Office's display language: English for en-*, Vietnamese otherwise", () => {
  expect(languageOf("en-US")).toBe("en");
  expect(languageOf("en-GB")).toBe("en");
  expect(languageOf("vi-VN")).toBe("vi");
  expect(languageOf("fr-FR")).toBe("vi");
  expect(languageOf(undefined)).toBe("vi");
});

test("with displayLanguage en-US the pane is in English, findings too", async () => {
  g.Office = { context: { displayLanguage: "en-US" } };
  mocked.runScoring.mockResolvedValue(scoringDone());
  const user = userEvent.setup({ delay: null });
  render(<App api={mocked} />);
  await waitIdle(); // settings read (the pane is not busy any more)
  expect(screen.getByRole("heading", { level: 1, name: "IT application ranking" })).toBeInTheDocument();
  expect(screen.getByRole("tab", { name: "Score" })).toBeInTheDocument();
  expect(screen.getByRole("tab", { name: "Annex" })).toBeInTheDocument();
  expect(screen.getByRole("tab", { name: "Rules" })).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Undo" })).toBeInTheDocument();

  await user.click(screen.getByRole("button", { name: "Score" }));
  const summary = await screen.findByRole("region", { name: "Results" });
  expect(within(summary).getByText("19 agencies")).toBeInTheDocument();
  expect(within(summary).getByText("7 Tốt")).toBeInTheDocument();
  const errors = screen.getByRole("region", { name: "Errors to fix (1)" });
  expect(within(errors).getByRole("button")).toHaveTextContent(finding55.messageEn);

  await user.click(screen.getByRole("tab", { name: "Annex" }));
  const annex = screen.getByRole("tabpanel", { name: "Annex" });
  expect(await within(annex).findByRole("button", { name: "Create annex" })).toBeInTheDocument();
  const date = within(annex).getByRole("textbox", { name: /^Date signed/ });
  await user.type(date, "31/02/2021");
  expect(date).toHaveAccessibleDescription(/^“31\/02\/2021” is not a valid date in dd\/mm\/yyyy form \(for example 05\/01\/2021\)\./);

  await user.click(screen.getByRole("tab", { name: "Rules" }));
  const rules = screen.getByRole("tabpanel", { name: "Rules" });
  expect(await within(rules).findByRole("heading", { name: "Scoring rules" })).toBeInTheDocument();
  await user.click(within(rules).getByRole("button", { name: /Hạ tầng kỹ thuật/ }));
  const max = within(rules).getByRole("textbox", { name: "Maximum points" });
  await user.clear(max);
  await user.type(max, "-5");
  expect(max).toHaveAccessibleDescription("Maximum points must be a number greater than 0 (a number, or a decimal such as “2.5”).");
});

test("the Vietnamese pane does not need Office to name its language", async () => {
  render(<App api={mocked} />);
  expect(await screen.findByRole("tab", { name: "Tính điểm" })).toBeInTheDocument();
  expect(document.querySelector("[lang='vi']")).not.toBeNull();
});

describe("the use cases' messages in the English pane", () => {
  const DECISION = {
    number: "06/QĐ-UBND",
    date: "05/01/2021",
    issuer: "Ủy ban nhân dân tỉnh",
    province: "Thái Bình",
    year: 2020,
    subject: "Đánh giá",
    sheetName: "Phụ lục",
  };
  const PROTECTED = {
    kind: "refused" as const,
    message:
      "Trang tính “Bảng điểm” đang được bảo vệ nên không ghi được kết quả. Hãy bỏ bảo vệ (Xem lại → Bỏ bảo vệ trang tính) rồi bấm lại “Tính điểm”. Chưa có ô nào bị thay đổi.",
    messageEn:
      "Sheet “Bảng điểm” is protected, so the results cannot be written. Unprotect it (Review → Unprotect Sheet) and click “Score” again. No cell has been changed.",
    cells: ["J9"],
  };

  async function openEnglish() {
    const user = userEvent.setup({ delay: null });
    render(<App api={mocked} lang="en" />);
    await waitIdle(); // settings read (the pane is not busy any more)
    await waitFor(() => expect(screen.getByRole("main")).toHaveAttribute("aria-busy", "false"));
    return user;
  }

  /** The text is shown, and neither it nor anything around it is marked as Vietnamese. */
  const expectEnglish = (element: HTMLElement) => expect(element.closest("[lang='vi']")).toBeNull();

  test("a scoring refusal is shown in English, not marked as Vietnamese", async () => {
    mocked.runScoring.mockResolvedValue(PROTECTED);
    const user = await openEnglish();
    await user.click(screen.getByRole("button", { name: "Score" }));
    expect(await screen.findByText("Could not score")).toBeInTheDocument();
    const text = screen.getByText(PROTECTED.messageEn);
    expectEnglish(text);
    expect(screen.getByText("Cells concerned: J9.")).toBeInTheDocument();
    expect(screen.queryByText(/Hãy bỏ bảo vệ/)).not.toBeInTheDocument();
  });

  test("an annex refusal is shown in English", async () => {
    mocked.loadSettings.mockResolvedValue(settings({ decision: DECISION }));
    mocked.generateAnnex.mockResolvedValueOnce({
      kind: "refused",
      message: "Tên trang phụ lục “Phụ lục” trùng với trang bảng điểm. Hãy đặt tên khác trong mục “Phụ lục”.",
      messageEn: "The annex sheet name “Phụ lục” is the score sheet's name. Choose another name on the “Annex” tab.",
      cells: [],
    });
    const user = await openEnglish();
    await user.click(screen.getByRole("tab", { name: "Annex" }));
    await user.click(await screen.findByRole("button", { name: "Create annex" }));
    expect(await screen.findByText("Could not create the annex")).toBeInTheDocument();
    expectEnglish(screen.getByText(/Choose another name on the “Annex” tab\./));
    expect(screen.queryByText(/Hãy đặt tên khác/)).not.toBeInTheDocument();
  });

  test("the choice of last year's columns in the annex is labelled in English, and its refusal is English", async () => {
    mocked.loadSettings.mockResolvedValue(settings({ decision: { ...DECISION, annexPrevious: true } }));
    mocked.generateAnnex.mockResolvedValueOnce({
      kind: "refused",
      message: annexPreviousProblemText({ code: "annexPreviousNoColumns", missing: ["Xếp hạng năm trước", "Tăng/giảm"] }, "vi"),
      messageEn: annexPreviousProblemText({ code: "annexPreviousNoColumns", missing: ["Xếp hạng năm trước", "Tăng/giảm"] }, "en"),
      cells: [],
    });
    const user = await openEnglish();
    await user.click(screen.getByRole("tab", { name: "Annex" }));
    const box = await screen.findByRole("checkbox", { name: "Include last year's rank in the annex (columns “Xếp hạng năm trước” and “Tăng/giảm”)" });
    expect(box).toBeChecked();
    await user.click(screen.getByRole("button", { name: "Create annex" }));
    expect(await screen.findByText("Could not create the annex")).toBeInTheDocument();
    expectEnglish(screen.getByText(/Click “Score” with “Compare with last year” first, or clear “Include last year's rank in the annex”/));
    expect(screen.queryByText(/Hãy bấm/)).not.toBeInTheDocument();
  });

  test("a failed save of the decision lists the problems in English", async () => {
    mocked.loadSettings.mockResolvedValue(settings({ decision: { ...DECISION, subject: "Đánh giá lại" } }));
    mocked.saveDecision.mockResolvedValue({ ok: false, messages: ["Excel từ chối ghi…"], messagesEn: ["Excel refused to write: unprotect it and try again."] });
    const user = await openEnglish();
    await user.click(screen.getByRole("tab", { name: "Annex" }));
    await user.clear(await screen.findByRole("textbox", { name: /^Subject line/ }));
    await user.type(screen.getByRole("textbox", { name: /^Subject line/ }), "Đánh giá");
    await user.click(screen.getByRole("button", { name: "Save details" }));
    expectEnglish(await screen.findByText("Excel refused to write: unprotect it and try again."));
  });

  test("undo says what it undid, or why it could not, in English", async () => {
    const at = "2021-01-04T03:42:00.000Z";
    mocked.loadSettings.mockResolvedValue(settings({ undo: { action: "score", at, sheet: "Bảng điểm" } }));
    mocked.undoLast
      .mockResolvedValueOnce({
        kind: "refused",
        message: "Không hoàn tác được: trang tính “Bảng điểm” không còn trong sổ tính.",
        messageEn: "Could not undo: sheet “Bảng điểm” is no longer in the workbook.",
      })
      .mockResolvedValueOnce({
        kind: "done",
        message: "Đã hoàn tác lần “Tính điểm” lúc 10:42 trên trang “Bảng điểm”.",
        messageEn: "Undid the “Score” at 10:42 on sheet “Bảng điểm”.",
        leftAlone: [],
        lastRun: null,
      });
    const user = await openEnglish();
    const button = screen.getByRole("button", { name: "Undo" });
    await user.click(button);
    expect(await screen.findByText("Could not undo")).toBeInTheDocument();
    expectEnglish(screen.getByText("Could not undo: sheet “Bảng điểm” is no longer in the workbook."));
    await user.click(button);
    expectEnglish(await screen.findByText("Undid the “Score” at 10:42 on sheet “Bảng điểm”."));
  });

  test("problems with the stored data are listed in English", async () => {
    mocked.loadSettings.mockResolvedValue(
      settings({
        problems: ["Sổ tính này được lưu bằng phiên bản add-in mới hơn. Hãy cập nhật add-in để đọc quy tắc và dữ liệu đã lưu."],
        problemsEn: ["This workbook was saved by a newer version of the add-in. Update the add-in to read the rules and data stored in it."],
      }),
    );
    await openEnglish();
    expect(screen.getByText("The data stored in the workbook has problems")).toBeInTheDocument();
    expectEnglish(screen.getByText(/^This workbook was saved by a newer version of the add-in\./));
  });

  test("a run started from the ribbon shows its stored findings in English", async () => {
    mocked.loadSettings.mockResolvedValueOnce(settings({ lastRun: lastRun("ribbon") }));
    await openEnglish();
    const item = within(screen.getByRole("region", { name: "Errors to fix (1)" })).getByRole("button");
    expect(item).toHaveTextContent(finding55.messageEn);
    expect(item.querySelector("[lang='vi']")).toBeNull();
  });

  test("an older workbook's stored findings (no English kept) stay Vietnamese, marked so", async () => {
    const old = lastRun("ribbon");
    mocked.loadSettings.mockResolvedValueOnce(settings({ lastRun: { ...old, findings: old.findings.map(({ messageEn: _en, ...f }) => f) } }));
    await openEnglish();
    const item = within(screen.getByRole("region", { name: "Errors to fix (1)" })).getByRole("button");
    expect(item).toHaveTextContent(finding55.message);
    expect(item.querySelector("[lang='vi']")).toHaveTextContent(finding55.message);
  });

  test("a cell that cannot be selected says why in English", async () => {
    mocked.loadSettings.mockResolvedValue(settings({ lastRun: lastRun("ribbon") }));
    mocked.selectCell.mockRejectedValue(
      new UserFacingError("Không tìm thấy trang tính…", "The sheet or range needed was not found (it may have just been deleted or renamed). Try again."),
    );
    const user = await openEnglish();
    await user.click(within(screen.getByRole("region", { name: "Errors to fix (1)" })).getByRole("button"));
    expect(await screen.findByText("Could not select the cell")).toBeInTheDocument();
    expectEnglish(screen.getByText(/^The sheet or range needed was not found/));
  });
});
