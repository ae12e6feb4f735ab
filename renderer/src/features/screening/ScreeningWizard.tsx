import { Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Paper, Stack, Step, StepButton, Stepper, Typography } from '@mui/material';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { footDiagramInput } from '#shared/clinical/footDiagramInput';
import { notTestableReasons, type NotTestableReason } from '#shared/domain/findings';
import type { Exam, ScreeningStep } from '#shared/domain/exam';
import type { Patient } from '#shared/domain/patient';
import { api } from '../../api/api';
import { formatDate } from '../../app/format';
import { navigate } from '../../app/router';
import { useNotify } from '../../components/Notifier';
import { useSession } from '../auth/AuthContext';
import { lesionsOf } from './diagramLesions';
import { FootDiagram } from './FootDiagram';
import {
  answer,
  applicableSteps,
  goToFork,
  goToSite,
  goToStep,
  jumpTo,
  markNotTestable,
  nextStep,
  previousStep,
  protocolOf,
  recordNone,
  targetOf,
  undo,
} from './model/screeningState';
import { LiveResultPanel } from './results/LiveResultPanel';
import { CirculationStep, nextUnrecordedPulse, nextUnrecordedWaveform, noCriticalIschaemia, setPulse, setWaveform, waveformKeys } from './steps/CirculationStep';
import { KeyLegend } from './steps/controls';
import { DeformityStep } from './steps/DeformityStep';
import { HistoryStep } from './steps/HistoryStep';
import { answerQuestion, NeurologyStep, nextUnansweredQuestion } from './steps/NeurologyStep';
import { ReviewStep } from './steps/ReviewStep';
import { SensationStep } from './steps/SensationStep';
import { SetupStep } from './steps/SetupStep';
import { SkinStep } from './steps/SkinStep';
import { random } from './steps/stepProps';
import { SymptomsStep } from './steps/SymptomsStep';
import { VibrationStep } from './steps/VibrationStep';
import type { SaveStatus, Screening } from './useScreening';
import { useCarryForward } from './useCarryForward';
import { confirmNext, pendingItems } from './model/carryForward';
import { ExamHeading } from './ExamHeading';
import { useLiveAssessment } from './useLiveAssessment';

const stepTitles: Record<ScreeningStep, string> = {
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

const forkReasons: readonly NotTestableReason[] = ['ulcer', 'amputation', 'dressing', 'other'];

const saveWords: Readonly<Record<SaveStatus, string>> = {
  saved: 'All changes saved',
  saving: 'Saving…',
  failed: 'Not saved yet: kept on this computer, retrying',
  stopped: 'Not saved',
};
const saveColours: Readonly<Record<SaveStatus, 'success' | 'default' | 'warning' | 'error'>> = { saved: 'success', saving: 'default', failed: 'warning', stopped: 'error' };

const textInputs = 'input:not([type]), input[type="text"], input[type="number"], input[type="password"], input[type="search"], input[type="email"], input[type="tel"]';

/** Keys belong to the field when the nurse is typing (radios and checkboxes do not take letters). */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest(`${textInputs}, textarea, select, [contenteditable="true"], [role="listbox"], [role="menu"], [role="dialog"]`) !== null;
}

function onControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('button, a, [role="button"], [role="radio"], [role="checkbox"]') !== null;
}

/**
 * The guided foot screen: the diagram and the current step on the left, the live result with its
 * reasons on the right. Fully keyboard-driven (keys shown under each step); every change is
 * autosaved. It never computes risk itself: the result is the shared engine's.
 */
