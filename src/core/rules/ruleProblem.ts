/**
 * A problem found in the rules: its code and parameters (rendered by ruleMessages.ts) and where it is (a JSON
 * path). Apart from the messages so that the format description (rulesFormat.ts) can name codes without
 * importing the messages that read it.
 */
export type RuleProblemCode =
  // The shape of a field (checked from the format description; the schema rejects the same).
  | "notObject"
  | "notList"
  | "notText"
  | "blank"
  | "badId"
  | "formulaStart"
  | "notAllowed"
  | "notInteger"
  | "notPositive"
  | "notUnit"
  | "notWeight"
  | "notNonNegative"
  | "badCode"
  | "badVersion"
  | "notBoolean"
  | "missing"
  | "missingOneOf"
  | "tooFew"
  | "unknownField"
  | "unknownFieldNear"
  | "needsVersion2"
  // Across fields (validateRules only).
  | "duplicateId"
  | "unknownGroup"
  | "headerShared"
  | "notEvaluatedTooLarge"
  | "classesNotDescending"
  | "lastClassNotZero"
  | "weightsAllOrNone"
  | "weightsSum"
  | "weightUncounted"
  | "noCountedGroup"
  | "blockMatchShared"
  | "blockMaxTooSmall"
  // Criteria sets.
  | "childrenBelowMax"
  | "leafNeedsMethod"
  | "leafOnly"
  | "notForMethod"
  | "methodNeeds"
  | "inputsCount"
  | "pointsAboveMax"
  | "tiersNotDescending"
  | "levelShared"
  | "unknownBlock"
  | "unknownCriterion"
  | "exemptsNothing"
  | "tooDeep"
  | "lineageDuplicate"
  | "lineageRepeated";

export type RuleProblemParams = Record<string, string | number>;

export interface RuleProblem {
  /** JSON path of the wrong field ("groups[2].maxPoints"; "" for the whole). */
  path: string;
  code: RuleProblemCode;
  params: RuleProblemParams;
  /** The message in Vietnamese (ruleProblemMessage gives either language). */
  message: string;
}
