import { useCallback, useEffect, useRef, useState } from 'react';
import type { PatientSummary } from '#shared/domain/patient';
import type { AppError } from '#shared/ipc/result';
import type { DateOrder } from '#shared/text/dates';
import { api } from '../../api/api';

export interface PatientSearchState {
  items: PatientSummary[];
  interpretation: string;
  loading: boolean;
  hasMore: boolean;
  error: AppError | null;
  loadMore: () => void;
}

interface Answer {
  /** Which search this answers; when it differs from the current one, a search is running. */
  key: string;
  items: PatientSummary[];
  interpretation: string;
  cursor: string | null;
  error: AppError | null;
}

const pageSize = 60;
/**
 * The pause after a keystroke before searching. The query itself takes about a millisecond with
 * 100,000 patients, so this is not there to spare the database: it only lets a burst of fast
 * typing settle into one repaint of the list instead of one per letter. Kept short so the results
 * of the last key paint within a frame or two of it.
 */
const settleMs = 25;

/**
 * Search as you type: each keystroke starts a new search (after a pause of `settleMs`); answers to
 * older keystrokes are dropped, so the list always matches what is in the box.
 */
export function usePatientSearch(query: string, includeArchived: boolean, dateOrder: DateOrder): PatientSearchState {
  const key = JSON.stringify([query, includeArchived, dateOrder]);
  const [answer, setAnswer] = useState<Answer>({ key: '', items: [], interpretation: '', cursor: null, error: null });
  const loadingMore = useRef(false);
  const currentKey = useRef(key);

  useEffect(() => {
    currentKey.current = key;
    let cancelled = false;
    const timer = window.setTimeout(
      () => {
        void api()
          .searchPatients({ query, includeArchived, dateOrder, limit: pageSize, cursor: null })
          .then((result) => {
            if (cancelled) return;
            setAnswer((previous) =>
              result.ok
                ? { key, items: result.value.items, interpretation: result.value.interpretation, cursor: result.value.nextCursor, error: null }
                : { ...previous, key, error: result.error },
            );
          });
      },
      query === '' ? 0 : settleMs,
    );
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [key, query, includeArchived, dateOrder]);

  const { cursor } = answer;
  const loadMore = useCallback(() => {
    if (cursor === null || loadingMore.current || answer.key !== key) return;
    loadingMore.current = true;
    void api()
      .searchPatients({ query, includeArchived, dateOrder, limit: pageSize, cursor })
      .then((result) => {
        loadingMore.current = false;
        if (currentKey.current !== key || !result.ok) return;
        setAnswer((previous) => {
          const seen = new Set(previous.items.map((p) => p.id));
          return {
            ...previous,
            items: [...previous.items, ...result.value.items.filter((p) => !seen.has(p.id))],
            cursor: result.value.nextCursor,
          };
        });
      });
  }, [cursor, answer.key, key, query, includeArchived, dateOrder]);

  return {
    items: answer.items,
    interpretation: answer.interpretation,
    loading: answer.key !== key,
    hasMore: cursor !== null,
    error: answer.error,
    loadMore,
  };
}
