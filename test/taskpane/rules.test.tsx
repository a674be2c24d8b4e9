/** @jest-environment jsdom */
import * as fs from "fs";
import * as path from "path";
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { PRESET_THAI_BINH_2020, RulesJson } from "../../src/core/rules/rules";
import { installShims, settings, fakeApi, waitIdle } from "./helpers";

let mocked = fakeApi();

beforeAll(installShims);
beforeEach(() => {
  mocked = fakeApi();
  jest.clearAllMocks();
  mocked.loadSettings.mockResolvedValue(settings());
  mocked.saveRules.mockResolvedValue({ ok: true });
});

async function openRules() {
  const user = userEvent.setup({ delay: null });
  render(<App api={mocked} lang="vi" />);
  await waitIdle(); // settings read (the pane is not busy any more)
  await user.click(await screen.findByRole("tab", { name: "Quy tắc" }));
  const panel = screen.getByRole("tabpanel", { name: "Quy tắc" });
  // The tab loads on first use.
  await within(panel).findByRole("heading", { name: "Quy tắc chấm điểm" });
  return { user, panel };
}

function upload(name: string, text: string) {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
  fireEvent.change(input, { target: { files: [new File([text], name, { type: "application/json" })] } });
}

test("a group's maximum of -5 gets its message under the field, and the group's header counts the error", async () => {
  const { user, panel } = await openRules();
  await user.click(within(panel).getByRole("button", { name: /Hạ tầng kỹ thuật/ }));
  const max = within(panel).getByRole("textbox", { name: "Điểm tối đa" });
  expect(max).toHaveValue("50");
  await user.clear(max);
  await user.type(max, "-5");
  expect(max).toHaveAttribute("aria-invalid", "true");
  expect(max).toHaveAccessibleDescription("Điểm tối đa phải là số lớn hơn 0 (số, hoặc chữ số thập phân như “2,5”).");
  expect(within(panel).getByRole("button", { name: /Hạ tầng kỹ thuật.*1 lỗi/ })).toBeInTheDocument();
  expect(within(panel).getByText("Còn 1 chỗ chưa đúng (ghi ngay dưới từng ô).")).toBeInTheDocument();

  // Invalid rules are never saved; focus goes to the first wrong field.
  await user.click(within(panel).getByRole("textbox", { name: "Tên bộ quy tắc" }));
  await user.click(within(panel).getByRole("button", { name: "Lưu quy tắc" }));
  expect(mocked.saveRules).not.toHaveBeenCalled();
  expect(within(panel).getByText("Chưa lưu: hãy sửa các ô được đánh dấu trước.")).toBeInTheDocument();
  await waitFor(() => expect(within(panel).getByRole("textbox", { name: "Điểm tối đa" })).toHaveFocus());

  const reopened = within(panel).getByRole("textbox", { name: "Điểm tối đa" });
  await user.clear(reopened);
  await user.type(reopened, "60");
  expect(reopened).not.toHaveAttribute("aria-invalid", "true");
  await user.click(within(panel).getByRole("button", { name: "Lưu quy tắc" }));
  const saved = mocked.saveRules.mock.calls[0][0] as typeof PRESET_THAI_BINH_2020;
  expect(saved.groups[0].maxPoints).toBe(60);
  expect(saved.groups.slice(1)).toEqual(PRESET_THAI_BINH_2020.groups.slice(1));
  expect(await within(panel).findByText(/Đã lưu quy tắc vào sổ tính/)).toBeInTheDocument();
});

