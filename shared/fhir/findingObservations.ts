import type { CodeableConcept, Coding, Encounter, Identifier, Observation, ObservationComponent, Patient, PractitionerRole, Reference } from '@medplum/fhirtypes';
import type { Assessment } from '../clinical/assessment';
import {
  footStatuses,
  monofilamentSiteKeys,
  sides,
  siteResults,
  touchTestSiteKeys,
  vibrationResults,
  type Application,
  type Findings,
  type FootFindings,
  type MonofilamentSiteValue,
  type Side,
  type TouchTestSiteValue,
  type Vibration,
} from '../domain/findings';
import { assertNever } from '../ipc/result';
import { appCodeIn, appCoding, bodySiteNames } from './codeSystems';
import { itemKey, itemsOf, snomed, type FindingItem, type ValueSpec } from './findingItems';
import { identifierToken, nameUuid, resourceIdentifier } from './identity';
import { appCodeSystemUrl, externalSystems } from './systems';

/**
 * Findings <-> Observations. Every recorded item becomes one Observation (the table in
 * findingItems.ts), plus a panel per sensory test per foot whose members are its sites, each with
 * the raw real and sham answers as components when they were recorded. An item left out of the
 * findings (not recorded) gets no Observation, so reading the Observations back gives the same
 * findings: `false` stays `false`, `null` (not measured) stays `null`, absent stays absent.
 */

export interface ObservationFrame {
  subject: Reference<Patient>;
  encounter: Reference<Encounter>;
  performer: Reference<PractitionerRole>[];
  /** When the examination took place (ISO date). */
  effective: string;
  status: 'final' | 'amended';
  /** The identifier of this screening version; each Observation's identifier extends it. */
  version: Identifier;
}

export interface WrittenObservation {
  fullUrl: string;
  resource: Observation;
  /** The findings paths this Observation records (`feet.left.monofilament.sites.hallux`), to link reasons to evidence. */
  paths: string[];
  /** Panels and lone findings; panel members are reached through `hasMember`. */
  topLevel: boolean;
}

const examCategory: CodeableConcept[] = [
  { coding: [{ system: externalSystems.observationCategory, code: 'exam', display: 'Exam' }] },
];
const notPerformed: Coding = { system: externalSystems.dataAbsentReason, code: 'not-performed', display: 'Not Performed' };

export function bodySite(side: Side, key: string): CodeableConcept {
  const coding = appCoding('body-site', `${side}.${key}`);
  return { coding: [coding], text: `${side === 'right' ? 'Right' : 'Left'} ${(bodySiteNames[key] ?? key).toLowerCase()}` };
}

function sideOfBodySite(concept: CodeableConcept | undefined): { side: Side; site: string } | null {
  const code = appCodeIn(concept, 'body-site');
  const m = code === undefined ? null : /^(right|left)\.(.+)$/.exec(code);
  return m ? { side: m[1] as Side, site: m[2] ?? '' } : null;
}

