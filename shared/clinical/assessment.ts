import * as z from 'zod';
import { examStatuses, footStatuses, notTestableReasons, sides } from '../domain/findings';
import { conventionIds } from './conventions';
import { factIds } from './facts';
import { followUpSchema } from './followUp';
import { niceCategories } from './niceNg19';
import { ndsBands } from './scores/nds';
import { redFlagIds } from './redFlags';
import { siteStates } from './siteDerivation';
import { vibrationStates } from './vibrationDerivation';
import { warningIds } from './warnings';

/**
 * What the engines return, as a zod schema so a stored assessment can be validated when it is
 * read back. The TypeScript types are inferred from it: one source.
 *
 * Signed assessments of every engine version must keep loading: fields are only ever added as
 * optional, and enum members (warnings, conventions) are never removed.
 */

const tri = z.union([z.literal(true), z.literal(false), z.literal('unknown')]);
const text = z.string();
const paths = z.array(z.string());
const conventionId = z.enum(conventionIds);
const range = z.strictObject({ min: z.number(), max: z.number() });

export const conclusionSchema = z.strictObject({
  value: tri,
  reason: text,
  findings: paths,
  toSettle: paths,
  conventions: z.array(conventionId),
  /** A "no" for LOPS or PAD that is not firm (decision 5): why, and what would make it firm. */
  weak: z.strictObject({ reason: text, toSettle: paths }).optional(),
});
export type ConclusionRecord = z.infer<typeof conclusionSchema>;

export const conventionAppliedSchema = z.strictObject({
  id: conventionId,
  title: text,
  text,
  source: text,
});

export const toSettleSchema = z.strictObject({
  fact: z.enum(factIds),
  label: text,
  action: text,
  findings: paths,
});

function becauseSchema<T extends z.ZodType>(category: T) {
  return z.strictObject({
    ruleId: text,
    reason: text,
    source: text,
    findings: paths,
    conventions: z.array(conventionId),
    category: z.union([category, z.literal('incomplete')]),
  });
}

const iwgdfCategory = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal('urgent')]);
const niceCategory = z.enum(niceCategories);

const resultFields = {
  ruleSetVersion: text,
  label: text,
  action: text,
  interval: text,
  /**
   * For due dates; null for urgent/active. For incomplete: the shortest interval of the possible
   * categories (decision 6; null in assessments signed before revision 2).
   */
  reviewIntervalMonths: range.nullable(),
  toSettle: z.array(toSettleSchema),
  conventionsApplied: z.array(conventionAppliedSchema),
};

export const iwgdfResultSchema = z.strictObject({
  ruleSet: z.literal('IWGDF-2023'),
  category: z.union([iwgdfCategory, z.literal('incomplete')]),
  possibleCategories: z.array(iwgdfCategory),
  because: z.array(becauseSchema(iwgdfCategory)),
  ...resultFields,
});
export type IwgdfResult = z.infer<typeof iwgdfResultSchema>;

export const niceResultSchema = z.strictObject({
  ruleSet: z.literal('NICE-NG19'),
  category: z.union([niceCategory, z.literal('incomplete')]),
  possibleCategories: z.array(niceCategory),
  because: z.array(becauseSchema(niceCategory)),
  /** First foot protection service assessment (moderate: 6-8 weeks, high: 2-4 weeks). */
  firstAssessmentWeeks: range.nullable(),
  ...resultFields,
});
export type NiceResult = z.infer<typeof niceResultSchema>;

const answersSchema = z.strictObject({
  real: z.number(),
  sham: z.number(),
  correct: z.number(),
  wrong: z.number(),
  shamAnsweredYes: z.number(),
});

export const siteAssessmentSchema = z.strictObject({
  key: text,
  path: text,
  name: text,
  state: z.enum(siteStates),
  reason: z.enum(notTestableReasons).nullable(),
  note: text.nullable(),
  answers: answersSchema.nullable(),
  explanation: text,
});
export type SiteAssessment = z.infer<typeof siteAssessmentSchema>;

