import { Alert, Button, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import type { AuditVerification } from '#shared/domain/auditLog';
import { api } from '../../api/api';
import { formatDateTime } from '../../app/format';

/** "Verify": walks the whole chain in the application and says whether it is intact. */
export function VerifyPanel(): React.JSX.Element {
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const verify = (): void => {
    setBusy(true);
    setError(null);
    void api()
      .verifyAuditLog({})
      .then((r) => {
        setBusy(false);
        if (r.ok) setResult(r.value);
        else setError(r.error.message);
      });
  };
  return (
    <Paper sx={{ p: 2 }}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' } }}>
        <Typography sx={{ flexGrow: 1 }}>
          Each entry is sealed with the one before it. Verify checks every seal and the newest entry recorded outside the database, so an entry changed, removed or moved outside the app is found.
        </Typography>
        <Button variant="contained" onClick={verify} disabled={busy} sx={{ flexShrink: 0 }}>
          {busy ? 'Verifying…' : 'Verify'}
        </Button>
      </Stack>
      <div role="status" aria-live="polite">
        {error ? (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        ) : null}
        {result?.ok === true ? (
          <Alert severity="success" sx={{ mt: 2 }}>
            The audit log is intact up to entry #{result.entries.toLocaleString()}
            {result.lastEntryAt ? `, the newest from ${formatDateTime(result.lastEntryAt)}` : ''}. Checked:
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {(result.checks ?? []).map((check) => (
                <li key={check}>{check}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {result?.ok === false ? (
          <Alert severity="error" sx={{ mt: 2 }}>
            The audit log was altered outside the app. First broken entry: #{result.firstBrokenId}. {result.reason}
          </Alert>
        ) : null}
      </div>
    </Paper>
  );
}
