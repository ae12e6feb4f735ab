import { Alert, Button, Paper, Stack, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import type { BackupList } from '#shared/domain/backups';
import type { AppInfo } from '#shared/domain/appInfo';
import { api, authChangedEvent } from '../../api/api';
import { completeDelivery } from '../../components/delivery';
import { useNotify } from '../../components/Notifier';
import { useSession } from '../auth/AuthContext';
import { BackupTable, describeBackup } from './BackupTable';
import { RecoverySheetPanel } from './RecoverySheetPanel';
import { useRestoreDialog } from './RestoreDialog';

/** Backups (administrators): back up now, the automatic backups, restore. */
export function BackupsPage(): React.JSX.Element {
  const { user } = useSession();
  const [list, setList] = useState<BackupList | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const notify = useNotify();
  const dataFileName = info ? (info.dataFile.split(/[\\/]/).pop() ?? 'foot-screening.db') : 'foot-screening.db';
  const restore = useRestoreDialog(
    dataFileName,
    (outcome) => `Backup restored${outcome.migrated ? ' and brought up to date' : ''}. The previous database was kept as ${outcome.keptAsideAs}. Please sign in again.`,
    // Sessions ended with the restore: show the sign-in screen.
    () => window.dispatchEvent(new Event(authChangedEvent)),
  );

  const load = useCallback(() => {
    void api()
      .listBackups({})
      .then((r) => (r.ok ? setList(r.value) : setError(r.error.message)));
  }, []);
  useEffect(() => {
    load();
    void api()
      .getAppInfo({})
      .then((r) => r.ok && setInfo(r.value));
  }, [load]);

  if (user.role !== 'administrator') return <Alert severity="warning">Only an administrator can make or restore backups.</Alert>;

  const backUpNow = (): void => {
    setBusy(true);
    void api()
      .backUpNow({})
      .then((r) => {
        setBusy(false);
        if (!r.ok) {
          notify({ message: r.error.message, severity: 'error' });
          return;
        }
        const message = completeDelivery(r.value);
        if (message) notify({ message: `Backup made. ${message}`, severity: 'success' });
      });
  };

  const chooseFile = (): void => {
    // Called straight from the click: the browser shows its file picker only on a user gesture.
    void api()
      .chooseBackupFile({})
      .then((r) => {
        if (!r.ok) notify({ message: r.error.message, severity: 'error' });
        else if (r.value.kind === 'chosen') restore.ask({ source: { kind: 'file', ref: r.value.ref }, description: `the file ${r.value.fileName}` });
      });
  };

  return (
    <Stack spacing={2} sx={{ maxWidth: 900 }}>
      <Typography variant="h5" component="h1">
        Backups
      </Typography>
      {error ? <Alert severity="error">{error}</Alert> : null}
      <Paper sx={{ p: 2 }}>
        <Typography variant="h6" component="h2" gutterBottom>
          Back up now
        </Typography>
        <Typography sx={{ mb: 2 }}>
          Saves a complete copy of the clinic&apos;s records (patients, screenings, staff accounts, settings and the audit log) to a file. Keep
          copies away from this computer, for example on an encrypted USB stick or a network drive: they hold medical records.
        </Typography>
        <Button variant="contained" onClick={backUpNow} disabled={busy}>
          {busy ? 'Backing up…' : 'Back up now'}
        </Button>
      </Paper>
      <Paper sx={{ p: 2 }}>
        <Typography variant="h6" component="h2" gutterBottom>
          Automatic backups
        </Typography>
        <Typography sx={{ mb: 1 }}>
          The app makes a backup when it starts and every 24 hours while it runs, and keeps one for each of the last 7 days and each of the
          last 4 weeks, in <code>{list?.folder ?? '…'}</code>. These copies are on this computer: they do not protect against losing it.
        </Typography>
        {list && list.backups.length === 0 ? <Alert severity="info">No automatic backups yet.</Alert> : null}
        {list && list.backups.length > 0 ? (
          <BackupTable backups={list.backups} onRestore={(b) => restore.ask({ source: { kind: 'automatic', name: b.name }, description: describeBackup(b) })} />
        ) : null}
      </Paper>
      <Paper sx={{ p: 2 }}>
        <Typography variant="h6" component="h2" gutterBottom>
          Restore from a file
        </Typography>
        <Typography sx={{ mb: 2 }}>
          Restore a backup saved with &quot;Back up now&quot;. You will see what happens and confirm before anything changes. A backup from another
          computer asks for the recovery code from that clinic&apos;s recovery sheet.
        </Typography>
        <Button variant="outlined" onClick={chooseFile}>
          Choose a backup file…
        </Button>
      </Paper>
      <RecoverySheetPanel />
      {restore.dialog}
    </Stack>
  );
}
