import type { ScreeningStep } from '#shared/domain/exam';

/** One key and what it does, as shown under each step. */
export type KeyHint = readonly [key: string, what: string];

const itemKeys: readonly KeyHint[] = [
  ['↑ ↓', 'move between items'],
  ['Y / N', 'yes / no for the item with focus (letters on its buttons)'],
  ['Shift+N', '“no” to everything not yet answered, next step'],
  ['Enter', 'next step'],
];

/** The keys of each step (one key per answer); hoisted, so the legend's props never change. */
export const stepKeys: Readonly<Record<ScreeningStep, readonly KeyHint[]>> = {
  setup: [['Enter', 'begin'], ['Alt+→', 'next step'], ['Alt+←', 'previous step']],
  sensation: [['Y', 'felt it'], ['N', 'did not feel it'], ['X', 'not testable'], ['Backspace', 'undo'], ['Alt+→', 'next step']],
  vibration: [['Y', 'felt it'], ['N', 'did not feel it'], ['X', 'not testable'], ['Backspace', 'undo'], ['Alt+→', 'next step']],
  neurology: [['Y / N', 'yes / no to the highlighted question'], ['↑ ↓', 'move between items'], ['Enter', 'next step'], ['Alt+←', 'back']],
  circulation: [
    ['P / A / T', 'palpable / absent / not tested, highlighted pulse'],
    ['1–5', 'waveform of the highlighted artery: triphasic, biphasic, monophasic, absent, not tested'],
    ['↑ ↓', 'move between items'],
    ['N', 'no signs of critical ischaemia where not answered, next step'],
    ['Enter', 'next step'],
  ],
  skin: [['N', '“no” to everything on both feet, next step'], ...itemKeys],
  deformity: [['N', '“no” to everything on both feet, next step'], ...itemKeys],
  history: [['C / D', 'earlier answer offered: confirm it / it changed'], ['N', '“no” to everything not yet answered, next step'], ...itemKeys],
  symptoms: [['N', '“no” to everything, next step'], ...itemKeys],
  review: [['S', 'sign'], ['Alt+←', 'back']],
};
