import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControl,
  FormControlLabel,
  InputLabel,
  MenuItem,
  Paper,
  Select,
  Stack,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RegisterField } from '#shared/interop/registerColumns';
import type { ImportBatch, RegisterImportReport } from '#shared/interop/registerImport';
import { registerDateOrders, type RegisterDateOrder } from '#shared/interop/registerValues';
import { api } from '../../api/api';
import { formatDateTime } from '../../app/format';
import { JobStatus } from '../../components/JobStatus';
import { useNotify } from '../../components/Notifier';
import { useJob } from '../../components/useJob';
import { useSession } from '../auth/AuthContext';
import { ColumnMapping } from './ColumnMapping';
import { MergeTable, PreviewTable, RefusedTable } from './ImportTables';

const number = new Intl.NumberFormat();
const dateOrderLabels: Readonly<Record<RegisterDateOrder, string>> = { dmy: 'Day/month/year (03/07/1956)', mdy: 'Month/day/year (07/03/1956)', ymd: 'Year/month/day (1956/07/03)' };

type Columns = Partial<Record<RegisterField, number | null>>;

function Section({ title, children }: { title: string; children: React.ReactNode }): React.JSX.Element {
  return (
    <Paper sx={{ p: 2 }} component="section" aria-label={title}>
      <Typography variant="h6" component="h2" gutterBottom>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

function summary(r: RegisterImportReport): string {
  const verb = r.dryRun ? 'would be' : 'were';
  return [
    `${number.format(r.rows)} rows read.`,
    `${number.format(r.created)} new patients ${verb} added`,
    `${number.format(r.updated)} ${verb} updated`,
    `${number.format(r.unchanged)} already up to date`,
    r.older > 0 ? `${number.format(r.older)} kept because the record here is more recent` : null,
    r.declined > 0 ? `${number.format(r.declined)} not updated (updates not chosen)` : null,
    `${number.format(r.refused)} refused.`,
  ]
    .filter((s) => s !== null)
    .join(', ')
    .replace('read.,', 'read.');
}

/**
 * Register import for administrators: choose a GP or hospital register export (CSV, or FHIR R4
 * Patients as JSON or NDJSON); the app checks the whole file first (a dry run that stores
 * nothing) and shows the column mapping to correct, the first rows as they will be stored, every
 * refused row with its spreadsheet row number and reason, and the existing patients the file
 * would change. Importing is one batch, with progress and cancel; the last import can be undone.
 */
export function RegisterImportPage(): React.JSX.Element {
  const { user } = useSession();
  const notify = useNotify();
  const job = useJob();
  const jobId = useRef<string | null>(null);
  const [file, setFile] = useState<{ ref: string; fileName: string } | null>(null);
  const [dateOrder, setDateOrder] = useState<RegisterDateOrder | 'clinic'>('clinic');
  const [columns, setColumns] = useState<Columns>({});
  const [applyUpdates, setApplyUpdates] = useState(false);
  const [report, setReport] = useState<RegisterImportReport | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [lastImport, setLastImport] = useState<ImportBatch | null>(null);
  const [confirmUndo, setConfirmUndo] = useState(false);

  const loadLast = useCallback(() => {
    void api()
      .getLastRegisterImport({})
      .then((r) => setLastImport(r.ok ? r.value : null));
  }, []);
  useEffect(loadLast, [loadLast]);

  if (user.role !== 'administrator') return <Alert severity="warning">Only an administrator can import a register.</Alert>;

  async function run(target: { ref: string; fileName: string }, dryRun: boolean, mapping: Columns): Promise<void> {
    setFailed(null);
    const r = await job.run((id) => {
      jobId.current = id;
      return api().runRegisterImport({
        ref: target.ref,
        fileName: target.fileName,
        jobId: id,
        dryRun,
        applyUpdates,
        columns: mapping,
        ...(dateOrder === 'clinic' ? {} : { dateOrder }),
      });
    });
    jobId.current = null;
    if (!r.ok) {
      setFailed(r.error.message);
      return;
    }
    setReport(r.value);
    if (r.value.failed) return;
    if (!dryRun) {
      notify({ message: `Import finished: ${number.format(r.value.created)} added, ${number.format(r.value.updated)} updated, ${number.format(r.value.refused)} refused.`, severity: 'success' });
      loadLast();
    }
  }

  const choose = (): void => {
    void api()
      .chooseRegisterFile({})
      .then((r) => {
        if (!r.ok) {
          setFailed(r.error.message);
          return;
        }
        if (r.value.kind !== 'chosen') return;
        const chosen = { ref: r.value.ref, fileName: r.value.fileName };
        setFile(chosen);
        setColumns({});
        setReport(null);
        void run(chosen, true, {});
      });
  };

  const cancel = (): void => {
    if (jobId.current) void api().cancelRegisterImport({ jobId: jobId.current });
  };

  const undo = (): void => {
    if (!lastImport) return;
    void api()
      .undoRegisterImport({ batchId: lastImport.id })
      .then((r) => {
        setConfirmUndo(false);
        if (!r.ok) {
          notify({ message: r.error.message, severity: 'error' });
          return;
        }
        notify({ message: `Import undone: ${number.format(r.value.removed)} patients removed, ${number.format(r.value.restored)} restored as they were.`, severity: 'success' });
        setReport(null);
        loadLast();
      });
  };

  const checked = report?.dryRun === true && report.failed === null ? report : null;
  const importable = checked ? checked.created + (applyUpdates ? checked.declined + checked.updated : 0) : 0;

  return (
    <Stack spacing={2} sx={{ maxWidth: 1100 }}>
      <Typography variant="h5" component="h1">
        Register import
      </Typography>
      <Section title="Choose the register">
        <Typography sx={{ mb: 2 }}>
          A register export from the GP or hospital system: CSV (columns such as NHS Number, Surname, Forename, Date of Birth, Sex, address, postcode, telephone),
          or FHIR R4 Patient resources as a Bundle (JSON) or NDJSON. The file is checked first; nothing is stored until you choose Import.
        </Typography>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
          <Button variant="contained" startIcon={<UploadFileIcon />} onClick={choose} disabled={job.running}>
            Choose register file…
          </Button>
          <FormControl size="small" sx={{ minWidth: 280 }} disabled={job.running}>
            <InputLabel id="import-date-order">Dates in the file</InputLabel>
            <Select labelId="import-date-order" label="Dates in the file" value={dateOrder} onChange={(e) => setDateOrder(e.target.value as RegisterDateOrder | 'clinic')}>
              <MenuItem value="clinic">As in the clinic settings</MenuItem>
              {registerDateOrders.map((o) => (
                <MenuItem key={o} value={o}>
                  {dateOrderLabels[o]}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          {file ? <Typography>File: {file.fileName}</Typography> : null}
        </Stack>
        <JobStatus running={job.running} progress={job.progress} starting="Reading the file…" label="Import progress" failed={failed ?? report?.failed?.message ?? null} minHeight={8} />
        {job.running ? (
          <Button variant="outlined" color="warning" onClick={cancel} sx={{ mt: 1 }}>
            Cancel
          </Button>
        ) : null}
      </Section>

      {report && report.failed === null ? (
        <>
          <Alert severity={report.dryRun ? 'info' : 'success'} role="status">
            {report.dryRun ? 'Checked (nothing stored yet): ' : 'Imported: '}
            {summary(report)}
          </Alert>
          {report.format === 'csv' ? (
            <Section title="Column mapping">
              <ColumnMapping
                headers={report.headers}
                mapping={{ ...report.mapping, ...Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, v ?? -1])) }}
                onChange={(field, column) => setColumns((c) => ({ ...c, [field]: column }))}
                disabled={job.running}
              />
              <Button sx={{ mt: 1 }} variant="outlined" disabled={job.running || !file || Object.keys(columns).length === 0} onClick={() => file && void run(file, true, columns)}>
                Check again with this mapping
              </Button>
            </Section>
          ) : null}
          <Section title="First rows as they will be stored">
            <PreviewTable report={report} />
          </Section>
          <Section title={`Refused rows (${number.format(report.refused)})`}>
            <RefusedTable report={report} />
          </Section>
          <Section title={`Patients already here that the file changes (${number.format(report.mergeCount)})`}>
            <MergeTable report={report} />
            <FormControlLabel
              sx={{ mt: 1 }}
              control={<Checkbox checked={applyUpdates} onChange={(e) => setApplyUpdates(e.target.checked)} disabled={job.running || !report.dryRun} />}
              label="Update these patients where the file is newer"
            />
          </Section>
          {checked ? (
            <Button variant="contained" disabled={job.running || !file || importable === 0} onClick={() => file && void run(file, false, columns)}>
              Import {number.format(importable)} patients
            </Button>
          ) : null}
        </>
      ) : null}

      <Section title="Last import">
        {lastImport ? (
          <>
            <Typography sx={{ mb: 1 }}>
              {lastImport.fileName}, {formatDateTime(lastImport.startedAt)} by {lastImport.actor}: {number.format(lastImport.created)} added, {number.format(lastImport.updated)} updated,{' '}
              {number.format(lastImport.refused)} refused.
              {lastImport.undoneAt ? ` Undone ${formatDateTime(lastImport.undoneAt)}.` : ''}
            </Typography>
            <Button variant="outlined" color="warning" disabled={job.running || lastImport.undoneAt !== null} onClick={() => setConfirmUndo(true)}>
              Undo the last import…
            </Button>
          </>
        ) : (
          <Typography>No register has been imported yet.</Typography>
        )}
      </Section>

      <Dialog open={confirmUndo} onClose={() => setConfirmUndo(false)} aria-labelledby="undo-import-title" aria-describedby="undo-import-text">
        <DialogTitle id="undo-import-title">Undo the last import?</DialogTitle>
        <DialogContent>
          <DialogContentText id="undo-import-text">
            The {number.format(lastImport?.created ?? 0)} patients it added are removed and the {number.format(lastImport?.updated ?? 0)} it updated get their details back as they were. If
            any of them has been screened, contacted or edited since, nothing is undone and you are told who.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirmUndo(false)} autoFocus>
            Keep the import
          </Button>
          <Button color="warning" variant="contained" onClick={undo}>
            Undo the import
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
