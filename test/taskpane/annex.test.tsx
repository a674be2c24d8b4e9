/** @jest-environment jsdom */
import * as React from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { finding55, installShims, settings, waitIdle, fakeApi } from "./helpers";

let mocked = fakeApi();

beforeAll(installShims);
beforeEach(() => {
  mocked = fakeApi();
  jest.clearAllMocks();
  mocked.loadSettings.mockResolvedValue(settings());
  mocked.saveDecision.mockResolvedValue({ ok: true });
});

async function openAnnex() {
  const user = userEvent.setup({ delay: null });
  render(<App api={mocked} lang="vi" />);
  await waitIdle(); // settings read (the pane is not busy any more)
  await user.click(await screen.findByRole("tab", { name: "Phụ lục" }));
  const panel = screen.getByRole("tabpanel", { name: "Phụ lục" });
  // The tab loads on first use.
  await within(panel).findByRole("button", { name: "Tạo phụ lục" });
  await waitIdle();
  return { user, panel };
}

/**
 * The dialog's buttons in order. jsdom has no layout, so Fluent's focus manager (Tabster) cannot tell what is visible: it
 * focuses the surface itself and leaves it aria-hidden, which hides the buttons from role queries. The real page's dialog
 * is checked by role, focus and axe in test/e2e/pane.e2e.test.ts.
 */
function dialogButtons(dialog: HTMLElement): HTMLElement[] {
  return within(dialog).getAllByRole("button", { hidden: true });
}

async function fill(user: ReturnType<typeof userEvent.setup>, label: RegExp, text: string) {
  const input = screen.getByRole("textbox", { name: label });
  await user.clear(input);
  if (text) await user.type(input, text);
  return input;
}

test("metadata is checked as typed: an impossible date and an empty number get messages under their fields", async () => {
  const { user } = await openAnnex();
  const date = await fill(user, /^Ngày ký/, "31/02/2021");
  expect(date).toHaveAttribute("aria-invalid", "true");
  expect(date).toHaveAccessibleDescription(/Ngày ký “31\/02\/2021” không phải là ngày hợp lệ theo dạng dd\/mm\/yyyy/);

  const number = screen.getByRole("textbox", { name: /^Số quyết định/ });
  await user.type(number, "06");
  await user.clear(number);
  expect(number).toHaveAccessibleDescription(/Chưa nhập số quyết định \(ví dụ: 06\/QĐ-UBND\)/);

  await fill(user, /^Ngày ký/, "05/01/2021");
  expect(date).not.toHaveAttribute("aria-invalid", "true");
  expect(screen.queryByText(/không phải là ngày hợp lệ/)).not.toBeInTheDocument();
});

test("Tạo phụ lục with wrong fields saves nothing, shows every problem and moves focus to the first one", async () => {
  const { user } = await openAnnex();
  await user.click(screen.getByRole("button", { name: "Tạo phụ lục" }));
  expect(mocked.generateAnnex).not.toHaveBeenCalled();
  expect(mocked.saveDecision).not.toHaveBeenCalled();
  const number = screen.getByRole("textbox", { name: /^Số quyết định/ });
  expect(number).toHaveFocus();
  expect(screen.getByText(/Chưa nhập ngày ký quyết định/)).toBeInTheDocument();
  // The province too: asked for before the annex (the issuer is "Ủy ban nhân dân tỉnh").
  expect(screen.getByText(/Hãy nhập tỉnh \(ví dụ Thái Bình\) trước khi tạo phụ lục/)).toBeInTheDocument();
  expect(screen.getByText(/Còn 3 ô chưa đúng/)).toBeInTheDocument();
});

