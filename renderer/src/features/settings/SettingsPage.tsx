import { Alert, Button, FormControl, FormControlLabel, FormLabel, Paper, Radio, RadioGroup, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { ClinicSettings } from '#shared/domain/settings';
import type { AppInfo } from '#shared/domain/appInfo';
import { api } from '../../api/api';
import { useDateOrder } from '../../app/preferences';
import { useNotify } from '../../components/Notifier';
import { useSession } from '../auth/AuthContext';
import { RecallSettingsPanel } from './RecallSettingsPanel';
import { useFieldErrors } from '../../components/useFieldErrors';
import { FormStack } from '../../components/FormStack';

export function SettingsPage(): React.JSX.Element {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [dateOrder, setDateOrder] = useDateOrder();
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
      <RecallSettingsPanel />
      <Paper sx={{ p: 2 }}>
        <FormControl>
          <FormLabel id="date-order-label">How typed dates are read on this computer</FormLabel>
          <RadioGroup aria-labelledby="date-order-label" value={dateOrder} onChange={(e) => setDateOrder(e.target.value === 'mdy' ? 'mdy' : 'dmy')}>
            <FormControlLabel value="dmy" control={<Radio />} label="Day/month/year (03/07/1956 = 3 July 1956)" />
            <FormControlLabel value="mdy" control={<Radio />} label="Month/day/year (07/03/1956 = 3 July 1956)" />
          </RadioGroup>
        </FormControl>
      </Paper>
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

function ClinicSettingsPanel(): React.JSX.Element {
  const { user } = useSession();
  const [settings, setSettings] = useState<ClinicSettings | null>(null);
  const [idleText, setIdleText] = useState('');
  const errors = useFieldErrors();
  const notify = useNotify();
  const canEdit = user.role === 'administrator';
  useEffect(() => {
    void api()
      .getClinicSettings({})
      .then((r) => {
        if (r.ok) {
          setSettings(r.value);
          setIdleText(String(r.value.idleLockMinutes));
        }
      });
  }, []);
  if (!settings) return <Paper sx={{ p: 2 }}>Loading clinic settings…</Paper>;
  return (
    <Paper sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" gutterBottom>
        Clinic
      </Typography>
      {!canEdit ? <Alert severity="info" sx={{ mb: 2 }}>Only an administrator can change these.</Alert> : null}
      <FormStack
        onSubmit={() => {
          const next = { ...settings, idleLockMinutes: Number(idleText) };
          void api()
            .updateClinicSettings(next)
            .then((r) => {
              if (r.ok) {
                setSettings(r.value);
                errors.clear();
                notify({ message: 'Clinic settings saved.', severity: 'success' });
              } else errors.refused(r.error);
            });
        }}
      >
        <TextField label="Clinic name (printed on reports)" value={settings.clinicName} disabled={!canEdit}
          onChange={(e) => setSettings({ ...settings, clinicName: e.target.value })} {...errors.field('clinicName')} />
        <TextField label="Lock the screen after (minutes without use)" value={idleText} disabled={!canEdit}
          onChange={(e) => setIdleText(e.target.value)} slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          {...errors.field('idleLockMinutes', 'From 1 to 120 minutes')} />
        {canEdit ? (
          <Button type="submit" variant="contained" sx={{ alignSelf: 'flex-start' }}>
            Save clinic settings
          </Button>
        ) : null}
      </FormStack>
    </Paper>
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
