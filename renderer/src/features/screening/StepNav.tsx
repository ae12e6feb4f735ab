import { Step, StepButton, Stepper } from '@mui/material';
import { memo, useEffect, useRef } from 'react';
import type { ScreeningStep } from '#shared/domain/exam';

export const stepTitles: Readonly<Record<ScreeningStep, string>> = {
  setup: 'Start',
  sensation: 'Sensation',
  vibration: 'Vibration',
  neurology: 'Neurology',
  circulation: 'Circulation',
  skin: 'Skin',
  deformity: 'Deformity',
  history: 'History',
  symptoms: 'Symptoms',
  review: 'Review & sign',
};

// One line always: labels never wrap; on a narrow screen the row scrolls sideways and the open step is brought into view.
const stepperStyle = {
  py: 0.5,
  overflowX: 'auto',
  flexWrap: 'nowrap',
  '& .MuiStepLabel-label': { whiteSpace: 'nowrap' },
  '& .MuiStep-root': { flexShrink: 0, px: 0.5 },
  '& .MuiStepConnector-root': { minWidth: 8 },
} as const;

interface StepNavProps {
  /** The applicable steps, joined with commas (a string, so the prop is stable between answers). */
  steps: string;
  current: ScreeningStep;
  onOpen: (step: ScreeningStep) => void;
}

/** The steps of the screen; memoised, it re-renders only when the open step or the list changes. */
export const StepNav = memo(function StepNav({ steps, current, onOpen }: StepNavProps): React.JSX.Element {
  const list = steps.split(',') as ScreeningStep[];
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector('[aria-current="step"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [current]);
  return (
    <Stepper ref={ref} nonLinear activeStep={list.indexOf(current)} sx={stepperStyle} aria-label="Screening steps">
      {list.map((s) => (
        <Step key={s} completed={false}>
          <StepButton onClick={() => onOpen(s)} aria-current={s === current ? 'step' : undefined}>
            {stepTitles[s]}
          </StepButton>
        </Step>
      ))}
    </Stepper>
  );
});
