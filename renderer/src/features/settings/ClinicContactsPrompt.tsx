import { Alert, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { missingClinicContacts, type ClinicSettings } from '#shared/domain/settings';
import { api } from '../../api/api';
import { clinicSettingsSaved, useClinicSettings } from '../../app/clinicSettings';
import { FormStack } from '../../components/FormStack';
import { useNotify } from '../../components/Notifier';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useSession } from '../auth/AuthContext';

/**
 * At first run, and while either is still empty, an administrator is asked for the clinic phone
 * and the emergency number: the patient copy prints them where the patient is told to call, and
 * must never leave a blank line. "Later" hides the question until the next sign-in.
 */
export function ClinicContactsPrompt(): React.JSX.Element | null {
  const settings = useClinicSettings();
  const { user } = useSession();
  const [later, setLater] = useState(false);
  if (!settings || user.role !== 'administrator' || later || missingClinicContacts(settings).length === 0) return null;
  return <PromptDialog settings={settings} onLater={() => setLater(true)} />;
}

function PromptDialog({ settings, onLater }: { settings: ClinicSettings; onLater: () => void }): React.JSX.Element {
  const [clinicPhone, setClinicPhone] = useState(settings.clinicPhone);
  const [emergencyNumber, setEmergencyNumber] = useState(settings.emergencyNumber);
  const errors = useFieldErrors();
  const notify = useNotify();
  // A banner, not a modal: the administrator may be in the middle of something else.
  return (
    <Paper component="section" aria-labelledby="clinic-contacts-title" variant="outlined" sx={{ p: 2, mb: 2, borderColor: 'warning.main', borderWidth: 2 }}>
      <Typography variant="h6" component="h2" id="clinic-contacts-title">
        The clinic&apos;s phone numbers are needed
      </Typography>
      <Typography variant="body2" sx={{ mb: 2 }}>
        The patient copy of a report tells the patient whom to call. Enter the clinic&apos;s phone number and the local emergency number so
        they are printed there. You can change them later in Settings.
      </Typography>
      <FormStack
        direction={{ xs: 'column', md: 'row' }}
        onSubmit={() => {
          const missing: { path: string; message: string }[] = [];
          if (clinicPhone.trim() === '') missing.push({ path: 'clinicPhone', message: 'Enter the clinic phone number' });
          if (emergencyNumber.trim() === '') missing.push({ path: 'emergencyNumber', message: 'Enter the emergency number, e.g. 999 or 112' });
          if (missing.length > 0) {
            errors.set(missing);
            return;
          }
          void api()
            .updateClinicSettings({ ...settings, clinicPhone, emergencyNumber })
            .then((r) => {
              if (!r.ok) {
                errors.refused(r.error);
                return;
              }
              clinicSettingsSaved(r.value);
              notify({ message: 'Clinic phone numbers saved.', severity: 'success' });
            });
        }}
      >
        {errors.of('') ? <Alert severity="error">{errors.of('')}</Alert> : null}
        <TextField label="Clinic phone" value={clinicPhone} onChange={(e) => setClinicPhone(e.target.value)} required autoComplete="off" size="small"
          {...errors.field('clinicPhone', 'e.g. 01632 960000')} />
        <TextField label="Emergency number" value={emergencyNumber} onChange={(e) => setEmergencyNumber(e.target.value)} required autoComplete="off" size="small"
          {...errors.field('emergencyNumber', 'e.g. 999 or 112')} />
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <Button type="submit" variant="contained">
            Save phone numbers
          </Button>
          <Button onClick={onLater}>Later</Button>
        </Stack>
      </FormStack>
    </Paper>
  );
}
