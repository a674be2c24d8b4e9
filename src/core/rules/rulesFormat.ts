/**
 * The rules format, described once. From this description come (1) the shape checks of
 * validateRules (types, required and unknown fields, allowed values, ranges, patterns: see
 * checkShape) and (2) schemas/rules.schema.json (see toJsonSchema; `npm run schema` writes it and
 * a test fails when the file differs). Checks across fields (unique ids, descending cut-offs,
 * weights summing to 1…) are validateRules' own and are listed in the schema's description.
 *
 * Adding a field: one entry here (label, description), its meaning in rules.ts, and
 * `npm run schema`.
 */
import type { RuleProblem, RuleProblemCode, RuleProblemParams } from "./ruleProblem";

export interface Label {
  vi: string;
  en: string;
}

interface Base {
  /** What the field is called in messages ("Điểm tối đa" / "Maximum points"). */
  label: Label;
  /** The schema description: "tiếng Việt / English". */
  description: string;
}

export type FormatNode =
  | (Base & {
      kind: "object";
      fields: Record<string, FormatField>;
      /** At least one of these fields must be present. */ oneOfRequired?: string[];
      /** Fields refused here with their own message (the schema refuses them as unknown). */ refuse?: Record<string, RuleProblemCode>;
    })
  | (Base & { kind: "array"; items: FormatNode; minItems?: number })
  | (Base & { kind: "map"; values: FormatNode })
  | (Base & { kind: "text"; pattern?: string; noFormula?: boolean })
  | (Base & { kind: "enum"; values: readonly string[] })
  | (Base & { kind: "integer"; min: number; max: number })
  | (Base & { kind: "decimal"; range: DecimalRange })
  | (Base & { kind: "version"; values: readonly number[] })
  | (Base & { kind: "boolean" });

export interface FormatField {
  node: FormatNode;
  required?: boolean;
  /** First schemaVersion with this field (a version-1 file using it is refused). */
  since?: 2;
}

/** positive: > 0; unit: 0 to 1; weight: above 0, at most 1; nonNegative: ≥ 0. */
export type DecimalRange = "positive" | "unit" | "weight" | "nonNegative";

const L = (vi: string, en: string): Label => ({ vi, en });

/** Decimal strings: digits with "." or "," (no exponent), optional spaces and "+". */
export const DECIMAL_PATTERNS: Record<DecimalRange, string[]> = {
  positive: ["^\\s*\\+?(?=[^1-9]*[1-9])(\\d+([.,]\\d*)?|[.,]\\d+)\\s*$"],
  unit: ["^\\s*\\+?(0*1([.,]0*)?|0*[.,]\\d+|0+([.,]\\d*)?)\\s*$"],
  weight: ["^\\s*\\+?(?=[^1-9]*[1-9])(\\d+([.,]\\d*)?|[.,]\\d+)\\s*$", "^\\s*\\+?(0*1([.,]0*)?|0*[.,]\\d+|0+([.,]\\d*)?)\\s*$"],
  nonNegative: ["^\\s*\\+?(\\d+([.,]\\d*)?|[.,]\\d+)\\s*$"],
};

export const ID_PATTERN = "^[a-z0-9-]+$";
/** A criterion's printed code: numbers or letters separated by dots ("2.3", "2.3.1", "II.1.a"). */
export const CODE_PATTERN = "^[0-9A-Za-z]+([.][0-9A-Za-z]+)*$";
/** A class name must not start like a formula (Excel would take it for one in Phân loại). */
export const NO_FORMULA_PATTERN = "^\\s*[^\\s=+\\-@]";

const text = (label: Label, description: string): FormatNode => ({ kind: "text", label, description });
const id = (label: Label, description: string): FormatNode => ({ kind: "text", label, description, pattern: ID_PATTERN });
const texts = (label: Label, description: string, minItems?: number): FormatNode => ({
  kind: "array",
  label,
  description,
  minItems,
  items: text(label, "Chữ không được để trống. / Non-blank text."),
});

const classBand = (): FormatNode => ({
  kind: "object",
  label: L("Mức phân loại", "Class"),
  description: "Một mức phân loại. / One class.",
  fields: {
    name: {
      required: true,
      node: {
        kind: "text",
        noFormula: true,
        label: L("Tên mức phân loại", "Class name"),
        description: "Tên mức (“Tốt”, “Khá”, “Trung bình”, “Yếu”); không bắt đầu bằng =, +, - hoặc @. / The class name; must not begin with =, +, - or @.",
      },
    },
    minIndex: {
      required: true,
      node: {
        kind: "decimal",
        range: "unit",
        label: L("Ngưỡng chỉ số", "Lowest index"),
        description:
          "Chỉ số thấp nhất của mức, tính cả bằng (Tốt: 0,85 nghĩa là ≥ 0,85), từ 0 đến 1; số JSON hoặc chuỗi (“0.85”, “0,85”). / The lowest index of the class, inclusive, from 0 to 1; a JSON number or a decimal string.",
      },
    },
  },
});

const classList = (description: string): FormatNode => ({ kind: "array", label: L("Các mức phân loại", "Classes"), description, items: classBand() });

