import { Alert } from '@mui/material';
import { useMemo } from 'react';
import type { Assessment } from '#shared/clinical/assessment';
import { underCurrentRules } from '#shared/clinical/currentRules';
import type { Findings } from '#shared/domain/findings';

/**
 * Beside an old signed exam: what the current rules give when it differs from what was signed.
 * The record is not changed; the note only says so, with both rule versions.
 */
export function CurrentRulesNote({ assessment, findings }: { assessment: Assessment; findings: Findings }): React.JSX.Element | null {
  const comparison = useMemo(() => underCurrentRules(assessment, findings), [assessment, findings]);
  if (!comparison.text) return null;
  return (
    <Alert severity="info" variant="outlined" data-current-rules>
      {comparison.text} Signed under {comparison.signedUnder}; the current rules are {comparison.currentRules}. The signed record is unchanged.
    </Alert>
  );
}
