import { useCallback, useEffect, useRef, useState } from 'react';
import type { Exam } from '#shared/domain/exam';
import { findingsSchema } from '#shared/domain/findings';
import type { AppError } from '#shared/ipc/result';
import { api } from '../../api/api';
import { afterPaint } from './afterPaint';
import { initialState, type ScreeningState } from './model/screeningState';

import { createSaveStatusStore, type SaveStatus, type SaveStatusStore } from './saveStatusStore';

interface Mirror {
  examId: number;
  at: string;
  state: ScreeningState;
}

const mirrorKey = (examId: number): string => `screening-draft:${examId}`;
const saveDelayMs = 300;

function readMirror(examId: number): Mirror | null {
  try {
    const raw = localStorage.getItem(mirrorKey(examId));
    if (!raw) return null;
    const mirror = JSON.parse(raw) as Mirror;
    return findingsSchema.safeParse(mirror.state.findings).success ? mirror : null;
  } catch {
    return null;
  }
}

interface DraftRefs {
  latest: { current: ScreeningState | null };
  dirty: { current: boolean };
  timer: { current: number | undefined };
}

interface SaveReport {
  status: (status: SaveStatus) => void;
  /** Why saving stopped, in the nurse's words (null while it works or retries). */
  problem: (problem: string | null) => void;
}

/** Why a refusal cannot be cured by trying again, or null when trying again may help. */
function whyStopped(error: AppError): string | null {
  switch (error.code) {
    case 'unauthorized':
      return 'Not saved: you are signed out or the screen is locked. Everything is kept on this computer and is saved when you carry on.';
    case 'forbidden':
      return `Not saved: ${error.message} Everything is kept on this computer.`;
    case 'bad_request':
    case 'validation_failed':
    case 'not_found':
    case 'conflict':
    case 'unknown_operation':
    case 'too_many_attempts':
    case 'internal':
      return null;
  }
}

/**
 * Sends the latest draft to the database; on failure tries again every few seconds, unless the
 * app refused it (signed out, locked, or the exam can no longer change): then it says why and
 * waits for the nurse's next change or for signing, which try again.
 */
async function pushDraft(examId: number, refs: DraftRefs, report: SaveReport): Promise<boolean> {
  window.clearTimeout(refs.timer.current);
  const current = refs.latest.current;
  if (!current || !refs.dirty.current) return true;
  refs.dirty.current = false;
  report.status('saving');
  const result = await api().saveExamDraft({ id: examId, findings: current.findings, wizard: current.position });
  if (!result.ok) {
    refs.dirty.current = true;
    const stopped = whyStopped(result.error);
    report.problem(stopped);
    if (stopped !== null) {
      report.status('stopped');
      return false;
    }
    report.status('failed');
    // Try again shortly: the local copy keeps everything meanwhile.
    refs.timer.current = window.setTimeout(() => void pushDraft(examId, refs, report), 5000);
    return false;
  }
  report.problem(null);
  if (!refs.dirty.current) report.status('saved');
  return true;
}

export interface Screening {
  exam: Exam | null;
  state: ScreeningState | null;
  error: AppError | null;
  /** The autosave's status and why it stopped (read by the status chip alone). */
  saveStatus: SaveStatusStore;
  update: (change: (state: ScreeningState) => ScreeningState) => void;
  /** The latest state, read when acted on (a stable function: callbacks built on it need not change with every key). */
  current: () => ScreeningState | null;
  /** Saves now (before signing or leaving). */
  flush: () => Promise<boolean>;
  replaceExam: (exam: Exam) => void;
}

/**
 * Loads an exam and keeps its draft safe: every change is written to this computer's local
 * storage as soon as it is on screen and, a moment later, to the database. If the app was closed
 * or crashed before the database save, the newer local copy wins when the draft is opened again.
 */
export function useScreening(examId: number): Screening {
  const [exam, setExam] = useState<Exam | null>(null);
  const [state, setState] = useState<ScreeningState | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [saveStatus] = useState(createSaveStatusStore);
  const latest = useRef<ScreeningState | null>(null);
  const dirty = useRef(false);
  const timer = useRef<number | undefined>(undefined);

  // The local copy is written in the first task after the key's frame has painted (or within 50 ms,
  // whichever comes first), not inside the key: serialising the whole draft and writing it to
  // storage was a fifth of a key's work on a slow PC. Leaving or reloading the page, or leaving the
  // screen, writes it at once; a crash can lose at most the answer of that one frame, which the
  // database save a moment later would not have had either.
  const pendingMirror = useRef<Mirror | null>(null);
  const writeMirror = useCallback((): void => {
    const mirror = pendingMirror.current;
    if (!mirror) return;
    pendingMirror.current = null;
    try {
      localStorage.setItem(mirrorKey(mirror.examId), JSON.stringify(mirror));
    } catch {
      // Storage full or blocked: the database save still runs.
    }
  }, []);
  useEffect(() => {
    window.addEventListener('pagehide', writeMirror);
    return () => {
      window.removeEventListener('pagehide', writeMirror);
      writeMirror();
    };
  }, [writeMirror]);

  const pushToServer = useCallback(
    (): Promise<boolean> => pushDraft(examId, { latest, dirty, timer }, { status: saveStatus.setStatus, problem: saveStatus.setProblem }),
    [examId, saveStatus],
  );

  useEffect(() => {
    let cancelled = false;
    void api()
      .getExam({ id: examId })
      .then((r) => {
        if (cancelled) return;
        if (!r.ok) {
          setError(r.error);
          return;
        }
        setExam(r.value);
        if (r.value.state !== 'draft') return;
        const mirror = readMirror(examId);
        const useMirror = mirror !== null && mirror.at > r.value.updatedAt;
        const start = useMirror ? mirror.state : initialState(r.value.findings, r.value.wizard);
        latest.current = start;
        setState(start);
        if (useMirror) {
          dirty.current = true;
          void pushToServer();
        }
      });
    return () => {
      cancelled = true;
    };
  }, [examId, pushToServer]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const update = useCallback(
    (change: (s: ScreeningState) => ScreeningState) => {
      const current = latest.current;
      if (!current) return;
      const next = change(current);
      if (next === current) return;
      latest.current = next;
      setState(next);
      const scheduled = pendingMirror.current !== null;
      pendingMirror.current = { examId, at: new Date().toISOString(), state: next };
      if (!scheduled) {
        afterPaint(writeMirror);
        window.setTimeout(writeMirror, 50);
      }
      dirty.current = true;
      saveStatus.setStatus('saving');
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void pushToServer(), saveDelayMs);
    },
    [examId, pushToServer, saveStatus, writeMirror],
  );

  const replaceExam = useCallback(
    (next: Exam) => {
      setExam(next);
      if (next.state !== 'draft') {
        pendingMirror.current = null;
        localStorage.removeItem(mirrorKey(examId));
        latest.current = null;
        setState(null);
      }
    },
    [examId],
  );

  const current = useCallback((): ScreeningState | null => latest.current, []);

  return { exam, state, error, saveStatus, update, current, flush: pushToServer, replaceExam };
}