test("class bands, exemptions and rank basis are editable and checked", async () => {
  const { user, panel } = await openRules();
  const second = within(panel).getByRole("textbox", { name: "Chỉ số tối thiểu của mức 2" });
  expect(second).toHaveValue("0.70");
  await user.clear(second);
  await user.type(second, "0,9");
  expect(second).toHaveAccessibleDescription(/phải nhỏ hơn ngưỡng của mức đứng trước/);
  await user.clear(second);
  await user.type(second, "0,7");
  expect(second).not.toHaveAttribute("aria-invalid", "true");

  await user.click(within(panel).getByRole("button", { name: "Thêm mức" }));
  await user.type(within(panel).getByRole("textbox", { name: "Tên mức 4" }), "Yếu");
  // "Trung bình" still starts at 0, so "Yếu" at 0 is not below it.
  expect(within(panel).getByRole("textbox", { name: "Chỉ số tối thiểu của mức 4" })).toHaveAccessibleDescription(/phải nhỏ hơn ngưỡng/);
  const third = within(panel).getByRole("textbox", { name: "Chỉ số tối thiểu của mức 3" });
  await user.clear(third);
  await user.type(third, "0.5");
  expect(third).not.toHaveAttribute("aria-invalid", "true");

  const keyword = within(panel).getByRole("textbox", { name: "Từ khóa trong Ghi chú" });
  await user.clear(keyword);
  expect(keyword).toHaveAccessibleDescription(/Các từ khóa ghi chú cần ít nhất 1 mục\./);
  await user.type(keyword, "Không TTHC");

  await user.selectOptions(within(panel).getByRole("combobox", { name: "Căn cứ xếp hạng" }), "total");
  await user.click(within(panel).getByRole("button", { name: "Lưu quy tắc" }));
  const saved = mocked.saveRules.mock.calls[0][0] as typeof PRESET_THAI_BINH_2020;
  expect(saved.rankBy).toBe("total");
  expect(saved.classes).toEqual([
    { name: "Tốt", minIndex: "0.85" },
    { name: "Khá", minIndex: "0,7" },
    { name: "Trung bình", minIndex: "0.5" },
    { name: "Yếu", minIndex: 0 },
  ]);
});

test("importing a file that is not JSON says so and keeps the rules being edited", async () => {
  const { panel } = await openRules();
  upload("rules.json", "{ not json");
  expect(await within(panel).findByText(/Tệp “rules.json” không phải JSON hợp lệ/)).toBeInTheDocument();
  expect(within(panel).getByRole("textbox", { name: "Tên bộ quy tắc" })).toHaveValue(PRESET_THAI_BINH_2020.name);
});

