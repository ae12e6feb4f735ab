import { Alert } from '@mui/material';
import { memo } from 'react';
import { useSaveState, type SaveStatus, type SaveStatusStore } from './saveStatusStore';

const saveWords: Readonly<Record<SaveStatus, string>> = {
  saved: 'All changes saved',
  saving: 'Saving…',
  failed: 'Not saved yet: kept on this computer, retrying',
  stopped: 'Not saved',
};
const saveTones: Readonly<Record<SaveStatus, 'success' | 'default' | 'warning' | 'error'>> = { saved: 'success', saving: 'default', failed: 'warning', stopped: 'error' };

/**
 * The autosave's status; the only part of the screen that re-renders when it changes. Drawn as a
 * small outlined chip by the screen's sheet (`wizardStyles`): it changes on nearly every key.
 */
export const SaveChip = memo(function SaveChip({ store }: { store: SaveStatusStore }): React.JSX.Element {
  const { status } = useSaveState(store);
  return (
    <span className="save-chip" data-tone={saveTones[status]} role="status">
      <span className="save-chip-label">{saveWords[status]}</span>
    </span>
  );
});

/** Why saving stopped, when the app refused the draft (trying again cannot help). */
export const SaveProblem = memo(function SaveProblem({ store }: { store: SaveStatusStore }): React.JSX.Element | null {
  const { status, problem } = useSaveState(store);
  return status === 'stopped' && problem ? <Alert severity="warning">{problem}</Alert> : null;
});
