import type { Assessment, FootAssessment, SiteAssessment } from '../clinical/assessment';
import { siteLabel, sideLabel, siteProtocols, type SiteProtocolId } from '../clinical/protocols';
import { redFlagLabels, redFlagIds } from '../clinical/redFlags';
import { notTestableReasonLabels } from '../clinical/siteDerivation';
import type { VibrationState } from '../clinical/vibrationDerivation';
import type { Exam } from '../domain/exam';
import { scoreMnsiQuestionnaire } from '../clinical/scores/mnsiQuestionnaire';
import { sides, type Findings, type FootFindings, type Side, type WaveformResult } from '../domain/findings';
import { assertNever } from '../ipc/result';
import { iwgdfCategoryLabels, niceCategoryLabels } from '../recall/recallRules';
import type { ChangeDirection } from './timeline';
import { iwgdfRank, niceRank } from './timeline';

/**
 * What changed between two signed screenings of a patient, item by item, in the
 * clinic's words: every monofilament or touch site whose result changed ("Right 1st metatarsal
 * head: felt → not felt"), vibration, pulses, ABI/TBI, skin, deformity, foot status, history,
 * symptoms, red flags and the categories. Each change says whether it is worse, better or only
 * different, so the screen can mark it by shape and word as well as colour.
 *
 * Sites are compared only where both screenings recorded them on a foot examined both times: a
 * site the other protocol does not use is not a change (the protocol change itself is listed).
 */

export type ComparableExam = Pick<Exam, 'id' | 'examinedOn' | 'protocol' | 'findings'> & { assessment: Assessment };

export const changeGroups = ['category', 'sensation', 'vibration', 'neurology', 'circulation', 'skin', 'foot', 'history', 'symptoms', 'redFlags', 'care'] as const;
export type ChangeGroup = (typeof changeGroups)[number];
export const changeGroupLabels: Readonly<Record<ChangeGroup, string>> = {
  category: 'Risk category',
  sensation: 'Sensation (sites)',
  vibration: 'Vibration',
  neurology: 'Reflexes, pin-prick, temperature and the MNSI questionnaire',
  circulation: 'Pulses and circulation',
  skin: 'Skin',
  foot: 'Foot and deformity',
  history: 'History',
  symptoms: 'Symptoms',
  redFlags: 'Red flags',
  care: 'Footwear and self-care',
};

export interface ExamChange {
  group: ChangeGroup;
  side: Side | null;
  /** The diagram site this change is about (monofilament or touch test), if any. */
  site: { key: string } | null;
  label: string;
  before: string;
  after: string;
  direction: ChangeDirection;
}

export interface ExamComparison {
  older: { id: number; examinedOn: string | null };
  newer: { id: number; examinedOn: string | null };
  changes: ExamChange[];
}

const notRecorded = 'not recorded';

function siteWords(site: SiteAssessment | undefined): string {
  if (!site) return notRecorded;
  switch (site.state) {
    case 'felt':
      return 'felt';
    case 'not_felt':
      return 'not felt';
    case 'not_tested':
      return site.reason ? `not tested (${notTestableReasonLabels[site.reason].toLowerCase()})` : 'not tested';
    case 'pending':
      return notRecorded;
    default:
      return assertNever(site.state, 'site state');
  }
}

function siteDirection(before: SiteAssessment | undefined, after: SiteAssessment | undefined): ChangeDirection {
  if (before?.state === 'felt' && after?.state === 'not_felt') return 'worse';
  if (before?.state === 'not_felt' && after?.state === 'felt') return 'better';
  return 'changed';
}

function vibrationRank(state: VibrationState): number | null {
  switch (state) {
    case 'normal':
      return 0;
    case 'reduced':
      return 1;
    case 'absent':
    case 'abnormal':
      return 2;
    case 'not_tested':
    case 'pending':
      return null;
    default:
      return assertNever(state, 'vibration state');
  }
}

function vibrationWords(state: VibrationState): string {
  return state === 'pending' ? notRecorded : state.replace('_', ' ');
}

/** Higher rank = worse; null = not comparable (not tested, not recorded). */
function byRank(before: number | null, after: number | null): ChangeDirection {
  if (before === null || after === null || before === after) return 'changed';
  return after > before ? 'worse' : 'better';
}

