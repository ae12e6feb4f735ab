import type { Condition, RuleTable } from './ruleEngine';
import { sources } from './sources';

/**
 * IWGDF 2023 risk stratification as a rule table, plus "urgent" for active foot disease, which
 * the prevention categories do not cover.
 *
 * | Cat | Criteria                                                                  | Screen every |
 * | 0   | No LOPS and no PAD                                                        | 12 months    |
 * | 1   | LOPS or PAD                                                               | 6-12 months  |
 * | 2   | LOPS + PAD, or LOPS + deformity, or PAD + deformity                       | 3-6 months   |
 * | 3   | LOPS or PAD, and >= 1 of: foot ulcer history, amputation (minor or major), ESRD | 1-3 months |
 * Callus does not change the category. With ulcer or amputation history or ESRD, a "no" for LOPS
 * or PAD counts only when it is firm (decision 5); otherwise the category is incomplete (0 or 3).
 */

export const iwgdfCategories = [0, 1, 2, 3, 'urgent'] as const;
export type IwgdfCategory = (typeof iwgdfCategories)[number];

const lops: Condition = { fact: 'lops', is: true };
const pad: Condition = { fact: 'pad', is: true };
const deformity: Condition = { fact: 'deformity', is: true };
const lopsOrPad: Condition = { any: [lops, pad] };
const noLopsNoPad: Condition = { all: [{ fact: 'lops', is: false }, { fact: 'pad', is: false }] };
const ulcerAmputationOrEsrd: Condition = {
  any: [
    { fact: 'previousUlcer', is: true },
    { fact: 'previousAmputation', is: true },
    { fact: 'endStageRenalDisease', is: true },
  ],
};

const extendedScreen =
  'With LOPS or PAD also check: ulcer or amputation history, ESRD, presence or progression of deformity, limited joint mobility, excess callus and any pre-ulcerative lesion or ulcer.';

