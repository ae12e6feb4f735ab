import MailOutlineIcon from '@mui/icons-material/EmailOutlined';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  Link,
  MenuItem,
  Paper,
  Stack,
  Tab,
  TableBody,
  TableCell,
  TableRow,
  Tabs,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { displayName } from '#shared/domain/patient';
import { contactKindLabels, worklistViewLabels, type WorklistItem, type WorklistView } from '#shared/domain/recall';
import { recallGuidelineLabels, type RecallGuideline } from '#shared/domain/recallSettings';
import { allRecallCategories, iwgdfCategoryLabels, niceCategoryLabels, recallCategories, type RecallCategory } from '#shared/recall/recallRules';
import { formatDate } from '../../app/format';
import { navigate, routeHash } from '../../app/router';
import { useNotify } from '../../components/Notifier';
import { ContactDialog } from './ContactDialog';
import { LettersDialog } from './LettersDialog';
import { dueWords } from './RecallPanel';
import { dueWindows, useWorklist, worklistPageSize, worklistViews } from './useWorklist';
import { TableHeadings } from '../../components/TableHeadings';
import { searchAdornment } from '../../components/searchAdornment';
import { WideTable } from '../../components/WideTable';

function categoryWords(guideline: RecallGuideline, item: WorklistItem): string {
  if (guideline === 'nice') return item.niceCategory ? `NICE ${niceCategoryLabels[item.niceCategory].toLowerCase()}` : '';
  return item.iwgdfCategory ? `IWGDF ${iwgdfCategoryLabels[item.iwgdfCategory].toLowerCase()}` : '';
}

const number = new Intl.NumberFormat();

/**
 * The recall worklist: who is overdue, due in the next N days, or never screened, with
 * the clinic's category filter, search and sort; contact attempts recorded from each row; and
 * invitation letters for the patients ticked. Pages of 100 load on "Show more" (keyset pages, so
 * the list stays quick at 100,000 patients).
 */
export function WorklistPage(): React.JSX.Element {
  const list = useWorklist();
  const { filters, data, items, selected, loading, error } = list;
  const [contactFor, setContactFor] = useState<WorklistItem | null>(null);
  const [letters, setLetters] = useState(false);
  const notify = useNotify();
  const guideline = data?.guideline ?? 'nice';
  const today = data?.today ?? '';
  const allShown = items.length > 0 && items.every((i) => selected.has(i.patientId));
  const total = list.countOf(filters.view);

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
        <Tabs value={filters.view} onChange={(_e, view: WorklistView) => list.changeFilters({ view })} aria-label="Worklist views" variant="scrollable">
          {worklistViews.map((v) => {
            const n = list.countOf(v);
            const label = v === 'due-soon' ? `Due in the next ${filters.withinDays} days` : worklistViewLabels[v];
            return <Tab key={v} value={v} label={n === null ? label : `${label} (${number.format(n)})`} id={`worklist-tab-${v}`} aria-controls="worklist-panel" />;
          })}
        </Tabs>
        <Box id="worklist-panel" role="tabpanel" aria-labelledby={`worklist-tab-${filters.view}`} sx={{ p: 2 }}>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2 }}>
            <TextField
              label="Search the list"
              placeholder="Name, clinic identifier or national number"
              value={list.typed}
              onChange={(e) => list.setTyped(e.target.value)}
              sx={{ flex: 2 }}
              autoComplete="off"
              slotProps={{ input: searchAdornment }}
            />
            {filters.view === 'due-soon' ? (
              <TextField select label="Due within" value={filters.withinDays} onChange={(e) => list.changeFilters({ withinDays: Number(e.target.value) })} sx={{ minWidth: 150 }}>
                {dueWindows.map((d) => (
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
              onChange={(e) => list.changeFilters({ category: (allRecallCategories as readonly string[]).includes(e.target.value) ? (e.target.value as RecallCategory) : '' })}
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
              onChange={(e) => list.changeFilters({ sort: e.target.value === 'name' ? 'name' : 'due' })}
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
            <Button size="small" onClick={list.chooseAllShown} disabled={items.length === 0 || allShown}>
              Choose all shown ({number.format(items.length)})
            </Button>
            <Button size="small" onClick={list.clearSelection} disabled={selected.size === 0}>
              Clear
            </Button>
            <Box sx={{ flexGrow: 1 }} />
            <Button variant="contained" startIcon={<MailOutlineIcon />} onClick={() => setLetters(true)} disabled={selected.size === 0}>
              Invitation letters…
            </Button>
          </Stack>
          {error ? <Alert severity="error">{error}</Alert> : null}
          <WideTable aria-label={`${worklistViewLabels[filters.view]} patients`} aria-busy={loading}>
            <TableHeadings
              columns={['Patient', 'Phone', 'Last screened', 'Due', 'Last contact']}
              buttons="Actions"
              first={
                <TableCell padding="checkbox">
                  <Checkbox
                    checked={allShown}
                    indeterminate={!allShown && items.some((i) => selected.has(i.patientId))}
                    onChange={(e) => (e.target.checked ? list.chooseAllShown() : list.clearSelection())}
                    slotProps={{ input: { 'aria-label': 'Choose every patient shown' } }}
                    disabled={items.length === 0}
                  />
                </TableCell>
              }
            />
            <TableBody>
              {items.map((item) => {
                const name = displayName(item);
                const overdue = item.dueOn !== null && item.dueOn < today;
                return (
                  <TableRow key={item.patientId} hover selected={selected.has(item.patientId)}>
                    <TableCell padding="checkbox">
                      <Checkbox checked={selected.has(item.patientId)} onChange={(e) => list.toggle(item.patientId, e.target.checked)} slotProps={{ input: { 'aria-label': `Choose ${name}` } }} />
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
          </WideTable>
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
              <Button onClick={list.showMore} disabled={loading}>
                Show {worklistPageSize} more
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
            list.reload();
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
            list.clearSelection();
            list.reload();
          }}
        />
      ) : null}
    </Stack>
  );
}
