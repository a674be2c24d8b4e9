import { hostErrorMessage, UserFacingError } from "../../src/excel/host";

describe("host errors are worded in Vietnamese and English", () => {
  it.each([
    ["AccessDenied", /bảo vệ/, /^Excel refused to write: .*Unprotect it \(Review → Unprotect Sheet\) and try again\.$/],
    ["InvalidOperationInCellEditMode", /sửa ô/, /^Excel is editing a cell\. Press Enter or Esc/],
    ["RequestPayloadSizeLimitExceeded", /quá lớn/, /Split the score table into smaller sheets\.$/],
    ["ApiNotFound", /thiếu một chức năng/, /Use Excel for Microsoft 365/],
    ["ItemNotFound", /Không tìm thấy/, /was not found .*Try again\.$/],
    [
      "Weird",
      /^Excel báo lỗi \(Weird\): boom\./,
      /^Excel reported an error \(Weird\): boom\. Try again; if it keeps happening, save the workbook and restart Excel\.$/,
    ],
  ])("%s", (code, vi, en) => {
    const e = { code, message: "boom" };
    expect(hostErrorMessage(e)).toMatch(vi);
    expect(hostErrorMessage(e, "vi")).toBe(hostErrorMessage(e));
    expect(hostErrorMessage(e, "en")).toMatch(en);
  });

  it("a UserFacingError carries its own two messages", () => {
    const e = new UserFacingError("Tiếng Việt.", "English.", ["A1"]);
    expect([hostErrorMessage(e), hostErrorMessage(e, "en"), e.cells]).toEqual(["Tiếng Việt.", "English.", ["A1"]]);
  });
});
