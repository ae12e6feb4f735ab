/**
 * The published sources the rules rest on, in one place so every rule, decision and warning cites
 * a source in the same words. Where the app saw a guideline through a secondary page, the page is
 * named; "not verified" marks what was not seen in the guideline itself.
 */
export const sources = {
  iwgdfTable:
    'IWGDF 2023 risk stratification (Bus et al. 2023; IWGDF Practical Guidelines 2023), table as given by guidelinecentral.com/guideline/25084 and World J Diabetes 2022 (wjgnet.com/1948-9358/tables/v13/i1/27.htm); the screening intervals are expert opinion',
  iwgdfActive:
    'IWGDF 2023: the risk categories are for prevention; active foot disease (ulcer, infection, gangrene, acute Charcot foot, chronic limb-threatening ischaemia) needs urgent referral and treatment, not a category (IWGDF wording not verified)',
  iwgdfExtendedScreen:
    'IWGDF 2023 (guidelinecentral.com/guideline/25084): with LOPS or PAD, also screen for ulcer or amputation history, ESRD, deformity, limited joint mobility, excess callus and pre-ulcerative lesions',
  niceChart:
    'NICE NG19 Diabetic foot problems (2015, risk recommendations reviewed 2023 without change; medscape.co.uk summary), risk chart as reproduced by NHS England (diabetesframe.org/nhs-england/04-the-procedure-nhs-england-2/identifying-risk/)',
  niceActive:
    'NICE NG19 active diabetic foot problem, as listed by gpnotebook.com (referral criteria from primary care) and iatrox.com (NG19 summary); the wording of NG19 1.3.6 not verified',
  niceIntervals:
    'NICE NG19 review and referral times: improvingdiabeticfootcare.com (protocols and pathways); gpnotebook.com (referral criteria from primary care)',
  hotSwollenFoot:
    'A hot, swollen foot in a person with neuropathy is acute Charcot foot until proven otherwise: offload and refer urgently (iatrox.com; pulsetoday.co.uk)',
  restPainIschaemia:
    'Chronic limb-threatening ischaemia shows as rest pain, ulceration or tissue loss, or gangrene (belupoint.hr; iatrox.com)',
  monofilament:
    'IWGDF 2023 10 g monofilament procedure (reproduced at dmdisease.com/10g-5-07-semmes-weinstein-monofilament); Diabetes Canada 2015, appendix 12: a site is insensate with 2 of 3 answers wrong',
  oneInsensateSite:
    'One insensate site counting as LOPS is common practice (e.g. PMC7950904: abnormal if 2 applications at a single site are not felt); not verified as an IWGDF rule',
  tuningFork: 'IWGDF 2023 128 Hz tuning fork procedure (dmdisease.com/vibration-using-128-hz-tuning-fork): abnormal with 2 of 3 answers wrong',
  vpt: 'Vibration perception threshold of 25 V or more at the hallux is abnormal (PMC7950904)',
  ipswich: 'Ipswich Touch Test (Rayman et al. 2011; podiapaedia.org): abnormal with 2 or more of the 6 toes insensate',
  adaTwoTests: 'ADA: an absent monofilament suggests LOPS; two or more normal tests and no abnormal test rule LOPS out',
  pulses:
    'Up to 10% of healthy people lack a palpable dorsalis pedis pulse; a palpable pulse does not exclude PAD (secondary summary, inhibitorlibrary.com)',
  abi: 'ABI below 0.9 is PAD (WOCN ankle-brachial index protocol, nursingcenter.com)',
  nonCompressible:
    'An ABI above 1.3 is falsely raised by non-compressible (calcified) arteries and is unreliable: 62% of such patients had PAD (Suominen et al. 2008, Eur J Vasc Endovasc Surg 35:709)',
  iwgdfPad:
    'IWGDF Practical Guidelines 2023 (Schaper et al., Diabetes Metab Res Rev, dmrr.3657): PAD is less likely with triphasic or biphasic pedal Doppler waveforms, an ABI of 0.9-1.3 and a TBI of 0.70 or more; no single test excludes it (the 2019 guideline used a TBI of 0.75)',
  toePressure:
    'IWGDF/ESVS/SVS 2023 guideline on PAD in diabetes (Fitridge et al., dmrr.3686): a toe pressure below 30 mmHg or TcPO2 below 25 mmHg calls for urgent vascular imaging (as summarised by a secondary source; recommendation text not verified)',
  waveforms: 'A triphasic pedal Doppler waveform largely excludes PAD; a monophasic or absent waveform indicates disease (secondary summary)',
  esrdStage5: 'K/DOQI chronic kidney disease stage 5 is a GFR below 15 or dialysis',
  referral:
    'NICE NG19 referral times (improvingdiabeticfootcare.com; gpnotebook.com): moderate risk, foot protection service within 6-8 weeks; high risk within 2-4 weeks; active problem within 1 working day, or immediately to acute services when limb- or life-threatening',
  redFlagReview:
    'Red flags of an atypical neuropathy call for medical review, not foot protection (medvellum.com; hospitalhandbook.ucsf.edu)',
  patientAdvice:
    'NICE NG19 (information on where to get urgent help); gpnotebook.com (limb-threatening: ulcer with fever or sepsis, ulcer with limb ischaemia, deep infection, gangrene)',
} as const;
