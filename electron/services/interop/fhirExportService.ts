import fs from 'node:fs/promises';
import type { Bundle } from '@medplum/fhirtypes';
import type { Delivery } from '#shared/domain/files';
import type { Patient } from '#shared/domain/patient';
import { roles, type Role } from '#shared/domain/users';
import { screeningTransaction, type ScreeningForFhir } from '#shared/fhir/examBundle';
import { exportContext, type FhirExportContext } from '#shared/fhir/identity';
import type { ExchangePatient } from '#shared/interop/exchangePatient';
import { fail, ok, type Result } from '#shared/ipc/result';
import { reportableExam } from '#shared/report/reportInput';
import type { Store } from '../../db/store';
import { writeBulkNdjson, type BulkExportResult } from '../../interop/fhir/bulkNdjson';
import { loadR4Definitions } from '../../interop/fhir/r4Validator';
import type { Actor } from '../actor';
import type { Clock } from '../clock';
import type { ExamService } from '../exams/examService';
import type { FileSink } from '../files/fileSink';
import { safeFileName } from '../files/fileSink';
import type { ReportService } from '../reports/reportService';
import { renderReportFiles } from '../reports/renderReportFiles';
import type { SettingsService } from '../settings/settingsService';
import { writeTransaction } from '../transaction';
import { installationId } from './installation';

const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value);

export interface FhirExportDeps {
  store: Store;
  clock: Clock;
  exams: ExamService;
  reports: ReportService;
  settings: SettingsService;
  files: FileSink;
}

/** The patient record as the FHIR mapping exchanges it. */
export function exchangePatientOf(p: Patient): ExchangePatient {
  const lines = [p.addressLine1, p.addressLine2, p.addressLine3].filter((l): l is string => l !== null && l !== '');
  const hasAddress = lines.length > 0 || p.town !== null || p.postcode !== null;
  return {
    familyName: p.familyName,
    givenNames: p.givenNames,
    title: p.title,
    dateOfBirth: p.dateOfBirth,
    sex: p.sex,
    nationalNumber: p.nationalNumber,
    clinicIdentifier: p.clinicIdentifier,
    diabetesType: p.diabetesType,
    diagnosisYear: p.diagnosisYear,
    phone: p.phone,
    mobile: p.mobilePhone,
    email: p.email,
    address: hasAddress ? { lines, city: p.town, district: null, postcode: p.postcode } : null,
    gpPractice: p.gpPractice !== null || p.gpPracticeCode !== null ? { name: p.gpPractice, code: p.gpPracticeCode } : null,
    usualGp: null,
    preferredLanguage: p.preferredLanguage,
    interpreterNeeded: p.interpreterNeeded ? true : null,
    dateOfDeath: null,
  };
}

/**
 * FHIR R4 export of signed screenings: one screening as a transaction Bundle (with the clinician
 * report PDF as `DiagnosticReport.presentedForm`), or every signed screening as FHIR Bulk Data
 * NDJSON. Every Bundle is checked against the R4 definitions before anything is written: a
 * screening that would not be valid R4 is refused with the element named, never sent half-right.
 */
export class FhirExportService {
  private readonly signedIdsStmt;

  constructor(private readonly deps: FhirExportDeps) {
    this.signedIdsStmt = deps.store.db.prepare<[], { id: number }>("SELECT id FROM exam WHERE state IN ('signed', 'superseded') ORDER BY patient_id, series_id, version");
  }

  context(): FhirExportContext {
    return exportContext(installationId(this.deps.store, this.deps.clock), this.deps.settings.clinic().nationalNumberFormat);
  }

  /** One signed screening (any version) as the mapping takes it; with the clinician report when `withReport`. */
  async screening(examId: number, withReport: boolean): Promise<Result<ScreeningForFhir>> {
    const exam = this.deps.exams.get(examId);
    if (!exam.ok) return exam;
    const signed = reportableExam(exam.value);
    if (!signed.ok) return signed;
    const patient = this.deps.store.patients.findById(signed.value.patientId);
    if (!patient) return fail('not_found', 'The screening has no patient.');
    const username = signed.value.signedBy ?? 'unknown';
    // A screening imported from elsewhere keeps its series and signer identifiers (never a local account).
    const origin = this.deps.store.examOrigins.ofExam(examId);
    const user = origin ? undefined : this.deps.store.users.findByUsername(username);
    const input: ScreeningForFhir = {
      patient: exchangePatientOf(patient),
      screening: {
        seriesId: signed.value.seriesId,
        version: signed.value.version,
        protocol: signed.value.protocol,
        examinedOn: signed.value.examinedOn,
        signedAt: signed.value.signedAt,
        signedBy: username,
        signedByName: signed.value.signedByName ?? user?.displayName ?? username,
        amendmentReason: signed.value.amendmentReason,
        findings: signed.value.findings,
        assessment: signed.value.assessment,
      },
      signer: { username, displayName: user?.displayName ?? signed.value.signedByName ?? username, role: user?.role ?? 'nurse' },
    };
    if (origin && isRole(origin.signerRole)) {
      input.series = { system: origin.seriesSystem, value: origin.seriesValue };
      input.signer = {
        username: origin.signerValue.split('/').pop() ?? origin.signerValue,
        displayName: origin.signerName,
        role: origin.signerRole,
        identifier: { ...(origin.signerSystem ? { system: origin.signerSystem } : {}), value: origin.signerValue },
      };
      input.screening.signedBy = input.signer.username;
    }
    if (!withReport) return ok(input);
    const reportInput = this.deps.reports.input(examId);
    if (!reportInput.ok) return reportInput;
    const [file] = await renderReportFiles(reportInput.value, { parts: ['clinician'], largePrint: false, combined: true });
    if (!file) return fail('internal', 'The clinician report could not be made.');
    return ok({ ...input, report: { pdf: new Uint8Array(file.bytes), createdAt: reportInput.value.generatedAt } });
  }

