import crypto from 'node:crypto';
import type { Bundle, Patient as FhirPatient } from '@medplum/fhirtypes';
import type { FhirLookupAnswer, FhirLookupAvailability, FhirLookupPreview, FhirPullOutcome } from '#shared/domain/fhirLookup';
import { checkNationalNumber, displayNationalNumber } from '#shared/domain/nationalNumber';
import { displayName, type PatientInput } from '#shared/domain/patient';
import { patientFromResource } from '#shared/fhir/patient';
import { defaultClinicIdentifierSystem, externalSystems } from '#shared/fhir/systems';
import { registerRecordFieldLabels, registerRecordFields } from '#shared/interop/registerRecord';
import { assertNever, fail, ok, type Result } from '#shared/ipc/result';
import { isoDateOf } from '#shared/text/dates';
import type { Store } from '../../db/store';
import { loadR4Definitions } from '../../interop/fhir/r4Validator';
import { FhirServerClient, type FetchLike } from '../../interop/fhirServer/fhirServerClient';
import { matchRegisterPatient } from '../../interop/register/registerMatch';
import type { Actor } from '../actor';
import type { Clock } from '../clock';
import type { PatientService } from '../patients/patientService';
import type { SettingsService } from '../settings/settingsService';
import type { FhirServerSettingsService } from './fhirServerSettings';
import { installationId } from './installation';

export interface FhirLookupTuning {
  fetch?: FetchLike;
  /** How long a look-up waits for the server (15 s by default: a person is waiting). */
  lookupTimeoutMs?: number;
}

export interface FhirLookupDeps {
  store: Store;
  clock: Clock;
  settings: SettingsService;
  patients: PatientService;
  server: Pick<FhirServerSettingsService, 'connection'>;
  tuning?: FhirLookupTuning;
}

/** What main keeps of a look-up until the person confirms it. */
interface KeptPreview {
  clientKey: string;
  keptUntil: number;
  input: PatientInput;
  /** The local patient and the version the preview was made from; null for a new patient. */
  existing: { id: number; updatedAt: string } | null;
  server: string;
}

/** How long a preview can be confirmed: long enough to read it, short enough not to go stale. */
const previewLifeMs = 15 * 60_000;

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** True when the Patient carries this NHS number (a server that ignored the search would send others). */
function holdsNumber(patient: FhirPatient, nhsNumber: string): boolean {
  return (patient.identifier ?? []).some((i) => i.system === externalSystems.nhsNumber && (i.value ?? '').replace(/[\s-]/g, '') === nhsNumber);
}

function describe(patient: FhirPatient): string {
  const name = patient.name?.[0];
  const words = name ? [name.family?.toUpperCase(), name.given?.join(' ')].filter(Boolean).join(', ') || name.text : undefined;
  return [words ?? 'No name', patient.birthDate ? `born ${patient.birthDate}` : null, patient.id ? `Patient/${patient.id}` : null].filter(Boolean).join(', ');
}

/**
 * Looks a patient up on the clinic's FHIR server by NHS number
 * (`GET [base]/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|<number>`) and brings the
 * record into the local register: matched, checked and merged exactly as a register import row is.
 * The number's check digit is checked before anything goes on the network; what the server sends
 * must be valid FHIR R4; nothing is written until the person confirms the preview.
 */
export class FhirPatientLookupService {
  private readonly previews = new Map<string, KeptPreview>();

  constructor(private readonly deps: FhirLookupDeps) {}

  availability(): FhirLookupAvailability {
    if (this.deps.server.connection() === null) {
      return { available: false, reason: "No FHIR server is set up. An administrator can enter the clinic's FHIR server in Settings." };
    }
    const format = this.deps.settings.clinic().nationalNumberFormat;
    if (format !== 'nhs') {
      return { available: false, reason: 'Look-up on the FHIR server is by NHS number; this clinic records another national number (Settings).' };
    }
    return { available: true, reason: null };
  }

  async lookUp(typed: string, clientKey: string): Promise<Result<FhirLookupAnswer>> {
    const checked = checkNationalNumber(typed, 'nhs');
    if (!checked.ok) return fail('validation_failed', checked.message, [{ path: 'nationalNumber', message: checked.message }]);
    const available = this.availability();
    const connection = this.deps.server.connection();
    if (!available.available || connection === null) return fail('conflict', available.reason ?? 'No FHIR server is set up.');
    const server = hostOf(connection.baseUrl);
    const tuning = this.deps.tuning ?? {};
    const client = new FhirServerClient(connection, { ...(tuning.fetch ? { fetch: tuning.fetch } : {}), timeoutMs: tuning.lookupTimeoutMs ?? 15_000 });
    const query = new URLSearchParams({ identifier: `${externalSystems.nhsNumber}|${checked.value}` });
    const answer = await client.request('GET', `Patient?${query.toString()}`);
    if (!answer.ok) return ok({ kind: 'server-problem', server, message: answer.failure.message });

    const bundle = answer.body as Partial<Bundle> | null;
    if (typeof bundle !== 'object' || bundle === null || bundle.resourceType !== 'Bundle') {
      return ok({ kind: 'server-problem', server, message: 'The server answered, but not with a FHIR search result (a Bundle). Check the address in Settings.' });
    }
    const found = (bundle.entry ?? [])
      .map((e) => e.resource)
      .filter((r): r is FhirPatient => r?.resourceType === 'Patient' && holdsNumber(r, checked.value));
    const shown = displayNationalNumber(checked.value, 'nhs');
    if (found.length === 0) return ok({ kind: 'not-found', server, message: `No patient with NHS number ${shown} on ${server}.` });
    if (found.length > 1) {
      return ok({
        kind: 'ambiguous',
        server,
        message: `${found.length} patients on ${server} have NHS number ${shown}. Ask the server's administrator to merge them; nothing was brought in.`,
        candidates: found.map(describe),
      });
    }
    const resource = found[0] as FhirPatient;
    const invalid = (await loadR4Definitions()).validate(resource);
    if (invalid.length > 0) {
      const first = invalid.slice(0, 3).map((i) => `${i.message}${i.message.includes(i.path) ? '' : ` (${i.path})`}`);
      return ok({ kind: 'server-problem', server, message: `The server's record ${describe(resource)} is not valid FHIR R4: ${first.join('; ')}` });
    }
    return ok({ kind: 'found', server, preview: this.preview(resource, shown, server, clientKey) });
  }

