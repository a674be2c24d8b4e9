/** How forms reach the user (delivery.ts): new workbooks where Excel.createWorkbook is, downloads elsewhere. */
import { formDelivery } from "../../src/excel/delivery";
import { createOfficeDouble } from "../office-double/index";

function install(opts: { apiLevel?: number; platform?: "PC" | "Mac" | "OfficeOnline" } = {}) {
  const double = createOfficeDouble({ apiLevel: opts.apiLevel ?? 20, platform: opts.platform ?? "PC" });
  return { double, restore: double.install(globalThis) };
}

describe("formDelivery", () => {
  let h: ReturnType<typeof install>;
  afterEach(() => h.restore());

  it("opens the forms as new workbooks with Excel.createWorkbook on Windows and Mac (ExcelApi 1.8), else downloads", () => {
    h = install({ platform: "PC", apiLevel: 8 });
    expect(formDelivery()).toBe("newWorkbooks");
    h.restore();

    h = install({ platform: "Mac", apiLevel: 8 });
    expect(formDelivery()).toBe("newWorkbooks");
    h.restore();
    h = install({ platform: "OfficeOnline" });
    expect(formDelivery()).toBe("download");
    h.restore();
    h = install({ platform: "PC", apiLevel: 7 });
    expect(formDelivery()).toBe("download");
  });

  it("downloads when Office has no platform to tell (Office.context not there)", () => {
    h = install();
    const office = globalThis.Office as unknown as { context: unknown };
    const context = office.context;
    Object.defineProperty(office, "context", { configurable: true, get: () => undefined });
    try {
      expect(formDelivery()).toBe("download");
    } finally {
      Object.defineProperty(office, "context", { configurable: true, writable: true, value: context });
    }
  });
});
