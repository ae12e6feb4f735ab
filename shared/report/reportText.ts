import { sides, type Side } from '../domain/findings';
import type { Patient } from '../domain/patient';
import { ageInYears } from '../text/dates';

/**
 * Words and dates as the reports print them. Dates are spelt out ("3 July 1956") so nobody reads
 * 03/07 as March or July, and a printed report says the same on every computer. Times are given
 * in the clinic's time zone, which the caller passes (shared/ has no clock and no locale).
 */

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "3 July 1956" from "1956-07-03"; the text itself if it is not an ISO date. */
export function formatDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  const month = months[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : isoDate;
}

function validTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** The calendar date of an instant in a time zone, as an ISO date. */
export function isoDateIn(isoInstant: string, timeZone: string): string {
  const date = new Date(isoInstant);
  if (Number.isNaN(date.getTime())) return isoInstant.slice(0, 10);
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: validTimeZone(timeZone), year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** "25 November 2026, 10:00 GMT": an instant in the clinic's time zone, with the zone named. */
export function formatInstant(isoInstant: string, timeZone: string): string {
  const date = new Date(isoInstant);
  if (Number.isNaN(date.getTime())) return isoInstant;
  const zone = validTimeZone(timeZone);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(date);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${formatDate(isoDateIn(isoInstant, zone))}, ${part('hour')}:${part('minute')} ${part('timeZoneName')}`.trim();
}

/** "Zoë Ní Bhriain": how the patient copy addresses the patient. */
export function naturalName(patient: Pick<Patient, 'givenNames' | 'familyName'>): string {
  return `${patient.givenNames} ${patient.familyName}`;
}

/** At most `max` characters, cut at a word where possible, with an ellipsis (footers only). */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** "70 years" at the exam date. */
export function ageAt(dateOfBirth: string, on: string): string {
  const age = ageInYears(dateOfBirth, on);
  return Number.isNaN(age) ? '' : `${age} years`;
}

/**
 * User text inside a sentence, isolated for the bidi algorithm (U+2068 FIRST STRONG ISOLATE ...
 * U+2069 POP DIRECTIONAL ISOLATE), so a name or note in Arabic or Hebrew keeps its own direction
 * without reordering the words around it.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "yes" / "no" / "not recorded" for an optional yes/no finding. */
export function yesNo(value: boolean | undefined): string {
  return value === undefined ? 'Not recorded' : value ? 'Yes' : 'No';
}

/** Words for the leaves of finding paths, for lists such as "missing: right ankle reflex". */
const pathWords: Readonly<Record<string, string>> = {
  ankleReflex: 'ankle reflex',
  pinPrick: 'pin-prick',
  temperature: 'temperature sense',
  vibration: 'vibration',
  'vibration.result': 'vibration',
  monofilament: 'monofilament',
  touchTest: 'Ipswich Touch Test',
  'skin.dryness': 'dry skin',
  'skin.callus': 'callus',
  'skin.infection': 'infection',
  'skin.fissures': 'fissures',
  'skin.activeUlcer': 'ulcer',
  'skin.gangrene': 'gangrene',
  'deformity.present': 'deformity',
  'pulses.dorsalisPedis': 'dorsalis pedis pulse',
  'pulses.posteriorTibial': 'posterior tibial pulse',
  abi: 'ABI',
  tbi: 'TBI',
  status: 'foot status',
};

function splitCamel(text: string): string {
  return text.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/\./g, ' ').toLowerCase();
}

/**
 * A finding path in words: `feet.right.skin.dryness` -> "right dry skin";
 * `feet.left (not examined)` -> "left foot (not examined)"; `history.previousUlcer` -> "previous ulcer".
 */
export function describePath(path: string): string {
  const m = /^feet\.(right|left)(?:\.([^ ]+))?(.*)$/.exec(path);
  if (m) {
    const side = m[1] as Side;
    const leaf = m[2];
    const rest = m[3] ?? '';
    if (!leaf) return `${side} foot${rest}`;
    const site = /^(?:monofilament|touchTest)\.sites\.(\w+)/.exec(leaf);
    const words = site ? `site ${site[1] ?? ''}` : (pathWords[leaf] ?? splitCamel(leaf));
    return `${side} ${words}${rest}`;
  }
  const leaf = path.split('.').slice(1).join('.') || path;
  return splitCamel(leaf);
}

/** "right: dry skin, ankle reflex; left: ankle reflex" from a list of paths, in foot order. */
export function describePaths(paths: readonly string[]): string {
  const bySide = new Map<string, string[]>();
  const other: string[] = [];
  for (const path of paths) {
    const words = describePath(path);
    const side = sides.find((s) => words.startsWith(`${s} `));
    if (side && !words.startsWith(`${side} foot`)) {
      const list = bySide.get(side) ?? [];
      const item = words.slice(side.length + 1);
      if (!list.includes(item)) list.push(item);
      bySide.set(side, list);
    } else if (!other.includes(words)) {
      other.push(words);
    }
  }
  const parts = sides.filter((s) => bySide.has(s)).map((s) => `${s}: ${(bySide.get(s) ?? []).join(', ')}`);
  return [...other, ...parts].join('; ');
}
