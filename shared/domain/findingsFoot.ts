import { z } from 'zod';
import { ankleReflexResults, monofilamentSchema, normalAbnormalResults, touchTestSchema, vibrationSchema } from './findingsSensation';

/**
 * Findings of one foot. Every item except `status` may be left out: a
 * missing item means "not recorded" and the engines treat it as unknown, never as normal.
 */

/**
 * `absent`: major amputation or congenital absence; the foot is not evaluated.
 * `declined` / `unsuitable`: the foot exists but was not examined (patient declined, or e.g. a cast).
 */
export const footStatuses = ['present', 'absent', 'declined', 'unsuitable'] as const;
export type FootStatus = (typeof footStatuses)[number];

export const sides = ['right', 'left'] as const;
export type Side = (typeof sides)[number];

export const amputationLevels = ['none', 'minor', 'major'] as const;
export type AmputationLevel = (typeof amputationLevels)[number];

/** A systolic pressure in mmHg. */
const mmHg = z.number().min(0).max(400);

export const pressuresSchema = z.strictObject({
  ankle: mmHg.nullable().optional(),
  brachial: mmHg.nullable().optional(),
  toe: mmHg.nullable().optional(),
});
export type Pressures = z.infer<typeof pressuresSchema>;

export const pulseResults = ['palpable', 'not_palpable', 'not_tested'] as const;
export type PulseResult = (typeof pulseResults)[number];

export const pedalPulsesSchema = z.strictObject({
  dorsalisPedis: z.enum(pulseResults).optional(),
  posteriorTibial: z.enum(pulseResults).optional(),
});
export type PedalPulses = z.infer<typeof pedalPulsesSchema>;

/** Where on the foot a lesion is, in the clinic's words (e.g. "1st metatarsal head"). */
const siteList = z.array(z.string().trim().min(1).max(100)).max(20);

export const skinSchema = z.strictObject({
  activeUlcer: z.boolean().optional(),
  infection: z.boolean().optional(),
  gangrene: z.boolean().optional(),
  callus: z.boolean().optional(),
  fissures: z.boolean().optional(),
  /** Dry skin: part of the MNSI examination's "appearance" item. */
  dryness: z.boolean().optional(),
  callusSites: siteList.optional(),
  ulcerSites: siteList.optional(),
  fissureSites: siteList.optional(),
});
export type Skin = z.infer<typeof skinSchema>;

export const deformitySchema = z.strictObject({
  present: z.boolean().optional(),
  types: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
});
export type Deformity = z.infer<typeof deformitySchema>;

const reason = z.string().max(500);

export const footFindingsSchema = z.strictObject({
  status: z.enum(footStatuses),
  statusReason: reason.optional(),
  monofilament: monofilamentSchema.optional(),
  vibration: vibrationSchema.optional(),
  touchTest: touchTestSchema.optional(),
  pulses: pedalPulsesSchema.optional(),
  /** Ankle-brachial index; null = not measured. */
  abi: z.number().min(0).max(5).nullable().optional(),
  /** Toe-brachial index; null = not measured. */
  tbi: z.number().min(0).max(3).nullable().optional(),
  /**
   * Systolic pressures (mmHg) the indices were computed from, kept so the record shows them.
   * Supplementary (D11): the engines read `abi` and `tbi`.
   */
  pressures: pressuresSchema.optional(),
  /**
   * Amputation on this side, for the record and the diagram; `history.previousAmputation` is the
   * person-level value the engines read (the worse side). Supplementary (D11).
   */
  previousAmputation: z.enum(amputationLevels).optional(),
  skin: skinSchema.optional(),
  deformity: deformitySchema.optional(),
  activeCharcot: z.boolean().optional(),
  /**
   * Hot, swollen (often red) foot. Treated as possible acute Charcot until proven otherwise.
   * Only a `true` adds information: leaving it out does not make the result incomplete.
   */
  hotSwollen: z.boolean().optional(),
  criticalIschaemia: z.boolean().optional(),
  ankleReflex: z.enum(ankleReflexResults).optional(),
  pinPrick: z.enum(normalAbnormalResults).optional(),
  temperature: z.enum(normalAbnormalResults).optional(),
});
export type FootFindings = z.infer<typeof footFindingsSchema>;
