import fs from 'node:fs/promises';
import type { Delivery, DeliveryMode } from '#shared/domain/files';
import type { User } from '#shared/domain/users';
import { fail, ok, type Result } from '#shared/ipc/result';
import { roleLabels } from '#shared/domain/users';
import { reportableExam, type ReferralChoice, type ReportInput } from '#shared/report/reportInput';
import { checkParts } from '#shared/report/reportPack';
import { availableReportParts, type ReportPart, type ReportPartAvailability } from '#shared/report/reportParts';
import type { Store } from '../../db/store';
import type { Clock } from '../clock';
import type { ExamService } from '../exams/examService';
import type { FileSink } from '../files/fileSink';
import type { PatientService } from '../patients/patientService';
import type { SettingsService } from '../settings/settingsService';
import { writeTransaction } from '../transaction';
import { renderReportFiles } from './renderReportFiles';

export interface ReportRequest {
  examId: number;
  parts: readonly ReportPart[];
  /** Large type for the patient copy. */
  largePrint: boolean;
  /** One PDF with every part, or one PDF per part. */
  combined: boolean;
  mode: DeliveryMode;
  /** Print the details appendix after the clinician report. */
  details?: boolean;
  /** The referral letter's destination (id in Settings, null: the service the result names) and reason. */
  referral?: { destinationId: string | null; reason: string };
}

export interface ReportServiceDeps {
  store: Store;
  clock: Clock;
  exams: ExamService;
  patients: PatientService;
  settings: SettingsService;
  files: FileSink;
  /** IANA zone for printed times; the computer's own by default. */
  timeZone?: string;
}

/** The computer's time zone, for printed times ("signed 25 November 2026, 10:00 GMT"). */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * The report pack of a signed exam: which parts it has, and the PDF(s) delivered
 * through the FileSink (save dialog or OS viewer on the desktop, download links in the harness),
 * with an audit entry. Drafts have no report: a report says what was signed.
 */
export class ReportService {
  constructor(private readonly deps: ReportServiceDeps) {}

  /** Everything a report prints: the signed exam, its patient, the clinic name. */
  input(examId: number): Result<ReportInput> {
    const exam = this.deps.exams.get(examId);
    if (!exam.ok) return exam;
    const signed = reportableExam(exam.value);
    if (!signed.ok) return signed;
    const patient = this.deps.patients.get(signed.value.patientId);
    if (!patient.ok) return patient;
    const clinic = this.deps.settings.clinic();
    const signer = signed.value.signedBy ? this.deps.store.users.findByUsername(signed.value.signedBy) : null;
    return ok({
      patient: patient.value,
      exam: signed.value,
      clinicName: clinic.clinicName,
      contacts: { clinicPhone: clinic.clinicPhone, emergencyNumber: clinic.emergencyNumber },
      clinicAddress: clinic.clinicAddress,
      ...(signer
        ? { examiner: { name: signed.value.signedByName ?? signer.displayName, role: roleLabels[signer.role], registrationNumber: signer.registrationNumber } }
        : {}),
      generatedAt: this.deps.clock.now().toISOString(),
      timeZone: this.deps.timeZone ?? systemTimeZone(),
    });
  }

  /** The referral choice of a request: the destination looked up in Settings. */
  private referralChoice(request: ReportRequest): Result<ReferralChoice | undefined> {
    if (!request.referral) return ok(undefined);
    const { destinationId, reason } = request.referral;
    if (destinationId === null) return ok({ destination: null, reason });
    const destination = this.deps.settings.clinic().referralDestinations.find((d) => d.id === destinationId);
    if (!destination) return fail('not_found', 'That referral destination is no longer in Settings. Choose another, or ask an administrator to add it.');
    return ok({ destination, reason });
  }

  listParts(examId: number): Result<{ examId: number; parts: ReportPartAvailability[] }> {
    const input = this.input(examId);
    if (!input.ok) return input;
    return ok({ examId, parts: availableReportParts(input.value.exam) });
  }

  async render(request: ReportRequest, user: User): Promise<Result<{ deliveries: Delivery[] }>> {
    const base = this.input(request.examId);
    if (!base.ok) return base;
    const referral = this.referralChoice(request);
    if (!referral.ok) return referral;
    const input = { value: { ...base.value, details: request.details ?? false, ...(referral.value ? { referral: referral.value } : {}) } satisfies ReportInput };
    const parts = checkParts(input.value, request.parts);
    if (!parts.ok) return parts;
    const naming = this.deps.settings.clinic().reportFileNaming;
    const files = await renderReportFiles(input.value, { parts: parts.value, largePrint: request.largePrint, combined: request.combined, naming });
    const deliveries: Delivery[] = [];
    for (const file of files) {
      const delivery = await this.deps.files.deliver(file.fileName, 'pdf', request.mode, (target) => fs.writeFile(target, file.bytes));
      deliveries.push(delivery);
      // Cancelling one save dialog cancels the rest: the nurse changed her mind.
      if (delivery.kind === 'cancelled') break;
    }
    const delivered = deliveries.filter((d) => d.kind !== 'cancelled').length;
    if (delivered === 0) return ok({ deliveries });
    const exam = input.value.exam;
    return writeTransaction(this.deps.store.db, () => {
      this.deps.store.audit.append({
        at: this.deps.clock.now().toISOString(),
        actor: user.username,
        action: 'report.create',
        entity: 'exam',
        entityId: String(exam.id),
        details: {
          patientId: exam.patientId,
          version: exam.version,
          parts: parts.value,
          combined: request.combined,
          largePrint: request.largePrint,
          mode: request.mode,
          files: delivered,
          details: request.details ?? false,
          ...(referral.value && parts.value.includes('referral')
            ? { referral: { destinationId: referral.value.destination?.id ?? null, service: referral.value.destination?.service ?? null, reason: referral.value.reason } }
            : {}),
          generatedAt: input.value.generatedAt,
        },
      });
      return ok({ deliveries });
    });
  }
}
