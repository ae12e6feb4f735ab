import { Alert, Box, Button, Checkbox, CircularProgress, FormControlLabel, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { nationalNumberFormatTable } from '#shared/domain/nationalNumber';
import { diabetesTypeLabels, diabetesTypes, displayName, sexes, sexLabels, type Patient } from '#shared/domain/patient';
import { dateOrderHint, spellDate } from '#shared/domain/patientQuery';
import { parseTypedDate } from '#shared/text/dates';
import { api } from '../../api/api';
import { todayIso } from '../../app/format';
import { useClinicSettingsOrDefaults } from '../../app/clinicSettings';
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
  type PatientTextField,
} from './patientFormModel';

const newDraftKey = 'draft.newPatient';

export function PatientNewPage(): React.JSX.Element {
  // A half-typed new patient survives a reload or an accidental click away.
  const draft = readDraft();
  const restored = draft !== null && Object.values(draft).some((v) => v !== '' && v !== false);
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
  const numberFormat = useClinicSettingsOrDefaults().nationalNumberFormat;
  const numberInfo = nationalNumberFormatTable[numberFormat];
  const notify = useNotify();
  const firstField = useRef<HTMLInputElement>(null);
  const isNew = patient === null;

  useEffect(() => {
    if (isNew) sessionStorage.setItem(newDraftKey, JSON.stringify(values));
  }, [isNew, values]);

  const set =
    <K extends PatientTextField>(key: K) =>
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
    const checked = validatePatientForm(values, dateOrder, todayIso(), numberFormat);
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

  const field = (key: PatientTextField) => ({
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
        <TextField
          {...field('nationalNumber')}
          label={`${numberInfo.label} (optional)`}
          helperText={errors.nationalNumber ?? (numberInfo.example ? `With or without spaces, e.g. ${numberInfo.example}` : 'As written on the patient’s records')}
          autoComplete="off"
        />
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
        <TextField {...field('title')} label="Title" helperText={errors.title ?? 'e.g. Mrs, Mr, Dr: used on letters'} autoComplete="off" />
        <TextField {...field('preferredLanguage')} label="Preferred language" helperText={errors.preferredLanguage ?? ' '} autoComplete="off" />
        <FormControlLabel
          sx={{ gridColumn: { md: '1 / -1' } }}
          control={
            <Checkbox
              id="patient-interpreterNeeded"
              name="interpreterNeeded"
              checked={values.interpreterNeeded}
              onChange={(e) => setValues((v) => ({ ...v, interpreterNeeded: e.target.checked }))}
            />
          }
          label="Interpreter needed for appointments (printed on referral letters)"
        />
        <SectionHeading>Contact</SectionHeading>
        <TextField {...field('phone')} label="Phone" helperText={errors.phone ?? ' '} autoComplete="off" />
        <TextField {...field('mobilePhone')} label="Mobile phone" helperText={errors.mobilePhone ?? ' '} autoComplete="off" />
        <TextField {...field('email')} label="Email" helperText={errors.email ?? ' '} autoComplete="off" sx={{ gridColumn: { md: '1 / -1' } }} />
        <TextField {...field('addressLine1')} label="Address line 1" helperText={errors.addressLine1 ?? 'As a letter prints it, e.g. house number and street'} autoComplete="off" />
        <TextField {...field('addressLine2')} label="Address line 2" helperText={errors.addressLine2 ?? ' '} autoComplete="off" />
        <TextField {...field('addressLine3')} label="Address line 3" helperText={errors.addressLine3 ?? ' '} autoComplete="off" />
        <TextField {...field('town')} label="Town" helperText={errors.town ?? ' '} autoComplete="off" />
        <TextField {...field('postcode')} label="Postcode" helperText={errors.postcode ?? ' '} autoComplete="off" />
        <SectionHeading>GP practice and care</SectionHeading>
        <TextField {...field('gpPractice')} label="GP practice" helperText={errors.gpPractice ?? ' '} autoComplete="off" />
        <TextField {...field('gpPracticeCode')} label="GP practice code" helperText={errors.gpPracticeCode ?? 'e.g. the ODS code B86001'} autoComplete="off" />
        <TextField {...field('relevantConditions')} label="Relevant conditions" multiline minRows={2} helperText={errors.relevantConditions ?? 'e.g. retinopathy, kidney disease'} />
        <TextField {...field('medicines')} label="Medicines" multiline minRows={2} helperText={errors.medicines ?? 'Current medicines, as you would write them'} />
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

function SectionHeading({ children }: { children: string }): React.JSX.Element {
  return (
    <Typography variant="subtitle1" component="h2" sx={{ gridColumn: '1 / -1', fontWeight: 600, mt: 1 }}>
      {children}
    </Typography>
  );
}

function focusFirstError(errors: FieldErrors): void {
  const first = (Object.keys(emptyPatientForm) as (keyof PatientFormValues)[]).find((k) => errors[k]);
  if (first) window.setTimeout(() => document.getElementById(`patient-${first}`)?.focus(), 0);
}
