import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { CardText } from "../core/findings/explanation";
import { useStrings } from "./i18n";
import { useSharedStyles } from "./styles";

const useStyles = makeStyles({
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  th: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
  },
  td: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, verticalAlign: "top" },
  num: { textAlign: "right", whiteSpace: "nowrap" },
  // The headers of the number columns wrap between words ("Điểm / chưa đạt"): kept on one line they made the
  // table 362 px wide in a 320 px pane, in Vietnamese.
  numHead: { textAlign: "right", whiteSpace: "normal", verticalAlign: "bottom" },
  groupCell: { overflowWrap: "anywhere" },
  total: { fontWeight: tokens.fontWeightSemibold, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  note: { display: "block", color: tokens.colorNeutralForeground2 },
  summary: { cursor: "pointer", fontWeight: tokens.fontWeightSemibold },
  groupRow: { fontWeight: tokens.fontWeightSemibold, textAlign: "left", paddingTop: tokens.spacingVerticalXS },
  lostRow: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
});

/**
 * The agency under the selection: total, maximum and why, each group with the points lost, class
 * and distance to the next, rank and its neighbours (the same text as its Giải trình page); with a ledger
 * ("Chấm điểm chi tiết"), its criteria under their groups: maximum, self-assessed, appraised, points.
 */
export function AgencyCard({ card }: { card: CardText }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const t = useStrings();
  const [group, max, score, lost] = card.headers;
  return (
    <section className={styles.card} aria-labelledby="agency-card-title">
      <h2 id="agency-card-title" className={shared.sectionHeading}>
        {card.name}
      </h2>
      <table className={styles.table}>
        <caption className={shared.visuallyHidden}>{t.card.caption(card.name)}</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.th}>
              {group}
            </th>
            <th scope="col" className={`${styles.th} ${styles.numHead}`}>
              {max}
            </th>
            <th scope="col" className={`${styles.th} ${styles.numHead}`}>
              {score}
            </th>
            <th scope="col" className={`${styles.th} ${styles.numHead}`}>
              {lost}
            </th>
          </tr>
        </thead>
        <tbody>
          {[...card.groups, card.total].map((g, i) => (
            <tr key={i} className={i === card.groups.length ? styles.total : undefined}>
              <th scope="row" className={`${styles.td} ${styles.groupCell}`} style={{ fontWeight: "inherit", textAlign: "left" }}>
                {g.group}
                {g.note && <span className={styles.note}>{g.note}</span>}
              </th>
              <td className={`${styles.td} ${styles.num}`}>{g.max}</td>
              <td className={`${styles.td} ${styles.num}`}>{g.score}</td>
              <td className={`${styles.td} ${styles.num}`}>{g.lost}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <CriteriaTable card={card} />
      <ul className={styles.lines}>
        {card.lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </section>
  );
}

/** The agency's criteria from the ledger, under their groups, in a disclosure (a native one: keyboard and screen readers). */
function CriteriaTable({ card }: { card: CardText }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const t = useStrings();
  const all = card.criteria.flat();
  if (all.length === 0) return null;
  const [criterion, max, self, appraised, points] = card.criteriaHeaders;
  const num = `${styles.th} ${styles.num}`;
  return (
    <details>
      <summary className={styles.summary}>{t.card.criteriaSummary(all.length, all.filter((c) => c.lostAny).length)}</summary>
      <table className={styles.table}>
        <caption className={shared.visuallyHidden}>{t.card.criteriaCaption(card.name)}</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.th}>
              {criterion}
            </th>
            <th scope="col" className={num}>
              {max}
            </th>
            <th scope="col" className={num}>
              {self}
            </th>
            <th scope="col" className={num}>
              {appraised}
            </th>
            <th scope="col" className={num}>
              {points}
            </th>
          </tr>
        </thead>
        {card.criteria.map((list, gi) =>
          list.length === 0 ? null : (
            <tbody key={gi}>
              <tr>
                <th scope="colgroup" colSpan={5} className={`${styles.td} ${styles.groupRow}`}>
                  {card.groups[gi].group}
                </th>
              </tr>
              {list.map((c) => (
                <tr key={c.id} className={c.lostAny ? styles.lostRow : undefined}>
                  <th scope="row" className={styles.td} style={{ fontWeight: "inherit", textAlign: "left" }}>
                    {c.id} {c.name}
                    {c.note && <span className={styles.note}>{c.note}</span>}
                  </th>
                  <td className={`${styles.td} ${styles.num}`}>{c.max}</td>
                  <td className={`${styles.td} ${styles.num}`}>{c.self}</td>
                  <td className={`${styles.td} ${styles.num}`}>{c.appraised}</td>
                  <td className={`${styles.td} ${styles.num}`}>{c.points}</td>
                </tr>
              ))}
            </tbody>
          ),
        )}
      </table>
    </details>
  );
}
