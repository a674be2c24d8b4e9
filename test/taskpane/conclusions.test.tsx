/** @jest-environment jsdom */
import * as React from "react";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { FormsView } from "../../src/taskpane/FormsView";
import { catalogue, I18nContext, Lang } from "../../src/taskpane/i18n";
import { installShims, fakeApi, useBusyRun } from "./helpers";
import type { DifferenceItem } from "../../src/core/forms/conclusions";

beforeAll(installShims);

const ITEMS: DifferenceItem[] = [
  { row: 3, agency: "Sở Y tế", group: "Hạ tầng kỹ thuật", self: "47", appraised: "45", conclusion: null, score: "", reason: "", max: 50 },
  { row: 4, agency: "Sở Tư pháp", group: "Nhân lực", self: "20", appraised: "18", conclusion: "keep", score: "", reason: "Thiếu minh chứng", max: 30 },
];

function renderView(lang: Lang = "vi") {
  const api = fakeApi();
  api.listDifferences.mockResolvedValue({ kind: "done", sheet: "Chênh lệch", items: ITEMS });
  api.writeConclusions.mockResolvedValue({
    kind: "done",
    message: "Đã ghi kết luận của 1 dòng (3 ô)",
    messageEn: "Recorded the conclusions of 1 row (3 cells)",
    cells: ["H4", "I4", "J4"],
  });
  const onWritten = jest.fn().mockResolvedValue(undefined);
  function Host() {
    const { busy, run } = useBusyRun();
    return (
      <FluentProvider theme={webLightTheme}>
        <I18nContext.Provider value={catalogue[lang]}>
          <FormsView busy={busy} run={run} actions={api.forms} onWritten={onWritten} council={api} />
        </I18nContext.Provider>
      </FluentProvider>
    );
  }
  render(<Host />);
  return { user: userEvent.setup({ delay: null }), api, onWritten };
}

test("Kết luận của hội đồng: lists the differences, refuses a score above the maximum naming the row, then records the choice by keyboard", async () => {
  const { user, api, onWritten } = renderView();
  const region = screen.getByRole("region", { name: "Kết luận của hội đồng" });
  within(region).getByRole("button", { name: "Xem các chênh lệch" }).focus();
  await user.keyboard("{Enter}");
  const row = await within(region).findByRole("group", { name: "Sở Y tế, “Hạ tầng kỹ thuật”: tự chấm 47, thẩm định 45" });
  expect(api.listDifferences).toHaveBeenCalledTimes(1);
  const kept = within(region).getByRole("group", { name: /Sở Tư pháp/ });
  expect(within(kept).getByRole("combobox", { name: "Kết luận" })).toHaveValue("keep");
  expect(within(kept).getByRole("textbox", { name: "Lý do" })).toHaveValue("Thiếu minh chứng");

  const choice = within(row).getByRole("combobox", { name: "Kết luận" });
  await user.selectOptions(choice, "Điểm khác");
  choice.focus();
  await user.tab();
  const score = within(row).getByRole("textbox", { name: "Điểm khác (từ 0 đến 50)" });
  expect(score).toHaveFocus();
  await user.keyboard("60");
  await user.tab();
  await user.keyboard("Đủ minh chứng");
  const save = within(region).getByRole("button", { name: "Ghi kết luận" });
  save.focus();
  await user.keyboard("{Enter}");
  const problem = "Điểm khác của Sở Y tế, “Hạ tầng kỹ thuật” là “60”: hãy ghi một số từ 0 đến 50";
  expect((await within(region).findAllByText(new RegExp(problem))).length).toBeGreaterThan(0);
  expect(api.writeConclusions).not.toHaveBeenCalled();

  await user.clear(score);
  await user.type(score, "30,5");
  save.focus();
  await user.keyboard("{Enter}");
  await within(region).findByText("Đã ghi kết luận của 1 dòng (3 ô)");
  expect(api.writeConclusions).toHaveBeenCalledWith([
    { row: 3, agency: "Sở Y tế", group: "Hạ tầng kỹ thuật", conclusion: "other", score: "30,5", reason: "Đủ minh chứng" },
  ]);
  expect(onWritten).toHaveBeenCalled();
});