const yesNo = (v: boolean | undefined): string => (v === undefined ? notRecorded : v ? 'yes' : 'no');
const presentRank = (v: boolean | undefined): number | null => (v === undefined ? null : v ? 1 : 0);

function pulseWords(p: 'palpable' | 'not_palpable' | 'not_tested' | undefined): string {
  return p === undefined ? notRecorded : p.replace('_', ' ');
}
const pulseRank = (p: 'palpable' | 'not_palpable' | 'not_tested' | undefined): number | null => (p === 'palpable' ? 0 : p === 'not_palpable' ? 1 : null);

/** ABI outside 0.9-1.3 and TBI below 0.7 are abnormal (the engine's thresholds). */
function indexChange(label: string, before: number | null | undefined, after: number | null | undefined, abnormal: (v: number) => boolean): ExamChange | null {
  const b = before ?? null;
  const a = after ?? null;
  if (b === a || (b !== null && a !== null && b.toFixed(2) === a.toFixed(2))) return null;
  const words = (v: number | null): string => (v === null ? 'not measured' : v.toFixed(2));
  const rank = (v: number | null): number | null => (v === null ? null : abnormal(v) ? 1 : 0);
  return { group: 'circulation', side: null, site: null, label, before: words(b), after: words(a), direction: byRank(rank(b), rank(a)) };
}

/** Monophasic or absent waveforms count as PAD (decision 9); triphasic and biphasic make it less likely. */
const waveformRank = (w: WaveformResult | undefined): number | null => (w === 'triphasic' || w === 'biphasic' ? 0 : w === 'monophasic' || w === 'absent' ? 1 : null);
const words = (v: string | undefined): string => (v === undefined ? notRecorded : v.replace('_', ' '));
const reflexRank = (v: string | undefined): number | null => (v === 'present' ? 0 : v === 'reinforcement' ? 1 : v === 'absent' ? 2 : null);
const normalRank = (v: string | undefined): number | null => (v === 'normal' ? 0 : v === 'abnormal' ? 1 : null);

function footRole(foot: FootAssessment): string {
  switch (foot.role) {
    case 'examined':
      return 'examined';
    case 'absent':
      return 'absent';
    case 'not_examined':
      return `not examined (${foot.status})`;
    default:
      return assertNever(foot.role, 'foot role');
  }
}

function siteMap(foot: FootAssessment): Map<string, SiteAssessment> {
  return new Map([...foot.monofilament.sites, ...foot.touchTest.sites].map((s) => [s.key, s]));
}

function protocolOfSite(exam: ComparableExam, foot: FootAssessment, key: string): SiteProtocolId {
  if (foot.touchTest.sites.some((s) => s.key === key)) return 'ipswich';
  return foot.monofilament.protocol ?? (exam.protocol === 'ipswich' ? 'iwgdf-3' : exam.protocol);
}

