import MailOutlineIcon from '@mui/icons-material/EmailOutlined';
import SearchIcon from '@mui/icons-material/Search';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  InputAdornment,
  Link,
  MenuItem,
  Paper,
  Stack,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tabs,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { displayName } from '#shared/domain/patient';
import {
  contactKindLabels,
  worklistViewLabels,
  type WorklistItem,
  type WorklistResponse,
  type WorklistSort,
  type WorklistView,
} from '#shared/domain/recall';
import { recallGuidelineLabels, type RecallGuideline } from '#shared/domain/recallSettings';
import { allRecallCategories, iwgdfCategoryLabels, niceCategoryLabels, recallCategories, type RecallCategory } from '#shared/recall/recallRules';
import { api } from '../../api/api';
import { formatDate } from '../../app/format';
import { navigate, routeHash } from '../../app/router';
import { useNotify } from '../../components/Notifier';
import { dueWords } from '../history/RecallPanel';
import { ContactDialog } from './ContactDialog';
import { LettersDialog } from './LettersDialog';

const pageSize = 100;
const views: readonly WorklistView[] = ['overdue', 'due-soon', 'never-screened'];
const windows = [7, 14, 30, 60, 90];
const stateKey = 'worklist.filters';

interface Filters {
  view: WorklistView;
  withinDays: number;
  category: RecallCategory | '';
  search: string;
  sort: WorklistSort;
}

function storedFilters(): Filters {
  const fallback: Filters = { view: 'overdue', withinDays: 30, category: '', search: '', sort: 'due' };
  try {
    const parsed = JSON.parse(sessionStorage.getItem(stateKey) ?? '{}') as Partial<Filters>;
    return {
      view: views.includes(parsed.view as WorklistView) ? (parsed.view as WorklistView) : fallback.view,
      withinDays: windows.includes(Number(parsed.withinDays)) ? Number(parsed.withinDays) : fallback.withinDays,
      category: (allRecallCategories as readonly string[]).includes(parsed.category ?? '') ? (parsed.category as RecallCategory) : '',
      search: typeof parsed.search === 'string' ? parsed.search : '',
      sort: parsed.sort === 'name' ? 'name' : 'due',
    };
  } catch {
    return fallback;
  }
}

function categoryWords(guideline: RecallGuideline, item: WorklistItem): string {
  if (guideline === 'nice') return item.niceCategory ? `NICE ${niceCategoryLabels[item.niceCategory].toLowerCase()}` : '';
  return item.iwgdfCategory ? `IWGDF ${iwgdfCategoryLabels[item.iwgdfCategory].toLowerCase()}` : '';
}

const number = new Intl.NumberFormat();

/**
 * The recall worklist (issue 7): who is overdue, due in the next N days, or never screened, with
 * the clinic's category filter, search and sort; contact attempts recorded from each row; and
 * invitation letters for the patients ticked. Pages of 100 load on "Show more" (keyset pages, so
 * the list stays quick at 100,000 patients).
 */
