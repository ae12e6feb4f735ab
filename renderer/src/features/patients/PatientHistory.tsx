import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { Alert, Box, Button, Chip, MenuItem, Paper, Stack, TableBody, TableCell, TableRow, TextField, Typography } from '@mui/material';
import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import { siteProtocolIds, siteProtocols, type SiteProtocolId } from '#shared/clinical/protocols';
import { examStateLabels, type ExamSummary } from '#shared/domain/exam';
import type { ExamHistoryEntry } from '#shared/ipc/examOperations';
import type { Patient } from '#shared/domain/patient';
import { api } from '../../api/api';
import { formatDate, todayIso } from '../../app/format';
import { navigate } from '../../app/router';
import { useNotify } from '../../components/Notifier';
import { categoryChanges, defaultComparison, historyPoints } from '#shared/history/timeline';
import { directionMarks, HistoryTimeline } from '../history/HistoryTimeline';
import { ReportDialog } from '../../app/lazyScreens';
import { TableHeadings } from '../../components/TableHeadings';
import { WideTable } from '../../components/WideTable';

const protocolKey = 'screening.lastProtocol';

function iwgdfWords(c: ExamSummary['iwgdfCategory']): string {
  if (c === null) return '—';
  if (c === 'urgent') return 'Urgent';
  if (c === 'incomplete') return 'Incomplete';
  return `Category ${c}`;
}

function niceWords(c: ExamSummary['niceCategory']): string {
  if (c === null) return '—';
  return c[0]?.toUpperCase() + c.slice(1);
}

