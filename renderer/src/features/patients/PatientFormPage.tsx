import { Alert, Box, Button, CircularProgress, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { diabetesTypeLabels, diabetesTypes, displayName, sexes, sexLabels, type Patient } from '#shared/domain/patient';
import { dateOrderHint, spellDate } from '#shared/domain/patientQuery';
import { parseTypedDate } from '#shared/text/dates';
import { api } from '../../api/api';
import { todayIso } from '../../app/format';
import { useDateOrder } from '../../app/preferences';
import { navigate } from '../../app/router';
import { useNotify } from '../../components/Notifier';
import {
  emptyPatientForm,
  errorsFromIssues,
  formFromPatient,
  validatePatientForm,
  type FieldErrors,
  type PatientFormValues,
} from './patientFormModel';

const newDraftKey = 'draft.newPatient';

export function PatientNewPage(): React.JSX.Element {
  // A half-typed new patient survives a reload or an accidental click away.
  const draft = readDraft();
  const restored = draft !== null && Object.values(draft).some((v) => v !== '');
  return <PatientForm initial={draft ?? emptyPatientForm} patient={null} restoredDraft={restored} />;
}

export function PatientEditPage({ patientId }: { patientId: number }): React.JSX.Element {
  const [patient, setPatient] = useState<Patient | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api()
      .getPatient({ id: patientId })
      .then((r) => (r.ok ? setPatient(r.value) : setError(r.error.message)));
  }, [patientId]);
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!patient) return <CircularProgress aria-label="Loading patient" />;
  return <PatientForm initial={formFromPatient(patient)} patient={patient} restoredDraft={false} />;
}

function readDraft(): PatientFormValues | null {
  try {
    const raw = sessionStorage.getItem(newDraftKey);
    return raw ? { ...emptyPatientForm, ...(JSON.parse(raw) as Partial<PatientFormValues>) } : null;
  } catch {
    return null;
  }
}

interface PatientFormProps {
  initial: PatientFormValues;
  patient: Patient | null;
  restoredDraft: boolean;
}

