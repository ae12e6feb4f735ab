import AddIcon from '@mui/icons-material/Add';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { referralServiceLabels, referralServices, type ClinicSettings, type ReferralDestination, type ReferralService } from '#shared/domain/settings';
import { api } from '../../api/api';
import { clinicSettingsSaved, useClinicSettings } from '../../app/clinicSettings';
import { FormStack } from '../../components/FormStack';
import { useNotify } from '../../components/Notifier';
import { TableHeadings } from '../../components/TableHeadings';
import { useFieldErrors, type FieldErrors } from '../../components/useFieldErrors';
import { useSession } from '../auth/AuthContext';

type Editing = { kind: 'new' } | { kind: 'edit'; destination: ReferralDestination } | null;

const emptyDestination: Omit<ReferralDestination, 'id'> = { service: 'foot-protection', name: '', address: '', phone: '', email: '' };

/** A new id, unique in the list: letters record which destination they went to. */
function newId(list: readonly ReferralDestination[]): string {
  let n = list.length + 1;
  while (list.some((d) => d.id === `dest-${n}`)) n += 1;
  return `dest-${n}`;
}

/** Where referral letters go: the clinic's own short directory, kept by an administrator. */
export function ReferralDirectoryPanel(): React.JSX.Element {
  const settings = useClinicSettings();
  const { user } = useSession();
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<ReferralDestination | null>(null);
  const [error, setError] = useState<string | null>(null);
  const notify = useNotify();
  const errors = useFieldErrors();
  const canEdit = user.role === 'administrator';
  if (!settings) return <Paper sx={{ p: 2 }}>Loading referral destinations…</Paper>;
  const list = settings.referralDestinations;

  const save = async (next: ReferralDestination[], message: string): Promise<boolean> => {
    const r = await api().updateClinicSettings({ ...settings, referralDestinations: next } satisfies ClinicSettings);
    if (!r.ok) {
      // Issues name `referralDestinations.<index>.<field>`: show them on the dialog's fields.
      errors.set((r.error.issues ?? []).map((i) => ({ path: i.path.replace(/^referralDestinations\.\d+\./, ''), message: i.message })));
      setError(r.error.message);
      return false;
    }
    setError(null);
    errors.clear();
    clinicSettingsSaved(r.value);
    notify({ message, severity: 'success' });
    return true;
  };

  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="referral-directory-heading">
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" component="h2" id="referral-directory-heading">
          Referral destinations
        </Typography>
        {canEdit ? (
          <Button startIcon={<AddIcon />} variant="outlined" onClick={() => setEditing({ kind: 'new' })}>
            Add destination
          </Button>
        ) : null}
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        The services referral letters are addressed to. A letter offers the destinations of the service it needs.
      </Typography>
      {list.length === 0 ? (
        <Alert severity="info">No referral destinations yet.{canEdit ? ' Add the services your clinic refers to.' : ''}</Alert>
      ) : (
        <Table size="small" aria-label="Referral destinations">
          <TableHeadings columns={['Service', 'Name', 'Address', 'Phone', 'Email']} {...(canEdit ? { buttons: 'Actions' } : {})} />
          <TableBody>
            {list.map((d) => (
              <TableRow key={d.id}>
                <TableCell>{referralServiceLabels[d.service]}</TableCell>
                <TableCell>{d.name}</TableCell>
                <TableCell sx={{ whiteSpace: 'pre-line' }}>{d.address || '—'}</TableCell>
                <TableCell>{d.phone || '—'}</TableCell>
                <TableCell>{d.email || '—'}</TableCell>
                {canEdit ? (
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <Button size="small" onClick={() => setEditing({ kind: 'edit', destination: d })} aria-label={`Change ${d.name}`}>
                      Change
                    </Button>
                    <Button size="small" color="error" onClick={() => setRemoving(d)} aria-label={`Remove ${d.name}`}>
                      Remove
                    </Button>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editing ? (
        <DestinationDialog
          initial={editing.kind === 'edit' ? editing.destination : { ...emptyDestination, id: newId(list) }}
          isNew={editing.kind === 'new'}
          error={error}
          errors={errors}
          onCancel={() => {
            setEditing(null);
            setError(null);
            errors.clear();
          }}
          onSave={(d) => {
            const next = editing.kind === 'new' ? [...list, d] : list.map((x) => (x.id === d.id ? d : x));
            void save(next, editing.kind === 'new' ? `${d.name} added to the referral destinations.` : `${d.name} saved.`).then((done) => done && setEditing(null));
          }}
        />
      ) : null}
      <Dialog open={removing !== null} onClose={() => setRemoving(null)} aria-labelledby="remove-destination-title">
        <DialogTitle id="remove-destination-title">Remove {removing?.name}?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            New referral letters will no longer offer it. Letters already made keep the address they were made with.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setRemoving(null)} autoFocus>
            Keep it
          </Button>
          <Button
            color="error"
            variant="contained"
            onClick={() => {
              const gone = removing;
              setRemoving(null);
              if (gone) void save(list.filter((d) => d.id !== gone.id), `${gone.name} removed from the referral destinations.`);
            }}
          >
            Remove
          </Button>
        </DialogActions>
      </Dialog>
    </Paper>
  );
}

interface DestinationDialogProps {
  initial: ReferralDestination;
  isNew: boolean;
  error: string | null;
  errors: FieldErrors;
  onCancel: () => void;
  onSave: (d: ReferralDestination) => void;
}

function DestinationDialog({ initial, isNew, error, errors, onCancel, onSave }: DestinationDialogProps): React.JSX.Element {
  const [d, setD] = useState<ReferralDestination>(initial);
  const text = (key: 'name' | 'address' | 'phone' | 'email') => ({
    value: d[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setD({ ...d, [key]: e.target.value }),
  });
  return (
    <Dialog open onClose={onCancel} aria-labelledby="destination-dialog-title" fullWidth maxWidth="sm">
      <DialogTitle id="destination-dialog-title">{isNew ? 'Add referral destination' : `Change ${initial.name}`}</DialogTitle>
      <DialogContent>
        <FormStack sx={{ pt: 1 }} id="destination-form" onSubmit={() => onSave(d)}>
          {error ? <Alert severity="error">{error}</Alert> : null}
          <TextField select label="Service" value={d.service} onChange={(e) => setD({ ...d, service: e.target.value as ReferralService })} {...errors.field('service')}>
            {referralServices.map((s) => (
              <MenuItem key={s} value={s}>
                {referralServiceLabels[s]}
              </MenuItem>
            ))}
          </TextField>
          <TextField label="Name" required autoFocus {...text('name')} {...errors.field('name', 'As the letter addresses it, e.g. "Podiatry: Foot Protection Team"')} />
          <TextField label="Address" multiline minRows={3} {...text('address')} {...errors.field('address', 'One line per line')} />
          <TextField label="Phone" {...text('phone')} {...errors.field('phone')} />
          <TextField label="Email" {...text('email')} {...errors.field('email')} />
        </FormStack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" form="destination-form" variant="contained">
          {isNew ? 'Add' : 'Save'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