  /** Brings the previewed record in: creates the patient or updates the one it matched, audited. */
  pull(previewId: string, clientKey: string, actor: Actor): Result<FhirPullOutcome> {
    this.forgetExpired();
    const kept = this.previews.get(previewId);
    if (!kept || kept.clientKey !== clientKey) return fail('not_found', 'This look-up has expired. Look the patient up again.');
    this.previews.delete(previewId);
    const how = { action: 'patient.fhir-pull', details: { server: kept.server } } as const;
    if (kept.existing === null) {
      const created = this.deps.patients.create(kept.input, actor, how);
      return created.ok ? ok({ patientId: created.value.id, action: 'created' }) : created;
    }
    const before = this.deps.store.patients.findById(kept.existing.id);
    if (!before) return fail('not_found', 'The patient here was removed since the look-up.');
    if (before.updatedAt !== kept.existing.updatedAt) {
      return fail('conflict', "The patient's details here were changed since the look-up. Look the patient up again to see the changes.");
    }
    const updated = this.deps.patients.update(kept.existing.id, kept.existing.updatedAt, kept.input, actor, how);
    if (!updated.ok) return updated;
    return ok({ patientId: updated.value.id, action: updated.value.updatedAt === before.updatedAt ? 'unchanged' : 'updated' });
  }

  private preview(resource: FhirPatient, shown: string, server: string, clientKey: string): FhirLookupPreview {
    const clinic = this.deps.settings.clinic();
    const options = {
      dateOrder: clinic.dateOrder,
      nationalNumberFormat: clinic.nationalNumberFormat,
      today: isoDateOf(this.deps.clock.now()),
      clinicIdentifierSystem: defaultClinicIdentifierSystem(installationId(this.deps.store, this.deps.clock)),
    };
    const blank: FhirLookupPreview = {
      previewId: null,
      action: 'refused',
      label: describe(resource),
      nationalNumber: shown,
      patientId: null,
      fields: [],
      changes: [],
      serverUpdated: resource.meta?.lastUpdated ?? null,
      localIsNewer: false,
      reasons: [],
    };
    const read = patientFromResource(resource, options);
    if (!read.ok) return { ...blank, label: read.label ?? blank.label, reasons: read.reasons };
    const match = matchRegisterPatient(this.deps.store, read.patient);
    switch (match.kind) {
      case 'refused':
        return { ...blank, reasons: match.reasons };
      case 'new':
      case 'existing':
        break;
      default:
        return assertNever(match, 'register match');
    }
    const fields = registerRecordFields.map((f) => ({ label: registerRecordFieldLabels[f], value: match.input[f] })).filter((f) => f.value !== null && f.value !== '');
    const label = `${displayName(match.input)}, NHS number ${shown}`;
    if (match.kind === 'new') return { ...blank, previewId: this.keep({ clientKey, input: match.input, existing: null, server }), action: 'new', label, fields };
    const { existing, changes } = match;
    const base = { ...blank, label, fields, patientId: existing.id };
    if (changes.length === 0) return { ...base, action: 'unchanged' };
    return {
      ...base,
      action: 'update',
      previewId: this.keep({ clientKey, input: match.input, existing: { id: existing.id, updatedAt: existing.updatedAt }, server }),
      changes: changes.map((c) => ({ label: registerRecordFieldLabels[c.field], before: c.before, after: c.after })),
      localIsNewer: read.lastUpdated !== null && read.lastUpdated < existing.updatedAt,
    };
  }

  private keep(preview: Omit<KeptPreview, 'keptUntil'>): string {
    this.forgetExpired();
    const id = crypto.randomUUID();
    this.previews.set(id, { ...preview, keptUntil: this.deps.clock.now().getTime() + previewLifeMs });
    return id;
  }

  private forgetExpired(): void {
    const now = this.deps.clock.now().getTime();
    for (const [id, p] of this.previews) if (p.keptUntil <= now) this.previews.delete(id);
  }
}
