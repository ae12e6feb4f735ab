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
  /** The newest state, as soon as a key has changed it (before React draws it). */
  current: () => ScreeningState | null;
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

/** What the wizard reads of a key: a real event, or one kept while a step was opening. */
type WizardKey = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey' | 'target' | 'preventDefault'>;

/** Keys the wizard answers (letters, digits, arrows, Enter, Backspace); Tab and the rest keep their browser meaning. */
function isWizardKey(e: WizardKey): boolean {
  return /^[a-z0-9]$/i.test(e.key) || ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Enter', 'Backspace'].includes(e.key);
}

/**
 * The screen's keys, one per answer: Y / N (and X, Backspace) for the touch being asked; on the
 * form steps ↑ / ↓ move between answer items and their letters answer the focused one; N with no
 * item in focus (or Shift+N anywhere) says "no" to whatever is not yet answered and moves on;
 * Alt+← / Alt+→ change step; Enter goes on.
 */
export function useWizardKeys({ current: currentState, update, stepBody, reasonMenuOpen, setReasonMenuOpen, paused, onSign, carried, waiting }: WizardKeys): { replayWaitingKeys: () => void } {
  // The listener reads the latest values through a ref, so it is added once, not on every answer.
  const latest = useRef({ reasonMenuOpen, paused, onSign, carried, waiting });
  useEffect(() => {
    latest.current = { reasonMenuOpen, paused, onSign, carried, waiting };
  });
  // Keys pressed while a new step is still being drawn (its items are not there to answer or move
  // between) wait here in order, and are made one by one once the step they belong to is on
  // screen, so no key is lost and each acts where the nurse saw it would.
  const waitingKeys = useRef<WizardKey[]>([]);
  const handle = useRef<(e: WizardKey) => void>(() => undefined);
  /** The step on screen is not the one the findings are at (drawing, or about to be). */
  const stepNotShown = useCallback((): boolean => {
    const body = stepBody.current;
    const now = currentState();
    return body !== null && (body.dataset.opening === 'true' || (now !== null && body.dataset.step !== now.position.step));
  }, [stepBody, currentState]);
  // One key per frame: what a key does (a new item in focus, a dialog, the next step) is on screen
  // before the next key is made, as it was for the nurse.
  const replayFrame = useRef<number | null>(null);
  const replayWaitingKeys = useCallback((): void => {
    const replayOne = (): void => {
      if (replayFrame.current !== null || stepNotShown()) return;
      const next = waitingKeys.current.shift();
      if (!next) return;
      const target = document.activeElement;
      // Enter on a focused button (Sign in its dialog, say) does what the browser would have done.
      if (next.key === 'Enter' && target instanceof HTMLElement && target.closest('button, a, [role="button"]')) target.click();
      else handle.current({ ...next, target, preventDefault: () => undefined });
      if (waitingKeys.current.length === 0) return;
      replayFrame.current = requestAnimationFrame(() => {
        replayFrame.current = null;
        replayOne();
      });
    };
    replayOne();
  }, [stepNotShown]);
  useEffect(() => () => {
    if (replayFrame.current !== null) cancelAnimationFrame(replayFrame.current);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const { paused: isPaused } = latest.current;
      if (isPaused || e.ctrlKey || e.metaKey || isTyping(e.target)) {
        handle.current(e);
        return;
      }
      if (isWizardKey(e) && (waitingKeys.current.length > 0 || stepNotShown())) {
        e.preventDefault();
        waitingKeys.current.push({ key: e.key, shiftKey: e.shiftKey, altKey: e.altKey, ctrlKey: false, metaKey: false, target: null, preventDefault: () => undefined });
        // The step is there and nothing is being replayed (a safety net: the keys never stay waiting).
        replayWaitingKeys();
        return;
      }
      handle.current(e);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [stepNotShown, replayWaitingKeys]);

  useEffect(() => {
    handle.current = (e: WizardKey): void => {
      const { reasonMenuOpen: menuOpen, paused: isPaused, onSign: sign, carried: offered, waiting: unconfirmed } = latest.current;
      // The newest findings, even before React has drawn them (a key replayed right after another).
      const current = currentState();
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
  }, [update, stepBody, setReasonMenuOpen, currentState]);
  return { replayWaitingKeys };
}