export function WorklistPage(): React.JSX.Element {
  const [filters, setFilters] = useState<Filters>(storedFilters);
  const [typed, setTyped] = useState(filters.search);
  const [data, setData] = useState<WorklistResponse | null>(null);
  const [items, setItems] = useState<WorklistItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  // The filters the list on screen answers, and whether more rows were asked for: loading is the rest.
  const [answered, setAnswered] = useState<Filters | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const loading = answered !== filters || loadingMore;
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [contactFor, setContactFor] = useState<WorklistItem | null>(null);
  const [letters, setLetters] = useState(false);
  const request = useRef(0);
  const notify = useNotify();

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
        limit: pageSize,
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

  // Another view or filter is another list: what was ticked in the old one is let go.
  const set = (change: Partial<Filters>): void => {
    setFilters((f) => ({ ...f, ...change }));
    setSelected(new Set());
  };
  const guideline = data?.guideline ?? 'nice';
  const counts = data?.counts;
  const today = data?.today ?? '';
  const countOf = (view: WorklistView): number | null =>
    counts ? (view === 'overdue' ? counts.overdue : view === 'due-soon' ? counts.dueSoon : counts.neverScreened) : null;
  const toggle = (id: number, on: boolean): void =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const allShown = items.length > 0 && items.every((i) => selected.has(i.patientId));
  const total = countOf(filters.view);

  return (
    <Stack spacing={2}>
      <Box>
        <Typography variant="h5" component="h1">
          Recall worklist
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Next screening due = last signed screening + the {recallGuidelineLabels[guideline]} interval of its category (Settings). Active disease is due at once,
          for referral. {today ? `Today is ${formatDate(today)}.` : ''}
        </Typography>
      </Box>
      <Paper>
        <Tabs value={filters.view} onChange={(_e, view: WorklistView) => set({ view })} aria-label="Worklist views" variant="scrollable">
          {views.map((v) => {
            const n = countOf(v);
            const label = v === 'due-soon' ? `Due in the next ${filters.withinDays} days` : worklistViewLabels[v];
            return <Tab key={v} value={v} label={n === null ? label : `${label} (${number.format(n)})`} id={`worklist-tab-${v}`} aria-controls="worklist-panel" />;
          })}
        </Tabs>
        <Box id="worklist-panel" role="tabpanel" aria-labelledby={`worklist-tab-${filters.view}`} sx={{ p: 2 }}>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2 }}>
            <TextField
              label="Search the list"
              placeholder="Name, clinic identifier or national number"
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              sx={{ flex: 2 }}
              autoComplete="off"
              slotProps={{
                input: {
                  startAdornment: (
                    <InputAdornment position="start">
                      <SearchIcon />
                    </InputAdornment>
                  ),
                },
              }}
            />
            {filters.view === 'due-soon' ? (
              <TextField select label="Due within" value={filters.withinDays} onChange={(e) => set({ withinDays: Number(e.target.value) })} sx={{ minWidth: 150 }}>
                {windows.map((d) => (
                  <MenuItem key={d} value={d}>
                    {d} days
                  </MenuItem>
                ))}
              </TextField>
            ) : null}
            <TextField
              select
              label={`${recallGuidelineLabels[guideline]} category`}
              value={filters.view === 'never-screened' ? '' : filters.category}
              onChange={(e) => set({ category: (allRecallCategories as readonly string[]).includes(e.target.value) ? (e.target.value as RecallCategory) : '' })}
              disabled={filters.view === 'never-screened'}
              sx={{ minWidth: 220 }}
              slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
            >
              <MenuItem value="">All categories</MenuItem>
              {recallCategories[guideline].map((c) => (
                <MenuItem key={c} value={c}>
                  {guideline === 'nice' ? niceCategoryLabels[c as keyof typeof niceCategoryLabels] : iwgdfCategoryLabels[c as keyof typeof iwgdfCategoryLabels]}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              label="Sort by"
              value={filters.view === 'never-screened' ? 'name' : filters.sort}
              onChange={(e) => set({ sort: e.target.value === 'name' ? 'name' : 'due' })}
              disabled={filters.view === 'never-screened'}
              sx={{ minWidth: 170 }}
            >
              <MenuItem value="due">{filters.view === 'overdue' ? 'Most overdue first' : 'Due date'}</MenuItem>
              <MenuItem value="name">Name</MenuItem>
            </TextField>
          </Stack>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }} role="group" aria-label="Chosen patients">
            <Typography sx={{ mr: 1 }} aria-live="polite">
              {selected.size === 0 ? 'No patient chosen' : `${number.format(selected.size)} chosen`}
            </Typography>
            <Button size="small" onClick={() => setSelected(new Set([...selected, ...items.map((i) => i.patientId)]))} disabled={items.length === 0 || allShown}>
              Choose all shown ({number.format(items.length)})
            </Button>
            <Button size="small" onClick={() => setSelected(new Set())} disabled={selected.size === 0}>
              Clear
            </Button>
            <Box sx={{ flexGrow: 1 }} />
            <Button variant="contained" startIcon={<MailOutlineIcon />} onClick={() => setLetters(true)} disabled={selected.size === 0}>
              Invitation letters…
            </Button>
          </Stack>
          {error ? <Alert severity="error">{error}</Alert> : null}
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" aria-label={`${worklistViewLabels[filters.view]} patients`} aria-busy={loading}>
              <TableHead>
                <TableRow>
                  <TableCell padding="checkbox">
                    <Checkbox
                      checked={allShown}
                      indeterminate={!allShown && items.some((i) => selected.has(i.patientId))}
                      onChange={(e) => setSelected(e.target.checked ? new Set([...selected, ...items.map((i) => i.patientId)]) : new Set())}
                      slotProps={{ input: { 'aria-label': 'Choose every patient shown' } }}
                      disabled={items.length === 0}
                    />
                  </TableCell>
                  <TableCell>Patient</TableCell>
                  <TableCell>Phone</TableCell>
                  <TableCell>Last screened</TableCell>
                  <TableCell>Due</TableCell>
                  <TableCell>Last contact</TableCell>
                  <TableCell>
                    <span className="visually-hidden">Actions</span>
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {items.map((item) => {
                  const name = displayName(item);
                  const overdue = item.dueOn !== null && item.dueOn < today;
                  return (
                    <TableRow key={item.patientId} hover selected={selected.has(item.patientId)}>
                      <TableCell padding="checkbox">
                        <Checkbox checked={selected.has(item.patientId)} onChange={(e) => toggle(item.patientId, e.target.checked)} slotProps={{ input: { 'aria-label': `Choose ${name}` } }} />
                      </TableCell>
                      <TableCell>
                        <Link
                          href={routeHash({ page: 'patient', patientId: item.patientId })}
                          onClick={(e) => {
                            e.preventDefault();
                            navigate({ page: 'patient', patientId: item.patientId });
                          }}
                          sx={{ fontWeight: 600 }}
                        >
                          {name}
                        </Link>
                        <Typography variant="body2" color="text.secondary">
                          born {formatDate(item.dateOfBirth)} · {item.clinicIdentifier}
                        </Typography>
                      </TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{item.phone ?? '—'}</TableCell>
                      <TableCell>
                        {item.lastExaminedOn ? (
                          <>
                            {formatDate(item.lastExaminedOn)}
                            <Typography variant="body2" color="text.secondary">
                              {item.examStatus === 'performed' ? categoryWords(guideline, item) : `examination ${item.examStatus}`}
                            </Typography>
                          </>
                        ) : (
                          'Never screened'
                        )}
                      </TableCell>
                      <TableCell>
                        {item.dueOn ? (
                          <>
                            {formatDate(item.dueOn)}
                            <Box>
                              <Chip
                                size="small"
                                variant={overdue || item.months === 0 ? 'filled' : 'outlined'}
                                color={item.months === 0 ? 'error' : overdue ? 'warning' : 'default'}
                                label={dueWords(item.dueOn, today, item.months)}
                              />
                            </Box>
                          </>
                        ) : (
                          '—'
                        )}
                      </TableCell>
                      <TableCell>
                        {item.lastContact ? (
                          <>
                            {contactKindLabels[item.lastContact.kind]}
                            <Typography variant="body2" color="text.secondary">
                              {formatDate(item.lastContact.contactedOn)}
                              {item.contactsSinceExam > 0 ? ` · ${item.contactsSinceExam} since the last screening` : ''}
                            </Typography>
                          </>
                        ) : (
                          '—'
                        )}
                      </TableCell>
                      <TableCell align="right">
                        <Button size="small" onClick={() => setContactFor(item)} aria-label={`Record contact for ${name}`} sx={{ whiteSpace: 'nowrap' }}>
                          Record contact…
                        </Button>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </Box>
          {!loading && items.length === 0 && !error ? (
            <Typography sx={{ py: 2 }} color="text.secondary">
              {filters.search || filters.category ? 'No patient matches these filters.' : filters.view === 'overdue' ? 'Nobody is overdue.' : 'Nobody here.'}
            </Typography>
          ) : null}
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mt: 1 }}>
            <Typography variant="body2" color="text.secondary">
              {total === null ? '' : `Showing ${number.format(items.length)} of ${number.format(total)}`}
            </Typography>
            {data?.nextCursor ? (
              <Button
                onClick={() => {
                  setLoadingMore(true);
                  load(data.nextCursor);
                }}
                disabled={loading}
              >
                Show {pageSize} more
              </Button>
            ) : null}
          </Stack>
        </Box>
      </Paper>
      {contactFor ? (
        <ContactDialog
          patientId={contactFor.patientId}
          name={displayName(contactFor)}
          today={today}
          open
          onClose={() => setContactFor(null)}
          onSaved={(c) => {
            setContactFor(null);
            notify({ message: `Recorded for ${displayName(contactFor)}: ${contactKindLabels[c.kind].toLowerCase()}, ${formatDate(c.contactedOn)}.`, severity: 'success' });
            load(null);
          }}
        />
      ) : null}
      {letters ? (
        <LettersDialog
          patientIds={[...selected]}
          open
          onClose={() => setLetters(false)}
          onDone={() => {
            setLetters(false);
            setSelected(new Set());
            load(null);
          }}
        />
      ) : null}
    </Stack>
  );
}
