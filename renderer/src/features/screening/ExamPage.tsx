import DataObjectIcon from '@mui/icons-material/DataObject';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Alert, Button, CircularProgress, Stack } from '@mui/material';
import { useEffect, useState } from 'react';
import type { Patient } from '#shared/domain/patient';
import { api } from '../../api/api';
import { completeDelivery } from '../../components/delivery';
import { ReportDialog } from '../../app/lazyScreens';
import { ExamView } from './ExamView';
import { ScreeningWizard } from './ScreeningWizard';
import { useScreening } from './useScreening';

/** One exam: the guided screen while it is a draft, the read-only record once signed. */
export function ExamPage({ examId }: { examId: number }): React.JSX.Element {
  const screening = useScreening(examId);
  const [patient, setPatient] = useState<Patient | null>(null);
  const [reporting, setReporting] = useState(false);
  const [fhir, setFhir] = useState<{ busy: boolean; message: string | null; failed: boolean }>({ busy: false, message: null, failed: false });
  const patientId = screening.exam?.patientId;
  useEffect(() => {
    if (patientId === undefined) return;
    void api()
      .getPatient({ id: patientId })
      .then((r) => r.ok && setPatient(r.value));
  }, [patientId]);

  if (screening.error) return <Alert severity="error">{screening.error.message}</Alert>;
  const { exam } = screening;
  if (!exam || !patient) return <CircularProgress aria-label="Loading the exam" />;
  if (exam.state === 'draft') return <ScreeningWizard screening={{ ...screening, exam }} patient={patient} />;
  const exportFhir = async (): Promise<void> => {
    setFhir({ busy: true, message: null, failed: false });
    const r = await api().exportScreeningFhir({ examId: exam.id });
    if (!r.ok) setFhir({ busy: false, message: r.error.message, failed: true });
    else setFhir({ busy: false, message: completeDelivery(r.value.delivery), failed: false });
  };
  return (
    <>
      <ExamView
        exam={exam}
        patient={patient}
        reportButton={
          <Stack direction="row" spacing={1}>
            <Button variant="contained" startIcon={<PictureAsPdfIcon />} onClick={() => setReporting(true)}>
              Report…
            </Button>
            {/* The screening as coded FHIR R4 (a transaction Bundle) for the clinic's record systems. */}
            <Button variant="outlined" startIcon={<DataObjectIcon />} disabled={fhir.busy} onClick={() => void exportFhir()}>
              {fhir.busy ? 'Exporting…' : 'Export FHIR'}
            </Button>
          </Stack>
        }
      />
      {fhir.message !== null ? (
        <Alert severity={fhir.failed ? 'error' : 'success'} role={fhir.failed ? 'alert' : 'status'} onClose={() => setFhir({ busy: false, message: null, failed: false })} sx={{ mt: 2 }}>
          {fhir.message}
        </Alert>
      ) : null}
      <ReportDialog examId={exam.id} open={reporting} onClose={() => setReporting(false)} />
    </>
  );
}