test("importing invalid rules lists each problem where people see it (“Nhóm 2”), not as a JSON path", async () => {
  const { panel } = await openRules();
  const bad = JSON.parse(JSON.stringify(PRESET_THAI_BINH_2020));
  bad.groups[1].maxPoints = -5;
  bad.rankBy = "tên";
  upload("rules-sai.json", JSON.stringify(bad));
  expect(await within(panel).findByText(/Không nhập tệp “rules-sai.json”: có 2 lỗi/)).toBeInTheDocument();
  expect(within(panel).getByText("Nhóm 2: Điểm tối đa phải là số lớn hơn 0 (số, hoặc chữ số thập phân như “2,5”).")).toBeInTheDocument();
  expect(within(panel).getByText(/^Căn cứ xếp hạng \(rankBy\) phải là/)).toBeInTheDocument();
  expect(panel).not.toHaveTextContent(/groups\[|rankBy:/);
  expect(within(panel).getByRole("textbox", { name: "Tên bộ quy tắc" })).toHaveValue(PRESET_THAI_BINH_2020.name);
});

test("importing valid rules fills the editor; export offers rules.json; reset gives back the 2020 preset", async () => {
  const { user, panel } = await openRules();
  const other = JSON.parse(JSON.stringify(PRESET_THAI_BINH_2020));
  other.name = "Tỉnh khác 2023";
  other.classes = [
    { name: "Tốt", minIndex: 0.9 },
    { name: "Khá", minIndex: 0.7 },
    { name: "Trung bình", minIndex: 0.5 },
    { name: "Yếu", minIndex: 0 },
  ];
  upload("tinh-khac.json", JSON.stringify(other));
  expect(await within(panel).findByText(/Đã nhập quy tắc từ “tinh-khac.json”/)).toBeInTheDocument();
  expect(within(panel).getByRole("textbox", { name: "Tên bộ quy tắc" })).toHaveValue("Tỉnh khác 2023");
  expect(within(panel).getByRole("textbox", { name: "Tên mức 4" })).toHaveValue("Yếu");
  expect(within(panel).getByText("Có thay đổi chưa lưu.")).toBeInTheDocument();

  await user.click(within(panel).getByRole("button", { name: "Xuất JSON" }));
  const text = within(panel).getByRole("textbox", { name: "Nội dung rules.json" }) as HTMLTextAreaElement;
  expect(JSON.parse(text.value).name).toBe("Tỉnh khác 2023");

  await user.click(within(panel).getByRole("button", { name: "Đặt lại theo mẫu 2020" }));
  expect(within(panel).getByRole("textbox", { name: "Tên bộ quy tắc" })).toHaveValue(PRESET_THAI_BINH_2020.name);
  expect(within(panel).queryByRole("textbox", { name: "Tên mức 4" })).not.toBeInTheDocument();
});

test("renaming a group's id carries the exemptions that name it", async () => {
  const { user, panel } = await openRules();
  await user.click(within(panel).getByRole("button", { name: /Cung cấp DVCTT/ }));
  const id = within(panel).getByRole("textbox", { name: /^Mã nhóm/ });
  await user.clear(id);
  await user.type(id, "dich-vu-cong");
  expect(within(panel).queryByText(/không có trong danh sách nhóm/)).not.toBeInTheDocument();
  await user.click(within(panel).getByRole("button", { name: "Lưu quy tắc" }));
  const saved = mocked.saveRules.mock.calls[0][0] as typeof PRESET_THAI_BINH_2020;
  expect(saved.exemptions[0].groups).toEqual(["dich-vu-cong"]);
});

test("format 2 in the editor: weights, counted, display and blocks with their own maxima, each with its message", async () => {
  const { user, panel } = await openRules();
  await user.click(within(panel).getByRole("button", { name: /Hạ tầng kỹ thuật/ }));
  const weight = within(panel).getByRole("textbox", { name: /^Trọng số trong chỉ số/ });
  await user.type(weight, "abc");
  expect(weight).toHaveAccessibleDescription("Trọng số phải là số lớn hơn 0 và không quá 1 (ví dụ 0,15).");
  await user.clear(weight);
  await user.type(weight, "0,5");
  expect(within(panel).getByText(/^Mọi nhóm được tính đều phải có trọng số, hoặc không nhóm nào có; còn thiếu ở: “Ứng dụng CNTT”/)).toBeInTheDocument();
  await user.clear(weight);
  await user.click(within(panel).getByRole("checkbox", { name: "Tính vào tổng điểm và chỉ số" }));

  await user.selectOptions(within(panel).getByRole("combobox", { name: "Hiển thị chỉ số" }), "percent");

  await user.click(within(panel).getByRole("button", { name: "Thêm khối" }));
  const blockName = within(panel).getByRole("textbox", { name: "Tên khối (dòng tiêu đề trong phụ lục)" });
  expect(blockName).toHaveAccessibleDescription("Tên khối không được để trống.");
  const match = within(panel).getByRole("textbox", { name: "Chữ nhận biết khối (mỗi dòng một chữ)" });
  expect(match).toHaveAccessibleDescription("Chữ nhận biết khối cần ít nhất 1 mục.");
  await user.type(blockName, "Khối UBND huyện");
  await user.type(match, "UBND huyện");
  await user.type(within(panel).getByRole("textbox", { name: /^Mã khối/ }), "huyen");
  const max = within(panel).getByRole("textbox", { name: "Điểm tối đa “Cung cấp DVCTT” trong khối" });
  await user.type(max, "0");
  expect(max).toHaveAccessibleDescription(/^Điểm tối đa của nhóm trong khối phải là số lớn hơn 0/);
  await user.clear(max);
  await user.type(max, "80");
  expect(max).not.toHaveAttribute("aria-invalid", "true");

  await user.click(within(panel).getByRole("button", { name: "Lưu quy tắc" }));
  const saved = mocked.saveRules.mock.calls[0][0] as typeof PRESET_THAI_BINH_2020;
  expect(saved.schemaVersion).toBe(2);
  expect(saved.groups[0].counted).toBe(false);
  expect(saved.groups.some((g) => "weight" in g)).toBe(false);
  expect(saved.index.display).toBe("percent");
  expect(saved.blocks).toEqual([{ id: "huyen", name: "Khối UBND huyện", match: ["UBND huyện"], maxPoints: { dvctt: 80 } }]);
}, 300000); // many keystrokes: slow on a loaded machine

test("import then export gives back every field of each worked example", async () => {
  const { user, panel } = await openRules();
  for (const name of ["khoi-so-va-huyen", "chi-so-co-trong-so", "toan-quoc-khong-phan-loai", "bo-tieu-chi-2020"]) {
    const json = JSON.parse(fs.readFileSync(path.join(__dirname, "../../docs/examples", `${name}.json`), "utf8"));
    upload(`${name}.json`, JSON.stringify(json));
    expect(await within(panel).findByText(new RegExp(`Đã nhập quy tắc từ “${name}.json”`))).toBeInTheDocument();
    await user.click(within(panel).getByRole("button", { name: "Xuất JSON" }));
    const text = within(panel).getByRole("textbox", { name: "Nội dung rules.json" }) as HTMLTextAreaElement;
    expect(JSON.parse(text.value)).toEqual(json);
  }
}, 300000);

test.each([
  ["vi", "Quy tắc", "Tính điểm", "Tên bộ quy tắc", "Quy tắc có thay đổi chưa lưu", "Mở Quy tắc", "Lưu quy tắc"],
  ["en", "Rules", "Score", "Rule set name", "The rules have unsaved changes", "Open Rules", "Save rules"],
] as const)(
  "unsaved rules: leaving Quy tắc, the other tabs say Tính điểm would not use them, with a way back; saved, the warning goes (%s)",
  async (lang, rulesTab, scoreTab, nameLabel, title, open, save) => {
    const user = userEvent.setup({ delay: null });
    render(<App api={mocked} lang={lang} />);
    await waitIdle();
    await user.click(await screen.findByRole("tab", { name: rulesTab }));
    const panel = screen.getByRole("tabpanel", { name: rulesTab });
    const name = await within(panel).findByRole("textbox", { name: nameLabel });
    await user.type(name, " (sửa)");
    // On Quy tắc itself the form says it (“Có thay đổi chưa lưu.”): no second warning there.
    expect(screen.queryByText(title)).toBeNull();
    await user.click(screen.getByRole("tab", { name: scoreTab }));
    expect(await screen.findByText(title)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: open }));
    expect(screen.getByRole("tab", { name: rulesTab })).toHaveAttribute("aria-selected", "true");
    await user.click(within(panel).getByRole("button", { name: save }));
    await waitFor(() => expect(mocked.saveRules).toHaveBeenCalled());
    await user.click(screen.getByRole("tab", { name: scoreTab }));
    await waitFor(() => expect(screen.queryByText(title)).toBeNull());
  },
);

