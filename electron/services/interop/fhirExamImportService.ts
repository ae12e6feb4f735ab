import { defaultClinicIdentifierSystem } from '#shared/fhir/systems';
import { readScreenings, type ImportedScreening } from '#shared/fhir/readScreenings';
import type { ExchangePatient } from '#shared/interop/exchangePatient';
import { checkedRecord, mergedRecord, registerValues } from '#shared/interop/registerRecord';
import { normaliseNationalNumber } from '#shared/domain/nationalNumber';
import { fail, ok, type Result } from '#shared/ipc/result';
import { isoDateOf } from '#shared/text/dates';
import type { Store } from '../../db/store';
import { readFhirExport, type ExportProblem } from '../../interop/fhir/readFhirExport';
import { loadR4Definitions } from '../../interop/fhir/r4Validator';
import type { Actor } from '../actor';
import type { Clock } from '../clock';
import type { SettingsService } from '../settings/settingsService';
import { writeTransaction } from '../transaction';
import { installationId } from './installation';

/**
 * FHIR import of signed screenings: a FHIR export of this app (a Bulk Data folder of NDJSON
 * files, or transaction Bundles) brought into this database. Patients are matched by national
 * number or clinic identifier (the record here is kept as it is: the register import is the way
 * to update details) or created; each screening version is stored as signed, with its findings
 * and the assessment it was signed with (not re-scored), amended versions as one series.
 *
 * All or nothing: every resource must be valid R4 and every screening must read back completely,
 * otherwise nothing is stored and each problem is listed with the file, line and resource. The
 * import is one transaction and audited. Importing the same export twice adds nothing.
 *
 * The signer is recorded as the file says, never as a local account: `exam.signed_by` holds the
 * signer's identifier (`<installation>/<username>` for this app's exports), `signed_by_name` the
 * name printed when signed, and exam_origin keeps the identifier, role and series identifier so
 * exporting the screening again sends the same Practitioner and the same screening identifiers.
 */

export interface FhirImportReport {
  /** Resources read from the files. */
  resources: number;
  screenings: number;
  /** Screening versions stored now. */
  imported: number;
  /** Versions already in this database (imported before, or made here). */
  alreadyHere: number;
  patientsCreated: number;
  patientsMatched: number;
}

export interface FhirImportFailure {
  message: string;
  problems: ExportProblem[];
  problemCount: number;
}

export type FhirImportOutcome = { ok: true; report: FhirImportReport } | { ok: false; failure: FhirImportFailure };