test("an annex from a table with errors needs an explicit confirmation that names them", async () => {
  mocked.generateAnnex
    .mockResolvedValueOnce({
      kind: "needsConfirmation",
      message: "Bảng điểm còn 1 lỗi chưa sửa…",
      messageEn: "The score table still has 1 error…",
      errors: [finding55],
    })
    .mockResolvedValueOnce({
      kind: "done",
      sheetName: "Phụ lục (2)",
      collided: true,
      manualPrintSteps: [
        { code: "orientation", message: "Bố cục Trang → Hướng → Ngang (Landscape).", messageEn: "Page Layout → Orientation → Landscape." },
        {
          code: "margins",
          message: "Lề: trên 2 cm, dưới 2 cm, trái 3 cm, phải 1,5 cm; căn giữa theo chiều ngang.",
          messageEn: "Margins: top 2 cm, bottom 2 cm, left 3 cm, right 1.5 cm; center horizontally.",
        },
      ],
      errorsIncluded: 1,
      undo: { action: "annex", at: "2021-01-04T03:42:00.000Z", sheet: "Phụ lục (2)" },
    });
  const { user } = await openAnnex();
  await fill(user, /^Số quyết định/, "06/QĐ-UBND");
  await fill(user, /^Ngày ký/, "05/01/2021");
  await fill(user, /^Cơ quan ban hành/, "Ủy ban nhân dân tỉnh");
  await fill(user, /^Tỉnh, thành phố/, "Thái Bình");
  await fill(user, /^Năm đánh giá/, "2020");
  await user.click(screen.getByRole("button", { name: "Tạo phụ lục" }));

  expect(mocked.saveDecision).toHaveBeenCalledWith(
    expect.objectContaining({
      number: "06/QĐ-UBND",
      date: "05/01/2021",
      issuer: "Ủy ban nhân dân tỉnh",
      province: "Thái Bình",
      year: 2020,
      sheetName: "Phụ lục",
    }),
  );
  expect(mocked.generateAnnex).toHaveBeenNthCalledWith(1, { confirmErrors: false });
  const dialog = await screen.findByRole("alertdialog", { name: "Bảng điểm còn lỗi" });
  expect(dialog).toHaveTextContent("H10 – Văn phòng UBND tỉnh, Nhân lực cho ứng dụng CNTT: 55");
  expect(dialog).toHaveTextContent("vượt điểm tối đa 50");
  expect(mocked.generateAnnex).toHaveBeenCalledTimes(1);

  // The safe choice is the primary button, first; making the annex anyway is the other one. Focus is held in the dialog.
  const [back, anyway] = dialogButtons(dialog);
  expect(back).toHaveAccessibleName("Quay lại sửa");
  expect(back).toHaveAttribute("data-safe-choice");
  expect(back.className).toMatch(/fui-Button/);
  expect(anyway).toHaveAccessibleName("Vẫn tạo phụ lục");
  await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
  await user.click(anyway);
  await waitFor(() => expect(mocked.generateAnnex).toHaveBeenNthCalledWith(2, { confirmErrors: true }));
  expect(await screen.findByText("Đã tạo phụ lục trên trang “Phụ lục (2)”.")).toBeInTheDocument();
  // One status: not ready to sign, with the reasons (the error carried, the print steps the host could not set); the collision said in it.
  const status = screen.getByRole("group", { name: "Chưa trình ký được" });
  expect(within(status).getByText(/Sổ tính đã có một trang “Phụ lục” của bạn, nên phụ lục được đặt ở trang “Phụ lục \(2\)”/)).toBeInTheDocument();
  expect(within(status).getByText(/^Đặt bố cục in bằng tay/)).toBeInTheDocument();
  expect(within(status).getByRole("list", { name: "Hãy đặt bố cục in bằng tay" })).toBeInTheDocument();
  expect(screen.queryByText("Xong")).not.toBeInTheDocument();
  expect(screen.getByText("Bố cục Trang → Hướng → Ngang (Landscape).")).toBeInTheDocument();
  expect(screen.getByText(/phải 1,5 cm/)).toBeInTheDocument();
  expect(screen.getByText(/Phụ lục có 1 số liệu đang lỗi/)).toBeInTheDocument();
  // The metadata was saved once: the confirmed run does not save again.
  expect(mocked.saveDecision).toHaveBeenCalledTimes(1);
});