/** The fields of every criterion node: a criterion, a sub-criterion (a leaf's options included). */
function criterionFields(): Record<string, FormatField> {
  const dec = (range: DecimalRange, label: Label, description: string): FormatNode => ({ kind: "decimal", range, label, description });
  return {
    id: {
      required: true,
      node: {
        kind: "text",
        pattern: CODE_PATTERN,
        label: L("Mã tiêu chí", "Criterion code"),
        description:
          "Mã in của tiêu chí, không trùng trong cả bộ: số hoặc chữ cách nhau bằng dấu chấm (“2.3”, “2.3.1”). / The criterion's printed code, unique in the whole set: numbers or letters separated by dots.",
      },
    },
    name: {
      required: true,
      node: text(L("Tên tiêu chí", "Criterion name"), "Tên tiêu chí như trong bộ tiêu chí. / The criterion's name, as the set words it."),
    },
    max: {
      required: true,
      node: dec(
        "positive",
        L("Điểm tối đa của tiêu chí", "Criterion maximum"),
        "Điểm tối đa của tiêu chí. Tiêu chí có tiêu chí con được tổng điểm các con, không quá điểm tối đa này; tổng điểm tối đa của các con phải từ điểm này trở lên. / The criterion's maximum. A criterion with sub-criteria scores their sum, capped at this; the children's maxima must add up to at least this.",
      ),
    },
    method: {
      node: {
        kind: "enum",
        values: ["points", "levels", "yesno", "ratio", "tiers"],
        label: L("Cách chấm", "Scoring method"),
        description:
          "Cách chấm của tiêu chí lá (không có tiêu chí con; bắt buộc với lá): “points” nhập điểm trực tiếp; “levels” chọn một mức; “yesno” Có được tối đa, Không được 0; “ratio” điểm tối đa × min(1, (a ÷ b) ÷ target); “tiers” theo ngưỡng của một số liệu. / How a leaf (a criterion without sub-criteria; required on leaves) is scored: points typed; a level chosen; Có/Không; a ratio max × min(1, (a ÷ b) ÷ target); thresholds on one input.",
      },
    },
    step: {
      node: dec(
        "positive",
        L("Bước điểm", "Points step"),
        "Cách chấm “points”: điểm phải là bội số của bước này (0,25). Có thể bỏ qua. / Method “points”: the points must be a multiple of this step (0.25). Optional.",
      ),
    },
    levels: {
      node: {
        kind: "array",
        minItems: 1,
        label: L("Các mức chấm", "Levels"),
        description:
          "Cách chấm “levels”: các mức, mỗi mức một nhãn và số điểm (không quá điểm tối đa của tiêu chí); người chấm chọn nhãn. / Method “levels”: the levels, each a label and its points (at most the criterion's maximum); the assessor picks a label.",
        items: {
          kind: "object",
          label: L("Mức chấm", "Level"),
          description: "Một mức chấm. / One level.",
          fields: {
            label: { required: true, node: text(L("Nhãn của mức", "Level label"), "Nhãn của mức (“Đạt đầy đủ”). / The level's label.") },
            points: {
              required: true,
              node: dec("nonNegative", L("Điểm của mức", "Level points"), "Số điểm của mức, từ 0 (10; 5; 0). / The level's points, from 0."),
            },
          },
        },
      },
    },
    inputs: {
      node: texts(
        L("Các số liệu", "Inputs"),
        "Tên các số liệu thô: “ratio” cần đúng hai (a, b: “Số máy tính”, “Số CBCCVC”), “tiers” đúng một. / The raw inputs' names: two for “ratio” (a, b), one for “tiers”.",
        1,
      ),
    },
    target: {
      node: dec(
        "positive",
        L("Tỉ lệ đạt tối đa", "Target ratio"),
        "Cách chấm “ratio”: tỉ lệ a ÷ b được điểm tối đa (mặc định 1; 0,8 nghĩa là đạt 80% được tối đa). / Method “ratio”: the ratio a ÷ b that earns the maximum (default 1).",
      ),
    },
    tiers: {
      node: {
        kind: "array",
        minItems: 1,
        label: L("Các ngưỡng", "Tiers"),
        description:
          "Cách chấm “tiers”: các ngưỡng, cao nhất trước; số liệu từ atLeast trở lên được points; dưới ngưỡng cuối được 0. / Method “tiers”: thresholds, highest first; an input of at least atLeast earns points; below the last earns 0.",
        items: {
          kind: "object",
          label: L("Ngưỡng", "Tier"),
          description: "Một ngưỡng. / One tier.",
          fields: {
            atLeast: {
              required: true,
              node: dec(
                "nonNegative",
                L("Từ (ngưỡng)", "At least"),
                "Giá trị thấp nhất của số liệu ở ngưỡng này, tính cả bằng (90). / The lowest input of this tier, inclusive.",
              ),
            },
            points: {
              required: true,
              node: dec("nonNegative", L("Điểm của ngưỡng", "Tier points"), "Số điểm của ngưỡng (15). / The tier's points."),
            },
          },
        },
      },
    },
    evidence: {
      node: {
        kind: "enum",
        values: ["required", "optional", "none"],
        label: L("Tài liệu kiểm chứng", "Evidence"),
        description:
          "Tài liệu kiểm chứng: “required” bắt buộc (thiếu là lỗi), “optional” (mặc định), “none” không cần. / Evidence: required (missing is an error), optional (default), none.",
      },
    },
    guidance: {
      node: text(
        L("Hướng dẫn chấm", "Scoring guidance"),
        "Hướng dẫn chấm, hiện trên phiếu và trong bảng điều khiển. Có thể bỏ qua. / Guidance shown on forms and in the pane. Optional.",
      ),
    },
    appliesTo: {
      node: {
        kind: "array",
        minItems: 1,
        label: L("Chỉ áp dụng cho khối", "Applies to blocks"),
        description:
          "Mã các khối được chấm tiêu chí này (chỉ khối sở, ngành…); cơ quan khối khác không chấm và điểm tối đa của nhóm giảm tương ứng. Có thể bỏ qua. / Ids of the blocks scored on this criterion; other agencies are not, and their group maximum drops accordingly. Optional.",
        items: id(L("Mã khối", "Block id"), "Mã một khối. / A block id."),
      },
    },
  };
}

