import type { SiteAssessment } from '../clinical/assessment';
import { abiPadBelow, abiUnreliableAbove, tbiPadBelow } from '../clinical/pad';
import type { AnkleReflex, NormalAbnormal, PulseResult } from '../domain/findings';
import { assertNever } from '../ipc/result';

/**
 * One finding in the clinic's words, and whether it is abnormal (printed bold). Thresholds are
 * the engine's own constants, so the report's interpretation cannot drift from the assessment.
 */
export interface Reading {
  text: string;
  abnormal: boolean;
}

const notRecorded: Reading = { text: 'Not recorded', abnormal: false };

export function pulseReading(pulse: PulseResult | undefined): Reading {
  if (pulse === undefined) return notRecorded;
  switch (pulse) {
    case 'palpable':
      return { text: 'Palpable', abnormal: false };
    case 'not_palpable':
      return { text: 'Not palpable', abnormal: true };
    case 'not_tested':
      return { text: 'Not tested', abnormal: false };
    default:
      return assertNever(pulse, 'pulse result');
  }
}

/**
 * ABI: < 0.9 is PAD (WOCN ABI protocol); above 1.3 the arteries are likely
 * non-compressible and the value is unreliable (convention C4, Suominen 2008).
 */
export function abiReading(abi: number | null | undefined): Reading {
  if (abi === null || abi === undefined) return { text: 'Not measured', abnormal: false };
  const shown = abi.toFixed(2);
  if (abi < abiPadBelow) return { text: `${shown}: below ${abiPadBelow}, indicates PAD`, abnormal: true };
  if (abi > abiUnreliableAbove) {
    return { text: `${shown}: above ${abiUnreliableAbove}, unreliable (non-compressible arteries); consider TBI`, abnormal: true };
  }
  return { text: `${shown}: normal range (${abiPadBelow}-${abiUnreliableAbove})`, abnormal: false };
}

/** TBI: < 0.7 is PAD (threshold unverified; IWGDF 2023 counts 0.70 or more against PAD). */
export function tbiReading(tbi: number | null | undefined): Reading {
  if (tbi === null || tbi === undefined) return { text: 'Not measured', abnormal: false };
  const shown = tbi.toFixed(2);
  return tbi < tbiPadBelow
    ? { text: `${shown}: below ${tbiPadBelow}, indicates PAD`, abnormal: true }
    : { text: `${shown}: ${tbiPadBelow} or more, normal`, abnormal: false };
}

/** A yes/no finding where "yes" is the abnormal answer (ulcer, callus, deformity ...), with sites. */
export function presentReading(value: boolean | undefined, sites?: readonly string[]): Reading {
  const listed = sites && sites.length > 0 ? sites.join(', ') : null;
  if (value === true) return { text: listed ? `Yes: ${listed}` : 'Yes', abnormal: true };
  if (value === false) return { text: listed ? `No (listed: ${listed})` : 'No', abnormal: false };
  return listed ? { text: `Listed: ${listed}`, abnormal: true } : notRecorded;
}

export function ankleReflexReading(reflex: AnkleReflex | undefined): Reading {
  if (reflex === undefined) return notRecorded;
  switch (reflex) {
    case 'present':
      return { text: 'Present', abnormal: false };
    case 'reinforcement':
      return { text: 'Present with reinforcement', abnormal: true };
    case 'absent':
      return { text: 'Absent', abnormal: true };
    case 'not_tested':
      return { text: 'Not tested', abnormal: false };
    default:
      return assertNever(reflex, 'ankle reflex');
  }
}

export function normalAbnormalReading(value: NormalAbnormal | undefined): Reading {
  if (value === undefined) return notRecorded;
  switch (value) {
    case 'normal':
      return { text: 'Normal', abnormal: false };
    case 'abnormal':
      return { text: 'Abnormal', abnormal: true };
    case 'not_tested':
      return { text: 'Not tested', abnormal: false };
    default:
      return assertNever(value, 'normal/abnormal');
  }
}

/** A monofilament or touch site: the engine's own explanation ("Not felt: 2 of 3 answers wrong ..."). */
export function siteReading(site: SiteAssessment | undefined): Reading {
  if (!site) return notRecorded;
  const text = site.state === 'pending' && site.explanation === 'Not recorded' ? 'Not recorded' : site.explanation;
  return { text, abnormal: site.state === 'not_felt' };
}

/** Yes / no / unknown for LOPS and PAD. */
export function triReading(value: boolean | 'unknown' | null): Reading {
  if (value === null) return { text: '-', abnormal: false };
  if (value === 'unknown') return { text: 'Unknown', abnormal: false };
  return value ? { text: 'Yes', abnormal: true } : { text: 'No', abnormal: false };
}
