import { Alert, Box, Button, FormControl, FormControlLabel, FormLabel, Paper, Radio, RadioGroup, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useId, useState } from 'react';
import { iwgdf2023Table } from '#shared/clinical/iwgdf2023';
import { niceNg19Table } from '#shared/clinical/niceNg19';
import { defaultRecallSettings, recallGuidelineLabels, recallGuidelines, type RecallGuideline, type RecallSettings } from '#shared/domain/recallSettings';
import { iwgdfCategoryLabels, niceCategoryLabels } from '#shared/recall/recallRules';
import { api } from '../../api/api';
import { useNotify } from '../../components/Notifier';
import { useSession } from '../auth/AuthContext';
import { useFieldErrors } from '../../components/useFieldErrors';
import { FormStack } from '../../components/FormStack';

type MonthField = { path: string; label: string; guideline: string; get: (s: RecallSettings) => number; set: (s: RecallSettings, n: number) => RecallSettings };

const niceFields: MonthField[] = (['low', 'moderate', 'high'] as const).map((c) => ({
  path: `niceMonths.${c}`,
  label: niceCategoryLabels[c],
  guideline: `NICE NG19: ${niceNg19Table.outcomes[c].interval}`,
  get: (s) => s.niceMonths[c],
  set: (s, n) => ({ ...s, niceMonths: { ...s.niceMonths, [c]: n } }),
}));
const iwgdfFields: MonthField[] = (['0', '1', '2', '3'] as const).map((c) => ({
  path: `iwgdfMonths.${c}`,
  label: iwgdfCategoryLabels[c],
  guideline: `IWGDF 2023: ${iwgdf2023Table.outcomes[Number(c) as 0 | 1 | 2 | 3].interval}`,
  get: (s) => s.iwgdfMonths[c],
  set: (s, n) => ({ ...s, iwgdfMonths: { ...s.iwgdfMonths, [c]: n } }),
}));

/**
 * Recall intervals: which guideline's category sets the next due date, the months for
 * each category (defaults: the lower end of each guideline range), the interval after an
 * incomplete, declined or unsuitable screen, and the booking sentence printed on invitation
 * letters. Saving recomputes every patient's due date. Administrators change these; others see them.
 */
export function RecallSettingsPanel(): React.JSX.Element {
  const ids = useId();
  const { user } = useSession();
  const canEdit = user.role === 'administrator';
  const [settings, setSettings] = useState<RecallSettings | null>(null);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const errors = useFieldErrors();
  const notify = useNotify();

  const fill = (s: RecallSettings): void => {
    setSettings(s);
    setTexts(Object.fromEntries([...niceFields, ...iwgdfFields].map((f) => [f.path, String(f.get(s))]).concat([['incompleteMonths', String(s.incompleteMonths)]])));
  };
  useEffect(() => {
    void api()
      .getRecallSettings({})
      .then((r) => r.ok && fill(r.value));
  }, []);
  if (!settings) return <Paper sx={{ p: 2 }}>Loading recall settings…</Paper>;

  const save = (): void => {
    let next = settings;
    for (const f of [...niceFields, ...iwgdfFields]) next = f.set(next, Number(texts[f.path]));
    next = { ...next, incompleteMonths: Number(texts.incompleteMonths) };
    void api()
      .updateRecallSettings(next)
      .then((r) => {
        if (r.ok) {
          fill(r.value);
          errors.clear();
          notify({ message: 'Recall settings saved. Every due date now follows them.', severity: 'success' });
        } else errors.refused(r.error);
      });
  };

  const monthField = (f: MonthField, selected: boolean): React.JSX.Element => (
    <TextField
      key={f.path}
      label={`${f.label} (months)`}
      value={texts[f.path] ?? ''}
      onChange={(e) => setTexts((t) => ({ ...t, [f.path]: e.target.value }))}
      disabled={!canEdit}
      slotProps={{ htmlInput: { inputMode: 'numeric' } }}
      {...errors.field(f.path, `${f.guideline}${selected ? '' : ' (not in use)'}`)}
      sx={{ width: 230 }}
    />
  );

  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby={`${ids}-title`}>
      <Typography id={`${ids}-title`} variant="h6" component="h2" gutterBottom>
        Recall
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Next screening due = date of the last signed screening + the interval of its category. The defaults are the lower end of each guideline range (the
        safer choice). Active disease is always due at once: it needs referral, not recall.
      </Typography>
      {!canEdit ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          Only an administrator can change these.
        </Alert>
      ) : null}
      <FormStack
        onSubmit={() => {
          save();
        }}
      >
        <FormControl disabled={!canEdit}>
          <FormLabel id={`${ids}-guideline`}>Recall by the category of</FormLabel>
          <RadioGroup row aria-labelledby={`${ids}-guideline`} value={settings.guideline} onChange={(e) => setSettings({ ...settings, guideline: e.target.value as RecallGuideline })}>
            {recallGuidelines.map((g) => (
              <FormControlLabel key={g} value={g} control={<Radio />} label={recallGuidelineLabels[g]} />
            ))}
          </RadioGroup>
        </FormControl>
        <Box>
          <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
            NICE NG19 intervals
          </Typography>
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2 }}>
            {niceFields.map((f) => monthField(f, settings.guideline === 'nice'))}
          </Stack>
        </Box>
        <Box>
          <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
            IWGDF 2023 intervals
          </Typography>
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2 }}>
            {iwgdfFields.map((f) => monthField(f, settings.guideline === 'iwgdf'))}
          </Stack>
        </Box>
        <TextField
          label="Incomplete, declined or unsuitable screen (months)"
          value={texts.incompleteMonths ?? ''}
          onChange={(e) => setTexts((t) => ({ ...t, incompleteMonths: e.target.value }))}
          disabled={!canEdit}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          {...errors.field('incompleteMonths', `Default ${defaultRecallSettings.incompleteMonths}: the shortest interval, so the screen is tried again soon`)}
          sx={{ maxWidth: 420 }}
        />
        <TextField
          label="How to book (printed on invitation letters)"
          value={settings.bookingText}
          onChange={(e) => setSettings({ ...settings, bookingText: e.target.value })}
          disabled={!canEdit}
          placeholder="Phone 01632 960000, Monday to Friday, 9 am to 5 pm"
          {...errors.field('bookingText', 'The letter reads “To book, …”. Left empty: “please phone or visit the clinic”.')}
        />
        {errors.of('') ? <Alert severity="error">{errors.of('')}</Alert> : null}
        {canEdit ? (
          <Button type="submit" variant="contained" sx={{ alignSelf: 'flex-start' }}>
            Save recall settings
          </Button>
        ) : null}
      </FormStack>
    </Paper>
  );
}