export function ScreeningWizard({ screening, patient }: { screening: Screening & { exam: Exam }; patient: Patient }): React.JSX.Element {
  const { exam, update, saveStatus, saveProblem, flush, replaceExam } = screening;
  const state = screening.state;
  const notify = useNotify();
  const { user } = useSession();
  const [reasonMenuOpen, setReasonMenuOpen] = useState(false);
  const [confirmSign, setConfirmSign] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [signing, setSigning] = useState(false);
  const [signError, setSignError] = useState<string | null>(null);

  const assessment = useLiveAssessment(state?.findings ?? null);
  const carried = useCarryForward(exam);
  const waiting = useMemo(() => (carried && state ? pendingItems(carried.items, state.findings) : []), [carried, state]);
  const step = state?.position.step ?? 'setup';

  const jump = useCallback((path: string) => update((s) => jumpTo(s, targetOf(path), random)), [update]);

  const sign = useCallback(async () => {
    if (!state) return;
    setSigning(true);
    setSignError(null);
    await flush();
    const result = await api().signExam({ id: exam.id, findings: state.findings });
    setSigning(false);
    if (!result.ok) {
      setSignError(result.error.message);
      return;
    }
    setConfirmSign(false);
    replaceExam(result.value);
    notify({ message: `Screening signed by ${user.displayName}.`, severity: 'success' });
  }, [state, flush, exam.id, replaceExam, notify, user.displayName]);

  const discard = useCallback(async () => {
    const r = await api().discardExamDraft({ id: exam.id });
    setConfirmDiscard(false);
    if (!r.ok) {
      notify({ message: r.error.message, severity: 'error' });
      return;
    }
    localStorage.removeItem(`screening-draft:${exam.id}`);
    notify({ message: 'Draft discarded.', severity: 'info' });
    navigate({ page: 'patient', patientId: patient.id });
  }, [exam.id, notify, patient.id]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!state || confirmSign || confirmDiscard || e.ctrlKey || e.metaKey) return;
      const key = e.key.toLowerCase();
      if (reasonMenuOpen && /^[1-9]$/.test(key)) {
        const reasons = step === 'vibration' ? forkReasons : notTestableReasons;
        const reason = reasons[Number(key) - 1];
        if (reason) {
          e.preventDefault();
          setReasonMenuOpen(false);
          update((s) => markNotTestable(s, reason, random));
        }
        return;
      }
      if (e.altKey) {
        if (e.key === 'ArrowRight') {
          e.preventDefault();
          update((s) => nextStep(s, random));
        } else if (e.key === 'ArrowLeft') {
          e.preventDefault();
          update((s) => previousStep(s, random));
        }
        return;
      }
      if (isTyping(e.target)) {
        if (e.key === 'Enter' && e.target instanceof HTMLElement && e.target.dataset.enterContinues === 'true') {
          e.preventDefault();
          update((s) => nextStep(s, random));
        }
        return;
      }
      const answering = state.position.pending !== null && (step === 'sensation' || step === 'vibration');
      if (answering && (key === 'y' || key === 'n')) {
        e.preventDefault();
        update((s) => answer(s, key === 'y' ? 'yes' : 'no', random));
        return;
      }
      if (answering && key === 'x') {
        e.preventDefault();
        setReasonMenuOpen(true);
        return;
      }
      if ((step === 'sensation' || step === 'vibration') && e.key === 'Backspace') {
        e.preventDefault();
        update((s) => undo(s, random));
        return;
      }
      if (step === 'circulation' && (key === 'p' || key === 'a' || key === 't')) {
        const next = nextUnrecordedPulse(state);
        if (next) {
          e.preventDefault();
          const value = key === 'p' ? 'palpable' : key === 'a' ? 'not_palpable' : 'not_tested';
          update((s) => setPulse(s, next.side, next.pulse, value));
        }
        return;
      }
      if (step === 'circulation' && waveformKeys[key]) {
        const next = nextUnrecordedWaveform(state);
        const value = waveformKeys[key];
        if (next && value) {
          e.preventDefault();
          update((s) => setWaveform(s, next.side, next.pulse, value));
        }
        return;
      }
      if (step === 'neurology' && (key === 'y' || key === 'n')) {
        const next = nextUnansweredQuestion(state);
        if (next) {
          e.preventDefault();
          update((s) => answerQuestion(s, next, key === 'y'));
        }
        return;
      }
      if (step === 'history' && carried && (key === 'c' || key === 'd')) {
        const next = waiting[0];
        if (next) {
          e.preventDefault();
          if (key === 'c') update((s) => ({ ...s, findings: confirmNext(carried.items, s.findings) }));
          else if (next.opposite) update((s) => ({ ...s, findings: next.opposite?.(s.findings) ?? s.findings }));
        }
        return;
      }
      if (step === 'circulation' && key === 'n') {
        e.preventDefault();
        update((s) => nextStep(noCriticalIschaemia(s), random));
        return;
      }
      if ((step === 'skin' || step === 'deformity' || step === 'history' || step === 'symptoms') && key === 'n') {
        e.preventDefault();
        const keep = new Set(waiting.map((item) => item.id));
        update((s) => recordNone(s, step, random, keep));
        return;
      }
      if (step === 'review' && key === 's') {
        e.preventDefault();
        setConfirmSign(true);
        return;
      }
      if (e.key === 'Enter' && !onControl(e.target) && step !== 'review') {
        e.preventDefault();
        update((s) => nextStep(s, random));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [state, step, update, reasonMenuOpen, confirmSign, confirmDiscard, carried, waiting]);

  if (!state || !assessment) return <Typography>Loading the screening…</Typography>;

  const protocol = protocolOf(state);
  const steps = applicableSteps(state.findings);
  const stepProps = { state, update, assessment };
  const menu = { reasonMenuOpen, setReasonMenuOpen };
  const diagramInput = footDiagramInput(assessment, protocol === 'ipswich' ? 'ipswich' : 'monofilament');
  const current = state.position.side && state.position.site ? { side: state.position.side, key: state.position.site } : null;

  const legend: Record<ScreeningStep, [string, string][]> = {
    setup: [['Enter', 'begin'], ['Alt+→', 'next step'], ['Alt+←', 'previous step']],
    sensation: [['Y', 'felt it'], ['N', 'did not feel it'], ['X', 'not testable'], ['Backspace', 'undo'], ['Alt+→', 'next step']],
    vibration: [['Y', 'felt it'], ['N', 'did not feel it'], ['X', 'not testable'], ['Backspace', 'undo'], ['Alt+→', 'next step']],
    neurology: [['Y', 'yes to the highlighted question'], ['N', 'no to it'], ['Enter', 'next step'], ['Alt+←', 'back']],
    circulation: [
      ['P', 'palpable'],
      ['A', 'not palpable'],
      ['T', 'not tested'],
      ['1–5', 'waveform: triphasic, biphasic, monophasic, absent, not tested'],
      ['N', 'no signs of critical ischaemia (where not answered), next step'],
      ['Enter', 'next step'],
    ],
    skin: [['N', '“no” to everything not yet answered, next step'], ['Enter', 'next step'], ['Alt+←', 'back']],
    deformity: [['N', '“no” to everything not yet answered, next step'], ['Enter', 'next step'], ['Alt+←', 'back']],
    history: [
      ...(waiting.length > 0 ? ([['C', 'confirm the highlighted earlier answer'], ['D', 'it changed (the other answer)']] as [string, string][]) : []),
      ['N', '“no” to everything not yet answered, next step'],
      ['Enter', 'next step'],
      ['Alt+←', 'back'],
    ],
    symptoms: [['N', '“no” to everything not yet answered, next step'], ['Enter', 'next step'], ['Alt+←', 'back']],
    review: [['S', 'sign'], ['Alt+←', 'back']],
  };

  const panel = ((): React.JSX.Element => {
    switch (step) {
      case 'setup':
        return <SetupStep {...stepProps} />;
      case 'sensation':
        return <SensationStep {...stepProps} {...menu} />;
      case 'vibration':
        return <VibrationStep {...stepProps} {...menu} />;
      case 'neurology':
        return <NeurologyStep {...stepProps} />;
      case 'circulation':
        return <CirculationStep {...stepProps} />;
      case 'skin':
        return <SkinStep {...stepProps} />;
      case 'deformity':
        return <DeformityStep {...stepProps} />;
      case 'history':
        return <HistoryStep {...stepProps} carried={carried} />;
      case 'symptoms':
        return <SymptomsStep {...stepProps} />;
      case 'review':
        return (
          <ReviewStep
            {...stepProps}
            signerName={user.displayName}
            onSign={() => setConfirmSign(true)}
            onDiscard={() => setConfirmDiscard(true)}
            onJump={jump}
            amendmentReason={exam.amendmentReason}
            unconfirmed={waiting.length}
          />
        );
    }
  })();

  return (
    <Stack spacing={1.5}>
      <ExamHeading
        patient={patient}
        subtitle={`${formatDate(exam.examinedOn ?? exam.startedAt.slice(0, 10))} · ${exam.version > 1 ? `amendment (version ${exam.version}) · ` : ''}draft`}
      >
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Chip size="small" variant="outlined" color={saveColours[saveStatus]} label={saveWords[saveStatus]} role="status" />
          <Button onClick={() => navigate({ page: 'patient', patientId: patient.id })}>Pause (come back later)</Button>
        </Stack>
      </ExamHeading>
      {saveStatus === 'stopped' && saveProblem ? <Alert severity="warning">{saveProblem}</Alert> : null}
      <Stepper nonLinear activeStep={steps.indexOf(step)} sx={{ overflowX: 'auto', py: 0.5 }} aria-label="Screening steps">
        {steps.map((s) => (
          <Step key={s} completed={false}>
            <StepButton onClick={() => update((st) => goToStep(st, s, random))} aria-current={s === step ? 'step' : undefined}>
              {stepTitles[s]}
            </StepButton>
          </Step>
        ))}
      </Stepper>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1.4fr) minmax(340px, 1fr)' }, gap: 2, alignItems: 'start' }}>
        <Stack spacing={1.5}>
          <Paper variant="outlined" sx={{ p: 1 }}>
            <FootDiagram
              input={diagramInput}
              current={current}
              label={`${protocol === 'ipswich' ? 'Ipswich Touch Test' : 'Monofilament'} sites`}
              lesions={lesionsOf(state.findings)}
              onSelectSite={(side, key) => update((s) => goToSite(s, { side, key }, random))}
              onSelectFork={(side) => update((s) => goToFork(s, side, random))}
            />
          </Paper>
          <Paper component="section" aria-labelledby="step-heading" sx={{ p: 2 }}>
            <Typography id="step-heading" variant="h6" component="h2" gutterBottom>
              {stepTitles[step]}
            </Typography>
            {panel}
            <KeyLegend keys={legend[step]} />
            {step !== 'review' ? (
              <Stack direction="row" spacing={1} sx={{ mt: 1.5 }}>
                <Button onClick={() => update((s) => previousStep(s, random))} disabled={steps.indexOf(step) === 0}>
                  Back
                </Button>
                <Button variant="outlined" onClick={() => update((s) => nextStep(s, random))}>
                  Next: {stepTitles[steps[steps.indexOf(step) + 1] ?? 'review']}
                </Button>
              </Stack>
            ) : null}
          </Paper>
        </Stack>
        <Box sx={{ position: { lg: 'sticky' }, top: { lg: 64 }, maxHeight: { lg: 'calc(100vh - 80px)' }, overflowY: { lg: 'auto' } }}>
          <LiveResultPanel assessment={assessment} onJump={jump} live />
        </Box>
      </Box>
      <Dialog open={confirmSign} onClose={() => setConfirmSign(false)} aria-labelledby="sign-title">
        <DialogTitle id="sign-title">Sign this screening?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            Signed by <strong>{user.displayName}</strong>. {assessment.iwgdf2023.category === 'incomplete' || assessment.nice.category === 'incomplete' ? 'The result is incomplete. ' : ''}
            Once signed the exam cannot be changed; a correction is made as an amendment with a reason.
          </DialogContentText>
          {signError ? (
            <Alert severity="error" sx={{ mt: 1 }}>
              {signError}
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirmSign(false)}>Cancel</Button>
          <Button variant="contained" onClick={() => void sign()} autoFocus disabled={signing}>
            {signing ? 'Signing…' : 'Sign'}
          </Button>
        </DialogActions>
      </Dialog>
      <Dialog open={confirmDiscard} onClose={() => setConfirmDiscard(false)} aria-labelledby="discard-title">
        <DialogTitle id="discard-title">Discard this draft?</DialogTitle>
        <DialogContent>
          <DialogContentText>Everything recorded in this unsigned screening will be set aside. This cannot be undone from the screen.</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirmDiscard(false)} autoFocus>
            Keep the draft
          </Button>
          <Button color="warning" variant="contained" onClick={() => void discard()}>
            Discard
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
