import { Dec, add, cmp, fromNumber, fromString, sub, sign, ZERO } from "./decimal";
import { headerKey, matchKey } from "./text";

/**
 * Scoring rules as data. The JSON form (schemas/rules.schema.json) is what is stored in the
 * workbook, exported and imported; numbers there are JSON numbers or decimal strings ("0.85").
 */
export interface NotEvaluatedItem {
  /** The sub-item not evaluated this year, in the words the annex notes use. */
  item: string;
  points: number | string;
}

export interface GroupRule {
  /** Stable identifier used by exemptions ("dvctt"). */
  id: string;
  /** Column header as published ("Cung cấp DVCTT"). */
  name: string;
  /** The group's name in full, for the annex notes ("Cung cấp dịch vụ công trực tuyến"); defaults to name. */
  fullName?: string;
  /** Other headers users type for this group ("Cung cấp dịch vụ công trực tuyến"). */
  aliases: string[];
  /** Nominal maximum of the group, before not-evaluated items. */
  maxPoints: number | string;
  notEvaluated: NotEvaluatedItem[];
}

export interface ExemptionRule {
  /** Note keyword, matched in Ghi chú without regard to case and accents ("Không TTHC"). */
  keyword: string;
  /** Ids of the groups not scored for an agency with this note. */
  groups: string[];
  /** Why, as the annex notes say it ("không có thủ tục hành chính"). */
  reason: string;
}

export interface ClassBand {
  name: string;
  /** Lowest index of this class, inclusive. */
  minIndex: number | string;
}

export interface RulesJson {
  schemaVersion: 1;
  name: string;
  groups: GroupRule[];
  exemptions: ExemptionRule[];
  index: { decimals: number; rounding: "halfUp" | "halfEven" | "down" };
  /** Highest class first; the last band's minIndex is 0. */
  classes: ClassBand[];
  classifyOn: "roundedIndex" | "exactIndex";
  rankBy: "index" | "total";
  /** "keep": a score above its maximum counts as typed (and is an error finding); "cap": counts as the maximum. */
  overMax: "keep" | "cap";
}

/** Rules after validation, with exact decimals worked out. */
export interface Rules {
  readonly json: RulesJson;
  readonly groups: ReadonlyArray<{
    readonly id: string;
    readonly name: string;
    readonly fullName: string;
    readonly keys: readonly string[];
    readonly nominalMax: Dec;
    readonly notEvaluated: ReadonlyArray<{ item: string; points: Dec }>;
    /** nominal maximum less the not-evaluated items */
    readonly max: Dec;
  }>;
  readonly exemptions: ReadonlyArray<{ keyword: string; groupIndexes: readonly number[]; reason: string }>;
  readonly classes: ReadonlyArray<{ name: string; min: Dec }>;
  /** Sum of the groups' applicable maxima (498 for 2020). */
  readonly generalMax: Dec;
}

