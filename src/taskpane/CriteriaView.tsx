import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { CriterionJson, RuleProblem, RulesJson, SubCriterionJson } from "../core/rules/rules";
import { ruleProblemText } from "./rulesForm";
import type { CriteriaProblemView } from "../excel/criteria-sheet";
import { errorText, Note, useDropOnUndo } from "./actions";
import { BusyButton } from "./BusyButton";
import { CriteriaStrings, useCriteriaStrings } from "./criteriaStrings";
import { useStrings } from "./i18n";
import { Notice } from "./Notice";
import { usePane } from "./pane";
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
  toolbar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  problem: { overflowWrap: "anywhere" },
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
          {c.criteria!.map((sub, i) => (
            <Criterion key={`${i}:${sub.id}`} c={sub} blockNames={blockNames} />
          ))}
        </ul>
      )}
    </li>
  );
}

export interface CriteriaViewProps {
  /** The rules as the form has them now. */
  rules: RulesJson;
  /** Whether they are valid (the sheet is written from them, and read into them, only then). */
  valid?: boolean;
  /** The problems of the rules' criteria (listed by path). */
  problems?: RuleProblem[];
  /** Keeps the criteria set read from the sheet in the workbook's rules (the Quy tắc tab saves it). */
  onUse?: (rules: RulesJson) => Promise<boolean>;
}

/**
 * “Bộ tiêu chí” in the Quy tắc tab: each group with criteria as a disclosure (native details/summary, so
 * Enter and Space open it), its criteria and sub-criteria as nested lists with code, name, maximum, how
 * each is scored, evidence, blocks and guidance; the problems of the rules' criteria by path. The set can be
 * written out as the “Bộ tiêu chí” sheet and read back from it: the tree read is shown before it is used,
 * or its problems by cell, each a button that selects its cell.
 */
