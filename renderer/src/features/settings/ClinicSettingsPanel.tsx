import { Alert, Button, FormControl, FormControlLabel, FormLabel, MenuItem, Paper, Radio, RadioGroup, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { nationalNumberFormatTable, nationalNumberFormats, type NationalNumberFormat } from '#shared/domain/nationalNumber';
import { reportFileNamingLabels, reportFileNamings, type ClinicSettings, type ReportFileNaming } from '#shared/domain/settings';
import { api } from '../../api/api';
import { clinicSettingsSaved, useClinicSettings } from '../../app/clinicSettings';
import { FormStack } from '../../components/FormStack';
import { useNotify } from '../../components/Notifier';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useSession } from '../auth/AuthContext';

/** The clinic's own details and how the app reads and names things (administrators change them). */
export function ClinicSettingsPanel(): React.JSX.Element {
  const saved = useClinicSettings();
  return saved ? <ClinicSettingsForm key={JSON.stringify(saved)} saved={saved} /> : <Paper sx={{ p: 2 }}>Loading clinic settings…</Paper>;
}

function ClinicSettingsForm({ saved }: { saved: ClinicSettings }): React.JSX.Element {
  const { user } = useSession();
  const [settings, setSettings] = useState<ClinicSettings>(saved);
  const [idleText, setIdleText] = useState(String(saved.idleLockMinutes));
  const errors = useFieldErrors();
  const notify = useNotify();
  const canEdit = user.role === 'administrator';
  const text = (key: 'clinicName' | 'clinicPhone' | 'clinicAddress' | 'emergencyNumber') => ({
    value: settings[key],
    disabled: !canEdit,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setSettings({ ...settings, [key]: e.target.value }),
  });
  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="clinic-settings-heading">
      <Typography variant="h6" component="h2" id="clinic-settings-heading" gutterBottom>
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
                errors.clear();
                clinicSettingsSaved(r.value);
                notify({ message: 'Clinic settings saved.', severity: 'success' });
              } else errors.refused(r.error);
            });
        }}
      >
        <TextField label="Clinic name (printed on reports)" {...text('clinicName')} {...errors.field('clinicName')} />
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <TextField label="Clinic phone" {...text('clinicPhone')} sx={{ flex: 1 }} autoComplete="off"
            {...errors.field('clinicPhone', 'Printed wherever a patient is told to call the clinic')} />
          <TextField label="Emergency number" {...text('emergencyNumber')} sx={{ flex: 1 }} autoComplete="off"
            {...errors.field('emergencyNumber', 'e.g. 999 or 112: printed on the patient copy of an urgent result')} />
        </Stack>
        <TextField label="Clinic address" multiline minRows={3} {...text('clinicAddress')}
          {...errors.field('clinicAddress', 'One line per line, as letters print it')} />
        <TextField label="Lock the screen after (minutes without use)" value={idleText} disabled={!canEdit}
          onChange={(e) => setIdleText(e.target.value)} slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          {...errors.field('idleLockMinutes', 'From 1 to 120 minutes')} />
        <TextField select label="National patient number" value={settings.nationalNumberFormat} disabled={!canEdit}
          onChange={(e) => setSettings({ ...settings, nationalNumberFormat: e.target.value as NationalNumberFormat })}
          {...errors.field('nationalNumberFormat', 'Numbers are checked as they are typed on the patient form')}>
          {nationalNumberFormats.map((f) => (
            <MenuItem key={f} value={f}>
              {nationalNumberFormatTable[f].label} ({nationalNumberFormatTable[f].usedIn})
            </MenuItem>
          ))}
        </TextField>
        <FormControl disabled={!canEdit}>
          <FormLabel id="date-order-label">How typed dates are read</FormLabel>
          <RadioGroup aria-labelledby="date-order-label" value={settings.dateOrder}
            onChange={(e) => setSettings({ ...settings, dateOrder: e.target.value === 'mdy' ? 'mdy' : 'dmy' })}>
            <FormControlLabel value="dmy" control={<Radio />} label="Day/month/year (03/07/1956 = 3 July 1956)" />
            <FormControlLabel value="mdy" control={<Radio />} label="Month/day/year (07/03/1956 = 3 July 1956)" />
          </RadioGroup>
        </FormControl>
        <TextField select label="Report file names" value={settings.reportFileNaming} disabled={!canEdit}
          onChange={(e) => setSettings({ ...settings, reportFileNaming: e.target.value as ReportFileNaming })}
          {...errors.field('reportFileNaming', 'How saved and downloaded report files are named')}>
          {reportFileNamings.map((n) => (
            <MenuItem key={n} value={n}>
              {reportFileNamingLabels[n]}
            </MenuItem>
          ))}
        </TextField>
        {canEdit ? (
          <Button type="submit" variant="contained" sx={{ alignSelf: 'flex-start' }}>
            Save clinic settings
          </Button>
        ) : null}
      </FormStack>
    </Paper>
  );
}
