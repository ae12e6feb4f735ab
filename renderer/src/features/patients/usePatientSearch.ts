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
 * Search as you type: each keystroke starts a new search (after a short pause); answers to
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
      query === '' ? 0 : 120,
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
