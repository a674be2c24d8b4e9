/**
 * The pane's calls in the add-in (PaneApi): the use cases of src/excel, the same the ribbon runs. What
 * opening needs is in the first script; the scoring engine, the forms' use cases and ExcelJS are
 * dynamic imports, loaded on first use (or in the background once the pane is up: preloadEngine).
 */
import * as excel from "../excel/index";
import type { FormsActions, PaneApi } from "./api";

const formsUseCases = () => import(/* webpackChunkName: "forms" */ "../excel/forms");
const files = () => import(/* webpackChunkName: "form-files" */ "./formFiles");

/** The "Phiếu" tab's calls: the use cases of src/excel/forms.ts and the files through ExcelJS. */
function officeFormsActions(): FormsActions {
  return {
    prepare: async (scope) => (await formsUseCases()).prepareForms(scope),
    delivery: excel.formDelivery,
    render: async (forms) => (await files()).renderFormFiles(forms),
    openAsNewWorkbooks: async (list) => {
      const [{ toBase64 }, useCases] = await Promise.all([files(), formsUseCases()]);
      await useCases.openAsNewWorkbooks(list.map((f) => ({ fileName: f.fileName, base64: toBase64(f.bytes) })));
    },
    download: async (list, zipName) => {
      // One download, whatever the number of forms: browsers block a page's downloads after the first few.
      const file = (await files()).formsDownload(list, zipName);
      const type = file.fileName.endsWith(".zip") ? "application/zip" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
      const url = URL.createObjectURL(new Blob([file.bytes as BlobPart], { type }));
      const a = document.createElement("a");
      a.href = url;
      a.download = file.fileName;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      return { fileName: file.fileName, forms: file.forms, bytes: file.bytes.length };
    },
    prepareNotices: async (deadline) => (await formsUseCases()).prepareNotices(deadline),
    renderNotices: async (notices) => (await files()).renderNoticeFiles(notices),
    read: async (list) => (await files()).readFormFiles(list),
    merge: async (forms) => (await formsUseCases()).mergeReturnedForms(forms),
  };
}

/**
 * Before the one step that clears Excel's undo history (the add-in's hidden sheet made, the first time on a workbook at
 * ExcelApi 1.20 on Windows and Mac), the user is asked in a dialog, as from the ribbon (loaded with the engine, not up front).
 */
function askBeforeClearingUndo(): void {
  void Promise.all([import(/* webpackChunkName: "engine" */ "../excel/store"), import(/* webpackChunkName: "engine" */ "../commands/run-command")])
    .then(([store, dialog]) => store.setUndoClearConsent(dialog.askBeforeClearingUndo()))
    .catch(() => undefined);
}

export function officeApi(): PaneApi {
  askBeforeClearingUndo();
  return {
    ...excel.officeUseCases(),
    readPreviousFile: async (file) => (await files()).readPreviousYearFile(file),
    preloadEngine: excel.preloadEngine,
    forms: officeFormsActions(),
  };
}
