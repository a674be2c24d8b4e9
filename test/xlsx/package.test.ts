import * as ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { checkPackage, crc32, ElementCounter, openPackage, PackageError, PackageProblem } from "../../src/xlsx/package";

async function excelBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Bảng điểm").addRows([
    ["Tên", "Điểm"],
    ["Sở Y tế", 42],
  ]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const problemOf = (run: () => unknown): PackageProblem => {
  try {
    run();
  } catch (e) {
    if (e instanceof PackageError) return e.problem;
    throw e;
  }
  throw new Error("no PackageError");
};

describe("the .xlsx package, read within bounds", () => {
  it("lists an ExcelJS workbook's parts and reads them, names compared without a leading / or case", async () => {
    const pkg = openPackage(await excelBytes());
    expect(pkg.has("[Content_Types].xml")).toBe(true);
    expect(pkg.has("/XL/workbook.xml")).toBe(true);
    expect(pkg.readText("xl/workbook.xml")).toContain("Bảng điểm");
    expect(pkg.readText("/xl/worksheets/sheet1.xml")).toContain("<sheetData>");
  });

  it("reads stored and deflated entries and checks their checksums", () => {
    const text = "<a>xin chào</a>";
    const bytes = zipSync({ "a.xml": [strToU8(text), { level: 0 }], "b.xml": [strToU8(text.repeat(50)), { level: 9 }] });
    const pkg = openPackage(bytes);
    expect(pkg.readText("a.xml")).toBe(text);
    expect(pkg.readText("b.xml")).toBe(text.repeat(50));
    expect(pkg.entry("a.xml")!.crc).toBe(crc32(strToU8(text)));
    // One byte of b's stored data changed: it no longer inflates to what was declared.
    const broken = bytes.slice();
    const b = pkg.entry("b.xml")!;
    broken[b.dataOffset + 2] ^= 0xff;
    expect(checkPackage(broken)).toMatchObject({ ok: false, problem: { code: "damaged", part: "b.xml" } });
  });

  it("stops a part that inflates beyond its limit, counting what inflates rather than what is declared", () => {
    const zeros = new Uint8Array(8 * 2 ** 20);
    const bytes = zipSync({ "xl/worksheets/sheet1.xml": zeros, "small.xml": strToU8("<a/>") });
    expect(bytes.length).toBeLessThan(64 * 1024);
    const e = openPackage(bytes).entry("xl/worksheets/sheet1.xml")!;
    expect(e.size).toBe(zeros.length);
    // A size declared smaller than what inflates: stopped as damaged once passed, not at the end.
    const lying = bytes.slice();
    const dir = lying.length - 22 - 2 * 46 - "xl/worksheets/sheet1.xml".length - "small.xml".length;
    expect(new DataView(lying.buffer).getUint32(dir, true)).toBe(0x02014b50);
    new DataView(lying.buffer).setUint32(dir + 24, 100, true);
    let read = 0;
    expect(problemOf(() => openPackage(lying).stream("xl/worksheets/sheet1.xml", (c) => (read += c.length)))).toMatchObject({ code: "damaged" });
    expect(read).toBe(0);
    const limited = openPackage(bytes, { maxPartBytes: 2 ** 20 });
    let seen = 0;
    const problem = problemOf(() => limited.stream("xl/worksheets/sheet1.xml", (c) => (seen += c.length)));
    expect(problem).toEqual({ code: "tooLarge", part: "xl/worksheets/sheet1.xml", limit: "maxPartBytes", bytes: expect.any(Number) });
    expect(seen).toBeLessThanOrEqual(2 ** 20);
    // The other parts still read.
    expect(limited.readText("small.xml")).toBe("<a/>");
  });

  it("stops when the parts together pass the total, and when there are too many entries", () => {
    const part = new Uint8Array(600 * 1024);
    const bytes = zipSync({ "a.xml": part, "b.xml": part });
    expect(checkPackage(bytes, { maxTotalBytes: 2 ** 20 })).toEqual({
      ok: false,
      problem: { code: "tooLarge", part: "b.xml", limit: "maxTotalBytes", bytes: expect.any(Number) },
    });
    expect(checkPackage(bytes, { maxEntries: 1 })).toEqual({ ok: false, problem: { code: "tooLarge", part: null, limit: "maxEntries", bytes: 2 } });
    expect(checkPackage(bytes)).toEqual({ ok: true });
  });

  it("counts cells and shared strings in every XML part, with or without a prefix, a tag cut between slices once", () => {
    const cells = (n: number, tag = "c") => Array.from({ length: n }, (_, i) => `<${tag} r="A${i + 1}"/>`).join("");
    const sheet = strToU8(`<worksheet><sheetData><row r="1">${cells(3000)}<c r="B1"><v>1</v></c></row></sheetData></worksheet>`);
    const strings = strToU8(`<sst>${Array.from({ length: 2000 }, (_, i) => `<si><t>chuỗi ${i}</t></si>`).join("")}<si/></sst>`);
    // Elsewhere, with a prefix (as some writers do): still cells; <col>, <cols>, <sheetData>, </c> are not.
    const other = strToU8(`<x:worksheet><x:cols><x:col min="1"/></x:cols>${cells(500, "x:c")}</x:worksheet>`);
    const bytes = zipSync({ "xl/worksheets/sheet1.xml": sheet, "xl/sharedStrings.xml": strings, "custom/other.xml": other });
    expect(checkPackage(bytes, { maxCells: 3501, maxSharedStrings: 2001 })).toEqual({ ok: true });
    expect(checkPackage(bytes, { maxCells: 3500 })).toEqual({
      ok: false,
      problem: { code: "tooLarge", part: "custom/other.xml", limit: "maxCells", bytes: 3501 },
    });
    // Stopped in the part where the count passes the limit (checked slice by slice: the count is at least past it).
    const cellsPassed = checkPackage(bytes, { maxCells: 2000 });
    expect(cellsPassed).toEqual({ ok: false, problem: { code: "tooLarge", part: "xl/worksheets/sheet1.xml", limit: "maxCells", bytes: expect.any(Number) } });
    expect(!cellsPassed.ok && cellsPassed.problem.code === "tooLarge" && cellsPassed.problem.bytes).toBeGreaterThan(2000);
    expect(checkPackage(bytes, { maxSharedStrings: 2000 })).toEqual({
      ok: false,
      problem: { code: "tooLarge", part: "xl/sharedStrings.xml", limit: "maxSharedStrings", bytes: 2001 },
    });
    // Not counted unless asked.
    expect(checkPackage(bytes, { maxEntries: 3 })).toEqual({ ok: true });
    // Slice by slice, a tag cut anywhere (between "<" and "c", in a prefix, before the space) counted once.
    const text = `<a><x:c r="A1"/><c r="B1"/><si>x</si><cols/><sheetData/></c></a>`;
    for (let cut = 0; cut <= text.length; cut++) {
      const counter = new ElementCounter();
      counter.startPart();
      counter.scan(strToU8(text.slice(0, cut)));
      counter.scan(strToU8(text.slice(cut)));
      expect([cut, counter.cells, counter.strings]).toEqual([cut, 2, 1]);
    }
  });

  it("does not count in pictures: random bytes are not cells", () => {
    const picture = strToU8("<c <c <c <si <si ".repeat(1000));
    const bytes = zipSync({ "xl/media/image1.png": picture, "a.xml": strToU8("<c/>") });
    expect(checkPackage(bytes, { maxCells: 1, maxSharedStrings: 0 })).toEqual({ ok: true });
  });

  it("names what is not a zip, a cut file and an unsupported method", async () => {
    expect(checkPackage(strToU8("not a zip at all, really"))).toMatchObject({ ok: false, problem: { code: "notZip" } });
    const good = await excelBytes();
    expect(checkPackage(good.subarray(0, good.length - 30))).toMatchObject({ ok: false, problem: { code: "notZip" } });
    const bytes = zipSync({ "a.xml": strToU8("<a/>") });
    const pkg = openPackage(bytes);
    const odd = bytes.slice();
    // Method 12 (bzip2) in the central directory record of a.xml.
    const dir = odd.length - 22 - (46 + "a.xml".length);
    expect(odd[dir]).toBe(0x50);
    odd[dir + 10] = 12;
    expect(pkg.readText("a.xml")).toBe("<a/>");
    expect(checkPackage(odd)).toMatchObject({ ok: false, problem: { code: "unsupported", part: "a.xml" } });
  });
});
