import { Alert, Button, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import {
  fhirServerAuthKinds,
  fhirServerAuthLabels,
  type FhirConnectionTest,
  type FhirServerAuthKind,
  type FhirServerSettingsInput,
  type FhirServerSettingsView,
} from '#shared/domain/fhirServer';
import { api } from '../../api/api';
import { FormStack } from '../../components/FormStack';
import { useNotify } from '../../components/Notifier';
import { useFieldErrors } from '../../components/useFieldErrors';
import { useSession } from '../auth/AuthContext';

/**
 * The clinic's FHIR server (administrators only): where signed screenings are sent. Secrets are
 * typed here and never shown again: the panel only says whether each is set.
 */
export function FhirServerPanel(): React.JSX.Element | null {
  const { user } = useSession();
  const [saved, setSaved] = useState<FhirServerSettingsView | null>(null);
  const isAdministrator = user.role === 'administrator';
  useEffect(() => {
    if (!isAdministrator) return;
    void api()
      .getFhirServerSettings({})
      .then((r) => r.ok && setSaved(r.value));
  }, [isAdministrator]);
  if (!isAdministrator) return null;
  return saved ? <FhirServerForm key={JSON.stringify(saved)} saved={saved} onSaved={setSaved} /> : <Paper sx={{ p: 2 }}>Loading FHIR server settings…</Paper>;
}

function FhirServerForm({ saved, onSaved }: { saved: FhirServerSettingsView; onSaved: (v: FhirServerSettingsView) => void }): React.JSX.Element {
  const [input, setInput] = useState<FhirServerSettingsInput>({
    baseUrl: saved.baseUrl,
    auth: saved.auth,
    bearerToken: '',
    tokenUrl: saved.tokenUrl,
    clientId: saved.clientId,
    clientSecret: '',
  });
  const [test, setTest] = useState<FhirConnectionTest | null>(null);
  const [testing, setTesting] = useState(false);
  const errors = useFieldErrors();
  const notify = useNotify();
  const set = (key: keyof FhirServerSettingsInput) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setInput({ ...input, [key]: e.target.value });
  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="fhir-server-heading">
      <Typography variant="h6" component="h2" id="fhir-server-heading" gutterBottom>
        Clinic FHIR server
      </Typography>
      <Typography variant="body2" sx={{ mb: 2 }}>
        {saved.sending
          ? 'Sending is on: every signed screening (and every amendment) is queued and sent in the background. Screening goes on while the server cannot be reached.'
          : 'Sending is off: nothing leaves this computer. Enter the server address to send each signed screening to the clinic’s record.'}
      </Typography>
      <FormStack
        onSubmit={() => {
          void api()
            .updateFhirServerSettings(input)
            .then((r) => {
              if (r.ok) {
                errors.clear();
                onSaved(r.value);
                notify({ message: r.value.sending ? 'FHIR server saved. Signed screenings will be sent to it.' : 'FHIR server settings saved. Sending is off.', severity: 'success' });
              } else errors.refused(r.error, 'baseUrl');
            });
        }}
      >
        <TextField label="Server address (FHIR R4 base URL)" value={input.baseUrl} onChange={set('baseUrl')} autoComplete="off"
          {...errors.field('baseUrl', 'e.g. https://fhir.example.nhs.uk/R4. Leave empty to turn sending off')} />
        <TextField select label="Sign-in" value={input.auth} onChange={(e) => setInput({ ...input, auth: e.target.value as FhirServerAuthKind })} {...errors.field('auth')}>
          {fhirServerAuthKinds.map((k) => (
            <MenuItem key={k} value={k}>
              {fhirServerAuthLabels[k]}
            </MenuItem>
          ))}
        </TextField>
        {input.auth === 'bearer' ? (
          <TextField label={`Access token (${saved.bearerTokenSet ? 'set' : 'not set'})`} type="password" value={input.bearerToken} onChange={set('bearerToken')} autoComplete="off"
            {...errors.field('bearerToken', saved.bearerTokenSet ? 'Leave empty to keep the saved token' : 'Given by the server administrator')} />
        ) : null}
        {input.auth === 'client-credentials' ? (
          <>
            <TextField label="Token address" value={input.tokenUrl} onChange={set('tokenUrl')} autoComplete="off" {...errors.field('tokenUrl', 'The OAuth 2.0 token endpoint')} />
            <TextField label="Client id" value={input.clientId} onChange={set('clientId')} autoComplete="off" {...errors.field('clientId')} />
            <TextField label={`Client secret (${saved.clientSecretSet ? 'set' : 'not set'})`} type="password" value={input.clientSecret} onChange={set('clientSecret')} autoComplete="off"
              {...errors.field('clientSecret', saved.clientSecretSet ? 'Leave empty to keep the saved secret' : undefined)} />
          </>
        ) : null}
        {test ? (
          <Alert severity={test.ok ? 'success' : 'error'} role="status">
            {test.ok ? 'Connection works. ' : 'Connection failed. '}
            {test.message}
          </Alert>
        ) : null}
        <Stack direction="row" spacing={1}>
          <Button type="submit" variant="contained">
            Save FHIR server
          </Button>
          <Button
            variant="outlined"
            disabled={testing}
            onClick={() => {
              setTesting(true);
              setTest(null);
              void api()
                .testFhirServerConnection(input)
                .then((r) => {
                  setTest(r.ok ? r.value : { ok: false, message: r.error.message, server: null });
                  if (!r.ok) errors.refused(r.error, 'baseUrl');
                })
                .finally(() => setTesting(false));
            }}
          >
            {testing ? 'Testing…' : 'Test connection'}
          </Button>
        </Stack>
      </FormStack>
    </Paper>
  );
}