const CRITERIA_SET = JSON.parse(fs.readFileSync(path.join(__dirname, "../../docs/examples/bo-tieu-chi-2020.json"), "utf8"));

test("the criteria set is shown as a tree: each group a disclosure, each criterion its code, maximum and how it is scored; saving keeps it", async () => {
  mocked.loadSettings.mockResolvedValue(settings({ rules: CRITERIA_SET, rulesFromWorkbook: true }));
  const { user, panel } = await openRules();
  const section = await within(panel).findByRole("region", { name: "Bộ tiêu chí" });
  const summary = await within(section).findByText("Ứng dụng CNTT: 6 tiêu chí, tối đa 100 điểm");
  const details = summary.closest("details")!;
  expect(details.open).toBe(false);
  // The summary is reached by Tab and opened from the keyboard.
  summary.focus();
  expect(summary).toHaveFocus();
  await user.click(summary);
  expect(details.open).toBe(true);
  const tree = within(details);
  expect(tree.getByText("2.1")).toBeInTheDocument();
  expect(tree.getByText("Tổng điểm các tiêu chí con, không quá 40.")).toBeInTheDocument();
  // A sub-criterion sits in its parent's list.
  const sub = tree.getByText("2.1.2").closest("li")!;
  expect(sub.parentElement!.closest("li")).toBe(tree.getByText("2.1").closest("li"));
  expect(within(sub).getByText("Chọn mức: Đầy đủ 20; Một phần 10; Chưa sử dụng 0.")).toBeInTheDocument();
  expect(
    tree.getByText("Tỉ lệ văn bản điện tử ÷ Tổng văn bản đi; đạt điểm tối đa khi tỉ lệ từ 1 trở lên, thấp hơn thì theo tỉ lệ.", { exact: false }),
  ).toBeInTheDocument();

  const first = within(section).getByText("Hạ tầng kỹ thuật: 5 tiêu chí, tối đa 50 điểm");
  await user.click(first);
  const infra = within(first.closest("details")!);
  expect(infra.getByText("Theo Băng thông (Mbps): từ 100 được 10; từ 50 được 7; từ 20 được 4; thấp hơn được 0.")).toBeInTheDocument();
  expect(infra.getByText("Chọn mức: Đạt đầy đủ 15; Đạt một phần 7,5; Không đạt 0.")).toBeInTheDocument();
  expect(infra.getByText("Hướng dẫn: Hồ sơ đề xuất cấp độ đã được phê duyệt.")).toBeInTheDocument();

  // Saving after an edit elsewhere keeps the criteria, the exemptions' criteria and criteriaDecimals.
  const name = within(panel).getByRole("textbox", { name: "Tên bộ quy tắc" });
  await user.type(name, " (sửa)");
  await user.click(within(panel).getByRole("button", { name: "Lưu quy tắc" }));
  await waitFor(() => expect(mocked.saveRules).toHaveBeenCalledTimes(1));
  const saved = mocked.saveRules.mock.calls[0][0] as RulesJson;
  expect(saved.groups.map((g: { criteria?: unknown }) => g.criteria)).toEqual(CRITERIA_SET.groups.map((g: { criteria?: unknown }) => g.criteria));
  expect(saved.exemptions![0].criteria).toEqual(["2.5"]);
  expect(saved.criteriaDecimals).toBe(2);
});

