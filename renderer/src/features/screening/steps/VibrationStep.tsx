import { Alert, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { sideLabel } from '#shared/clinical/protocols';
import { vptAbnormalVolts } from '#shared/clinical/vibrationDerivation';
import type { Side } from '#shared/domain/findings';
import { answer, examinedSides, goToFork, markNotTestable, undo, updateFoot } from '../model/screeningState';
import { AnswerPanel } from './AnswerPanel';
import { Choice } from './controls';
import type { MenuControl } from './SensationStep';
import { parseNumber, random, type StepProps } from './stepProps';

const forkReal = 'Strike the 128 Hz fork and hold it upright on the bony top of the big toe (dorsal distal phalanx), with steady pressure. If the hallux is absent, use another toe.';
const forkSham = 'Stop the fork so it does NOT vibrate, then place it the same way (mock application).';


/** 128 Hz tuning fork with a mock application (or a biothesiometer reading), per foot. */
export function VibrationStep({ state, update, assessment, reasonMenuOpen, setReasonMenuOpen }: StepProps & MenuControl): React.JSX.Element {
  const { position } = state;
  const examined = examinedSides(state.findings);
  const [vptMode, setVptMode] = useState(() => examined.some((s) => state.findings.feet[s].vibration?.method === 'vpt'));
  if (examined.length === 0) return <Alert severity="info">No foot is being examined.</Alert>;
  const side: Side = position.side ?? examined[0] ?? 'right';

  const switchMethod = (vpt: boolean): void => {
    setVptMode(vpt);
    update((s) => {
      let next = s;
      for (const sd of examined) {
        next = updateFoot(next, sd, (foot) => {
          const { vibration: _v, ...rest } = foot;
          return vpt ? { ...rest, vibration: { method: 'vpt', voltage: null } } : rest;
        });
      }
      return vpt ? { ...next, position: { step: 'vibration', side: examined[0] ?? null, site: null, pending: null } } : goToFork(next, examined[0] ?? 'right', random);
    });
  };

  return (
    <Stack spacing={2}>
      <Choice
          label="Vibration test"
          value={vptMode ? 'vpt' : 'fork'}
          options={[
            { value: 'fork', label: '128 Hz tuning fork' },
            { value: 'vpt', label: 'Biothesiometer (VPT)' },
          ]}
          onChange={(v) => switchMethod(v === 'vpt')}
        />
      {vptMode ? (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          {examined.map((sd) => {
            const v = state.findings.feet[sd].vibration;
            const volts = v?.method === 'vpt' ? v.voltage : null;
            return (
              <VoltField
                key={sd}
                side={sd}
                value={volts ?? null}
                explanation={assessment.perFoot[sd].vibration.explanation}
                onChange={(voltage) => update((s) => updateFoot(s, sd, (foot) => ({ ...foot, vibration: { method: 'vpt', voltage } })))}
              />
            );
          })}
        </Stack>
      ) : position.pending && position.side ? (
        <>
          <Typography variant="body2" color="text.secondary">
            Demonstrate on the wrist first. Two real applications and one mock, in the order shown.
          </Typography>
          <AnswerPanel
            where={`${sideLabel(side)} big toe, 128 Hz fork`}
            sequence={position.pending.sequence}
            answers={position.pending.answers}
            realInstruction={forkReal}
            shamInstruction={forkSham}
            onAnswer={(a) => update((s) => answer(s, a, random))}
            onNotTestable={(reason) => update((s) => markNotTestable(s, reason, random))}
            onUndo={() => update((s) => undo(s, random))}
            reasons={['ulcer', 'amputation', 'dressing', 'other']}
            reasonMenuOpen={reasonMenuOpen}
            setReasonMenuOpen={setReasonMenuOpen}
          />
        </>
      ) : (
        <Stack spacing={0.5}>
          {examined.map((sd) => (
            <Typography key={sd} variant="body2">
              {sideLabel(sd)}: {assessment.perFoot[sd].vibration.explanation}
            </Typography>
          ))}
          <Typography variant="body2" color="text.secondary">
            Select the fork marker (V) on the diagram to test a foot again.
          </Typography>
        </Stack>
      )}
    </Stack>
  );
}

function VoltField({ side, value, explanation, onChange }: { side: Side; value: number | null; explanation: string; onChange: (v: number | null) => void }): React.JSX.Element {
  const [text, setText] = useState(value === null ? '' : String(value));
  const parsed = parseNumber(text);
  const invalid = text.trim() !== '' && (parsed === null || parsed < 0 || parsed > 100);
  return (
    <TextField
      label={`${sideLabel(side)} hallux VPT (volts)`}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const v = parseNumber(e.target.value);
        if (e.target.value.trim() === '') onChange(null);
        else if (v !== null && v >= 0 && v <= 100) onChange(v);
      }}
      error={invalid}
      helperText={invalid ? 'Enter volts from 0 to 100' : `${explanation} (${vptAbnormalVolts} V or more is abnormal)`}
      slotProps={{ htmlInput: { inputMode: 'decimal' } }}
      sx={{ flex: 1 }}
    />
  );
}
