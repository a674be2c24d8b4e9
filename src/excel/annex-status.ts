/**
 * What "Tạo phụ lục" came to, as one status, for the pane (AnnexResult) and the ribbon (notify.ts) alike: where the
 * annex is (and why under another name), then either "ready to sign" or "not ready yet" with the reasons — errors
 * carried, the use case's notices (the province missing…), the print layout to set by hand with its steps. Pure: no
 * Office, no React.
 */
import { catalogue, entry, Lang, ParamsOf, pick, say } from "../core/base/catalogue";
import type { AnnexOutcome } from "./types";

export const ANNEX_STATUS = catalogue("annex status", {
  readyTitle: entry({ vi: (_p: object) => "Sẵn sàng trình ký", en: () => "Ready to sign", example: {} }),
  notReadyTitle: entry({ vi: (_p: object) => "Chưa trình ký được", en: () => "Not ready to sign yet", example: {} }),
  notReadyIntro: entry({ vi: (_p: object) => "Trước khi trình ký:", en: () => "Before it is signed:", example: {} }),
  done: entry({
    vi: (p: { sheet: string }) => `Đã tạo phụ lục trên trang “${p.sheet}”.`,
    en: (p) => `The annex is on sheet “${p.sheet}”.`,
    example: { sheet: "Phụ lục" },
  }),
  errorsIncluded: entry({
    vi: (p: { errors: number }) => `Phụ lục có ${p.errors} số liệu đang lỗi. Hãy sửa bảng điểm rồi tạo lại phụ lục trước khi trình ký.`,
    en: (p) =>
      `The annex carries ${p.errors} figure${p.errors > 1 ? "s" : ""} in error. Correct the score table and create the annex again before it is signed.`,
    example: { errors: 2 },
  }),
  printReason: entry({
    vi: (_p: object) => "Đặt bố cục in bằng tay (phiên bản Excel này không cho add-in đặt). Trên trang phụ lục, hãy chọn:",
    en: () => "Set the print layout by hand (this version of Excel does not let add-ins set it). On the annex sheet, choose:",
    example: {},
  }),
  collided: entry({
    vi: (p: { wanted: string; used: string }) =>
      `Sổ tính đã có một trang “${p.wanted}” của bạn, nên phụ lục được đặt ở trang “${p.used}”. Trang của bạn không bị thay đổi.`,
    en: (p) => `The workbook already has a sheet “${p.wanted}” of yours, so the annex went to sheet “${p.used}”. Your sheet was not changed.`,
    example: { wanted: "Phụ lục", used: "Phụ lục (2)" },
  }),
});

type Status = typeof ANNEX_STATUS;

/** One reason not to sign yet; the print reason carries the steps to take by hand. */
export interface AnnexReason {
  text: string;
  steps?: string[];
}

export interface AnnexStatus {
  ready: boolean;
  /** "Sẵn sàng trình ký" or "Chưa trình ký được". */
  title: string;
  /** Where the annex is. */
  text: string;
  /** Why it is not under the name asked for, when it is not. */
  collided?: string;
  /** "Trước khi trình ký:" when not ready. */
  intro?: string;
  reasons: AnnexReason[];
}

/** The status of a made annex in `lang`; `wanted` is the sheet name asked for (named when the annex went elsewhere). */
export function annexStatus(outcome: Extract<AnnexOutcome, { kind: "done" }>, wanted: string | undefined, lang: Lang): AnnexStatus {
  const s = <C extends keyof Status>(code: C, params: ParamsOf<Status[C]>) => say(ANNEX_STATUS, code, params, lang);
  const reasons: AnnexReason[] = [];
  if (outcome.errorsIncluded > 0) reasons.push({ text: s("errorsIncluded", { errors: outcome.errorsIncluded }) });
  for (const n of outcome.notices ?? []) reasons.push({ text: pick(n, lang) });
  if (outcome.manualPrintSteps.length > 0) reasons.push({ text: s("printReason", {}), steps: outcome.manualPrintSteps.map((p) => pick(p, lang)) });
  const ready = reasons.length === 0;
  return {
    ready,
    title: s(ready ? "readyTitle" : "notReadyTitle", {}),
    text: s("done", { sheet: outcome.sheetName }),
    ...(outcome.collided && wanted ? { collided: s("collided", { wanted, used: outcome.sheetName }) } : {}),
    ...(ready ? {} : { intro: s("notReadyIntro", {}) }),
    reasons,
  };
}

/** The status as lines of plain text (the ribbon's dialog, the pane's announcement): steps as "• …". */
export function annexStatusLines(status: AnnexStatus): string[] {
  return [
    status.text,
    ...(status.collided ? [status.collided] : []),
    ...(status.intro ? [status.intro] : []),
    ...status.reasons.flatMap((r) => [`– ${r.text}`, ...(r.steps ?? []).map((step) => `  • ${step}`)]),
  ];
}