export const PRESET_THAI_BINH_2020: RulesJson = {
  schemaVersion: 1,
  name: "Thái Bình 2020 (Quyết định 2916/QĐ-UBND)",
  groups: [
    {
      id: "ha-tang",
      name: "Hạ tầng kỹ thuật",
      aliases: ["Hạ tầng kỹ thuật CNTT", "Hạ tầng CNTT", "Hạ tầng"],
      maxPoints: 50,
      notEvaluated: [],
    },
    {
      id: "ung-dung",
      name: "Ứng dụng CNTT",
      aliases: ["Ứng dụng công nghệ thông tin", "Ứng dụng CNTT trong hoạt động"],
      maxPoints: 100,
      notEvaluated: [],
    },
    {
      id: "cong-ttdt",
      name: "Trang/Cổng thông tin điện tử",
      fullName: "Cổng thông tin điện tử",
      aliases: ["Trang/Cổng TTĐT", "Cổng thông tin điện tử", "Trang thông tin điện tử", "Cổng TTĐT", "Trang TTĐT"],
      maxPoints: 100,
      notEvaluated: [{ item: "điều kiện địa lý", points: 2 }],
    },
    {
      id: "dvctt",
      name: "Cung cấp DVCTT",
      fullName: "Cung cấp dịch vụ công trực tuyến",
      aliases: ["Cung cấp dịch vụ công trực tuyến", "Dịch vụ công trực tuyến", "DVCTT"],
      maxPoints: 100,
      notEvaluated: [],
    },
    {
      id: "co-che",
      name: "Cơ chế, chính sách",
      aliases: ["Cơ chế chính sách", "Cơ chế, chính sách cho ứng dụng CNTT"],
      maxPoints: 100,
      notEvaluated: [],
    },
    {
      id: "nhan-luc",
      name: "Nhân lực cho ứng dụng CNTT",
      aliases: ["Nhân lực", "Nhân lực CNTT", "Nguồn nhân lực"],
      maxPoints: 50,
      notEvaluated: [],
    },
  ],
  exemptions: [{ keyword: "Không TTHC", groups: ["dvctt"], reason: "không có thủ tục hành chính" }],
  index: { decimals: 3, rounding: "halfUp" },
  classes: [
    { name: "Tốt", minIndex: "0.85" },
    { name: "Khá", minIndex: "0.70" },
    { name: "Trung bình", minIndex: 0 },
  ],
  classifyOn: "roundedIndex",
  rankBy: "index",
  overMax: "keep",
};

export interface RuleProblem {
  /** JSON path of the wrong field ("groups[2].maxPoints"). */
  path: string;
  message: string;
}

export type RulesResult = { ok: true; rules: Rules } | { ok: false; problems: RuleProblem[] };

