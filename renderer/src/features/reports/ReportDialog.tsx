import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import SaveAltIcon from '@mui/icons-material/SaveAlt';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  LinearProgress,
  Link,
  MenuItem,
  Radio,
  RadioGroup,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useId, useState } from 'react';
import type { Delivery, DeliveryMode } from '#shared/domain/files';
import { referralServiceLabels, type ReferralDestination } from '#shared/domain/settings';
import { reportParts, type ReportPart, type ReportPartAvailability } from '#shared/report/reportParts';
import { api } from '../../api/api';
import { completeDelivery } from '../../components/delivery';
import { useNotify } from '../../components/Notifier';

export interface ReportDialogProps {
  examId: number;
  open: boolean;
  onClose: () => void;
}

type Load = { kind: 'loading' } | { kind: 'ready'; parts: ReportPartAvailability[] } | { kind: 'failed'; message: string };
type Work = { kind: 'idle' } | { kind: 'rendering'; mode: DeliveryMode } | { kind: 'failed'; message: string } | { kind: 'done'; links: Delivery[] };

/**
 * "Report": tick the parts (the referral letter only when it is warranted, saying why), large
 * print for the patient copy, one PDF or one per part, then save or open to print. The PDF is made
 * by the application (renderReport); this dialog only asks and hands the result to
 * completeDelivery. Keyboard: Tab through the choices, Space ticks, Enter on a button, Escape closes.
 */
