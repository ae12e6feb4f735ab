import type { Condition, ReviewInterval, RuleTable } from './ruleEngine';
import { sources } from './sources';

/**
 * NICE NG19 (2015, risk recommendations reviewed 2023 without change) as a rule table.
 *
 * | Risk     | Criteria                                                                           |
 * | Low      | No risk factors present except callus                                              |
 * | Moderate | One risk factor: deformity or neuropathy or non-critical limb ischaemia            |
 * | High     | Previous ulceration or amputation, or on renal replacement therapy, or neuropathy + |
 * |          | non-critical limb ischaemia, or neuropathy or limb ischaemia + callus and/or deformity |
 * | Active   | Ulceration, spreading or deep infection, critical limb ischaemia, gangrene,         |
 * |          | suspected acute Charcot, unexplained hot, red, swollen foot                        |
 * NICE counts renal replacement therapy, not ESRD as such. "Neuropathy" is LOPS, "non-critical
 * limb ischaemia" is PAD without critical ischaemia.
 */

export const niceCategories = ['low', 'moderate', 'high', 'active'] as const;
export type NiceCategory = (typeof niceCategories)[number];

const neuropathy: Condition = { fact: 'lops', is: true };
const ischaemia: Condition = { fact: 'pad', is: true };
const callusOrDeformity: Condition = { any: [{ fact: 'callus', is: true }, { fact: 'deformity', is: true }] };
const noRiskFactor: Condition = {
  all: [
    { fact: 'lops', is: false },
    { fact: 'pad', is: false },
    { fact: 'deformity', is: false },
    { fact: 'previousUlcer', is: false },
    { fact: 'previousAmputation', is: false },
    { fact: 'renalReplacementTherapy', is: false },
  ],
};

