import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  List,
  ListItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useId, useState } from 'react';
import type { FhirLookupAnswer, FhirLookupPreview } from '#shared/domain/fhirLookup';
import { api } from '../../api/api';

interface FhirLookupDialogProps {
  open: boolean;
  onClose: () => void;
  /** Called with the patient added or updated (or already up to date). */
  onOpenPatient: (patientId: number) => void;
}

type Shown = { kind: 'idle' } | { kind: 'busy'; what: string } | { kind: 'answer'; answer: FhirLookupAnswer } | { kind: 'error'; message: string };

function shownValue(value: string | number | boolean | null): string {
  if (value === null || value === '') return '(none)';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

const actionWords: Readonly<Record<FhirLookupPreview['action'], string>> = {
  new: 'Not in the register here yet. It will be added as shown.',
  update: 'Already in the register here. These details would change:',
  unchanged: 'Already in the register here, with the same details.',
  refused: 'This record cannot be brought in:',
};

/**
 * Finds a patient on the clinic's FHIR server by NHS number, shows the record as it would be
 * stored (or what would change in the patient already here), and brings it in once confirmed.
 */
export function FhirLookupDialog({ open, onClose, onOpenPatient }: FhirLookupDialogProps): React.JSX.Element {
  const [number, setNumber] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [shown, setShown] = useState<Shown>({ kind: 'idle' });
  const titleId = useId();
  const busy = shown.kind === 'busy';

  const reset = (): void => {
    setShown({ kind: 'idle' });
    setFieldError(null);
  };

  const lookUp = async (): Promise<void> => {
    setFieldError(null);
    setShown({ kind: 'busy', what: 'Asking the server…' });
    const r = await api().lookUpFhirPatient({ nationalNumber: number });
    if (r.ok) setShown({ kind: 'answer', answer: r.value });
    else if (r.error.code === 'validation_failed') {
      setFieldError(r.error.issues?.[0]?.message ?? r.error.message);
      setShown({ kind: 'idle' });
    } else setShown({ kind: 'error', message: r.error.message });
  };

  const pull = async (preview: FhirLookupPreview): Promise<void> => {
    if (preview.previewId === null) return;
    setShown({ kind: 'busy', what: 'Saving…' });
    const r = await api().pullFhirPatient({ previewId: preview.previewId });
    if (!r.ok) {
      setShown({ kind: 'error', message: r.error.message });
      return;
    }
    setNumber('');
    reset();
    onOpenPatient(r.value.patientId);
  };

  const close = (): void => {
    if (busy) return;
    reset();
    onClose();
  };

  const preview = shown.kind === 'answer' && shown.answer.kind === 'found' ? shown.answer.preview : null;

  return (
    <Dialog open={open} onClose={close} aria-labelledby={titleId} fullWidth maxWidth="md">
      <DialogTitle id={titleId}>Find a patient on the FHIR server</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <DialogContentText>
            Enter the patient&apos;s NHS number. The clinic&apos;s FHIR server is asked for the record; nothing is saved here until you
            confirm.
          </DialogContentText>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (!busy) void lookUp();
            }}
          >
            <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
              <TextField
                label="NHS number"
                value={number}
                onChange={(e) => {
                  setNumber(e.target.value);
                  if (shown.kind !== 'busy') reset();
                }}
                error={fieldError !== null}
                helperText={fieldError ?? '10 digits; spaces are fine'}
                slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off' } }}
                autoFocus
                size="small"
              />
              <Button type="submit" variant="contained" disabled={busy || number.trim() === ''}>
                Look up
              </Button>
            </Stack>
          </form>
          <div role="status" aria-live="polite">
            {busy ? <Typography>{shown.what}</Typography> : null}
          </div>
          {shown.kind === 'error' ? <Alert severity="error">{shown.message}</Alert> : null}
          {shown.kind === 'answer' && shown.answer.kind !== 'found' ? (
            <Alert severity={shown.answer.kind === 'not-found' ? 'info' : 'error'}>
              {shown.answer.message}
              {shown.answer.kind === 'ambiguous' ? (
                <List dense aria-label="Patients with this number on the server">
                  {shown.answer.candidates.map((c) => (
                    <ListItem key={c}>{c}</ListItem>
                  ))}
                </List>
              ) : null}
            </Alert>
          ) : null}
          {preview ? <PreviewView preview={preview} /> : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={busy}>
          {preview?.previewId ? 'Cancel' : 'Close'}
        </Button>
        {preview?.action === 'unchanged' && preview.patientId !== null ? (
          <Button variant="contained" onClick={() => onOpenPatient(preview.patientId ?? 0)}>
            Open patient
          </Button>
        ) : null}
        {preview?.previewId ? (
          <Button variant="contained" disabled={busy} onClick={() => void pull(preview)}>
            {preview.action === 'new' ? 'Add to register' : 'Update patient'}
          </Button>
        ) : null}
      </DialogActions>
    </Dialog>
  );
}

function PreviewView({ preview }: { preview: FhirLookupPreview }): React.JSX.Element {
  const headingId = useId();
  return (
    <Stack spacing={1} component="section" aria-labelledby={headingId}>
      <Typography id={headingId} variant="h6" component="h2">
        {preview.label}
      </Typography>
      <Alert severity={preview.action === 'refused' ? 'error' : preview.action === 'update' ? 'warning' : 'info'} role="status">
        {actionWords[preview.action]}
        {preview.reasons.length > 0 ? (
          <List dense>
            {preview.reasons.map((r) => (
              <ListItem key={r}>{r}</ListItem>
            ))}
          </List>
        ) : null}
      </Alert>
      {preview.localIsNewer ? (
        <Alert severity="warning">The record here was changed after the server&apos;s record. Updating replaces the newer details below.</Alert>
      ) : null}
      {preview.action === 'update' ? (
        <Table size="small" aria-label="Changes">
          <TableHead>
            <TableRow>
              <TableCell component="th">Detail</TableCell>
              <TableCell component="th">Here now</TableCell>
              <TableCell component="th">From the server</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {preview.changes.map((c) => (
              <TableRow key={c.label}>
                <TableCell component="th" scope="row">
                  {c.label}
                </TableCell>
                <TableCell>{shownValue(c.before)}</TableCell>
                <TableCell>{shownValue(c.after)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {preview.action === 'new' ? (
        <Table size="small" aria-label="Record as it will be stored">
          <TableBody>
            {preview.fields.map((f) => (
              <TableRow key={f.label}>
                <TableCell component="th" scope="row">
                  {f.label}
                </TableCell>
                <TableCell>{shownValue(f.value)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Stack>
  );
}