function footChanges(side: Side, older: ComparableExam, newer: ComparableExam): ExamChange[] {
  const out: ExamChange[] = [];
  const Side = sideLabel(side);
  const fb = older.assessment.perFoot[side];
  const fa = newer.assessment.perFoot[side];
  const rb: FootFindings = older.findings.feet[side];
  const ra: FootFindings = newer.findings.feet[side];
  const push = (group: ChangeGroup, label: string, before: string, after: string, dir: ChangeDirection, site: ExamChange['site'] = null): void => {
    if (before !== after) out.push({ group, side, site, label, before, after, direction: dir });
  };
  push('foot', `${Side} foot`, footRole(fb), footRole(fa), byRank(fb.role === 'absent' ? 1 : 0, fa.role === 'absent' ? 1 : 0));
  if (fb.role !== 'examined' || fa.role !== 'examined') return out;

  const before = siteMap(fb);
  const after = siteMap(fa);
  const keys = [...new Set([...before.keys()].filter((k) => after.has(k)))];
  const order = [...siteProtocols['10-site'].siteKeys, ...siteProtocols.ipswich.siteKeys];
  keys.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  for (const key of keys) {
    const b = before.get(key);
    const a = after.get(key);
    push('sensation', siteLabel(side, protocolOfSite(newer, fa, key), key), siteWords(b), siteWords(a), siteDirection(b, a), { key });
  }
  push('vibration', `${Side} vibration`, vibrationWords(fb.vibration.state), vibrationWords(fa.vibration.state), byRank(vibrationRank(fb.vibration.state), vibrationRank(fa.vibration.state)));
  for (const [pulse, name] of [
    ['dorsalisPedis', 'dorsalis pedis pulse'],
    ['posteriorTibial', 'posterior tibial pulse'],
  ] as const) {
    const b = rb.pulses?.[pulse];
    const a = ra.pulses?.[pulse];
    push('circulation', `${Side} ${name}`, pulseWords(b), pulseWords(a), byRank(pulseRank(b), pulseRank(a)));
  }
  for (const change of [
    indexChange(`${Side} ABI`, rb.abi, ra.abi, (v) => v < 0.9 || v > 1.3),
    indexChange(`${Side} TBI`, rb.tbi, ra.tbi, (v) => v < 0.7),
  ]) {
    if (change) out.push({ ...change, side });
  }
  for (const [artery, name] of [
    ['dorsalisPedis', 'dorsalis pedis waveform'],
    ['posteriorTibial', 'posterior tibial waveform'],
  ] as const) {
    const b = rb.waveforms?.[artery];
    const a = ra.waveforms?.[artery];
    push('circulation', `${Side} ${name}`, words(b), words(a), byRank(waveformRank(b), waveformRank(a)));
  }
  const toe = (v: number | null | undefined): string => (v === null || v === undefined ? 'not measured' : `${v} mmHg`);
  const toeRank = (v: number | null | undefined): number | null => (v === null || v === undefined ? null : v < 30 ? 1 : 0);
  push('circulation', `${Side} toe pressure`, toe(rb.toePressure), toe(ra.toePressure), byRank(toeRank(rb.toePressure), toeRank(ra.toePressure)));
  push('neurology', `${Side} ankle reflex`, words(rb.ankleReflex), words(ra.ankleReflex), byRank(reflexRank(rb.ankleReflex), reflexRank(ra.ankleReflex)));
  push('neurology', `${Side} pin-prick`, words(rb.pinPrick), words(ra.pinPrick), byRank(normalRank(rb.pinPrick), normalRank(ra.pinPrick)));
  push('neurology', `${Side} temperature sense`, words(rb.temperature), words(ra.temperature), byRank(normalRank(rb.temperature), normalRank(ra.temperature)));
  for (const [item, name] of [
    ['activeUlcer', 'ulcer'],
    ['infection', 'infection'],
    ['gangrene', 'gangrene'],
    ['callus', 'callus'],
    ['fissures', 'fissures'],
    ['dryness', 'dry skin'],
  ] as const) {
    const b = rb.skin?.[item];
    const a = ra.skin?.[item];
    push('skin', `${Side} ${name}`, yesNo(b), yesNo(a), byRank(presentRank(b), presentRank(a)));
  }
  for (const [item, name] of [
    ['interdigitalMaceration', 'maceration between the toes'],
    ['preUlcerativeLesion', 'pre-ulcerative lesion'],
  ] as const) {
    push('skin', `${Side} ${name}`, yesNo(rb.skin?.[item]), yesNo(ra.skin?.[item]), byRank(presentRank(rb.skin?.[item]), presentRank(ra.skin?.[item])));
  }
  push('skin', `${Side} oedema`, yesNo(rb.oedema), yesNo(ra.oedema), byRank(presentRank(rb.oedema), presentRank(ra.oedema)));
  push('skin', `${Side} colour`, words(rb.colour), words(ra.colour), byRank(rb.colour ? (rb.colour === 'normal' ? 0 : 1) : null, ra.colour ? (ra.colour === 'normal' ? 0 : 1) : null));
  push('skin', `${Side} temperature to the touch`, words(rb.warmth), words(ra.warmth), byRank(rb.warmth ? (rb.warmth === 'normal' ? 0 : 1) : null, ra.warmth ? (ra.warmth === 'normal' ? 0 : 1) : null));
  for (const [item, name] of [
    ['thickened', 'thickened nails'],
    ['ingrown', 'ingrown nail'],
    ['fungal', 'fungal nail infection'],
  ] as const) {
    push('skin', `${Side} ${name}`, yesNo(rb.nails?.[item]), yesNo(ra.nails?.[item]), byRank(presentRank(rb.nails?.[item]), presentRank(ra.nails?.[item])));
  }
  push('foot', `${Side} deformity`, yesNo(rb.deformity?.present), yesNo(ra.deformity?.present), byRank(presentRank(rb.deformity?.present), presentRank(ra.deformity?.present)));
  const types = (f: FootFindings): string => (f.deformity?.types?.length ? f.deformity.types.join(', ') : 'none listed');
  if (rb.deformity?.present && ra.deformity?.present) push('foot', `${Side} deformity types`, types(rb), types(ra), 'changed');
  for (const [item, name] of [
    ['activeCharcot', 'active Charcot foot'],
    ['hotSwollen', 'hot, swollen foot'],
    ['criticalIschaemia', 'critical ischaemia'],
  ] as const) {
    push('foot', `${Side} ${name}`, yesNo(rb[item]), yesNo(ra[item]), byRank(presentRank(rb[item]), presentRank(ra[item])));
  }
  return out;
}

