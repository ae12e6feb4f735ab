import WarningIcon from '@mui/icons-material/WarningAmber';
import { Alert, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { BackupList } from '#shared/domain/backups';
import { api } from '../../api/api';
import { PageCard } from '../../components/PageCard';
import { BackupTable, describeBackup } from './BackupTable';
import { useRestoreDialog } from './RestoreDialog';

interface RecoveryScreenProps {
  problem: string;
  dataFile: string;
  onRestored: () => void;
}

/**
 * Shown instead of sign-in when the database failed its start-up check (the staff accounts may be
 * unreadable). It offers the automatic backups, newest first, and never offers to delete anything:
 * restoring keeps the damaged file aside.
 */
export function RecoveryScreen({ problem, dataFile, onRestored }: RecoveryScreenProps): React.JSX.Element {
  const [list, setList] = useState<BackupList | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api()
      .listBackups({})
      .then((r) => (r.ok ? setList(r.value) : setError(r.error.message)));
  }, []);
  const dataFileName = dataFile.split(/[\\/]/).pop() ?? dataFile;
  // The database is encrypted and this computer no longer has its key (a new computer, a lost credential store).
  const keyMissing = /\bkey\b/i.test(problem);
  const restore = useRestoreDialog(dataFileName, (outcome) => `Backup restored. The damaged database was kept as ${outcome.keptAsideAs}. Please sign in.`, onRestored);
  return (
    <>
      <PageCard icon={<WarningIcon color="warning" />} title="The clinic database needs to be restored" maxWidth={760}>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <Typography>
            The database file failed its safety check when the app started, so the app will not open it: reading or changing a damaged file
            could lose records. This can happen after a power cut or a disk fault. Nothing has been deleted.
          </Typography>
          <Typography>
            Restore the newest automatic backup below. The damaged file is kept beside it, in the same folder, so it can still be examined. Anything
            entered after that backup was made will be missing; note what you remember entering since.
          </Typography>
          {keyMissing ? (
            <Alert severity="warning">
              The database is encrypted and its key is not available on this computer. Have the clinic&apos;s recovery sheet ready: restore a
              backup below and type the recovery code from the sheet when asked. The code then opens the backup and is kept for this computer.
            </Alert>
          ) : null}
          {error ? <Alert severity="error">{error}</Alert> : null}
          {list && list.backups.length > 0 ? (
            <BackupTable backups={list.backups} onRestore={(b) => restore.ask({ source: { kind: 'automatic', name: b.name }, description: describeBackup(b) })} />
          ) : null}
          {list && list.backups.length === 0 ? (
            <Alert severity="warning">
              No automatic backups were found in <code>{list.folder}</code>. Do not delete or replace the database file. Contact your IT support and
              give them the location of the database file below and any backup files saved with &quot;Back up now&quot;.
            </Alert>
          ) : null}
          <Typography variant="body2" color="text.secondary" component="div">
            Database file: <code>{dataFile}</code>
            <br />
            What the check found: {problem}
          </Typography>
        </Stack>
      </PageCard>
      {restore.dialog}
    </>
  );
}