export function CriteriaView({ rules, valid = true, problems = [], onUse }: CriteriaViewProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const cs = useCriteriaStrings();
  const t = useStrings();
  const [read, setRead] = React.useState<RulesJson | null>(null);
  const shown = read ?? rules;
  const groups = (shown.groups ?? []).filter((g) => (g.criteria ?? []).length > 0);
  const blockNames = new Map((shown.blocks ?? []).map((b) => [b.id, b.name || b.id]));
  return (
    <section className={styles.section} aria-labelledby="rules-criteria">
      <h3 id="rules-criteria" className={shared.sectionHeading}>
        {cs.heading}
      </h3>
      <p className={shared.muted}>{groups.length > 0 ? cs.intro : cs.none}</p>
      {onUse && <CriteriaSheet rules={rules} valid={valid} read={read} setRead={setRead} onUse={onUse} />}
      {problems.length > 0 && (
        <Notice
          note={{ intent: "error", title: cs.rulesProblems(problems.length), items: problems.map((p) => cs.problemAt(p.path, ruleProblemText(p, t.lang))) }}
        />
      )}
      {groups.map((g, gi) => (
        <details key={`${gi}:${g.id}`} className={styles.group}>
          <summary className={styles.summary}>{cs.groupSummary(g.name || g.id, countLeaves(g.criteria!), g.maxPoints)}</summary>
          <ul className={styles.list}>
            {g.criteria!.map((c, i) => (
              <Criterion key={`${i}:${c.id}`} c={c} blockNames={blockNames} />
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}

/** “Đọc trang Bộ tiêu chí”, “Ghi ra trang Bộ tiêu chí” and (with criteria) “Tạo trang chấm điểm chi tiết”, what they did, and the set read until it is used or dismissed. */
function CriteriaSheet({
  rules,
  valid,
  read,
  setRead,
  onUse,
}: {
  rules: RulesJson;
  valid: boolean;
  read: RulesJson | null;
  setRead: (r: RulesJson | null) => void;
  onUse: (rules: RulesJson) => Promise<boolean>;
}) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const cs = useCriteriaStrings();
  const t = useStrings();
  const { api, state, actions } = usePane();
  const { busy, run } = actions;
  const [note, setNote] = React.useState<Note | null>(null);
  const [problems, setProblems] = React.useState<CriteriaProblemView[]>([]);
  const say = (o: { message: string; messageEn: string }) => (t.lang === "en" ? o.messageEn : o.message);
  // Hoàn tác took the sheet away: what was said of it no longer holds.
  useDropOnUndo(actions.undone, () => {
    setNote(null);
    setProblems([]);
  });

  const readSheet = async () => {
    setNote(null);
    setProblems([]);
    setRead(null);
    const r = await run("criteriaSheet", () => api.readCriteriaSheet(valid ? rules : undefined));
    if (!r.ok) return setNote({ intent: "error", text: t.unexpected(r.error) });
    const o = r.value;
    if (o.kind === "read") setRead(o.rules);
    if (o.kind === "problems") setProblems(o.problems);
    setNote({ intent: o.kind === "read" ? "info" : "error", text: say(o) });
  };

  const writeSheet = async () => {
    setNote(null);
    setProblems([]);
    const r = await run("criteriaSheet", () => api.writeCriteriaSheet(valid ? rules : undefined));
    if (!r.ok) return setNote({ intent: "error", text: t.unexpected(r.error) });
    if (r.value.kind === "done") state.applyChange({ undo: r.value.undo });
    setNote({ intent: r.value.kind === "done" ? "success" : "error", text: say(r.value) });
  };

  const makeLedger = async () => {
    setNote(null);
    setProblems([]);
    const r = await run("ledgerSheet", () => api.writeLedgerSheet());
    if (!r.ok) return setNote({ intent: "error", text: t.unexpected(r.error) });
    if (r.value.kind === "done") state.applyChange({ undo: r.value.undo });
    setNote({ intent: r.value.kind === "done" ? "success" : "error", text: say(r.value) });
  };
  const hasCriteria = (rules.groups ?? []).some((g) => (g.criteria ?? []).length > 0);

  const use = async () => {
    if (!read) return;
    if (await onUse(read)) {
      setRead(null);
      setNote({ intent: "success", text: cs.used });
    }
  };

  const goTo = (p: CriteriaProblemView) => void api.selectCell(p.sheet, p.cell).catch((e) => setNote({ intent: "error", text: errorText(e) }));

  return (
    <>
      <p className={shared.muted}>{cs.sheetIntro}</p>
      <div className={styles.toolbar}>
        <BusyButton busy={busy === "criteriaSheet"} disabled={busy !== null} onClick={() => void readSheet()}>
          {cs.readSheet}
        </BusyButton>
        <BusyButton disabled={busy !== null} onClick={() => void writeSheet()}>
          {cs.writeSheet}
        </BusyButton>
      </div>
      {hasCriteria && (
        <>
          <p className={shared.muted}>{cs.ledgerIntro}</p>
          <div className={styles.toolbar}>
            <BusyButton busy={busy === "ledgerSheet"} disabled={busy !== null} onClick={() => void makeLedger()}>
              {cs.makeLedger}
            </BusyButton>
          </div>
        </>
      )}
      {note && <Notice note={note} onDismiss={() => setNote(null)} />}
      {problems.length > 0 && (
        <section aria-labelledby="criteria-sheet-problems">
          <h4 id="criteria-sheet-problems" className={shared.sectionHeading}>
            {cs.sheetProblems(problems.length)}
          </h4>
          <ul className={styles.problems}>
            {problems.map((p, i) => (
              <li key={i} className={styles.problem}>
                {p.cell ? (
                  <Button appearance="transparent" size="small" onClick={() => goTo(p)} aria-label={`${cs.goToCell(p.cell)}: ${say(p)}`}>
                    {say(p)}
                  </Button>
                ) : (
                  say(p)
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {read && (
        <div className={styles.toolbar} role="group" aria-label={cs.fromSheet}>
          <p className={styles.detail}>{cs.fromSheet}</p>
          <BusyButton appearance="primary" busy={busy === "saveRules"} disabled={busy !== null} onClick={() => void use()}>
            {cs.use}
          </BusyButton>
          <Button onClick={() => setRead(null)}>{cs.discard}</Button>
        </div>
      )}
    </>
  );
}
