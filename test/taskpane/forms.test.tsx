/** @jest-environment jsdom */
import * as React from "react";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { FormsView } from "../../src/taskpane/FormsView";
import type { FormsActions } from "../../src/taskpane/api";
import { App } from "../../src/taskpane/App";
import { catalogue, I18nContext, Lang } from "../../src/taskpane/i18n";
import { formFor } from "../forms/helpers";
import { presetRules } from "../../src/core/rules/rules";
import { installShims, settings, fakeApi, useBusyRun } from "./helpers";
import { planNotices } from "../../src/core/forms/notices";
import type { DifferenceRow } from "../../src/core/forms/conclusions";

let mocked = fakeApi();
beforeEach(() => {
  mocked = fakeApi();
});
beforeAll(installShims);

const rules = presetRules();
const forms = [
  { fileName: "so-tai-chinh.xlsx", agency: "Sở Tài chính", description: formFor(rules, "Sở Tài chính") },
  { fileName: "so-y-te.xlsx", agency: "Sở Y tế", description: formFor(rules, "Sở Y tế") },
];
const bytes = [
  { fileName: "so-tai-chinh.xlsx", bytes: new Uint8Array([1]) },
  { fileName: "so-y-te.xlsx", bytes: new Uint8Array([2]) },
];

// One agency's notice as the core builds it (its lines from "Chênh lệch", signed with a key).
const planned = planNotices({
  formKey: "ab".repeat(32),
  rows: [
    {
      row: 1,
      agency: "Sở Y tế",
      group: "Hạ tầng kỹ thuật",
      self: 50,
      appraised: 45.5,
      evidence: "BC 1",
      conclusion: "keep",
      conclusionText: "Giữ điểm thẩm định",
      typed: "Giữ điểm thẩm định",
      score: null,
      reason: "Thiếu biên bản",
      reply: "",
    },
  ] satisfies DifferenceRow[],
  year: 2020,
  masterId: "bd-1",
  rulesFingerprint: "x",
  deadline: "15/01/2021",
});
const notices = planned.ok ? planned.notices : [];
const noticeBytes = [{ fileName: "thong-bao-so-y-te.xlsx", bytes: new Uint8Array([3]) }];

function fakeActions(delivery: "newWorkbooks" | "download" = "newWorkbooks"): jest.Mocked<FormsActions> {
  return {
    prepare: jest.fn().mockResolvedValue({ kind: "done", forms }),
    delivery: jest.fn().mockReturnValue(delivery),
    render: jest.fn().mockResolvedValue(bytes),
    prepareNotices: jest.fn().mockResolvedValue({ kind: "done", notices }),
    renderNotices: jest.fn().mockResolvedValue(noticeBytes),
    openAsNewWorkbooks: jest.fn().mockResolvedValue(undefined),
    download: jest.fn().mockResolvedValue({ fileName: "phieu-tu-danh-gia.zip", forms: 2, bytes: 1_258_291 }),
    read: jest.fn().mockResolvedValue([{ file: "so-y-te.xlsx", values: [], identity: null }]),
    merge: jest.fn().mockResolvedValue({
      kind: "done",
      sheet: "Bảng điểm",
      merged: [{ file: "so-y-te.xlsx", agency: "Sở Y tế" }],
      missing: ["Sở Nội vụ", "Sở Tư pháp"],
      agencies: 19,
      findings: [
        {
          file: "hong.xlsx",
          cell: "",
          severity: "error",
          code: "unreadable",
          agency: "",
          message: "Tệp “hong.xlsx” không đọc được",
          messageEn: "File “hong.xlsx” cannot be read",
        },
      ],
      differences: [{ agency: "Sở Y tế", group: "Hạ tầng kỹ thuật", self: 50, appraised: 45.5, evidence: "BC 1", cell: "C9" }],
      written: 5,
      unchanged: false,
      message: "Đã gộp 1/2 phiếu",
      messageEn: "Merged 1 of 2 forms",
    }),
  };
}

function renderView(actions: FormsActions, lang: Lang = "vi") {
  const onWritten = jest.fn().mockResolvedValue(undefined);
  function Host() {
    const { busy, run } = useBusyRun();
    return (
      <FluentProvider theme={webLightTheme}>
        <I18nContext.Provider value={catalogue[lang]}>
          <FormsView busy={busy} run={run} actions={actions} onWritten={onWritten} />
        </I18nContext.Provider>
      </FluentProvider>
    );
  }
  render(<Host />);
  return { user: userEvent.setup({ delay: null }), onWritten };
}

