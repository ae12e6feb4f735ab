import { useCallback, useEffect, useRef } from 'react';
import { notTestableReasons, type NotTestableReason } from '#shared/domain/findings';
import { answer, markNotTestable, nextStep, previousStep, recordNone, undo, type ScreeningState } from './model/screeningState';
import { answerFocused, focusedItem, moveItem, moveOption } from './steps/answerKeys';
import { nextUnrecordedPulse, nextUnrecordedWaveform, noCriticalIschaemia, setPulse, setWaveform, waveformKeys } from './steps/CirculationStep';
import { answerQuestion, nextUnansweredQuestion } from './steps/NeurologyStep';
import { confirmNext, type CarriedItem } from './model/carryForward';
import type { Carried } from './steps/HistoryStep';
import { random } from './steps/stepProps';

const forkReasons: readonly NotTestableReason[] = ['ulcer', 'amputation', 'dressing', 'other'];

const textInputs = 'input:not([type]), input[type="text"], input[type="number"], input[type="password"], input[type="search"], input[type="email"], input[type="tel"]';

/** Keys belong to the field when the nurse is typing (radios and checkboxes do not take letters). */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest(`${textInputs}, textarea, select, [contenteditable="true"], [role="listbox"], [role="menu"], [role="dialog"]`) !== null;
}

function onControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('button, a, [role="button"], [role="radio"], [role="checkbox"]') !== null;
}

/** Radios move with the arrow keys themselves: the wizard leaves arrows on them alone. */
function onRadio(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('input[type="radio"], [role="radio"]') !== null;
}

type FormStep = 'skin' | 'deformity' | 'history' | 'symptoms';
const formSteps: readonly string[] = ['skin', 'deformity', 'history', 'symptoms'];

interface WizardKeys {
  state: ScreeningState | null;
  update: (change: (s: ScreeningState) => ScreeningState) => void;
  /** The open step's content: where the answer items are. */
  stepBody: React.RefObject<HTMLElement | null>;
  reasonMenuOpen: boolean;
  setReasonMenuOpen: (open: boolean) => void;
  /** A dialog of the screen is open: its own keys only. */
  paused: boolean;
  onSign: () => void;
  /** Answers offered from the last signed exam, and those still waiting for the nurse. */
  carried: Carried | null;
  waiting: readonly CarriedItem[];
}

/**
 * The screen's keys, one per answer: Y / N (and X, Backspace) for the touch being asked; on the
 * form steps ↑ / ↓ move between answer items and their letters answer the focused one; N with no
 * item in focus (or Shift+N anywhere) says "no" to whatever is not yet answered and moves on;
 * Alt+← / Alt+→ change step; Enter goes on.
 */
export function useWizardKeys({ state, update, stepBody, reasonMenuOpen, setReasonMenuOpen, paused, onSign, carried, waiting }: WizardKeys): { replayWaitingMoves: () => void } {
  // ↑ / ↓ pressed while a new step is still being drawn (its items are not there to move between):
  // kept in order and made once the step is on screen, so no key is lost.
  const waitingMoves = useRef<(1 | -1)[]>([]);
  const replayWaitingMoves = useCallback((): void => {
    const body = stepBody.current;
    const moves = waitingMoves.current.splice(0);
    if (body) for (const move of moves) moveItem(body, move);
  }, [stepBody]);
  // The listener reads the latest values through a ref, so it is added once, not on every answer.
  const latest = useRef({ state, reasonMenuOpen, paused, onSign, carried, waiting });
  useEffect(() => {
    latest.current = { state, reasonMenuOpen, paused, onSign, carried, waiting };
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const { state: current, reasonMenuOpen: menuOpen, paused: isPaused, onSign: sign, carried: offered, waiting: unconfirmed } = latest.current;
      if (!current || isPaused || e.ctrlKey || e.metaKey) return;
      const step = current.position.step;
      const key = e.key.toLowerCase();
      if (menuOpen && /^[1-9]$/.test(key)) {
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
      const body = stepBody.current;
      if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && body?.dataset.opening === 'true') {
        e.preventDefault();
        waitingMoves.current.push(e.key === 'ArrowDown' ? 1 : -1);
        return;
      }
      if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && body && !onRadio(e.target)) {
        if (moveItem(body, e.key === 'ArrowDown' ? 1 : -1)) e.preventDefault();
        return;
      }
      if ((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && focusedItem()) {
        if (moveOption(e.key === 'ArrowRight' ? 1 : -1)) e.preventDefault();
        return;
      }
      if (e.shiftKey && key === 'n' && (formSteps.includes(step) || step === 'circulation')) {
        e.preventDefault();
        // An answer carried forward and not yet confirmed is never turned into "no".
        const keep = new Set(unconfirmed.map((item) => item.id));
        update((s) => (step === 'circulation' ? nextStep(noCriticalIschaemia(s), random) : recordNone(s, step as FormStep, random, keep)));
        return;
      }
      if (body && !e.shiftKey && /^[a-z]$/.test(key) && answerFocused(body, key)) {
        e.preventDefault();
        return;
      }
      const answering = current.position.pending !== null && (step === 'sensation' || step === 'vibration');
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
        const next = nextUnrecordedPulse(current);
        if (next) {
          e.preventDefault();
          const value = key === 'p' ? 'palpable' : key === 'a' ? 'not_palpable' : 'not_tested';
          update((s) => setPulse(s, next.side, next.pulse, value));
        }
        return;
      }
      if (step === 'circulation' && waveformKeys[key]) {
        const next = nextUnrecordedWaveform(current);
        const value = waveformKeys[key];
        if (next && value) {
          e.preventDefault();
          update((s) => setWaveform(s, next.side, next.pulse, value));
        }
        return;
      }
      if (step === 'neurology' && (key === 'y' || key === 'n')) {
        const next = nextUnansweredQuestion(current);
        if (next) {
          e.preventDefault();
          update((s) => answerQuestion(s, next, key === 'y'));
        }
        return;
      }
      if (step === 'history' && offered && (key === 'c' || key === 'd')) {
        const next = unconfirmed[0];
        if (next) {
          e.preventDefault();
          if (key === 'c') update((s) => ({ ...s, findings: confirmNext(offered.items, s.findings) }));
          else if (next.opposite) update((s) => ({ ...s, findings: next.opposite?.(s.findings) ?? s.findings }));
        }
        return;
      }
      if (step === 'circulation' && key === 'n') {
        e.preventDefault();
        update((s) => nextStep(noCriticalIschaemia(s), random));
        return;
      }
      if (formSteps.includes(step) && key === 'n') {
        e.preventDefault();
        const keep = new Set(unconfirmed.map((item) => item.id));
        update((s) => recordNone(s, step as FormStep, random, keep));
        return;
      }
      if (step === 'review' && key === 's') {
        e.preventDefault();
        sign();
        return;
      }
      if (e.key === 'Enter' && !onControl(e.target) && step !== 'review') {
        e.preventDefault();
        update((s) => nextStep(s, random));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [update, stepBody, setReasonMenuOpen]);
  return { replayWaitingMoves };
}
