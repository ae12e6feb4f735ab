import { Box, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { sideLabel } from '#shared/clinical/protocols';
import { measurementLimits, pulseResults, waveformResults, type FootFindings, type PulseResult, type Side, type WaveformResult } from '#shared/domain/findings';
import { examinedSides, updateFoot, type ScreeningState } from '../model/screeningState';
import { Choice, toYesNo, yesNo } from './controls';
import { parseNumber, type StepProps } from './stepProps';

const pulseLabels: Record<PulseResult, string> = { palpable: 'Palpable', not_palpable: 'Not palpable', not_tested: 'Not tested' };
const pulseKeys: Record<PulseResult, string> = { palpable: 'p', not_palpable: 'a', not_tested: 't' };
const pulseOptions = pulseResults.map((v) => ({ value: v, label: pulseLabels[v], key: pulseKeys[v] }));
export const pulseNames = { dorsalisPedis: 'Dorsalis pedis', posteriorTibial: 'Posterior tibial' } as const;
export type PulseName = keyof typeof pulseNames;

/** The pulses in the order the keys P / A / T record them: right DP, right PT, left DP, left PT. */
export function pulseOrder(state: ScreeningState): { side: Side; pulse: PulseName }[] {
  return examinedSides(state.findings).flatMap((side) => (['dorsalisPedis', 'posteriorTibial'] as const).map((pulse) => ({ side, pulse })));
}

export function nextUnrecordedPulse(state: ScreeningState): { side: Side; pulse: PulseName } | undefined {
  return pulseOrder(state).find(({ side, pulse }) => state.findings.feet[side].pulses?.[pulse] === undefined);
}

export function setPulse(state: ScreeningState, side: Side, pulse: PulseName, value: PulseResult): ScreeningState {
  return updateFoot(state, side, (foot) => ({ ...foot, pulses: { ...foot.pulses, [pulse]: value } }));
}

/** "No signs of critical limb-threatening ischaemia" on every examined foot: recorded explicitly (key N). */
export function noCriticalIschaemia(state: ScreeningState): ScreeningState {
  return examinedSides(state.findings).reduce((s, side) => updateFoot(s, side, (foot) => ({ ...foot, criticalIschaemia: foot.criticalIschaemia ?? false })), state);
}

export const waveformLabels: Readonly<Record<WaveformResult, string>> = {
  triphasic: 'Triphasic',
  biphasic: 'Biphasic',
  monophasic: 'Monophasic',
  absent: 'Absent',
  not_tested: 'Not tested',
};

/** Keys 1-5 record the highlighted artery's waveform, in the order of `waveformResults`. */
export const waveformKeys: Readonly<Record<string, WaveformResult>> = Object.fromEntries(waveformResults.map((w, i) => [String(i + 1), w]));

/** The first pedal artery without a Doppler waveform, in the pulses' order: what keys 1-5 record. */
export function nextUnrecordedWaveform(state: ScreeningState): { side: Side; pulse: PulseName } | undefined {
  return pulseOrder(state).find(({ side, pulse }) => state.findings.feet[side].waveforms?.[pulse] === undefined);
}

export function setWaveform(state: ScreeningState, side: Side, pulse: PulseName, value: WaveformResult): ScreeningState {
  return updateFoot(state, side, (foot) => ({ ...foot, waveforms: { ...foot.waveforms, [pulse]: value } }));
}

function ratio(top: number | null | undefined, bottom: number | null | undefined): number | null {
  if (top === null || top === undefined || bottom === null || bottom === undefined || bottom <= 0) return null;
  return Math.round((top / bottom) * 100) / 100;
}

/** Pedal pulses, ABI (typed, or computed from the ankle and brachial pressures) and TBI, per foot. */
export function CirculationStep({ state, update, assessment }: StepProps): React.JSX.Element {
  const current = nextUnrecordedPulse(state);
  const wave = nextUnrecordedWaveform(state);
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        Feel each pulse. If you are not sure a pulse is there, record it as not palpable. Keys: P palpable, A not palpable (absent), T not
        tested, for the highlighted pulse; then N if neither foot shows signs of critical ischaemia. With a Doppler, keys 1–5 record the
        waveform of the highlighted artery (1 triphasic, 2 biphasic, 3 monophasic, 4 absent, 5 not tested).
      </Typography>
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2}>
        {examinedSides(state.findings).map((side) => (
          <FootCirculation
            key={side}
            side={side}
            state={state}
            update={update}
            assessment={assessment}
            current={current?.side === side ? current.pulse : null}
            currentWave={wave?.side === side ? wave.pulse : null}
          />
        ))}
      </Stack>
    </Stack>
  );
}

