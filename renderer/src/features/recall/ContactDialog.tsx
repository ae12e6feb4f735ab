import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, FormControl, FormControlLabel, FormLabel, Radio, RadioGroup, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useId, useState } from 'react';
import { contactKindLabels, contactKinds, type Contact, type ContactKind } from '#shared/domain/recall';
import { api } from '../../api/api';
import { formatDate } from '../../app/format';
import { useFieldErrors } from '../../components/useFieldErrors';

export interface ContactDialogProps {
  patientId: number;
  /** "ŻAK, Łucja": who is being contacted, in the title. */
  name: string;
  today: string;
  open: boolean;
  onClose: () => void;
  onSaved: (contact: Contact) => void;
}

/**
 * Records a contact attempt: what happened (phoned, letter sent, no answer, declined),
 * when (today unless changed; not in the future) and a note, with the earlier attempts listed.
 * Keyboard: arrow keys choose, Tab moves on, Enter saves, Escape closes.
 */
export function ContactDialog({ patientId, name, today, open, onClose, onSaved }: ContactDialogProps): React.JSX.Element {
  const ids = useId();
  const [kind, setKind] = useState<ContactKind | ''>('');
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  const errors = useFieldErrors();
  const [saving, setSaving] = useState(false);
  const [earlier, setEarlier] = useState<Contact[] | null>(null);

  useEffect(() => {
    if (!open) return;
    let current = true;
    void api()
      .getPatientRecall({ patientId })
      .then((r) => current && r.ok && setEarlier(r.value.contacts));
    return () => {
      current = false;
    };
  }, [open, patientId]);

  const save = async (): Promise<void> => {
    if (kind === '') {
      errors.set([{ path: 'kind', message: 'Choose what happened' }]);
      return;
    }
    setSaving(true);
    const r = await api().recordContact({ patientId, kind, contactedOn: date, note });
    setSaving(false);
    if (!r.ok) {
      errors.refused(r.error);
      return;
    }
    setKind('');
    setNote('');
    errors.clear();
    onSaved(r.value);
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      aria-labelledby={`${ids}-title`}
      fullWidth
      maxWidth="sm"
      slotProps={{
        paper: {
          component: 'form',
          onSubmit: (e: React.FormEvent) => {
            e.preventDefault();
            void save();
          },
        },
      }}
    >
      <DialogTitle id={`${ids}-title`}>Record contact: {name}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <FormControl error={errors.of('kind') !== undefined}>
            <FormLabel id={`${ids}-kind`}>What happened</FormLabel>
            <RadioGroup aria-labelledby={`${ids}-kind`} value={kind} onChange={(e) => setKind(e.target.value as ContactKind)}>
              {contactKinds.map((k) => (
                <FormControlLabel key={k} value={k} control={<Radio />} label={contactKindLabels[k]} />
              ))}
            </RadioGroup>
            {errors.of('kind') ? <Typography color="error" variant="body2">{errors.of('kind')}</Typography> : null}
          </FormControl>
          <TextField
            label="Date"
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            {...errors.field('contactedOn')}
            sx={{ maxWidth: 220 }}
          />
          <TextField label="Note (optional)" value={note} onChange={(e) => setNote(e.target.value)} multiline minRows={2} {...errors.field('note', 'e.g. “Will ring back to book”')} />
          {errors.of('') ? <Alert severity="error">{errors.of('')}</Alert> : null}
        </Stack>
        {earlier && earlier.length > 0 ? (
          <Box sx={{ mt: 1 }}>
            <Typography variant="subtitle2" component="h3">
              Earlier attempts
            </Typography>
            <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
              {earlier.slice(0, 8).map((c) => (
                <li key={c.id}>
                  {formatDate(c.contactedOn)}: {contactKindLabels[c.kind]}
                  {c.note ? ` — ${c.note}` : ''} ({c.recordedBy})
                </li>
              ))}
            </Box>
          </Box>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="contained" disabled={saving}>
          Save contact
        </Button>
      </DialogActions>
    </Dialog>
  );
}
