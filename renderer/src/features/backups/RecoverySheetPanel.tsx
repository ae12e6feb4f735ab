import { Button, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import type { DeliveryMode } from '#shared/domain/files';
import { api } from '../../api/api';
import { completeDelivery } from '../../components/delivery';
import { useNotify } from '../../components/Notifier';

/**
 * The recovery sheet (administrators): the database key as a code on one page. Backups are
 * encrypted with this key, so restoring one on a new computer needs the sheet.
 */
export function RecoverySheetPanel(): React.JSX.Element {
  const [busy, setBusy] = useState(false);
  const notify = useNotify();
  const make = (mode: DeliveryMode): void => {
    setBusy(true);
    void api()
      .makeRecoverySheet({ mode })
      .then((r) => {
        setBusy(false);
        if (!r.ok) {
          notify({ message: r.error.message, severity: 'error' });
          return;
        }
        const message = completeDelivery(r.value);
        if (message) notify({ message: `Recovery sheet made. ${message}`, severity: 'success' });
      });
  };
  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="recovery-sheet-heading">
      <Typography variant="h6" component="h2" gutterBottom id="recovery-sheet-heading">
        Recovery sheet
      </Typography>
      <Typography sx={{ mb: 1 }}>
        The records and every backup are encrypted with a key kept on this computer. The recovery sheet prints that key as a code: it is needed to
        restore a backup on a new or repaired computer, or if this computer loses the key. Without it, nobody can read the backups.
      </Typography>
      <Typography sx={{ mb: 2 }}>
        Print it once, keep it locked away from the computer and the backups (for example in the practice safe), and never photograph or e-mail it:
        anyone with the code and a backup can read every record. Making a sheet is recorded in the audit log.
      </Typography>
      <Stack direction="row" spacing={1}>
        <Button variant="outlined" onClick={() => make('open')} disabled={busy}>
          Print recovery sheet…
        </Button>
        <Button onClick={() => make('save')} disabled={busy}>
          Save as PDF…
        </Button>
      </Stack>
    </Paper>
  );
}
