/**
 * A sheet's password as Excel keeps it (src/xlsx/protection.ts), checked against a second writer: ExcelJS protects a
 * sheet with a password, the package port reads its <sheetProtection> and opens it with that password only; the hash
 * the lock puts is opened by the same check.
 */
import ExcelJS from "exceljs";
import { passwordMatches, protectionWith } from "../../src/xlsx/protection";
import { XlsxPort } from "../../src/xlsx/port";

async function protectedByExcelJS(password: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Bảng điểm");
  ws.getCell("A1").value = "Sở Y tế";
  await ws.protect(password, { formatColumns: true, formatRows: true });
  wb.addWorksheet("Ghi chép").getCell("A1").value = "riêng";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("sheet passwords (Excel's hash)", () => {
  it("opens a sheet ExcelJS protected with its password only; unprotectSheets names the sheet a wrong password does not open", async () => {
    const port = XlsxPort.open(await protectedByExcelJS("bí mật"));
    const attrs = port.readSheet("Bảng điểm").protection;
    expect(attrs).toMatchObject({ algorithmName: "SHA-512", spinCount: "100000" });
    expect(passwordMatches(attrs, "bí mật")).toBe(true);
    expect(passwordMatches(attrs, "bi mat")).toBe(false);
    expect(passwordMatches(attrs, undefined)).toBe(false);
    expect(port.isProtected("Bảng điểm")).toBe(true);
    expect(port.isProtected("Ghi chép")).toBe(false);

    expect(port.unprotectSheets(["Bảng điểm"], "sai")).toBe("Bảng điểm");
    expect(port.unprotectSheets(["Bảng điểm"], "bí mật")).toBeNull();
    const opened = XlsxPort.open(port.toBytes());
    expect(opened.isProtected("Bảng điểm")).toBe(false);
    expect(opened.readSheet("Bảng điểm").values[0][0]).toBe("Sở Y tế");
  });

  it("the lock's protection: a new salt each time, opened by its password; without one, no hash and any password opens it", () => {
    const a = protectionWith("bí mật").password!;
    const b = protectionWith("bí mật").password!;
    expect(a.saltValue).not.toBe(b.saltValue);
    expect(a.hashValue).not.toBe(b.hashValue);
    const attrs = { algorithmName: a.algorithmName, hashValue: a.hashValue, saltValue: a.saltValue, spinCount: String(a.spinCount) };
    expect(passwordMatches(attrs, "bí mật")).toBe(true);
    expect(passwordMatches(attrs, "bí mậT")).toBe(false);
    expect(protectionWith(undefined)).toEqual({});
    expect(passwordMatches({ sheet: "1" }, "anything")).toBe(true);
  });
});