export const iwgdf2023Table: RuleTable<IwgdfCategory> = {
  ruleSet: 'IWGDF-2023',
  ruleSetVersion: '2.0.0',
  title: 'IWGDF 2023 risk stratification',
  source: sources.iwgdfTable,
  categories: iwgdfCategories,
  rules: [
    {
      id: 'IWGDF-URGENT-ULCER',
      when: { fact: 'activeUlcer', is: true },
      then: 'urgent',
      reason: 'Active foot ulcer: active foot disease needs urgent referral and treatment, not a screening category.',
      source: sources.iwgdfActive,
    },
    {
      id: 'IWGDF-URGENT-INFECTION',
      when: { fact: 'footInfection', is: true },
      then: 'urgent',
      reason: 'Foot infection: active foot disease needs urgent referral and treatment.',
      source: sources.iwgdfActive,
    },
    {
      id: 'IWGDF-URGENT-GANGRENE',
      when: { fact: 'gangrene', is: true },
      then: 'urgent',
      reason: 'Gangrene: active foot disease needs urgent referral and treatment.',
      source: sources.iwgdfActive,
    },
    {
      id: 'IWGDF-URGENT-CHARCOT',
      when: { fact: 'activeCharcot', is: true },
      then: 'urgent',
      reason:
        'Active (acute) Charcot foot, or a hot swollen foot treated as acute Charcot until proven otherwise: offload and refer urgently.',
      source: `${sources.iwgdfActive}; ${sources.hotSwollenFoot}`,
    },
    {
      id: 'IWGDF-URGENT-CLTI',
      when: { fact: 'criticalIschaemia', is: true },
      then: 'urgent',
      reason: 'Critical limb-threatening ischaemia: urgent vascular referral.',
      source: sources.iwgdfActive,
    },
    {
      id: 'IWGDF-URGENT-REST-PAIN',
      when: { all: [{ fact: 'restPain', is: true }, pad] },
      then: 'urgent',
      reason: 'Ischaemic rest pain with PAD is critical limb-threatening ischaemia: urgent vascular referral.',
      source: `${sources.iwgdfActive}; ${sources.restPainIschaemia}`,
      conventions: ['C7', 'D9'],
    },
    {
      id: 'IWGDF-3',
      when: { all: [lopsOrPad, ulcerAmputationOrEsrd] },
      then: 3,
      reason: 'LOPS or PAD together with a history of foot ulcer, a lower-extremity amputation or end-stage renal disease.',
      source: sources.iwgdfTable,
    },
    {
      id: 'IWGDF-2-LOPS-PAD',
      when: { all: [lops, pad] },
      then: 2,
      reason: 'LOPS and PAD together.',
      source: sources.iwgdfTable,
    },
    {
      id: 'IWGDF-2-LOPS-DEFORMITY',
      when: { all: [lops, deformity] },
      then: 2,
      reason: 'LOPS together with a foot deformity.',
      source: sources.iwgdfTable,
    },
    {
      id: 'IWGDF-2-PAD-DEFORMITY',
      when: { all: [pad, deformity] },
      then: 2,
      reason: 'PAD together with a foot deformity.',
      source: sources.iwgdfTable,
    },
    {
      id: 'IWGDF-1',
      when: lopsOrPad,
      then: 1,
      reason: 'LOPS or PAD.',
      source: sources.iwgdfTable,
    },
    {
      id: 'IWGDF-0',
      when: noLopsNoPad,
      then: 0,
      reason: 'No LOPS and no signs of PAD. (Deformity or callus alone do not raise the IWGDF category.)',
      source: sources.iwgdfTable,
    },
    {
      id: 'IWGDF-0-HISTORY',
      when: { all: [noLopsNoPad, ulcerAmputationOrEsrd] },
      then: 0,
      reason:
        'Ulcer or amputation history, or ESRD, with LOPS and PAD both ruled out firmly (decision 5): category 0 as the IWGDF table is written, but the history calls for closer follow-up.',
      source: `${sources.iwgdfTable} (the table gives history without LOPS or PAD no category above 0)`,
      conventions: ['C5'],
    },
  ],
  firmNoWhen: {
    facts: ['lops', 'pad'],
    when: ulcerAmputationOrEsrd,
    action: 'With ulcer or amputation history or ESRD, IWGDF 0 needs LOPS and PAD ruled out firmly (decision 5):',
    conventions: ['C5'],
  },
  outcomes: {
    0: {
      label: 'Category 0 (very low risk)',
      action: 'Screen once a year.',
      interval: 'Every 12 months',
      reviewIntervalMonths: { min: 12, max: 12 },
      source: sources.iwgdfTable,
    },
    1: {
      label: 'Category 1 (low risk)',
      action: `Screen every 6-12 months. ${extendedScreen}`,
      interval: 'Every 6-12 months',
      reviewIntervalMonths: { min: 6, max: 12 },
      source: `${sources.iwgdfTable}; ${sources.iwgdfExtendedScreen}`,
    },
    2: {
      label: 'Category 2 (moderate risk)',
      action: `Screen every 3-6 months. ${extendedScreen}`,
      interval: 'Every 3-6 months',
      reviewIntervalMonths: { min: 3, max: 6 },
      source: `${sources.iwgdfTable}; ${sources.iwgdfExtendedScreen}`,
    },
    3: {
      label: 'Category 3 (high risk)',
      action: `Screen every 1-3 months. ${extendedScreen}`,
      interval: 'Every 1-3 months',
      reviewIntervalMonths: { min: 1, max: 3 },
      source: `${sources.iwgdfTable}; ${sources.iwgdfExtendedScreen}`,
    },
    urgent: {
      label: 'Active foot disease (urgent)',
      action:
        'Active foot disease: refer urgently for treatment. The screening categories do not apply until it has resolved.',
      interval: 'Not a screening interval: urgent referral',
      reviewIntervalMonths: null,
      source: sources.iwgdfActive,
    },
  },
  incomplete: {
    label: 'Incomplete',
    action: 'Record the findings listed under "to settle", then reassess.',
    interval: 'Until it is settled: the shortest interval of the categories it could be (decision 6)',
    reviewIntervalMonths: null,
  },
};