test("going back from the confirmation makes no annex", async () => {
  mocked.loadSettings.mockResolvedValue(
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
  );
  mocked.generateAnnex.mockResolvedValueOnce({ kind: "needsConfirmation", message: "…", messageEn: "…", errors: [finding55] });
  const { user } = await openAnnex();
  await user.click(screen.getByRole("button", { name: "Tạo phụ lục" }));
  // Stored metadata unchanged: nothing to save first.
  expect(mocked.saveDecision).not.toHaveBeenCalled();
  const dialog = await screen.findByRole("alertdialog");
  await user.click(dialogButtons(dialog)[0]);
  await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
  expect(mocked.generateAnnex).toHaveBeenCalledTimes(1);
});

test("Lưu thông tin saves the metadata in the workbook", async () => {
  const { user } = await openAnnex();
  await fill(user, /^Số quyết định/, "06/QĐ-UBND");
  await fill(user, /^Ngày ký/, "5/1/2021");
  await user.click(screen.getByRole("button", { name: "Lưu thông tin" }));
  expect(mocked.saveDecision).toHaveBeenCalledWith(expect.objectContaining({ number: "06/QĐ-UBND", date: "05/01/2021", year: 2020 }));
  expect(await screen.findByText("Đã lưu thông tin quyết định vào sổ tính.")).toBeInTheDocument();
});

test("the forms' deadline stored in the decision data (set by merge --deadline) is shown in its field and kept by Lưu thông tin", async () => {
  mocked.loadSettings.mockResolvedValue(
    settings({
      decision: { number: "", date: "", issuer: "Ủy ban nhân dân tỉnh", year: 2020, subject: "Đánh giá", sheetName: "Phụ lục", formsDeadline: "20/12/2020" },
    }),
  );
  const { user } = await openAnnex();
  expect(screen.getByRole("textbox", { name: /^Hạn gửi phiếu tự đánh giá/ })).toHaveValue("20/12/2020");
  await fill(user, /^Số quyết định/, "06/QĐ-UBND");
  await fill(user, /^Ngày ký/, "5/1/2021");
  await user.click(screen.getByRole("button", { name: "Lưu thông tin" }));
  expect(mocked.saveDecision).toHaveBeenCalledWith(expect.objectContaining({ number: "06/QĐ-UBND", formsDeadline: "20/12/2020" }));
});

test("the forms' deadline typed in the pane is checked as a real dd/mm/yyyy date, then saved with the decision data", async () => {
  const { user } = await openAnnex();
  await fill(user, /^Số quyết định/, "06/QĐ-UBND");
  await fill(user, /^Ngày ký/, "5/1/2021");
  const deadline = await fill(user, /^Hạn gửi phiếu tự đánh giá/, "31/02/2021");
  expect(deadline).toHaveAttribute("aria-invalid", "true");
  expect(deadline).toHaveAccessibleDescription(
    expect.stringContaining(
      "Hạn gửi phiếu “31/02/2021” không phải là ngày hợp lệ: hãy nhập ngày dạng dd/mm/yyyy (ví dụ 20/12/2020) hoặc để trống nếu không đặt hạn.",
    ),
  );
  await user.click(screen.getByRole("button", { name: "Lưu thông tin" }));
  expect(mocked.saveDecision).not.toHaveBeenCalled();
  expect(screen.getByText("Còn 1 ô chưa đúng. Hãy sửa các ô được đánh dấu bên trên.")).toBeInTheDocument();
  expect(deadline).toHaveFocus();

  await fill(user, /^Hạn gửi phiếu tự đánh giá/, "5/1/2021");
  expect(deadline).not.toHaveAttribute("aria-invalid", "true");
  await user.click(screen.getByRole("button", { name: "Lưu thông tin" }));
  expect(mocked.saveDecision).toHaveBeenCalledWith(expect.objectContaining({ number: "06/QĐ-UBND", formsDeadline: "05/01/2021" }));
});

test("emptying the forms' deadline saves it as no longer set", async () => {
  mocked.loadSettings.mockResolvedValue(
    settings({
      decision: {
        number: "06/QĐ-UBND",
        date: "05/01/2021",
        issuer: "Ủy ban nhân dân tỉnh",
        year: 2020,
        subject: "Đánh giá",
        sheetName: "Phụ lục",
        formsDeadline: "20/12/2020",
      },
    }),
  );
  const { user } = await openAnnex();
  await fill(user, /^Hạn gửi phiếu tự đánh giá/, "");
  await user.click(screen.getByRole("button", { name: "Lưu thông tin" }));
  expect(mocked.saveDecision).toHaveBeenCalledWith(expect.objectContaining({ number: "06/QĐ-UBND", formsDeadline: "" }));
});

