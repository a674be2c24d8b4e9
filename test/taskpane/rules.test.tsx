/** @jest-environment jsdom */
import * as fs from "fs";
import * as path from "path";
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { PRESET_THAI_BINH_2020 } from "../../src/core/rules/rules";
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
  for (const name of ["khoi-so-va-huyen", "chi-so-co-trong-so", "toan-quoc-khong-phan-loai"]) {
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
