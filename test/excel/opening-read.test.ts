/** What opening reads (excel/opening-read.ts): the store's head and the open sheet's title rows, in one sync. */
import { runScoring } from "../../src/excel/scoring";
import { readOpening } from "../../src/excel/opening-read";
import { referenceDouble } from "./helpers";

let restore: () => void = () => undefined;
afterEach(() => restore());

describe("readOpening", () => {
  it("on a workbook never scored: nothing stored, no problem, the title rows of the open sheet; one sync", async () => {
    const setup = referenceDouble();
    restore = setup.restore;
    setup.double.stats.reset();
    const read = await Excel.run(readOpening);
    expect(setup.double.stats.syncs).toBe(1);
    expect([read.state, read.lastRun, read.undo, read.lock, read.problems, read.problemsEn]).toEqual([{}, null, null, null, [], []]);
    expect(read.top).toEqual(setup.ws.getValues("A1:Z12"));
    expect(read.top!.flat().filter((v) => v !== "").length).toBeGreaterThan(0);
  });

  it("after Tính điểm: the last run and what undo would undo, from the store's head; still one sync", async () => {
    const setup = referenceDouble();
    restore = setup.restore;
    expect((await runScoring("pane")).kind).toBe("done");
    setup.double.stats.reset();
    const read = await Excel.run(readOpening);
    expect(setup.double.stats.syncs).toBe(1);
    expect(read.lastRun?.source).toBe("pane");
    expect(read.undo?.action).toBe("score");
    expect(read.problems).toEqual([]);
  });
});