/** The patient's screenings, newest first, and the button that starts (or resumes) one. */
export function PatientHistory({ patient }: { patient: Patient }): React.JSX.Element {
  const [exams, setExams] = useState<ExamHistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [protocol, setProtocol] = useState<SiteProtocolId>(() => {
    const stored = localStorage.getItem(protocolKey);
    return (siteProtocolIds as readonly string[]).includes(stored ?? '') ? (stored as SiteProtocolId) : 'iwgdf-3';
  });
  const notify = useNotify();
  const [reportFor, setReportFor] = useState<number | null>(null);

  useEffect(() => {
    void api()
      .listPatientExams({ patientId: patient.id })
      .then((r) => (r.ok ? setExams(r.value) : setError(r.error.message)));
  }, [patient.id]);

  const draft = exams?.find((e) => e.state === 'draft');
  // The chart and the change marks use current signed versions only (an amended exam once).
  const points = useMemo(() => historyPoints(exams ?? []), [exams]);
  const changes = useMemo(() => categoryChanges(points), [points]);
  const comparison = useMemo(() => defaultComparison(exams ?? []), [exams]);

  const start = async (): Promise<void> => {
    localStorage.setItem(protocolKey, protocol);
    const r = await api().startScreening({ patientId: patient.id, protocol, examinedOn: todayIso() });
    if (!r.ok) {
      notify({ message: r.error.message, severity: 'error' });
      return;
    }
    if (r.value.resumed) notify({ message: 'Carrying on with the screening already started.', severity: 'info' });
    navigate({ page: 'exam', examId: r.value.id });
  };

  // Alt+S starts the screening, or carries on with the one already started, from anywhere on the page.
  const draftId = draft?.id;
  const startRef = useRef<() => void>(() => undefined);
  useEffect(() => {
    startRef.current = () => (draftId !== undefined ? navigate({ page: 'exam', examId: draftId }) : void start());
  });
  // Pressed while the history is still loading (whether a draft exists is not known yet): kept,
  // and acted on once it has loaded, rather than silently dropped.
  const startWhenLoaded = useRef(false);
  useEffect(() => {
    if (patient.archivedAt) return undefined;
    if (exams !== null && startWhenLoaded.current) {
      startWhenLoaded.current = false;
      startRef.current();
    }
    const onKey = (e: KeyboardEvent): void => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.key.toLowerCase() !== 's') return;
      e.preventDefault();
      if (exams === null) startWhenLoaded.current = true;
      else startRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [patient.archivedAt, exams]);

  return (
    <Paper sx={{ p: 2 }}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { md: 'center' }, mb: 1 }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography variant="h6" component="h2">
            Screening history
          </Typography>
          {comparison ? (
            <Button
              size="small"
              variant="outlined"
              startIcon={<CompareArrowsIcon />}
              onClick={() => navigate({ page: 'compare', patientId: patient.id, older: comparison[0], newer: comparison[1] })}
            >
              Compare screenings
            </Button>
          ) : null}
        </Stack>
        {patient.archivedAt ? null : draft ? (
          <Button variant="contained" startIcon={<PlayArrowIcon />} onClick={() => navigate({ page: 'exam', examId: draft.id })}>
            Continue screening (Alt+S)
          </Button>
        ) : (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <TextField select size="small" label="Sensory test" value={protocol} onChange={(e) => setProtocol(e.target.value as SiteProtocolId)} sx={{ minWidth: 240 }}>
              {siteProtocolIds.map((id) => (
                <MenuItem key={id} value={id}>
                  {siteProtocols[id].title}
                </MenuItem>
              ))}
            </TextField>
            <Button variant="contained" startIcon={<PlayArrowIcon />} onClick={() => void start()}>
              Start screening (Alt+S)
            </Button>
          </Stack>
        )}
      </Stack>
      {error ? <Alert severity="error">{error}</Alert> : null}
      {exams && exams.length === 0 ? <Typography color="text.secondary">No screenings yet.</Typography> : null}
      {points.length > 0 ? (
        <Box component="figure" sx={{ m: 0, mb: 2 }} aria-label="Timeline of signed screenings">
          <HistoryTimeline points={points} changes={changes} />
        </Box>
      ) : null}
      {exams && exams.length > 0 ? (
        <WideTable aria-label="Screenings, newest first">
          <TableHeadings columns={['Date', 'Status', 'IWGDF 2023', 'NICE NG19', 'Change since the last screening', 'Insensate sites (R / L)', 'Examiner']} buttons="Open" />
          <TableBody>
            {exams.map((e) => (
              <Fragment key={e.id}>
                <TableRow hover>
                  <TableCell>{formatDate(e.examinedOn ?? e.startedAt.slice(0, 10))}</TableCell>
                  <TableCell>
                    <Chip size="small" label={`${examStateLabels[e.state]}${e.version > 1 ? ` (v${e.version})` : ''}`} color={e.state === 'signed' ? 'success' : 'default'} variant="outlined" />
                  </TableCell>
                  <TableCell>{iwgdfWords(e.iwgdfCategory)}</TableCell>
                  <TableCell>{niceWords(e.niceCategory)}</TableCell>
                  <TableCell>
                    <CategoryChangeCell change={changes.find((c) => c.examId === e.id)} />
                  </TableCell>
                  <TableCell>
                    {e.sites.right ? `${e.sites.right.insensate}/${e.sites.right.tested}` : '—'} · {e.sites.left ? `${e.sites.left.insensate}/${e.sites.left.tested}` : '—'}
                  </TableCell>
                  <TableCell>{e.signedByName ?? '—'}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {e.state === 'signed' || e.state === 'superseded' ? (
                      <Button size="small" onClick={() => setReportFor(e.id)} aria-label={`Report of the screening of ${formatDate(e.examinedOn ?? e.startedAt.slice(0, 10))}`}>
                        Report
                      </Button>
                    ) : null}
                    <Button size="small" onClick={() => navigate({ page: 'exam', examId: e.id })} aria-label={`${e.state === 'draft' ? 'Continue' : 'Open'} the screening of ${formatDate(e.examinedOn ?? e.startedAt.slice(0, 10))}`}>
                      {e.state === 'draft' ? 'Continue' : 'Open'}
                    </Button>
                  </TableCell>
                </TableRow>
                {e.underCurrentRules ? (
                  <TableRow data-current-rules={e.id}>
                    <TableCell colSpan={8} sx={{ pt: 0 }}>
                      <Typography variant="body2">
                        <strong>Screening of {formatDate(e.examinedOn ?? e.startedAt.slice(0, 10))}: </strong>
                        {e.underCurrentRules.text} Signed under {e.underCurrentRules.signedUnder}; the current rules are {e.underCurrentRules.currentRules}. The signed record is unchanged.
                      </Typography>
                    </TableCell>
                  </TableRow>
                ) : null}
              </Fragment>
            ))}
          </TableBody>
        </WideTable>
      ) : null}
      {reportFor !== null ? <ReportDialog examId={reportFor} open onClose={() => setReportFor(null)} /> : null}
    </Paper>
  );
}

/** The category change at this screening: a symbol and words (never colour alone). */
function CategoryChangeCell({ change }: { change: ReturnType<typeof categoryChanges>[number] | undefined }): React.JSX.Element {
  if (!change) return <span>—</span>;
  const mark = directionMarks[change.direction];
  return (
    <Box sx={{ display: 'flex', gap: 0.75, alignItems: 'baseline' }}>
      <Box component="span" aria-hidden="true" sx={{ color: mark.colour, fontSize: 15 }}>
        {mark.symbol}
      </Box>
      <span>
        <Box component="span" sx={{ fontWeight: 600, color: mark.colour }}>
          {change.direction === 'worse' ? 'Risk rose' : change.direction === 'better' ? 'Risk fell' : 'Changed'}:
        </Box>{' '}
        {change.text}
        {change.usuallyReferral ? <Box component="span" sx={{ display: 'block', fontSize: 12.5, color: 'text.secondary' }}>Usually means a referral to the foot protection service.</Box> : null}
      </span>
    </Box>
  );
}
