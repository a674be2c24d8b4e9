import * as fs from "fs";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { readStore } from "../../src/cli/workbook";
import { isAnnexCodeLine } from "../../src/core/store/lock";
import { EXAMPLE, tempDir } from "./helpers";
import { run } from "./in-process";

async function open(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const protection = (ws: ExcelJS.Worksheet) => (ws as unknown as { sheetProtection: { sheet?: boolean; hashValue?: string } | null }).sheetProtection;
const annexCode = (ws: ExcelJS.Worksheet) => {
  const found: string[] = [];
  ws.eachRow((row) => {
    const v = row.getCell(1).value;
    if (isAnnexCodeLine(v)) found.push(String(v));
  });
  return found;
};

const dir = tempDir();
const scored = path.join(dir, "cham.xlsx");
const locked = path.join(dir, "chot.xlsx");
let code = "";

beforeAll(async () => {
  const r = await run([
    "score",
    EXAMPLE,
    "-o",
    scored,
    "--by",
    "Lê C",
    "--annex",
    "--decision-number",
    "06/QĐ-UBND",
    "--decision-date",
    "05/01/2021",
    "--province",
    "Thái Bình",
  ]);
  expect(r.code).toBe(1); // the example keeps its one error (55 > 50)
  const l = await run(["lock", scored, "--confirm-errors", "-o", locked, "--by", "Nguyễn Văn A"]);
  expect(l.code).toBe(0);
  code = /mã kiểm tra ([2-9A-Z]{4}-[2-9A-Z]{4})/.exec(l.stdout)![1];
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("lock records the results, prints the code under the annex and protects the grid and the annex (no password)", async () => {
  const wb = await open(locked);
  const stored = readStore(wb);
  if (!stored.ok) throw new Error(stored.message);
  const lock = stored.state.lock!;
  expect(lock.code).toBe(code);
  expect(lock.by).toBe("Nguyễn Văn A");
  expect(lock.decision).toEqual({ number: "06/QĐ-UBND", date: "05/01/2021" });
  expect(lock.sheet).toBe("Chấm điểm 2020");
  expect(annexCode(wb.getWorksheet("Phụ lục")!)).toEqual([`Mã kiểm tra: ${code}`]);
  for (const name of ["Chấm điểm 2020", "Phụ lục"]) {
    expect(protection(wb.getWorksheet(name)!)?.sheet).toBe(true);
    expect(protection(wb.getWorksheet(name)!)?.hashValue).toBeUndefined();
  }
  // The input is never modified.
  expect(readStore(await open(scored)).ok && (readStore(await open(scored)) as { state: { lock?: unknown } }).state.lock).toBeUndefined();
});

test("verify: 0 and “khớp” on the untouched file, with or without the printed code; 1 for another code; 2 for a code that cannot be one", async () => {
  const plain = await run(["verify", locked]);
  expect(plain.code).toBe(0);
  expect(plain.stdout).toMatch(/^Khớp/);
  expect((await run(["verify", locked, "--code", code.toLowerCase().replace("-", " ")])).code).toBe(0);
  const other = await run(["verify", locked, "--code", code === "2222-2222" ? "3333-3333" : "2222-2222", "--json"]);
  expect(other.code).toBe(1);
  // "locked": the lock's code; "now": the code given.
  expect(JSON.parse(other.stdout).differences[0]).toEqual({ cell: "code", locked: code, now: code === "2222-2222" ? "3333-3333" : "2222-2222" });
  expect((await run(["verify", locked, "--code", "0000-0000"])).code).toBe(2);
});

test("verify: 1 naming the cell after a score is edited by another program; 2 on an unlocked or unreadable file", async () => {
  const wb = await open(locked);
  const ws = wb.getWorksheet("Chấm điểm 2020")!;
  // The first agency's Hạ tầng kỹ thuật score.
  let address = "";
  ws.eachRow((row) => {
    if (address) return;
    row.eachCell((cell) => {
      if (!address && typeof cell.value === "number" && Number(cell.col) === 3 && Number(row.number) > 3) address = cell.address;
    });
  });
  const before = ws.getCell(address).value as number;
  ws.getCell(address).value = before - 1;
  const edited = path.join(dir, "sua.xlsx");
  await wb.xlsx.writeFile(edited);
  const r = await run(["verify", edited, "--json"]);
  expect(r.code).toBe(1);
  expect(JSON.parse(r.stdout)).toEqual({
    locked: true,
    code,
    matches: false,
    differences: [{ cell: address, locked: String(before), now: String(before - 1) }],
  });
  const text = await run(["verify", edited]);
  expect(text.stdout).toContain(`${address}: lúc chốt “${before}”, nay “${before - 1}”`);

  const unlocked = await run(["verify", scored, "--json"]);
  expect(unlocked.code).toBe(2);
  expect(JSON.parse(unlocked.stdout).locked).toBe(false);
  const junk = path.join(dir, "rac.xlsx");
  fs.writeFileSync(junk, "not a workbook");
  expect((await run(["verify", junk])).code).toBe(2);
});

test("a locked workbook refuses score -o and merge with the lock's code; unlock needs a reason, is recorded, and lets scoring write again", async () => {
  const s = await run(["score", locked, "-o", path.join(dir, "x.xlsx")]);
  expect(s.code).toBe(2);
  expect(s.stderr).toContain(`Kết quả đã được chốt (mã kiểm tra ${code}`);
  expect((await run(["score", locked])).code).toBe(1); // scored and shown, nothing written
  const m = await run(["merge", locked, path.join(dir, "phieu.xlsx"), "-o", path.join(dir, "gop.xlsx")]);
  expect(m.code).toBe(2);
  expect(m.stderr).toContain("không Gộp phiếu được nữa");
  expect((await run(["lock", locked, "--confirm-errors", "-o", path.join(dir, "again.xlsx")])).stderr).toContain("Muốn chốt lại");

  const opened = path.join(dir, "mo.xlsx");
  expect((await run(["unlock", locked, "-o", opened])).code).toBe(2);
  const u = await run(["unlock", locked, "-o", opened, "--reason", "Hội đồng điều chỉnh điểm", "--by", "Trần B"]);
  expect(u.code).toBe(0);
  const wb = await open(opened);
  const stored = readStore(wb);
  if (!stored.ok) throw new Error(stored.message);
  expect(stored.state.lock).toBeUndefined();
  expect(stored.state.unlocks).toEqual([expect.objectContaining({ code, lockedBy: "Nguyễn Văn A", by: "Trần B", reason: "Hội đồng điều chỉnh điểm" })]);
  expect(annexCode(wb.getWorksheet("Phụ lục")!)).toEqual([]);
  expect(protection(wb.getWorksheet("Chấm điểm 2020")!)).toBeFalsy();
  expect((await run(["score", opened, "-o", path.join(dir, "lai.xlsx")])).code).toBe(1);
  expect((await run(["verify", opened])).code).toBe(2);
});

test("an annex again on a locked workbook: score --annex -o is refused (nothing written); unlock, score --annex, lock again gives the same code, the annex protected with it", async () => {
  const refusedOut = path.join(dir, "phu-luc-lai.xlsx");
  const s = await run(["score", locked, "-o", refusedOut, "--annex"]);
  expect(s.code).toBe(2);
  expect(s.stderr).toContain(`“score -o” không ghi vào sổ tính đã chốt, kể cả với --annex`);
  expect(s.stderr).toContain(`cùng mã ${code}`);
  expect(fs.existsSync(refusedOut)).toBe(false);

  const opened = path.join(dir, "mo-lai.xlsx");
  expect((await run(["unlock", locked, "-o", opened, "--reason", "In lại phụ lục"])).code).toBe(0);
  const rescored = path.join(dir, "cham-lai.xlsx");
  expect((await run(["score", opened, "-o", rescored, "--annex"])).code).toBe(1);
  const relocked = path.join(dir, "chot-lai.xlsx");
  const l = await run(["lock", rescored, "--confirm-errors", "-o", relocked]);
  expect(l.code).toBe(0);
  expect(l.stdout).toContain(`mã kiểm tra ${code}`);
  const wb = await open(relocked);
  expect(annexCode(wb.getWorksheet("Phụ lục")!)).toEqual([`Mã kiểm tra: ${code}`]);
  expect(protection(wb.getWorksheet("Phụ lục")!)?.sheet).toBe(true);
  expect((await run(["verify", relocked, "--code", code])).code).toBe(0);
});

test("a password given to lock is needed to unlock", async () => {
  const withPassword = path.join(dir, "mk.xlsx");
  expect((await run(["lock", scored, "--confirm-errors", "-o", withPassword, "--password", "bí mật"])).code).toBe(0);
  expect(protection((await open(withPassword)).getWorksheet("Chấm điểm 2020")!)?.hashValue).toBeTruthy();
  const no = await run(["unlock", withPassword, "-o", path.join(dir, "a.xlsx"), "--reason", "x"]);
  expect(no.code).toBe(2);
  expect(no.stderr).toContain("Mật khẩu không đúng");
  expect((await run(["unlock", withPassword, "-o", path.join(dir, "b.xlsx"), "--reason", "x", "--password", "sai"])).code).toBe(2);
  expect((await run(["unlock", withPassword, "-o", path.join(dir, "c.xlsx"), "--reason", "x", "--password", "bí mật"])).code).toBe(0);
});

test("the log: score -o (with each result cell's old and new value), lock and unlock are entries; log prints it and -o adds the printable sheet, newest first", async () => {
  const opened = path.join(dir, "mo-nk.xlsx");
  expect((await run(["unlock", locked, "-o", opened, "--reason", "Sửa điểm", "--by", "Trần B"])).code).toBe(0);
  const stored = readStore(await open(opened));
  if (!stored.ok) throw new Error(stored.message);
  const log = stored.state.log!;
  expect(log.entries.map((e) => [e.action, e.by, e.via])).toEqual([
    ["score", "Lê C", "cli"],
    ["lock", "Nguyễn Văn A", "cli"],
    ["unlock", "Trần B", "cli"],
  ]);
  // The example's result columns were typed by hand: the cells Tính điểm changed are listed old → new.
  expect(log.entries[0].cells.length).toBeGreaterThan(0);
  for (const [address, before, after] of log.entries[0].cells) {
    expect(address).toMatch(/^[A-Z]+\d+$/);
    expect(before).not.toBe(after);
  }
  expect(log.entries[1].note).toBe(`${code}; xác nhận chốt khi còn 1 lỗi: H10`);
  expect(log.entries[2].note).toBe(`${code}: Sửa điểm`);

  const printed = await run(["log", opened]);
  expect(printed.code).toBe(0);
  expect(printed.stdout.split("\n")[1]).toMatch(/^.*Mở chốt \| Trần B/);
  const withSheet = path.join(dir, "nhat-ky.xlsx");
  expect((await run(["log", opened, "-o", withSheet, "--by", "Phạm D"])).code).toBe(0);
  const ws = (await open(withSheet)).getWorksheet("Nhật ký")!;
  // Writing the sheet is itself an entry, its newest line.
  expect([ws.getCell("B3").value, ws.getCell("C3").value]).toEqual(["Trang Nhật ký", "Phạm D"]);
  expect(ws.getCell("B4").value).toBe("Mở chốt");
  expect(ws.getCell("B5").value).toBe("Chốt kết quả");
  expect(ws.getCell("B6").value).toBe("Tính điểm");
  // Written again, the sheet replaces its own (never a user's sheet of that name).
  const again = path.join(dir, "nhat-ky-2.xlsx");
  expect((await run(["log", withSheet, "-o", again])).code).toBe(0);
  expect((await open(again)).worksheets.filter((w) => w.name.startsWith("Nhật ký")).map((w) => w.name)).toEqual(["Nhật ký"]);
});

/** The file with one cell of its annex sheet set by another program (ExcelJS). */
async function withAnnexCell(file: string, address: string, value: string | number, name: string): Promise<string> {
  const wb = await open(file);
  wb.getWorksheet("Phụ lục")!.getCell(address).value = value;
  const out = path.join(dir, name);
  await wb.xlsx.writeFile(out);
  return out;
}

test("lock refuses while error findings remain, naming the cell and the fix; --confirm-errors locks and logs the confirmation", async () => {
  const out = path.join(dir, "chot-loi.xlsx");
  const r = await run(["lock", scored, "-o", out]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("bảng điểm còn 1 lỗi chưa sửa");
  expect(r.stderr).toContain("H10 (Văn phòng UBND tỉnh, Nhân lực cho ứng dụng CNTT: 55)");
  expect(r.stderr).toContain("--confirm-errors");
  expect(fs.existsSync(out)).toBe(false);
  const confirmed = await run(["lock", scored, "--confirm-errors", "-o", out]);
  expect(confirmed.code).toBe(0);
  expect(confirmed.stderr).toContain("đã chốt khi bảng điểm còn 1 lỗi");
  const log = JSON.parse((await run(["log", out, "--json"])).stdout);
  expect(log.entries.find((e: { action: string }) => e.action === "lock").note).toContain("xác nhận chốt khi còn 1 lỗi: H10");
});

test("lock refuses an annex sheet that does not say what the results say (a figure, the decision's date), naming each cell; the code line stays out", async () => {
  const figure = await withAnnexCell(scored, "J11", 999, "phu-luc-so.xlsx");
  const r = await run(["lock", figure, "--confirm-errors", "-o", path.join(dir, "khong.xlsx")]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("Phụ lục!J11: 999, kết quả 0,861");
  expect(r.stderr).toContain("Tạo phụ lục");
  expect(fs.existsSync(path.join(dir, "khong.xlsx"))).toBe(false);
  const date = await withAnnexCell(scored, "A3", "ngày 05/04/2021", "phu-luc-ngay.xlsx");
  const d = await run(["lock", date, "--confirm-errors", "-o", path.join(dir, "khong.xlsx")]);
  expect(d.code).toBe(2);
  expect(d.stderr).toContain("Phụ lục!A3: ngày 05/04/2021, kết quả (Kèm theo Quyết định số 06/QĐ-UBND ngày 05/01/2021");
  // The locked file's own code line is not a difference: verify says khớp.
  expect((await run(["verify", locked])).code).toBe(0);
});

test("verify reports the annex cells that differ from the locked results (exit 1, cell/locked/now in --json)", async () => {
  const edited = await withAnnexCell(locked, "J11", 999, "chot-phu-luc-sua.xlsx");
  const r = await run(["verify", edited, "--json"]);
  expect(r.code).toBe(1);
  expect(JSON.parse(r.stdout)).toEqual({ locked: true, code, matches: false, differences: [{ cell: "Phụ lục!J11", locked: "0,861", now: "999" }] });
  expect((await run(["verify", edited])).stdout).toContain("Phụ lục!J11: lúc chốt “0,861”, nay “999”");
});

test("verify --code: the code given and the lock's, the right way round", async () => {
  const r = await run(["verify", locked, "--code", code === "AAAA-BBBB" ? "AAAA-CCCC" : "AAAA-BBBB"]);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain(`mã đưa vào “${code === "AAAA-BBBB" ? "AAAA-CCCC" : "AAAA-BBBB"}” khác mã của lần chốt “${code}”`);
});

test("verify on an unlocked file names it and the next step; --json answers with the error object on a missing or unreadable file (exit 2)", async () => {
  const unlocked = await run(["verify", scored]);
  expect(unlocked.code).toBe(2);
  expect(unlocked.stderr).toContain("Sổ tính “cham.xlsx” chưa được chốt kết quả");
  expect(unlocked.stderr).toContain("xep-hang-cntt lock cham.xlsx -o");
  expect(unlocked.stderr).toContain("Chốt kết quả");
  const missing = await run(["verify", path.join(dir, "khong-co.xlsx"), "--json"]);
  expect(missing.code).toBe(2);
  expect(JSON.parse(missing.stdout)).toMatchObject({ locked: false, matches: false, differences: [] });
  expect(JSON.parse(missing.stdout).error).toContain("khong-co.xlsx");
  const junk = path.join(dir, "rac2.xlsx");
  fs.writeFileSync(junk, "not a workbook");
  const unreadable = await run(["verify", junk, "--json"]);
  expect(unreadable.code).toBe(2);
  expect(JSON.parse(unreadable.stdout).error).toContain("rac2.xlsx");
});

test("log on a workbook with no log says so (vi and en)", async () => {
  const vi = await run(["log", EXAMPLE]);
  expect(vi.code).toBe(0);
  expect(vi.stdout).toContain("chưa có nhật ký");
  expect(vi.stdout).not.toContain("Thời điểm");
  expect((await run(["log", EXAMPLE, "--lang", "en"])).stdout).toContain("has no log yet");
});
