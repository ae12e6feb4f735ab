import type { Coding, Encounter, Identifier, Observation, Patient, PractitionerRole, Reference, RiskAssessment } from '@medplum/fhirtypes';
import type { Assessment, IwgdfResult, NiceResult } from '../clinical/assessment';
import { appCoding } from './codeSystems';
import type { WrittenObservation } from './findingObservations';
import { identifierToken, nameUuid, resourceIdentifier } from './identity';
import { externalSystems } from './systems';

/**
 * The IWGDF 2023 and NICE NG19 results of a signed screening as two RiskAssessments: the category
 * (the app's code, plus the generic SNOMED CT risk level where the guideline's own word is low,
 * moderate or high), the reasons, the rule set and its version, what to do, and the Observations
 * the reasons rest on.
 */

export interface RiskFrame {
  subject: Reference<Patient>;
  encounter: Reference<Encounter>;
  performer: Reference<PractitionerRole>;
  /** When the result was signed (instant). */
  occurrence: string;
  status: 'final' | 'amended';
  version: Identifier;
  engineVersion: string;
}

export interface WrittenRisk {
  fullUrl: string;
  resource: RiskAssessment;
}

/** SNOMED CT generic risk levels, as listed with these terms in DICOM CID 3118 "Risk Level" (docs/interop.md). */
const riskLevel = {
  low: { system: externalSystems.snomed, code: '75976002', display: 'Low risk' },
  moderate: { system: externalSystems.snomed, code: '25594002', display: 'Moderate risk' },
  high: { system: externalSystems.snomed, code: '15508007', display: 'High risk' },
} as const satisfies Record<string, Coding>;

/** The guideline's own word for the category, when it is one of the generic levels. */
function genericLevel(result: IwgdfResult | NiceResult): Coding | null {
  if (result.ruleSet === 'IWGDF-2023') {
    // IWGDF 2023 table: 0 very low, 1 low, 2 moderate, 3 high ulcer risk.
    if (result.category === 1) return riskLevel.low;
    if (result.category === 2) return riskLevel.moderate;
    if (result.category === 3) return riskLevel.high;
    return null;
  }
  if (result.category === 'low' || result.category === 'moderate' || result.category === 'high') return riskLevel[result.category];
  return null;
}

/** Observations whose recorded items a reason names (exactly, a part of them, or the whole they belong to). */
function evidence(paths: readonly string[], observations: readonly WrittenObservation[]): WrittenObservation[] {
  const named = new Set(paths);
  const containers = new Set<string>();
  for (const p of paths) for (let i = p.indexOf('.'); i > 0; i = p.indexOf('.', i + 1)) containers.add(p.slice(0, i));
  const matches = (p: string): boolean => {
    if (named.has(p) || containers.has(p)) return true;
    for (let i = p.indexOf('.'); i > 0; i = p.indexOf('.', i + 1)) if (named.has(p.slice(0, i))) return true;
    return false;
  };
  return observations.filter((o) => o.paths.some(matches));
}

function riskAssessment(result: IwgdfResult | NiceResult, frame: RiskFrame, observations: readonly WrittenObservation[]): WrittenRisk {
  const isIwgdf = result.ruleSet === 'IWGDF-2023';
  const code = isIwgdf ? 'iwgdf-2023' : 'nice-ng19';
  const category = appCoding(isIwgdf ? 'iwgdf-category' : 'nice-category', String(result.category));
  const generic = genericLevel(result);
  const deciding = result.because.filter((b) => b.category === result.category);
  const identifier = resourceIdentifier(frame.version, `risk/${code}`);
  const basis = evidence(result.because.flatMap((b) => b.findings), observations);
  const resource: RiskAssessment = {
    resourceType: 'RiskAssessment',
    identifier: [identifier],
    status: frame.status,
    method: {
      coding: [appCoding('rule-set', result.ruleSet)],
      text: `${result.ruleSet} rule set ${result.ruleSetVersion} (engine ${frame.engineVersion})`,
    },
    code: { coding: [appCoding('screening', code)] },
    subject: frame.subject,
    encounter: frame.encounter,
    occurrenceDateTime: frame.occurrence,
    performer: frame.performer,
    prediction: [
      {
        outcome: { coding: [appCoding('screening', 'foot-ulceration')] },
        qualitativeRisk: { coding: generic ? [category, generic] : [category], text: result.label },
        rationale: (deciding.length > 0 ? deciding : result.because).map((b) => b.reason).join(' ') || result.label,
      },
    ],
    mitigation: [result.action, result.interval].filter((t) => t.trim() !== '').join(' '),
  };
  if (basis.length > 0) resource.basis = basis.map((o): Reference<Observation> => ({ reference: o.fullUrl }));
  const notes = [
    ...result.because.map((b) => `${b.ruleId}: ${b.reason} (${b.source})`),
    ...result.toSettle.map((t) => `To settle: ${t.label}: ${t.action}`),
  ];
  if (notes.length > 0) resource.note = notes.map((text) => ({ text }));
  return { fullUrl: nameUuid(identifierToken(identifier)), resource };
}

export function riskAssessments(assessment: Assessment, frame: RiskFrame, observations: readonly WrittenObservation[]): WrittenRisk[] {
  return [riskAssessment(assessment.iwgdf2023, frame, observations), riskAssessment(assessment.nice, frame, observations)];
}

/** The category codings of both results, for the report's `conclusionCode`. */
export function conclusionCodings(assessment: Assessment): Coding[] {
  return [appCoding('iwgdf-category', String(assessment.iwgdf2023.category)), appCoding('nice-category', assessment.nice.category)];
}
