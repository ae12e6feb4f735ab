import * as z from 'zod';
import { fail, ok, type FieldIssue, type Result } from '../ipc/result';
import { describeIssues } from '../ipc/zodIssues';
import { findingsFormFields, historyFormFields } from './findingsForm';
import { amputationLevels, footFindingsInputSchema, footFindingsSchema } from './findingsFoot';

/**
 * Findings: the clinical content of one foot examination, schemaVersion 1. It accepts the
 * worked cases' `findings` objects (shared/clinical/fixtures) unchanged, plus optional items
 * (raw applications, VPT, Ipswich Touch Test, exam/foot status, score items, Doppler waveforms
 * and toe pressure).
 *
 * Objects are strict, so a misspelt key is an error rather than a silently ignored finding.
 * Anything optional that is left out means "not recorded": the engines treat it as unknown.
 *
 * `findingsSchema` reads stored records (every record that was ever valid still loads);
 * `findingsInputSchema` checks new input with the plausible measurement ranges (findingsFoot.ts).
 * Both give the same `Findings` type.
 */

export * from './findingsSensation';
export * from './findingsFoot';
export * from './findingsForm';

/**
 * Whether the examination took place. `declined` / `unsuitable` exams are assessed from what was
 * recorded without examination (history); the feet count as not examined (see docs/clinical-rules.md).
 */
export const examStatuses = ['performed', 'declined', 'unsuitable'] as const;
export type ExamStatus = (typeof examStatuses)[number];


export const historySchema = z.strictObject({
  previousUlcer: z.boolean().optional(),
  previousAmputation: z.enum(amputationLevels).optional(),
  endStageRenalDisease: z.boolean().optional(),
  onDialysis: z.boolean().optional(),
  /** A functioning kidney transplant counts as renal replacement therapy (NICE NG19). Only `true` adds information. */
  kidneyTransplant: z.boolean().optional(),
  /** For the vitamin B12 prompt (ADA: B12 in metformin users). Only `true` adds information. */
  onMetformin: z.boolean().optional(),
  ...historyFormFields,
});
export type History = z.infer<typeof historySchema>;

export const symptomsSchema = z.strictObject({
  neuropathic: z.boolean().optional(),
  claudication: z.boolean().optional(),
  restPain: z.boolean().optional(),
});
export type Symptoms = z.infer<typeof symptomsSchema>;

/** Red flags of an atypical neuropathy (medvellum.com; hospitalhandbook.ucsf.edu). */
export const redFlagsSchema = z.strictObject({
  suddenOnset: z.boolean().optional(),
  rapidSpread: z.boolean().optional(),
  markedAsymmetry: z.boolean().optional(),
  motorWeakness: z.boolean().optional(),
  /** Prompts malignancy / vasculitis; not part of `redFlag` (an app convention). */
  weightLoss: z.boolean().optional(),
});
export type RedFlags = z.infer<typeof redFlagsSchema>;

export const findingsSchema = z.strictObject({
  schemaVersion: z.literal(1),
  examStatus: z.enum(examStatuses).optional(),
  examStatusReason: z.string().max(500).optional(),
  history: historySchema.optional(),
  symptoms: symptomsSchema.optional(),
  redFlags: redFlagsSchema.optional(),
  ...findingsFormFields,
  feet: z.strictObject({
    left: footFindingsSchema,
    right: footFindingsSchema,
  }),
});
export type Findings = z.infer<typeof findingsSchema>;

/** New input (the screening, `npm run score`, signing): out-of-range measurements are refused. */
export const findingsInputSchema = findingsSchema.extend({
  feet: z.strictObject({
    left: footFindingsInputSchema,
    right: footFindingsInputSchema,
  }),
});

/** Short messages in the clinic's terms; the path tells where (e.g. `feet.left.abi: Expected number`). */
function messageFor(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? `Required: expected ${issue.expected}`
        : `Expected ${issue.expected}, received ${describeValue(issue.input)}`;
    case 'invalid_value': {
      const expected = issue.values.map((v) => JSON.stringify(v));
      const list = expected.length > 1 ? `one of ${expected.join(', ')}` : expected.join('');
      return issue.input === undefined ? `Required: expected ${list}` : `Expected ${list}`;
    }
    case 'unrecognized_keys':
      return 'Unknown field (check the spelling)';
    case 'too_small':
      return `Must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `Must be at most ${String(issue.maximum)}`;
    case 'invalid_format':
    case 'not_multiple_of':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
      // zod's own message says it well enough.
      return undefined;
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

type Issue = z.core.$ZodIssue;

/**
 * A union (e.g. a site that is a string or an object) reports one issue per alternative. Report
 * the alternative the input was evidently meant to be, with its own inner paths, e.g.
 * `...sites.hallux.applications.0.response`, and otherwise the union's own message.
 */
function flattenIssues(issues: readonly Issue[], prefix: readonly PropertyKey[]): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const branch = evidentBranch(issue.errors);
      if (branch) {
        out.push(...flattenIssues(branch, path));
        continue;
      }
    }
    if (issue.code === 'unrecognized_keys') {
      // One issue per unknown key, at the key's own path, so a form can point at it.
      for (const key of issue.keys) out.push({ path: [...path, key].map(String).join('.'), message: issue.message });
      continue;
    }
    out.push({ path: path.map(String).join('.'), message: issue.message });
  }
  return out;
}

/** The only alternative that failed below its root (the input had its shape), if there is one. */
function evidentBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  const shaped = branches.filter((b) => b.length > 0 && b.every((i) => i.path.length > 0));
  return shaped.length === 1 ? shaped[0] : undefined;
}

function parseWith(schema: typeof findingsSchema | typeof findingsInputSchema, input: unknown): Result<Findings> {
  const parsed = schema.safeParse(input, { error: messageFor });
  if (parsed.success) return ok(parsed.data);
  const issues = flattenIssues(parsed.error.issues, []);
  return fail('bad_request', `The findings are not valid: ${describeIssues(issues)}`, issues);
}

/** Validates new findings (plausible measurement ranges). Errors name the path of each problem. */
export function parseFindings(input: unknown): Result<Findings> {
  return parseWith(findingsInputSchema, input);
}

/** Validates a stored record with the limits it was accepted under, so old records still load. */
export function parseStoredFindings(input: unknown): Result<Findings> {
  return parseWith(findingsSchema, input);
}