function personChanges(older: Findings, newer: Findings): ExamChange[] {
  const out: ExamChange[] = [];
  const push = (group: ChangeGroup, label: string, b: boolean | undefined, a: boolean | undefined): void => {
    if (yesNo(b) !== yesNo(a)) out.push({ group, side: null, site: null, label, before: yesNo(b), after: yesNo(a), direction: byRank(presentRank(b), presentRank(a)) });
  };
  const hb = older.history ?? {};
  const ha = newer.history ?? {};
  push('history', 'Previous foot ulcer', hb.previousUlcer, ha.previousUlcer);
  const amputation = (v: string | undefined): string => v ?? notRecorded;
  const amputationRank = (v: string | undefined): number | null => (v === 'none' ? 0 : v === 'minor' ? 1 : v === 'major' ? 2 : null);
  if (amputation(hb.previousAmputation) !== amputation(ha.previousAmputation)) {
    out.push({
      group: 'history',
      side: null,
      site: null,
      label: 'Previous amputation',
      before: amputation(hb.previousAmputation),
      after: amputation(ha.previousAmputation),
      direction: byRank(amputationRank(hb.previousAmputation), amputationRank(ha.previousAmputation)),
    });
  }
  push('history', 'End-stage renal disease', hb.endStageRenalDisease, ha.endStageRenalDisease);
  push('history', 'On dialysis', hb.onDialysis, ha.onDialysis);
  push('history', 'Kidney transplant', hb.kidneyTransplant, ha.kidneyTransplant);
  push('history', 'Under a vascular clinic', hb.underVascularClinic, ha.underVascularClinic);
  push('history', 'Previous vascular surgery or angioplasty', hb.previousVascularIntervention, ha.previousVascularIntervention);
  const other = (group: ChangeGroup, label: string, b: string | undefined, a: string | undefined): void => {
    if (words(b) !== words(a)) out.push({ group, side: null, site: null, label, before: words(b), after: words(a), direction: 'changed' });
  };
  other('history', 'Side of the previous ulcer', hb.previousUlcerSide, ha.previousUlcerSide);
  other('history', 'Date of the previous ulcer', hb.previousUlcerDate, ha.previousUlcerDate);
  other('history', 'Smoking', hb.smoking, ha.smoking);
  other('care', 'Footwear', older.footwear?.assessment, newer.footwear?.assessment);
  other('care', 'Looks after own feet', older.selfCare?.ability, newer.selfCare?.ability);
  push('care', 'Can cut own toenails', older.selfCare?.canCutOwnNails, newer.selfCare?.canCutOwnNails);
  push('care', 'Impaired vision', older.selfCare?.impairedVision, newer.selfCare?.impairedVision);
  push('care', 'Lives alone', older.selfCare?.livesAlone, newer.selfCare?.livesAlone);
  const qb = scoreMnsiQuestionnaire(older.mnsiQuestionnaire).total;
  const qa = scoreMnsiQuestionnaire(newer.mnsiQuestionnaire).total;
  if (qb !== qa) {
    const q = (v: number | null): string => (v === null ? 'not scored' : `${v} of 13`);
    out.push({ group: 'neurology', side: null, site: null, label: 'MNSI questionnaire', before: q(qb), after: q(qa), direction: byRank(qb, qa) });
  }
  const sb = older.symptoms ?? {};
  const sa = newer.symptoms ?? {};
  push('symptoms', 'Neuropathic symptoms', sb.neuropathic, sa.neuropathic);
  push('symptoms', 'Claudication', sb.claudication, sa.claudication);
  push('symptoms', 'Rest pain', sb.restPain, sa.restPain);
  for (const id of redFlagIds) push('redFlags', redFlagLabels[id], older.redFlags?.[id], newer.redFlags?.[id]);
  push('redFlags', 'Unexplained weight loss', older.redFlags?.weightLoss, newer.redFlags?.weightLoss);
  return out;
}