function toDec(value: unknown): Dec | null {
  if (typeof value === "number") return fromNumber(value);
  if (typeof value === "string") return fromString(value.trim().replace(",", "."));
  return null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";

/**
 * Checks rules loaded from JSON (the workbook, an imported file, the pane's editor). Every wrong
 * field gets its own Vietnamese message; nothing is guessed.
 */
export function validateRules(input: unknown): RulesResult {
  const problems: RuleProblem[] = [];
  const bad = (path: string, message: string) => problems.push({ path, message });
  if (!isObject(input)) return { ok: false, problems: [{ path: "", message: "Quy tắc phải là một đối tượng JSON." }] };
  const r = input;
  if (r.schemaVersion !== 1) bad("schemaVersion", "schemaVersion phải là 1 (phiên bản định dạng quy tắc).");
  if (!isText(r.name)) bad("name", "Tên bộ quy tắc không được để trống.");

  const groups: Rules["groups"][number][] = [];
  const ids = new Map<string, number>();
  const keyOwner = new Map<string, string>();
  if (!Array.isArray(r.groups) || r.groups.length === 0) {
    bad("groups", "Cần ít nhất một nhóm tiêu chí.");
  } else {
    r.groups.forEach((g: unknown, i: number) => {
      const p = `groups[${i}]`;
      if (!isObject(g)) return bad(p, `Nhóm thứ ${i + 1} không hợp lệ.`);
      const label = isText(g.name) ? `"${g.name}"` : `thứ ${i + 1}`;
      if (!isText(g.id) || !/^[a-z0-9-]+$/.test(g.id)) bad(`${p}.id`, `Mã của nhóm ${label} chỉ gồm chữ thường không dấu, số và dấu "-".`);
      else if (ids.has(g.id)) bad(`${p}.id`, `Mã nhóm "${g.id}" bị trùng.`);
      else ids.set(g.id, i);
      if (!isText(g.name)) bad(`${p}.name`, `Tên nhóm thứ ${i + 1} không được để trống.`);
      if (g.fullName !== undefined && !isText(g.fullName)) bad(`${p}.fullName`, `Tên đầy đủ của nhóm ${label} nếu có thì không được để trống.`);
      const aliases = g.aliases === undefined ? [] : g.aliases;
      if (!Array.isArray(aliases) || !aliases.every(isText)) bad(`${p}.aliases`, `Tên gọi khác của nhóm ${label} phải là danh sách chữ, không có mục trống.`);
      const nominal = toDec(g.maxPoints);
      if (!nominal || sign(nominal) <= 0) bad(`${p}.maxPoints`, `Điểm tối đa của nhóm ${label} phải là số lớn hơn 0.`);
      const items: { item: string; points: Dec }[] = [];
      const ne = g.notEvaluated === undefined ? [] : g.notEvaluated;
      if (!Array.isArray(ne)) bad(`${p}.notEvaluated`, `Mục không đánh giá của nhóm ${label} phải là danh sách.`);
      else
        ne.forEach((it: unknown, j: number) => {
          const q = `${p}.notEvaluated[${j}]`;
          if (!isObject(it)) return bad(q, `Mục không đánh giá thứ ${j + 1} của nhóm ${label} không hợp lệ.`);
          if (!isText(it.item)) bad(`${q}.item`, `Tên mục không đánh giá thứ ${j + 1} của nhóm ${label} không được để trống.`);
          const pts = toDec(it.points);
          if (!pts || sign(pts) <= 0) bad(`${q}.points`, `Điểm của mục không đánh giá thứ ${j + 1} (nhóm ${label}) phải là số lớn hơn 0.`);
          if (isText(it.item) && pts) items.push({ item: it.item.trim().normalize("NFC"), points: pts });
        });
      let max = nominal ?? ZERO;
      for (const it of items) max = sub(max, it.points);
      if (nominal && sign(nominal) > 0 && sign(max) <= 0) bad(`${p}.notEvaluated`, `Tổng điểm các mục không đánh giá của nhóm ${label} phải nhỏ hơn điểm tối đa của nhóm.`);
      const keys: string[] = [];
      for (const text of [g.name, ...(Array.isArray(aliases) ? aliases : [])]) {
        if (!isText(text)) continue;
        // Headers are compared by headerKey, which drops a trailing "(…)": a name that ends in one
        // ("… trực tuyến (DVCTT)") is kept under both keys, or its own header would never match.
        let clash = false;
        for (const key of new Set([matchKey(text), headerKey(text)])) {
          if (key === "") continue;
          const owner = keyOwner.get(key);
          if (owner !== undefined && owner !== String(i)) clash = true;
          keyOwner.set(key, String(i));
          if (!keys.includes(key)) keys.push(key);
        }
        if (clash) bad(`${p}.aliases`, `Tên "${text}" đã dùng cho một nhóm khác: mỗi tên cột chỉ được thuộc một nhóm.`);
      }
      if (isText(g.id) && isText(g.name) && nominal) {
        const name = g.name.trim().normalize("NFC");
        const fullName = isText(g.fullName) ? g.fullName.trim().normalize("NFC") : name;
        groups.push({ id: g.id, name, fullName, keys, nominalMax: nominal, notEvaluated: items, max });
      }
    });
  }

  const exemptions: { keyword: string; groupIndexes: number[]; reason: string }[] = [];
  if (!Array.isArray(r.exemptions)) bad("exemptions", "Danh sách miễn chấm (exemptions) phải là một danh sách (có thể rỗng).");
  else
    r.exemptions.forEach((e: unknown, i: number) => {
      const p = `exemptions[${i}]`;
      if (!isObject(e)) return bad(p, `Trường hợp miễn chấm thứ ${i + 1} không hợp lệ.`);
      if (!isText(e.keyword)) bad(`${p}.keyword`, `Từ khóa ghi chú của trường hợp miễn chấm thứ ${i + 1} không được để trống.`);
      if (!isText(e.reason)) bad(`${p}.reason`, `Lý do miễn chấm thứ ${i + 1} không được để trống (dùng trong phần Ghi chú của phụ lục).`);
      const idx: number[] = [];
      if (!Array.isArray(e.groups) || e.groups.length === 0) bad(`${p}.groups`, `Trường hợp miễn chấm thứ ${i + 1} phải nêu ít nhất một nhóm.`);
      else
        e.groups.forEach((id: unknown, j: number) => {
          const at = typeof id === "string" ? ids.get(id) : undefined;
          if (at === undefined) bad(`${p}.groups[${j}]`, `Nhóm "${String(id)}" trong trường hợp miễn chấm thứ ${i + 1} không có trong danh sách nhóm.`);
          else idx.push(at);
        });
      if (isText(e.keyword) && isText(e.reason)) exemptions.push({ keyword: e.keyword.trim().normalize("NFC"), groupIndexes: idx, reason: e.reason.trim().normalize("NFC") });
    });

  const ix = r.index;
  if (!isObject(ix)) bad("index", "Thiếu cách tính chỉ số (index).");
  else {
    if (typeof ix.decimals !== "number" || !Number.isInteger(ix.decimals) || ix.decimals < 0 || ix.decimals > 10) bad("index.decimals", "Số chữ số thập phân của chỉ số phải là số nguyên từ 0 đến 10.");
    if (!["halfUp", "halfEven", "down"].includes(ix.rounding as string)) bad("index.rounding", 'Cách làm tròn chỉ số phải là "halfUp" (làm tròn lên từ 5), "halfEven" hoặc "down".');
  }

  const classes: { name: string; min: Dec }[] = [];
  if (!Array.isArray(r.classes) || r.classes.length === 0) bad("classes", "Cần ít nhất một mức phân loại.");
  else {
    r.classes.forEach((c: unknown, i: number) => {
      const p = `classes[${i}]`;
      if (!isObject(c)) return bad(p, `Mức phân loại thứ ${i + 1} không hợp lệ.`);
      if (!isText(c.name)) bad(`${p}.name`, `Tên mức phân loại thứ ${i + 1} không được để trống.`);
      else if (/^\s*[=+\-@]/.test(c.name)) bad(`${p}.name`, `Tên mức phân loại “${c.name}” không được bắt đầu bằng =, +, - hoặc @ (Excel sẽ hiểu là công thức khi ghi vào cột Phân loại).`);
      const min = toDec(c.minIndex);
      if (!min || sign(min) < 0 || cmp(min, { m: 1, s: 0 }) > 0) bad(`${p}.minIndex`, `Ngưỡng của mức "${String(c.name ?? i + 1)}" phải là số từ 0 đến 1.`);
      else if (classes.length > 0 && cmp(min, classes[classes.length - 1].min) >= 0) bad(`${p}.minIndex`, `Ngưỡng của mức "${String(c.name ?? i + 1)}" phải nhỏ hơn ngưỡng của mức đứng trước (xếp từ mức cao xuống mức thấp).`);
      if (isText(c.name) && min) classes.push({ name: c.name.trim().normalize("NFC"), min });
    });
    const last = r.classes[r.classes.length - 1];
    const lastMin = isObject(last) ? toDec(last.minIndex) : null;
    if (lastMin && sign(lastMin) !== 0) bad(`classes[${r.classes.length - 1}].minIndex`, "Mức phân loại cuối cùng phải có ngưỡng 0 để mọi cơ quan đều được phân loại.");
  }
  if (!["roundedIndex", "exactIndex"].includes(r.classifyOn as string)) bad("classifyOn", 'classifyOn phải là "roundedIndex" (phân loại theo chỉ số đã làm tròn) hoặc "exactIndex".');
  if (!["index", "total"].includes(r.rankBy as string)) bad("rankBy", 'Căn cứ xếp hạng (rankBy) phải là "index" (chỉ số) hoặc "total" (tổng điểm).');
  if (!["keep", "cap"].includes(r.overMax as string)) bad("overMax", 'Cách xử lý điểm vượt tối đa (overMax) phải là "keep" (giữ nguyên, báo lỗi) hoặc "cap" (tính bằng điểm tối đa, báo lỗi).');

  if (problems.length > 0) return { ok: false, problems };
  const json = JSON.parse(JSON.stringify(input)) as RulesJson;
  const generalMax = groups.reduce((acc, g) => add(acc, g.max), ZERO);
  return { ok: true, rules: { json, groups, exemptions, classes, generalMax } };
}

/** Rules from trusted JSON (the presets); throws if they are invalid. */
export function loadRules(json: unknown): Rules {
  const result = validateRules(json);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return result.rules;
}

export const presetRules = (): Rules => loadRules(PRESET_THAI_BINH_2020);
