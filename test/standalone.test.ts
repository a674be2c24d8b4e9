/**
 * A user's clone works on its own: nothing the product or its tests need lies outside the
 * repository, and the tools `npm start`, `npm run start:web` and `npm run stop` call load after a
 * clean `npm ci`.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Every file under dir (recursively), skipping nothing: these folders hold only sources. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

describe("the repository stands alone", () => {
  // Built from parts so that this file does not name the folder it looks for.
  const outside = ["..", "shared"].join("/");
  // The single permitted mention: the optional comparison of the annex fixture with its source.
  const allowed = new Set([path.join(ROOT, "test/core/grid/reference.test.ts")]);

  test("no source, test, script or benchmark reads the folder beside the repository", () => {
    const files = [
      ...["src", "test", "scripts", "bench"].flatMap((d) => filesUnder(path.join(ROOT, d))),
      ...["package.json", "webpack.config.js", "jest.config.js", "tsconfig.json", "tsconfig.cli.json", ".ci/run"].map((f) => path.join(ROOT, f)),
    ].filter((f) => fs.existsSync(f));
    expect(files.length).toBeGreaterThan(50);
    const offending = files.filter((f) => !allowed.has(f) && fs.readFileSync(f, "utf8").includes(outside));
    expect(offending.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  test("npm run validate uses the schemas kept in the repository, with a note on their origin", () => {
    const match = /--schema\s+(\S+)/.exec(pkg.scripts.validate);
    expect(match).not.toBeNull();
    const schema = path.resolve(ROOT, match![1]);
    expect(schema.startsWith(path.join(ROOT, "schemas", "office-addin-manifest") + path.sep)).toBe(true);
    expect(fs.existsSync(schema)).toBe(true);
    // Everything the main schema includes or imports is beside it.
    const dir = path.dirname(schema);
    const included = [...fs.readFileSync(schema, "utf8").matchAll(/schemaLocation="([^"]+)"/g)].map((m) => m[1]);
    expect(included.length).toBeGreaterThan(0);
    for (const name of included) expect(fs.existsSync(path.join(dir, name))).toBe(true);
    expect(fs.readFileSync(path.join(dir, "README.md"), "utf8")).toMatch(/MS-OWEMXML/);
  });
});

describe("the debugging tools load after a clean install", () => {
  const bin = path.join(ROOT, "node_modules", ".bin", process.platform === "win32" ? "office-addin-debugging.cmd" : "office-addin-debugging");
  const run = (...args: string[]) => spawnSync(bin, args, { cwd: ROOT, encoding: "utf8", shell: process.platform === "win32", timeout: 30000 });

  test("npm start, start:web and stop call office-addin-debugging", () => {
    expect(pkg.scripts.start).toMatch(/^office-addin-debugging start manifest\.xml$/);
    expect(pkg.scripts["start:web"]).toMatch(/^office-addin-debugging start manifest\.xml web$/);
    expect(pkg.scripts.stop).toMatch(/^office-addin-debugging stop manifest\.xml$/);
  });

  test.each([[["--help"]], [["start", "--help"]], [["stop", "--help"]]])("office-addin-debugging %j runs", (args) => {
    const result = run(...args);
    if (result.error) throw result.error;
    // @microsoft/app-manifest (under office-addin-manifest) requires fs-extra without declaring it;
    // package.json lists it so that npm installs it where that package can find it. A node_modules
    // older than that entry fails here: `npm ci` brings it up to date.
    if (result.status !== 0) throw new Error(`office-addin-debugging ${args.join(" ")} exited ${result.status}:\n${result.stderr}`);
    expect(result.stdout).toMatch(/^Usage: office-addin-debugging/);
    expect(result.stderr).not.toMatch(/Cannot find module/);
  });

  test("fs-extra, which @microsoft/app-manifest needs, is an explicit dependency", () => {
    expect(pkg.devDependencies["fs-extra"]).toBeDefined();
    expect(() => require.resolve("fs-extra", { paths: [path.join(ROOT, "node_modules", "@microsoft", "app-manifest")] })).not.toThrow();
  });
});
