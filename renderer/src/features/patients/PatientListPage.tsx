import AddIcon from '@mui/icons-material/Add';
import { Alert, Box, Button, FormControlLabel, Paper, Stack, Switch, TextField, Typography } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useId, useRef, useState } from 'react';
import { dateOrderHint } from '#shared/domain/patientQuery';
import { useDateOrder } from '../../app/preferences';
import { navigate } from '../../app/router';
import { FhirLookupButton } from './FhirLookupButton';
import { PatientRow, PatientRowStyles, patientRowHeight as rowHeight } from './PatientRow';
import { usePatientSearch } from './usePatientSearch';
import { searchAdornment } from '../../components/searchAdornment';

/*
 * The parts of the page that do not change while the nurse types are memoised: every key renders
 * the page again (the box and the "Searching…" line), then once more when the answer arrives.
 */
const PatientListHeading = memo(function PatientListHeading(): React.JSX.Element {
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
      <Typography variant="h5" component="h1">
        Patients
      </Typography>
      <Stack direction="row" spacing={1}>
        <FhirLookupButton />
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => navigate({ page: 'patient-new' })}>
          New patient
        </Button>
      </Stack>
    </Stack>
  );
});

const IncludeArchivedSwitch = memo(function IncludeArchivedSwitch({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }): React.JSX.Element {
  return <FormControlLabel control={<Switch checked={checked} onChange={(e) => onChange(e.target.checked)} />} label="Include archived" />;
});

/**
 * The patient list: one search box for name fragments, clinic identifier, national number or
 * date of birth, and a virtualised result list that stays quick with 100,000 patients.
 * Keyboard: type, then Down/Up to move through the results, Enter to open, Escape to clear.
 */
export function PatientListPage(): React.JSX.Element {
  const [query, setQuery] = useState(() => sessionStorage.getItem('patients.query') ?? '');
  const [includeArchived, setIncludeArchived] = useState(false);
  const [dateOrder] = useDateOrder();
  const search = usePatientSearch(query, includeArchived, dateOrder);
  const [active, setActive] = useState(0);
  const listId = useId();
  const hintId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    sessionStorage.setItem('patients.query', query);
    setActive(0);
  }, [query, includeArchived]);

  const virtualizer = useVirtualizer({
    count: search.items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastVisible = virtualItems[virtualItems.length - 1]?.index ?? 0;
  const { hasMore, loadMore } = search;
  useEffect(() => {
    if (hasMore && lastVisible >= search.items.length - 10) loadMore();
  }, [lastVisible, hasMore, loadMore, search.items.length]);

  const open = (index: number): void => {
    const patient = search.items[index];
    if (patient) navigate({ page: 'patient', patientId: patient.id });
  };
  // Stable for the memoised rows: reads the current results through a ref.
  const items = useRef(search.items);
  items.current = search.items;
  const openAt = useCallback((index: number): void => {
    const patient = items.current[index];
    if (patient) navigate({ page: 'patient', patientId: patient.id });
  }, []);

  const moveTo = (index: number): void => {
    const next = Math.max(0, Math.min(search.items.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>): void => {
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1);
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        moveTo(active + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        moveTo(active - 1);
        break;
      case 'PageDown':
        event.preventDefault();
        moveTo(active + pageRows);
        break;
      case 'PageUp':
        event.preventDefault();
        moveTo(active - pageRows);
        break;
      case 'Enter':
        event.preventDefault();
        open(active);
        break;
      case 'Escape':
        setQuery('');
        break;
      default:
        break;
    }
  };

  const activePatient = search.items[active];
  const resultWord = search.items.length === 1 ? 'patient' : 'patients';

  return (
    <Stack spacing={2}>
      <PatientRowStyles />
      <PatientListHeading />
      <Paper sx={{ p: 2 }}>
        <TextField
          inputRef={inputRef}
          fullWidth
          autoFocus
          label="Find a patient"
          placeholder="Name, clinic identifier, NHS/national number or date of birth"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          autoComplete="off"
          slotProps={{
            input: searchAdornment,
            htmlInput: {
              role: 'combobox',
              'aria-expanded': search.items.length > 0,
              'aria-controls': listId,
              'aria-autocomplete': 'list',
              'aria-activedescendant': activePatient ? `${listId}-${activePatient.id}` : undefined,
              'aria-describedby': hintId,
              spellCheck: false,
            },
          }}
        />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ mt: 1, justifyContent: 'space-between' }}>
          <Typography id={hintId} variant="body2" color="text.secondary">
            {search.interpretation || ' '}. {dateOrderHint(dateOrder)} Down/Up to move, Enter to open.
          </Typography>
          <IncludeArchivedSwitch checked={includeArchived} onChange={setIncludeArchived} />
        </Stack>
      </Paper>
      {search.error ? <Alert severity="error">{search.error.message}</Alert> : null}
      <Typography variant="body2" role="status" aria-live="polite" color="text.secondary">
        {search.loading
          ? 'Searching…'
          : search.items.length === 0
            ? query === ''
              ? 'No patients yet. Add the first one with “New patient”.'
              : 'No patient matches. Check the spelling, try fewer letters, or add a new patient.'
            : `${search.items.length}${search.hasMore ? '+' : ''} ${resultWord}`}
      </Typography>
      <Paper
        ref={scrollRef}
        sx={{ height: 'calc(100vh - 330px)', minHeight: 280, overflow: 'auto', position: 'relative' }}
        variant="outlined"
      >
        <Box
          id={listId}
          role="listbox"
          aria-label="Patients"
          sx={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}
        >
          {virtualItems.map((v) => {
            const p = search.items[v.index];
            return p ? (
              <PatientRow
                key={p.id}
                patient={p}
                index={v.index}
                start={v.start}
                selected={v.index === active}
                listId={listId}
                setSize={search.hasMore ? -1 : search.items.length}
                onOpen={openAt}
                onHover={setActive}
              />
            ) : null;
          })}
        </Box>
      </Paper>
    </Stack>
  );
}
