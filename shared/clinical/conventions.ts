/**
 * Where the app chose because the guidelines leave a case open. C1-C8 are the reference's
 * "Decisions for cases the guidelines leave open" (reference.md, end). D1-D14 are decisions made
 * while building this engine where the reference is silent; each is listed in
 * docs/clinical-rules.md and flagged for clinical review.
 *
 * Every result that depends on one of them names it (`conventions` of a reason), so a clinician
 * can see where the app chose.
 */

export const conventionIds = [
  'C1',
  'C2',
  'C3',
  'C4',
  'C5',
  'C6',
  'C7',
  'C8',
  'D1',
  'D2',
  'D3',
  'D4',
  'D5',
  'D6',
  'D7',
  'D8',
  'D9',
  'D10',
  'D11',
  'D12',
  'D13',
  'D14',
] as const;
export type ConventionId = (typeof conventionIds)[number];

export interface Convention {
  id: ConventionId;
  title: string;
  text: string;
  source: string;
}

const referenceSource = 'App decision for a case the guidelines leave open';
const engineSource = 'Engine decision where the reference is silent (for clinical review)';

export const conventions: Readonly<Record<ConventionId, Convention>> = {
  C1: {
    id: 'C1',
    title: 'Risk factors combine per person',
    text: 'The worse side decides: LOPS on one foot and deformity on the other count as LOPS + deformity (IWGDF 2, NICE high). Safer than pairing per foot.',
    source: `${referenceSource}`,
  },
  C2: {
    id: 'C2',
    title: 'Any abnormal sensory test establishes LOPS',
    text: 'An insensate monofilament site (one is enough), absent vibration with the 128 Hz fork, a vibration perception threshold of 25 V or more, or the Ipswich Touch Test with 2 or more of the 6 toes insensate. "Reduced" vibration alone never decides either way.',
    source: `${referenceSource}; reference section c (>=1 insensate site is an app convention, unverified as an IWGDF rule)`,
  },
  C3: {
    id: 'C3',
    title: 'A single non-palpable pedal pulse',
    text: 'With no ABI/TBI it leaves PAD unknown, with the warning "measure ABI or TBI". An ABI of 0.9-1.3 with that pulse gives PAD false.',
    source: `${referenceSource}`,
  },
  C4: {
    id: 'C4',
    title: 'ABI above 1.3 is unreliable',
    text: 'Non-compressible arteries: it neither proves nor excludes PAD. With all pulses palpable PAD is false, with a warning to consider TBI.',
    source: `${referenceSource}; Suominen 2008 (EJVES 35:709)`,
  },
  C5: {
    id: 'C5',
    title: 'History or ESRD without LOPS or PAD',
    text: 'History of ulcer or amputation, or ESRD, without LOPS or PAD: IWGDF category 0 as written, with a warning that the history calls for closer follow-up. NICE counts ulcer or amputation history and renal replacement therapy (high); ESRD without dialysis or a transplant is not a NICE risk factor (reference section b, vignette V19), so the app does not read "NICE counts it" as covering it.',
    source: `${referenceSource}`,
  },
  C6: {
    id: 'C6',
    title: 'Incomplete',
    text: 'When unknown findings could change a category, that category is "incomplete", and the result lists the categories it could be and what to record to settle it. If every possibility gives the same category, that category is returned.',
    source: `${referenceSource}; engine convention: unknown findings are weighed, never read as normal`,
  },
  C7: {
    id: 'C7',
    title: 'Claudication or rest pain with palpable pulses and no index',
    text: 'PAD stays false by the pulses, with a warning to measure ABI/TBI. Rest pain with absent pulses is critical ischaemia (active).',
    source: `${referenceSource}`,
  },
  C8: {
    id: 'C8',
    title: 'Fissures alone change no category',
    text: 'Fissures appear in the findings and the report but do not change a risk category.',
    source: `${referenceSource}`,
  },
  D1: {
    id: 'D1',
    title: 'Felt / not felt from raw answers',
    text: 'A wrong answer is a real application answered "no" or a sham answered "yes". A site is decided once at least 2 real applications and 1 sham have been answered (the IWGDF procedure); before that it is pending (not tested yet). It is insensate when at least half of all its answers are wrong (with 3 answers: 2 of 3 wrong, as IWGDF), felt otherwise. Beyond 3 answers a tie counts as insensate, the safer error. The same rule decides the 128 Hz fork (insensate = vibration absent).',
    source: `${engineSource}; generalises reference section c (2 of 3 wrong = insensate)`,
  },
  D2: {
    id: 'D2',
    title: 'Amputated sites are left out',
    text: 'A monofilament site or Ipswich toe recorded as not testable because of amputation cannot be insensate and can never be tested, so it is left out instead of keeping LOPS open. Other not-testable sites (ulcer, callus, scar, necrosis, dressing, other) leave LOPS open unless another test is abnormal.',
    source: `${engineSource}; reference section c (amputated toe recorded as not tested)`,
  },
  D3: {
    id: 'D3',
    title: 'What rules LOPS out on a foot',
    text: "No abnormal sensory test, and either every monofilament site of the protocol is felt (at least 3 sites for iwgdf-3, 10 for 10-site, fewer only by amputated sites) or the foot's Ipswich toes are all felt. Normal or reduced vibration alone does not rule LOPS out.",
    source: `${engineSource}; engine convention ("false if all recorded sites are felt"); ADA (>=2 normal tests rule LOPS out)`,
  },
  D4: {
    id: 'D4',
    title: 'Ipswich Touch Test counted over both feet',
    text: 'The 6 toes of both feet are counted together (>=2 insensate = abnormal). When abnormal, LOPS is recorded on each foot with an insensate toe. Toes not tested (other than amputated) count as possibly insensate until tested.',
    source: `${engineSource}; reference section c (Ipswich: >=2 of 6 insensate)`,
  },
  D5: {
    id: 'D5',
    title: 'Vibration recorded at a proximal site',
    text: 'The fork is moved up (malleolus, tibial tuberosity) only when not felt at the toe, so "absent" proximally counts as absent at the toe; "normal" or "reduced" proximally does not decide LOPS.',
    source: `${engineSource}; reference section c (retest more proximally if not felt at the toe)`,
  },
  D6: {
    id: 'D6',
    title: 'Dialysis and renal replacement therapy',
    text: 'Being on dialysis is end-stage renal disease (IWGDF 3 criterion) even if ESRD is not ticked (a warning asks to correct the record). NICE "renal replacement therapy" is dialysis or a kidney transplant.',
    source: `${engineSource}; reference sections a and b`,
  },
  D7: {
    id: 'D7',
    title: 'A normal TBI settles a single non-palpable pulse',
    text: 'A TBI of 0.7 or more with one non-palpable pulse gives PAD false, like an ABI of 0.9-1.3 (C3), since C3 asks to "measure ABI or TBI".',
    source: `${engineSource}; extends convention C3; TBI threshold 0.7 is unverified (reference section d)`,
  },
  D8: {
    id: 'D8',
    title: 'Feet not examined (declined or unsuitable)',
    text: 'A foot whose examination was declined or unsuitable, or every foot of a declined or unsuitable exam, still exists and can be at risk: it is not excluded like an absent foot. Its examination results count as not recorded (so the category is usually incomplete), history still counts, and recorded signs of active foot disease always count.',
    source: `${engineSource}; app convention (declined exams handled as incomplete with a reason)`,
  },
  D9: {
    id: 'D9',
    title: 'Rest pain with PAD is critical ischaemia',
    text: 'Ischaemic rest pain with PAD shown by any sign (both pulses absent, ABI < 0.9, TBI < 0.7) is treated as critical limb-threatening ischaemia (active disease), not only with absent pulses.',
    source: `${engineSource}; extends convention C7 with reference section d (CLTI signs: rest pain, tissue loss, gangrene)`,
  },
  D10: {
    id: 'D10',
    title: 'Listed lesions and deformities count',
    text: 'A deformity type, callus site or ulcer site that is listed counts as present even if its yes/no item says no; a warning asks to correct the record.',
    source: `${engineSource} (safer reading of a contradictory record)`,
  },
  D11: {
    id: 'D11',
    title: 'Supplementary items only add information',
    text: 'hotSwollen, kidneyTransplant, onMetformin and weightLoss are not part of the core record: a "yes" counts, leaving them out does not make a result incomplete.',
    source: `${engineSource}`,
  },
  D12: {
    id: 'D12',
    title: 'Fork result and raw answers both recorded',
    text: 'When a 128 Hz fork has both a recorded result and raw answers, the more abnormal of the two decides, with a warning if they contradict each other.',
    source: `${engineSource}`,
  },
  D13: {
    id: 'D13',
    title: 'No foot present',
    text: 'When both feet are absent there is nothing to screen: LOPS and PAD are "no" (nothing to evaluate), the categories follow from history only, and a warning says so.',
    source: `${engineSource}; engine convention (absent feet are excluded)`,
  },
  D14: {
    id: 'D14',
    title: 'Every unrecorded input is weighed',
    text: 'Incompleteness (C6) is decided over every input a rule set uses that is not recorded: LOPS and PAD, and also deformity, callus, history, renal status, rest pain and signs of active disease.',
    source: `${engineSource}; app convention`,
  },
};
