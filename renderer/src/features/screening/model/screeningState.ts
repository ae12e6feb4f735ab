import { siteProtocols, type SiteProtocolId } from '#shared/clinical/protocols';
import { screeningSteps, type ScreeningStep, type WizardPosition } from '#shared/domain/exam';
import { blankSensation, protocolOfFindings } from '#shared/domain/examProtocol';
import type {
  Application,
  ExamStatus,
  Findings,
  FootFindings,
  FootStatus,
  History,
  MonofilamentSiteKey,
  NotTestableReason,
  Side,
  TouchTestSiteKey,
} from '#shared/domain/findings';
import { sides } from '#shared/domain/findings';

/**
 * The guided screen's state, engine-free: what has been recorded (the findings) and where the
 * nurse is. Every action is a pure function from one state to the next, so it is tested without
 * a browser and every change can be autosaved as it happens.
 */
export interface ScreeningState {
  findings: Findings;
  position: WizardPosition;
  /**
   * A sensory site left part-way through its touches (the nurse opened another step or site):
   * its answers so far, given back when the site is opened again, so nothing is asked twice.
   */
  parked?: ParkedSite;
}

export interface ParkedSite {
  side: Side;
  site: string;
  pending: NonNullable<WizardPosition['pending']>;
}

export type Answer = 'yes' | 'no';
export type Touch = 'real' | 'sham';
export type Random = () => number;

export interface SiteRef {
  side: Side;
  key: string;
}

/** Where a finding lives in the guided screen, for "jump to the finding" from a reason. */
export interface FindingTarget {
  step: ScreeningStep;
  side: Side | null;
  site: string | null;
}

export function initialState(findings: Findings, saved: WizardPosition | null): ScreeningState {
  return { findings, position: saved ?? { step: 'setup', side: null, site: null, pending: null } };
}

export function protocolOf(state: ScreeningState): SiteProtocolId {
  return protocolOfFindings(state.findings, 'iwgdf-3');
}

export function examPerformed(findings: Findings): boolean {
  return (findings.examStatus ?? 'performed') === 'performed';
}

/** Feet that are examined: present, and the exam not declined or unsuitable. */
export function examinedSides(findings: Findings): Side[] {
  if (!examPerformed(findings)) return [];
  return sides.filter((side) => findings.feet[side].status === 'present');
}

/** Findings of the extended neurological examination on a foot. */
function hasNeurologyFindings(findings: Findings): boolean {
  return sides.some((side) => {
    const f = findings.feet[side];
    return f.ankleReflex !== undefined || f.pinPrick !== undefined || f.temperature !== undefined;
  });
}

/**
 * Whether the extended neurological examination was chosen at the start. Choosing it opens the
 * MNSI questionnaire (an empty one: no question answered yet); anything recorded in it keeps it.
 */
export function neurologyChosen(findings: Findings): boolean {
  return findings.mnsiQuestionnaire !== undefined || hasNeurologyFindings(findings);
}

/** It can be taken off the list only while nothing has been recorded in it. */
export function canUnchooseNeurology(findings: Findings): boolean {
  return !hasNeurologyFindings(findings) && Object.keys(findings.mnsiQuestionnaire ?? {}).length === 0;
}

export function chooseNeurology(state: ScreeningState, chosen: boolean): ScreeningState {
  if (chosen) return updateFindings(state, (f) => ({ ...f, mnsiQuestionnaire: f.mnsiQuestionnaire ?? {} }));
  if (!canUnchooseNeurology(state.findings)) return state;
  const { mnsiQuestionnaire: _q, ...rest } = state.findings;
  return { ...state, findings: rest };
}

/** The steps that apply: foot steps only when a foot is examined; neurology only when chosen. */
export function applicableSteps(findings: Findings): ScreeningStep[] {
  const footSteps: ScreeningStep[] = ['sensation', 'vibration', 'circulation', 'skin', 'deformity'];
  const anyFoot = examinedSides(findings).length > 0;
  const neurology = neurologyChosen(findings);
  return screeningSteps.filter((s) => (anyFoot || !footSteps.includes(s)) && (s !== 'neurology' || neurology));
}

