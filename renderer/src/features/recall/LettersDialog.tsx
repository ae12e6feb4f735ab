import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import SaveAltIcon from '@mui/icons-material/SaveAlt';
import { Alert, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Typography } from '@mui/material';
import { useId, useState } from 'react';
import type { DeliveryMode } from '#shared/domain/files';
import { maxLettersPerPdf } from '#shared/domain/recall';
import { api } from '../../api/api';
import { completeDelivery } from '../../components/delivery';
import { useNotify } from '../../components/Notifier';
import { JobStatus } from '../../components/JobStatus';
import { useJob } from '../../components/useJob';

export interface LettersDialogProps {
  patientIds: readonly number[];
  open: boolean;
  onClose: () => void;
  /** After letters were made (and perhaps "letter sent" recorded): reload the worklist. */
  onDone: () => void;
}

/**
 * Invitation letters for the patients ticked on the worklist: one PDF, a page each,
 * saved or opened to print, with a progress bar; "letter sent" is recorded for each patient unless
 * unticked. The dialog cannot be closed while the letters are being made.
 */
export function LettersDialog({ patientIds, open, onClose, onDone }: LettersDialogProps): React.JSX.Element {
  const ids = useId();
  const [record, setRecord] = useState(true);
  const [failed, setFailed] = useState<string | null>(null);
  const job = useJob();
  const notify = useNotify();
  const n = patientIds.length;
  const tooMany = n > maxLettersPerPdf;

  async function make(mode: DeliveryMode): Promise<void> {
    setFailed(null);
    const r = await job.run((jobId) => api().printInvitationLetters({ patientIds: [...patientIds], recordContact: record, mode, jobId }));
    if (!r.ok) {
      setFailed(r.error.message);
      return;
    }
    const message = completeDelivery(r.value.delivery);
    if (message === null) return;
    const recorded = r.value.contactsRecorded > 0 ? ` “Invitation letter sent” recorded for ${r.value.contactsRecorded} patient${r.value.contactsRecorded === 1 ? '' : 's'}.` : '';
    notify({ message: `${message}${recorded}`, severity: 'success' });
    onDone();
  }

  return (
    <Dialog open={open} onClose={job.running ? undefined : onClose} aria-labelledby={`${ids}-title`} fullWidth maxWidth="sm">
      <DialogTitle id={`${ids}-title`}>Invitation letters</DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 1 }}>
          One PDF with a letter for each of the {n} chosen patient{n === 1 ? '' : 's'}, each on its own page, to print and post. The letters say when the
          last check was and when the next is due, in plain words, and how to book (Settings).
        </Typography>
        {tooMany ? (
          <Alert severity="warning" sx={{ mb: 1 }}>
            At most {maxLettersPerPdf} letters at a time: choose fewer patients.
          </Alert>
        ) : null}
        <FormControlLabel
          control={<Checkbox checked={record} onChange={(e) => setRecord(e.target.checked)} disabled={job.running} />}
          label="Record “invitation letter sent” for each patient, dated today"
        />
        <JobStatus running={job.running} progress={job.progress} starting="Making the letters…" label="Making the letters" failed={failed} minHeight={40} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={job.running}>
          Close
        </Button>
        <Button startIcon={<OpenInNewIcon />} variant="outlined" onClick={() => void make('open')} disabled={job.running || n === 0 || tooMany}>
          Open to print
        </Button>
        <Button startIcon={<SaveAltIcon />} variant="contained" onClick={() => void make('save')} disabled={job.running || n === 0 || tooMany}>
          Save PDF…
        </Button>
      </DialogActions>
    </Dialog>
  );
}
