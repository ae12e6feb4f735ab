import type { SiteAssessment } from '../clinical/assessment';
import { abiPadBelow, abiUnreliableAbove, tbiBorderlineBelow, tbiPadBelow, toePressurePadBelow } from '../clinical/pad';
import type { AnkleReflex, NormalAbnormal, PulseResult, WaveformResult } from '../domain/findings';
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
 * ABI: < 0.9 is PAD (WOCN protocol); above 1.3 the arteries are likely non-compressible and the
 * value neither proves nor excludes PAD (decision 4; Suominen 2008).
 */
export function abiReading(abi: number | null | undefined): Reading {
  if (abi === null || abi === undefined) return { text: 'Not measured', abnormal: false };
  const shown = abi.toFixed(2);
  if (abi < abiPadBelow) return { text: `${shown}: PAD (below ${abiPadBelow})`, abnormal: true };
  if (abi > abiUnreliableAbove) {
    return { text: `${shown}: unreliable (above ${abiUnreliableAbove}, non-compressible arteries)`, abnormal: true };
  }
  return { text: `${shown}: normal`, abnormal: false };
}

/** TBI: < 0.70 is PAD (IWGDF 2023); 0.70-0.74 is borderline (decision 9). */
export function tbiReading(tbi: number | null | undefined): Reading {
  if (tbi === null || tbi === undefined) return { text: 'Not measured', abnormal: false };
  const shown = tbi.toFixed(2);
  if (tbi < tbiPadBelow) return { text: `${shown}: PAD (below ${tbiPadBelow.toFixed(2)})`, abnormal: true };
  if (tbi < tbiBorderlineBelow) return { text: `${shown}: borderline`, abnormal: true };
  return { text: `${shown}: normal`, abnormal: false };
}

/** Doppler waveform at a pedal artery: monophasic or absent indicates PAD (decision 9). */
export function waveformReading(waveform: WaveformResult | undefined): Reading {
  if (waveform === undefined) return notRecorded;
  switch (waveform) {
    case 'triphasic':
      return { text: 'Triphasic', abnormal: false };
    case 'biphasic':
      return { text: 'Biphasic', abnormal: false };
    case 'monophasic':
      return { text: 'Monophasic (PAD)', abnormal: true };
    case 'absent':
      return { text: 'Absent (PAD)', abnormal: true };
    case 'not_tested':
      return { text: 'Not tested', abnormal: false };
    default:
      return assertNever(waveform, 'waveform');
  }
}

/** Toe pressure: below 30 mmHg is PAD, with an urgent vascular assessment (decision 9). */
export function toePressureReading(mmHg: number | null | undefined): Reading {
  if (mmHg === null || mmHg === undefined) return { text: 'Not measured', abnormal: false };
  return mmHg < toePressurePadBelow
    ? { text: `${mmHg} mmHg: PAD (below ${toePressurePadBelow})`, abnormal: true }
    : { text: `${mmHg} mmHg`, abnormal: false };
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