export const footAssessmentSchema = z.strictObject({
  side: z.enum(sides),
  status: z.enum(footStatuses),
  statusReason: text.nullable(),
  role: z.enum(['examined', 'not_examined', 'absent']),
  notExaminedBecause: text.nullable(),
  /** Null for an absent foot (left out, not unknown). */
  lops: conclusionSchema.nullable(),
  pad: conclusionSchema.nullable(),
  monofilament: z.strictObject({
    protocol: z.enum(['iwgdf-3', '10-site']).nullable(),
    sites: z.array(siteAssessmentSchema),
  }),
  touchTest: z.strictObject({
    outcome: z.enum(['abnormal', 'normal', 'undecided', 'not_done']),
    sites: z.array(siteAssessmentSchema),
  }),
  vibration: z.strictObject({
    method: z.enum(['tuning-fork-128', 'vpt']).nullable(),
    state: z.enum(vibrationStates),
    atToe: z.boolean(),
    conflict: z.boolean(),
    answers: answersSchema.nullable(),
    findings: paths,
    explanation: text,
  }),
});
export type FootAssessment = z.infer<typeof footAssessmentSchema>;

export const riskFactorSchema = z.strictObject({
  id: z.enum(factIds),
  label: text,
  ...conclusionSchema.shape,
  perFoot: z.strictObject({ right: tri.optional(), left: tri.optional() }).nullable(),
});
export type RiskFactor = z.infer<typeof riskFactorSchema>;

const scoreItemSchema = z.strictObject({ item: text, paths, points: z.number().nullable(), recorded: text, missing: paths });
const footScoreSchema = z.strictObject({
  side: z.enum(sides),
  score: z.number().nullable(),
  items: z.array(scoreItemSchema),
  missingItems: paths,
});

export const mnsiSchema = z.strictObject({
  variant: z.enum(['original', 'with-monofilament']),
  name: text,
  max: z.number(),
  total: z.number().nullable(),
  abnormal: z.boolean().nullable(),
  cutOff: z.number().nullable(),
  perFoot: z.array(footScoreSchema),
  missingItems: paths,
  source: text,
});

export const ndsSchema = z.strictObject({
  name: text,
  max: z.number(),
  total: z.number().nullable(),
  band: z.enum(ndsBands).nullable(),
  perFoot: z.array(footScoreSchema),
  missingItems: paths,
  source: text,
});

export const warningSchema = z.strictObject({ id: z.enum(warningIds), message: text, findings: paths });
export type AssessmentWarning = z.infer<typeof warningSchema>;

export const otherCauseSchema = z.strictObject({ id: text, cause: text, why: text, source: text, findings: paths });

export const assessmentSchema = z.strictObject({
  engineVersion: text,
  examStatus: z.enum(examStatuses),
  examStatusReason: text.nullable(),
  lops: tri,
  pad: tri,
  /** Any of sudden onset, rapid spread, marked asymmetry, motor weakness (engine convention). */
  redFlag: z.boolean(),
  redFlags: z.strictObject({
    present: z.array(z.enum(redFlagIds)),
    notRecorded: z.array(z.enum(redFlagIds)),
    weightLoss: z.boolean(),
    findings: paths,
  }),
  iwgdf2023: iwgdfResultSchema,
  nice: niceResultSchema,
  /** The person-level facts the rule tables read, with their reasons. */
  riskFactors: z.array(riskFactorSchema),
  scores: z.strictObject({
    mnsiExam: mnsiSchema,
    mnsiExamWithMonofilament: mnsiSchema,
    nds: ndsSchema,
  }),
  warnings: z.array(warningSchema),
  perFoot: z.strictObject({ right: footAssessmentSchema, left: footAssessmentSchema }),
  otherCausesToConsider: z.array(otherCauseSchema),
  /**
   * When the next screen is due and which referrals are called for (decisions 6 and 10). Absent in
   * assessments signed before revision 2: read it with `followUpOf`, which derives it for them.
   */
  followUp: followUpSchema.optional(),
});
export type Assessment = z.infer<typeof assessmentSchema>;
