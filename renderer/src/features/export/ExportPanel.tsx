import SaveAltIcon from '@mui/icons-material/SaveAlt';
import { Button, Checkbox, FormControl, FormControlLabel, FormLabel, Paper, Radio, RadioGroup, Typography } from '@mui/material';
import { useId, useState } from 'react';
import { exportDatasetLabels, exportDatasets, type ExportDataset } from '#shared/domain/recall';
import { api } from '../../api/api';
import { formatDate } from '../../app/format';
import { completeDelivery } from '../../components/delivery';
import { useNotify } from '../../components/Notifier';
import { JobStatus } from '../../components/JobStatus';
import { useJob } from '../../components/useJob';

const number = new Intl.NumberFormat();

/**
 * CSV export for administrators: patients, examinations with per-site results, or
 * assessments, as a spreadsheet file (UTF-8, formula cells neutralised), written in pages with
 * a progress bar, saved through the save dialog (a download in the browser).
 */
export function ExportPanel({ range }: { range: { from: string; to: string } }): React.JSX.Element {
  const ids = useId();
  const [dataset, setDataset] = useState<ExportDataset>('patients');
  const [limited, setLimited] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const job = useJob();
  const notify = useNotify();

  async function run(): Promise<void> {
    setFailed(null);
    const period = limited && dataset !== 'patients' ? range : { from: null, to: null };
    const r = await job.run((jobId) => api().exportCsv({ dataset, ...period, jobId }));
    if (!r.ok) {
      setFailed(r.error.message);
      return;
    }
    const message = completeDelivery(r.value.delivery);
    if (message !== null) notify({ message: `${message} ${number.format(r.value.rows)} rows.`, severity: 'success' });
  }

  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby={`${ids}-title`}>
      <Typography id={`${ids}-title`} variant="h6" component="h2" gutterBottom>
        Export (CSV)
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        For spreadsheets and audits. The file holds patient records: keep it as safely as the records themselves. Every export is recorded in the audit log.
      </Typography>
      <FormControl disabled={job.running}>
        <FormLabel id={`${ids}-what`}>What to export</FormLabel>
        <RadioGroup aria-labelledby={`${ids}-what`} value={dataset} onChange={(e) => setDataset(e.target.value as ExportDataset)}>
          {exportDatasets.map((d) => (
            <FormControlLabel key={d} value={d} control={<Radio />} label={exportDatasetLabels[d]} />
          ))}
        </RadioGroup>
      </FormControl>
      <FormControlLabel
        sx={{ display: 'block' }}
        control={<Checkbox checked={limited && dataset !== 'patients'} onChange={(e) => setLimited(e.target.checked)} disabled={job.running || dataset === 'patients'} />}
        label={`Only examinations dated ${formatDate(range.from)} to ${formatDate(range.to)} (the period above)`}
      />
      <Button variant="contained" startIcon={<SaveAltIcon />} onClick={() => void run()} disabled={job.running} sx={{ mt: 1 }}>
        Export CSV…
      </Button>
      <JobStatus running={job.running} progress={job.progress} starting="Starting the export…" label="Exporting" failed={failed} minHeight={8} />
    </Paper>
  );
}
