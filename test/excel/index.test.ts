/** The Office use cases as one table (index.ts): what the pane's api, its test fake and the preloading are derived from. */
import * as fs from "fs";
import * as path from "path";
import { officeUseCases, preloadEngine, USE_CASES } from "../../src/excel/index";
import { listOtherSheets, openPane } from "../../src/excel/opening";
import { loadSettings } from "../../src/excel/settings";
import { referenceDouble } from "./helpers";

type Row = { now: unknown } | { chunk: "engine" | "settings"; load: () => Promise<Record<string, unknown>>; name: string };
const rows = Object.entries(USE_CASES) as [string, Row][];
const later = rows.filter((r): r is [string, Extract<Row, { load: unknown }>] => "load" in r[1]);

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

describe("USE_CASES", () => {
  it("each row loaded on first use names a function its module exports", async () => {
    expect(later.length).toBeGreaterThan(0);
    for (const [key, row] of later) {
      const module = await row.load();
      expect([key, typeof module[row.name]]).toEqual([key, "function"]);
    }
  });

  it("each row's chunk is the webpackChunkName its import gives: the pane's first script and the engine stay apart", () => {
    const source = fs.readFileSync(path.join(__dirname, "../../src/excel/index.ts"), "utf8");
    const written = [
      ...source.matchAll(/(\w+):\s*later\(\s*"(\w+)",\s*\(\)\s*=>\s*import\(\s*\/\*\s*webpackChunkName:\s*"(\w+)"\s*\*\/\s*"[^"]+"\s*\),\s*"\w+",?\s*\)/g),
    ];
    expect(written.map((m) => m[1]).sort()).toEqual(later.map(([key]) => key).sort());
    for (const [, key, chunk, named] of written) expect([key, chunk]).toEqual([key, named]);
  });

  it("officeUseCases: a function per row; a row of the first script is the use case itself", () => {
    const api = officeUseCases();
    expect(Object.keys(api).sort()).toEqual(rows.map(([key]) => key).sort());
    expect(Object.values(api).every((f) => typeof f === "function")).toBe(true);
    expect(api.openPane).toBe(openPane);
    expect(api.listOtherSheets).toBe(listOtherSheets);
  });

  it("a row loaded on first use gives the arguments to its use case and its answer back, through the strict double", async () => {
    const setup = referenceDouble(20);
    restore = setup.restore;
    const api = officeUseCases();
    expect(await api.loadSettings()).toEqual(await loadSettings());
    expect((await loadSettings()).lineage2025).toBe(false);
    expect(await api.saveLineage2025(true)).toEqual({ ok: true });
    expect((await loadSettings()).lineage2025).toBe(true);
    expect(await api.loadSettings()).toEqual(await loadSettings());
  });
});

describe("preloadEngine", () => {
  it("starts loading every chunk of the table once, and a chunk that fails to load is not an error (it loads again when used)", async () => {
    const loads = later.map(([, row]) => row.load);
    const calls: string[] = [];
    later.forEach(([key, row], i) => {
      row.load = () => {
        calls.push(key);
        return i === 0 ? Promise.reject(new Error("ChunkLoadError")) : loads[i]();
      };
    });
    try {
      preloadEngine();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(calls.sort()).toEqual(later.map(([key]) => key).sort());
    } finally {
      later.forEach(([, row], i) => (row.load = loads[i]));
    }
  });
});
