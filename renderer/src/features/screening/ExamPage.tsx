import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Alert, Button, CircularProgress } from '@mui/material';
import { useEffect, useState } from 'react';
import type { Patient } from '#shared/domain/patient';
import { api } from '../../api/api';
import { ReportDialog } from '../../app/lazyScreens';
import { ExamView } from './ExamView';
import { ScreeningWizard } from './ScreeningWizard';
import { useScreening } from './useScreening';

/** One exam: the guided screen while it is a draft, the read-only record once signed. */
export function ExamPage({ examId }: { examId: number }): React.JSX.Element {
  const screening = useScreening(examId);
  const [patient, setPatient] = useState<Patient | null>(null);
  const [reporting, setReporting] = useState(false);
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
  return (
    <>
      <ExamView
        exam={exam}
        patient={patient}
        reportButton={
          <Button variant="contained" startIcon={<PictureAsPdfIcon />} onClick={() => setReporting(true)}>
            Report…
          </Button>
        }
      />
      <ReportDialog examId={exam.id} open={reporting} onClose={() => setReporting(false)} />
    </>
  );
}