/** A criterion node; at the second level (a sub-criterion) without children of its own. */
function criteriaList(level: 1 | 2): FormatNode {
  const fields = criterionFields();
  if (level === 1)
    fields.criteria = {
      node: criteriaList(2),
    };
  return {
    kind: "array",
    minItems: 1,
    label: level === 1 ? L("Các tiêu chí", "Criteria") : L("Các tiêu chí con", "Sub-criteria"),
    description:
      level === 1
        ? "Các tiêu chí của nhóm (bộ tiêu chí). Nhóm có tiêu chí được tổng điểm các tiêu chí, không quá điểm tối đa của nhóm; tổng điểm tối đa của các tiêu chí phải từ điểm tối đa của nhóm trở lên. Không có: nhóm chấm một ô như trước. / The group's criteria. A group with criteria scores their sum, capped at its maximum; their maxima must add up to at least the group's. Absent: the group is one cell, as before."
        : "Các tiêu chí con (cấp thứ ba, tính cả nhóm; không có cấp sâu hơn). / Sub-criteria (the third level counting the group; no deeper).",
    items: {
      kind: "object",
      label: level === 1 ? L("Tiêu chí", "Criterion") : L("Tiêu chí con", "Sub-criterion"),
      description: level === 1 ? "Một tiêu chí. / One criterion." : "Một tiêu chí con. / One sub-criterion.",
      fields,
      ...(level === 2 ? { refuse: { criteria: "tooDeep" as const } } : {}),
    },
  };
}

