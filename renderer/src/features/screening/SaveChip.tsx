import { Alert, Chip } from '@mui/material';
import { memo } from 'react';
import { useSaveState, type SaveStatus, type SaveStatusStore } from './saveStatusStore';

const saveWords: Readonly<Record<SaveStatus, string>> = {
  saved: 'All changes saved',
  saving: 'Saving…',
  failed: 'Not saved yet: kept on this computer, retrying',
  stopped: 'Not saved',
};
const saveColours: Readonly<Record<SaveStatus, 'success' | 'default' | 'warning' | 'error'>> = { saved: 'success', saving: 'default', failed: 'warning', stopped: 'error' };

/** The autosave's status; the only part of the screen that re-renders when it changes. */
export const SaveChip = memo(function SaveChip({ store }: { store: SaveStatusStore }): React.JSX.Element {
  const { status } = useSaveState(store);
  return <Chip size="small" variant="outlined" color={saveColours[status]} label={saveWords[status]} role="status" />;
});

/** Why saving stopped, when the app refused the draft (trying again cannot help). */
export const SaveProblem = memo(function SaveProblem({ store }: { store: SaveStatusStore }): React.JSX.Element | null {
  const { status, problem } = useSaveState(store);
  return status === 'stopped' && problem ? <Alert severity="warning">{problem}</Alert> : null;
});