test("Tạo phiếu for all agencies opens each form as a new workbook where the host can, and lists the files", async () => {
  const actions = fakeActions("newWorkbooks");
  const { user } = renderView(actions);
  expect(screen.getByText(/Mỗi phiếu mở ra thành một sổ tính mới/)).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Tạo phiếu" }));
  await screen.findByText("Đã tạo 2 phiếu:");
  expect(actions.prepare).toHaveBeenCalledWith("all");
  expect(actions.render).toHaveBeenCalledWith(forms);
  expect(actions.openAsNewWorkbooks).toHaveBeenCalledWith(bytes);
  expect(actions.download).not.toHaveBeenCalled();
  expect(screen.getByText("Đã mở 2 sổ tính mới, mỗi phiếu một sổ: hãy lưu từng sổ với tên đã gợi ý.")).toBeInTheDocument();
  expect(screen.getByText("so-tai-chinh.xlsx (Sở Tài chính)")).toBeInTheDocument();
});

test("on Excel on the web the forms of the selected agencies are downloaded", async () => {
  const actions = fakeActions("download");
  const { user } = renderView(actions);
  expect(screen.getByText(/tải về máy/)).toBeInTheDocument();
  await user.click(screen.getByRole("radio", { name: "Các cơ quan ở những dòng đang chọn" }));
  await user.click(screen.getByRole("button", { name: "Tạo phiếu" }));
  await screen.findByText("Đã tạo 2 phiếu:");
  expect(actions.prepare).toHaveBeenCalledWith("selected");
  expect(actions.download).toHaveBeenCalledWith(bytes);
  expect(actions.download).toHaveBeenCalledTimes(1);
  expect(actions.openAsNewWorkbooks).not.toHaveBeenCalled();
  // What was delivered: one .zip of both forms, its name and size.
  expect(
    screen.getByText(
      "Đã tải về một tệp “phieu-tu-danh-gia.zip” (1,2 MB) chứa cả 2 phiếu, trong thư mục Tải xuống. Hãy giải nén rồi gửi mỗi phiếu cho cơ quan của nó.",
    ),
  ).toBeInTheDocument();
});

test("in English the one download is said in English; a single form is downloaded as itself", async () => {
  const actions = fakeActions("download");
  actions.download.mockResolvedValueOnce({ fileName: "phieu-tu-danh-gia.zip", forms: 2, bytes: 1_258_291 });
  const { user } = renderView(actions, "en");
  expect(screen.getByText(/downloaded in one \.zip file/)).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Create forms" }));
  expect(
    await screen.findByText(
      "Downloaded one file, “phieu-tu-danh-gia.zip” (1.2 MB), holding all 2 forms, to the Downloads folder. Unzip it and send each form to its agency.",
    ),
  ).toBeInTheDocument();
  actions.download.mockResolvedValueOnce({ fileName: "so-y-te.xlsx", forms: 1, bytes: 9000 });
  await user.click(screen.getByRole("button", { name: "Create forms" }));
  expect(await screen.findByText("Downloaded “so-y-te.xlsx” to the Downloads folder.")).toBeInTheDocument();
});

test("Thông báo kết quả thẩm định: the notices with the deadline typed, delivered as the forms are (new workbooks), listed by file", async () => {
  const actions = fakeActions("newWorkbooks");
  const { user, onWritten } = renderView(actions);
  await user.type(screen.getByRole("textbox", { name: /Hạn gửi lại ý kiến/ }), "15/01/2021");
  await user.click(screen.getByRole("button", { name: "Tạo thông báo" }));
  await screen.findByText("Đã tạo 1 thông báo kết quả thẩm định, mỗi cơ quan có chênh lệch một tệp:");
  expect(actions.prepareNotices).toHaveBeenCalledWith("15/01/2021");
  expect(notices.map((n) => n.description.identity.agency)).toEqual(["Sở Y tế"]);
  expect(actions.renderNotices).toHaveBeenCalledWith(notices);
  expect(actions.openAsNewWorkbooks).toHaveBeenCalledWith(noticeBytes);
  expect(screen.getByText("thong-bao-so-y-te.xlsx (Sở Y tế)")).toBeInTheDocument();
  expect(screen.getByText("Đã mở 1 sổ tính mới, mỗi thông báo một sổ: hãy lưu từng sổ với tên đã gợi ý.")).toBeInTheDocument();
  // Nothing in the workbook changed: no settings to reload, no undo.
  expect(onWritten).not.toHaveBeenCalled();
});

test("Notices in English: downloaded on the web; a refusal (no form key yet) is an error in English and nothing is rendered", async () => {
  const actions = fakeActions("download");
  actions.download.mockResolvedValue({ fileName: "thong-bao-so-y-te.xlsx", forms: 1, bytes: 3 });
  const { user } = renderView(actions, "en");
  await user.click(screen.getByRole("button", { name: "Make the notices" }));
  await screen.findByText("Made 1 notice of appraisal results, one file for each agency with a difference:");
  expect(actions.download).toHaveBeenCalledWith(noticeBytes, "thong-bao-ket-qua-tham-dinh.zip");
  expect(screen.getByText("Downloaded “thong-bao-so-y-te.xlsx” to the Downloads folder.")).toBeInTheDocument();
  actions.prepareNotices.mockResolvedValue({
    kind: "refused",
    cells: [],
    message: "Sổ tính này chưa có khóa ký phiếu",
    messageEn: "This workbook has no form key yet",
  });
  await user.click(screen.getByRole("button", { name: "Make the notices" }));
  expect(await screen.findByText("This workbook has no form key yet")).toBeInTheDocument();
  expect(screen.getByText("Notices not made")).toBeInTheDocument();
  expect(actions.renderNotices).toHaveBeenCalledTimes(1);
});

