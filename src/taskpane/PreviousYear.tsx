import * as React from "react";
import { Button, Checkbox, Field, makeStyles, Radio, RadioGroup, Select, Text, tokens } from "@fluentui/react-components";
import type { PreviousChoice } from "../excel/sheet-read";
import type { PaneApi } from "./api";
import { type SettingsChange, useDropOnUndo } from "./actions";
import { previousProblemText } from "../core/grid/previous-messages";
import type { PreviousRead } from "../xlsx/previous";
import { useStrings } from "./i18n";
import { PREVIOUS_PANE } from "./previousStrings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export interface PreviousYearProps {
  /**
   * The Office calls: the other sheets of this workbook, last year's workbook file read and scored (the
   * ExcelJS chunk, loaded on first use), “Ghi trang Sáp nhập”, and the 2025 list's box kept with the workbook.
   */
  api: Pick<PaneApi, "listOtherSheets" | "readPreviousFile" | "writeLineageSheet" | "saveLineage2025">;
  /** The 2025 list's box as the workbook keeps it (ticked before, with or without the “Sáp nhập” sheet written). */
  stored2025?: boolean;
  /** What “Tính điểm” compares with: null for no comparison, "incomplete" when chosen but not usable yet. */
  onChange: (choice: PreviousChoice | null | "incomplete") => void;
  /** After “Ghi trang Sáp nhập”: “Hoàn tác” now removes the sheet. */
  onWritten?: (change: SettingsChange) => void;
  disabled?: boolean;
  /** Changes after each undo: “Đã ghi trang Sáp nhập” is dropped. */
  undone?: number;
}

