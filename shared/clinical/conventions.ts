import { sources } from './sources';

/**
 * Where the app chose because the guidelines leave a case open.
 *
 * C1-C11 are decisions 1-11 of the app's conventions, revision 2: "where the evidence is
 * ambiguous, the answer is 'not decided yet' with what to record next, never the lower category".
 * D1-D15 are smaller decisions taken while building the engine where the conventions are silent;
 * they need clinical review. All are printed in docs/clinical-rules.md.
 *
 * Every result that depends on one of them names it (`conventions` of a reason), so a clinician
 * can see where the app chose. Ids are never removed or reused: signed assessments keep them.
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
  'C9',
  'C10',
  'C11',
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
  'D15',
] as const;
export type ConventionId = (typeof conventionIds)[number];

export interface Convention {
  id: ConventionId;
  title: string;
  text: string;
  source: string;
}

/** The revision of the app's conventions the engine follows. */
export const conventionsRevision = 2;

const decision = (n: number, changed: boolean): string =>
  `Decision ${n} of the app conventions (revision ${conventionsRevision}${changed ? ', changed in this revision' : ''})`;
const engine = 'Engine decision where the conventions are silent (for clinical review)';

export const conventions: Readonly<Record<ConventionId, Convention>> = {
  C1: {
    id: 'C1',
    title: 'Decision 1: risk factors combine per person; an absent foot is a major amputation',
    text: 'The worse side decides: LOPS on one foot and deformity on the other count as LOPS + deformity (IWGDF 2, NICE high). A foot recorded absent counts as a major amputation on that side whatever the history says; when the history says "none", the result warns that the record disagrees.',
    source: `${decision(1, true)}; ${sources.iwgdfTable}; ${sources.niceChart}`,
  },
  C2: {
    id: 'C2',
    title: 'Decision 2: any abnormal sensory test establishes LOPS; 1 of 6 Ipswich toes leaves it undecided',
    text: 'LOPS is established by an insensate monofilament site (one is enough), absent vibration with the 128 Hz fork, a vibration perception threshold of 25 V or more (the voltage decides), or the Ipswich Touch Test with 2 or more of the 6 toes insensate. "Reduced" vibration alone never decides either way. Exactly 1 of the 6 toes insensate (or a toe not tested that could make it 1) leaves LOPS undecided on that foot until the monofilament confirms it, so recording a toe as not felt can never lower a result.',
    source: `${decision(2, true)}; ${sources.monofilament}; ${sources.oneInsensateSite}; ${sources.tuningFork}; ${sources.vpt}; ${sources.ipswich}`,
  },
  C3: {
    id: 'C3',
    title: 'Decision 3: a single non-palpable pedal pulse',
    text: 'With no ABI or TBI it leaves PAD undecided, with the warning "measure ABI or TBI". An ABI of 0.9-1.3 or a TBI of 0.70 or more with that pulse gives PAD false.',
    source: `${decision(3, false)}; ${sources.pulses}; ${sources.abi}`,
  },
  C4: {
    id: 'C4',
    title: 'Decision 4: an ABI above 1.3 neither proves nor excludes PAD',
    text: 'Non-compressible arteries. With such an ABI, PAD is undecided, whatever the pulses, unless a TBI of 0.70 or more or a triphasic or biphasic Doppler waveform is recorded on that foot; the result asks for a TBI or Doppler waveforms. A sign of PAD (both pulses absent, an abnormal TBI or waveform, a low toe pressure) still establishes PAD.',
    source: `${decision(4, true)}; ${sources.nonCompressible}; ${sources.iwgdfPad}`,
  },
  C5: {
    id: 'C5',
    title: 'Decision 5: ulcer or amputation history, or ESRD, without LOPS or PAD',
    text: 'NICE counts previous ulcer, previous amputation and renal replacement therapy (dialysis or a kidney transplant) as high risk; ESRD without renal replacement therapy is not a NICE criterion (the result warns). IWGDF category 3 needs LOPS or PAD, so such a person is IWGDF 0 only when both are ruled out firmly on every foot present: LOPS by two normal modalities (every monofilament site felt, and a normal 128 Hz fork at the toe or a VPT below 25 V) and PAD by palpable pulses plus a normal index (ABI 0.9-1.3, TBI 0.70 or more, or a triphasic or biphasic waveform). Otherwise IWGDF is incomplete (0 or 3) with what to record. A 0 always carries the warning that the history calls for closer follow-up. Dialysis counts as ESRD for IWGDF.',
    source: `${decision(5, true)}; ${sources.iwgdfTable}; ${sources.niceChart}; ${sources.adaTwoTests}; ${sources.iwgdfPad}; ${sources.esrdStage5}`,
  },
  C6: {
    id: 'C6',
    title: 'Decision 6: incomplete, with a follow-up all the same',
    text: 'When unknown findings could change a category, that category is "incomplete", and the result lists the categories it could be and what to record to settle it; if every possibility gives the same category, that category is returned. An incomplete result still sets a follow-up: the shortest review interval among its possible categories, so nobody is left without a review date, and any referral one of its possible categories would require is offered with the reason.',
    source: `${decision(6, true)}; ${sources.iwgdfTable}; ${sources.niceIntervals}`,
  },
  C7: {
    id: 'C7',
    title: 'Decision 7: claudication or rest pain with palpable pulses',
    text: 'With no ABI, TBI or waveform, PAD is undecided (a palpable pulse does not exclude PAD), with "measure ABI/TBI". Rest pain also adds the warning "if the pain is ischaemic, arrange an urgent vascular assessment". Rest pain with absent pulses is critical ischaemia (active disease).',
    source: `${decision(7, true)}; ${sources.pulses}; ${sources.restPainIschaemia}`,
  },
  C8: {
    id: 'C8',
    title: 'Decision 8: fissures alone change no category',
    text: 'Fissures appear in the findings and the report but do not change a risk category.',
    source: `${decision(8, false)}; ${sources.iwgdfTable}; ${sources.niceChart}`,
  },
  C9: {
    id: 'C9',
    title: 'Decision 9: Doppler waveforms and toe pressure',
    text: 'Each foot may record the Doppler waveform at each pedal artery (triphasic, biphasic, monophasic, absent or not tested) and the toe pressure in mmHg. A monophasic or absent waveform is PAD. A toe pressure below 30 mmHg is PAD with the warning "urgent vascular assessment"; it is not by itself active disease. A TBI of 0.70-0.74 gives the warning "borderline TBI".',
    source: `${decision(9, false)}; ${sources.waveforms}; ${sources.toePressure}; ${sources.iwgdfPad}`,
  },
  C10: {
    id: 'C10',
    title: 'Decision 10: every category whose action is a referral produces one',
    text: 'NICE moderate risk ("foot protection service within 6-8 weeks") is a referral: the result says "referral warranted", with its urgency, and the referral letter is offered. Nothing says "not warranted" while the action asks for a referral. A red flag of an atypical neuropathy is a referral for medical review (GP or physician), not to the foot protection service.',
    source: `${decision(10, false)}; ${sources.referral}; ${sources.redFlagReview}`,
  },
  C11: {
    id: 'C11',
    title: 'Decision 11: what a patient is told matches the urgency',
    text: 'For limb- or life-threatening active disease the patient copy says first, in plain words, to go to the emergency department or call the emergency number now if they have a fever, feel unwell, or see spreading redness, swelling, pus, or a foot that turns cold, pale or black, and gives the clinic\'s own phone number. The app does this for every active foot problem, since any of them can become limb-threatening. Phone numbers come from the clinic; none is ever left as a blank line to fill in by hand.',
    source: `${decision(11, false)}; ${sources.patientAdvice}`,
  },
  D1: {
    id: 'D1',
    title: 'Felt / not felt from raw answers',
    text: 'A wrong answer is a real application answered "no" or a sham answered "yes". A site is decided once at least 2 real applications and 1 sham have been answered (the IWGDF procedure); before that it is pending (not tested yet). It is insensate when at least half of all its answers are wrong (with 3 answers: 2 of 3 wrong, as IWGDF), felt otherwise. Beyond 3 answers a tie counts as insensate, the safer error. The same rule decides the 128 Hz fork (insensate = vibration absent).',
    source: `${engine}; generalises ${sources.monofilament}`,
  },
  D2: {
    id: 'D2',
    title: 'Amputated sites are left out',
    text: 'A monofilament site or Ipswich toe recorded as not testable because of amputation cannot be insensate and can never be tested, so it is left out instead of keeping LOPS open. Other not-testable sites (ulcer, callus, scar, necrosis, dressing, other) leave LOPS open unless another test is abnormal.',
    source: `${engine}; IWGDF 2023 monofilament procedure (an amputated toe is recorded as not tested)`,
  },
  D3: {
    id: 'D3',
    title: 'What rules LOPS out on a foot',
    text: "No abnormal sensory test, and either every monofilament site of the protocol is felt (at least 3 sites for iwgdf-3, 10 for 10-site, fewer only by amputated sites) or the foot's Ipswich toes are all felt with no toe insensate on either foot. Normal or reduced vibration alone does not rule LOPS out. Ruling LOPS out firmly (decision 5) needs a normal fork or VPT as well.",
    source: `${engine}; ${sources.adaTwoTests}`,
  },
  D4: {
    id: 'D4',
    title: 'Ipswich Touch Test counted over both feet',
    text: 'The 6 toes of both feet are counted together: 2 or more insensate is abnormal, and LOPS is recorded on each foot with an insensate toe. Toes not tested (other than amputated) count as possibly insensate until tested.',
    source: `${engine}; ${sources.ipswich}`,
  },
  D5: {
    id: 'D5',
    title: 'Vibration recorded at a proximal site',
    text: 'The fork is moved up (malleolus, tibial tuberosity) only when not felt at the toe, so "absent" proximally counts as absent at the toe; "normal" or "reduced" proximally does not decide LOPS.',
    source: `${engine}; ${sources.tuningFork} (retest more proximally if not felt at the toe)`,
  },
  D6: {
    id: 'D6',
    title: 'Dialysis and renal replacement therapy',
    text: 'Being on dialysis is end-stage renal disease (an IWGDF 3 criterion) even if ESRD is not ticked (a warning asks to correct the record). NICE "renal replacement therapy" is dialysis or a kidney transplant.',
    source: `${engine}; ${sources.esrdStage5}; ${sources.niceChart}`,
  },
  D7: {
    id: 'D7',
    title: 'A normal TBI settles a single non-palpable pulse',
    text: 'A TBI of 0.70 or more with one non-palpable pulse gives PAD false, like an ABI of 0.9-1.3 (decision 3), since decision 3 asks to "measure ABI or TBI".',
    source: `${engine}; extends decision 3; ${sources.iwgdfPad}`,
  },
  D8: {
    id: 'D8',
    title: 'Feet not examined (declined or unsuitable)',
    text: 'A foot whose examination was declined or unsuitable, or every foot of a declined or unsuitable exam, still exists and can be at risk: it is not excluded like an absent foot. Its examination results count as not recorded (so the category is usually incomplete), history still counts, and recorded signs of active foot disease always count.',
    source: `${engine} (a declined exam is handled as incomplete, with its reason)`,
  },
  D9: {
    id: 'D9',
    title: 'Rest pain with PAD is critical ischaemia',
    text: 'Ischaemic rest pain with PAD shown by any sign (both pulses absent, ABI below 0.9, TBI below 0.70, an abnormal waveform, a low toe pressure) is treated as critical limb-threatening ischaemia (active disease), not only with absent pulses.',
    source: `${engine}; extends decision 7; ${sources.restPainIschaemia}`,
  },
  D10: {
    id: 'D10',
    title: 'Listed lesions and deformities count',
    text: 'A deformity type, callus site or ulcer site that is listed counts as present even if its yes/no item says no; a warning asks to correct the record.',
    source: `${engine} (the safer reading of a contradictory record)`,
  },
  D11: {
    id: 'D11',
    title: 'Supplementary items only add information',
    text: 'hotSwollen, kidneyTransplant, onMetformin, weightLoss, a foot-level amputation and the pressures behind the indices are not part of the core record: a "yes" (or a low pressure) counts, leaving them out does not make a result incomplete.',
    source: engine,
  },
  D12: {
    id: 'D12',
    title: 'Fork result and raw answers both recorded',
    text: 'When a 128 Hz fork has both a recorded result and raw answers, the more abnormal of the two decides, with a warning if they contradict each other.',
    source: engine,
  },
  D13: {
    id: 'D13',
    title: 'No foot present',
    text: 'When both feet are absent there is no foot to screen: LOPS and PAD are "no" (nothing to evaluate), the categories follow from the history (each absent foot counting as a major amputation, decision 1), and a warning says so.',
    source: `${engine}; absent feet are excluded from LOPS and PAD`,
  },
  D14: {
    id: 'D14',
    title: 'Every unrecorded input is weighed',
    text: 'Incompleteness (decision 6) is decided over every input a rule set uses that is not recorded: LOPS and PAD, and also deformity, callus, history, renal status, rest pain and signs of active disease.',
    source: `${engine}; extends decision 6`,
  },
  D15: {
    id: 'D15',
    title: 'Two toe pressures: the lower counts',
    text: 'A toe pressure can be recorded as `toePressure` and as the toe pressure behind the TBI (`pressures.toe`). When both are recorded the lower one counts, and a warning asks to check the record if they differ.',
    source: `${engine}; extends decision 9 (the safer reading)`,
  },
};
