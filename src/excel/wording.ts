/** English wording the use cases and the pane share, for messages the core words in Vietnamese only. */
import type { RuleProblem } from "../core/rules";

const quoted = (message: string): string => /"([^"]*)"/.exec(message)?.[1] ?? "";

/**
 * A rules problem in English: validateRules words its problems in Vietnamese, and this rewords each
 * from its path (and, where one path has several problems, the Vietnamese text). Used by the pane and
 * by the use cases' English refusals.
 */
export function ruleProblemEn(p: RuleProblem): string {
  const m = p.message;
  const key = p.path.replace(/\[\d+\]$/, "").split(".").pop() ?? "";
  const indexed = /\[\d+\]$/.test(p.path);
  if (p.path === "") return "The rules must be a JSON object.";
  if (/không hợp lệ\.$/.test(m) && indexed && !/groups\[\d+\]\.groups/.test(p.path) && !/exemptions\[\d+\]\.groups/.test(p.path)) return "This entry is not valid (it must be an object).";
  switch (key) {
    case "schemaVersion":
      return "schemaVersion must be 1 (the rules format version).";
    case "name":
      if (/công thức/.test(m)) return "A class name must not begin with =, +, - or @ (Excel would take it for a formula in the Phân loại column).";
      return p.path === "name" ? "The rule set's name must not be empty." : p.path.startsWith("classes") ? "The class name must not be empty." : "The group's column header must not be empty.";
    case "groups":
      if (p.path === "groups") return "At least one criteria group is needed.";
      if (indexed) return `Group “${quoted(m)}” is not in the list of groups.`;
      return "Choose at least one group.";
    case "id":
      return /bị trùng/.test(m) ? `Group id “${quoted(m)}” is used twice.` : "The id may contain only lower-case letters without accents, digits and “-”.";
    case "fullName":
      return "The full name, when given, must not be empty.";
    case "aliases":
      return /nhóm khác/.test(m) ? `“${quoted(m)}” is already a header of another group: each column header belongs to one group.` : "Other headers must be a list of text with no empty entry.";
    case "maxPoints":
      return "The group's maximum must be a number greater than 0.";
    case "notEvaluated":
      return /nhỏ hơn điểm tối đa/.test(m) ? "The not-evaluated items must total less than the group's maximum." : "The not-evaluated items must be a list.";
    case "item":
      return "The item's name must not be empty.";
    case "points":
      return "The item's points must be a number greater than 0.";
    case "exemptions":
      return "Exemptions must be a list (it may be empty).";
    case "keyword":
      return "The keyword must not be empty.";
    case "reason":
      return "The reason must not be empty (the annex notes use it).";
    case "index":
      return "The index settings are missing.";
    case "decimals":
      return "The decimals must be a whole number from 0 to 10.";
    case "rounding":
      return "Choose how the index is rounded: halfUp, halfEven or down.";
    case "classes":
      return "At least one class is needed.";
    case "minIndex":
      if (/ngưỡng 0/.test(m)) return "The last class must start at 0 so that every agency gets a class.";
      if (/đứng trước/.test(m)) return "Must be lower than the class above (classes go from highest to lowest).";
      return "Must be a number from 0 to 1.";
    case "classifyOn":
      return "classifyOn must be roundedIndex or exactIndex.";
    case "rankBy":
      return "Rank by must be index or total.";
    case "overMax":
      return "overMax must be keep or cap.";
    default:
      return m;
  }
}