test("the criteria view in English, and without criteria it says each group is one cell", async () => {
  mocked.loadSettings.mockResolvedValue(settings({ rules: CRITERIA_SET, rulesFromWorkbook: true }));
  const user = userEvent.setup({ delay: null });
  const { unmount } = render(<App api={mocked} lang="en" />);
  await waitIdle();
  await user.click(await screen.findByRole("tab", { name: "Rules" }));
  const panel = screen.getByRole("tabpanel", { name: "Rules" });
  const section = await within(panel).findByRole("region", { name: "Criteria set" });
  const infra = within(section).getByText("Hạ tầng kỹ thuật: 5 criteria, at most 50 points");
  await user.click(infra);
  const item = within(within(infra.closest("details")!).getByText("1.4").closest("li")!);
  expect(item.getByText("Choose a level: Đạt đầy đủ 15; Đạt một phần 7.5; Không đạt 0.")).toBeInTheDocument();
  expect(item.getByText("Evidence required.")).toBeInTheDocument();
  expect(within(within(infra.closest("details")!).getByText("1.3").closest("li")!).getByText("Yes gives 5, No gives 0.")).toBeInTheDocument();
  unmount();

  mocked.loadSettings.mockResolvedValue(settings());
  const { panel: vi } = await openRules();
  const none = await within(vi).findByRole("region", { name: "Bộ tiêu chí" });
  expect(within(none).getByText("Chưa nhóm nào có bộ tiêu chí: mỗi nhóm được chấm bằng một ô điểm trong bảng điểm.")).toBeInTheDocument();
});

