/**
 * Citations used by the rule tables, as given in reference.md (which names where each was seen).
 * Kept in one place so every rule cites a source in the same words.
 */
export const sources = {
  iwgdfTable:
    'IWGDF 2023 risk stratification (Bus et al. 2023; IWGDF Practical Guidelines 2023), table at guidelinecentral.com/guideline/25084; reference section a',
  iwgdfActive:
    'Reference section a: active foot disease (ulcer, infection, gangrene, acute Charcot, CLTI) needs urgent referral and treatment, not a category; engine returns "urgent" (IWGDF wording unverified)',
  iwgdfExtendedScreen: 'IWGDF 2023 (guidelinecentral.com/guideline/25084): extended screen when LOPS or PAD is present',
  niceChart:
    'NICE NG19 risk chart as reproduced by NHS England (diabetesframe.org/nhs-england/04-the-procedure-nhs-england-2/identifying-risk/); reference section b',
  niceActive:
    'NICE NG19 active diabetic foot problem (gpnotebook.com referral criteria; iatrox.com NG19 summary; NG19 1.3.6 wording unverified); reference section b',
  niceIntervals: 'improvingdiabeticfootcare.com/protocols-and-pathways; referral: gpnotebook.com; reference section b',
  hotSwollenFoot: 'Reference section f: a hot, swollen foot in a neuropathic foot is acute Charcot until proven otherwise (iatrox.com; pulsetoday.co.uk)',
  restPainIschaemia:
    'Convention C7 (rest pain with absent pulses is critical ischaemia); reference section d (CLTI signs: rest pain, tissue loss, gangrene; belupoint.hr; iatrox.com)',
} as const;
