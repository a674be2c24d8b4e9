/**
 * The criteria-set example (scripts/make-criteria-example.js): its rules use every method, a block-only
 * and an exempt criterion; its ledger's group sums give back the published 2020 annex exactly.
 */
import * as fs from "fs";
import * as path from "path";
import { scoreWorkbook } from "../../src/cli/score";
import { formatVi } from "../../src/core/base/decimal";
import { validateRules } from "../../src/core/rules/rules";
import { readPublishedAnnex } from "../fixtures/reference";
import { ROOT } from "./helpers";

const RULES = JSON.parse(fs.readFileSync(path.join(ROOT, "docs/examples/bo-tieu-chi-2020.json"), "utf8"));

describe("examples/bo-tieu-chi-2020.xlsx", () => {
  it("has a criteria set of about 30 leaves, all five methods, one block-only and one exempt criterion", () => {
    const checked = validateRules(RULES);
    if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join("\n"));
    const { leaves } = checked.rules;
    expect(leaves.length).toBeGreaterThanOrEqual(28);
    expect(new Set(leaves.map((l) => l.method))).toEqual(new Set(["points", "levels", "yesno", "ratio", "tiers"]));
    expect(leaves.filter((l) => l.appliesTo.length > 0).map((l) => l.id)).toEqual(["3.3"]);
    expect(checked.rules.exemptions.flatMap((e) => e.criteria ?? [])).toEqual(["2.5"]);
    expect(checked.rules.groups.every((g) => g.criteria.length > 0)).toBe(true);
  });

  it("scored with its ledger, gives back every group score, total, index, class and rank of the published annex", async () => {
    const outcome = await scoreWorkbook({ input: path.join(ROOT, "examples/bo-tieu-chi-2020.xlsx") });
    if (!outcome.ok) throw new Error(outcome.message.message);
    const published = readPublishedAnnex().rows;
    const groups = outcome.result.rules.groups;
    expect(
      outcome.rows.map((r) => [
        r.name,
        r.scores.map((s, i) => (s === null ? (groups[i].id === "dvctt" ? "0" : "") : formatVi(s))),
        formatVi(r.total!),
        formatVi(r.index!, 3),
        r.className,
        r.rank,
      ]),
    ).toEqual(published.map((p) => [p.name, p.groups, p.total, p.index, p.className, Number(p.stt)]));
    // The 55 of 50 in Nhân lực (Văn phòng UBND tỉnh) is there as published, at the grid's cell and at the criterion typed above its maximum.
    expect(outcome.findings.map((f) => [f.code, f.cell])).toEqual([
      ["aboveMax", "H10"],
      ["criterionOverMax", expect.stringMatching(/^'Chấm điểm chi tiết'!G\d+$/)],
    ]);
    const soYte = outcome.json.rows.find((r) => r.name === "Sở Y tế")!;
    expect(soYte.criteria!.find((c) => c.id === "5.4")).toMatchObject({ appraised: expect.any(Number) });
    expect(soYte.criteria!.length).toBe(29);
  });
});
