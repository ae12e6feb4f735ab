import { Alert, Box, Button, Chip, Paper, Stack, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { displayName, type Patient } from '#shared/domain/patient';
import { contactKindLabels, type PatientRecall } from '#shared/domain/recall';
import { recallGuidelineLabels } from '#shared/domain/recallSettings';
import { daysUntil } from '#shared/recall/recallRules';
import { api } from '../../api/api';
import { formatDate } from '../../app/format';
import { useNotify } from '../../components/Notifier';
import { ContactDialog } from './ContactDialog';

/** "12 days overdue", "due today", "in 3 weeks": how far the due date is from today, in words. */
export function dueWords(dueOn: string, today: string, months: number | null): string {
  if (months === 0) return 'refer now (active disease)';
  const days = daysUntil(dueOn, today);
  if (days === 0) return 'due today';
  const n = Math.abs(days);
  const span = n === 1 ? '1 day' : n < 60 ? `${n} days` : `${Math.round(n / 30.44)} months`;
  return days < 0 ? `${span} overdue` : `in ${span}`;
}

/**
 * The patient's recall on their page: next due date and why, the contact attempts,
 * and a button to record one. Archived patients are not recalled.
 */
export function RecallPanel({ patient }: { patient: Patient }): React.JSX.Element {
  const [recall, setRecall] = useState<PatientRecall | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [recording, setRecording] = useState(false);
  const notify = useNotify();

  const load = useCallback(() => {
    void api()
      .getPatientRecall({ patientId: patient.id })
      .then((r) => (r.ok ? setRecall(r.value) : setError(r.error.message)));
  }, [patient.id]);
  useEffect(load, [load]);

  if (error) return <Alert severity="error">{error}</Alert>;
  if (!recall) return <Paper sx={{ p: 2 }}>Loading the recall…</Paper>;
  const overdue = recall.dueOn !== null && recall.dueOn < recall.today;

  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="recall-title">
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { md: 'center' }, mb: 1 }}>
        <Typography id="recall-title" variant="h6" component="h2">
          Recall
        </Typography>
        {patient.archivedAt ? null : (
          <Button variant="outlined" onClick={() => setRecording(true)}>
            Record contact…
          </Button>
        )}
      </Stack>
      {patient.archivedAt ? (
        <Typography color="text.secondary">Archived patients are not recalled.</Typography>
      ) : recall.dueOn === null ? (
        <Typography>
          <strong>Never screened.</strong> No signed foot screening yet: this patient is on the worklist under “Never screened”.
        </Typography>
      ) : (
        <Stack spacing={0.5}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography>
              Next screening due <strong>{formatDate(recall.dueOn)}</strong>
            </Typography>
            <Chip size="small" label={dueWords(recall.dueOn, recall.today, recall.months)} color={overdue || recall.months === 0 ? 'warning' : 'default'} variant={overdue ? 'filled' : 'outlined'} />
          </Stack>
          <Typography variant="body2" color="text.secondary">
            {recall.reason}. Counted from the screening of {formatDate(recall.lastExaminedOn ?? recall.dueOn)}; recall follows {recallGuidelineLabels[recall.guideline]} (Settings).
          </Typography>
        </Stack>
      )}
      {recall.contacts.length > 0 ? (
        <Box sx={{ mt: 1.5 }}>
          <Typography variant="subtitle2" component="h3">
            Contact attempts
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {recall.contacts.slice(0, 10).map((c) => (
              <li key={c.id}>
                {formatDate(c.contactedOn)}: {contactKindLabels[c.kind]}
                {c.note ? ` — ${c.note}` : ''} <Typography component="span" variant="body2" color="text.secondary">({c.recordedBy})</Typography>
              </li>
            ))}
          </Box>
        </Box>
      ) : null}
      <ContactDialog
        patientId={patient.id}
        name={displayName(patient)}
        today={recall.today}
        open={recording}
        onClose={() => setRecording(false)}
        onSaved={(c) => {
          setRecording(false);
          notify({ message: `Recorded: ${contactKindLabels[c.kind].toLowerCase()}, ${formatDate(c.contactedOn)}.`, severity: 'success' });
          load();
        }}
      />
    </Paper>
  );
}
