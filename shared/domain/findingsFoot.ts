import * as z from 'zod';
import { footFormFields, skinFormFields } from './findingsForm';
import {
  ankleReflexResults,
  monofilamentSchema,
  normalAbnormalResults,
  touchTestSchema,
  vibrationSchema,
} from './findingsSensation';

/**
 * Findings of one foot. Every item except `status` may be left out: a missing item means "not
 * recorded" and the engines treat it as unknown, never as normal.
 *
 * Two schemas share one shape. `footFindingsSchema` reads what is stored: it keeps the limits a
 * signed record was accepted under, so every record that was ever valid still loads (an ABI of 4
 * was accepted before the limits below). `footFindingsInputSchema` checks new input (the
 * screening, `npm run score`, signing) with the stricter, plausible ranges of `measurementLimits`.
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

/**
 * Doppler waveform at a pedal artery (app conventions, decision 9). Triphasic or biphasic makes
 * PAD less likely; monophasic or absent counts as PAD (IWGDF/ESVS/SVS 2023).
 */
export const waveformResults = ['triphasic', 'biphasic', 'monophasic', 'absent', 'not_tested'] as const;
export type WaveformResult = (typeof waveformResults)[number];

export const pedalWaveformsSchema = z.strictObject({
  dorsalisPedis: z.enum(waveformResults).optional(),
  posteriorTibial: z.enum(waveformResults).optional(),
});
export type PedalWaveforms = z.infer<typeof pedalWaveformsSchema>;

/** The pedal arteries, in the order a clinic records them. */
export const pedalArteries = ['dorsalisPedis', 'posteriorTibial'] as const;
export type PedalArtery = (typeof pedalArteries)[number];

/**
 * Plausible ranges for new input. A value outside them is a measuring or typing error, refused
 * with the field named: ABI above 0 and at most 3, TBI at most 1.5, toe pressure 0-300 mmHg.
 */
export const measurementLimits = {
  abi: { above: 0, max: 3, message: 'ABI must be above 0 and at most 3' },
  tbi: { min: 0, max: 1.5, message: 'TBI must be between 0 and 1.5' },
  toePressure: { min: 0, max: 300, message: 'Toe pressure must be between 0 and 300 mmHg' },
} as const;

/** Where on the foot a lesion is, in the clinic's words (e.g. "1st metatarsal head"). */
const siteList = z.array(z.string().trim().min(1).max(100)).max(20);

export const skinSchema = z.strictObject({
  activeUlcer: z.boolean().optional(),
  infection: z.boolean().optional(),
  gangrene: z.boolean().optional(),
  callus: z.boolean().optional(),
  fissures: z.boolean().optional(),
  /** Dry skin: part of the MNSI "appearance" item (MNSI). */
  dryness: z.boolean().optional(),
  callusSites: siteList.optional(),
  ulcerSites: siteList.optional(),
  fissureSites: siteList.optional(),
  ...skinFormFields,
});
export type Skin = z.infer<typeof skinSchema>;

export const deformitySchema = z.strictObject({
  present: z.boolean().optional(),
  types: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
});
export type Deformity = z.infer<typeof deformitySchema>;

const reason = z.string().max(500);

/** The limits stored records were accepted under (kept so they all still load). */
const storedAbi = z.number().min(0).max(5);
const storedTbi = z.number().min(0).max(3);
const storedToePressure = mmHg;

export const footFindingsSchema = z.strictObject({
  status: z.enum(footStatuses),
  statusReason: reason.optional(),
  monofilament: monofilamentSchema.optional(),
  vibration: vibrationSchema.optional(),
  touchTest: touchTestSchema.optional(),
  pulses: pedalPulsesSchema.optional(),
  /** Ankle-brachial index; null = not measured. */
  abi: storedAbi.nullable().optional(),
  /** Toe-brachial index; null = not measured. */
  tbi: storedTbi.nullable().optional(),
  /** Doppler waveform at each pedal artery (decision 9). */
  waveforms: pedalWaveformsSchema.optional(),
  /** Toe systolic pressure in mmHg (decision 9); null = not measured. Below 30 mmHg is PAD. */
  toePressure: storedToePressure.nullable().optional(),
  /**
   * Systolic pressures (mmHg) the indices were computed from, kept so the record shows them.
   * Supplementary (D11): the engines read `abi`, `tbi` and `toePressure`; a toe pressure recorded
   * here counts as well when it is lower (D15).
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
   * Hot, swollen (often red) foot. Treated as possible acute Charcot (iatrox.com; pulsetoday.co.uk).
   * Only a `true` adds information: leaving it out does not make the result incomplete.
   */
  hotSwollen: z.boolean().optional(),
  criticalIschaemia: z.boolean().optional(),
  ankleReflex: z.enum(ankleReflexResults).optional(),
  pinPrick: z.enum(normalAbnormalResults).optional(),
  temperature: z.enum(normalAbnormalResults).optional(),
  ...footFormFields,
});
export type FootFindings = z.infer<typeof footFindingsSchema>;

const { abi: abiLimits, tbi: tbiLimits, toePressure: toeLimits } = measurementLimits;

const toePressureInput = z.number().min(toeLimits.min, toeLimits.message).max(toeLimits.max, toeLimits.message);

/** One foot as new input: the same shape, with the plausible ranges of `measurementLimits`. */
export const footFindingsInputSchema = footFindingsSchema.extend({
  abi: z
    .number()
    .gt(abiLimits.above, abiLimits.message)
    .max(abiLimits.max, abiLimits.message)
    .nullable()
    .optional(),
  tbi: z.number().min(tbiLimits.min, tbiLimits.message).max(tbiLimits.max, tbiLimits.message).nullable().optional(),
  toePressure: toePressureInput.nullable().optional(),
  // The toe systolic pressure counts as the toe pressure when it is lower, so it has the same range.
  pressures: pressuresSchema.extend({ toe: toePressureInput.nullable().optional() }).optional(),
});
