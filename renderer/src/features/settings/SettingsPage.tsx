import { Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { AppInfo } from '#shared/domain/appInfo';
import { api } from '../../api/api';
import { useNotify } from '../../components/Notifier';
import { ClinicSettingsPanel } from './ClinicSettingsPanel';
import { FhirServerPanel } from './FhirServerPanel';
import { RecallSettingsPanel } from './RecallSettingsPanel';
import { ReferralDirectoryPanel } from './ReferralDirectoryPanel';
import { useFieldErrors } from '../../components/useFieldErrors';
import { FormStack } from '../../components/FormStack';

export function SettingsPage(): React.JSX.Element {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void api()
      .getAppInfo({})
      .then((r) => r.ok && setInfo(r.value));
  }, []);

  return (
    <Stack spacing={2} sx={{ maxWidth: 900 }}>
      <Typography variant="h5" component="h1">
        Settings
      </Typography>
      <ClinicSettingsPanel />
      <ReferralDirectoryPanel />
      <RecallSettingsPanel />
      <FhirServerPanel />
      <ChangePasswordPanel />
      <Paper sx={{ p: 2 }}>
        <Typography variant="h6" component="h2" gutterBottom>
          About this installation
        </Typography>
        {info ? (
          <Typography component="div">
            {info.name} {info.version} ({info.shell === 'desktop' ? 'desktop app' : 'browser, loopback server'}), database schema {info.schemaVersion}.
            <br />
            All records are stored in one file on this computer: <code>{info.dataFile}</code>
          </Typography>
        ) : null}
      </Paper>
    </Stack>
  );
}

function ChangePasswordPanel(): React.JSX.Element {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const errors = useFieldErrors();
  const notify = useNotify();
  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" gutterBottom>
        Your password
      </Typography>
      <FormStack
        direction={{ xs: 'column', md: 'row' }}
        onSubmit={() => {
          void api()
            .changeOwnPassword({ currentPassword: current, newPassword: next })
            .then((r) => {
              if (r.ok) {
                setCurrent('');
                setNext('');
                errors.clear();
                notify({ message: 'Password changed.', severity: 'success' });
              } else errors.refused(r.error, 'currentPassword');
            });
        }}
      >
        <TextField label="Current password" type="password" value={current} onChange={(e) => setCurrent(e.target.value)} autoComplete="current-password"
          {...errors.field('currentPassword')} />
        <TextField label="New password" type="password" value={next} onChange={(e) => setNext(e.target.value)} autoComplete="new-password"
          {...errors.field('newPassword', 'At least 10 characters')} />
        <Button type="submit" variant="outlined" sx={{ alignSelf: 'flex-start', mt: 1 }}>
          Change password
        </Button>
      </FormStack>
    </Paper>
  );
}