export function ReportDialog({ examId, open, onClose }: ReportDialogProps): React.JSX.Element {
  const ids = useId();
  const [loaded, setLoaded] = useState<{ examId: number; load: Load } | null>(null);
  const [chosen, setChosen] = useState<ReportPart[]>([]);
  const [largePrint, setLargePrint] = useState(false);
  const [combined, setCombined] = useState(true);
  const [details, setDetails] = useState(false);
  const [destinations, setDestinations] = useState<ReferralDestination[]>([]);
  const [destinationId, setDestinationId] = useState<string>('');
  const [reason, setReason] = useState('');
  const [work, setWork] = useState<Work>({ kind: 'idle' });
  const notify = useNotify();
  const load: Load = loaded?.examId === examId ? loaded.load : { kind: 'loading' };

  useEffect(() => {
    if (!open) return;
    let current = true;
    void api()
      .listReportParts({ examId })
      .then((r) => {
        if (!current) return;
        if (!r.ok) {
          setLoaded({ examId, load: { kind: 'failed', message: r.error.message } });
          return;
        }
        setLoaded({ examId, load: { kind: 'ready', parts: r.value.parts } });
        // Everything the exam has is ticked to start with: a warranted letter should not be missed.
        setChosen(r.value.parts.filter((p) => p.available).map((p) => p.part));
      });
    // The clinic's referral destinations, for the letter's addressee (Settings).
    void api()
      .getClinicSettings({})
      .then((r) => {
        if (current && r.ok) setDestinations(r.value.referralDestinations);
      });
    return () => {
      current = false;
    };
  }, [examId, open]);

  const rendering = work.kind === 'rendering';
  const toggle = (part: ReportPart, on: boolean): void =>
    setChosen((list) => (on ? reportParts.filter((p) => p === part || list.includes(p)) : list.filter((p) => p !== part)));

  async function make(mode: DeliveryMode): Promise<void> {
    setWork({ kind: 'rendering', mode });
    const referral = chosen.includes('referral') && (destinationId !== '' || reason.trim() !== '' || !referralWarranted) ? { destinationId: destinationId === '' ? null : destinationId, reason: reason.trim() } : undefined;
    const result = await api().renderReport({ examId, parts: chosen, largePrint, combined: combined || chosen.length === 1, mode, details, ...(referral ? { referral } : {}) });
    if (!result.ok) {
      setWork({ kind: 'failed', message: result.error.message });
      return;
    }
    const messages = result.value.deliveries.map(completeDelivery).filter((m): m is string => m !== null);
    if (messages.length > 0) notify({ message: messages.join(' '), severity: 'success' });
    const links = result.value.deliveries.filter((d) => d.kind === 'download');
    // In the browser a second download or tab may be blocked, so the links stay in reach.
    if (links.length > 1) setWork({ kind: 'done', links });
    else {
      setWork({ kind: 'idle' });
      if (messages.length > 0) onClose();
    }
  }

  const close = (): void => {
    if (rendering) return;
    setWork({ kind: 'idle' });
    onClose();
  };
  const patientChosen = chosen.includes('patient');
  const referralChosen = chosen.includes('referral');
  const referralWarranted = load.kind === 'ready' && load.parts.some((p) => p.part === 'referral' && p.available);
  // A letter the result does not call for needs the clinician's reason.
  const reasonMissing = referralChosen && !referralWarranted && reason.trim() === '';
  const cannotMake = rendering || load.kind !== 'ready' || chosen.length === 0 || reasonMissing;

  return (
    <Dialog open={open} onClose={close} aria-labelledby={`${ids}-title`} aria-describedby={`${ids}-intro`} fullWidth maxWidth="sm">
      <DialogTitle id={`${ids}-title`}>Report</DialogTitle>
      <DialogContent>
        <Typography id={`${ids}-intro`} color="text.secondary" sx={{ mb: 2 }}>
          Choose what to print or save for this signed screening.
        </Typography>
        {load.kind === 'loading' ? <LinearProgress aria-label="Loading the report parts" /> : null}
        {load.kind === 'failed' ? <Alert severity="error">{load.message}</Alert> : null}
        {load.kind === 'ready' ? (
          <Box component="form" noValidate onSubmit={(e) => e.preventDefault()} aria-busy={rendering}>
            <FormControl component="fieldset" variant="standard" disabled={rendering} sx={{ mb: 2 }}>
              <FormLabel component="legend">Parts</FormLabel>
              <FormGroup>
                {load.parts.map((p) => (
                  <Box key={p.part} sx={{ mb: 1 }}>
                    <FormControlLabel
                      control={
                        <Checkbox
                          checked={chosen.includes(p.part)}
                          onChange={(e) => toggle(p.part, e.target.checked)}
                          disabled={!p.available && p.part !== 'referral'}
                          slotProps={{ input: { 'aria-describedby': `${ids}-${p.part}-why` } }}
                        />
                      }
                      label={p.available ? p.label : `${p.label} (${p.part === 'referral' ? 'not required by the result' : 'not needed'})`}
                    />
                    <FormHelperText id={`${ids}-${p.part}-why`} sx={{ mt: -0.5, ml: 4 }}>
                      {p.reason}
                    </FormHelperText>
                  </Box>
                ))}
              </FormGroup>
              {chosen.length === 0 ? <FormHelperText error>Choose at least one part.</FormHelperText> : null}
            </FormControl>
            {referralChosen ? (
              <Box sx={{ mb: 2, display: 'grid', gap: 1.5 }}>
                <TextField
                  select
                  label="Send the referral letter to"
                  value={destinationId}
                  onChange={(e) => setDestinationId(e.target.value)}
                  disabled={rendering}
                  helperText={destinations.length === 0 ? 'No destinations in Settings yet: the letter names the service the result calls for.' : 'From the referral destinations in Settings.'}
                >
                  <MenuItem value="">The service the result names</MenuItem>
                  {destinations.map((d) => (
                    <MenuItem key={d.id} value={d.id}>
                      {d.name} ({referralServiceLabels[d.service]})
                    </MenuItem>
                  ))}
                </TextField>
                <TextField
                  label="Reason for referral"
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  disabled={rendering}
                  multiline
                  minRows={2}
                  required={!referralWarranted}
                  error={reasonMissing}
                  slotProps={{ htmlInput: { maxLength: 500 } }}
                  helperText={referralWarranted ? 'Optional: printed first, before the reasons from the result.' : 'Required: the result does not call for a referral, so say why you are referring.'}
                />
              </Box>
            ) : null}
            <FormControlLabel
              control={<Switch checked={details} onChange={(e) => setDetails(e.target.checked)} disabled={rendering || !chosen.includes('clinician')} />}
              label="Add the details appendix to the clinician report (rules, scores, long lists)"
              sx={{ display: 'block', mb: 1 }}
            />
            <FormControlLabel
              control={<Switch checked={largePrint} onChange={(e) => setLargePrint(e.target.checked)} disabled={rendering || !patientChosen} />}
              label="Large print patient copy"
              sx={{ display: 'block', mb: 2 }}
            />
            <FormControl disabled={rendering || chosen.length < 2}>
              <FormLabel id={`${ids}-files`}>Files</FormLabel>
              <RadioGroup aria-labelledby={`${ids}-files`} value={combined ? 'one' : 'each'} onChange={(e) => setCombined(e.target.value === 'one')}>
                <FormControlLabel value="one" control={<Radio />} label="One PDF with all chosen parts" />
                <FormControlLabel value="each" control={<Radio />} label="One PDF per part" />
              </RadioGroup>
            </FormControl>
          </Box>
        ) : null}
        <Box role="status" aria-live="polite" sx={{ mt: 2, minHeight: 8 }}>
          {rendering ? (
            <>
              <Typography variant="body2">{work.mode === 'save' ? 'Making the PDF to save…' : 'Making the PDF to print…'}</Typography>
              <LinearProgress aria-label="Making the PDF" sx={{ mt: 1 }} />
            </>
          ) : null}
          {work.kind === 'done' ? (
            <Alert severity="success">
              Your files are ready. If a file did not open, use its link:
              <Box component="ul" sx={{ m: 0, pl: 3 }}>
                {work.links.map((d) =>
                  d.kind === 'download' ? (
                    <li key={d.url}>
                      <Link href={d.url} download={d.inline ? undefined : d.fileName} target={d.inline ? '_blank' : undefined} rel="noopener">
                        {d.fileName}
                      </Link>
                    </li>
                  ) : null,
                )}
              </Box>
            </Alert>
          ) : null}
        </Box>
        {work.kind === 'failed' ? (
          <Alert severity="error" role="alert" sx={{ mt: 1 }}>
            {work.message}
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={rendering}>
          {work.kind === 'done' ? 'Close' : 'Cancel'}
        </Button>
        <Button startIcon={<OpenInNewIcon />} variant="outlined" onClick={() => void make('open')} disabled={cannotMake}>
          Open to print
        </Button>
        <Button startIcon={<SaveAltIcon />} variant="contained" onClick={() => void make('save')} disabled={cannotMake}>
          Save PDF…
        </Button>
      </DialogActions>
    </Dialog>
  );
}
