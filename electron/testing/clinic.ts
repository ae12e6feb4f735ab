import type { SiteProtocolId } from '#shared/clinical/protocols';
import type { Findings, FootFindings } from '#shared/domain/findings';
import { patientInputSchema, type PatientInputDraft } from '#shared/domain/patient';
import type { User } from '#shared/domain/users';
import { vignetteFindings } from '#shared/report/fixtures/reportInputs';
import type { AppServices } from '../services/appServices';
import type { Actor } from '../services/actor';

/**
 * A test clinic: the people, patients and screenings tests and the bench put into a real app
 * through its own services, so every row is written the way the app writes it.
 */

/** The nurse who screens and signs in service tests (signing needs a user, not a session). */
export const nurse: User = { id: 7, username: 'nina', displayName: 'Nina Nurse', role: 'nurse', registrationNumber: null, createdAt: '', disabledAt: null };
/** The nurse as the audit log names her. */
export const nurseActor: Actor = { name: nurse.username };

/** A worked case's findings (shared/clinical/fixtures/vignettes.json), parsed as the app parses them. */
export function vignette(id: string): Findings {
  return vignetteFindings(id);
}

/** Anything with the app's services (a TestApp, an OpenApplication). */
export interface WithServices {
  readonly services: AppServices;
}

let serial = 0;

/** Adds a patient (a unique clinic identifier unless one is given) and returns the id. */
export function addPatient(app: WithServices, details: Partial<PatientInputDraft> = {}, actor: Actor = nurseActor): number {
  serial += 1;
  const input = patientInputSchema.parse({
    familyName: 'Żak',
    givenNames: 'Łucja',
    dateOfBirth: '1956-07-03',
    sex: 'female',
    diabetesType: 'type2',
    clinicIdentifier: `T-${serial}`,
    ...details,
  });
  const created = app.services.patients.create(input, actor);
  if (!created.ok) throw new Error(created.error.message);
  return created.value.id;
}

export interface ScreeningOptions {
  protocol?: SiteProtocolId;
  signer?: User;
}

/** Starts a screening and signs it with these findings; returns the signed exam's id. */
export function signedExam(app: WithServices, patientId: number, examinedOn: string, findings: Findings, options: ScreeningOptions = {}): number {
  const signer = options.signer ?? nurse;
  const draft = app.services.exams.start(patientId, options.protocol ?? 'iwgdf-3', examinedOn, signer);
  if (!draft.ok) throw new Error(draft.error.message);
  const signed = app.services.exams.sign(draft.value.id, findings, signer);
  if (!signed.ok) throw new Error(signed.error.message);
  return signed.value.id;
}

/** Amends a signed exam and signs the new version with these findings; returns its id. */
export function amendedExam(app: WithServices, examId: number, findings: Findings, reason = 'Corrected a site entered on the wrong foot'): number {
  const draft = app.services.exams.amend(examId, reason, nurse);
  if (!draft.ok) throw new Error(draft.error.message);
  const signed = app.services.exams.sign(draft.value.id, findings, nurse);
  if (!signed.ok) throw new Error(signed.error.message);
  return signed.value.id;
}

/** A fully recorded bilateral 10-site exam with raw answers at every site (the heaviest normal save). */
export function fullBilateralFindings(): Findings {
  const answers = [
    { sham: false, response: 'yes' },
    { sham: true, response: 'no' },
    { sham: false, response: 'yes' },
  ] as const;
  const sites = Object.fromEntries(
    ['hallux', 'toe3', 'toe5', 'mth1', 'mth3', 'mth5', 'medialMidfoot', 'lateralMidfoot', 'heel', 'dorsum'].map((k) => [k, { applications: [...answers] }]),
  );
  const foot: FootFindings = {
    status: 'present',
    monofilament: { protocol: '10-site', sites },
    vibration: { method: 'tuning-fork-128', site: 'hallux', applications: [...answers] },
    pulses: { dorsalisPedis: 'palpable', posteriorTibial: 'palpable' },
    abi: 1.05,
    tbi: 0.8,
    pressures: { ankle: 126, brachial: 120, toe: 96 },
    skin: { activeUlcer: false, infection: false, gangrene: false, callus: true, fissures: false, dryness: true, callusSites: ['mth1'] },
    deformity: { present: true, types: ['hallux valgus'] },
    activeCharcot: false,
    hotSwollen: false,
    criticalIschaemia: false,
    ankleReflex: 'present',
    pinPrick: 'normal',
    temperature: 'normal',
    previousAmputation: 'none',
  };
  return {
    schemaVersion: 1,
    examStatus: 'performed',
    history: { previousUlcer: false, previousAmputation: 'none', endStageRenalDisease: false, onDialysis: false },
    symptoms: { neuropathic: false, claudication: false, restPain: false },
    redFlags: { suddenOnset: false, rapidSpread: false, markedAsymmetry: false, motorWeakness: false },
    feet: { right: foot, left: { ...foot } },
  };
}