export const RULES_FORMAT: FormatNode = {
  kind: "object",
  label: L("Quy tắc", "Rules"),
  description: "",
  fields: {
    $schema: {
      node: text(L("Đường dẫn lược đồ", "Schema path"), "Đường dẫn tới lược đồ này (để trình soạn thảo gợi ý). / Path to this schema (for editor hints)."),
    },
    schemaVersion: {
      required: true,
      node: {
        kind: "version",
        values: [1, 2],
        label: L("Phiên bản định dạng (schemaVersion)", "Format version (schemaVersion)"),
        description:
          "Phiên bản định dạng quy tắc: 2 (hiện tại); tệp phiên bản 1 vẫn dùng được nguyên như cũ. / Version of the rules format: 2 (current); version 1 files still load unchanged.",
      },
    },
    name: {
      required: true,
      node: text(L("Tên bộ quy tắc", "Rule set name"), "Tên bộ quy tắc, ví dụ “Thái Bình 2020 (Quyết định 2916/QĐ-UBND)”. / Name of the rule set."),
    },
    nameHeaders: {
      since: 2,
      node: texts(
        L("Tiêu đề khác của cột tên cơ quan", "Other headers of the agency column"),
        "Các tiêu đề khác của cột tên cơ quan, ngoài danh sách có sẵn (Tên cơ quan, Cơ quan, Đơn vị, Tỉnh, thành phố, Bộ, cơ quan ngang Bộ, Huyện, thị xã, thành phố…). Có thể bỏ qua. / Further headers of the agency-name column, beyond the built-in list. Optional.",
      ),
    },
    groups: {
      required: true,
      node: {
        kind: "array",
        minItems: 1,
        label: L("Các nhóm tiêu chí", "Criteria groups"),
        description:
          "Các nhóm tiêu chí, theo thứ tự cột của phụ lục. Tổng điểm tối đa chung là tổng điểm tối đa áp dụng của các nhóm được tính (498 năm 2020). / The criteria groups, in the annex's column order. The general maximum is the sum of the applicable maxima of the counted groups (498 in 2020).",
        items: {
          kind: "object",
          label: L("Nhóm tiêu chí", "Criteria group"),
          description: "Một nhóm tiêu chí (một cột điểm). / One criteria group (one score column).",
          fields: {
            id: {
              required: true,
              node: id(
                L("Mã nhóm", "Group id"),
                "Mã cố định của nhóm, dùng trong exemptions và blocks: chữ thường không dấu, số, dấu “-” (“dvctt”). / Stable id used by exemptions and blocks: lower-case ASCII letters, digits, “-”.",
              ),
            },
            name: {
              required: true,
              node: text(
                L("Tên nhóm (tiêu đề cột)", "Group name (column header)"),
                "Tiêu đề cột như trong phụ lục (“Cung cấp DVCTT”). So khớp tiêu đề không phân biệt hoa thường, dấu, xuống dòng, khoảng trắng thừa và ghi chú trong ngoặc ở cuối. / The column header as published; headers match regardless of case, accents, line breaks, extra spaces and a trailing “(…)”.",
              ),
            },
            fullName: {
              node: text(
                L("Tên đầy đủ của nhóm", "Full name of the group"),
                "Tên đầy đủ của nhóm cho phần Ghi chú của phụ lục (“Cung cấp dịch vụ công trực tuyến”); mặc định là name. / The full name, for the annex notes; defaults to name.",
              ),
            },
            aliases: {
              node: texts(
                L("Tên gọi khác của nhóm", "Other headers of the group"),
                "Các tiêu đề khác người dùng hay gõ cho nhóm này; một tiêu đề chỉ được thuộc một nhóm. Có thể bỏ qua. / Other headers users type for this group; a header belongs to one group only. Optional.",
              ),
            },
            maxPoints: {
              required: true,
              node: {
                kind: "decimal",
                range: "positive",
                label: L("Điểm tối đa", "Maximum points"),
                description:
                  "Điểm tối đa danh nghĩa của nhóm, trước khi trừ các mục không đánh giá (100). / The group’s nominal maximum, before not-evaluated items.",
              },
            },
            notEvaluated: {
              node: {
                kind: "array",
                label: L("Các mục không đánh giá", "Items not evaluated"),
                description:
                  "Các mục không đánh giá năm nay; điểm của chúng được trừ khỏi điểm tối đa của nhóm (100 − 2 = 98) và được nêu trong Ghi chú của phụ lục. Tổng phải nhỏ hơn maxPoints. Có thể bỏ qua. / Sub-items not evaluated this year; their points leave the group’s maximum (100 − 2 = 98) and the annex notes name them. Their sum must stay below maxPoints. Optional.",
                items: {
                  kind: "object",
                  label: L("Mục không đánh giá", "Item not evaluated"),
                  description: "Một mục không đánh giá. / One item not evaluated.",
                  fields: {
                    item: {
                      required: true,
                      node: text(
                        L("Tên mục", "Item name"),
                        "Tên mục như Ghi chú của phụ lục viết (“điều kiện địa lý”). / The item, in the annex notes’ words.",
                      ),
                    },
                    points: {
                      required: true,
                      node: { kind: "decimal", range: "positive", label: L("Điểm của mục", "Item points"), description: "Số điểm của mục (2). / Its points." },
                    },
                  },
                },
              },
            },
            weight: {
              since: 2,
              node: {
                kind: "decimal",
                range: "weight",
                label: L("Trọng số", "Weight"),
                description:
                  "Trọng số của nhóm trong chỉ số (0,1; 0,2; 0,15), lớn hơn 0 và không quá 1. Hoặc mọi nhóm được tính đều có trọng số, hoặc không nhóm nào có; tổng đúng bằng 1. Khi có trọng số: Chỉ số = Σ trọng số × (điểm ÷ điểm tối đa áp dụng của nhóm); cơ quan được miễn chấm thì các trọng số còn lại được chia lại cho tổng bằng 1. / The group's weight in the index, above 0 and at most 1. Every counted group has one or none has; they sum to exactly 1. With weights the index is Σ weight × (score ÷ the group's applicable maximum); for an exempt agency the remaining weights are rescaled to sum 1.",
              },
            },
            counted: {
              since: 2,
              node: {
                kind: "boolean",
                label: L("Tính vào tổng", "Counted"),
                description:
                  "false: cột được đọc, kiểm tra với điểm tối đa và hiển thị, nhưng không cộng vào tổng điểm, điểm tối đa hay chỉ số. Mặc định true. / false: the column is read, checked against its maximum and shown, but adds nothing to the total, the maximum or the index. Default true.",
              },
            },
            criteria: { since: 2, node: criteriaList(1) },
          },
        },
      },
    },
    exemptions: {
      required: true,
      node: {
        kind: "array",
        label: L("Các trường hợp miễn chấm", "Exemptions"),
        description:
          "Các trường hợp miễn chấm: cơ quan có một từ khóa trong cột Ghi chú không bị chấm các nhóm đã nêu, và điểm tối đa của cơ quan giảm đi điểm tối đa của các nhóm đó (398 cho cơ quan “Không TTHC” năm 2020). Có thể là danh sách rỗng. / Exemptions: an agency whose Ghi chú holds a keyword is not scored on the listed groups, and its maximum drops by theirs (398 for “Không TTHC” in 2020). May be empty.",
        items: {
          kind: "object",
          label: L("Trường hợp miễn chấm", "Exemption"),
          description: "Một trường hợp miễn chấm; cần keyword hoặc keywords. / One exemption; needs keyword or keywords.",
          oneOfRequired: ["keyword", "keywords"],
          fields: {
            keyword: {
              node: text(
                L("Từ khóa ghi chú", "Note keyword"),
                "Từ khóa trong cột Ghi chú, so khớp nguyên từ, không phân biệt hoa thường và dấu (“Không TTHC” khớp “không tthc”, “Đơn vị không TTHC”). / The Ghi chú keyword, matched as whole words regardless of case and accents.",
              ),
            },
            keywords: {
              since: 2,
              node: texts(
                L("Các từ khóa ghi chú", "Note keywords"),
                "Các từ khóa trong cột Ghi chú (“Không TTHC”, “Không có TTHC”, “Không có thủ tục hành chính”); khớp một từ khóa là đủ. / The Ghi chú keywords; any one of them matches.",
                1,
              ),
            },
            groups: {
              required: true,
              node: {
                kind: "array",
                label: L("Các nhóm được miễn", "Exempt groups"),
                description:
                  "Mã (id) các nhóm không chấm cho cơ quan có ghi chú này; có thể rỗng khi criteria nêu tiêu chí. / Ids of the groups not scored for such an agency; may be empty when criteria names criteria.",
                items: id(L("Mã nhóm", "Group id"), "Mã một nhóm. / A group id."),
              },
            },
            criteria: {
              since: 2,
              node: {
                kind: "array",
                label: L("Các tiêu chí được miễn", "Exempt criteria"),
                description:
                  "Mã các tiêu chí không chấm cho cơ quan có ghi chú này (“4.2”); điểm tối đa của nhóm giảm tương ứng, như nhóm được miễn. Có thể bỏ qua. / Codes of the criteria not scored for such an agency; the group's maximum drops accordingly, as for an exempt group. Optional.",
                items: {
                  kind: "text",
                  pattern: CODE_PATTERN,
                  label: L("Mã tiêu chí", "Criterion code"),
                  description: "Mã một tiêu chí. / A criterion code.",
                },
              },
            },
            reason: {
              required: true,
              node: text(
                L("Lý do miễn chấm", "Reason"),
                "Lý do, như phần Ghi chú của phụ lục viết (“không có thủ tục hành chính”). / The reason, as the annex notes say it.",
              ),
            },
          },
        },
      },
    },
    index: {
      required: true,
      node: {
        kind: "object",
        label: L("Cách tính chỉ số", "Index settings"),
        description:
          "Cách tính Chỉ số = Tổng điểm ÷ điểm tối đa áp dụng của cơ quan (hoặc tổng có trọng số), làm tròn, hiển thị. / How the index (total ÷ the agency's applicable maximum, or the weighted sum) is rounded and shown.",
        fields: {
          decimals: {
            required: true,
            node: {
              kind: "integer",
              min: 0,
              max: 10,
              label: L("Số chữ số thập phân", "Decimal places"),
              description: "Số chữ số thập phân của Chỉ số (3: 0,724). / Decimal places of the index (3: 0.724).",
            },
          },
          rounding: {
            required: true,
            node: {
              kind: "enum",
              values: ["halfUp", "halfEven", "down"],
              label: L("Cách làm tròn", "Rounding"),
              description:
                "“halfUp”: làm tròn lên từ 5, như hàm ROUND của Excel (0,72450 → 0,725); “halfEven”: làm tròn về số chẵn khi đúng giữa; “down”: bỏ phần thừa. / “halfUp”: ties away from zero, as Excel’s ROUND; “halfEven”: ties to even; “down”: truncate.",
            },
          },
          display: {
            since: 2,
            node: {
              kind: "enum",
              values: ["decimal", "percent"],
              label: L("Cách hiển thị chỉ số", "Index display"),
              description:
                "“decimal” (mặc định, “0,917”) hoặc “percent” (“91,7%”) trên trang tính và phụ lục; JSON của công cụ dòng lệnh vẫn ghi tỉ số. / “decimal” (default, “0.917”) or “percent” (“91.7%”) on the sheet and in the annex; the command line's JSON keeps the ratio.",
            },
          },
        },
      },
    },
    criteriaDecimals: {
      since: 2,
      node: {
        kind: "integer",
        min: 0,
        max: 6,
        label: L("Số chữ số thập phân của điểm tiêu chí", "Decimal places of criterion points"),
        description:
          "Điểm tính được của tiêu chí (ratio) làm tròn lên từ 5 đến số chữ số này; mặc định 2. / Computed criterion points (ratio) are rounded half-up to this many places; default 2.",
      },
    },
    classes: {
      required: true,
      node: classList(
        "Các mức phân loại, mức cao nhất trước; ngưỡng giảm dần; mức cuối cùng có ngưỡng 0. Danh sách rỗng: không phân loại (không có cột Phân loại). / Classes, highest first, with descending cut-offs; the last one’s cut-off is 0. Empty: no classes (no Phân loại column).",
      ),
    },
    classifyOn: {
      required: true,
      node: {
        kind: "enum",
        values: ["roundedIndex", "exactIndex"],
        label: L("Phân loại theo (classifyOn)", "Classify on (classifyOn)"),
        description:
          "“roundedIndex”: phân loại theo Chỉ số đã làm tròn như in trong phụ lục (0,8495 → 0,850 → Tốt); “exactIndex”: theo thương chưa làm tròn (0,8495 → Khá). / Classify on the rounded index as printed, or on the exact quotient.",
      },
    },
    rankBy: {
      required: true,
      node: {
        kind: "enum",
        values: ["index", "total"],
        label: L("Căn cứ xếp hạng (rankBy)", "Rank by (rankBy)"),
        description:
          "Căn cứ xếp hạng: “index” (Chỉ số, như năm 2020) hoặc “total” (Tổng điểm). Bằng nhau thì cùng hạng và bỏ hạng kế tiếp (1, 2, 2, 4). / Rank basis: the index (as in 2020) or the total. Ties share a rank and the next is skipped (1, 2, 2, 4).",
      },
    },
    overMax: {
      required: true,
      node: {
        kind: "enum",
        values: ["keep", "cap"],
        label: L("Điểm vượt tối đa (overMax)", "Above the maximum (overMax)"),
        description:
          "Điểm vượt điểm tối đa của nhóm: “keep” tính đúng như đã nhập (như phụ lục đã công bố), “cap” tính bằng điểm tối đa. Cả hai trường hợp đều báo lỗi ở ô đó. / A score above its group’s maximum: “keep” counts it as typed (as published), “cap” counts the maximum. Both report an error on the cell.",
      },
    },
    blocks: {
      since: 2,
      node: {
        kind: "array",
        label: L("Các khối", "Blocks"),
        description:
          "Các khối xếp hạng riêng (khối sở, ban, ngành / khối UBND huyện). Cơ quan thuộc khối có một chữ trong match xuất hiện ở dòng tiêu đề mục gần nhất phía trên (“I. KHỐI SỞ, BAN, NGÀNH”), ở cột Khối / Nhóm hoặc ở Ghi chú của nó. Xếp hạng lại từ 1 trong mỗi khối. Khi có khối, cơ quan không thuộc khối nào là lỗi. Có thể bỏ qua. / Blocks ranked separately. An agency belongs to the block one of whose match texts appears in the nearest section heading row above it, in a column headed Khối / Nhóm, or in its Ghi chú. Ranks restart in each block. With blocks, an agency in no block is an error. Optional.",
        items: {
          kind: "object",
          label: L("Khối", "Block"),
          description: "Một khối. / One block.",
          fields: {
            id: {
              required: true,
              node: id(
                L("Mã khối", "Block id"),
                "Mã cố định của khối: chữ thường không dấu, số, dấu “-” (“so-nganh”). / Stable block id: lower-case ASCII letters, digits, “-”.",
              ),
            },
            name: {
              required: true,
              node: text(
                L("Tên khối", "Block name"),
                "Tên khối như dòng tiêu đề mục trong phụ lục (“Khối sở, ban, ngành”). / The block's name, as the annex's section heading.",
              ),
            },
            match: {
              required: true,
              node: texts(
                L("Chữ nhận biết khối", "Match texts"),
                "Các chữ nhận biết khối, so khớp nguyên từ, không phân biệt hoa thường, dấu và khoảng trắng (“sở, ban, ngành”, “UBND huyện”). / Texts identifying the block, matched as whole words regardless of case, accents and spacing.",
                1,
              ),
            },
            maxPoints: {
              node: {
                kind: "map",
                label: L("Điểm tối đa riêng của khối", "Block maxima"),
                description:
                  'Điểm tối đa riêng của khối cho từng nhóm, theo mã nhóm ({ "dvctt": 80 }); nhóm không nêu giữ điểm tối đa chung. / The block\'s own maximum per group id; groups not listed keep theirs.',
                values: {
                  kind: "decimal",
                  range: "positive",
                  label: L("Điểm tối đa của nhóm trong khối", "Group maximum in the block"),
                  description: "Điểm tối đa danh nghĩa của nhóm trong khối này. / The group's nominal maximum in this block.",
                },
              },
            },
            classes: {
              node: classList(
                "Các mức phân loại riêng của khối (như classes); mặc định là classes chung. / The block's own classes (as classes); defaults to the general ones.",
              ),
            },
          },
        },
      },
    },
    lineage: {
      since: 2,
      node: {
        kind: "array",
        label: L("Sáp nhập, đổi tên", "Lineage (mergers, renames)"),
        description:
          "Cơ quan năm nay và các cơ quan năm trước mà nó tiếp nối, để so sánh với năm trước: sáp nhập (nhiều tiền thân), đổi tên (một tiền thân), chia tách (một tiền thân ghi ở nhiều mục). Cơ quan có tiền thân được so với trung bình chỉ số năm trước của các tiền thân; xếp hạng năm trước được tính lại với các tiền thân thay bằng cơ quan kế tục. Tên so khớp không phân biệt hoa thường, dấu, khoảng trắng, bảng mã TCVN3/VNI. Có thể bỏ qua. / This year's agencies and last year's agencies each continues, for the comparison with last year: a merger (several predecessors), a rename (one), a split (one predecessor in several entries). An agency with predecessors is compared with the mean of their indices; last year's ranking is recomputed with the predecessors replaced by their successor. Names match regardless of case, accents, spacing and the TCVN3/VNI encodings. Optional.",
        items: {
          kind: "object",
          label: L("Mục sáp nhập", "Lineage entry"),
          description: "Một cơ quan năm nay và các tiền thân của nó. / One agency this year and its predecessors.",
          fields: {
            name: {
              required: true,
              node: text(L("Cơ quan hiện nay", "Agency now"), "Tên cơ quan năm nay (“Sở Tài chính”). / The agency's name this year."),
            },
            from: {
              required: true,
              node: texts(
                L("Tiền thân", "Predecessors"),
                "Tên các cơ quan năm trước mà cơ quan này tiếp nối; ghi cả chính nó nếu nó vẫn giữ tên (“Sở Tài chính”, “Sở Kế hoạch và Đầu tư”). / Last year's agencies this one continues; list itself too when it keeps its name.",
                1,
              ),
            },
          },
        },
      },
    },
  },
};