  /** The transaction Bundle of one signed screening, checked as R4. */
  async bundle(examId: number): Promise<Result<Bundle>> {
    const input = await this.screening(examId, true);
    if (!input.ok) return input;
    const bundle = screeningTransaction(input.value, this.context());
    const r4 = await loadR4Definitions();
    const issues = r4.validate(bundle);
    if (issues.length > 0) {
      const shown = issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`);
      return fail('internal', `The screening does not make valid FHIR R4, so nothing was written: ${shown.join('; ')}`);
    }
    return ok(bundle);
  }

  /** Delivers one screening's Bundle as a JSON file (save dialog, or a download in the harness), audited. */
  async exportScreening(examId: number, actor: Actor): Promise<Result<{ delivery: Delivery }>> {
    const bundle = await this.bundle(examId);
    if (!bundle.ok) return bundle;
    const exam = this.deps.exams.get(examId);
    const when = exam.ok ? (exam.value.examinedOn ?? '') : '';
    const name = safeFileName(`FHIR screening ${when} ${exam.ok ? `v${exam.value.version}` : ''}`.replace(/\s+/g, ' ').trim()) + '.json';
    const delivery = await this.deps.files.deliver(name, 'fhir', 'save', (target) => fs.writeFile(target, `${JSON.stringify(bundle.value, null, 2)}\n`));
    if (delivery.kind === 'cancelled') return ok({ delivery });
    return writeTransaction(this.deps.store.db, () => {
      this.deps.store.audit.append({
        at: this.deps.clock.now().toISOString(),
        actor: actor.name,
        action: 'export.fhir',
        entity: 'exam',
        entityId: String(examId),
        details: { form: 'transaction-bundle' },
      });
      return ok({ delivery });
    });
  }

  /**
   * Every signed screening (amended versions too, so the chain is complete) as Bulk Data NDJSON in
   * `dir`, each screening's resources validated before its lines are written. Clinician report
   * PDFs only with `withReports` (a PDF per screening makes a large, slow export).
   */
  async exportBulk(dir: string, actor: Actor, options: { withReports?: boolean; onScreening?: (done: number, total: number) => void } = {}): Promise<Result<BulkExportResult>> {
    const r4 = await loadR4Definitions();
    const context = this.context();
    const ids = this.signedIdsStmt.all().map((r) => r.id);
    const refused: string[] = [];
    const screenings = async function* (self: FhirExportService): AsyncGenerator<ScreeningForFhir> {
      for (const id of ids) {
        const input = await self.screening(id, options.withReports ?? false);
        if (!input.ok) {
          refused.push(`screening ${id}: ${input.error.message}`);
          continue;
        }
        const issues = r4.validate(screeningTransaction(input.value, context));
        if (issues.length > 0) {
          refused.push(`screening ${id}: ${issues[0]?.path ?? ''}: ${issues[0]?.message ?? ''}`);
          continue;
        }
        yield input.value;
      }
    };
    const result = await writeBulkNdjson(screenings(this), dir, context, {
      transactionTime: this.deps.clock.now().toISOString(),
      onScreening: (done) => options.onScreening?.(done, ids.length),
    });
    if (refused.length > 0) return fail('validation_failed', `${refused.length} screenings were not exported: ${refused.slice(0, 3).join('; ')}`);
    writeTransaction(this.deps.store.db, () => {
      this.deps.store.audit.append({
        at: this.deps.clock.now().toISOString(),
        actor: actor.name,
        action: 'export.fhir',
        entity: 'exam',
        entityId: null,
        details: { form: 'bulk-ndjson', screenings: result.screenings },
      });
      return ok(null);
    });
    return ok(result);
  }
}