test("in English the forms' deadline field and its message are in English", async () => {
  const user = userEvent.setup({ delay: null });
  render(<App api={mocked} lang="en" />);
  await waitIdle();
  await user.click(await screen.findByRole("tab", { name: "Annex" }));
  await screen.findByRole("button", { name: "Create annex" });
  await waitIdle();
  const deadline = await fill(user, /^Deadline for the self-assessment forms/, "2020-12-20");
  expect(deadline).toHaveAttribute("aria-invalid", "true");
  expect(deadline).toHaveAccessibleDescription(
    expect.stringContaining(
      "The forms' deadline “2020-12-20” is not a valid date: type it as dd/mm/yyyy (for example 20/12/2020), or leave it empty for no deadline.",
    ),
  );
});

test("a refusal from Tạo phụ lục is shown with what to do", async () => {
  mocked.loadSettings.mockResolvedValue(
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
  );
  mocked.generateAnnex.mockResolvedValueOnce({
    kind: "refused",
    message: "Tên trang phụ lục “Phụ lục” trùng với trang bảng điểm. Hãy đặt tên khác trong mục “Phụ lục”.",
    messageEn: "The annex sheet name “Phụ lục” is the score sheet's name. Choose another name on the “Annex” tab.",
    cells: [],
  });
  const { user } = await openAnnex();
  await user.click(screen.getByRole("button", { name: "Tạo phụ lục" }));
  expect(await screen.findByText("Chưa tạo được phụ lục")).toBeInTheDocument();
  expect(screen.getByText(/Hãy đặt tên khác/)).toBeInTheDocument();
});