/** Cross-field checks the schema cannot express; named in the generated schema's description. */
export const CROSS_FIELD_CHECKS =
  "Lược đồ này được sinh từ mô tả định dạng trong src/core/rules/rulesFormat.ts, cùng nguồn với validateRules. Các ràng buộc giữa các trường do validateRules kiểm tra khi nạp: mã nhóm và mã khối không trùng, nhóm được miễn chấm và nhóm trong maxPoints của khối phải có trong danh sách nhóm, tên cột không dùng cho hai nhóm, tổng điểm không đánh giá nhỏ hơn điểm tối đa, ngưỡng phân loại giảm dần và mức cuối bằng 0, trọng số cho mọi nhóm được tính hoặc không nhóm nào và tổng đúng bằng 1, nhóm không tính (counted: false) không có trọng số, còn ít nhất một nhóm được tính; với bộ tiêu chí: mã tiêu chí không trùng, tổng điểm tối đa của các con từ điểm tối đa của cha trở lên, tiêu chí lá có cách chấm và đúng các trường của cách chấm đó (tiêu chí cha không có), mức và ngưỡng không quá điểm tối đa, ngưỡng giảm dần, khối trong appliesTo và tiêu chí được miễn phải có, trường hợp miễn chấm nêu ít nhất một nhóm hoặc tiêu chí; mỗi cơ quan chỉ một mục sáp nhập và mỗi tiền thân một lần trong mục. / This schema is generated from the format description in src/core/rules/rulesFormat.ts, the source validateRules also uses. Checks across fields are made by validateRules when the rules are loaded: unique group and block ids, exemptions and block maxima naming existing groups, no header shared by two groups, not-evaluated points below the maximum, descending class cut-offs ending at 0, weights on every counted group or none and summing to exactly 1, no weight on a group with counted: false, at least one counted group; with criteria: unique criterion codes, children's maxima adding up to at least their parent's, a method on every leaf with exactly its fields (none on a parent), levels and tiers within the maximum, tiers descending, known blocks in appliesTo and known exempt criteria, an exemption naming at least one group or criterion; one lineage entry per agency and each predecessor once in an entry. See docs/rules.md.";

