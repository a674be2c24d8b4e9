import { Scored } from "../core/findings/explain";
import { ifCorrectedText } from "../core/findings/explain-messages";
import { Finding, findingMessage } from "../core/findings/findings";
import { DecisionMetadata, YearSource } from "../core/rules/metadata";
import { RulesJson } from "../core/rules/rules";
import { LastRun, LockInfo, UndoInfo } from "../core/store/store";
import type { AnnexNotice } from "../core/sheets/annex";
import type { PrintStepCode } from "./messages";

/** Who started an action: the ribbon button or the task pane (both run the same use case). */
export type Source = "ribbon" | "pane";

/** A finding as the pane shows it: its sheet and cell (to select it) and both languages. */
export interface FindingView {
  sheet: string;
  cell: string;
  severity: "error" | "warning";
  code: string;
  agency: string;
  group: string;
  value: string;
  message: string;
  messageEn: string;
  /** Stored by an older add-in that kept no English: `messageEn` is the Vietnamese, shown as such. */
  vietnameseOnly?: boolean;
  /** For a score: what correcting it would change ("Nếu sửa 55 → 50: …"), in each language. */
  ifCorrected?: string;
  ifCorrectedEn?: string;
  /** The cells “Chuyển mã” converts (legacyText findings). */
  convertible?: string[];
}

/** A finding for the pane; with the scoring result, what its correction would change. */
export const findingView = (sheet: string, f: Finding, scored?: { result: Scored; values: readonly (readonly unknown[])[] }): FindingView => ({
  // A finding on another sheet (the ledger's): selected on that sheet, at its own address.
  sheet: f.sheet ?? sheet,
  cell: f.sheet ? f.cell.slice(f.cell.lastIndexOf("!") + 1) : f.cell,
  severity: f.severity,
  code: f.code,
  agency: f.agency,
  group: f.group,
  value: f.value,
  message: f.message,
  messageEn: findingMessage(f, "en"),
  ...correctionOf(f, scored),
  ...((f.code === "legacyText" || f.code === "legacyHeader") && f.cells ? { convertible: f.cells } : {}),
});

function correctionOf(
  f: Finding,
  scored: { result: Scored; values: readonly (readonly unknown[])[] } | undefined,
): Pick<FindingView, "ifCorrected" | "ifCorrectedEn"> {
  const vi = scored ? ifCorrectedText(scored.result, f, "vi", scored.values) : null;
  return vi === null ? {} : { ifCorrected: vi, ifCorrectedEn: ifCorrectedText(scored!.result, f, "en", scored!.values)! };
}

/**
 * The outcomes of the use cases. Every message comes in Vietnamese (`message`) and English
 * (`messageEn`): the pane and the ribbon dialog show the one of Office's display language.
 */
export type ScoringOutcome =
  | {
      kind: "done";
      sheet: string;
      run: LastRun;
      findings: FindingView[];
      /** Letters of the result columns written. */
      columns: string[];
      /** Nothing differed from what the sheet already showed: nothing was written. */
      unchanged: boolean;
      notices: string[];
      /** The notices in English, in the same order. */
      noticesEn: string[];
      /** Result cells someone edited between the read and the write: their content was put back, run again. */
      edited: string[];
      /** What "Hoàn tác" would undo now (the pane shows it without reading the workbook again). */
      undo: UndoInfo | null;
    }
  | {
      kind: "refused";
      message: string;
      messageEn: string;
      cells: string[];
      /** No grid because the headers are TCVN3/VNI: the cells “Chuyển mã” converts. */
      convertible?: string[];
      /** Last year's is not of an earlier year than this one: “Vẫn so sánh” runs again with it forced. */
      previousNotEarlier?: boolean;
    };

/** One step of the annex's print setup to do by hand, worded in both languages from its code (Excel's menu names in each language). */
export interface PrintStep {
  code: PrintStepCode;
  message: string;
  messageEn: string;
}

export type AnnexOutcome =
  | { kind: "done"; sheetName: string; collided: boolean; manualPrintSteps: PrintStep[]; errorsIncluded: number; notices?: AnnexNotice[]; undo: UndoInfo }
  | { kind: "needsConfirmation"; message: string; messageEn: string; errors: FindingView[] }
  /** The result columns no longer match the scores: nothing is made until "Tính điểm" runs again. */
  | { kind: "stale"; message: string; messageEn: string; agencies: string[]; cells: string[] }
  | { kind: "refused"; message: string; messageEn: string; cells: string[] };

/** Codes of what an undo could not give back on this host (see UNDO_LEFT in undo.ts). */
export type UndoLeftCode = "formatsNotRestored";

/** Something an undo left as it is, or gave back only in part: its code, where, and the message in both languages. */
export interface UndoLeft {
  code: UndoLeftCode;
  sheet: string;
  cells: string[];
  message: string;
  messageEn: string;
}

export type EncodingOutcome =
  | { kind: "done"; message: string; messageEn: string; cells: string[] }
  | { kind: "nothing"; message: string; messageEn: string }
  | { kind: "refused"; message: string; messageEn: string; cells: string[] };

export type UndoOutcome =
  | {
      kind: "done";
      message: string;
      messageEn: string;
      /** Cells edited since the add-in wrote them: left as they are. */
      leftAlone: string[];
      /** The last run as it is after the undo (the pane shows it without reading the workbook again). */
      lastRun: LastRun | null;
      /** What this host could not give back (formats below ExcelApi 1.9). */
      left?: UndoLeft[];
    }
  | {
      kind: "nothing";
      message: string;
      messageEn: string;
      /** When the action the pane offered was undone in Excel (Ctrl+Z): what the workbook's journal holds now. */
      current?: UndoInfo | null;
    }
  | { kind: "refused"; message: string; messageEn: string };

export interface WorkbookSettings {
  rules: RulesJson;
  rulesFromWorkbook: boolean;
  decision: DecisionMetadata;
  /** Where the decision's year comes from when none is stored: the open sheet's grid title, the decision's date, or last year. */
  yearSource?: YearSource;
  /** No province was stored: the decision's is the one the open sheet's grid title names (the pane says so under the field). */
  provinceFromTitle?: boolean;
  lastRun: LastRun | null;
  undo: UndoInfo | null;
  /** The lock ("Chốt kết quả"), when the results are locked (absent: an older caller, not locked). */
  lock?: LockInfo | null;
  /** The pane's box “Dùng danh sách sáp nhập sở năm 2025”, as the workbook keeps it (absent: not ticked). */
  lineage2025?: boolean;
  /** Problems met reading the stored state (shown, never hidden). */
  problems: string[];
  /** The same problems in English, in the same order. */
  problemsEn: string[];
}
