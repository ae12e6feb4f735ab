import ArchiveIcon from '@mui/icons-material/Archive';
import EditIcon from '@mui/icons-material/Edit';
import UnarchiveIcon from '@mui/icons-material/Unarchive';
import { Alert, Box, Button, Chip, CircularProgress, Paper, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { displayNationalNumber, nationalNumberFormatTable } from '#shared/domain/nationalNumber';
import { diabetesTypeLabels, displayName, postalAddressLines, sexLabels, type Patient } from '#shared/domain/patient';
import { api } from '../../api/api';
import { useClinicSettingsOrDefaults } from '../../app/clinicSettings';
import { formatAge, formatDate, formatDateTime } from '../../app/format';
import { navigate } from '../../app/router';
import { useNotify } from '../../components/Notifier';
import { RecallPanel } from '../recall/RecallPanel';
import { ArchiveDialog } from './ArchiveDialog';
import { PatientHistory } from './PatientHistory';

/** One patient: details, actions and (filled by later features) the screening history. */
export function PatientPage({ patientId }: { patientId: number }): React.JSX.Element {
  const [patient, setPatient] = useState<Patient | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmArchive, setConfirmArchive] = useState(false);
  const notify = useNotify();
  const numberFormat = useClinicSettingsOrDefaults().nationalNumberFormat;

  useEffect(() => {
    void api()
      .getPatient({ id: patientId })
      .then((r) => (r.ok ? setPatient(r.value) : setError(r.error.message)));
  }, [patientId]);

  async function setArchived(archived: boolean, offerUndo: boolean): Promise<void> {
      const result = archived ? await api().archivePatient({ id: patientId }) : await api().restorePatient({ id: patientId });
      if (!result.ok) {
        notify({ message: result.error.message, severity: 'error' });
        return;
      }
      setPatient(result.value);
      notify({
        message: archived ? `${displayName(result.value)} archived.` : `${displayName(result.value)} restored.`,
        severity: 'success',
        ...(offerUndo ? { action: { label: 'Undo', run: () => void setArchived(!archived, false) } } : {}),
      });
  }

  if (error) return <Alert severity="error">{error}</Alert>;
  if (!patient) return <CircularProgress aria-label="Loading patient" />;

  const details: [string, string][] = [
    ['Date of birth', `${formatDate(patient.dateOfBirth)} (${formatAge(patient.dateOfBirth)})`],
    ['Sex', sexLabels[patient.sex]],
    ['Clinic identifier', patient.clinicIdentifier],
    [nationalNumberFormatTable[numberFormat].label, patient.nationalNumber ? displayNationalNumber(patient.nationalNumber, numberFormat) : '—'],
    ['Diabetes', `${diabetesTypeLabels[patient.diabetesType]}${patient.diagnosisYear ? `, diagnosed ${patient.diagnosisYear}` : ''}`],
    ['Phone', patient.phone ?? '—'],
    ['Mobile phone', patient.mobilePhone ?? '—'],
    ['Email', patient.email ?? '—'],
    ['Address', postalAddressLines(patient).join('\n') || '—'],
    ['GP practice', patient.gpPractice ? `${patient.gpPractice}${patient.gpPracticeCode ? ` (${patient.gpPracticeCode})` : ''}` : (patient.gpPracticeCode ?? '—')],
    ['Preferred language', patient.preferredLanguage ?? '—'],
    ['Interpreter', patient.interpreterNeeded ? 'Needed' : 'Not needed'],
    ['Relevant conditions', patient.relevantConditions ?? '—'],
    ['Medicines', patient.medicines ?? '—'],
  ];

  return (
    <Stack spacing={2}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { md: 'center' } }}>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
          <Typography variant="h5" component="h1">
            {displayName(patient)}
          </Typography>
          {patient.archivedAt ? <Chip label={`Archived ${formatDate(patient.archivedAt.slice(0, 10))}`} /> : null}
        </Stack>
        <Stack direction="row" spacing={1}>
          <Button startIcon={<EditIcon />} variant="outlined" onClick={() => navigate({ page: 'patient-edit', patientId })}>
            Edit details
          </Button>
          {patient.archivedAt ? (
            <Button startIcon={<UnarchiveIcon />} variant="outlined" onClick={() => void setArchived(false, true)}>
              Restore
            </Button>
          ) : (
            <Button startIcon={<ArchiveIcon />} color="warning" variant="outlined" onClick={() => setConfirmArchive(true)}>
              Archive
            </Button>
          )}
        </Stack>
      </Stack>
      {patient.archivedAt ? (
        <Alert severity="info">This patient is archived: hidden from the patient list and recall. Their records are kept.</Alert>
      ) : null}
      <Paper sx={{ p: 2 }}>
        <Typography variant="h6" component="h2" gutterBottom>
          Details
        </Typography>
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 1, m: 0 }}>
          {details.map(([term, value]) => (
            <Box key={term} sx={{ display: 'contents' }}>
              <Typography component="dt" color="text.secondary">
                {term}
              </Typography>
              <Typography component="dd" sx={{ m: 0, whiteSpace: 'pre-line' }}>
                {value}
              </Typography>
            </Box>
          ))}
        </Box>
        {patient.notes ? (
          <Typography sx={{ mt: 2, whiteSpace: 'pre-wrap' }}>
            <strong>Notes:</strong> {patient.notes}
          </Typography>
        ) : null}
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 2 }}>
          Added {formatDateTime(patient.createdAt)} · last changed {formatDateTime(patient.updatedAt)}
        </Typography>
      </Paper>
      <RecallPanel key={patient.archivedAt ?? 'active'} patient={patient} />
      <PatientHistory patient={patient} />
      <ArchiveDialog
        open={confirmArchive}
        name={displayName(patient)}
        onCancel={() => setConfirmArchive(false)}
        onConfirm={() => {
          setConfirmArchive(false);
          void setArchived(true, true);
        }}
      />
    </Stack>
  );
}