// ---------------------------------------------------------------------------------------------
// The JSON schema, generated.

type Schema = Record<string, unknown>;

function decimalSchema(range: DecimalRange): Schema {
  const number: Schema = { type: "number" };
  if (range === "positive") number.exclusiveMinimum = 0;
  if (range === "unit") Object.assign(number, { minimum: 0, maximum: 1 });
  if (range === "weight") Object.assign(number, { exclusiveMinimum: 0, maximum: 1 });
  if (range === "nonNegative") number.minimum = 0;
  const patterns = DECIMAL_PATTERNS[range];
  const string: Schema =
    patterns.length === 1 ? { type: "string", pattern: patterns[0] } : { type: "string", allOf: patterns.map((pattern) => ({ type: "string", pattern })) };
  return { oneOf: [number, string] };
}

function nodeSchema(node: FormatNode): Schema {
  const d = node.description ? { description: node.description } : {};
  switch (node.kind) {
    case "object": {
      const properties: Schema = {};
      for (const [key, f] of Object.entries(node.fields)) properties[key] = nodeSchema(f.node);
      const required = Object.entries(node.fields)
        .filter(([, f]) => f.required)
        .map(([k]) => k);
      return {
        ...d,
        type: "object",
        ...(required.length ? { required } : {}),
        ...(node.oneOfRequired ? { anyOf: node.oneOfRequired.map((k) => ({ type: "object", required: [k], properties: { [k]: true } })) } : {}),
        properties,
        additionalProperties: false,
      };
    }
    case "array":
      return { ...d, type: "array", ...(node.minItems ? { minItems: node.minItems } : {}), items: nodeSchema(node.items) };
    case "map":
      return { ...d, type: "object", propertyNames: { pattern: ID_PATTERN }, additionalProperties: nodeSchema(node.values) };
    case "text":
      if (node.noFormula)
        return {
          ...d,
          type: "string",
          allOf: [
            { type: "string", pattern: "\\S" },
            { type: "string", pattern: NO_FORMULA_PATTERN },
          ],
        };
      return { ...d, type: "string", pattern: node.pattern ?? "\\S" };
    case "enum":
      return { ...d, enum: [...node.values] };
    case "integer":
      return { ...d, type: "integer", minimum: node.min, maximum: node.max };
    case "decimal":
      return { ...d, ...decimalSchema(node.range) };
    case "version":
      return { ...d, enum: [...node.values] };
    case "boolean":
      return { ...d, type: "boolean" };
  }
}