describe("the year evaluated and the province in the form", () => {
  test("the year the grid's title names is shown, and says where it comes from", async () => {
    mocked.loadSettings.mockResolvedValue(settings({ decision: { ...settings().decision, year: 2020 }, yearSource: "title" }));
    await openAnnex();
    const year = screen.getByRole("textbox", { name: /^Năm đánh giá/ });
    expect(year).toHaveValue("2020");
    expect(year).toHaveAccessibleDescription("Theo tiêu đề bảng điểm (năm 2020).");
  });

  test("with no year in the title, the year follows the date signed until the user types one", async () => {
    mocked.loadSettings.mockResolvedValue(settings({ decision: { ...settings().decision, year: 2025 }, yearSource: "default" }));
    const { user } = await openAnnex();
    const year = screen.getByRole("textbox", { name: /^Năm đánh giá/ });
    expect(year).toHaveAccessibleDescription("Năm ngoái; hãy kiểm tra.");
    await fill(user, /^Ngày ký/, "05/01/2021");
    expect(year).toHaveValue("2020");
    expect(year).toHaveAccessibleDescription("Năm trước năm ký quyết định.");
    // No "date before the year" problem: the first "Tạo phụ lục" is not refused for it.
    expect(screen.queryByText(/có trước năm được đánh giá/)).not.toBeInTheDocument();
    await fill(user, /^Năm đánh giá/, "2019");
    await fill(user, /^Ngày ký/, "06/01/2022");
    expect(year).toHaveValue("2019");
  });

  test("the province field says what the annex would print without it, and its value is saved with the decision", async () => {
    mocked.generateAnnex.mockResolvedValue({
      kind: "done",
      sheetName: "Phụ lục",
      collided: false,
      manualPrintSteps: [],
      errorsIncluded: 0,
      undo: { action: "annex", at: "2021-01-04T03:42:00.000Z", sheet: "Phụ lục" },
    });
    const { user } = await openAnnex();
    const province = screen.getByRole("textbox", { name: /^Tỉnh, thành phố/ });
    expect(province).toHaveAccessibleDescription("Chưa có tên tỉnh: phụ lục sẽ ghi “của Ủy ban nhân dân tỉnh”. Hãy nhập tỉnh, ví dụ Thái Bình.");
    await fill(user, /^Tỉnh, thành phố/, "Thái Bình");
    expect(province).toHaveAccessibleDescription("Ví dụ: Thái Bình. Phụ lục ghi “Ủy ban nhân dân tỉnh Thái Bình”.");
    await fill(user, /^Số quyết định/, "06/QĐ-UBND");
    await fill(user, /^Ngày ký/, "05/01/2021");
    await user.click(screen.getByRole("button", { name: "Tạo phụ lục" }));
    await waitFor(() =>
      expect(mocked.saveDecision).toHaveBeenCalledWith(expect.objectContaining({ province: "Thái Bình", issuer: "Ủy ban nhân dân tỉnh", year: 2020 })),
    );
  });

  test("Tạo phụ lục without a province asks for it first: nothing is made, focus goes to the field; typed, the annex is ready to sign", async () => {
    mocked.loadSettings.mockResolvedValue(settings({ decision: { ...settings().decision, number: "06/QĐ-UBND", date: "05/01/2021" } }));
    mocked.generateAnnex.mockResolvedValue({
      kind: "done",
      sheetName: "Phụ lục",
      collided: false,
      manualPrintSteps: [],
      errorsIncluded: 0,
      undo: { action: "annex", at: "2021-01-04T03:42:00.000Z", sheet: "Phụ lục" },
    });
    const { user } = await openAnnex();
    const province = screen.getByRole("textbox", { name: /^Tỉnh, thành phố/ });
    expect(province).toBeRequired();
    await user.click(screen.getByRole("button", { name: "Tạo phụ lục" }));
    expect(mocked.generateAnnex).not.toHaveBeenCalled();
    expect(mocked.saveDecision).not.toHaveBeenCalled();
    expect(province).toHaveFocus();
    expect(province).toHaveAttribute("aria-invalid", "true");
    expect(province).toHaveAccessibleDescription(
      /Hãy nhập tỉnh \(ví dụ Thái Bình\) trước khi tạo phụ lục: không có tỉnh, phụ lục sẽ ghi “của Ủy ban nhân dân tỉnh”/,
    );
    expect(screen.getByText(/Còn 1 ô chưa đúng/)).toBeInTheDocument();

    await fill(user, /^Tỉnh, thành phố/, "Thái Bình");
    expect(province).not.toHaveAttribute("aria-invalid", "true");
    await user.click(screen.getByRole("button", { name: "Tạo phụ lục" }));
    await waitFor(() => expect(mocked.saveDecision).toHaveBeenCalledWith(expect.objectContaining({ province: "Thái Bình" })));
    const status = await screen.findByRole("group", { name: "Sẵn sàng trình ký" });
    expect(status).toHaveTextContent("Đã tạo phụ lục trên trang “Phụ lục”.");
    expect(screen.queryByText("Xong")).not.toBeInTheDocument();
  });

  test("the province the grid's title names is offered in the field, said so, and saved with the first annex", async () => {
    mocked.loadSettings.mockResolvedValue(
      settings({ decision: { ...settings().decision, number: "06/QĐ-UBND", date: "05/01/2021", province: "Thái Bình" }, provinceFromTitle: true }),
    );
    mocked.generateAnnex.mockResolvedValue({
      kind: "done",
      sheetName: "Phụ lục",
      collided: false,
      manualPrintSteps: [],
      errorsIncluded: 0,
      undo: { action: "annex", at: "2021-01-04T03:42:00.000Z", sheet: "Phụ lục" },
    });
    const { user } = await openAnnex();
    const province = screen.getByRole("textbox", { name: /^Tỉnh, thành phố/ });
    expect(province).toHaveValue("Thái Bình");
    expect(province).toHaveAccessibleDescription("Lấy từ tiêu đề bảng điểm (“Thái Bình”); hãy kiểm tra. Phụ lục ghi “Ủy ban nhân dân tỉnh Thái Bình”.");
    await user.click(screen.getByRole("button", { name: "Tạo phụ lục" }));
    await waitFor(() => expect(mocked.saveDecision).toHaveBeenCalledWith(expect.objectContaining({ province: "Thái Bình" })));
    await screen.findByRole("group", { name: "Sẵn sàng trình ký" });
  });

  test.each([
    ["vi", "Chưa trình ký được", "Trước khi trình ký:"],
    ["en", "Not ready to sign yet", "Before it is signed:"],
  ] as const)("%s: an annex with something left to do is one status, not ready to sign, with the reasons", async (lang, title, intro) => {
    mocked.loadSettings.mockResolvedValue(settings({ decision: { ...settings().decision, number: "06/QĐ-UBND", date: "05/01/2021", province: "Thái Bình" } }));
    mocked.generateAnnex.mockResolvedValue({
      kind: "done",
      sheetName: "Phụ lục",
      collided: false,
      manualPrintSteps: [],
      errorsIncluded: 0,
      notices: [{ code: "provinceMissing", message: "Chưa có tên tỉnh: dòng “Kèm theo” …", messageEn: "No province yet: …" }],
      undo: { action: "annex", at: "2021-01-04T03:42:00.000Z", sheet: "Phụ lục" },
    });
    const user = userEvent.setup({ delay: null });
    render(<App api={mocked} lang={lang} />);
    await waitIdle();
    await user.click(await screen.findByRole("tab", { name: lang === "vi" ? "Phụ lục" : "Annex" }));
    await user.click(await screen.findByRole("button", { name: lang === "vi" ? "Tạo phụ lục" : "Create annex" }));
    const status = await screen.findByRole("group", { name: title });
    expect(within(status).getByText(intro)).toBeInTheDocument();
    expect(
      within(status)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([lang === "vi" ? "Chưa có tên tỉnh: dòng “Kèm theo” …" : "No province yet: …"]);
    expect(screen.queryByRole("group", { name: /^(Sẵn sàng trình ký|Ready to sign|Xong|Done)$/ })).not.toBeInTheDocument();
  });

  test("“Đưa xếp hạng năm trước vào phụ lục”: a checkbox showing the stored choice, saved with the decision before the annex", async () => {
    mocked.generateAnnex.mockResolvedValue({
      kind: "done",
      sheetName: "Phụ lục",
      collided: false,
      manualPrintSteps: [],
      errorsIncluded: 0,
      undo: { action: "annex", at: "2021-01-04T03:42:00.000Z", sheet: "Phụ lục" },
    });
    const stored = { ...settings().decision, number: "06/QĐ-UBND", date: "05/01/2021", province: "Thái Bình" };
    mocked.loadSettings.mockResolvedValue(settings({ decision: stored }));
    const { user } = await openAnnex();
    const box = screen.getByRole("checkbox", { name: "Đưa xếp hạng năm trước vào phụ lục (cột “Xếp hạng năm trước” và “Tăng/giảm”)" });
    expect(box).not.toBeChecked();
    await user.click(box);
    expect(box).toBeChecked();
    await user.click(screen.getByRole("button", { name: "Tạo phụ lục" }));
    await waitFor(() => expect(mocked.saveDecision).toHaveBeenCalledWith(expect.objectContaining({ annexPrevious: true, number: "06/QĐ-UBND" })));
    expect(mocked.generateAnnex).toHaveBeenCalledTimes(1);
    expect(mocked.saveDecision.mock.invocationCallOrder[0]).toBeLessThan(mocked.generateAnnex.mock.invocationCallOrder[0]);
  });

  test("a stored choice shows ticked; clearing it saves the decision without it", async () => {
    const stored = { ...settings().decision, number: "06/QĐ-UBND", date: "05/01/2021", province: "Thái Bình", annexPrevious: true };
    mocked.loadSettings.mockResolvedValue(settings({ decision: stored }));
    const { user } = await openAnnex();
    const box = screen.getByRole("checkbox", { name: /^Đưa xếp hạng năm trước vào phụ lục/ });
    expect(box).toBeChecked();
    await user.click(box);
    await user.click(screen.getByRole("button", { name: "Lưu thông tin" }));
    await waitFor(() => expect(mocked.saveDecision).toHaveBeenCalledTimes(1));
    expect(mocked.saveDecision.mock.calls[0][0]).not.toHaveProperty("annexPrevious");
  });
});
