/** The words of the 2025 merger list's box under “So sánh với năm trước”: in the pane's lazily loaded part, not the first script. */
import { catalogue, entry } from "../core/base/catalogue";

export const PREVIOUS_PANE = catalogue("last year pane", {
  lineage2025: entry({
    vi: (_p: object) => "Dùng danh sách sáp nhập sở năm 2025",
    en: () => "Use the 2025 list of department mergers",
    example: {},
  }),
  /** The button writing the lineage (the rules', with the 2025 list when ticked) as the “Sáp nhập” sheet. */
  writeLineageSheet: entry({
    vi: (_p: object) => "Ghi trang “Sáp nhập”",
    en: () => "Write the “Sáp nhập” sheet",
    example: {},
  }),
  lineage2025Hint: entry({
    vi: (_p: object) => "Sở sáp nhập được so với trung bình chỉ số năm trước của các sở tiền thân. Sáp nhập khác: ghi ở trang “Sáp nhập”.",
    en: () => "A merged department is compared with its predecessors' mean index. Other mergers: list them on the “Sáp nhập” sheet.",
    example: {},
  }),
});