function at(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function setAt(root: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = root;
  path.forEach((key, i) => {
    if (i === path.length - 1) node[key] = value;
    else {
      const next = node[key];
      if (next === null || typeof next !== 'object') node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
  });
}

function answerComponents(applications: readonly Application[]): ObservationComponent[] {
  return applications.map((a) => ({
    code: { coding: [appCoding('finding', a.sham ? 'application-sham' : 'application-real')] },
    valueBoolean: a.response === 'yes',
  }));
}

function answersFrom(components: readonly ObservationComponent[] | undefined): Application[] {
  const out: Application[] = [];
  for (const c of components ?? []) {
    const code = appCodeIn(c.code, 'finding');
    if (code === 'application-real' || code === 'application-sham') out.push({ sham: code === 'application-sham', response: c.valueBoolean ? 'yes' : 'no' });
  }
  return out;
}

class Writer {
  readonly out: WrittenObservation[] = [];

  constructor(private readonly frame: ObservationFrame) {}

  observation(key: string, codings: Coding[], text: string, extra: Partial<Observation>, paths: string[], topLevel = true): WrittenObservation {
    const identifier = resourceIdentifier(this.frame.version, `obs/${key}`);
    const resource: Observation = {
      resourceType: 'Observation',
      identifier: [identifier],
      status: this.frame.status,
      category: examCategory,
      code: { coding: codings, text },
      subject: this.frame.subject,
      encounter: this.frame.encounter,
      effectiveDateTime: this.frame.effective,
      performer: this.frame.performer,
      ...extra,
    };
    const written = { fullUrl: nameUuid(identifierToken(identifier)), resource, paths, topLevel };
    this.out.push(written);
    return written;
  }
}

function valueFields(spec: ValueSpec, value: unknown): Partial<Observation> {
  switch (spec.kind) {
    case 'boolean':
      return { valueBoolean: value === true };
    case 'code': {
      const coding = appCoding(spec.codeSystem, String(value));
      return { valueCodeableConcept: { coding: [coding], text: coding.display } };
    }
    case 'quantity':
      return value === null
        ? { dataAbsentReason: { coding: [notPerformed], text: 'Not measured' } }
        : { valueQuantity: { value: value as number, unit: spec.unit, system: externalSystems.ucum, code: spec.ucum } };
    case 'text':
      return { valueString: String(value) };
    case 'textList': {
      const list = value as readonly string[];
      return list.length === 0 ? {} : { component: list.map((text) => ({ code: { coding: [appCoding('finding', spec.componentCode)] }, valueString: text })) };
    }
    default:
      return assertNever(spec, 'finding value kind');
  }
}

function writeItem(writer: Writer, item: FindingItem, source: unknown, side: Side | null, pathPrefix: string): void {
  const value = at(source, item.path);
  const note = item.notePath ? at(source, item.notePath) : undefined;
  if (value === undefined && note === undefined) return;
  const site = item.site ?? 'foot';
  const extra: Partial<Observation> = value === undefined ? {} : valueFields(item.value, value);
  if (side !== null) extra.bodySite = bodySite(side, site);
  if (item.method) extra.method = { coding: [item.method] };
  if (typeof note === 'string') extra.note = [{ text: note }];
  const code = appCoding('finding', item.code);
  const display = code.display ?? item.display;
  const text = side === null ? display : `${display}, ${side} ${site === 'foot' ? 'foot' : (bodySiteNames[site] ?? site).toLowerCase()}`;
  const paths = [`${pathPrefix}${item.path.join('.')}`];
  if (item.notePath) paths.push(`${pathPrefix}${item.notePath.join('.')}`);
  writer.observation(`${side ?? 'exam'}/${itemKey(item)}`, [...(item.codings ?? []), code], text, extra, paths);
}

function siteState(assessment: Assessment | null, side: Side, test: 'monofilament' | 'touchTest', key: string): string | undefined {
  return assessment?.perFoot[side][test].sites.find((s) => s.key === key)?.state;
}

function writeSensorySite(
  writer: Writer,
  side: Side,
  test: 'monofilament' | 'touchTest',
  key: string,
  value: MonofilamentSiteValue | TouchTestSiteValue,
  assessment: Assessment | null,
): WrittenObservation {
  const isMono = test === 'monofilament';
  const siteKey = isMono ? key : `tip-of-${key}`;
  const extra: Partial<Observation> = { bodySite: bodySite(side, siteKey) };
  if (typeof value === 'string') {
    const coding = appCoding('site-result', value);
    extra.valueCodeableConcept = { coding: [coding], text: coding.display };
  } else if ('applications' in value) {
    const state = siteState(assessment, side, test, key);
    if (state !== undefined) {
      const coding = appCoding('site-result', state);
      extra.valueCodeableConcept = { coding: [coding], text: `${coding.display ?? state} (from the answers)` };
    }
    if (value.applications.length > 0) extra.component = answerComponents(value.applications);
  } else {
    extra.dataAbsentReason = { coding: [notPerformed, appCoding('not-testable-reason', value.reason)], text: appCoding('not-testable-reason', value.reason).display };
    if (value.note !== undefined) extra.note = [{ text: value.note }];
  }
  const codings = isMono ? [snomed.monofilamentTest, appCoding('finding', 'monofilament-site')] : [appCoding('finding', 'touch-test-site')];
  const label = `${isMono ? 'Monofilament' : 'Ipswich Touch Test'}, ${side} ${(bodySiteNames[siteKey] ?? key).toLowerCase()}`;
  return writer.observation(`${side}/${isMono ? 'monofilament-site' : 'touch-test-site'}@${siteKey}`, codings, label, extra, [`feet.${side}.${test}.sites.${key}`], false);
}

function writeVibration(writer: Writer, side: Side, vibration: Vibration, assessment: Assessment | null): void {
  const method = appCoding('vibration-method', vibration.method);
  const extra: Partial<Observation> = { method: { coding: [method] } };
  const place = vibration.method === 'tuning-fork-128' && vibration.site !== undefined ? (vibration.site === 'hallux' ? 'hallux-dorsal' : vibration.site) : 'foot';
  extra.bodySite = bodySite(side, place);
  if (vibration.result !== undefined) {
    const coding = appCoding('vibration-result', vibration.result);
    extra.valueCodeableConcept = { coding: [coding], text: coding.display };
  } else {
    const derived = assessment?.perFoot[side].vibration.state;
    if (derived !== undefined) extra.interpretation = [{ coding: [appCoding('vibration-result', derived)], text: 'Derived from the answers' }];
  }
  const components: ObservationComponent[] = [];
  if (vibration.method === 'vpt') {
    const code = { coding: [appCoding('finding', 'vibration-perception-threshold')] };
    components.push(
      vibration.voltage === null
        ? { code, dataAbsentReason: { coding: [notPerformed] } }
        : { code, valueQuantity: { value: vibration.voltage, unit: 'V', system: externalSystems.ucum, code: 'V' } },
    );
  } else if (vibration.applications !== undefined) {
    components.push(...answerComponents(vibration.applications));
  }
  if (components.length > 0) extra.component = components;
  writer.observation(`${side}/vibration`, [appCoding('finding', 'vibration')], `Vibration sense, ${side} foot (${method.display ?? ''})`, extra, [`feet.${side}.vibration`]);
}

function writeFoot(writer: Writer, side: Side, foot: FootFindings, assessment: Assessment | null): void {
  for (const item of itemsOf('foot')) writeItem(writer, item, foot, side, `feet.${side}.`);
  if (foot.monofilament) {
    const sites = monofilamentSiteKeys.flatMap((key) => {
      const value = foot.monofilament?.sites[key];
      return value === undefined ? [] : [writeSensorySite(writer, side, 'monofilament', key, value, assessment)];
    });
    writer.observation(
      `${side}/monofilament`,
      [snomed.monofilamentTest, appCoding('finding', 'monofilament')],
      `10 g monofilament, ${side} foot`,
      { bodySite: bodySite(side, 'foot'), method: { coding: [appCoding('monofilament-protocol', foot.monofilament.protocol)] }, hasMember: sites.map((s) => ({ reference: s.fullUrl })) },
      [`feet.${side}.monofilament.protocol`],
    );
  }
  if (foot.touchTest) {
    const sites = touchTestSiteKeys.flatMap((key) => {
      const value = foot.touchTest?.sites[key];
      return value === undefined ? [] : [writeSensorySite(writer, side, 'touchTest', key, value, assessment)];
    });
    writer.observation(
      `${side}/touch-test`,
      [appCoding('finding', 'touch-test')],
      `Ipswich Touch Test, ${side} foot`,
      { bodySite: bodySite(side, 'foot'), method: { coding: [appCoding('monofilament-protocol', 'ipswich')] }, hasMember: sites.map((s) => ({ reference: s.fullUrl })) },
      [`feet.${side}.touchTest.protocol`],
    );
  }
  if (foot.vibration) writeVibration(writer, side, foot.vibration, assessment);
}

/** The Observations of one signed screening, in a stable order (exam items, then right foot, then left). */
export function findingObservations(findings: Findings, assessment: Assessment | null, frame: ObservationFrame): WrittenObservation[] {
  const writer = new Writer(frame);
  for (const item of itemsOf('exam')) writeItem(writer, item, findings, null, '');
  for (const side of sides) writeFoot(writer, side, findings.feet[side], assessment);
  return writer.out;
}

// ---------------------------------------------------------------------------------------------
// Reading back

export interface FindingsReadIssue {
  /** Which Observation (its identifier value or fullUrl). */
  where: string;
  message: string;
}

function readValue(spec: ValueSpec, obs: Observation): { ok: true; value: unknown } | { ok: false; message: string } {
  switch (spec.kind) {
    case 'boolean':
      return typeof obs.valueBoolean === 'boolean' ? { ok: true, value: obs.valueBoolean } : { ok: false, message: 'expected a yes/no value' };
    case 'code': {
      const code = appCodeIn(obs.valueCodeableConcept, spec.codeSystem);
      return code !== undefined && spec.values.includes(code)
        ? { ok: true, value: code }
        : { ok: false, message: `expected one of ${spec.values.join(', ')} from ${appCodeSystemUrl(spec.codeSystem)}` };
    }
    case 'quantity':
      if (obs.valueQuantity?.value !== undefined) return { ok: true, value: obs.valueQuantity.value };
      if (spec.nullable && obs.dataAbsentReason) return { ok: true, value: null };
      return { ok: false, message: `expected a value in ${spec.unit}` };
    case 'text':
      return typeof obs.valueString === 'string' ? { ok: true, value: obs.valueString } : { ok: false, message: 'expected text' };
    case 'textList':
      return { ok: true, value: (obs.component ?? []).filter((c) => appCodeIn(c.code, 'finding') === spec.componentCode).map((c) => c.valueString ?? '') };
    default:
      return assertNever(spec, 'finding value kind');
  }
}

function hasValue(obs: Observation): boolean {
  return (
    obs.valueBoolean !== undefined ||
    obs.valueCodeableConcept !== undefined ||
    obs.valueQuantity !== undefined ||
    obs.valueString !== undefined ||
    obs.dataAbsentReason !== undefined ||
    (obs.component?.length ?? 0) > 0
  );
}

const itemByKey = new Map<string, FindingItem>([...itemsOf('exam').map((i) => [`exam:${itemKey(i)}`, i] as const), ...itemsOf('foot').map((i) => [`foot:${itemKey(i)}`, i] as const)]);

/**
 * The findings recorded by a screening's Observations. Every Observation must be one the app
 * knows (its `finding` code): an unknown one is reported rather than dropped, since the findings
 * would otherwise be incomplete without anyone knowing.
 */
export function findingsFromObservations(observations: readonly Observation[]): { ok: true; findings: Findings } | { ok: false; issues: FindingsReadIssue[] } {
  const issues: FindingsReadIssue[] = [];
  const root: Record<string, unknown> = { schemaVersion: 1, feet: { right: {}, left: {} } };
  const feet = root.feet as Record<Side, Record<string, unknown>>;
  const where = (obs: Observation): string => obs.identifier?.[0]?.value ?? obs.id ?? obs.code.text ?? 'Observation';
  const sitesLater: { obs: Observation; side: Side; site: string; test: 'monofilament' | 'touchTest' }[] = [];

  for (const obs of observations) {
    const code = appCodeIn(obs.code, 'finding');
    if (code === undefined) {
      issues.push({ where: where(obs), message: 'not a finding of this app (no code from its finding code system)' });
      continue;
    }
    const placed = sideOfBodySite(obs.bodySite);
    switch (code) {
      case 'monofilament':
      case 'touch-test': {
        if (!placed) {
          issues.push({ where: where(obs), message: 'no foot (body site) given' });
          break;
        }
        const protocol = appCodeIn(obs.method, 'monofilament-protocol');
        if (code === 'monofilament' && (protocol === 'iwgdf-3' || protocol === '10-site')) setAt(feet[placed.side], ['monofilament'], { protocol, sites: {} });
        else if (code === 'touch-test' && protocol === 'ipswich') setAt(feet[placed.side], ['touchTest'], { protocol, sites: {} });
        else issues.push({ where: where(obs), message: `unknown protocol "${String(protocol)}"` });
        break;
      }
      case 'monofilament-site':
      case 'touch-test-site':
        if (!placed) issues.push({ where: where(obs), message: 'no site (body site) given' });
        else sitesLater.push({ obs, side: placed.side, site: placed.site, test: code === 'monofilament-site' ? 'monofilament' : 'touchTest' });
        break;
      case 'vibration': {
        if (!placed) {
          issues.push({ where: where(obs), message: 'no foot (body site) given' });
          break;
        }
        const read = readVibration(obs, placed.site);
        if (typeof read === 'string') issues.push({ where: where(obs), message: read });
        else feet[placed.side].vibration = read;
        break;
      }
      default: {
        const scope = placed ? 'foot' : 'exam';
        const item = itemByKey.get(`${scope}:${code}@${placed && placed.site !== 'foot' ? placed.site : 'foot'}`);
        if (!item) {
          issues.push({ where: where(obs), message: `finding "${code}" is not known to this version of the app` });
          break;
        }
        const target = placed ? feet[placed.side] : root;
        // An empty list is recorded as an Observation with no components: "recorded, none".
        if (hasValue(obs) || item.value.kind === 'textList') {
          const value = readValue(item.value, obs);
          if (!value.ok) issues.push({ where: where(obs), message: `${item.display}: ${value.message}` });
          else setAt(target, item.path, value.value);
        }
        const note = obs.note?.[0]?.text;
        if (item.notePath && note !== undefined) setAt(target, item.notePath, note);
      }
    }
  }
  for (const { obs, side, site, test } of sitesLater) {
    const key = test === 'touchTest' ? site.replace(/^tip-of-/, '') : site;
    const known = test === 'touchTest' ? (touchTestSiteKeys as readonly string[]).includes(key) : (monofilamentSiteKeys as readonly string[]).includes(key);
    const container = feet[side][test] as { sites: Record<string, unknown> } | undefined;
    if (!known) issues.push({ where: where(obs), message: `unknown site "${site}"` });
    else if (!container) issues.push({ where: where(obs), message: `a ${test === 'touchTest' ? 'touch-test' : 'monofilament'} site without its test panel` });
    else {
      const value = readSite(obs, test);
      if (typeof value === 'string' && !(siteResults as readonly string[]).includes(value)) issues.push({ where: where(obs), message: value });
      else container.sites[key] = value;
    }
  }
  for (const side of sides) {
    if (!(footStatuses as readonly unknown[]).includes(feet[side].status)) issues.push({ where: `${side} foot`, message: 'no foot status Observation' });
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, findings: root as unknown as Findings };
}

/** A site's recorded value; a string that is not a site result is an error message. */
function readSite(obs: Observation, test: 'monofilament' | 'touchTest'): MonofilamentSiteValue | TouchTestSiteValue | string {
  const answers = answersFrom(obs.component);
  const code = appCodeIn(obs.valueCodeableConcept, 'site-result');
  if (test === 'monofilament' && (answers.length > 0 || (code !== undefined && !(siteResults as readonly string[]).includes(code)))) {
    return { applications: answers };
  }
  if (obs.dataAbsentReason) {
    const reason = appCodeIn(obs.dataAbsentReason, 'not-testable-reason');
    if (reason === undefined) return 'a site not tested without its reason';
    const site: { result: 'not_tested'; reason: string; note?: string } = { result: 'not_tested', reason };
    if (obs.note?.[0]?.text !== undefined) site.note = obs.note[0].text;
    return site as TouchTestSiteValue;
  }
  if (code !== undefined && (siteResults as readonly string[]).includes(code)) return code as TouchTestSiteValue;
  return `site result "${String(code)}" is not felt, not_felt or not_tested`;
}

function readVibration(obs: Observation, place: string): Vibration | string {
  const method = appCodeIn(obs.method, 'vibration-method');
  const result = appCodeIn(obs.valueCodeableConcept, 'vibration-result');
  if (result !== undefined && !(vibrationResults as readonly string[]).includes(result)) return `vibration result "${result}" is not recorded by this app`;
  if (method === 'vpt') {
    const component = obs.component?.find((c) => appCodeIn(c.code, 'finding') === 'vibration-perception-threshold');
    const vpt: Vibration = { method: 'vpt', voltage: component?.valueQuantity?.value ?? null };
    if (result !== undefined) vpt.result = result as Vibration['result'];
    return vpt;
  }
  if (method !== 'tuning-fork-128') return `unknown vibration method "${String(method)}"`;
  const fork: Vibration = { method: 'tuning-fork-128' };
  if (result !== undefined) fork.result = result as Vibration['result'];
  const answers = answersFrom(obs.component);
  if (answers.length > 0) fork.applications = answers;
  if (place !== 'foot') fork.site = place === 'hallux-dorsal' ? 'hallux' : (place as NonNullable<typeof fork.site>);
  return fork;
}
