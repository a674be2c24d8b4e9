import * as React from "react";
import type { AnnexOutcome } from "../excel/types";
import type { Note } from "./actions";
import { useStrings } from "./i18n";
import { Notice } from "./Notice";
import { useSharedStyles } from "./styles";

/** What "Tạo phụ lục" did: where the annex is, a name collision, errors carried, print steps to do by hand. */
export function AnnexResult({ outcome, wantedSheet }: { outcome: Extract<AnnexOutcome, { kind: "done" }>; wantedSheet: string }) {
  const t = useStrings();
  const shared = useSharedStyles();
  const notes: Note[] = [{ intent: "success", title: t.annex.doneTitle, text: t.annex.done(outcome.sheetName) }];
  if (outcome.collided) notes.push({ intent: "warning", title: t.annex.collidedTitle, text: t.annex.collided(wantedSheet, outcome.sheetName) });
  for (const n of outcome.notices ?? []) notes.push({ intent: "warning", title: t.annex.beforeSigning, text: t.lang === "en" ? n.messageEn : n.message });
  if (outcome.errorsIncluded > 0) notes.push({ intent: "warning", title: t.confirm.title, text: t.annex.errorsIncluded(outcome.errorsIncluded) });
  if (outcome.manualPrintSteps.length > 0) {
    notes.push({
      intent: "warning",
      title: t.annex.printTitle,
      text: t.annex.printIntro,
      items: outcome.manualPrintSteps.map((s) => (t.lang === "en" ? s.messageEn : s.message)),
      ordered: true,
    });
  }
  return (
    <div className={shared.tightStack}>
      {notes.map((n, i) => (
        <Notice key={i} note={n} />
      ))}
    </div>
  );
}