/** Sensation sites in examination order: each examined foot, right first, its protocol's sites. */
export function sensationSites(state: ScreeningState): SiteRef[] {
  const protocol = siteProtocols[protocolOf(state)];
  return examinedSides(state.findings).flatMap((side) => protocol.defaultSiteKeys.map((key) => ({ side, key })));
}

/** A fresh order of touches: the protocol's real touches with one sham at a random place (IWGDF). */
export function touchSequence(protocol: SiteProtocolId, random: Random): Touch[] {
  if (protocol === 'ipswich') return ['real']; // Ipswich: each toe touched once, no sham (Rayman 2011).
  const shamAt = Math.min(2, Math.floor(random() * 3));
  return [0, 1, 2].map((i) => (i === shamAt ? 'sham' : 'real'));
}

/** The fork's sequence: two real applications and one mock (fork not vibrating), order random. */
export function forkSequence(random: Random): Touch[] {
  return touchSequence('iwgdf-3', random);
}

function withFoot(findings: Findings, side: Side, change: (foot: FootFindings) => FootFindings): Findings {
  return { ...findings, feet: { ...findings.feet, [side]: change(findings.feet[side]) } };
}

export function updateFoot(state: ScreeningState, side: Side, change: (foot: FootFindings) => FootFindings): ScreeningState {
  return { ...state, findings: withFoot(state.findings, side, change) };
}

export function updateFindings(state: ScreeningState, change: (findings: Findings) => Findings): ScreeningState {
  return { ...state, findings: change(state.findings) };
}

function hasSensationRecorded(findings: Findings): boolean {
  return sides.some((side) => {
    const f = findings.feet[side];
    return Object.keys(f.monofilament?.sites ?? {}).length > 0 || Object.keys(f.touchTest?.sites ?? {}).length > 0;
  });
}

/** Changing protocol is allowed until the first sensory answer; it empties the sensory sites. */
export function canChangeProtocol(state: ScreeningState): boolean {
  const answering = state.position.step === 'sensation' && (state.position.pending?.answers.length ?? 0) > 0;
  return !hasSensationRecorded(state.findings) && !answering;
}

export function chooseProtocol(state: ScreeningState, protocol: SiteProtocolId): ScreeningState {
  if (!canChangeProtocol(state)) return state;
  let findings = state.findings;
  for (const side of sides) {
    findings = withFoot(findings, side, (foot) => {
      const { monofilament: _m, touchTest: _t, ...rest } = foot;
      return { ...rest, ...blankSensation(protocol) };
    });
  }
  return { ...state, findings, position: { ...state.position, pending: null } };
}

export function setExamStatus(state: ScreeningState, status: ExamStatus, reason: string): ScreeningState {
  const { examStatusReason: _r, ...rest } = state.findings;
  const findings: Findings = status === 'performed' ? { ...rest, examStatus: status } : { ...rest, examStatus: status, examStatusReason: reason };
  return { ...state, findings };
}

export function setFootStatus(state: ScreeningState, side: Side, status: FootStatus, reason: string): ScreeningState {
  return updateFoot(state, side, (foot) => {
    const { statusReason: _r, ...rest } = foot;
    return status === 'present' ? { ...rest, status } : { ...rest, status, statusReason: reason };
  });
}

// ---------- moving about ----------

function firstUnrecordedSite(state: ScreeningState): SiteRef | undefined {
  const all = sensationSites(state);
  return all.find((s) => siteValue(state.findings, protocolOf(state), s) === undefined) ?? all[0];
}

function siteValue(findings: Findings, protocol: SiteProtocolId, ref: SiteRef): unknown {
  const foot = findings.feet[ref.side];
  if (protocol === 'ipswich') return (foot.touchTest?.sites as Record<string, unknown> | undefined)?.[ref.key];
  return (foot.monofilament?.sites as Record<string, unknown> | undefined)?.[ref.key];
}

function vibrationRecorded(foot: FootFindings): boolean {
  const v = foot.vibration;
  if (!v) return false;
  if (v.method === 'vpt') return v.voltage !== null && v.voltage !== undefined;
  return v.result !== undefined || (v.applications?.length ?? 0) > 0;
}

