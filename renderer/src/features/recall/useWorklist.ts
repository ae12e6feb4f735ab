import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorklistItem, WorklistResponse, WorklistSort, WorklistView } from '#shared/domain/recall';
import { allRecallCategories, type RecallCategory } from '#shared/recall/recallRules';
import { api } from '../../api/api';

export const worklistPageSize = 100;
export const worklistViews: readonly WorklistView[] = ['overdue', 'due-soon', 'never-screened'];
/** The "due in the next N days" choices. */
export const dueWindows = [7, 14, 30, 60, 90];
const stateKey = 'worklist.filters';

export interface WorklistFilters {
  view: WorklistView;
  withinDays: number;
  category: RecallCategory | '';
  search: string;
  sort: WorklistSort;
}

/** The filters this tab used last (kept for the session), or the defaults. */
function storedFilters(): WorklistFilters {
  const fallback: WorklistFilters = { view: 'overdue', withinDays: 30, category: '', search: '', sort: 'due' };
  try {
    const parsed = JSON.parse(sessionStorage.getItem(stateKey) ?? '{}') as Partial<WorklistFilters>;
    return {
      view: worklistViews.includes(parsed.view as WorklistView) ? (parsed.view as WorklistView) : fallback.view,
      withinDays: dueWindows.includes(Number(parsed.withinDays)) ? Number(parsed.withinDays) : fallback.withinDays,
      category: (allRecallCategories as readonly string[]).includes(parsed.category ?? '') ? (parsed.category as RecallCategory) : '',
      search: typeof parsed.search === 'string' ? parsed.search : '',
      sort: parsed.sort === 'name' ? 'name' : 'due',
    };
  } catch {
    return fallback;
  }
}

export interface Worklist {
  filters: WorklistFilters;
  /** Another view or filter is another list: what was ticked in the old one is let go. */
  changeFilters(change: Partial<Omit<WorklistFilters, 'search'>>): void;
  /** The search box's text; the list follows it after a pause. */
  typed: string;
  setTyped(text: string): void;
  /** The last answer (counts, guideline, today), the rows loaded so far, and any error. */
  data: WorklistResponse | null;
  items: WorklistItem[];
  error: string | null;
  loading: boolean;
  /** The first page again (after a contact or letters changed the list). */
  reload(): void;
  /** The next page, added below the rows shown. */
  showMore(): void;
  countOf(view: WorklistView): number | null;
  selected: ReadonlySet<number>;
  toggle(patientId: number, on: boolean): void;
  chooseAllShown(): void;
  clearSelection(): void;
}

/**
 * The recall worklist's state: filters (kept for the session), keyset pages of 100, and the
 * patients ticked for letters. Typing fast sends several requests; only the answer to the newest
 * is shown, whatever order the answers come back in.
 */
export function useWorklist(): Worklist {
  const [filters, setFilters] = useState<WorklistFilters>(storedFilters);
  const [typed, setTyped] = useState(filters.search);
  const [data, setData] = useState<WorklistResponse | null>(null);
  const [items, setItems] = useState<WorklistItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  // The filters the list on screen answers, and whether more rows were asked for: loading is the rest.
  const [answered, setAnswered] = useState<WorklistFilters | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const request = useRef(0);

  useEffect(() => sessionStorage.setItem(stateKey, JSON.stringify(filters)), [filters]);
  // The search follows the typing after a pause; a new search is a new list, so the ticks go.
  useEffect(() => {
    if (typed === filters.search) return;
    const timer = setTimeout(() => {
      setFilters((f) => ({ ...f, search: typed }));
      setSelected(new Set());
    }, 250);
    return () => clearTimeout(timer);
  }, [typed, filters.search]);

  const fetchPage = useCallback(
    (cursor: string | null) =>
      api().listWorklist({
        view: filters.view,
        withinDays: filters.withinDays,
        category: filters.view === 'never-screened' || filters.category === '' ? null : filters.category,
        search: filters.search,
        sort: filters.sort,
        cursor,
        limit: worklistPageSize,
      }),
    [filters],
  );

  /** Shows an answer, unless a newer request has been made since (typing fast). */
  const show = useCallback(
    (mine: number, cursor: string | null, r: Awaited<ReturnType<typeof fetchPage>>): void => {
      if (mine !== request.current) return;
      setAnswered(filters);
      setLoadingMore(false);
      if (!r.ok) {
        setError(r.error.message);
        return;
      }
      setError(null);
      setData(r.value);
      setItems((list) => (cursor === null ? r.value.items : [...list, ...r.value.items]));
    },
    [filters],
  );

  const load = useCallback(
    (cursor: string | null): void => {
      const mine = ++request.current;
      void fetchPage(cursor).then((r) => show(mine, cursor, r));
    },
    [fetchPage, show],
  );

  useEffect(() => {
    const mine = ++request.current;
    void fetchPage(null).then((r) => show(mine, null, r));
  }, [fetchPage, show]);

  const counts = data?.counts;
  return {
    filters,
    changeFilters: (change) => {
      setFilters((f) => ({ ...f, ...change }));
      setSelected(new Set());
    },
    typed,
    setTyped,
    data,
    items,
    error,
    loading: answered !== filters || loadingMore,
    reload: () => load(null),
    showMore: () => {
      if (!data?.nextCursor) return;
      setLoadingMore(true);
      load(data.nextCursor);
    },
    countOf: (view) => (counts ? (view === 'overdue' ? counts.overdue : view === 'due-soon' ? counts.dueSoon : counts.neverScreened) : null),
    selected,
    toggle: (patientId, on) =>
      setSelected((s) => {
        const next = new Set(s);
        if (on) next.add(patientId);
        else next.delete(patientId);
        return next;
      }),
    chooseAllShown: () => setSelected((s) => new Set([...s, ...items.map((i) => i.patientId)])),
    clearSelection: () => setSelected(new Set()),
  };
}
