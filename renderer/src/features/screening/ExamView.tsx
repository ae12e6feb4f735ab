import EditNoteIcon from '@mui/icons-material/EditNote';
import { Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Paper, Stack, TextField } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { footDiagramInput } from '#shared/clinical/footDiagramInput';
import { amendmentReasonSchema, type Exam } from '#shared/domain/exam';
import type { Patient } from '#shared/domain/patient';
import { api } from '../../api/api';
import { formatDate, formatDateTime } from '../../app/format';
import { navigate } from '../../app/router';
import { useNotify } from '../../components/Notifier';
import { CurrentRulesNote } from '../history/CurrentRulesNote';
import { DeliveryNote } from './DeliveryNote';
import { lesionsOf } from './diagramLesions';
import { ExamHeading } from './ExamHeading';
import { FindingsTable } from './FindingsTable';
import { summariseFindings } from './findingsSummary';
import { FootDiagram } from './FootDiagram';
import { LiveResultPanel } from './results/LiveResultPanel';

/** A signed (or superseded) exam: read-only, with its stored assessment; amend or report from here. */
export function ExamView({ exam, patient, reportButton }: { exam: Exam; patient: Patient; reportButton?: ReactNode }): React.JSX.Element {
  const [amending, setAmending] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const notify = useNotify();
  const assessment = exam.assessment;
  if (!assessment) return <Alert severity="error">This exam has no stored assessment.</Alert>;
  const protocol = exam.protocol;
  const lines = summariseFindings(exam.findings, assessment);

  const amend = async (): Promise<void> => {
    const checked = amendmentReasonSchema.safeParse(reason);
    if (!checked.success) {
      setReasonError(checked.error.issues[0]?.message ?? 'Say why');
      return;
    }
    const r = await api().amendExam({ id: exam.id, reason: checked.data });
    if (!r.ok) {
      setReasonError(r.error.message);
      return;
    }
    setAmending(false);
    notify({ message: `Amendment started (version ${r.value.version}). Correct the findings, then sign again.`, severity: 'info' });
    navigate({ page: 'exam', examId: r.value.id });
  };

  return (
    <Stack spacing={2}>
      <ExamHeading
        patient={patient}
        subtitle={
          <>
            Examined {formatDate(exam.examinedOn ?? exam.startedAt.slice(0, 10))} · signed by {exam.signedByName} on {exam.signedAt ? formatDateTime(exam.signedAt) : '—'}
            {exam.version > 1 ? ` · version ${exam.version}` : ''}
          </>
        }
      >
        <Stack direction="row" spacing={1}>
          <Chip label={exam.state === 'signed' ? 'Signed, read-only' : 'Replaced by an amendment'} color={exam.state === 'signed' ? 'success' : 'default'} variant="outlined" />
          {reportButton}
          {exam.state === 'signed' ? (
            <Button variant="outlined" startIcon={<EditNoteIcon />} onClick={() => setAmending(true)}>
              Amend…
            </Button>
          ) : null}
          <Button onClick={() => navigate({ page: 'patient', patientId: patient.id })}>Back to patient</Button>
        </Stack>
      </ExamHeading>
      <DeliveryNote examId={exam.id} />
      {exam.amendmentReason ? <Alert severity="info">Amended: {exam.amendmentReason}</Alert> : null}
      {exam.state === 'superseded' ? <Alert severity="warning">This version was replaced by an amendment. It is kept unchanged for the record.</Alert> : null}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1.4fr) minmax(340px, 1fr)' }, gap: 2, alignItems: 'start' }}>
        <Stack spacing={2}>
          <Paper variant="outlined" sx={{ p: 1 }}>
            <FootDiagram input={footDiagramInput(assessment, protocol === 'ipswich' ? 'ipswich' : 'monofilament')} label="Sites as recorded" lesions={lesionsOf(exam.findings)} />
          </Paper>
          <FindingsTable lines={lines} label="Findings" />
        </Stack>
        <Stack spacing={1}>
          <CurrentRulesNote assessment={assessment} findings={exam.findings} />
          <LiveResultPanel assessment={assessment} live={false} />
        </Stack>
      </Box>
      <Dialog open={amending} onClose={() => setAmending(false)} aria-labelledby="amend-title" fullWidth maxWidth="sm">
        <DialogTitle id="amend-title">Amend this exam</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            The signed exam stays as it is. A new version starts with the same findings; correct them and sign it. The reason is kept with the new
            version and printed on its report.
          </DialogContentText>
          <TextField
            label="Reason for the amendment"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            fullWidth
            multiline
            minRows={2}
            autoFocus
            error={reasonError !== null}
            helperText={reasonError ?? 'e.g. “Left hallux result was recorded on the wrong foot”'}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setAmending(false)}>Cancel</Button>
          <Button variant="contained" onClick={() => void amend()}>
            Start amendment
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