export class FhirExamImportService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly settings: Pick<SettingsService, 'clinic' | 'recall'>,
  ) {}

  /** Reads, checks and (when everything is right) stores the screenings of `targets`. */
  async run(targets: readonly string[], actor: Actor, options: { dryRun?: boolean } = {}): Promise<FhirImportOutcome> {
    await loadR4Definitions();
    const read = await readFhirExport(targets);
    const refuse = (message: string, problems: ExportProblem[], problemCount: number): FhirImportOutcome => ({ ok: false, failure: { message, problems, problemCount } });
    if (read.problemCount > 0) {
      return refuse(`Nothing was imported: ${read.problemCount} problem${read.problemCount === 1 ? '' : 's'} in the files.`, read.problems, read.problemCount);
    }
    const clinic = this.settings.clinic();
    const local = installationId(this.store, this.clock);
    const { screenings, issues } = readScreenings(read.resources, {
      dateOrder: clinic.dateOrder,
      nationalNumberFormat: clinic.nationalNumberFormat,
      today: isoDateOf(this.clock.now()),
      clinicIdentifierSystem: defaultClinicIdentifierSystem(local),
    });
    if (issues.length > 0) {
      return refuse(
        `Nothing was imported: ${issues.length} screening${issues.length === 1 ? '' : 's'} cannot be read completely.`,
        issues.slice(0, 50).map((i) => ({ where: i.where, message: i.message })),
        issues.length,
      );
    }
    if (screenings.length === 0 && read.resources.length > 0) {
      return refuse('Nothing was imported: the files hold no signed foot screenings (DiagnosticReports made by this app).', [], 0);
    }
    const ordered = [...screenings].sort((a, b) => (a.series.value ?? '').localeCompare(b.series.value ?? '') || a.version - b.version);
    const report: FhirImportReport = { resources: read.resources.length, screenings: ordered.length, imported: 0, alreadyHere: 0, patientsCreated: 0, patientsMatched: 0 };
    const stored = writeTransaction(this.store.db, () => {
      const r = this.storeScreenings(ordered, local, actor, targets.join(', '), report);
      return r.ok && options.dryRun ? fail<null>('conflict', 'dry run') : r;
    });
    if (!stored.ok && !(options.dryRun && stored.error.message === 'dry run')) return refuse(stored.error.message, [], 0);
    return { ok: true, report };
  }

  /** Inside the transaction: patients, then each version in series order. */
  private storeScreenings(screenings: readonly ImportedScreening[], local: string, actor: Actor, source: string, report: FhirImportReport): Result<null> {
    const now = this.clock.now().toISOString();
    const patientIds = new Map<string, number>();
    const touchedSeries = new Set<number>();
    const touchedPatients = new Set<number>();
    for (const s of screenings) {
      const seriesValue = s.series.value ?? '';
      if (this.store.examOrigins.importedVersion(seriesValue, s.version) !== null || this.madeHere(seriesValue, s.version, local)) {
        report.alreadyHere += 1;
        continue;
      }
      const earlier = this.store.examOrigins.importedSeries(seriesValue);
      const patient = earlier ? { ok: true as const, value: earlier.patientId } : this.patientFor(s, patientIds, report, now);
      if (!patient.ok) return patient;
      const patientId = patient.value;
      if (this.store.exams.draftOf(patientId)) {
        return fail('conflict', `Nothing was imported: ${s.patient.familyName.toUpperCase()}, ${s.patient.givenNames} has a screening in progress here. Sign or discard it first (${s.where}).`);
      }
      const examId = this.store.exams.insertDraft({
        patientId,
        seriesId: earlier?.seriesId ?? null,
        version: s.version,
        protocol: s.protocol,
        examStatus: s.assessment.examStatus,
        examinedOn: s.examinedOn,
        findingsJson: JSON.stringify(s.findings),
        wizardJson: null,
        amendmentReason: s.amendmentReason,
        now,
      });
      const row = this.store.exams.findById(examId);
      if (!row) return fail('internal', 'The imported screening could not be stored.');
      const signedBy = s.signer.identifier?.value ?? s.signer.username;
      if (!this.store.exams.sign(row, s.findings, s.assessment, s.protocol, { signedBy, signedByName: s.signedByName, signedAt: s.signedAt })) {
        return fail('internal', `The screening could not be stored (${s.where}).`);
      }
      this.store.examOrigins.insert({
        examId,
        seriesSystem: s.series.system ?? '',
        seriesValue,
        version: s.version,
        signerSystem: s.signer.identifier?.system ?? null,
        signerValue: signedBy,
        signerName: s.signer.displayName,
        signerRole: s.signer.role,
        importedAt: now,
        importedBy: actor.name,
        source,
      });
      touchedSeries.add(row.series_id);
      touchedPatients.add(patientId);
      report.imported += 1;
    }
    for (const seriesId of touchedSeries) this.store.examOrigins.settleSeries(seriesId, now);
    const recall = this.settings.recall();
    for (const patientId of touchedPatients) this.store.recall.refreshPatient(patientId, recall);
    this.store.audit.append({
      at: now,
      actor: actor.name,
      action: 'import.fhir',
      entity: 'exam',
      entityId: null,
      details: { source, screenings: report.screenings, imported: report.imported, alreadyHere: report.alreadyHere, patientsCreated: report.patientsCreated },
    });
    return ok(null);
  }

  /** A screening exported from this installation and brought back: its series id is `<installation>.<series id>`. */
  private madeHere(seriesValue: string, version: number, local: string): boolean {
    const m = /^(.+)\.(\d+)$/.exec(seriesValue);
    return m?.[1] === local && this.store.examOrigins.localVersion(Number(m[2]), version) !== null;
  }

  /** The patient here with the same national number or clinic identifier, or a new record. */
  private patientFor(s: ImportedScreening, cache: Map<string, number>, report: FhirImportReport, now: string): Result<number> {
    const p: ExchangePatient = s.patient;
    const number = p.nationalNumber ? normaliseNationalNumber(p.nationalNumber) : null;
    const key = `${number ?? ''}|${p.clinicIdentifier ?? ''}`;
    const cached = cache.get(key);
    if (cached !== undefined) return ok(cached);
    const byNumber = number ? this.store.importBatches.patientsWithNationalNumber(number) : [];
    if (byNumber.length > 1) return fail('conflict', `Nothing was imported: national number ${p.nationalNumber ?? ''} is held by ${byNumber.length} patients here; merge them first (${s.where}).`);
    const clinicIdentifier = p.clinicIdentifier ?? p.nationalNumber;
    const byIdentifier = clinicIdentifier ? this.store.patients.identifierOwner(clinicIdentifier) : null;
    const existing = byNumber[0] ?? null;
    if (existing !== null && byIdentifier !== null && existing !== byIdentifier) {
      return fail('conflict', `Nothing was imported: patient ID ${clinicIdentifier ?? ''} belongs to a different patient here from the one with national number ${p.nationalNumber ?? ''} (${s.where}).`);
    }
    const found = existing ?? byIdentifier;
    if (found !== null) {
      const here = this.store.patients.findById(found);
      if (here?.nationalNumber && number && normaliseNationalNumber(here.nationalNumber) !== number) {
        return fail('conflict', `Nothing was imported: patient ID ${clinicIdentifier ?? ''} belongs to a patient here with another national number (${s.where}).`);
      }
      cache.set(key, found);
      report.patientsMatched += 1;
      return ok(found);
    }
    const checked = checkedRecord(mergedRecord(registerValues(p, clinicIdentifier), null));
    if (!checked.ok) return fail('validation_failed', `Nothing was imported: the patient of ${s.where} is refused: ${checked.reasons.join('; ')}`);
    const id = this.store.patients.insert(checked.input, now);
    cache.set(key, id);
    report.patientsCreated += 1;
    return ok(id);
  }
}
