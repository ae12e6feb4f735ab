import WarningIcon from '@mui/icons-material/WarningAmber';
import { Alert, Box, Paper, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { BackupList } from '#shared/domain/backups';
import { api } from '../../api/api';
import { useNotify } from '../../components/Notifier';
import { BackupTable, describeBackup } from './BackupTable';
import { RestoreDialog, type RestoreChoice } from './RestoreDialog';

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
  const [choice, setChoice] = useState<RestoreChoice | null>(null);
  const notify = useNotify();
  useEffect(() => {
    void api()
      .listBackups({})
      .then((r) => (r.ok ? setList(r.value) : setError(r.error.message)));
  }, []);
  const dataFileName = dataFile.split(/[\\/]/).pop() ?? dataFile;
  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default', p: 2 }}>
      <Paper sx={{ p: 4, width: '100%', maxWidth: 760 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2 }}>
          <WarningIcon color="warning" />
          <Typography variant="h5" component="h1">
            The clinic database needs to be restored
          </Typography>
        </Stack>
        <Stack spacing={2}>
          <Typography>
            The database file failed its safety check when the app started, so the app will not open it: reading or changing a damaged file
            could lose records. This can happen after a power cut or a disk fault. Nothing has been deleted.
          </Typography>
          <Typography>
            Restore the newest automatic backup below. The damaged file is kept beside it, in the same folder, so it can still be examined. Anything
            entered after that backup was made will be missing; note what you remember entering since.
          </Typography>
          {error ? <Alert severity="error">{error}</Alert> : null}
          {list && list.backups.length > 0 ? (
            <BackupTable backups={list.backups} onRestore={(b) => setChoice({ source: { kind: 'automatic', name: b.name }, description: describeBackup(b) })} />
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
      </Paper>
      {choice ? (
        <RestoreDialog
          choice={choice}
          dataFileName={dataFileName}
          onCancel={() => setChoice(null)}
          onRestored={(outcome) => {
            setChoice(null);
            notify({ message: `Backup restored. The damaged database was kept as ${outcome.keptAsideAs}. Please sign in.`, severity: 'success' });
            onRestored();
          }}
        />
      ) : null}
    </Box>
  );
}