function FootCirculation({ side, state, update, assessment, current, currentWave }: StepProps & { side: Side; current: PulseName | null; currentWave: PulseName | null }): React.JSX.Element {
  const foot = state.findings.feet[side];
  const change = (f: (foot: FootFindings) => FootFindings): void => update((s) => updateFoot(s, side, f));
  const pad = assessment.perFoot[side].pad;
  const related = assessment.warnings.filter((w) => w.findings.some((p) => p.startsWith(`feet.${side}.abi`) || p.startsWith(`feet.${side}.tbi`) || p.startsWith(`feet.${side}.pulses`) || p.startsWith(`feet.${side}.waveforms`) || p.startsWith(`feet.${side}.toePressure`)));
  return (
    <Paper variant="outlined" sx={{ p: 1.5, flex: 1, minWidth: 0, containerType: 'inline-size' }} data-finding={`feet.${side}`}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
        {sideLabel(side)} foot
      </Typography>
      {(['dorsalisPedis', 'posteriorTibial'] as const).map((pulse) => (
        <Box key={pulse} sx={{ borderLeft: '4px solid', borderColor: current === pulse ? 'primary.main' : 'transparent', pl: 1 }}>
          <Choice
            label={`${pulseNames[pulse]} pulse${current === pulse ? ' (next: P / A / T)' : ''}`}
            finding={`feet.${side}.pulses.${pulse}`}
            value={foot.pulses?.[pulse]}
            options={pulseOptions}
            onChange={(v) => update((s) => setPulse(s, side, pulse, v))}
          />
        </Box>
      ))}
      {(['dorsalisPedis', 'posteriorTibial'] as const).map((pulse) => (
        <Box
          key={pulse}
          data-waveform={`${side}-${pulse}`}
          sx={{ borderLeft: '4px solid', borderColor: currentWave === pulse ? 'primary.main' : 'transparent', pl: 1 }}
        >
          <Choice
            label={`${pulseNames[pulse]} Doppler waveform${currentWave === pulse ? ' (next: keys 1–5)' : ''}`}
            hint={pulse === 'dorsalisPedis' ? 'Optional. Triphasic or biphasic: PAD less likely; monophasic or absent: counts as PAD' : 'Optional'}
            value={foot.waveforms?.[pulse]}
            options={waveformResults.map((v) => ({ value: v, label: waveformLabels[v] }))}
            onChange={(v) => update((s) => setWaveform(s, side, pulse, v))}
          />
        </Box>
      ))}
      <IndexFields side={side} foot={foot} change={change} />
      <Choice
        label="Signs of critical limb-threatening ischaemia"
        finding={`feet.${side}.criticalIschaemia`}
        hint="Rest pain, tissue loss or gangrene with poor circulation"
        value={toYesNo(foot.criticalIschaemia)}
        options={yesNo}
        onChange={(v) => change((f) => ({ ...f, criticalIschaemia: v === 'yes' }))}
      />
      <Typography variant="body2" sx={{ mt: 1 }} aria-live="polite">
        <strong>PAD:</strong> {pad ? pad.reason : 'not assessed'}
      </Typography>
      {related.map((w, i) => (
        <Typography key={i} variant="body2" color="warning.main">
          {w.message}
        </Typography>
      ))}
    </Paper>
  );
}

function IndexFields({ side, foot, change }: { side: Side; foot: FootFindings; change: (f: (foot: FootFindings) => FootFindings) => void }): React.JSX.Element {
  const p = foot.pressures ?? {};
  const [texts, setTexts] = useState({
    ankle: p.ankle?.toString() ?? '',
    brachial: p.brachial?.toString() ?? '',
    toe: (p.toe ?? foot.toePressure)?.toString() ?? '',
    abi: foot.abi?.toString() ?? '',
    tbi: foot.tbi?.toString() ?? '',
  });
  const set = (key: keyof typeof texts, text: string): void => {
    const next = { ...texts, [key]: text };
    const pressures = { ankle: parseNumber(next.ankle), brachial: parseNumber(next.brachial), toe: parseNumber(next.toe) };
    // Indices computed from pressures win over typed ones, so what is stored always matches what was measured.
    const abi = ratio(pressures.ankle, pressures.brachial) ?? parseNumber(next.abi);
    const tbi = ratio(pressures.toe, pressures.brachial) ?? parseNumber(next.tbi);
    if (key !== 'abi' && ratio(pressures.ankle, pressures.brachial) !== null) next.abi = String(abi);
    if (key !== 'tbi' && ratio(pressures.toe, pressures.brachial) !== null) next.tbi = String(tbi);
    setTexts(next);
    change((f) => {
      const { pressures: _p, toePressure: _t, ...rest } = f;
      const anyPressure = pressures.ankle !== null || pressures.brachial !== null || pressures.toe !== null;
      // The toe systolic pressure is also the toe pressure the rules read (below 30 mmHg is PAD).
      return { ...rest, abi, tbi, ...(anyPressure ? { pressures } : {}), ...(pressures.toe !== null ? { toePressure: pressures.toe } : {}) };
    });
  };
  const toeLimits = measurementLimits.toePressure;
  const problem = (key: keyof typeof texts): string | null => {
    const text = texts[key];
    if (text.trim() === '') return null;
    const value = parseNumber(text);
    if (value === null) return 'Enter a number';
    if (key === 'toe' && (value < toeLimits.min || value > toeLimits.max)) return toeLimits.message;
    return null;
  };
  const field = (key: keyof typeof texts, label: string, helper: string): React.JSX.Element => (
    <TextField
      size="small"
      label={`${label} (${side})`}
      value={texts[key]}
      onChange={(e) => set(key, e.target.value)}
      helperText={problem(key) ?? helper}
      data-finding={key === 'abi' || key === 'tbi' ? `feet.${side}.${key}` : `feet.${side}.pressures.${key}`}
      slotProps={{ htmlInput: { inputMode: 'decimal', 'data-enter-continues': 'true' } }}
      error={problem(key) !== null}
    />
  );
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 1, my: 1 }}>
      {field('ankle', 'Ankle systolic', 'mmHg, optional')}
      {field('brachial', 'Brachial systolic', 'mmHg, optional')}
      {field('abi', 'ABI', 'typed, or from the pressures')}
      {field('toe', 'Toe pressure', 'systolic, mmHg; below 30 counts as PAD')}
      {field('tbi', 'TBI', 'typed, or from the pressures')}
    </Box>
  );
}
