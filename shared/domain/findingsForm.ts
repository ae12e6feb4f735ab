import * as z from 'zod';

/**
 * The rest of a paper diabetic foot screening form: items national and clinic forms record that
 * the risk engines do not score (NHS and Scottish screening forms, IWGDF 2023 "what to examine").
 * They are recorded, shown, printed and exported; none of them changes a risk category. Every
 * item is optional: left out means "not recorded", never "normal".
 */

const note = (max: number) => z.string().trim().max(max);

/** Nails of one foot. */
export const nailsSchema = z.strictObject({
  thickened: z.boolean().optional(),
  ingrown: z.boolean().optional(),
  /** Fungal infection (onychomycosis) suspected. */
  fungal: z.boolean().optional(),
  note: note(200).optional(),
});
export type Nails = z.infer<typeof nailsSchema>;

/** Colour of the foot as seen: red (inflammation, Charcot, infection), pale or cyanosed (ischaemia), black (necrosis). */
export const footColours = ['normal', 'red', 'pale', 'cyanosed', 'black'] as const;
export type FootColour = (typeof footColours)[number];

/** Temperature of the foot to the back of the hand, compared with the other foot. */
export const footWarmths = ['normal', 'warm', 'cold'] as const;
export type FootWarmth = (typeof footWarmths)[number];

/** Per-foot items added to a foot's findings (see footFindingsSchema). */
export const footFormFields = {
  nails: nailsSchema.optional(),
  colour: z.enum(footColours).optional(),
  warmth: z.enum(footWarmths).optional(),
  oedema: z.boolean().optional(),
};

/** Per-foot skin items added to the skin findings (see skinSchema). */
export const skinFormFields = {
  /** Maceration or broken skin between the toes (interdigital). */
  interdigitalMaceration: z.boolean().optional(),
  /** A pre-ulcerative lesion: blister, haemorrhage under callus, a deep fissure. */
  preUlcerativeLesion: z.boolean().optional(),
  /** The nurse's words for an ulcer: where, how large, how deep, what it looks like. */
  ulcerDescription: note(1000).optional(),
};

export const footwearAssessments = ['appropriate', 'inappropriate'] as const;
export type FootwearAssessment = (typeof footwearAssessments)[number];

export const footwearSchema = z.strictObject({
  assessment: z.enum(footwearAssessments).optional(),
  note: note(300).optional(),
});
export type Footwear = z.infer<typeof footwearSchema>;

export const selfCareAbilities = ['independent', 'needs_help', 'unable'] as const;
export type SelfCareAbility = (typeof selfCareAbilities)[number];

/** What the patient can do for their own feet, and what makes it harder. */
export const selfCareSchema = z.strictObject({
  ability: z.enum(selfCareAbilities).optional(),
  canCutOwnNails: z.boolean().optional(),
  /** Impaired vision (cannot see the soles of the feet). */
  impairedVision: z.boolean().optional(),
  livesAlone: z.boolean().optional(),
});
export type SelfCare = z.infer<typeof selfCareSchema>;

export const smokingStatuses = ['never', 'former', 'current'] as const;
export type SmokingStatus = (typeof smokingStatuses)[number];

export const ulcerSides = ['right', 'left', 'both'] as const;
export type UlcerSide = (typeof ulcerSides)[number];

/** A year, or a year and month: when a previous ulcer happened is rarely known to the day. */
export const approximateDateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'Enter a year (2019) or a year and month (2019-05)');

/** History items added to the history findings (see historySchema). */
export const historyFormFields = {
  previousUlcerSide: z.enum(ulcerSides).optional(),
  previousUlcerDate: approximateDateSchema.optional(),
  /** Under a vascular clinic now. */
  underVascularClinic: z.boolean().optional(),
  /** Previous vascular surgery or angioplasty to the legs. */
  previousVascularIntervention: z.boolean().optional(),
  smoking: z.enum(smokingStatuses).optional(),
};

/** The outcome block of the form: what was done and said at this visit. */
export const outcomeSchema = z.strictObject({
  comment: note(2000).optional(),
  actionTaken: note(2000).optional(),
  /** Foot care education given in words. */
  educationVerbal: z.boolean().optional(),
  /** A written leaflet given (matched to the risk, in the patient's language where available). */
  leafletGiven: z.boolean().optional(),
  /** Told whom to call, and when to go to the emergency department. */
  emergencyContactsGiven: z.boolean().optional(),
});
export type Outcome = z.infer<typeof outcomeSchema>;

/**
 * The 15 questions of the Michigan Neuropathy Screening Instrument's patient history
 * questionnaire, answered yes (true) or no (false). Scored as published: 1 point for yes on
 * questions 1-3, 5, 6, 8, 9, 11, 12, 14 and 15 and for no on 7 and 13; 4 and 10 are not scored.
 */
export const mnsiQuestionKeys = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'q10', 'q11', 'q12', 'q13', 'q14', 'q15'] as const;
export type MnsiQuestionKey = (typeof mnsiQuestionKeys)[number];
export const mnsiQuestionnaireSchema = z.strictObject(
  Object.fromEntries(mnsiQuestionKeys.map((k) => [k, z.boolean().optional()])) as Record<MnsiQuestionKey, z.ZodOptional<z.ZodBoolean>>,
);
export type MnsiQuestionnaire = z.infer<typeof mnsiQuestionnaireSchema>;

/** Person-level items added to the findings (see findingsSchema). */
export const findingsFormFields = {
  footwear: footwearSchema.optional(),
  selfCare: selfCareSchema.optional(),
  outcome: outcomeSchema.optional(),
  mnsiQuestionnaire: mnsiQuestionnaireSchema.optional(),
};