/** Keeps the answers of a sensory site left part-way through its touches (a first test or a re-test). */
function park(state: ScreeningState): ScreeningState {
  const { position } = state;
  if (position.step !== 'sensation' || !position.side || !position.site || !position.pending || position.pending.answers.length === 0) return state;
  return { ...state, parked: { side: position.side, site: position.site, pending: position.pending } };
}

/** Opens a step; the sensory steps open at the first site not yet recorded, ready for the first touch. */
export function goToStep(current: ScreeningState, step: ScreeningStep, random: Random): ScreeningState {
  const state = park(current);
  if (step === 'sensation') {
    const site = firstUnrecordedSite(state);
    if (!site) return { ...state, position: { step, side: null, site: null, pending: null } };
    return goToSite(state, site, random);
  }
  if (step === 'vibration') {
    const examined = examinedSides(state.findings);
    const side = examined.find((s) => !vibrationRecorded(state.findings.feet[s])) ?? examined[0] ?? null;
    return side ? goToFork(state, side, random) : { ...state, position: { step, side: null, site: null, pending: null } };
  }
  return { ...state, position: { step, side: null, site: null, pending: null } };
}

export function goToSite(current: ScreeningState, site: SiteRef, random: Random): ScreeningState {
  const state = park(current);
  const { parked, ...rest } = state;
  if (parked && parked.side === site.side && parked.site === site.key) {
    return { ...rest, position: { step: 'sensation', side: site.side, site: site.key, pending: parked.pending } };
  }
  return {
    ...state,
    position: { step: 'sensation', side: site.side, site: site.key, pending: { sequence: touchSequence(protocolOf(state), random), answers: [] } },
  };
}

export function goToFork(current: ScreeningState, side: Side, random: Random): ScreeningState {
  const state = park(current);
  const method = state.findings.feet[side].vibration?.method ?? 'tuning-fork-128';
  const pending = method === 'tuning-fork-128' ? { sequence: forkSequence(random), answers: [] } : null;
  return { ...state, position: { step: 'vibration', side, site: 'tuningFork', pending } };
}

export function nextStep(state: ScreeningState, random: Random): ScreeningState {
  const steps = applicableSteps(state.findings);
  const at = steps.indexOf(state.position.step);
  const next = steps[Math.min(steps.length - 1, at + 1)] ?? 'review';
  return goToStep(state, next, random);
}

export function previousStep(state: ScreeningState, random: Random): ScreeningState {
  const steps = applicableSteps(state.findings);
  const at = steps.indexOf(state.position.step);
  const prev = steps[Math.max(0, at - 1)] ?? 'setup';
  return goToStep(state, prev, random);
}

function afterSite(state: ScreeningState, done: SiteRef, random: Random): ScreeningState {
  const all = sensationSites(state);
  const at = all.findIndex((s) => s.side === done.side && s.key === done.key);
  const rest = [...all.slice(at + 1), ...all.slice(0, Math.max(0, at))];
  const next = rest.find((s) => siteValue(state.findings, protocolOf(state), s) === undefined);
  return next ? goToSite(state, next, random) : nextStep(state, random);
}

function afterFork(state: ScreeningState, side: Side, random: Random): ScreeningState {
  const examined = examinedSides(state.findings);
  const next = examined.find((s) => s !== side && !vibrationRecorded(state.findings.feet[s]));
  return next ? goToFork(state, next, random) : nextStep(state, random);
}

// ---------- answering ----------

function writeSite(findings: Findings, protocol: SiteProtocolId, ref: SiteRef, value: unknown): Findings {
  return withFoot(findings, ref.side, (foot) => {
    if (protocol === 'ipswich') {
      const touch = foot.touchTest ?? { protocol: 'ipswich' as const, sites: {} };
      return { ...foot, touchTest: { ...touch, sites: { ...touch.sites, [ref.key as TouchTestSiteKey]: value } } as FootFindings['touchTest'] };
    }
    const mono = foot.monofilament ?? { protocol: protocol === '10-site' ? ('10-site' as const) : ('iwgdf-3' as const), sites: {} };
    return { ...foot, monofilament: { ...mono, sites: { ...mono.sites, [ref.key as MonofilamentSiteKey]: value } } as FootFindings['monofilament'] };
  });
}

