/**
 * @jest-environment jsdom
 *
 * manifest.xml: valid against the published schema (offline, xmllint), consistent with the code
 * (minimum ExcelApi, function names), every resource it names present, icons of the right size,
 * every string in English too. jsdom only provides the DOMParser.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { MIN_EXCEL_API } from "../src/excel/host";

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const SCHEMA = path.join(ROOT, "schemas/office-addin-manifest/OfficeAppManifestV1_1.xsd");
const DEV_URL = "https://localhost:3000/";

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  vo: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

const xml = fs.readFileSync(MANIFEST, "utf8");
const doc = new DOMParser().parseFromString(xml, "application/xml");

const all = (root: Document | Element, ns: string, name: string): Element[] => Array.from(root.getElementsByTagNameNS(ns, name));
const one = (root: Document | Element, ns: string, name: string): Element => {
  const found = all(root, ns, name);
  if (found.length === 0) throw new Error(`<${name}> not found`);
  return found[0];
};
const children = (el: Element, ns: string, name: string) => Array.from(el.children).filter((c) => c.namespaceURI === ns && c.localName === name);
const xsiType = (el: Element) => el.getAttributeNS(NS.xsi, "type");

const versionOverrides = one(doc, NS.vo, "VersionOverrides");
const resources = one(versionOverrides, NS.vo, "Resources");
const resourceIds = (kind: "Images" | "Urls" | "ShortStrings" | "LongStrings") => {
  const element = kind === "Images" ? "Image" : kind === "Urls" ? "Url" : "String";
  return new Map(children(one(resources, NS.bt, kind), NS.bt, element).map((e) => [e.getAttribute("id")!, e]));
};
const images = resourceIds("Images");
const urls = resourceIds("Urls");
const shortStrings = resourceIds("ShortStrings");
const longStrings = resourceIds("LongStrings");

/** Width and height from a PNG's IHDR chunk (after checking it is a PNG). */
function pngSize(file: string): { width: number; height: number } {
  const head = Buffer.alloc(24);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, head, 0, 24, 0);
  } finally {
    fs.closeSync(fd);
  }
  expect(head.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(head.toString("ascii", 12, 16)).toBe("IHDR");
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

/** The file in assets/ an icon URL names. */
function assetOf(url: string): string {
  expect(url.startsWith(`${DEV_URL}assets/`)).toBe(true);
  return path.join(ROOT, "assets", url.slice(`${DEV_URL}assets/`.length));
}

describe("manifest.xml", () => {
  test("is well-formed XML", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.localName).toBe("OfficeApp");
    expect(doc.documentElement.namespaceURI).toBe(NS.app);
  });

  test("validates against the published add-in manifest schema (xmllint)", () => {
    expect(fs.existsSync(SCHEMA)).toBe(true);
    const run = spawnSync("xmllint", ["--noout", "--schema", SCHEMA, MANIFEST], { encoding: "utf8" });
    if (run.error) throw new Error(`xmllint could not run (Debian: apt-get install libxml2-utils): ${run.error.message}`);
    if (run.status !== 0) throw new Error(`xmllint rejects manifest.xml:\n${run.stderr}`);
    expect(run.stderr).toMatch(/validates/);
  });

  test("identity: a task pane add-in for Excel workbooks, fixed GUID, Vietnamese by default", () => {
    expect(xsiType(doc.documentElement)).toBe("TaskPaneApp");
    expect(one(doc, NS.app, "Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    // Version and ProviderName belong to whoever deploys the add-in (ADDIN_VERSION, ADDIN_PROVIDER):
    // only their form is checked here, the schema checks the rest.
    expect(one(doc, NS.app, "Version").textContent).toMatch(/^[0-9]{1,5}(\.[0-9]{1,5}){0,3}$/);
    expect(one(doc, NS.app, "ProviderName").textContent!.trim()).not.toBe("");
    expect(one(doc, NS.app, "DefaultLocale").textContent).toBe("vi-VN");
    const hosts = children(one(doc, NS.app, "Hosts"), NS.app, "Host").map((h) => h.getAttribute("Name"));
    expect(hosts).toEqual(["Workbook"]);
    expect(one(doc, NS.app, "Permissions").textContent).toBe("ReadWriteDocument");
    const voHosts = all(versionOverrides, NS.vo, "Host").map(xsiType);
    expect(voHosts).toEqual(["Workbook"]);
    // The schema here predates the shared runtime; commands run in their own function file.
    expect(xml).not.toMatch(/<Runtimes\b/);
  });

  test("requires exactly the ExcelApi version the code is written for (MIN_EXCEL_API)", () => {
    const sets = all(one(doc, NS.app, "Requirements"), NS.app, "Set");
    expect(sets.map((s) => s.getAttribute("Name"))).toEqual(["ExcelApi"]);
    expect(sets[0].getAttribute("MinVersion")).toBe(MIN_EXCEL_API);
  });

  test("DisplayName and Description have an en-US override", () => {
    for (const name of ["DisplayName", "Description"]) {
      const el = one(doc, NS.app, name);
      expect(el.getAttribute("DefaultValue")).toBeTruthy();
      const en = children(el, NS.app, "Override").filter((o) => o.getAttribute("Locale") === "en-US");
      expect(en).toHaveLength(1);
      expect(en[0].getAttribute("Value")).toBeTruthy();
    }
  });

  test("every resid exists in Resources, in the right kind, and no resource is unused", () => {
    const used = new Set<string>();
    const kindOf = (el: Element): Map<string, Element> => {
      if (el.localName === "Image") return images;
      if (["FunctionFile", "SourceLocation", "LearnMoreUrl"].includes(el.localName)) return urls;
      if (el.localName === "Description") return longStrings;
      if (["Label", "Title"].includes(el.localName)) return shortStrings;
      throw new Error(`unexpected resid on <${el.localName}>`);
    };
    const referencing = Array.from(versionOverrides.getElementsByTagName("*")).filter((e) => e.hasAttribute("resid"));
    expect(referencing.length).toBeGreaterThan(10);
    for (const el of referencing) {
      const id = el.getAttribute("resid")!;
      expect(id.length).toBeLessThanOrEqual(32); // the schema's and Office's limit for resid
      if (!kindOf(el).has(id)) throw new Error(`<${el.localName} resid="${id}"> names no ${el.localName} resource of the right kind`);
      used.add(id);
    }
    const defined = [...images.keys(), ...urls.keys(), ...shortStrings.keys(), ...longStrings.keys()];
    expect(defined.filter((id) => !used.has(id))).toEqual([]);
  });

  test("every URL is under the development URL, which `npm run build` rewrites", () => {
    const values = Array.from(doc.getElementsByTagName("*"))
      .filter(
        (e) =>
          ["IconUrl", "HighResolutionIconUrl", "SourceLocation", "SupportUrl"].includes(e.localName) ||
          (e.namespaceURI === NS.bt && ["Image", "Url"].includes(e.localName) && e.hasAttribute("id")),
      )
      .map((e) => e.getAttribute("DefaultValue"))
      .filter((v): v is string => v !== null);
    expect(values.length).toBeGreaterThan(5);
    for (const v of values) expect(v.startsWith(DEV_URL)).toBe(true);
    expect(urls.get(one(versionOverrides, NS.vo, "FunctionFile").getAttribute("resid")!)!.getAttribute("DefaultValue")).toBe(`${DEV_URL}commands.html`);
    expect(one(doc, NS.app, "SourceLocation").getAttribute("DefaultValue")).toBe(`${DEV_URL}taskpane.html`);
  });

  test("every icon URL names a PNG in assets/ of the right pixel size", () => {
    const icon = pngSize(assetOf(one(doc, NS.app, "IconUrl").getAttribute("DefaultValue")!));
    const highRes = pngSize(assetOf(one(doc, NS.app, "HighResolutionIconUrl").getAttribute("DefaultValue")!));
    expect([32, 64]).toContain(icon.width);
    expect(icon.height).toBe(icon.width);
    expect(highRes).toEqual({ width: icon.width * 2, height: icon.height * 2 });

    // Ribbon icons: the size each <bt:Image size="…"> asks for is the size of the file it gets.
    const refs = all(versionOverrides, NS.bt, "Image").filter((e) => e.hasAttribute("resid"));
    expect(refs.length).toBeGreaterThanOrEqual(3);
    for (const ref of refs) {
      const size = Number(ref.getAttribute("size"));
      expect([16, 32, 80]).toContain(size);
      const file = assetOf(images.get(ref.getAttribute("resid")!)!.getAttribute("DefaultValue")!);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  test("assets/ holds the five icons, each the size its name says", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(path.join(ROOT, "assets", `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
  });

  test("every ShortString and LongString has a non-empty en-US override", () => {
    const strings = [...shortStrings.values(), ...longStrings.values()];
    expect(strings.length).toBeGreaterThanOrEqual(8);
    for (const s of strings) {
      const en = children(s, NS.bt, "Override").filter((o) => o.getAttribute("Locale") === "en-US");
      if (en.length !== 1 || !en[0].getAttribute("Value")?.trim()) throw new Error(`string "${s.getAttribute("id")}" has no en-US override`);
      expect(s.getAttribute("DefaultValue")?.trim()).toBeTruthy();
    }
  });

  describe("ribbon", () => {
    const tab = one(versionOverrides, NS.vo, "OfficeTab");
    const group = one(tab, NS.vo, "Group");
    const label = (el: Element, lang: "vi" | "en") => {
      const s = shortStrings.get(children(el, NS.vo, "Label")[0].getAttribute("resid")!)!;
      return lang === "vi" ? s.getAttribute("DefaultValue") : children(s, NS.bt, "Override")[0].getAttribute("Value");
    };
    const buttons = children(group, NS.vo, "Control");
    const button = (vi: string) => {
      const found = buttons.filter((b) => label(b, "vi") === vi);
      if (found.length !== 1) throw new Error(`one button labelled “${vi}” expected, found ${found.length}`);
      return found[0];
    };
    const action = (b: Element) => one(b, NS.vo, "Action");

    test("a group “Xếp hạng CNTT” on the Home tab of the primary command surface", () => {
      expect(xsiType(one(versionOverrides, NS.vo, "ExtensionPoint"))).toBe("PrimaryCommandSurface");
      expect(tab.getAttribute("id")).toBe("TabHome");
      expect(label(group, "vi")).toBe("Xếp hạng CNTT");
      expect(label(group, "en")).toBe("IT Ranking");
      expect(buttons.every((b) => xsiType(b) === "Button")).toBe(true);
      const ids = [group, ...buttons].map((e) => e.getAttribute("id"));
      expect(new Set(ids).size).toBe(ids.length);
    });

    test("“Tính điểm” runs the function tinhDiem without opening the pane", () => {
      const b = button("Tính điểm");
      expect(label(b, "en")).toBe("Score");
      expect(xsiType(action(b))).toBe("ExecuteFunction");
      expect(one(action(b), NS.vo, "FunctionName").textContent).toBe("tinhDiem");
    });

    test("“Tạo phụ lục” runs the function taoPhuLuc without opening the pane, right after “Tính điểm”", () => {
      const b = button("Tạo phụ lục");
      expect(label(b, "en")).toBe("Create annex");
      expect(xsiType(action(b))).toBe("ExecuteFunction");
      expect(one(action(b), NS.vo, "FunctionName").textContent).toBe("taoPhuLuc");
      expect(buttons.indexOf(b)).toBe(buttons.indexOf(button("Tính điểm")) + 1);
    });

    test("“Mở bảng điều khiển” shows the task pane (taskpane.html)", () => {
      const b = button("Mở bảng điều khiển");
      expect(label(b, "en")).toBe("Open pane");
      expect(xsiType(action(b))).toBe("ShowTaskpane");
      expect(one(action(b), NS.vo, "TaskpaneId").textContent).toBe("ButtonId1");
      const url = urls.get(one(action(b), NS.vo, "SourceLocation").getAttribute("resid")!)!;
      expect(url.getAttribute("DefaultValue")).toBe(`${DEV_URL}taskpane.html`);
    });

    test("“Hoàn tác” runs the function hoanTac", () => {
      const b = button("Hoàn tác");
      expect(label(b, "en")).toBe("Undo");
      expect(xsiType(action(b))).toBe("ExecuteFunction");
      expect(one(action(b), NS.vo, "FunctionName").textContent).toBe("hoanTac");
    });

    test("every FunctionName is associated in src/commands/commands.ts", () => {
      const source = fs.readFileSync(path.join(ROOT, "src/commands/commands.ts"), "utf8");
      const names = all(versionOverrides, NS.vo, "FunctionName").map((f) => f.textContent!);
      expect(names.sort()).toEqual(["hoanTac", "taoPhuLuc", "tinhDiem"]);
      for (const name of names) expect(source).toContain(`Office.actions.associate("${name}", ${name})`);
    });

    test("every button has a tooltip (Supertip) in both languages", () => {
      for (const b of buttons) {
        const tip = one(b, NS.vo, "Supertip");
        expect(shortStrings.has(one(tip, NS.vo, "Title").getAttribute("resid")!)).toBe(true);
        expect(longStrings.has(one(tip, NS.vo, "Description").getAttribute("resid")!)).toBe(true);
      }
    });
  });
});

interface BuildOptions {
  url: string;
  provider?: string;
  version?: string;
  officeJs?: string;
}

describe("the production manifest (npm run build)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const build = require("../scripts/build-options.js") as {
    DEFAULT_URL: string;
    OFFICE_JS_CDN: string;
    manifestOptions: (env: Record<string, string | undefined>) => BuildOptions;
    productionManifest: (xml: string, options: BuildOptions) => string;
    productionPage: (html: string, options: BuildOptions) => string;
  };
  const built = (env: Record<string, string | undefined>) => build.productionManifest(xml, build.manifestOptions(env));
  const parse = (text: string) => new DOMParser().parseFromString(text, "application/xml");

  test("ADDIN_URL, ADDIN_PROVIDER and ADDIN_VERSION set the URLs, <ProviderName> and <Version>", () => {
    const out = built({
      ADDIN_URL: "https://addin.skhcn.example.gov.vn/xhcntt/",
      ADDIN_PROVIDER: "Sở Khoa học và Công nghệ tỉnh A & B",
      ADDIN_VERSION: "1.2.3.4",
    });
    expect(out).not.toContain(DEV_URL);
    const d = parse(out);
    expect(d.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(one(d, NS.app, "ProviderName").textContent).toBe("Sở Khoa học và Công nghệ tỉnh A & B");
    expect(one(d, NS.app, "Version").textContent).toBe("1.2.3.4");
    expect(one(d, NS.app, "SourceLocation").getAttribute("DefaultValue")).toBe("https://addin.skhcn.example.gov.vn/xhcntt/taskpane.html");
  });

  test("without the variables: the repository's provider and version, the example URL", () => {
    const d = parse(built({}));
    expect(one(d, NS.app, "ProviderName").textContent).toBe(one(doc, NS.app, "ProviderName").textContent);
    expect(one(d, NS.app, "Version").textContent).toBe(one(doc, NS.app, "Version").textContent);
    expect(one(d, NS.app, "IconUrl").getAttribute("DefaultValue")).toBe(`${build.DEFAULT_URL}assets/icon-32.png`);
  });

  test("the default provider is the department that took over IT from the Sở Thông tin và Truyền thông in 2025", () => {
    expect(one(doc, NS.app, "ProviderName").textContent).toBe("Sở Khoa học và Công nghệ");
  });

  test.each([
    [{ ADDIN_URL: "http://addin.example.gov.vn/" }, /ADDIN_URL/],
    [{ ADDIN_URL: "https://addin.example.gov.vn/xhcntt" }, /ADDIN_URL/],
    [{ ADDIN_PROVIDER: "x".repeat(126) }, /ADDIN_PROVIDER/],
    [{ ADDIN_PROVIDER: "Sở\nKhoa học" }, /ADDIN_PROVIDER/],
    [{ ADDIN_VERSION: "1.0.0.0.0" }, /ADDIN_VERSION/],
    [{ ADDIN_VERSION: "v2" }, /ADDIN_VERSION/],
    [{ OFFICE_JS_URL: "http://intranet.example.gov.vn/office/office.js" }, /OFFICE_JS_URL/],
    [{ OFFICE_JS_URL: "https://intranet.example.gov.vn/office/" }, /OFFICE_JS_URL/],
  ])("refuses %j before building", (env, message) => {
    expect(() => build.manifestOptions(env)).toThrow(message);
  });

  test("OFFICE_JS_URL makes every page load Office.js from the agency's server instead of Microsoft's CDN", () => {
    const pages = ["src/taskpane/taskpane.html", "src/commands/commands.html", "src/commands/dialog.html"].map((f) =>
      fs.readFileSync(path.join(ROOT, f), "utf8"),
    );
    const own = "https://intranet.example.gov.vn/office-js/office.js";
    const options = build.manifestOptions({ OFFICE_JS_URL: own });
    for (const page of pages) {
      // Every page loads Office.js from the CDN, by exactly the address the build replaces.
      expect(page.match(/<script[^>]+office\.js/g)).toEqual([expect.stringContaining(build.OFFICE_JS_CDN)]);
      const out = build.productionPage(page, options);
      expect(out).not.toContain("appsforoffice.microsoft.com");
      expect(out).toContain(`src="${own}"`);
      expect(build.productionPage(page, build.manifestOptions({}))).toBe(page);
    }
  });

  test("the built manifest still validates against the schema (xmllint)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-"));
    try {
      const file = path.join(dir, "manifest.xml");
      fs.writeFileSync(file, built({ ADDIN_PROVIDER: "Sở Khoa học và Công nghệ tỉnh Hưng Yên", ADDIN_VERSION: "2.0.1.0" }));
      const run = spawnSync("xmllint", ["--noout", "--schema", SCHEMA, file], { encoding: "utf8" });
      if (run.status !== 0) throw new Error(`xmllint rejects the built manifest:\n${run.stderr}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("production scripts have content-hashed names, so an update is never served from a stale cache", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const makeConfig = require("../webpack.config.js") as (env: object, argv: object) => Promise<{ output: { filename: string; chunkFilename: string } }>;
    const prod = await makeConfig({ WEBPACK_BUILD: true }, { mode: "production" });
    expect(prod.output.filename).toMatch(/\[contenthash(:\d+)?\]/);
    expect(prod.output.chunkFilename).toMatch(/\[contenthash(:\d+)?\]/);
    // The HTML pages keep the names the manifest gives them.
    const dev = await makeConfig({ WEBPACK_BUILD: true }, { mode: "development" });
    expect(dev.output.filename).toBe("[name].js");
  });
});