/** For version-1 files: the fields added in version 2 are refused ("false" schemas at their places). */
function version1Schema(node: FormatNode): Schema | null {
  if (node.kind === "array") {
    const items = version1Schema(node.items);
    return items ? { type: "array", items } : null;
  }
  if (node.kind !== "object") return null;
  const properties: Schema = {};
  for (const [key, f] of Object.entries(node.fields)) {
    if (f.since === 2) properties[key] = false;
    else {
      const inner = version1Schema(f.node);
      if (inner) properties[key] = inner;
    }
  }
  return Object.keys(properties).length ? { type: "object", properties } : null;
}

/** schemas/rules.schema.json, from RULES_FORMAT. */
export function toJsonSchema(): Schema {
  const root = nodeSchema(RULES_FORMAT);
  const { description: _d, ...rest } = root;
  void _d;
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://xep-hang-cntt.example/schemas/rules.schema.json",
    title: "Quy tắc chấm điểm, xếp hạng ứng dụng CNTT / IT application scoring and ranking rules",
    description: `Bộ quy tắc chấm điểm dạng JSON: được lưu trong sổ tính, xuất và nhập lại. ${CROSS_FIELD_CHECKS}`,
    ...rest,
    if: { type: "object", properties: { schemaVersion: { const: 1 } } },
    then: version1Schema(RULES_FORMAT),
  };
}

// ---------------------------------------------------------------------------------------------
// The shape checks, from the same description.

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === "string" && /\S/.test(v);

/** "groups[3].maxPoints" → "groups[].maxPoints": the field's place in the format. */
export const formatPathOf = (path: string): string => path.replace(/\[\d+\]/g, "[]");

