import { GlobalStyles, Typography, useMediaQuery } from '@mui/material';
import { memo, useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { footDiagramInput } from '#shared/clinical/footDiagramInput';
import type { Side } from '#shared/domain/findings';
import type { Exam, ScreeningStep } from '#shared/domain/exam';
import type { Patient } from '#shared/domain/patient';
import { api } from '../../api/api';
import { formatDate } from '../../app/format';
import { navigate } from '../../app/router';
import { useNotify } from '../../components/Notifier';
import { useSession } from '../auth/AuthContext';
import { lesionsOf } from './diagramLesions';
import { applicableSteps, findingOfReason, goToFork, goToSite, goToStep, jumpTo, nextStep, previousStep, protocolOf, targetOf } from './model/screeningState';
import { ResultSummary } from './results/ResultSummary';
import { AnswerPanelStyles } from './steps/AnswerPanel';
import { SaveProblem } from './SaveChip';
import { CirculationStep } from './steps/CirculationStep';
import { revealFinding } from './steps/answerKeys';
import { ChoiceStyles } from './steps/controls';
import { DeformityStep } from './steps/DeformityStep';
import { HistoryStep } from './steps/HistoryStep';
import { ReviewStep } from './steps/ReviewStep';
import { SensationStep } from './steps/SensationStep';
import { SetupStep } from './steps/SetupStep';
import { SkinStep } from './steps/SkinStep';
import { random } from './steps/stepProps';
import { SymptomsStep } from './steps/SymptomsStep';
import { VibrationStep } from './steps/VibrationStep';
import { StepNav, stepTitles } from './StepNav';
import { NeurologyStep } from './steps/NeurologyStep';
import { useCarryForward } from './useCarryForward';
import { useLiveAssessment } from './useLiveAssessment';
import { pendingItems } from './model/carryForward';
import type { Screening } from './useScreening';
import { afterPaint } from './afterPaint';
import { useWizardKeys } from './useWizardKeys';
import { wizardStyles } from './wizardStyles';
import { DiagramPane, DiscardDialog, ResultColumn, SignDialog, StepFooter, StepHeading, WizardHeading } from './WizardParts';

/** Three columns (diagram, step, result) from 1200 px wide; below that the result folds into one line. */
const wideQuery = '(min-width: 1200px)';

/** A step's body back at its top, and the step's card in view (the page scrolls below 900 px wide). */
function showStepTop(body: HTMLElement): void {
  body.scrollTop = 0;
  body.closest('section')?.scrollIntoView({ block: 'nearest' });
}

/** The frame's and the save chip's sheet: rendered once per screen, never again on a key. */
const WizardStyles = memo(function WizardStyles(): React.JSX.Element {
  return <GlobalStyles styles={wizardStyles} />;
});

/**
 * The guided foot screen: the diagram, the open step and the live result with its reasons side
 * by side, all in the window at once (the diagram takes the space left). Fully keyboard-driven
 * (keys shown under each step); every change is autosaved. It never computes risk itself: the
 * result is the shared engine's.
 */
export function ScreeningWizard({ screening, patient }: { screening: Screening & { exam: Exam }; patient: Patient }): React.JSX.Element {
  const { exam, update, saveStatus, flush, replaceExam } = screening;
  const state = screening.state;
  const notify = useNotify();
  const { user } = useSession();
  const wide = useMediaQuery(wideQuery, { noSsr: true });
  const [reasonMenuOpen, setReasonMenuOpen] = useState(false);
  const [confirmSign, setConfirmSign] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [signing, setSigning] = useState(false);
  const [signError, setSignError] = useState<string | null>(null);
  const stepBody = useRef<HTMLDivElement>(null);
  /** A finding opened from a reason, to reveal once its step is on screen. */
  const reveal = useRef<string | null>(null);
  const [revealed, setRevealed] = useState(0);

  const findings = state?.findings;
  // The engine runs when a finding changes, not when only the place within a site moves; the
  // answer paints first and the result follows (see useLiveAssessment).
  const assessment = useLiveAssessment(findings ?? null);
  const carried = useCarryForward(exam);
  const waiting = useMemo(() => (carried && findings ? pendingItems(carried.items, findings) : []), [carried, findings]);
  const step = state?.position.step ?? 'setup';
  // A new step is drawn in a background render after the key's frame has painted: its many
  // controls take a few hundred milliseconds to mount on a slow PC, and the key that moved on
  // (the last answer of a step) must show at once. Until then the body says which step is opening;
  // keys typed meanwhile wait and are made in order once it is there (see useWizardKeys).
  const shownStep = useDeferredValue(step);
  const opening = shownStep !== step;

  const jump = useCallback(
    (path: string) => {
      reveal.current = path;
      update((s) => jumpTo(s, targetOf(path), random));
      setRevealed((n) => n + 1);
    },
    [update],
  );
  const jumpToReason = useCallback(
    (paths: readonly string[]) => {
      update((s) => {
        const path = findingOfReason(s.findings, paths);
        if (!path) return s;
        reveal.current = path;
        return jumpTo(s, targetOf(path), random);
      });
      setRevealed((n) => n + 1);
    },
    [update],
  );
  const openStep = useCallback((s: ScreeningStep) => update((st) => goToStep(st, s, random)), [update]);
  const selectSite = useCallback((side: Side, key: string) => update((s) => goToSite(s, { side, key }, random)), [update]);
  const selectFork = useCallback((side: Side) => update((s) => goToFork(s, side, random)), [update]);
  const askToSign = useCallback(() => setConfirmSign(true), []);

  // Read through the screening's getter, so the dialog's button keeps one handler for the whole screen.
  const latestState = screening.current;
  const sign = useCallback(async () => {
    const now = latestState();
    if (!now) return;
    setSigning(true);
    setSignError(null);
    await flush();
    const result = await api().signExam({ id: exam.id, findings: now.findings });
    setSigning(false);
    if (!result.ok) {
      setSignError(result.error.message);
      return;
    }
    setConfirmSign(false);
    replaceExam(result.value);
    notify({ message: `Screening signed by ${user.displayName}.`, severity: 'success' });
  }, [latestState, flush, exam.id, replaceExam, notify, user.displayName]);
  const signNow = useCallback(() => void sign(), [sign]);
  const closeSign = useCallback(() => setConfirmSign(false), []);

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
  const discardNow = useCallback(() => void discard(), [discard]);
  const keepDraft = useCallback(() => setConfirmDiscard(false), []);
  const askToDiscard = useCallback(() => setConfirmDiscard(true), []);
  const back = useCallback(() => update((s) => previousStep(s, random)), [update]);
  const forward = useCallback(() => update((s) => nextStep(s, random)), [update]);

  const { replayWaitingKeys } = useWizardKeys({ current: latestState, update, stepBody, reasonMenuOpen, setReasonMenuOpen, paused: confirmSign || confirmDiscard, onSign: askToSign, carried, waiting });

  // The step that needs attention comes into view by itself: a finding opened from a reason is
  // highlighted and focused; otherwise a new step starts at its top. Both before the step paints.
  const position = state?.position;
  const revealedNow = useRef(false);
  useLayoutEffect(() => {
    const body = stepBody.current;
    // The step's controls are not there yet: reveal and scroll once they are.
    if (!body || opening) return;
    const path = reveal.current;
    reveal.current = null;
    if (path) {
      revealedNow.current = true;
      const shown = revealFinding(body, path);
      if (!shown) {
        const site = document.querySelector<SVGElement>('.diagram-site[aria-current="step"]');
        site?.focus();
        body.closest('section')?.scrollIntoView({ block: 'nearest' });
      }
      replayWaitingKeys();
      return;
    }
    showStepTop(body);
    replayWaitingKeys();
  }, [step, opening, revealed, replayWaitingKeys]);
  // A new site within the step (the last answer of a site, or a site chosen on the diagram) brings
  // the question into view: after the answer has painted (the first task after the next frame;
  // React runs a key's effects before that frame), because scrolling measures the page, a forced
  // layout that took a quarter of such a key's time on a slow PC. A finding just revealed keeps its
  // place (this runs after every reveal, so the mark never outlives it).
  useEffect(() => {
    if (revealedNow.current) {
      revealedNow.current = false;
      return;
    }
    return afterPaint(() => {
      const body = stepBody.current;
      if (body && body.dataset.opening !== 'true') showStepTop(body);
    });
  }, [position?.side, position?.site, revealed]);

  const steps = useMemo(() => (findings ? applicableSteps(findings).join(',') : 'setup'), [findings]);
  const protocol = state ? protocolOf(state) : 'iwgdf-3';
  const diagramInput = useMemo(() => (assessment ? footDiagramInput(assessment, protocol === 'ipswich' ? 'ipswich' : 'monofilament') : null), [assessment, protocol]);
  const lesions = useMemo(() => (findings ? lesionsOf(findings) : []), [findings]);
  const currentSide = position?.side ?? null;
  const currentSite = position?.site ?? null;
  const current = useMemo(() => (currentSide && currentSite ? { side: currentSide, key: currentSite } : null), [currentSide, currentSite]);

  // Formatting a date costs a little on every key; the heading's line changes only with the exam.
  const subtitle = useMemo(
    () => `${formatDate(exam.examinedOn ?? exam.startedAt.slice(0, 10))} · ${exam.version > 1 ? `amendment (version ${exam.version}) · ` : ''}draft`,
    [exam.examinedOn, exam.startedAt, exam.version],
  );

  if (!state || !assessment || !diagramInput) return <Typography>Loading the screening…</Typography>;

  const stepList = steps.split(',') as ScreeningStep[];
  const stepProps = { state, update, assessment };
  const menu = { reasonMenuOpen, setReasonMenuOpen };
  // The stepper and the footer (keys, Back / Next) follow the step's body, in the background render.
  const next = stepList[stepList.indexOf(shownStep) + 1] ?? 'review';
  const diagramLabel = `${protocol === 'ipswich' ? 'Ipswich Touch Test' : 'Monofilament'} sites`;
  const incomplete = assessment.iwgdf2023.category === 'incomplete' || assessment.nice.category === 'incomplete';

  const panel = ((): React.JSX.Element => {
    if (opening) return <p className="step-opening">Opening {stepTitles[step]}…</p>;
    switch (step) {
      case 'setup':
        return <SetupStep {...stepProps} carried={carried} />;
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
        return <DeformityStep {...stepProps} carried={carried} />;
      case 'history':
        return <HistoryStep {...stepProps} carried={carried} />;
      case 'symptoms':
        return <SymptomsStep {...stepProps} />;
      case 'review':
        return (
          <ReviewStep
            {...stepProps}
            signerName={user.displayName}
            onSign={askToSign}
            onDiscard={askToDiscard}
            onJump={jump}
            amendmentReason={exam.amendmentReason}
            unconfirmed={waiting.length}
          />
        );
    }
  })();

  return (
    <div className="wizard">
      <WizardStyles />
      <ChoiceStyles />
      <AnswerPanelStyles />
      <WizardHeading patient={patient} subtitle={subtitle} saveStatus={saveStatus} />
      <SaveProblem store={saveStatus} />
      <StepNav steps={steps} current={shownStep} onOpen={openStep} />
      {wide ? null : <ResultSummary assessment={assessment} onJump={jumpToReason} />}
      <div className="wizard-grid">
        <DiagramPane input={diagramInput} current={current} label={diagramLabel} lesions={lesions} onSelectSite={selectSite} onSelectFork={selectFork} />
        <section className="wizard-step" aria-labelledby="step-heading">
          <StepHeading step={step} />
          <div ref={stepBody} className="wizard-step-body" data-step={step} data-opening={opening ? 'true' : undefined} aria-busy={opening}>
            {panel}
          </div>
          <StepFooter step={shownStep} next={next} first={stepList.indexOf(shownStep) === 0} onBack={back} onNext={forward} />
        </section>
        {wide ? <ResultColumn assessment={assessment} onJump={jumpToReason} /> : null}
      </div>
      <SignDialog open={confirmSign} signerName={user.displayName} incomplete={incomplete} signing={signing} error={signError} onCancel={closeSign} onSign={signNow} />
      <DiscardDialog open={confirmDiscard} onKeep={keepDraft} onDiscard={discardNow} />
    </div>
  );
}
