import { Box, Paper, Stack, Typography } from '@mui/material';
import { sideLabel } from '#shared/clinical/protocols';
import { mnsiQuestions, mnsiExamMeaning, ndsBandMeaning, scoreMnsiQuestionnaire } from '#shared/clinical/scores/mnsiQuestionnaire';
import { ankleReflexResults, normalAbnormalResults, type AnkleReflex, type MnsiQuestionKey, type NormalAbnormal, type Side } from '#shared/domain/findings';
import { examinedSides, updateFindings, updateFoot, type ScreeningState } from '../model/screeningState';
import { Choice, toYesNo, yesNo } from './controls';
import type { StepProps } from './stepProps';

export const reflexLabels: Readonly<Record<AnkleReflex, string>> = { present: 'Present', reinforcement: 'With reinforcement', absent: 'Absent', not_tested: 'Not tested' };
export const normalLabels: Readonly<Record<NormalAbnormal, string>> = { normal: 'Normal', abnormal: 'Abnormal', not_tested: 'Not tested' };

/** The first MNSI question not yet answered: the one the Y / N keys answer. */
export function nextUnansweredQuestion(state: ScreeningState): MnsiQuestionKey | undefined {
  return mnsiQuestions.find((q) => state.findings.mnsiQuestionnaire?.[q.key] === undefined)?.key;
}

export function answerQuestion(state: ScreeningState, key: MnsiQuestionKey, yes: boolean): ScreeningState {
  return updateFindings(state, (f) => ({ ...f, mnsiQuestionnaire: { ...f.mnsiQuestionnaire, [key]: yes } }));
}

/**
 * The extended neurological examination, chosen at the start: ankle reflex, pin-prick and
 * temperature at the toe on each foot (items of the MNSI examination and the Neuropathy
 * Disability Score), and the 15 questions of the MNSI history questionnaire, scored as published.
 */
export function NeurologyStep({ state, update, assessment }: StepProps): React.JSX.Element {
  const questionnaire = scoreMnsiQuestionnaire(state.findings.mnsiQuestionnaire);
  const current = nextUnansweredQuestion(state);
  const { mnsiExam, nds } = assessment.scores;
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        Examine each foot, then read the questions to the patient. Keys: Y / N answer the highlighted question.
      </Typography>
      {/* One foot under the other until the step is wide enough for both answer rows side by side. */}
      <Stack direction={{ xs: 'column', xl: 'row' }} spacing={2}>
        {examinedSides(state.findings).map((side) => (
          <FootNeurology key={side} side={side} state={state} update={update} />
        ))}
      </Stack>
      <Paper variant="outlined" sx={{ p: 1.5, containerType: 'inline-size' }} component="section" aria-labelledby="mnsi-questions-title">
        <Typography id="mnsi-questions-title" variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
          Michigan Neuropathy Screening Instrument: the patient’s answers
        </Typography>
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mb: 1 }}>
          One point for each “yes”, except questions 7 and 13, where “no” scores; questions 4 and 10 are asked but not scored (maximum 13).
        </Typography>
        {mnsiQuestions.map((q) => (
          <Box key={q.key} data-mnsi-question={q.number} sx={{ borderLeft: '4px solid', borderColor: current === q.key ? 'primary.main' : 'transparent', pl: 1 }}>
            <Choice
              label={`${q.number}. ${q.text}${current === q.key ? ' (next: Y / N)' : ''}`}
              hint={q.scoresOn === null ? 'Not scored' : q.scoresOn === 'no' ? '“No” scores a point' : undefined}
              value={toYesNo(state.findings.mnsiQuestionnaire?.[q.key])}
              options={yesNo}
              onChange={(v) => update((s) => answerQuestion(s, q.key, v === 'yes'))}
            />
          </Box>
        ))}
        <Typography variant="body2" sx={{ mt: 1 }} aria-live="polite">
          <strong>Questionnaire:</strong>{' '}
          {questionnaire.meaning ?? `${questionnaire.points} so far; questions still to answer: ${questionnaire.unansweredScored.join(', ')}`}
        </Typography>
      </Paper>
      <Paper variant="outlined" sx={{ p: 1.5 }} component="section" aria-label="Neuropathy scores">
        <Typography variant="body2">
          <strong>{mnsiExam.name}:</strong>{' '}
          {mnsiExam.total === null ? `not calculated yet (${mnsiExam.missingItems.length} items to record)` : mnsiExamMeaning(mnsiExam.total, mnsiExam.max, mnsiExam.cutOff)}
        </Typography>
        <Typography variant="body2">
          <strong>{nds.name}:</strong>{' '}
          {nds.total === null || nds.band === null ? `not calculated yet (${nds.missingItems.length} items to record)` : `${nds.total} of ${nds.max}: ${ndsBandMeaning[nds.band]}`}
        </Typography>
      </Paper>
    </Stack>
  );
}

function FootNeurology({ side, state, update }: Pick<StepProps, 'state' | 'update'> & { side: Side }): React.JSX.Element {
  const foot = state.findings.feet[side];
  return (
    <Paper variant="outlined" sx={{ p: 1.5, flex: 1, minWidth: 0, containerType: 'inline-size' }}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
        {sideLabel(side)} foot
      </Typography>
      <Choice
        label={`Ankle reflex (${side})`}
        hint="Tap the Achilles tendon; if absent, try again while the patient hooks the fingers and pulls (reinforcement)"
        value={foot.ankleReflex}
        options={ankleReflexResults.map((v) => ({ value: v, label: reflexLabels[v] }))}
        onChange={(v) => update((s) => updateFoot(s, side, (f) => ({ ...f, ankleReflex: v })))}
      />
      <Choice
        label={`Pin-prick at the toe (${side})`}
        hint="A neuro-tip on the big toe: abnormal if the patient cannot feel it as sharp"
        value={foot.pinPrick}
        options={normalAbnormalResults.map((v) => ({ value: v, label: normalLabels[v] }))}
        onChange={(v) => update((s) => updateFoot(s, side, (f) => ({ ...f, pinPrick: v })))}
      />
      <Choice
        label={`Temperature at the toe (${side})`}
        hint="A cold object (e.g. the fork) on the big toe: abnormal if it does not feel cold"
        value={foot.temperature}
        options={normalAbnormalResults.map((v) => ({ value: v, label: normalLabels[v] }))}
        onChange={(v) => update((s) => updateFoot(s, side, (f) => ({ ...f, temperature: v })))}
      />
    </Paper>
  );
}
