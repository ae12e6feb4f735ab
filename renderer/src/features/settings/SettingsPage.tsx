import { Alert, FormControl, FormControlLabel, FormLabel, Paper, Radio, RadioGroup, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../../shared/ipc/operations';
import { api } from '../../api/api';
import { useDateOrder } from '../../app/preferences';

export function SettingsPage(): React.JSX.Element {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dateOrder, setDateOrder] = useDateOrder();
  useEffect(() => {
    void api()
      .getAppInfo({})
      .then((r) => (r.ok ? setInfo(r.value) : setError(r.error.message)));
  }, []);

  return (
    <Stack spacing={2} sx={{ maxWidth: 900 }}>
      <Typography variant="h5" component="h1">
        Settings
      </Typography>
      <Paper sx={{ p: 2 }}>
        <FormControl>
          <FormLabel id="date-order-label">How typed dates are read</FormLabel>
          <RadioGroup
            aria-labelledby="date-order-label"
            value={dateOrder}
            onChange={(e) => setDateOrder(e.target.value === 'mdy' ? 'mdy' : 'dmy')}
          >
            <FormControlLabel value="dmy" control={<Radio />} label="Day/month/year (03/07/1956 = 3 July 1956)" />
            <FormControlLabel value="mdy" control={<Radio />} label="Month/day/year (07/03/1956 = 3 July 1956)" />
          </RadioGroup>
        </FormControl>
      </Paper>
      <Paper sx={{ p: 2 }}>
        <Typography variant="h6" component="h2" gutterBottom>
          About this installation
        </Typography>
        {error ? <Alert severity="error">{error}</Alert> : null}
        {info ? (
          <Typography component="div">
            {info.name} {info.version} ({info.shell === 'desktop' ? 'desktop app' : 'browser, loopback server'}), database schema{' '}
            {info.schemaVersion}.
            <br />
            All records are stored in one file on this computer: <code>{info.dataFile}</code>
          </Typography>
        ) : null}
      </Paper>
    </Stack>
  );
}
