import * as z from 'zod';

/**
 * Sensory test findings of one foot: 10 g monofilament sites, 128 Hz tuning fork or vibration
 * perception threshold (VPT), and the Ipswich Touch Test. What is recorded here is what the nurse
 * saw; felt / not felt from raw answers is derived by shared/clinical/siteDerivation, never stored.
 */

/**
 * Monofilament site keys the app knows (IWGDF 2023; 10-site map). `iwgdf-3` uses three of them
 * (the vignettes use hallux, mth1, mth5; mth3 is accepted too); `10-site` uses all ten.
 */
export const monofilamentSiteKeys = [
  'hallux',
  'toe3',
  'toe5',
  'mth1',
  'mth3',
  'mth5',
  'medialMidfoot',
  'lateralMidfoot',
  'heel',
  'dorsum',
] as const;
export type MonofilamentSiteKey = (typeof monofilamentSiteKeys)[number];

/** Ipswich Touch Test: tips of the 1st, 3rd and 5th toes (Rayman 2011). */
export const touchTestSiteKeys = ['toe1', 'toe3', 'toe5'] as const;
export type TouchTestSiteKey = (typeof touchTestSiteKeys)[number];

export const monofilamentProtocols = ['iwgdf-3', '10-site'] as const;
export type MonofilamentProtocol = (typeof monofilamentProtocols)[number];

export const siteResults = ['felt', 'not_felt', 'not_tested'] as const;
export type SiteResult = (typeof siteResults)[number];

/**
 * Why a site could not be tested. IWGDF 2023: never on an ulcer, callus, scar or necrotic tissue;
 * an amputated toe is recorded as not tested.
 */
export const notTestableReasons = ['ulcer', 'callus', 'scar', 'necrosis', 'amputation', 'dressing', 'other'] as const;
export type NotTestableReason = (typeof notTestableReasons)[number];

/** One "Felt it?" question: a real touch or a sham (no touch), and what the patient answered. */
export const applicationSchema = z.strictObject({
  sham: z.boolean(),
  response: z.enum(['yes', 'no']),
});
export type Application = z.infer<typeof applicationSchema>;

/** A site that could not be tested, with the reason (and an optional free-text note). */
export const notTestableSiteSchema = z.strictObject({
  result: z.literal('not_tested'),
  reason: z.enum(notTestableReasons),
  note: z.string().max(500).optional(),
});
export type NotTestableSite = z.infer<typeof notTestableSiteSchema>;

/** The raw answers at one site, sham applications included, in the order they were asked. */
export const siteApplicationsSchema = z.strictObject({
  applications: z.array(applicationSchema).max(30),
});
export type SiteApplications = z.infer<typeof siteApplicationsSchema>;

const siteValueMessage =
  'Expected "felt", "not_felt", "not_tested", { "applications": [...] } or { "result": "not_tested", "reason": ... }';

export const monofilamentSiteValueSchema = z.union(
  [z.enum(siteResults), siteApplicationsSchema, notTestableSiteSchema],
  { error: siteValueMessage },
);
export type MonofilamentSiteValue = z.infer<typeof monofilamentSiteValueSchema>;

const site = monofilamentSiteValueSchema.optional();
export const monofilamentSitesSchema = z.strictObject({
  hallux: site,
  toe3: site,
  toe5: site,
  mth1: site,
  mth3: site,
  mth5: site,
  medialMidfoot: site,
  lateralMidfoot: site,
  heel: site,
  dorsum: site,
});
export type MonofilamentSites = z.infer<typeof monofilamentSitesSchema>;

export const monofilamentSchema = z.strictObject({
  protocol: z.enum(monofilamentProtocols),
  sites: monofilamentSitesSchema,
});
export type Monofilament = z.infer<typeof monofilamentSchema>;

export const vibrationResults = ['normal', 'reduced', 'absent', 'not_tested'] as const;
export type VibrationResult = (typeof vibrationResults)[number];

/** Where the fork was placed: the hallux first, more proximal only if not felt at the toe. */
export const tuningForkSites = ['hallux', 'other-toe', 'malleolus', 'tibial-tuberosity'] as const;
export type TuningForkSite = (typeof tuningForkSites)[number];

export const tuningForkSchema = z.strictObject({
  method: z.literal('tuning-fork-128'),
  result: z.enum(vibrationResults).optional(),
  applications: z.array(applicationSchema).max(30).optional(),
  site: z.enum(tuningForkSites).optional(),
});
export type TuningForkVibration = z.infer<typeof tuningForkSchema>;

/** Biothesiometer / neurothesiometer: the voltage decides (>= 25 V abnormal), `result` is optional. */
export const vptSchema = z.strictObject({
  method: z.literal('vpt'),
  voltage: z.number().min(0).max(100).nullable(),
  result: z.enum(vibrationResults).optional(),
});
export type VptVibration = z.infer<typeof vptSchema>;

export const vibrationSchema = z.discriminatedUnion('method', [tuningForkSchema, vptSchema], {
  error: 'Expected "method": "tuning-fork-128" or "vpt"',
});
export type Vibration = z.infer<typeof vibrationSchema>;

const touchValueMessage = 'Expected "felt", "not_felt", "not_tested" or { "result": "not_tested", "reason": ... }';
export const touchTestSiteValueSchema = z.union([z.enum(siteResults), notTestableSiteSchema], {
  error: touchValueMessage,
});
export type TouchTestSiteValue = z.infer<typeof touchTestSiteValueSchema>;

/** Ipswich Touch Test of one foot (reference conventions, decision 2). */
export const touchTestSchema = z.strictObject({
  protocol: z.literal('ipswich'),
  sites: z.strictObject({
    toe1: touchTestSiteValueSchema.optional(),
    toe3: touchTestSiteValueSchema.optional(),
    toe5: touchTestSiteValueSchema.optional(),
  }),
});
export type TouchTest = z.infer<typeof touchTestSchema>;

/** Other bedside items used by the neuropathy scores (MNSI, NDS). */
export const ankleReflexResults = ['present', 'reinforcement', 'absent', 'not_tested'] as const;
export type AnkleReflex = (typeof ankleReflexResults)[number];

export const normalAbnormalResults = ['normal', 'abnormal', 'not_tested'] as const;
export type NormalAbnormal = (typeof normalAbnormalResults)[number];
