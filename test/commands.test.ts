/**
 * Ribbon function commands: the wording of the notes (pure), and "Tính điểm" / "Hoàn tác" run
 * end to end in the strict Office.js test double, dialog protocol included.
 */
import { presetRules } from "../src/core/rules/rules";
import { scoreSheet } from "../src/core/grid/scoring";
import { LastRun } from "../src/core/store/store";
import { lastRunRecord } from "../src/core/grid/summary";
import { dialogUrl, languageOf, MAX_MESSAGE, notifyAnnex, notifyFailure, notifyOutcome, notifyUndo, summaryLineIn } from "../src/commands/notify";
import { saveDecision } from "../src/excel/settings";
import type { AnnexOutcome, ScoringOutcome } from "../src/excel/types";
import * as fs from "fs";
import { JSDOM } from "jsdom"; // jest-environment-jsdom's own DOM
import * as path from "path";
import { referenceSheet } from "./fixtures/reference";
import { CellValue, createOfficeDouble, OfficeDouble } from "./office-double/index";

/** The run the reference grid gives: 19 agencies, 7 Tốt, 8 Khá, 4 Trung bình, one error (H10 = 55 > 50). */
function referenceRun(): LastRun {
  const scored = scoreSheet(referenceSheet(), presetRules(), { row: 0, col: 0 });
  if (!scored.ok) throw new Error(scored.error.message);
  return lastRunRecord(scored, "Đánh giá 2020", "ribbon", new Date("2021-01-15T08:00:00Z"));
}

const done = (run: LastRun, extra: Partial<Extract<ScoringOutcome, { kind: "done" }>> = {}): ScoringOutcome => ({
  kind: "done",
  sheet: run.sheet,
  run,
  findings: [],
  columns: ["J", "K", "L", "M"],
  unchanged: false,
  edited: [],
  undo: { action: "score", at: run.at, sheet: run.sheet },
  notices: [],
  noticesEn: [],
  ...extra,
});