export const niceNg19Table: RuleTable<NiceCategory> = {
  ruleSet: 'NICE-NG19',
  ruleSetVersion: '2.0.0',
  title: 'NICE NG19 diabetic foot risk',
  source: sources.niceChart,
  categories: niceCategories,
  rules: [
    {
      id: 'NICE-ACTIVE-ULCER',
      when: { fact: 'activeUlcer', is: true },
      then: 'active',
      reason: 'Active ulceration is an active diabetic foot problem.',
      source: sources.niceActive,
    },
    {
      id: 'NICE-ACTIVE-INFECTION',
      when: { fact: 'footInfection', is: true },
      then: 'active',
      reason: 'Foot infection (NICE: spreading or deep infection) is an active diabetic foot problem.',
      source: sources.niceActive,
    },
    {
      id: 'NICE-ACTIVE-CRITICAL-ISCHAEMIA',
      when: { fact: 'criticalIschaemia', is: true },
      then: 'active',
      reason: 'Critical limb ischaemia is an active diabetic foot problem.',
      source: sources.niceActive,
    },
    {
      id: 'NICE-ACTIVE-GANGRENE',
      when: { fact: 'gangrene', is: true },
      then: 'active',
      reason: 'Gangrene is an active diabetic foot problem.',
      source: sources.niceActive,
    },
    {
      id: 'NICE-ACTIVE-CHARCOT',
      when: { fact: 'activeCharcot', is: true },
      then: 'active',
      reason: 'Suspected acute Charcot, or an unexplained hot, swollen foot, is an active diabetic foot problem.',
      source: `${sources.niceActive}; ${sources.hotSwollenFoot}`,
    },
    {
      id: 'NICE-ACTIVE-REST-PAIN',
      when: { all: [{ fact: 'restPain', is: true }, ischaemia] },
      then: 'active',
      reason: 'Ischaemic rest pain with limb ischaemia is critical limb ischaemia, an active diabetic foot problem.',
      source: `${sources.niceActive}; ${sources.restPainIschaemia}`,
      conventions: ['C7', 'D9'],
    },
    {
      id: 'NICE-HIGH-PREVIOUS-ULCER',
      when: { fact: 'previousUlcer', is: true },
      then: 'high',
      reason: 'Previous ulceration.',
      source: sources.niceChart,
    },
    {
      id: 'NICE-HIGH-PREVIOUS-AMPUTATION',
      when: { fact: 'previousAmputation', is: true },
      then: 'high',
      reason: 'Previous amputation.',
      source: sources.niceChart,
    },
    {
      id: 'NICE-HIGH-RENAL-REPLACEMENT',
      when: { fact: 'renalReplacementTherapy', is: true },
      then: 'high',
      reason: 'On renal replacement therapy.',
      source: sources.niceChart,
    },
    {
      id: 'NICE-HIGH-NEUROPATHY-ISCHAEMIA',
      when: { all: [neuropathy, ischaemia] },
      then: 'high',
      reason: 'Neuropathy and non-critical limb ischaemia together.',
      source: sources.niceChart,
    },
    {
      id: 'NICE-HIGH-NEUROPATHY-CALLUS-DEFORMITY',
      when: { all: [neuropathy, callusOrDeformity] },
      then: 'high',
      reason: 'Neuropathy together with callus and/or deformity.',
      source: sources.niceChart,
    },
    {
      id: 'NICE-HIGH-ISCHAEMIA-CALLUS-DEFORMITY',
      when: { all: [ischaemia, callusOrDeformity] },
      then: 'high',
      reason: 'Non-critical limb ischaemia together with callus and/or deformity.',
      source: sources.niceChart,
    },
    {
      id: 'NICE-MODERATE-DEFORMITY',
      when: { fact: 'deformity', is: true },
      then: 'moderate',
      reason: 'One risk factor: foot deformity.',
      source: sources.niceChart,
    },
    {
      id: 'NICE-MODERATE-NEUROPATHY',
      when: neuropathy,
      then: 'moderate',
      reason: 'One risk factor: neuropathy.',
      source: sources.niceChart,
    },
    {
      id: 'NICE-MODERATE-ISCHAEMIA',
      when: ischaemia,
      then: 'moderate',
      reason: 'One risk factor: non-critical limb ischaemia.',
      source: sources.niceChart,
    },
    {
      id: 'NICE-LOW',
      when: noRiskFactor,
      then: 'low',
      reason:
        'No risk factor: no neuropathy, limb ischaemia or deformity, no previous ulcer or amputation, not on renal replacement therapy.',
      source: sources.niceChart,
    },
    {
      id: 'NICE-LOW-CALLUS',
      when: { all: [noRiskFactor, { fact: 'callus', is: true }] },
      then: 'low',
      reason: 'Callus alone does not raise the risk ("no risk factors present except callus").',
      source: sources.niceChart,
    },
  ],
  outcomes: {
    low: {
      label: 'Low risk',
      action: 'Review annually.',
      interval: 'Annually',
      reviewIntervalMonths: { min: 12, max: 12 },
      source: sources.niceIntervals,
    },
    moderate: {
      label: 'Moderate risk',
      action:
        'Referral warranted: refer to the foot protection service (FPS) for a first assessment within 6-8 weeks, then review every 3-6 months.',
      interval: 'FPS within 6-8 weeks, then every 3-6 months',
      reviewIntervalMonths: { min: 3, max: 6 },
      source: sources.niceIntervals,
    },
    high: {
      label: 'High risk',
      action:
        'Referral warranted: refer to the foot protection service (FPS) for a first assessment within 2-4 weeks, then review every 1-2 months, or every 1-2 weeks if there is immediate concern.',
      interval: 'FPS within 2-4 weeks, then every 1-2 months (every 1-2 weeks if immediate concern)',
      reviewIntervalMonths: { min: 1, max: 2 },
      source: sources.niceIntervals,
    },
    active: {
      label: 'Active diabetic foot problem',
      action:
        'Referral warranted. Limb- or life-threatening (ulcer with fever or sepsis, ulcer with limb ischaemia, deep soft-tissue or bone infection, gangrene): refer immediately to acute services and inform the multidisciplinary foot care service (MDFS). Any other active problem: refer within 1 working day to the MDFS or FPS, for triage within 1 further working day.',
      interval: 'Immediate referral, or within 1 working day (not a review interval)',
      reviewIntervalMonths: null,
      source: sources.niceIntervals,
    },
  },
  incomplete: {
    label: 'Incomplete',
    action: 'Record the findings listed under "to settle", then reassess.',
    interval: 'Until it is settled: the shortest interval of the categories it could be (decision 6)',
    reviewIntervalMonths: null,
  },
};

/** The first foot protection service assessment for moderate and high risk (NICE NG19). */
export const niceFirstAssessmentWeeks: Readonly<Record<NiceCategory, ReviewInterval | null>> = {
  low: null,
  moderate: { min: 6, max: 8 },
  high: { min: 2, max: 4 },
  active: null,
};
