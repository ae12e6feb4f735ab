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
 * Search as you type: every keystroke asks at once (no settling pause: the query takes about a
 * millisecond with 100,000 patients, and a pause only delays the list of the last key). Each
 * request carries a sequence number; an answer is shown only if no newer request has been made
 * since — answers to older keys, and "load more" pages of an older search, are dropped however
 * late or out of order they arrive, so the list always matches what is in the box.
 */
export function usePatientSearch(query: string, includeArchived: boolean, dateOrder: DateOrder): PatientSearchState {
  const key = JSON.stringify([query, includeArchived, dateOrder]);
  const [answer, setAnswer] = useState<Answer>({ key: '', items: [], interpretation: '', cursor: null, error: null });
  /** The sequence number of the newest request made (a search or a next page). */
  const latest = useRef(0);
  /** The sequence number of the newest search, which a next page must extend. */
  const latestSearch = useRef(0);
  const loadingMore = useRef(false);

  useEffect(() => {
    const sequence = ++latest.current;
    latestSearch.current = sequence;
    loadingMore.current = false;
    void api()
      .searchPatients({ query, includeArchived, dateOrder, limit: pageSize, cursor: null })
      .then((result) => {
        if (latestSearch.current !== sequence) return;
        setAnswer((previous) =>
          result.ok
            ? { key, items: result.value.items, interpretation: result.value.interpretation, cursor: result.value.nextCursor, error: null }
            : { ...previous, key, error: result.error },
        );
      });
  }, [key, query, includeArchived, dateOrder]);

  const { cursor } = answer;
  const loadMore = useCallback(() => {
    if (cursor === null || loadingMore.current || answer.key !== key) return;
    loadingMore.current = true;
    const search = latestSearch.current;
    const sequence = ++latest.current;
    void api()
      .searchPatients({ query, includeArchived, dateOrder, limit: pageSize, cursor })
      .then((result) => {
        // A newer search (or page) was asked for since: this page belongs to an older list.
        if (latest.current !== sequence || latestSearch.current !== search) return;
        loadingMore.current = false;
        if (!result.ok) return;
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