test("in English: a reason starting with “=” is passed as typed, and a row left unchanged is not sent", async () => {
  const { user, api } = renderView("en");
  const region = screen.getByRole("region", { name: "The council's conclusions" });
  await user.click(within(region).getByRole("button", { name: "Show the differences" }));
  const row = await within(region).findByRole("group", { name: "Sở Y tế, “Hạ tầng kỹ thuật”: self-assessed 47, appraised 45" });
  await user.selectOptions(within(row).getByRole("combobox", { name: "Conclusion" }), "Accept the self-assessment");
  await user.type(within(row).getByRole("textbox", { name: "Reason" }), "=1+1");
  await user.click(within(region).getByRole("button", { name: "Record conclusions" }));
  await within(region).findByText("Recorded the conclusions of 1 row (3 cells)");
  expect(api.writeConclusions).toHaveBeenCalledWith([{ row: 3, agency: "Sở Y tế", group: "Hạ tầng kỹ thuật", conclusion: "accept", reason: "=1+1" }]);
});

test("a refusal (the results locked) is shown as the use case says it", async () => {
  const { user, api } = renderView();
  api.writeConclusions.mockResolvedValue({ kind: "refused", message: "Kết quả đã được chốt (mã kiểm tra 7F3K-92QD)", messageEn: "locked", cells: [] });
  await user.click(screen.getByRole("button", { name: "Xem các chênh lệch" }));
  const row = await screen.findByRole("group", { name: /Sở Y tế/ });
  await user.selectOptions(within(row).getByRole("combobox", { name: "Kết luận" }), "Giữ điểm thẩm định");
  await user.click(screen.getByRole("button", { name: "Ghi kết luận" }));
  await screen.findByText("Kết quả đã được chốt (mã kiểm tra 7F3K-92QD)");
  expect(screen.getByText("Chưa ghi được kết luận")).toBeInTheDocument();
});

test("“Chưa kết luận” on a row that had a conclusion clears it (the use case gets “none”); on a row that had none it sends nothing", async () => {
  const { user, api } = renderView();
  await user.click(screen.getByRole("button", { name: "Xem các chênh lệch" }));
  const open = await screen.findByRole("group", { name: /Sở Y tế/ });
  const kept = screen.getByRole("group", { name: /Sở Tư pháp/ });
  // The row without a conclusion, left at “Chưa kết luận”: nothing to record.
  expect(within(open).getByRole("combobox", { name: "Kết luận" })).toHaveValue("none");
  await user.click(screen.getByRole("button", { name: "Ghi kết luận" }));
  expect(api.writeConclusions).not.toHaveBeenCalled();

  await user.selectOptions(within(kept).getByRole("combobox", { name: "Kết luận" }), "Chưa kết luận");
  await user.click(screen.getByRole("button", { name: "Ghi kết luận" }));
  await screen.findByText("Đã ghi kết luận của 1 dòng (3 ô)");
  expect(api.writeConclusions).toHaveBeenCalledWith([{ row: 4, agency: "Sở Tư pháp", group: "Nhân lực", conclusion: "none", reason: "Thiếu minh chứng" }]);
  // As the sheet now holds it: no conclusion, no reason; recording again sends nothing.
  expect(within(kept).getByRole("combobox", { name: "Kết luận" })).toHaveValue("none");
  expect(within(kept).getByRole("textbox", { name: "Lý do" })).toHaveValue("");
  await user.click(screen.getByRole("button", { name: "Ghi kết luận" }));
  expect(api.writeConclusions).toHaveBeenCalledTimes(1);
});

test("a difference per criterion (criteria sets) is listed with its criterion and maximum, and concluded like a group's", async () => {
  const { user, api } = renderView();
  const item: DifferenceItem = {
    row: 5,
    agency: "Sở Xây dựng",
    group: "1.4 Hạ tầng khác",
    self: "4",
    appraised: "2,5",
    conclusion: null,
    score: "",
    reason: "",
    max: 5,
  };
  api.listDifferences.mockResolvedValue({ kind: "done", sheet: "Chênh lệch", items: [item] });
  await user.click(screen.getByRole("button", { name: "Xem các chênh lệch" }));
  const row = await screen.findByRole("group", { name: "Sở Xây dựng, “1.4 Hạ tầng khác”: tự chấm 4, thẩm định 2,5" });
  await user.selectOptions(within(row).getByRole("combobox", { name: "Kết luận" }), "Điểm khác");
  await user.type(within(row).getByRole("textbox", { name: "Điểm khác (từ 0 đến 5)" }), "3,5");
  await user.click(screen.getByRole("button", { name: "Ghi kết luận" }));
  await screen.findByText("Đã ghi kết luận của 1 dòng (3 ô)");
  expect(api.writeConclusions).toHaveBeenCalledWith([
    { row: 5, agency: "Sở Xây dựng", group: "1.4 Hạ tầng khác", conclusion: "other", score: "3,5", reason: "" },
  ]);
});