describe("the criteria set and its “Bộ tiêu chí” sheet", () => {
  const SHEET = "Bộ tiêu chí";

  test("read from the sheet: its problems by cell, each a button that selects the cell; the rules' own problems by path", async () => {
    mocked.readCriteriaSheet.mockResolvedValue({
      kind: "problems",
      message: "Trang “Bộ tiêu chí” có 1 lỗi, chưa đưa được vào quy tắc. Chọn một lỗi để tới ô đó, sửa rồi đọc lại.",
      messageEn: "The “Bộ tiêu chí” sheet has 1 problem; it is not in the rules yet. Choose a problem to go to its cell, fix it and read again.",
      problems: [{ sheet: SHEET, cell: "D7", message: "Ô D7: cách chấm “Tùy” không rõ.", messageEn: "Cell D7: method “Tùy” is not known." }],
    });
    mocked.selectCell.mockResolvedValue(undefined);
    const broken = JSON.parse(JSON.stringify(CRITERIA_SET)) as RulesJson;
    broken.groups[0].criteria![1].id = broken.groups[0].criteria![0].id; // a code twice
    mocked.loadSettings.mockResolvedValue(settings({ rules: broken, rulesFromWorkbook: true }));
    const consoleError = jest.spyOn(console, "error");
    const { user, panel } = await openRules();
    const section = await within(panel).findByRole("region", { name: "Bộ tiêu chí" });
    // The rules' own problem, by its path, with the criteria set.
    expect(within(section).getByText(/^Tại groups\[0\]\.criteria\[1\]\.id: /)).toBeInTheDocument();
    // Both criteria with that code are listed, each its own item: a list keyed by the code alone gave React two
    // children of one key (it may drop or repeat one on the next update).
    const code = broken.groups[0].criteria![0].id;
    expect(within(section).getAllByText(code, { exact: true })).toHaveLength(2);
    for (const c of broken.groups[0].criteria!.slice(0, 2)) expect(within(section).getByText(c.name, { exact: true })).toBeInTheDocument();
    expect(consoleError.mock.calls.filter((call) => /same key/.test(String(call[0])))).toEqual([]);
    consoleError.mockRestore();
    await user.click(within(section).getByRole("button", { name: "Đọc trang Bộ tiêu chí" }));
    // The form's rules are invalid: the sheet is read into the stored ones.
    await waitFor(() => expect(mocked.readCriteriaSheet).toHaveBeenCalledWith(undefined));
    const list = await within(section).findByRole("region", { name: "Lỗi trên trang “Bộ tiêu chí” (1)" });
    const cell = within(list).getByRole("button", { name: "Tới ô D7: Ô D7: cách chấm “Tùy” không rõ." });
    cell.focus();
    await user.keyboard("{Enter}");
    expect(mocked.selectCell).toHaveBeenCalledWith(SHEET, "D7");
  });

  test("read from the sheet: the tree read is shown, and kept in the rules when used", async () => {
    mocked.loadSettings.mockResolvedValue(settings({ rules: CRITERIA_SET, rulesFromWorkbook: true }));
    const fromSheet = JSON.parse(JSON.stringify(CRITERIA_SET)) as RulesJson;
    fromSheet.groups[0].criteria![0].name = "Máy tính trên mỗi cán bộ (đọc từ trang)";
    mocked.readCriteriaSheet.mockResolvedValue({
      kind: "read",
      rules: fromSheet,
      leaves: 29,
      message: "Đã đọc 29 tiêu chí chấm điểm từ trang “Bộ tiêu chí” (xem bên dưới). Bấm “Dùng bộ tiêu chí này” để lưu vào quy tắc của sổ tính.",
      messageEn: "Read 29 scored criteria from the “Bộ tiêu chí” sheet (shown below). “Use this criteria set” keeps them in the workbook's rules.",
    });
    const { user, panel } = await openRules();
    const section = await within(panel).findByRole("region", { name: "Bộ tiêu chí" });
    await user.click(within(section).getByRole("button", { name: "Đọc trang Bộ tiêu chí" }));
    expect(await within(section).findByText(/Đã đọc 29 tiêu chí chấm điểm/)).toBeInTheDocument();
    // The form's valid rules are the base the sheet is read into.
    expect(mocked.readCriteriaSheet.mock.calls[0][0]).toMatchObject({ name: CRITERIA_SET.name });
    await user.click(within(section).getByText("Hạ tầng kỹ thuật: 5 tiêu chí, tối đa 50 điểm"));
    expect(within(section).getByText("Máy tính trên mỗi cán bộ (đọc từ trang)")).toBeInTheDocument();
    await user.click(within(section).getByRole("button", { name: "Dùng bộ tiêu chí này" }));
    await waitFor(() => expect(mocked.saveRules).toHaveBeenCalledWith(fromSheet));
    expect(await within(section).findByText("Đã lưu bộ tiêu chí đọc từ trang vào quy tắc của sổ tính.")).toBeInTheDocument();
    // Kept: the form shows it, with nothing unsaved.
    expect(within(section).getByText("Máy tính trên mỗi cán bộ (đọc từ trang)")).toBeInTheDocument();
    expect(within(panel).queryByText("Có thay đổi chưa lưu.")).toBeNull();
  });

  test.each([
    ["vi", "Quy tắc", "Ghi ra trang Bộ tiêu chí", /^Hoàn tác lần “Ghi ra trang Bộ tiêu chí” lúc \d\d:\d\d\.$/],
    ["en", "Rules", "Write the Bộ tiêu chí sheet", /^Undo the last “Write the Bộ tiêu chí sheet” at \d\d:\d\d\.$/],
  ] as const)("written out as the sheet from the form's rules, then undoable (%s)", async (lang, tab, button, undo) => {
    mocked.loadSettings.mockResolvedValue(settings({ rules: CRITERIA_SET, rulesFromWorkbook: true }));
    mocked.writeCriteriaSheet.mockResolvedValue({
      kind: "done",
      sheetName: SHEET,
      leaves: 29,
      undo: { action: "criteria", at: "2026-12-07T09:42:00.000Z", sheet: SHEET },
      message: "Đã ghi bộ tiêu chí (29 tiêu chí chấm điểm) ra trang “Bộ tiêu chí”. Sửa bảng trên trang rồi bấm “Đọc trang Bộ tiêu chí” để đưa vào quy tắc.",
      messageEn:
        "Wrote the criteria set (29 scored criteria) as the “Bộ tiêu chí” sheet. Edit the table there, then “Read the Bộ tiêu chí sheet” to bring it into the rules.",
    });
    const user = userEvent.setup({ delay: null });
    render(<App api={mocked} lang={lang} />);
    await waitIdle();
    await user.click(await screen.findByRole("tab", { name: tab }));
    const panel = screen.getByRole("tabpanel", { name: tab });
    await user.click(await within(panel).findByRole("button", { name: button }));
    await waitFor(() => expect(mocked.writeCriteriaSheet).toHaveBeenCalledWith(expect.objectContaining({ name: CRITERIA_SET.name })));
    expect(await within(panel).findByText(lang === "vi" ? /^Đã ghi bộ tiêu chí \(29/ : /^Wrote the criteria set \(29/)).toBeInTheDocument();
    expect(await screen.findByText(undo)).toBeInTheDocument();
  });
});

describe("“Tạo trang chấm điểm chi tiết” with the criteria set", () => {
  const LEDGER = "Chấm điểm chi tiết";

  test.each([
    ["vi", "Quy tắc", "Tạo trang chấm điểm chi tiết", /^Hoàn tác lần “Tạo trang chấm điểm chi tiết” lúc \d\d:\d\d\.$/],
    ["en", "Rules", "Make the detailed scoring sheet", /^Undo the last “Make the detailed scoring sheet” at \d\d:\d\d\.$/],
  ] as const)("makes the ledger, says what it made, then it is undoable (%s)", async (lang, tab, button, undo) => {
    mocked.loadSettings.mockResolvedValue(settings({ rules: CRITERIA_SET, rulesFromWorkbook: true }));
    mocked.writeLedgerSheet.mockResolvedValue({
      kind: "done",
      sheetName: LEDGER,
      rows: 58,
      agencies: 2,
      undo: { action: "ledger", at: "2026-12-07T09:42:00.000Z", sheet: LEDGER },
      message: "Đã tạo trang “Chấm điểm chi tiết”: 58 dòng cho 2 cơ quan (mỗi cơ quan một dòng cho từng tiêu chí được chấm).",
      messageEn: "Made the “Chấm điểm chi tiết” sheet: 58 rows for 2 agencies (one row per agency and scored criterion).",
    });
    const user = userEvent.setup({ delay: null });
    render(<App api={mocked} lang={lang} />);
    await waitIdle();
    await user.click(await screen.findByRole("tab", { name: tab }));
    const panel = screen.getByRole("tabpanel", { name: tab });
    const make = await within(panel).findByRole("button", { name: button });
    make.focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(mocked.writeLedgerSheet).toHaveBeenCalledTimes(1));
    expect(
      await within(panel).findByText(lang === "vi" ? /^Đã tạo trang “Chấm điểm chi tiết”: 58 dòng/ : /^Made the “Chấm điểm chi tiết” sheet: 58 rows/),
    ).toBeInTheDocument();
    expect(await screen.findByText(undo)).toBeInTheDocument();
  });

  test("a refusal is said as an error, nothing to undo", async () => {
    mocked.loadSettings.mockResolvedValue(settings({ rules: CRITERIA_SET, rulesFromWorkbook: true }));
    mocked.writeLedgerSheet.mockResolvedValue({
      kind: "refused",
      cells: [],
      message: "Sổ tính đã có trang “Chấm điểm chi tiết”: số liệu trên đó được giữ nguyên, không bị ghi đè.",
      messageEn: "The workbook already has a “Chấm điểm chi tiết” sheet.",
    });
    const { user, panel } = await openRules();
    await user.click(await within(panel).findByRole("button", { name: "Tạo trang chấm điểm chi tiết" }));
    expect(await within(panel).findByText(/^Sổ tính đã có trang “Chấm điểm chi tiết”/)).toBeInTheDocument();
    expect(screen.queryByText(/^Hoàn tác lần/)).toBeNull();
  });

  test("without criteria there is no button", async () => {
    mocked.loadSettings.mockResolvedValue(settings());
    const { panel: none } = await openRules();
    await within(none).findByRole("region", { name: "Bộ tiêu chí" });
    expect(within(none).queryByRole("button", { name: "Tạo trang chấm điểm chi tiết" })).toBeNull();
  });
});