test("a refusal is shown in the pane's language and nothing is rendered", async () => {
  const actions = fakeActions();
  actions.prepare.mockResolvedValue({
    kind: "refused",
    message: "Vùng đang chọn không có dòng cơ quan nào",
    messageEn: "The selection holds no agency row",
    cells: [],
  });
  const { user } = renderView(actions, "en");
  await user.click(screen.getByRole("button", { name: "Create forms" }));
  expect(await screen.findByText("The selection holds no agency row")).toBeInTheDocument();
  expect(actions.render).not.toHaveBeenCalled();
});

test("Gộp phiếu waits for files, reads them, merges, and shows the summary, the problem forms and the differences", async () => {
  const actions = fakeActions();
  const { user, onWritten } = renderView(actions);
  const button = screen.getByRole("button", { name: "Gộp phiếu" });
  expect(button).toHaveAttribute("aria-disabled", "true");
  const files = [new File(["a"], "so-y-te.xlsx"), new File(["b"], "hong.xlsx")];
  // The picker is a button of the pane's own (not the browser's bare file input), saying what is chosen.
  const input = screen.getByLabelText<HTMLInputElement>("Các tệp phiếu (.xlsx)");
  expect(input).not.toBeVisible();
  const picker = screen.getByRole("button", { name: "Chọn tệp phiếu…" });
  expect(picker).toHaveAccessibleDescription("Chưa chọn tệp nào.");
  const opened = jest.spyOn(input, "click");
  await user.click(picker);
  expect(opened).toHaveBeenCalledTimes(1);
  await user.upload(input, files);
  expect(screen.getByText("Đã chọn 2 tệp.")).toBeInTheDocument();
  expect(picker).toHaveAccessibleDescription("Đã chọn 2 tệp.");
  await user.click(button);
  await screen.findByText("Đã gộp 1/2 phiếu");
  expect(actions.read).toHaveBeenCalledWith(files);
  expect(actions.merge).toHaveBeenCalledWith([{ file: "so-y-te.xlsx", values: [], identity: null }]);
  expect(screen.getByText("Tệp “hong.xlsx” không đọc được")).toBeInTheDocument();
  expect(screen.getByText("Sở Y tế, “Hạ tầng kỹ thuật”: tự chấm 50, thẩm định 45,5")).toBeInTheDocument();
  // Who has returned a form and who has not.
  expect(screen.getByText("Đã nhận phiếu của 17/19 cơ quan. Chưa gửi phiếu:")).toBeInTheDocument();
  expect(screen.getByText("Sở Tư pháp")).toBeInTheDocument();
  await waitFor(() => expect(onWritten).toHaveBeenCalled());
});

test("Gộp phiếu says the forms' deadline from the decision data with who has not returned a form", async () => {
  const actions = fakeActions();
  const done = await actions.merge([]);
  if (done.kind !== "done") throw new Error("the fake merges");
  actions.merge.mockResolvedValue({ ...done, deadline: "20/12/2020" });
  const { user } = renderView(actions);
  await user.upload(screen.getByLabelText("Các tệp phiếu (.xlsx)"), [new File(["a"], "so-y-te.xlsx")]);
  await user.click(screen.getByRole("button", { name: "Gộp phiếu" }));
  expect(await screen.findByText("Đã nhận phiếu của 17/19 cơ quan (hạn gửi 20/12/2020). Chưa gửi phiếu:")).toBeInTheDocument();
});

test("the pane has a Phiếu tab wired to the use cases", async () => {
  mocked.loadSettings.mockResolvedValue(settings());
  mocked.forms.delivery.mockReturnValue("download");
  mocked.forms.prepare.mockResolvedValue({ kind: "refused", message: "Trang tính “X”: không có bảng điểm", messageEn: "no grid", cells: [] });
  const user = userEvent.setup({ delay: null });
  render(<App api={mocked} lang="vi" />);
  await user.click(await screen.findByRole("tab", { name: "Phiếu" }));
  // The tab loads on first use.
  await user.click(await screen.findByRole("button", { name: "Tạo phiếu" }));
  expect(await screen.findByText("Trang tính “X”: không có bảng điểm")).toBeInTheDocument();
  expect(mocked.forms.prepare).toHaveBeenCalledWith("all");
});
