import { Alert, Box, Button, CircularProgress, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { footDiagramInput } from '#shared/clinical/footDiagramInput';
import type { Exam, ExamSummary } from '#shared/domain/exam';
import { displayName, type Patient } from '#shared/domain/patient';
import { changeGroupLabels, changeGroups, compareExams, type ComparableExam, type ExamChange } from '#shared/history/examDiff';
import { defaultComparison } from '#shared/history/timeline';
import { iwgdfCategoryLabels, niceCategoryLabels } from '#shared/recall/recallRules';
import { api } from '../../api/api';
import { formatDate } from '../../app/format';
import { navigate } from '../../app/router';
import { FootDiagram, type DiagramChange } from '../screening/FootDiagram';
import { CurrentRulesNote } from './CurrentRulesNote';
import { directionMarks } from './HistoryTimeline';

function comparable(exam: Exam): ComparableExam | null {
  return exam.assessment ? { id: exam.id, examinedOn: exam.examinedOn, protocol: exam.protocol, findings: exam.findings, assessment: exam.assessment } : null;
}

function examWords(e: ExamSummary): string {
  const date = formatDate(e.examinedOn ?? e.startedAt.slice(0, 10));
  const version = e.version > 1 ? `, version ${e.version}` : '';
  const replaced = e.state === 'superseded' ? ', replaced by an amendment' : '';
  const categories = e.niceCategory && e.iwgdfCategory ? ` · NICE ${niceCategoryLabels[e.niceCategory].toLowerCase()}, IWGDF ${iwgdfCategoryLabels[e.iwgdfCategory].toLowerCase()}` : '';
  return `${date}${version}${replaced}${categories}`;
}

const directionWords = { worse: 'Worse', better: 'Better', changed: 'Changed' } as const;

/**
 * Two screenings side by side: both diagrams with every site whose result changed in a
 * dashed square, and the list of changes in words, grouped, each marked worse, better or changed
 * by symbol and word. Any two signed (or replaced) screenings can be picked; the default is the
 * last two, and the earlier one is always on the left.
 */
export function ComparePage({ patientId, older, newer }: { patientId: number; older: number | null; newer: number | null }): React.JSX.Element {
  const [patient, setPatient] = useState<Patient | null>(null);
  const [summaries, setSummaries] = useState<ExamSummary[] | null>(null);
  const [exams, setExams] = useState<Map<number, Exam>>(new Map());
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void Promise.all([api().getPatient({ id: patientId }), api().listPatientExams({ patientId })]).then(([p, list]) => {
      if (!p.ok) return setError(p.error.message);
      if (!list.ok) return setError(list.error.message);
      setPatient(p.value);
      setSummaries(list.value.filter((e) => e.state === 'signed' || e.state === 'superseded'));
    });
  }, [patientId]);

  const chosen = useMemo((): [number, number] | null => {
    if (older !== null && newer !== null) return [older, newer];
    return summaries ? defaultComparison(summaries) : null;
  }, [older, newer, summaries]);

  useEffect(() => {
    if (!chosen) return;
    const missing = chosen.filter((id) => !exams.has(id));
    if (missing.length === 0) return;
    void Promise.all(missing.map((id) => api().getExam({ id }))).then((results) => {
      const next = new Map(exams);
      for (const r of results) {
        if (!r.ok) return setError(r.error.message);
        next.set(r.value.id, r.value);
      }
      setExams(next);
    });
  }, [chosen, exams]);

  if (error) return <Alert severity="error">{error}</Alert>;
  if (!patient || !summaries) return <CircularProgress aria-label="Loading the screenings" />;

  const back = (
    <Button onClick={() => navigate({ page: 'patient', patientId })} sx={{ alignSelf: 'flex-start' }}>
      Back to patient
    </Button>
  );
  if (summaries.length < 2) {
    return (
      <Stack spacing={2}>
        <Typography variant="h5" component="h1">
          Compare screenings: {displayName(patient)}
        </Typography>
        <Alert severity="info">A comparison needs two signed screenings. This patient has {summaries.length === 1 ? 'one' : 'none'}.</Alert>
        {back}
      </Stack>
    );
  }

  const pick = (which: 0 | 1, id: number): void => {
    const ids: [number, number] = chosen ? [...chosen] : [id, id];
    ids[which] = id;
    navigate({ page: 'compare', patientId, older: ids[0], newer: ids[1] }, { replace: true });
  };

  const a = chosen ? exams.get(chosen[0]) : undefined;
  const b = chosen ? exams.get(chosen[1]) : undefined;
  // The earlier screening is the "before", whichever way round they were picked.
  const [earlier, later] = a && b && (b.examinedOn ?? '') < (a.examinedOn ?? '') ? [b, a] : [a, b];
  const ca = earlier ? comparable(earlier) : null;
  const cb = later ? comparable(later) : null;
  const same = chosen !== null && chosen[0] === chosen[1];
  const unsigned = [a, b].some((e) => e !== undefined && e.assessment === null);
  const comparison = ca && cb && !same ? compareExams(ca, cb) : null;
  const since = earlier ? formatDate(earlier.examinedOn ?? earlier.startedAt.slice(0, 10)) : '';

  return (
    <Stack spacing={2}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { md: 'center' } }}>
        <Typography variant="h5" component="h1">
          Compare screenings: {displayName(patient)}
        </Typography>
        {back}
      </Stack>
      <Paper sx={{ p: 2 }}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          {([0, 1] as const).map((which) => (
            <TextField
              key={which}
              select
              fullWidth
              label={which === 0 ? 'First screening' : 'Second screening'}
              value={chosen ? String(chosen[which]) : ''}
              onChange={(e) => pick(which, Number(e.target.value))}
            >
              {summaries.map((e) => (
                <MenuItem key={e.id} value={String(e.id)}>
                  {examWords(e)}
                </MenuItem>
              ))}
            </TextField>
          ))}
        </Stack>
        {same ? (
          <Alert severity="info" sx={{ mt: 2 }}>
            Choose two different screenings.
          </Alert>
        ) : null}
        {unsigned ? (
          <Alert severity="warning" sx={{ mt: 2 }}>
            Only signed screenings can be compared: choose another.
          </Alert>
        ) : null}
      </Paper>
      {comparison && ca && cb ? (
        <>
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2 }}>
            {[ca, cb].map((exam, i) => {
              const changed: DiagramChange[] = comparison.changes
                .filter((c): c is ExamChange & { side: 'right' | 'left'; site: { key: string } } => c.site !== null && c.side !== null)
                .map((c) => ({ side: c.side, key: c.site.key, words: `${c.before} → ${c.after} (${directionWords[c.direction].toLowerCase()})` }));
              const date = formatDate(exam.examinedOn ?? '');
              return (
                <Paper key={exam.id} variant="outlined" sx={{ p: 1 }} component="section" aria-label={`${i === 0 ? 'Earlier' : 'Later'} screening, ${date}`}>
                  <Typography variant="subtitle1" component="h2" sx={{ px: 1, fontWeight: 600 }}>
                    {i === 0 ? 'Earlier' : 'Later'}: {date}
                  </Typography>
                  <CurrentRulesNote assessment={exam.assessment} findings={exam.findings} />
                  <FootDiagram
                    input={footDiagramInput(exam.assessment, exam.protocol === 'ipswich' ? 'ipswich' : 'monofilament')}
                    label={`Sites on ${date}`}
                    changed={changed}
                  />
                </Paper>
              );
            })}
          </Box>
          <Typography variant="body2" color="text.secondary">
            A dashed square marks each site whose result changed between the two screenings.
          </Typography>
          <Paper sx={{ p: 2 }} component="section" aria-labelledby="changes-title">
            <Typography id="changes-title" variant="h6" component="h2" gutterBottom>
              What changed since {since}
            </Typography>
            {comparison.changes.length === 0 ? <Typography>No recorded finding changed between these two screenings.</Typography> : null}
            {changeGroups.map((group) => {
              const items = comparison.changes.filter((c) => c.group === group);
              if (items.length === 0) return null;
              return (
                <Box key={group} sx={{ mb: 1.5 }}>
                  <Typography variant="subtitle2" component="h3">
                    {changeGroupLabels[group]}
                  </Typography>
                  <Box component="ul" sx={{ m: 0, pl: 0, listStyle: 'none' }}>
                    {items.map((c) => {
                      const mark = directionMarks[c.direction];
                      return (
                        <Box component="li" key={`${c.label}-${c.side ?? ''}`} sx={{ display: 'flex', gap: 1, alignItems: 'baseline', py: 0.25 }}>
                          <Box component="span" aria-hidden="true" sx={{ color: mark.colour, width: 16, textAlign: 'center' }}>
                            {mark.symbol}
                          </Box>
                          <Box component="span" sx={{ fontWeight: 600, color: mark.colour, minWidth: 64 }}>
                            {directionWords[c.direction]}
                          </Box>
                          <span>
                            {c.label}: {c.before} → {c.after} (since {since})
                          </span>
                        </Box>
                      );
                    })}
                  </Box>
                </Box>
              );
            })}
          </Paper>
        </>
      ) : !same && !unsigned ? (
        <CircularProgress aria-label="Loading the two screenings" />
      ) : null}
    </Stack>
  );
}
