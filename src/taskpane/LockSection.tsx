import * as React from "react";
import { Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import type { PaneApi } from "./api";
import type { LockInfo, UndoInfo } from "../core/store/store";
import { ddmmyyyy, hhmm } from "../core/base/catalogue";
import { BusyKind, Note, Runner, useDropOnUndo } from "./actions";
import { BusyButton } from "./BusyButton";
import { useStrings } from "./i18n";
import { useLockStrings } from "./lockStrings";
import { Notice } from "./Notice";
import { useSharedStyles } from "./styles";
import { currentActor, rememberActor } from "../excel/actor";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface LockSectionProps {
  api: Pick<PaneApi, "lockResults" | "unlockResults" | "writeLogSheet">;
  /** The lock as the workbook holds it when the pane opened (null: not locked). */
  lock: LockInfo | null;
  busy: BusyKind | null;
  run: Runner;
  /** After a lock or an unlock (the undo journal is gone: null), or "Xem nhật ký" (its sheet can be undone). */
  onWritten: (undo: UndoInfo | null) => void;
  /** Changes after each undo: the last lock's notice is dropped. */
  undone?: number;
}

/** "Chốt kết quả" / "Mở chốt" in the Phụ lục tab: who, an optional password, and for "Mở chốt" a reason. */
export function LockSection({ api, lock: initial, busy, run, onWritten, undone = 0 }: LockSectionProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const t = useStrings();
  const l = useLockStrings();
  const en = t.lang === "en";
  const [lock, setLock] = React.useState<LockInfo | null>(initial);
  const [by, setBy] = React.useState(currentActor);
  const [password, setPassword] = React.useState("");
  const [reason, setReason] = React.useState("");
  const [note, setNote] = React.useState<Note | null>(null);
  const [logNote, setLogNote] = React.useState<Note | null>(null);
  useDropOnUndo(undone, () => {
    setNote(null);
    setLogNote(null);
  });

  // Errors still in the grid: the lock waits for "Vẫn chốt" (as "Tạo phụ lục" asks), which is logged with the lock.
  const [confirming, setConfirming] = React.useState(false);
  const act = async (unlock: boolean, confirmErrors = false) => {
    setNote(null);
    setConfirming(false);
    rememberActor(by.trim());
    const opts = { by: by.trim(), ...(password ? { password } : {}) };
    const r = await run("lock", () =>
      unlock ? api.unlockResults({ ...opts, reason }) : api.lockResults({ ...opts, ...(confirmErrors ? { confirmErrors } : {}) }),
    );
    if (!r.ok) return setNote({ intent: "error", title: l.refusedTitle, text: t.unexpected(r.error) });
    const o = r.value;
    const text = en ? o.messageEn : o.message;
    if (o.kind === "needsConfirmation") {
      setConfirming(true);
      return setNote({ intent: "warning", title: l.errorsTitle, text, items: o.cells });
    }
    if (o.kind === "refused") return setNote({ intent: "error", title: l.refusedTitle, text, items: o.cells.length ? o.cells : undefined });
    onWritten(null);
    setPassword("");
    if (o.kind === "locked") {
      setLock({ code: o.code, at: new Date().toISOString(), by: by.trim(), sheet: o.sheet });
      return setNote({ intent: "success", title: l.lockedTitle, text });
    }
    setLock(null);
    setReason("");
    setNote({ intent: "success", title: l.unlockedTitle, text });
  };

  /** "Xem nhật ký": the printable "Nhật ký" sheet (the name above is who shows it, an entry of the log too). */
  const showLog = async () => {
    setLogNote(null);
    rememberActor(by.trim());
    const r = await run("log", () => api.writeLogSheet("pane"));
    if (!r.ok) return setLogNote({ intent: "error", title: l.logFailed, text: t.unexpected(r.error) });
    const o = r.value;
    const text = en ? o.messageEn : o.message;
    if (o.kind !== "done") return setLogNote({ intent: "error", title: l.logFailed, text });
    onWritten(o.undo);
    setLogNote({ intent: "success", text });
  };

  return (
    <section className={shared.stack} aria-labelledby="lock-title">
      <h3 id="lock-title">{l.title}</h3>
      {lock ? <p>{l.lockedNow(lock.code, `${hhmm(lock.at)} ${ddmmyyyy(lock.at)}`, lock.by)}</p> : <p className={shared.muted}>{l.intro}</p>}
      <Field label={l.by} hint={l.byHint}>
        <Input value={by} onChange={(_, d) => setBy(d.value)} />
      </Field>
      <Field label={l.password}>
        <Input type="password" value={password} onChange={(_, d) => setPassword(d.value)} />
      </Field>
      {lock && (
        <Field label={l.reason} hint={l.reasonHint} required>
          <Input value={reason} onChange={(_, d) => setReason(d.value)} />
        </Field>
      )}
      <div className={styles.actions}>
        {lock ? (
          <BusyButton appearance="secondary" busy={busy === "lock"} disabled={busy !== null || !reason.trim()} onClick={() => act(true)}>
            {l.unlock}
          </BusyButton>
        ) : (
          <BusyButton appearance="primary" busy={busy === "lock"} disabled={busy !== null} onClick={() => act(false)}>
            {l.lock}
          </BusyButton>
        )}
        {!lock && confirming && (
          <BusyButton appearance="secondary" busy={false} disabled={busy !== null} onClick={() => act(false, true)}>
            {l.lockAnyway}
          </BusyButton>
        )}
      </div>
      {note && <Notice note={note} onDismiss={() => setNote(null)} />}
      <h3 id="log-title">{l.logTitle}</h3>
      <p className={shared.muted}>{l.logIntro}</p>
      <div className={styles.actions}>
        <BusyButton appearance="secondary" busy={busy === "log"} disabled={busy !== null} aria-describedby="log-title" onClick={() => void showLog()}>
          {l.showLog}
        </BusyButton>
      </div>
      {logNote && <Notice note={logNote} onDismiss={() => setLogNote(null)} />}
    </section>
  );
}