/** “So sánh với năm trước”: a sheet of this workbook or another workbook's file; the lineage written as the “Sáp nhập” sheet. */
export function PreviousYear({ api, stored2025 = false, onChange, onWritten, disabled, undone = 0 }: PreviousYearProps) {
  const { listOtherSheets: listSheets, readPreviousFile: readFile } = api;
  const t = useStrings();
  const styles = useStyles();
  const [on, setOn] = React.useState(false);
  const [from, setFrom] = React.useState<"sheet" | "file">("sheet");
  const [sheets, setSheets] = React.useState<string[] | null>(null);
  const [sheet, setSheet] = React.useState("");
  const [read, setRead] = React.useState<{ file: string; result: PreviousRead } | null>(null);
  const [failed, setFailed] = React.useState<string | null>(null);
  // The box as ticked here, else as the workbook keeps it (ticked before, with or without the “Sáp nhập” sheet written).
  const [ticked, setTicked] = React.useState<boolean | null>(null);
  const use2025 = ticked ?? stored2025;

  /** The comparison chosen now (what “Ghi trang Sáp nhập” writes the lineage of). */
  const [choice, setChoice] = React.useState<PreviousChoice | null | "incomplete">(null);
  const [writing, setWriting] = React.useState(false);
  const [written, setWritten] = React.useState<{ ok: boolean; text: string } | null>(null);
  useDropOnUndo(undone, () => setWritten(null));

  const report = (next: { on: boolean; from: "sheet" | "file"; sheet: string; read: typeof read; use2025?: boolean }) => {
    const c = choiceOf(next);
    setChoice(c);
    onChange(c);
  };
  const choiceOf = (next: {
    on: boolean;
    from: "sheet" | "file";
    sheet: string;
    read: typeof read;
    use2025?: boolean;
  }): PreviousChoice | null | "incomplete" => {
    if (!next.on) return null;
    // The 2025 merger list only when the user ticks it (offered, never applied unasked): said either way.
    const lineage = { lineage2025: next.use2025 ?? use2025 };
    if (next.from === "sheet") return next.sheet ? { kind: "sheet", sheet: next.sheet, ...lineage } : "incomplete";
    const r = next.read?.result;
    return r?.ok
      ? {
          kind: "agencies",
          source: next.read!.file,
          agencies: r.agencies,
          year: r.year,
          decisionYear: r.decisionYear,
          storedRules: r.storedRules,
          rankBy: r.rankBy,
          ...lineage,
        }
      : "incomplete";
  };

  /** “Ghi trang Sáp nhập”: the lineage the comparison would use, as the sheet people keep (never over theirs). */
  const writeSheet = async () => {
    if (!choice || choice === "incomplete") return;
    setWriting(true);
    setWritten(null);
    try {
      const o = await api.writeLineageSheet(choice);
      if (o.kind === "done") onWritten?.({ undo: o.undo });
      setWritten({ ok: o.kind === "done", text: t.lang === "en" ? o.messageEn : o.message });
    } catch (e) {
      setWritten({ ok: false, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setWriting(false);
    }
  };

  const toggle = async (checked: boolean) => {
    setOn(checked);
    let first = sheet;
    if (checked && sheets === null) {
      try {
        const names = await listSheets();
        setSheets(names);
        first = names[0] ?? "";
        setSheet(first);
        if (names.length === 0) setFrom("file");
        report({ on: checked, from: names.length === 0 ? "file" : from, sheet: first, read });
        return;
      } catch {
        // The sheets could not be listed: last year's file can still be chosen.
        setSheets([]);
        setFrom("file");
      }
    }
    report({ on: checked, from, sheet: first, read });
  };

  const chooseFile = async (file: File | undefined) => {
    setFailed(null);
    if (!file) return;
    try {
      const result = await readFile(file);
      const next = { file: file.name, result };
      setRead(next);
      report({ on, from, sheet, read: next });
    } catch (e) {
      setRead(null);
      setFailed(e instanceof Error ? e.message : String(e));
      report({ on, from, sheet, read: null });
    }
  };

  return (
    <div className={styles.root}>
      <Checkbox label={t.previous.toggle} checked={on} disabled={disabled} onChange={(_, d) => void toggle(d.checked === true)} />
      {on && (
        <>
          <Text size={200} className={styles.hint}>
            {t.previous.hint}
          </Text>
          <Field label={t.previous.from}>
            <RadioGroup
              value={from}
              disabled={disabled}
              onChange={(_, d) => {
                const f = d.value as "sheet" | "file";
                setFrom(f);
                report({ on, from: f, sheet, read });
              }}
            >
              <Radio value="sheet" label={t.previous.fromSheet} disabled={sheets !== null && sheets.length === 0} />
              <Radio value="file" label={t.previous.fromFile} />
            </RadioGroup>
          </Field>
          {from === "sheet" && sheets !== null && sheets.length > 0 && (
            <Field label={t.previous.sheet}>
              <Select
                value={sheet}
                disabled={disabled}
                onChange={(_, d) => {
                  setSheet(d.value);
                  report({ on, from, sheet: d.value, read });
                }}
              >
                {sheets.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {from === "sheet" && sheets !== null && sheets.length === 0 && <Text>{t.previous.noSheets}</Text>}
          <Checkbox
            label={PREVIOUS_PANE.lineage2025[t.lang]({})}
            checked={use2025}
            disabled={disabled}
            onChange={(_, d) => {
              const checked = d.checked === true;
              setTicked(checked);
              report({ on, from, sheet, read, use2025: checked });
              // Kept with the workbook (the next Tính điểm keeps it too): a failed save is said, the choice still holds here.
              void api.saveLineage2025(checked).then(
                (r) => !r.ok && setWritten({ ok: false, text: (t.lang === "en" ? r.messagesEn : r.messages).join(" ") }),
                (e) => setWritten({ ok: false, text: e instanceof Error ? e.message : String(e) }),
              );
            }}
          />
          <Text size={200} className={styles.hint}>
            {PREVIOUS_PANE.lineage2025Hint[t.lang]({})}
          </Text>
          <Button appearance="secondary" disabled={disabled || writing || !choice || choice === "incomplete"} onClick={() => void writeSheet()}>
            {PREVIOUS_PANE.writeLineageSheet[t.lang]({})}
          </Button>
          {written && (
            <Text role={written.ok ? "status" : "alert"} className={written.ok ? undefined : styles.error}>
              {written.text}
            </Text>
          )}
          {from === "file" && (
            <Field
              label={t.previous.file}
              validationState={failed || (read && !read.result.ok) ? "error" : read?.result.ok ? "success" : "none"}
              validationMessage={
                failed ??
                (read
                  ? read.result.ok
                    ? t.previous.read(read.result.agencies.length, read.result.sheet, read.file)
                    : previousProblemText(read.result.problem, t.lang)
                  : undefined)
              }
            >
              <input
                type="file"
                aria-label={t.previous.file}
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                disabled={disabled}
                onChange={(e) => void chooseFile(e.target.files?.[0])}
              />
            </Field>
          )}
        </>
      )}
    </div>
  );
}
