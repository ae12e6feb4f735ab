import type { SiteProtocolId } from '#shared/clinical/protocols';
import type { Findings } from '#shared/domain/findings';
import type { User } from '#shared/domain/users';
import { vignetteFindings } from '#shared/report/fixtures/reportInputs';
import { addDays } from '#shared/text/dates';

/**
 * Findings for demo screenings, drawn from the worked clinical cases (each a complete, plausible
 * examination with a known result), in proportions like a diabetes clinic's: most feet at low
 * risk, fewer with neuropathy or ischaemia, a few with a past ulcer or amputation, and now and
 * then an active problem. A patient keeps a risk level from one screening to the next and may
 * move one level up (risk rarely falls once neuropathy is found). Deterministic for a seed.
 */

/** Worked cases by risk level; the weights are the share of patients who start at that level. */
const levels: readonly { weight: number; cases: readonly string[] }[] = [
  { weight: 0.55, cases: ['V01', 'V02', 'V03', 'V39'] },
  { weight: 0.2, cases: ['V04', 'V05', 'V07', 'V13', 'V31', 'V36'] },
  { weight: 0.13, cases: ['V10', 'V11', 'V34'] },
  { weight: 0.09, cases: ['V14', 'V17', 'V19', 'V29'] },
  { weight: 0.03, cases: ['V21', 'V23'] },
];

/** The cases screened with the 10-site monofilament map; the others with the IWGDF 3 sites. */
const tenSiteCases = new Set(['V39']);

/** The signer of demo screenings: named as synthetic, not an account anyone can sign in with. */
export const demoSigner: User = {
  id: 0,
  username: 'demo-nurse',
  displayName: 'Demo Nurse (synthetic data)',
  role: 'nurse',
  registrationNumber: null,
  createdAt: '',
  disabledAt: null,
};

export interface DemoScreening {
  examinedOn: string;
  protocol: SiteProtocolId;
  findings: Findings;
  case: string;
}

function pick<T>(random: () => number, list: readonly T[]): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
}

function startLevel(random: () => number): number {
  let r = random();
  for (let i = 0; i < levels.length; i++) {
    r -= levels[i]?.weight ?? 0;
    if (r < 0) return i;
  }
  return 0;
}

/**
 * `count` screenings of one patient, oldest first, the last within the past two months and the
 * others about a year apart (as annual review asks), never before `notBefore`.
 */
export function demoScreenings(count: number, today: string, notBefore: string, random: () => number): DemoScreening[] {
  let level = startLevel(random);
  const out: DemoScreening[] = [];
  let date = addDays(today, -Math.floor(random() * 60));
  for (let i = 0; i < count; i++) {
    const id = pick(random, levels[level]?.cases ?? ['V01']);
    out.push({ examinedOn: date < notBefore ? notBefore : date, protocol: tenSiteCases.has(id) ? '10-site' : 'iwgdf-3', findings: vignetteFindings(id), case: id });
    date = addDays(date, -(300 + Math.floor(random() * 130)));
    // Going back in time, risk is the same or lower (urgent problems are not carried back).
    if (level === levels.length - 1 || (level > 0 && random() < 0.25)) level -= 1;
  }
  return out.reverse();
}