function categoryChanges(older: Assessment, newer: Assessment): ExamChange[] {
  const out: ExamChange[] = [];
  const nb = older.nice.category;
  const na = newer.nice.category;
  if (nb !== na) out.push({ group: 'category', side: null, site: null, label: 'NICE NG19', before: niceCategoryLabels[nb].toLowerCase(), after: niceCategoryLabels[na].toLowerCase(), direction: byRank(niceRank(nb), niceRank(na)) });
  const ib = String(older.iwgdf2023.category) as keyof typeof iwgdfCategoryLabels;
  const ia = String(newer.iwgdf2023.category) as keyof typeof iwgdfCategoryLabels;
  if (ib !== ia) out.push({ group: 'category', side: null, site: null, label: 'IWGDF 2023', before: iwgdfCategoryLabels[ib].toLowerCase(), after: iwgdfCategoryLabels[ia].toLowerCase(), direction: byRank(iwgdfRank(ib), iwgdfRank(ia)) });
  const tri = (v: boolean | 'unknown'): string => (v === 'unknown' ? 'unknown' : v ? 'yes' : 'no');
  const triRank = (v: boolean | 'unknown'): number | null => (v === 'unknown' ? null : v ? 1 : 0);
  if (older.lops !== newer.lops) out.push({ group: 'category', side: null, site: null, label: 'Loss of protective sensation (LOPS)', before: tri(older.lops), after: tri(newer.lops), direction: byRank(triRank(older.lops), triRank(newer.lops)) });
  if (older.pad !== newer.pad) out.push({ group: 'category', side: null, site: null, label: 'Peripheral artery disease (PAD)', before: tri(older.pad), after: tri(newer.pad), direction: byRank(triRank(older.pad), triRank(newer.pad)) });
  return out;
}

/** Every change from `older` to `newer`, in the order of the groups, right foot before left. */
export function compareExams(older: ComparableExam, newer: ComparableExam): ExamComparison {
  const changes: ExamChange[] = [...categoryChanges(older.assessment, newer.assessment)];
  if (older.protocol !== newer.protocol) {
    changes.push({ group: 'sensation', side: null, site: null, label: 'Sensory test', before: siteProtocols[older.protocol].title, after: siteProtocols[newer.protocol].title, direction: 'changed' });
  }
  for (const side of sides) changes.push(...footChanges(side, older, newer));
  changes.push(...personChanges(older.findings, newer.findings));
  const rank = (c: ExamChange): number => changeGroups.indexOf(c.group);
  return {
    older: { id: older.id, examinedOn: older.examinedOn },
    newer: { id: newer.id, examinedOn: newer.examinedOn },
    changes: changes.map((c, i) => ({ c, i })).sort((x, y) => rank(x.c) - rank(y.c) || x.i - y.i).map(({ c }) => c),
  };
}

/** "Right 1st metatarsal head: felt → not felt (since 12 Mar 2026)"; the caller formats the date. */
export function changeSentence(change: ExamChange, since: string): string {
  return `${change.label}: ${change.before} → ${change.after} (since ${since})`;
}
