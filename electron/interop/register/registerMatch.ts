import { normaliseNationalNumber } from '#shared/domain/nationalNumber';
import type { Patient, PatientInput } from '#shared/domain/patient';
import type { ExchangePatient } from '#shared/interop/exchangePatient';
import { changedRecordFields, checkedRecord, mergedRecord, registerValues, type FieldChange } from '#shared/interop/registerRecord';
import type { Store } from '../../db/store';

/**
 * How a patient from outside (a register row, a FHIR server's Patient) meets the local register:
 * a new patient, or the one local patient holding its national number or clinic identifier, with
 * the record as it would be stored and what would change. Shared by the register import and the
 * FHIR server look-up so both match, refuse and merge in the same way.
 */
export type RegisterMatch =
  | { kind: 'refused'; reasons: string[] }
  | { kind: 'new'; input: PatientInput }
  | { kind: 'existing'; existing: Patient; input: PatientInput; changes: FieldChange[] };

export function matchRegisterPatient(store: Store, p: ExchangePatient): RegisterMatch {
  const clinicIdentifier = p.clinicIdentifier ?? p.nationalNumber;
  const byNumber = p.nationalNumber ? store.importBatches.patientsWithNationalNumber(p.nationalNumber) : [];
  if (byNumber.length > 1) return { kind: 'refused', reasons: [`National number ${p.nationalNumber ?? ''} is held by ${byNumber.length} patients here; merge them first`] };
  const byIdentifier = clinicIdentifier ? store.patients.identifierOwner(clinicIdentifier) : null;
  const numberOwner = byNumber[0] ?? null;
  if (numberOwner !== null && byIdentifier !== null && numberOwner !== byIdentifier) {
    return { kind: 'refused', reasons: [`Patient ID ${clinicIdentifier ?? ''} is already used by a different patient from the one with national number ${p.nationalNumber ?? ''}`] };
  }
  const ownerId = numberOwner ?? byIdentifier;
  const existing = ownerId === null ? null : store.patients.findById(ownerId);
  if (existing && p.nationalNumber && existing.nationalNumber && normaliseNationalNumber(existing.nationalNumber) !== p.nationalNumber) {
    return { kind: 'refused', reasons: [`Patient ID ${clinicIdentifier ?? ''} is already used by a different patient (national number ${existing.nationalNumber})`] };
  }
  // The record keeps its own clinic identifier when the incoming one has none (matched by national number).
  const values = registerValues(p, p.clinicIdentifier ?? (existing ? null : clinicIdentifier));
  const checked = checkedRecord(mergedRecord(values, existing));
  if (!checked.ok) return { kind: 'refused', reasons: checked.reasons };
  if (!existing) return { kind: 'new', input: checked.input };
  return { kind: 'existing', existing, input: checked.input, changes: changedRecordFields(existing, checked.input) };
}