describe("notifyOutcome: the note after “Tính điểm”", () => {
  const run = referenceRun();
  const clean: LastRun = { ...run, errors: 0, findings: [] };

  test("success without errors: the summary and where the results went, no call to action", () => {
    const note = notifyOutcome(done(clean), "vi");
    expect(note.title).toBe("Đã tính điểm trang “Đánh giá 2020”");
    expect(note.message).toBe("19 cơ quan: 7 Tốt, 8 Khá, 4 Trung bình.\nKết quả đã ghi vào cột J, K, L, M.");
    expect(note.message).not.toMatch(/lỗi/);
  });

  test("errors present: the count once, the cell in error, and the way to see it", () => {
    const note = notifyOutcome(done(run), "vi");
    expect(note.message).toContain("19 cơ quan: 7 Tốt, 8 Khá, 4 Trung bình.");
    expect(note.message).toContain("1 lỗi cần sửa ở ô H10: mở bảng điều khiển để xem.");
    expect(note.message.match(/lỗi/g)).toHaveLength(1);
    expect(notifyOutcome(done(run), "en").message).toContain("1 error to fix in cell H10: open the pane to see it.");
  });

  test("many errors: the first cells named, the others counted", () => {
    const cells = ["C5", "D6", "E7", "F8", "G9", "H10", "H11"];
    const many: LastRun = { ...run, errors: 7, findings: cells.map((cell) => ({ cell, severity: "error", code: "notANumber", message: "…" })) };
    expect(notifyOutcome(done(many), "vi").message).toContain("7 lỗi cần sửa ở ô C5, D6, E7, F8, G9 và 2 ô khác: mở bảng điều khiển để xem.");
    expect(notifyOutcome(done(many), "en").message).toContain("7 errors to fix in cells C5, D6, E7, F8, G9 and 2 more: open the pane to see them.");
  });

  test("in English, the notices are in English", () => {
    const note = notifyOutcome(
      done(run, { notices: ["Phiên bản Excel này không chép được định dạng."], noticesEn: ["This version of Excel cannot copy formats."] }),
      "en",
    );
    expect(note.message).toContain("This version of Excel cannot copy formats.");
    expect(note.message).not.toContain("Phiên bản");
  });

  test("warnings, agencies not scored, an unchanged sheet and notices are all said", () => {
    const note = notifyOutcome(
      done({ ...run, errors: 2, warnings: 3, scored: 18 }, { unchanged: true, notices: ["Phiên bản Excel này không chép được định dạng."] }),
      "vi",
    );
    expect(note.message).toBe(
      "19 cơ quan: 7 Tốt, 8 Khá, 4 Trung bình. 1 cơ quan chưa tính được điểm. 2 lỗi cần sửa ở ô H10: mở bảng điều khiển để xem. 3 cảnh báo.\n" +
        "Kết quả không đổi so với lần tính trước: không ô nào bị ghi lại.\n" +
        "Phiên bản Excel này không chép được định dạng.",
    );
  });

  test("refusal: the use case's message as is, in the dialog's language", () => {
    const message = "Trang tính “Trang tính1”: không tìm thấy bảng điểm (hàng tiêu đề có “Tên cơ quan”).";
    const messageEn = "Sheet “Trang tính1”: no score table was found (a header row with “Tên cơ quan”).";
    expect(notifyOutcome({ kind: "refused", message, messageEn, cells: [] }, "vi")).toEqual({ title: "Chưa tính được điểm", message });
    expect(notifyOutcome({ kind: "refused", message, messageEn, cells: [] }, "en")).toEqual({ title: "Could not score", message: messageEn });
  });

  test("English", () => {
    const note = notifyOutcome(done(run), "en");
    expect(note.title).toBe("Scored: sheet “Đánh giá 2020”");
    expect(note.message).toBe(
      "19 agencies: 7 Tốt, 8 Khá, 4 Trung bình. 1 error to fix in cell H10: open the pane to see it.\nResults written to columns J, K, L, M.",
    );
    expect(notifyOutcome(done(clean, { columns: ["J"], unchanged: false }), "en").message).toBe(
      "19 agencies: 7 Tốt, 8 Khá, 4 Trung bình.\nResults written to column J.",
    );
    expect(summaryLineIn({ agencies: 1, scored: 0, byClass: [], errors: 2, warnings: 1 }, "en")).toBe(
      "1 agency. 1 could not be scored. 2 errors to fix: open the pane to see them. 1 warning.",
    );
  });

  test("the language follows Office's display language", () => {
    expect(languageOf("en-US")).toBe("en");
    expect(languageOf("EN-gb")).toBe("en");
    expect(languageOf("vi-VN")).toBe("vi");
    expect(languageOf("fr-FR")).toBe("vi");
    expect(languageOf(undefined)).toBe("vi");
  });

  test("undo and unexpected failures have their own titles", () => {
    const undone = {
      kind: "done",
      message: "Đã hoàn tác lần “Tính điểm” lúc 08:00 trên trang “A”.",
      messageEn: "Undid the “Score” at 08:00 on sheet “A”.",
      leftAlone: [] as string[],
      lastRun: null,
    } as const;
    expect(notifyUndo(undone, "vi")).toEqual({ title: "Đã hoàn tác", message: undone.message });
    expect(notifyUndo(undone, "en")).toEqual({ title: "Undone", message: undone.messageEn });
    expect(notifyUndo({ kind: "nothing", message: "x", messageEn: "x-en" }, "en")).toEqual({ title: "Nothing to undo", message: "x-en" });
    expect(notifyUndo({ kind: "refused", message: "y", messageEn: "y-en" }, "vi")).toEqual({ title: "Không hoàn tác được", message: "y" });
    const partly = {
      ...undone,
      left: [
        {
          code: "formatsNotRestored" as const,
          sheet: "Bảng điểm",
          cells: ["J4:J24"],
          message: "Phiên bản Excel này không chép lại được định dạng …",
          messageEn: "This version of Excel cannot copy formats back …",
        },
      ],
    };
    expect(notifyUndo(partly, "vi")).toEqual({ title: "Đã hoàn tác", message: `${undone.message}\nPhiên bản Excel này không chép lại được định dạng …` });
    expect(notifyUndo(partly, "en").message).toBe(`${undone.messageEn}\nThis version of Excel cannot copy formats back …`);
    expect(notifyFailure(new Error("boom"), "vi").message).toContain("boom");
    expect(notifyFailure("boom", "en").title).toBe("Something went wrong");
  });
});

