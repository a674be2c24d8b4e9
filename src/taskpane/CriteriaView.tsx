import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { CriterionJson, RulesJson, SubCriterionJson } from "../core/rules/rules";
import { CriteriaStrings, useCriteriaStrings } from "./criteriaStrings";
import { useSharedStyles } from "./styles";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  group: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalS,
  },
  summary: {
    cursor: "pointer",
    fontWeight: tokens.fontWeightSemibold,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    overflowWrap: "anywhere",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  item: { overflowWrap: "anywhere" },
  title: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  code: { fontWeight: tokens.fontWeightSemibold },
  max: { color: tokens.colorNeutralForeground2, whiteSpace: "nowrap" },
  detail: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

/** How a criterion is scored, as one sentence. */
export function methodText(c: SubCriterionJson & { criteria?: SubCriterionJson[] }, cs: CriteriaStrings): string {
  if (c.criteria && c.criteria.length > 0) return cs.sum(c.max);
  const inputs = c.inputs ?? [];
  switch (c.method) {
    case "points":
      return cs.points(c.max, c.step);
    case "levels":
      return cs.levels(c.levels ?? []);
    case "yesno":
      return cs.yesno(c.max);
    case "ratio":
      return cs.ratio(inputs[0] ?? "a", inputs[1] ?? "b", c.target);
    case "tiers":
      return cs.tiers(inputs[0] ?? "", c.tiers ?? []);
    default:
      return "";
  }
}

const countLeaves = (criteria: readonly CriterionJson[]): number =>
  criteria.reduce((n, c) => n + (c.criteria && c.criteria.length > 0 ? c.criteria.length : 1), 0);

function Criterion({ c, blockNames }: { c: CriterionJson; blockNames: Map<string, string> }) {
  const styles = useStyles();
  const cs = useCriteriaStrings();
  const leaf = !c.criteria || c.criteria.length === 0;
  return (
    <li className={styles.item}>
      <span className={styles.title}>
        <span className={styles.code}>{c.id}</span>
        <span>{c.name}</span>
        <span className={styles.max}>({cs.max(c.max)})</span>
      </span>
      <p className={styles.detail}>{methodText(c, cs)}</p>
      {leaf && c.evidence === "required" && <p className={styles.detail}>{cs.evidenceRequired}</p>}
      {leaf && c.evidence === "none" && <p className={styles.detail}>{cs.evidenceNone}</p>}
      {c.appliesTo && c.appliesTo.length > 0 && <p className={styles.detail}>{cs.appliesTo(c.appliesTo.map((b) => blockNames.get(b) ?? b).join(", "))}</p>}
      {c.guidance && <p className={styles.detail}>{cs.guidance(c.guidance)}</p>}
      {!leaf && (
        <ul className={styles.list}>
          {c.criteria!.map((sub) => (
            <Criterion key={sub.id} c={sub} blockNames={blockNames} />
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * “Bộ tiêu chí” in the Quy tắc tab: each group with criteria as a disclosure (native details/summary, so
 * Enter and Space open it), its criteria and sub-criteria as nested lists with code, name, maximum, how
 * each is scored, evidence, blocks and guidance. Read-only: the set is edited through the “Bộ tiêu chí” sheet.
 */
export function CriteriaView({ rules }: { rules: RulesJson }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const cs = useCriteriaStrings();
  const groups = (rules.groups ?? []).filter((g) => (g.criteria ?? []).length > 0);
  const blockNames = new Map((rules.blocks ?? []).map((b) => [b.id, b.name || b.id]));
  return (
    <section className={styles.section} aria-labelledby="rules-criteria">
      <h3 id="rules-criteria" className={shared.sectionHeading}>
        {cs.heading}
      </h3>
      <p className={shared.muted}>{groups.length > 0 ? cs.intro : cs.none}</p>
      {groups.map((g) => (
        <details key={g.id} className={styles.group}>
          <summary className={styles.summary}>{cs.groupSummary(g.name || g.id, countLeaves(g.criteria!), g.maxPoints)}</summary>
          <ul className={styles.list}>
            {g.criteria!.map((c) => (
              <Criterion key={c.id} c={c} blockNames={blockNames} />
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
