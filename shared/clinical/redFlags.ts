import type { Findings } from '../domain/findings';
import type { Tri } from './tri';

/**
 * Red flags of an atypical neuropathy and other causes to consider (medvellum.com; hospitalhandbook.ucsf.edu).
 * Prompts, not diagnoses. Engine convention: `redFlag` is true when any of suddenOnset,
 * rapidSpread, markedAsymmetry or motorWeakness is true. Weight loss prompts its own causes but
 * is not part of `redFlag`. A hot swollen foot is active disease (rule tables), not a red flag.
 */

export const redFlagIds = ['suddenOnset', 'rapidSpread', 'markedAsymmetry', 'motorWeakness'] as const;
export type RedFlagId = (typeof redFlagIds)[number];

export const redFlagLabels: Readonly<Record<RedFlagId, string>> = {
  suddenOnset: 'Sudden onset',
  rapidSpread: 'Rapid spread or progression (days to weeks)',
  markedAsymmetry: 'Marked asymmetry',
  motorWeakness: 'Motor-predominant weakness or foot drop',
};

export interface RedFlagSummary {
  redFlag: boolean;
  present: RedFlagId[];
  notRecorded: RedFlagId[];
  weightLoss: boolean;
  findings: string[];
}

export function summariseRedFlags(findings: Findings): RedFlagSummary {
  const flags = findings.redFlags ?? {};
  const present = redFlagIds.filter((id) => flags[id] === true);
  return {
    redFlag: present.length > 0,
    present,
    notRecorded: redFlagIds.filter((id) => flags[id] === undefined),
    weightLoss: flags.weightLoss === true,
    findings: [...present.map((id) => `redFlags.${id}`), ...(flags.weightLoss === true ? ['redFlags.weightLoss'] : [])],
  };
}

export interface OtherCause {
  id: string;
  cause: string;
  why: string;
  source: string;
  /** What prompted it. */
  findings: string[];
}

const differentials = 'PMC5125083 Table 2; hospitalhandbook.ucsf.edu';

/**
 * Other causes to consider when there is neuropathy (LOPS or neuropathic symptoms) or a red flag.
 * Causes tied to a specific red flag come first.
 */
export function otherCausesToConsider(findings: Findings, lops: { value: Tri; findings: string[] }, flags: RedFlagSummary): OtherCause[] {
  const neuropathicSymptoms = findings.symptoms?.neuropathic === true;
  const neuropathyPaths = [...(lops.value === true ? lops.findings : []), ...(neuropathicSymptoms ? ['symptoms.neuropathic'] : [])];
  const prompted = neuropathyPaths.length > 0 || flags.redFlag || flags.weightLoss;
  if (!prompted) return [];
  const has = (id: RedFlagId): boolean => flags.present.includes(id);
  const why = [...neuropathyPaths, ...flags.findings];
  const causes: OtherCause[] = [];

  if (has('suddenOnset') || has('rapidSpread')) {
    causes.push({
      id: 'acute-inflammatory-neuropathy',
      cause: 'Guillain-Barre syndrome or another acute inflammatory neuropathy',
      why: 'Sudden onset or rapid progression over days to weeks is not typical of diabetic neuropathy: arrange prompt medical review.',
      source: 'medvellum.com (peripheral neuropathy); hospitalhandbook.ucsf.edu/node/986',
      findings: flags.findings.filter((p) => p === 'redFlags.suddenOnset' || p === 'redFlags.rapidSpread'),
    });
  }
  if (has('markedAsymmetry')) {
    causes.push({
      id: 'mononeuritis-multiplex',
      cause: 'Mononeuritis multiplex (vasculitis)',
      why: 'Marked asymmetry is not typical of diabetic polyneuropathy.',
      source: 'medvellum.com; mdedge.com',
      findings: ['redFlags.markedAsymmetry'],
    });
  }
  if (has('motorWeakness')) {
    causes.push({
      id: 'motor-predominant',
      cause: 'Motor neuron disease or another cause of motor-predominant weakness',
      why: 'Motor-predominant weakness or foot drop is atypical for diabetic neuropathy.',
      source: 'medvellum.com',
      findings: ['redFlags.motorWeakness'],
    });
  }
  if (flags.weightLoss) {
    causes.push({
      id: 'malignancy-vasculitis',
      cause: 'Malignancy or vasculitis',
      why: 'Neuropathy with weight loss.',
      source: 'medvellum.com',
      findings: ['redFlags.weightLoss'],
    });
  }
  causes.push({
    id: 'entrapment-radiculopathy',
    cause: 'Nerve entrapment (e.g. tarsal tunnel) or lumbar radiculopathy / sciatica',
    why: has('markedAsymmetry')
      ? 'Marked asymmetry: electrodiagnostic tests separate polyneuropathy, entrapment and radiculopathy.'
      : 'Entrapment and radiculopathy are differentials of a neuropathic foot.',
    source: `hospitalhandbook.ucsf.edu; mdedge.com (tarsal tunnel specifically unverified)`,
    findings: has('markedAsymmetry') ? ['redFlags.markedAsymmetry'] : why,
  });
  const onMetformin = findings.history?.onMetformin === true;
  causes.push({
    id: 'vitamin-b12-deficiency',
    cause: 'Vitamin B12 deficiency',
    why: `${onMetformin ? 'On metformin: ' : 'Especially on metformin: '}ADA has recommended periodic B12 measurement in metformin users since 2017, especially with neuropathy or anaemia (ADA 2025: more than 1500 mg/day or more than 4-5 years of use).`,
    source: 'discovery.researcher.life (ADA abstract); wjgnet.com/1948-9358/tables/v16/i7/107514.htm',
    findings: onMetformin ? [...why, 'history.onMetformin'] : why,
  });
  causes.push({ id: 'alcohol', cause: 'Alcohol', why: 'The second commonest cause of polyneuropathy.', source: differentials, findings: why });
  const renal = findings.history?.endStageRenalDisease === true || findings.history?.onDialysis === true;
  causes.push({
    id: 'kidney-disease',
    cause: 'Chronic kidney disease / uraemia',
    why: renal ? 'Renal disease is recorded.' : 'A cause of polyneuropathy; renal function is among the tests to consider.',
    source: differentials,
    findings: renal ? [...why, 'history.endStageRenalDisease'] : why,
  });
  causes.push({ id: 'hypothyroidism', cause: 'Hypothyroidism', why: 'A cause of polyneuropathy; TSH is among the tests to consider.', source: differentials, findings: why });
  causes.push({ id: 'drugs', cause: 'Chemotherapy and other drugs', why: 'Chemotherapy and other drugs can cause neuropathy.', source: differentials, findings: why });
  causes.push({ id: 'hereditary', cause: 'Hereditary neuropathy (e.g. Charcot-Marie-Tooth)', why: 'A cause of polyneuropathy.', source: differentials, findings: why });
  causes.push({ id: 'paraprotein', cause: 'Paraproteinaemia', why: 'A cause of polyneuropathy.', source: differentials, findings: why });
  causes.push({
    id: 'tests-to-consider',
    cause: 'Blood tests to consider',
    why: 'Full blood count, ESR, HbA1c, TSH, renal function, vitamin B12 (with methylmalonic acid if B12 is below 400 pg/mL).',
    source: 'mdedge.com, secondary',
    findings: why,
  });
  return causes;
}