describe("notifyAnnex: the note after “Tạo phụ lục”", () => {
  const done: Extract<AnnexOutcome, { kind: "done" }> = {
    kind: "done",
    sheetName: "Phụ lục",
    collided: false,
    manualPrintSteps: [],
    errorsIncluded: 0,
    undo: { action: "annex", at: "x", sheet: "Phụ lục" },
  };

  test("made: one status as the pane's — “Sẵn sàng trình ký”, or “Chưa trình ký được” with the reasons (vi and en)", () => {
    expect(notifyAnnex(done, "vi")).toEqual({ title: "Sẵn sàng trình ký", message: "Đã tạo phụ lục trên trang “Phụ lục”." });
    expect(notifyAnnex(done, "en")).toEqual({ title: "Ready to sign", message: "The annex is on sheet “Phụ lục”." });
    const notices = [{ code: "provinceMissing" as const, message: "Chưa có tên tỉnh …", messageEn: "No province yet …" }];
    const steps = [{ code: "orientation" as const, message: "Hướng giấy: Ngang", messageEn: "Orientation: Landscape" }];
    const notReady = { ...done, errorsIncluded: 2, notices, manualPrintSteps: steps };
    expect(notifyAnnex(notReady, "vi")).toEqual({
      title: "Chưa trình ký được",
      message: [
        "Đã tạo phụ lục trên trang “Phụ lục”.",
        "Trước khi trình ký:",
        "– Phụ lục có 2 số liệu đang lỗi. Hãy sửa bảng điểm rồi tạo lại phụ lục trước khi trình ký.",
        "– Chưa có tên tỉnh …",
        "– Đặt bố cục in bằng tay (phiên bản Excel này không cho add-in đặt). Trên trang phụ lục, hãy chọn:",
        "  • Hướng giấy: Ngang",
      ].join("\n"),
    });
    const en = notifyAnnex({ ...done, errorsIncluded: 1, notices, collided: true, sheetName: "Phụ lục (2)" }, "en", "Phụ lục");
    expect(en.title).toBe("Not ready to sign yet");
    expect(en.message.split("\n")).toEqual([
      "The annex is on sheet “Phụ lục (2)”.",
      "The workbook already has a sheet “Phụ lục” of yours, so the annex went to sheet “Phụ lục (2)”. Your sheet was not changed.",
      "Before it is signed:",
      "– The annex carries 1 figure in error. Correct the score table and create the annex again before it is signed.",
      "– No province yet …",
    ]);
    // Only the print layout left: still not ready, the steps listed.
    expect(notifyAnnex({ ...done, manualPrintSteps: steps }, "en").title).toBe("Not ready to sign yet");
  });

  test("errors in the table: a question whose going-ahead button is “Vẫn tạo phụ lục”", () => {
    const asked = notifyAnnex(
      { kind: "needsConfirmation", message: "Bảng điểm còn 1 lỗi …", messageEn: "The score table still has 1 error …", errors: [] },
      "vi",
    );
    expect(asked).toEqual({ title: "Bảng điểm còn lỗi", message: "Bảng điểm còn 1 lỗi …", confirm: "Vẫn tạo phụ lục" });
  });

  test("refused or stale: the use case's words, and for stale results what to click", () => {
    expect(notifyAnnex({ kind: "refused", message: "x", messageEn: "x-en", cells: [] }, "en")).toEqual({ title: "The annex was not created", message: "x-en" });
    expect(notifyAnnex({ kind: "stale", message: "y", messageEn: "y-en", agencies: [], cells: [] }, "vi").message).toBe(
      "y\nBấm “Tính điểm” rồi bấm lại “Tạo phụ lục”.",
    );
  });
});

