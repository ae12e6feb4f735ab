import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, LinearProgress, TextField } from '@mui/material';
import { useState } from 'react';
import { useNotify } from '../../components/Notifier';
import type { RestoreOutcome, RestoreSource } from '#shared/domain/backups';
import { api } from '../../api/api';

export interface RestoreChoice {
  source: RestoreSource;
  /** How the backup is named to the person: "the automatic backup of 25 Nov 2026, 10:00" or the file name. */
  description: string;
}

interface RestoreDialogProps {
  choice: RestoreChoice;
  dataFileName: string;
  onCancel: () => void;
  onRestored: (outcome: RestoreOutcome) => void;
}

/**
 * Says exactly what a restore does before it happens; a refused file is explained here. A backup
 * made with another clinic key (from another computer) is refused until the recovery code from
 * that clinic's recovery sheet is typed in: the field appears with the reason.
 */
export function RestoreDialog({ choice, dataFileName, onCancel, onRestored }: RestoreDialogProps): React.JSX.Element {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [needsCode, setNeedsCode] = useState(false);
  const [code, setCode] = useState('');
  const restore = (): void => {
    setBusy(true);
    setError(null);
    void api()
      .restoreBackup({ source: choice.source, ...(needsCode ? { recoveryCode: code } : {}) })
      .then((r) => {
        setBusy(false);
        if (r.ok) {
          onRestored(r.value);
          return;
        }
        setError(r.error.message);
        if (r.error.issues?.some((i) => i.path === 'recoveryCode')) setNeedsCode(true);
      });
  };
  const canRestore = !busy && (needsCode ? code.trim() !== '' && error === null : error === null);
  return (
    <Dialog open onClose={busy ? undefined : onCancel} aria-labelledby="restore-title" aria-describedby="restore-text" maxWidth="sm" fullWidth>
      <DialogTitle id="restore-title">Restore this backup?</DialogTitle>
      <DialogContent>
        <DialogContentText id="restore-text" component="div">
          <p>
            You are about to restore <strong>{choice.description}</strong>.
          </p>
          <ul>
            <li>The backup is checked first. A damaged file, or one from a newer version of the app, is refused and nothing changes.</li>
            <li>
              All records in the app (patients, screenings, staff accounts, settings and the audit log) are replaced by those in the backup.
              Anything entered after the backup was made will no longer be shown.
            </li>
            <li>
              The current database is not deleted: it is kept in the data folder as <code>{dataFileName}.before-restore-</code>
              <em>date and time</em>.
            </li>
            <li>Everyone is signed out and signs in again, with the accounts in the backup.</li>
          </ul>
        </DialogContentText>
        {needsCode ? (
          <TextField
            label="Recovery code"
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
              setError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && canRestore) restore();
            }}
            fullWidth
            autoFocus
            autoComplete="off"
            spellCheck={false}
            sx={{ mt: 2 }}
            slotProps={{ htmlInput: { style: { fontFamily: 'monospace' } } }}
            helperText="From the recovery sheet of the clinic the backup came from: 64 letters and digits. Spaces and dashes do not matter."
          />
        ) : null}
        {busy ? <LinearProgress aria-label="Restoring" sx={{ mt: 2 }} /> : null}
        {error ? (
          <Alert severity="error" role="alert" sx={{ mt: 2 }}>
            {error}
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={busy} autoFocus>
          Cancel
        </Button>
        <Button onClick={restore} disabled={!canRestore} color="warning" variant="contained">
          Restore backup
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * The restore confirmation of a page: `ask` opens it for a chosen backup; once restored it tells
 * the person `restoredMessage` and calls `afterRestore` (everyone signs in again).
 */
export function useRestoreDialog(
  dataFileName: string,
  restoredMessage: (outcome: RestoreOutcome) => string,
  afterRestore: () => void,
): { ask: (choice: RestoreChoice) => void; dialog: React.JSX.Element | null } {
  const [choice, setChoice] = useState<RestoreChoice | null>(null);
  const notify = useNotify();
  const dialog = choice ? (
    <RestoreDialog
      choice={choice}
      dataFileName={dataFileName}
      onCancel={() => setChoice(null)}
      onRestored={(outcome) => {
        setChoice(null);
        notify({ message: restoredMessage(outcome), severity: 'success' });
        afterRestore();
      }}
    />
  ) : null;
  return { ask: setChoice, dialog };
}