/**
 * "Felt it?" Records one answer at the current site (or fork). When the sequence is complete the
 * raw applications are stored, the engine derives felt / not felt from them, and the screen moves
 * to the next site.
 */
export function answer(state: ScreeningState, response: Answer, random: Random): ScreeningState {
  const { position } = state;
  const pending = position.pending;
  if (!pending || !position.side || !position.site) return state;
  const answers = [...pending.answers, response];
  if (answers.length < pending.sequence.length) {
    return { ...state, position: { ...position, pending: { ...pending, answers } } };
  }
  const applications: Application[] = pending.sequence.map((touch, i) => ({ sham: touch === 'sham', response: answers[i] ?? 'no' }));
  if (position.step === 'vibration') {
    const side = position.side;
    const next = updateFoot(state, side, (foot) => ({ ...foot, vibration: { method: 'tuning-fork-128', site: 'hallux', applications } }));
    return afterFork(next, side, random);
  }
  const protocol = protocolOf(state);
  const ref = { side: position.side, key: position.site };
  const value = protocol === 'ipswich' ? (response === 'yes' ? 'felt' : 'not_felt') : { applications };
  // The site is finished: nothing of it is left to keep when the screen moves on.
  const next = { ...state, findings: writeSite(state.findings, protocol, ref, value), position: { ...position, pending: null } };
  return afterSite(next, ref, random);
}

/** The current site cannot be tested (never on an ulcer, callus, scar or necrosis: IWGDF 2023). */
export function markNotTestable(state: ScreeningState, reason: NotTestableReason, random: Random): ScreeningState {
  const { position } = state;
  if (!position.side || !position.site) return state;
  if (position.step === 'vibration') {
    const side = position.side;
    const next = updateFoot(state, side, (foot) => ({ ...foot, vibration: { method: 'tuning-fork-128', result: 'not_tested' } }));
    return afterFork(next, side, random);
  }
  const ref = { side: position.side, key: position.site };
  const next = { ...state, findings: writeSite(state.findings, protocolOf(state), ref, { result: 'not_tested', reason }), position: { ...position, pending: null } };
  return afterSite(next, ref, random);
}

/**
 * Takes back the last answer. With no answer given at this site yet, it reopens the previous site
 * with its earlier answers minus the last one, so a slip is corrected without starting over.
 */
export function undo(state: ScreeningState, random: Random): ScreeningState {
  const { position } = state;
  if (position.pending && position.pending.answers.length > 0) {
    return { ...state, position: { ...position, pending: { ...position.pending, answers: position.pending.answers.slice(0, -1) } } };
  }
  if (position.step !== 'sensation' || !position.side || !position.site) return state;
  const all = sensationSites(state);
  const at = all.findIndex((s) => s.side === position.side && s.key === position.site);
  const previous = at > 0 ? all[at - 1] : undefined;
  if (!previous) return state;
  const protocol = protocolOf(state);
  const value = siteValue(state.findings, protocol, previous);
  const cleared = writeSite(state.findings, protocol, previous, undefined);
  const reopened: ScreeningState = { ...state, findings: stripUndefinedSites(cleared) };
  if (value && typeof value === 'object' && 'applications' in value && Array.isArray(value.applications)) {
    const apps = value.applications as Application[];
    return {
      ...reopened,
      position: {
        step: 'sensation',
        side: previous.side,
        site: previous.key,
        pending: { sequence: apps.map((a) => (a.sham ? 'sham' : 'real')), answers: apps.slice(0, -1).map((a) => a.response) },
      },
    };
  }
  return goToSite(reopened, previous, random);
}