function PatientForm({ initial, patient, restoredDraft }: PatientFormProps): React.JSX.Element {
  const [values, setValues] = useState<PatientFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [showRestored, setShowRestored] = useState(restoredDraft);
  const [dateOrder] = useDateOrder();
  const notify = useNotify();
  const firstField = useRef<HTMLInputElement>(null);
  const isNew = patient === null;

  useEffect(() => {
    if (isNew) sessionStorage.setItem(newDraftKey, JSON.stringify(values));
  }, [isNew, values]);

  const set =
    <K extends keyof PatientFormValues>(key: K) =>
    (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>): void => {
      setValues((v) => ({ ...v, [key]: event.target.value }));
      if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }));
    };

  const cancel = (): void => {
    if (isNew) sessionStorage.removeItem(newDraftKey);
    navigate(patient ? { page: 'patient', patientId: patient.id } : { page: 'patients' });
  };

  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    setFormError(null);
    const checked = validatePatientForm(values, dateOrder, todayIso());
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstError(checked.errors);
      return;
    }
    setSaving(true);
    const result = patient
      ? await api().updatePatient({ id: patient.id, expectedUpdatedAt: patient.updatedAt, patient: checked.input })
      : await api().createPatient({ patient: checked.input });
    setSaving(false);
    if (!result.ok) {
      const fieldErrors = errorsFromIssues(result.error.issues);
      setErrors(fieldErrors);
      setFormError(result.error.message);
      focusFirstError(fieldErrors);
      return;
    }
    if (isNew) sessionStorage.removeItem(newDraftKey);
    notify({ message: `${displayName(result.value)} ${isNew ? 'added' : 'saved'}.`, severity: 'success' });
    navigate({ page: 'patient', patientId: result.value.id }, { replace: true });
  };

  const dobPreview = (() => {
    if (values.dateOfBirth.trim() === '') return dateOrderHint(dateOrder);
    const iso = parseTypedDate(values.dateOfBirth, dateOrder, todayIso());
    return iso ? `Reads as ${spellDate(iso)}. ${dateOrderHint(dateOrder)}` : dateOrderHint(dateOrder);
  })();

  const field = (key: keyof PatientFormValues) => ({
    id: `patient-${key}`,
    name: key,
    value: values[key],
    onChange: set(key),
    error: Boolean(errors[key]),
  });

  return (
    <Paper sx={{ p: 3, maxWidth: 900 }}>
      <Typography variant="h5" component="h1" gutterBottom>
        {patient ? `Edit ${displayName(patient)}` : 'New patient'}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Fields marked * are required. Ctrl+Enter saves, Escape cancels.
      </Typography>
      {showRestored ? (
        <Alert
          severity="info"
          sx={{ mb: 2 }}
          action={
            <Button
              color="inherit"
              size="small"
              onClick={() => {
                setValues(emptyPatientForm);
                setErrors({});
                setShowRestored(false);
                firstField.current?.focus();
              }}
            >
              Clear form
            </Button>
          }
        >
          Your unsaved entries for a new patient were restored.
        </Alert>
      ) : null}
      {formError ? (
        <Alert severity="error" sx={{ mb: 2 }} role="alert">
          {formError}
        </Alert>
      ) : null}
      <Box
        component="form"
        noValidate
        onSubmit={(e) => void submit(e)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
          if (e.key === 'Escape') cancel();
        }}
        sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}
      >
        <TextField {...field('familyName')} inputRef={firstField} required autoFocus label="Family name" helperText={errors.familyName ?? ' '} autoComplete="off" />
        <TextField {...field('givenNames')} required label="Given name(s)" helperText={errors.givenNames ?? ' '} autoComplete="off" />
        <TextField
          {...field('dateOfBirth')}
          required
          label="Date of birth"
          placeholder={dateOrder === 'dmy' ? 'dd/mm/yyyy' : 'mm/dd/yyyy'}
          helperText={errors.dateOfBirth ?? dobPreview}
          autoComplete="off"
        />
        <TextField {...field('sex')} select required label="Sex" helperText={errors.sex ?? ' '}>
          {sexes.map((s) => (
            <MenuItem key={s} value={s}>
              {sexLabels[s]}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          {...field('clinicIdentifier')}
          required
          label="Clinic identifier"
          helperText={errors.clinicIdentifier ?? 'Unique in this clinic, e.g. the hospital number'}
          autoComplete="off"
        />
        <TextField {...field('nationalNumber')} label="National number (optional)" helperText={errors.nationalNumber ?? 'e.g. NHS number'} autoComplete="off" />
        <TextField {...field('diabetesType')} select required label="Diabetes type" helperText={errors.diabetesType ?? ' '}>
          {diabetesTypes.map((t) => (
            <MenuItem key={t} value={t}>
              {diabetesTypeLabels[t]}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          {...field('diagnosisYear')}
          label="Year of diagnosis"
          helperText={errors.diagnosisYear ?? ' '}
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 4 } }}
          autoComplete="off"
        />
        <TextField {...field('phone')} label="Phone" helperText={errors.phone ?? ' '} autoComplete="off" />
        <TextField {...field('preferredLanguage')} label="Preferred language" helperText={errors.preferredLanguage ?? ' '} autoComplete="off" />
        <TextField {...field('notes')} label="Notes" multiline minRows={3} helperText={errors.notes ?? ' '} sx={{ gridColumn: { md: '1 / -1' } }} />
        <Stack direction="row" spacing={2} sx={{ gridColumn: '1 / -1', justifyContent: 'flex-end' }}>
          <Button onClick={cancel} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={saving}>
            {saving ? 'Saving…' : isNew ? 'Add patient' : 'Save changes'}
          </Button>
        </Stack>
      </Box>
    </Paper>
  );
}

function focusFirstError(errors: FieldErrors): void {
  const first = (Object.keys(emptyPatientForm) as (keyof PatientFormValues)[]).find((k) => errors[k]);
  if (first) window.setTimeout(() => document.getElementById(`patient-${first}`)?.focus(), 0);
}
