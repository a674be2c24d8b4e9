/** The rules as a JSON file: reading one the user chose (checked), offering one to download. */
import { jsonSyntaxProblem, type JsonSyntaxProblem } from "../core/text/json-syntax";
import { validateRules, type RuleProblem, type RulesJson } from "../core/rules/rules";

export type RulesFileRead =
  | { kind: "ok"; rules: RulesJson }
  /** The browser could not read the file (its own error text is English and engine-specific: not kept). */
  | { kind: "unreadable" }
  | { kind: "notJson"; problem: JsonSyntaxProblem }
  | { kind: "invalid"; problems: RuleProblem[] };

/** Reads a rules file (UTF-8, a byte-order mark allowed) and checks it as saving would. */
export function readRulesFile(file: Blob): Promise<RulesFileRead> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onerror = () => resolve({ kind: "unreadable" });
    reader.onload = () => {
      const text = String(reader.result ?? "").replace(/^\uFEFF/, "");
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return resolve({ kind: "notJson", problem: jsonSyntaxProblem(text) });
      }
      const checked = validateRules(parsed);
      resolve(checked.ok ? { kind: "ok", rules: checked.rules.json } : { kind: "invalid", problems: checked.problems });
    };
    reader.readAsText(file, "utf-8");
  });
}

/** Offers `text` as a file to download, where the web view can (some Office web views cannot: the pane shows the text to copy). */
export function offerDownload(text: string, fileName: string, type: string): void {
  try {
    if (typeof URL === "undefined" || typeof URL.createObjectURL !== "function") return;
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement("a");
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch {
    // No download here: the text is on screen to copy.
  }
}