/** Removes sites set to undefined, so the stored JSON only holds what was recorded. */
function stripUndefinedSites(findings: Findings): Findings {
  let out = findings;
  for (const side of sides) {
    out = withFoot(out, side, (foot) => {
      const next = { ...foot };
      if (foot.monofilament) {
        next.monofilament = { ...foot.monofilament, sites: Object.fromEntries(Object.entries(foot.monofilament.sites).filter(([, v]) => v !== undefined)) };
      }
      if (foot.touchTest) {
        next.touchTest = { ...foot.touchTest, sites: Object.fromEntries(Object.entries(foot.touchTest.sites).filter(([, v]) => v !== undefined)) };
      }
      return next;
    });
  }
  return out;
}

// ---------- "none of these" for the form steps ----------

/** `defaults` filled in only where nothing was recorded: a "yes" already given is never overwritten. */
function fillUnrecorded<T extends object>(recorded: T | undefined, defaults: Required<T> | T): T {
  const out: Record<string, unknown> = { ...(recorded ?? {}) };
  for (const [key, value] of Object.entries(defaults)) if (out[key] === undefined) out[key] = value;
  return out as T;
}

/**
 * Records "no" for every item of a step that has not been answered yet, on every examined foot
 * (or for the person): one key press writes an explicit `false` for each remaining item, which
 * is what was found, never a silent default. Answers already given (a "yes") are kept.
 */
export function recordNone(
  state: ScreeningState,
  step: 'skin' | 'deformity' | 'history' | 'symptoms',
  random: Random,
  /** Finding paths left alone (an answer carried from the last screening, still to be confirmed). */
  keep: ReadonlySet<string> = new Set(),
): ScreeningState {
  const kept = <T extends object>(prefix: string, defaults: T): T => Object.fromEntries(Object.entries(defaults).filter(([key]) => !keep.has(`${prefix}.${key}`))) as T;
  let findings = state.findings;
  switch (step) {
    case 'skin':
      for (const side of examinedSides(findings)) {
        findings = withFoot(findings, side, (foot) => ({
          ...foot,
          skin: fillUnrecorded(foot.skin, {
            activeUlcer: false,
            infection: false,
            gangrene: false,
            callus: false,
            fissures: false,
            dryness: false,
            interdigitalMaceration: false,
            preUlcerativeLesion: false,
          }),
          oedema: foot.oedema ?? false,
          nails: fillUnrecorded(foot.nails, { thickened: false, ingrown: false, fungal: false }),
        }));
      }
      break;
    case 'deformity':
      for (const side of examinedSides(findings)) {
        findings = withFoot(findings, side, (foot) => ({
          ...foot,
          // A deformity carried from the last screening waits for its confirmation.
          deformity: foot.deformity?.present !== undefined || keep.has(`feet.${side}.deformity`) ? foot.deformity : { present: false, types: [] },
          activeCharcot: foot.activeCharcot ?? false,
          hotSwollen: foot.hotSwollen ?? false,
        }));
      }
      break;
    case 'history':
      // The person-level amputation is the worse side: it waits while either side waits.
      if (sides.some((side) => keep.has(`feet.${side}.previousAmputation`))) keep = new Set([...keep, 'history.previousAmputation']);
      findings = {
        ...findings,
        history: fillUnrecorded(
          findings.history,
          kept<History>('history', { previousUlcer: false, previousAmputation: 'none', endStageRenalDisease: false, onDialysis: false, underVascularClinic: false, previousVascularIntervention: false }),
        ),
      };
      for (const side of sides) {
        if (findings.feet[side].status === 'present' && findings.feet[side].previousAmputation === undefined && !keep.has(`feet.${side}.previousAmputation`)) {
          findings = withFoot(findings, side, (foot) => ({ ...foot, previousAmputation: 'none' }));
        }
      }
      break;
    case 'symptoms':
      findings = {
        ...findings,
        symptoms: fillUnrecorded(findings.symptoms, { neuropathic: false, claudication: false, restPain: false }),
        redFlags: fillUnrecorded(findings.redFlags, { suddenOnset: false, rapidSpread: false, markedAsymmetry: false, motorWeakness: false }),
      };
      break;
  }
  return nextStep({ ...state, findings }, random);
}