const nodesByPath = new Map<string, FormatNode>();
(function index(node: FormatNode, at: string) {
  nodesByPath.set(at, node);
  if (node.kind === "object") for (const [k, f] of Object.entries(node.fields)) index(f.node, at ? `${at}.${k}` : k);
  if (node.kind === "array") index(node.items, `${at}[]`);
  if (node.kind === "map") index(node.values, `${at}.*`);
})(RULES_FORMAT, "");

/** The format's description of the field at a path ("groups[2].maxPoints"), if it is one. */
export function formatNodeAt(path: string): FormatNode | undefined {
  const p = formatPathOf(path);
  return nodesByPath.get(p) ?? nodesByPath.get(p.replace(/\.[^.[\]]+$/, ".*"));
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const keep = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = keep;
    }
  }
  return prev[b.length];
}

/** The known field nearest an unknown one ("alias" → "aliases"), or null when none is close. */
export function nearestField(unknown: string, known: readonly string[]): string | null {
  const u = unknown.toLowerCase();
  let best: string | null = null;
  let bestScore = Infinity;
  for (const k of known) {
    const kk = k.toLowerCase();
    const d = kk.startsWith(u) || u.startsWith(kk) ? Math.abs(kk.length - u.length) * 0.5 : distance(u, kk);
    if (d < bestScore) {
      bestScore = d;
      best = k;
    }
  }
  return best !== null && bestScore <= Math.max(2, Math.floor(best.length / 3)) ? best : null;
}

type Add = (path: string, code: RuleProblemCode, params?: RuleProblemParams) => void;

function decimalOk(value: unknown, range: DecimalRange): boolean {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return false;
    if (range === "positive") return value > 0;
    if (range === "unit") return value >= 0 && value <= 1;
    if (range === "nonNegative") return value >= 0;
    return value > 0 && value <= 1;
  }
  if (typeof value === "string") return DECIMAL_PATTERNS[range].every((p) => new RegExp(p).test(value));
  return false;
}

const DECIMAL_CODE: Record<DecimalRange, RuleProblemCode> = { positive: "notPositive", unit: "notUnit", weight: "notWeight", nonNegative: "notNonNegative" };

function checkNode(value: unknown, node: FormatNode, path: string, version: number, add: Add): void {
  switch (node.kind) {
    case "object": {
      if (!isObject(value)) return add(path, "notObject");
      const known = Object.keys(node.fields);
      for (const key of Object.keys(value)) {
        const at = path ? `${path}.${key}` : key;
        const field = node.fields[key];
        if (!field && node.refuse?.[key]) {
          add(at, node.refuse[key]);
          continue;
        }
        if (!field) {
          const near = nearestField(key, known);
          add(at, near ? "unknownFieldNear" : "unknownField", near ? { near } : {});
          continue;
        }
        if (field.since === 2 && version === 1) {
          add(at, "needsVersion2");
          continue;
        }
        checkNode(value[key], field.node, at, version, add);
      }
      for (const [key, f] of Object.entries(node.fields)) if (f.required && !(key in value)) add(path ? `${path}.${key}` : key, "missing");
      if (node.oneOfRequired && !node.oneOfRequired.some((k) => k in value))
        add(`${path}.${node.oneOfRequired[0]}`, "missingOneOf", { fields: node.oneOfRequired.join(", ") });
      return;
    }
    case "array": {
      if (!Array.isArray(value)) return add(path, "notList");
      if (node.minItems && value.length < node.minItems) add(path, "tooFew", { min: node.minItems });
      value.forEach((v, i) => checkNode(v, node.items, `${path}[${i}]`, version, add));
      return;
    }
    case "map": {
      if (!isObject(value)) return add(path, "notObject");
      for (const [k, v] of Object.entries(value)) {
        if (!new RegExp(ID_PATTERN).test(k)) add(`${path}.${k}`, "badId");
        checkNode(v, node.values, `${path}.${k}`, version, add);
      }
      return;
    }
    case "text":
      if (typeof value !== "string") return add(path, "notText");
      if (!isText(value)) return add(path, "blank");
      if (node.pattern === ID_PATTERN && !new RegExp(ID_PATTERN).test(value)) return add(path, "badId");
      if (node.pattern === CODE_PATTERN && !new RegExp(CODE_PATTERN).test(value)) return add(path, "badCode");
      if (node.noFormula && !new RegExp(NO_FORMULA_PATTERN).test(value)) return add(path, "formulaStart", { value });
      return;
    case "enum":
      if (typeof value !== "string" || !node.values.includes(value)) add(path, "notAllowed", { allowed: node.values.map((v) => `“${v}”`).join(", ") });
      return;
    case "integer":
      if (typeof value !== "number" || !Number.isInteger(value) || value < node.min || value > node.max)
        add(path, "notInteger", { min: node.min, max: node.max });
      return;
    case "decimal":
      if (!decimalOk(value, node.range)) add(path, DECIMAL_CODE[node.range]);
      return;
    case "version":
      if (typeof value !== "number" || !node.values.includes(value)) add(path, "badVersion", { allowed: node.values.join(", ") });
      return;
    case "boolean":
      if (typeof value !== "boolean") add(path, "notBoolean");
      return;
  }
}

/** The shape problems of rules JSON: what the generated schema also rejects. */
export function checkShape(input: unknown, make: (path: string, code: RuleProblemCode, params: RuleProblemParams) => RuleProblem): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const version = isObject(input) && input.schemaVersion === 1 ? 1 : 2;
  checkNode(input, RULES_FORMAT, "", version, (path, code, params = {}) => problems.push(make(path, code, params)));
  return problems;
}