describe("dialogUrl", () => {
  test("dialog.html beside the command page, the note in the query string, round-tripping any text", () => {
    const note = { title: "Đã tính điểm trang “A&B”", message: "<b>x</b> = 1 + 1 #?%\nhàng 2" };
    const url = new URL(dialogUrl("https://addin.example.gov.vn/xep-hang-cntt/commands.html?_host_Info=Excel", note, "vi"));
    expect(url.origin + url.pathname).toBe("https://addin.example.gov.vn/xep-hang-cntt/dialog.html");
    expect(url.searchParams.get("title")).toBe(note.title);
    expect(url.searchParams.get("message")).toBe(note.message);
    expect(url.searchParams.get("lang")).toBe("vi");
  });

  test("a long message is cut so the address stays short", () => {
    const url = new URL(dialogUrl("https://localhost:3000/commands.html", { title: "t", message: "ắ".repeat(5000) }, "en"));
    expect(url.searchParams.get("message")).toHaveLength(MAX_MESSAGE);
    expect(url.searchParams.get("message")!.endsWith("…")).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// The pages.

const page = (name: string) => fs.readFileSync(path.join(__dirname, "../src/commands", name), "utf8");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const externals = (html: string) => [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1]).filter((u) => /^(https?:)?\/\//i.test(u));

describe("commands.html and dialog.html", () => {
  test("the only external resource is Office.js from Microsoft's CDN", () => {
    expect(externals(page("commands.html"))).toEqual([OFFICE_JS]);
    expect(externals(page("dialog.html"))).toEqual([OFFICE_JS]);
  });

  function openDialog(query: string, office?: object) {
    return new JSDOM(page("dialog.html"), {
      url: `https://localhost:3000/dialog.html?${query}`,
      runScripts: "dangerously",
      beforeParse(window) {
        if (office) (window as unknown as { Office: object }).Office = office;
      },
    });
  }

  test("dialog.html shows title and message as text, never as markup, with the button focused", () => {
    const query = new URLSearchParams({ lang: "vi", title: "Đã tính điểm <i>x</i>", message: "<img src=x onerror=alert(1)>\nhàng 2" }).toString();
    const { window } = openDialog(query);
    const doc = window.document;
    expect(doc.getElementById("title")!.textContent).toBe("Đã tính điểm <i>x</i>");
    expect(doc.getElementById("message")!.textContent).toBe("<img src=x onerror=alert(1)>\nhàng 2");
    expect(doc.querySelectorAll("img, i")).toHaveLength(0);
    expect(doc.title).toBe("Đã tính điểm <i>x</i>");
    expect(doc.documentElement.lang).toBe("vi");
    const button = doc.getElementById("close")!;
    expect(button.textContent).toBe("Đóng");
    expect(doc.activeElement).toBe(button);
    expect(doc.querySelector("[role=alertdialog]")!.getAttribute("aria-describedby")).toBe("message");
    expect(page("dialog.html")).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    window.close();
  });

  test("a question: two buttons, the safe one (“Thôi”) primary and focused, the other sends “confirm”", () => {
    const messageParent = jest.fn();
    const office = { onReady: (cb: () => void) => (cb(), Promise.resolve()), context: { ui: { messageParent } } };
    const { window } = openDialog(new URLSearchParams({ lang: "vi", title: "Bảng điểm còn lỗi", message: "…", confirm: "Vẫn tạo phụ lục" }).toString(), office);
    const doc = window.document;
    const go = doc.getElementById("confirm") as HTMLButtonElement;
    const cancel = doc.getElementById("close")!;
    expect(go.hidden).toBe(false);
    expect(go.textContent).toBe("Vẫn tạo phụ lục");
    expect(go.className).toBe("secondary");
    expect(cancel.textContent).toBe("Thôi");
    expect(doc.activeElement).toBe(cancel);
    go.click();
    expect(messageParent).toHaveBeenLastCalledWith("confirm");
    cancel.click();
    expect(messageParent).toHaveBeenLastCalledWith("close");
    window.close();
    // A note (no question): the one button, “Đóng”.
    const plain = openDialog("lang=vi&title=t&message=m", office).window;
    expect((plain.document.getElementById("confirm") as HTMLButtonElement).hidden).toBe(true);
    expect(plain.document.getElementById("close")!.textContent).toBe("Đóng");
    plain.close();
  });

  test("“Close” (or Esc) sends “close” to the command through messageParent", () => {
    const messageParent = jest.fn();
    const office = { onReady: (cb: () => void) => (cb(), Promise.resolve()), context: { ui: { messageParent } } };
    const { window } = openDialog("lang=en&title=Scored&message=ok", office);
    const button = window.document.getElementById("close")!;
    expect(button.textContent).toBe("Close");
    expect(window.document.documentElement.lang).toBe("en");
    button.click();
    expect(messageParent).toHaveBeenCalledWith("close");
    window.document.dispatchEvent(new window.KeyboardEvent("keydown", { key: "Escape" }));
    expect(messageParent).toHaveBeenCalledTimes(2);
    window.close();
  });
});

// ---------------------------------------------------------------------------------------------
// Integration: the commands module in the Office.js double.

const SHEET = "Đánh giá 2020";
const tick = () => new Promise((r) => setTimeout(r, 0));

async function until<T>(what: string, probe: () => T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await tick();
  }
}

/** The n-th dialog, once displayDialogAsync has called back (the add-in has its handlers on it). */
async function dialogNo(double: OfficeDouble, n: number) {
  const dialog = await until(`dialog ${n + 1}`, () => double.dialogs[n]);
  await tick();
  await tick();
  return dialog;
}

const asCells = (rows: unknown[][]) => rows.map((r) => r.map((v) => (v === "" ? null : (v as CellValue))));

describe("ribbon commands in the Office.js double", () => {
  let double: OfficeDouble;
  let restore: () => void;

  async function load(options: Parameters<typeof createOfficeDouble>[0] = {}, rows: unknown[][] | null = referenceSheet()) {
    // Below Excel's undo groups unless a test says otherwise: at 1.20 on Windows the first write asks first (tested below).
    double = createOfficeDouble({ apiLevel: 19, sheets: [SHEET], ...options });
    if (rows) double.workbook.sheet(SHEET).setValues("A1", asCells(rows));
    double.workbook.setActive(SHEET);
    restore = double.install(globalThis);
    jest.resetModules();
    await import("../src/commands/commands");
    await until("Office.onReady to associate the actions", () => (double.actions.has("tinhDiem") ? true : undefined));
  }

  afterEach(async () => {
    // A failed test may leave a command waiting on its dialog: close them and let the callbacks run
    // while Office is still installed.
    for (let i = 0; i < 5; i++) {
      for (const d of double?.dialogs ?? []) if (!d.closed) d.userClose();
      await tick();
    }
    restore?.();
    delete (globalThis as Record<string, unknown>).tinhDiem;
    delete (globalThis as Record<string, unknown>).hoanTac;
    delete (globalThis as Record<string, unknown>).taoPhuLuc;
  });

  const noteOf = (url: string) => {
    const u = new URL(url);
    return {
      path: u.pathname,
      lang: u.searchParams.get("lang"),
      title: u.searchParams.get("title"),
      message: u.searchParams.get("message") ?? "",
      confirm: u.searchParams.get("confirm"),
    };
  };

  test("both functions are associated under the manifest's FunctionNames", async () => {
    await load();
    expect([...double.actions.keys()].sort()).toEqual(["hoanTac", "taoPhuLuc", "tinhDiem"]);
  });

  test("“Tính điểm” scores the reference sheet, shows the summary in a dialog and completes when it is closed", async () => {
    await load({ apiLevel: 19 }); // below Excel's undo groups: one run (at 1.20 the store is made on its own first)
    const completed = jest.fn();
    const invoked = double.invokeAction("tinhDiem", { completed });

    const dialog = await dialogNo(double, 0);
    expect(dialog.options).toEqual({ height: 30, width: 35, displayInIframe: true });
    const note = noteOf(dialog.url);
    expect(note.path).toBe("/dialog.html");
    expect(note.lang).toBe("vi");
    expect(note.title).toBe(`Đã tính điểm trang “${SHEET}”`);
    expect(note.message).toContain("7 Tốt, 8 Khá, 4 Trung bình");
    expect(note.message).toContain("1 lỗi");
    expect(note.message).toContain("mở bảng điều khiển để xem");

    // The function file stays alive while the dialog is open (completing would close it).
    await tick();
    expect(completed).not.toHaveBeenCalled();
    dialog.sendMessage("close"); // what dialog.html's “Đóng” does through messageParent
    await expect(invoked).resolves.toMatchObject({ completed: true });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(dialog.closed).toBe(true);

    // The results are in the sheet: the header row is row 4, the agencies rows 5 to 23.
    const sheet = double.workbook.sheet(SHEET);
    const row4 = sheet.getValues("A4:P4")[0];
    expect(row4.filter((v) => v !== "").length).toBeGreaterThan(9);
    expect(double.stats.runs).toBe(1);
    expect(double.stats.syncs).toBeLessThanOrEqual(3);
  });

  test("at ExcelApi 1.20 the ribbon's Tính điểm is one Ctrl+Z step and, after the first, clears nothing of the user's undo history", async () => {
    await load({ apiLevel: 20, platform: "PC" });
    const score = async () => {
      const n = double.dialogs.length;
      const invoked = double.invokeAction("tinhDiem");
      (await dialogNo(double, n)).sendMessage("close");
      await expect(invoked).resolves.toMatchObject({ completed: true });
    };
    // The first makes the hidden store on its own (the one step that clears the stack): asked first, in the dialog.
    double.edit(SHEET, "A1", [["Bảng điểm 2020"]]); // the user's own edit, on the stack
    const asking = double.invokeAction("tinhDiem");
    const question = await dialogNo(double, 0);
    const asked = noteOf(question.url);
    expect(asked.title).toBe("Lịch sử hoàn tác của Excel sẽ bị xóa");
    expect(asked.message).toContain("Ctrl+Z");
    expect(asked.confirm).toBe("Tiếp tục");
    expect(double.undo.clearedBy).toEqual([]); // asked before, not after
    question.sendMessage("confirm");
    (await dialogNo(double, 1)).sendMessage("close");
    await expect(asking).resolves.toMatchObject({ completed: true });
    expect(double.undo.clearedBy).toEqual(["Worksheet.visibility"]);
    double.workbook.sheet(SHEET).setValues("H10", [[50]]); // the council corrects the 55: the results change
    const depth = double.undo.stack.length;
    await score();
    expect(double.undo.stack.length - depth).toBe(1);
    expect(double.undo.clearedBy).toEqual(["Worksheet.visibility"]);
  });

  test("at ExcelApi 1.20 on Windows, “Thôi” to the question keeps the user's undo history: nothing is written, the note says so", async () => {
    await load({ apiLevel: 20, platform: "PC" });
    double.edit(SHEET, "A1", [["Bảng điểm 2020"]]);
    const before = double.workbook.sheet(SHEET).snapshot();
    const invoked = double.invokeAction("tinhDiem");
    (await dialogNo(double, 0)).sendMessage("close"); // “Thôi”
    const note = noteOf((await dialogNo(double, 1)).url);
    expect(note.title).toBe("Chưa tính được điểm");
    expect(note.message).toContain("lịch sử hoàn tác (Ctrl+Z) của bạn được giữ nguyên");
    expect(note.confirm).toBeNull();
    double.dialogs[1].sendMessage("close");
    await invoked;
    expect(double.undo.clearedBy).toEqual([]);
    expect(double.undo.stack.filter((r) => r.source === "user")).toHaveLength(1);
    expect(double.workbook.sheets.map((s) => s.name)).toEqual([SHEET]);
    expect(double.workbook.sheet(SHEET).snapshot()).toEqual(before);
  });

  test("at ExcelApi 1.20 on the web nothing clears the undo history: no question, one Ctrl+Z step", async () => {
    await load({ apiLevel: 20, platform: "OfficeOnline" });
    const invoked = double.invokeAction("tinhDiem");
    const note = noteOf((await dialogNo(double, 0)).url);
    expect(note.title).toBe(`Đã tính điểm trang “${SHEET}”`);
    double.dialogs[0].sendMessage("close");
    await invoked;
    expect(double.undo.clearedBy).toEqual([]);
    expect(double.undo.stack).toHaveLength(1);
  });

  const DECISION = {
    number: "06/QĐ-UBND",
    date: "05/01/2021",
    issuer: "Ủy ban nhân dân tỉnh",
    province: "Thái Bình",
    year: 2020,
    subject: "Đánh giá",
    sheetName: "Phụ lục",
  };

  test("“Tạo phụ lục” asks about the table's errors first; “Vẫn tạo phụ lục” makes the annex with the stored decision, without the pane", async () => {
    await load();
    expect(await saveDecision(DECISION)).toEqual({ ok: true });
    const invoked = double.invokeAction("taoPhuLuc");
    const question = noteOf((await dialogNo(double, 0)).url);
    expect(question.title).toBe("Bảng điểm còn lỗi");
    expect(question.message).toContain("H10");
    expect(question.confirm).toBe("Vẫn tạo phụ lục");
    expect(double.workbook.sheets.map((s) => s.name)).not.toContain("Phụ lục"); // nothing before the answer
    double.dialogs[0].sendMessage("confirm");
    const note = noteOf((await dialogNo(double, 1)).url);
    // One status, as the pane's: made with an error carried, so not yet to be signed.
    expect(note.title).toBe("Chưa trình ký được");
    expect(note.message).toContain("Đã tạo phụ lục trên trang “Phụ lục”.");
    expect(note.message).toContain("Phụ lục có 1 số liệu đang lỗi.");
    double.dialogs[1].sendMessage("close");
    await expect(invoked).resolves.toMatchObject({ completed: true });
    const annex = double.workbook.sheet("Phụ lục");
    expect(JSON.stringify(annex.getValues("A1:H6"))).toContain("06/QĐ-UBND");
    // The same annex the pane makes, and “Hoàn tác” takes it back.
    const undoing = double.invokeAction("hoanTac");
    expect(noteOf((await dialogNo(double, 2)).url).title).toBe("Đã hoàn tác");
    double.dialogs[2].sendMessage("close");
    await undoing;
    expect(double.workbook.sheets.map((s) => s.name)).not.toContain("Phụ lục");
  });

  test("“Tạo phụ lục”: “Thôi” (or the ×) to the errors makes no annex and says so, in English too", async () => {
    await load({ displayLanguage: "en-US" });
    expect(await saveDecision(DECISION)).toEqual({ ok: true });
    const names = double.workbook.sheets.map((s) => s.name);
    const invoked = double.invokeAction("taoPhuLuc");
    const question = noteOf((await dialogNo(double, 0)).url);
    expect(question.title).toBe("The score table has errors");
    expect(question.confirm).toBe("Create the annex anyway");
    double.dialogs[0].userClose();
    const note = noteOf((await dialogNo(double, 1)).url);
    expect(note).toMatchObject({ title: "The annex was not created", confirm: null });
    expect(note.message).toContain("nothing changed");
    double.dialogs[1].sendMessage("close");
    await invoked;
    expect(double.workbook.sheets.map((s) => s.name)).toEqual(names);
  });

  test("“Tạo phụ lục” without the decision's number: the refusal names what to fill in, nothing is made", async () => {
    await load();
    const invoked = double.invokeAction("taoPhuLuc");
    const note = noteOf((await dialogNo(double, 0)).url);
    expect(note.title).toBe("Chưa tạo được phụ lục");
    expect(note.message).toMatch(/số quyết định/);
    double.dialogs[0].sendMessage("close");
    await invoked;
    expect(double.workbook.sheets.map((s) => s.name)).toEqual([SHEET]);
  });

  test("closing the dialog with its × completes the command too", async () => {
    await load();
    const invoked = double.invokeAction("tinhDiem");
    const dialog = await dialogNo(double, 0);
    dialog.userClose();
    await expect(invoked).resolves.toMatchObject({ completed: true });
  });

  test("English Office: English note", async () => {
    await load({ displayLanguage: "en-US" });
    const invoked = double.invokeAction("tinhDiem");
    const dialog = await dialogNo(double, 0);
    const note = noteOf(dialog.url);
    expect(note.lang).toBe("en");
    expect(note.title).toBe(`Scored: sheet “${SHEET}”`);
    expect(note.message).toContain("19 agencies: 7 Tốt, 8 Khá, 4 Trung bình. 1 error to fix");
    dialog.sendMessage("close");
    await invoked;
  });

  test("English Office: a refusal is in English too, naming the sheet and what to do", async () => {
    await load({ displayLanguage: "en-US" }, [["Bảng chấm công tháng 3"]]);
    const invoked = double.invokeAction("tinhDiem");
    const dialog = await dialogNo(double, 0);
    const note = noteOf(dialog.url);
    expect(note.lang).toBe("en");
    expect(note.title).toBe("Could not score");
    expect(note.message).toMatch(new RegExp(`^Sheet “${SHEET}”: No header row of a score table was found in the first row\\.`));
    expect(note.message).toContain("Correct the column headers");
    expect(note.message).not.toMatch(/Không|Hãy/);
    dialog.sendMessage("close");
    await invoked;
  });

  test("English Office: “Undo” says what it undid in English", async () => {
    await load({ displayLanguage: "en-US" });
    const scoring = double.invokeAction("tinhDiem");
    (await dialogNo(double, 0)).sendMessage("close");
    await scoring;
    const undoing = double.invokeAction("hoanTac");
    const dialog = await dialogNo(double, 1);
    const note = noteOf(dialog.url);
    expect(note.title).toBe("Undone");
    expect(note.message).toMatch(new RegExp(`^Undid the “Score” at \\d\\d:\\d\\d on sheet “${SHEET}”\\.$`));
    dialog.sendMessage("close");
    await undoing;
  });

  test("a sheet without a grid: the refusal is shown, nothing is written", async () => {
    await load({}, [["Bảng chấm công tháng 3"]]);
    const invoked = double.invokeAction("tinhDiem");
    const dialog = await dialogNo(double, 0);
    const note = noteOf(dialog.url);
    expect(note.title).toBe("Chưa tính được điểm");
    expect(note.message).toContain(SHEET);
    dialog.sendMessage("close");
    await invoked;
    expect(double.workbook.sheet(SHEET).getValues("A1:B2")).toEqual([
      ["Bảng chấm công tháng 3", ""],
      ["", ""],
    ]);
  });

  test("at the manifest's minimum (ExcelApi 1.4) the ribbon command works", async () => {
    await load({ apiLevel: 4 });
    const invoked = double.invokeAction("tinhDiem");
    const dialog = await dialogNo(double, 0);
    expect(noteOf(dialog.url).message).toContain("7 Tốt, 8 Khá, 4 Trung bình");
    dialog.sendMessage("close");
    await invoked;
  });

  test("when a dialog cannot open (one is already open), the command still completes", async () => {
    await load();
    const first = double.invokeAction("tinhDiem");
    const open = await dialogNo(double, 0);
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      await expect(double.invokeAction("hoanTac")).resolves.toMatchObject({ completed: true }); // 12007
      expect(warn).toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
    open.sendMessage("close");
    await first;
  });

  test("“Hoàn tác” after “Tính điểm” gives the sheet back and says so", async () => {
    await load();
    const before = double.workbook.sheet(SHEET).getValues("A1:P30");
    const scoring = double.invokeAction("tinhDiem");
    (await dialogNo(double, 0)).sendMessage("close");
    await scoring;
    expect(double.workbook.sheet(SHEET).getValues("A1:P30")).not.toEqual(before);

    const undoing = double.invokeAction("hoanTac");
    const dialog = await dialogNo(double, 1);
    const note = noteOf(dialog.url);
    expect(note.title).toBe("Đã hoàn tác");
    expect(note.message).toContain("Đã hoàn tác lần “Tính điểm”");
    dialog.sendMessage("close");
    await undoing;
    // Every cell, the header row included (see the next test), is as before.
    const after = double.workbook.sheet(SHEET).getValues("A1:P30");
    expect(after).toEqual(before);
  });

  test("“Hoàn tác” also removes the headers of the appended result columns", async () => {
    await load();
    const before = double.workbook.sheet(SHEET).getValues("A4:P4");
    const scoring = double.invokeAction("tinhDiem");
    (await dialogNo(double, 0)).sendMessage("close");
    await scoring;
    const undoing = double.invokeAction("hoanTac");
    (await dialogNo(double, 1)).sendMessage("close");
    await undoing;
    expect(double.workbook.sheet(SHEET).getValues("A4:P4")).toEqual(before);
  });

  test("an exception in a use case is reported and the command completes", async () => {
    await load();
    const excel = (globalThis as { Excel: { run: unknown } }).Excel;
    const run = excel.run;
    excel.run = () => {
      throw new TypeError("host gone");
    };
    try {
      const invoked = double.invokeAction("tinhDiem");
      const dialog = await dialogNo(double, 0);
      expect(noteOf(dialog.url).message).toMatch(/host gone/);
      dialog.sendMessage("close");
      await expect(invoked).resolves.toMatchObject({ completed: true });
    } finally {
      excel.run = run;
    }
  });
});