/** The step where each finding of a foot is recorded: a new foot finding must be given its step here. */
const footFindingSteps: Readonly<Record<keyof FootFindings, ScreeningStep>> = {
  status: 'setup',
  statusReason: 'setup',
  monofilament: 'sensation',
  touchTest: 'sensation',
  vibration: 'vibration',
  ankleReflex: 'neurology',
  pinPrick: 'neurology',
  temperature: 'neurology',
  pulses: 'circulation',
  abi: 'circulation',
  tbi: 'circulation',
  waveforms: 'circulation',
  toePressure: 'circulation',
  pressures: 'circulation',
  criticalIschaemia: 'circulation',
  skin: 'skin',
  nails: 'skin',
  colour: 'skin',
  warmth: 'skin',
  oedema: 'skin',
  deformity: 'deformity',
  activeCharcot: 'deformity',
  hotSwollen: 'deformity',
  previousAmputation: 'history',
};

function isFootFinding(item: string): item is keyof FootFindings {
  return Object.hasOwn(footFindingSteps, item);
}

/** Where the guided screen shows a finding path from the engine ("feet.left.monofilament.sites.hallux"). */
export function targetOf(path: string): FindingTarget {
  const parts = path.split('.');
  if (parts[0] === 'history') return { step: 'history', side: null, site: null };
  if (parts[0] === 'symptoms' || parts[0] === 'redFlags') return { step: 'symptoms', side: null, site: null };
  if (parts[0] === 'mnsiQuestionnaire') return { step: 'neurology', side: null, site: null };
  if (parts[0] === 'selfCare') return { step: 'history', side: null, site: null };
  if (parts[0] === 'footwear') return { step: 'deformity', side: null, site: null };
  if (parts[0] === 'examStatus' || parts[0] === 'examStatusReason') return { step: 'setup', side: null, site: null };
  if (parts[0] !== 'feet') return { step: 'review', side: null, site: null };
  const side = parts[1] === 'left' || parts[1] === 'right' ? parts[1] : null;
  const item = parts[2] ?? '';
  // A path to the foot itself ("feet.left") is about its status, recorded at setup.
  if (!isFootFinding(item)) return { step: 'setup', side, site: null };
  const step = footFindingSteps[item];
  const site = step === 'sensation' && parts[3] === 'sites' ? (parts[4] ?? null) : null;
  return { step, side, site };
}

/**
 * Opens the step of a finding (and its site, for sensation) to look at it. A site or fork that
 * already has a result is shown, not tested again: a new test starts only when the nurse asks.
 */
export function jumpTo(current: ScreeningState, target: FindingTarget, random: Random): ScreeningState {
  const state = park(current);
  if (target.step === 'sensation' && target.side && target.site && sensationSites(state).some((s) => s.side === target.side && s.key === target.site)) {
    const site = { side: target.side, key: target.site };
    if (siteValue(state.findings, protocolOf(state), site) === undefined) return goToSite(state, site, random);
    return { ...state, position: { step: 'sensation', side: site.side, site: site.key, pending: null } };
  }
  if (target.step === 'vibration' && target.side && examinedSides(state.findings).includes(target.side)) {
    if (!vibrationRecorded(state.findings.feet[target.side])) return goToFork(state, target.side, random);
    return { ...state, position: { step: 'vibration', side: target.side, site: 'tuningFork', pending: null } };
  }
  return goToStep(state, target.step, random);
}

function isAbnormal(value: unknown): boolean {
  return value === true || value === 'not_palpable' || value === 'not_felt' || value === 'absent' || value === 'abnormal' || value === 'minor' || value === 'major';
}

function valueAt(findings: Findings, path: string): unknown {
  let at: unknown = findings;
  for (const part of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

/**
 * The one finding a reason is about, of the several it rests on: the last one recorded as
 * abnormal (a rule lists the general finding, e.g. loss of sensation, before the one that sets
 * it apart, e.g. callus), else the first.
 */
export function findingOfReason(findings: Findings, paths: readonly string[]): string | undefined {
  const abnormal = paths.filter((p) => isAbnormal(valueAt(findings, p)));
  return abnormal.at(-1) ?? paths[0];
}
