import { assess } from '#shared/clinical/assess';
import { assessmentSchema } from '#shared/clinical/assessment';
import { underCurrentRules } from '#shared/clinical/currentRules';
import type { SiteProtocolId } from '#shared/clinical/protocols';
import type { Exam, WizardPosition } from '#shared/domain/exam';
import { blankFindings, protocolOfFindings } from '#shared/domain/examProtocol';
import { findingsSchema, type ExamStatus, type Findings } from '#shared/domain/findings';
import type { User } from '#shared/domain/users';
import type { ExamHistoryEntry } from '#shared/ipc/examOperations';
import { fail, ok, type Result } from '#shared/ipc/result';
import { summaryOf, type ExamRow } from '../../db/repositories/examRepository';
import type { Clock } from '../clock';
import type { SettingsService } from '../settings/settingsService';
import { writeTransaction } from '../transaction';
import type { Store } from '../../db/store';


/**
 * Foot examinations: start (or resume) a draft, autosave it, sign it off, amend a signed exam as
 * a new version. Signed exams are never overwritten. The assessment is always computed here,
 * from the stored findings, with the shared engine: the screen's live result is a preview.
 */
export class ExamService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    /** The recall intervals: every sign-off moves the patient's next due date. */
    private readonly settings: Pick<SettingsService, 'recall'>,
    /** The FHIR server outbox: whether sending is on, and who to tell when a signature was queued. */
    private readonly outbox: { sending: () => boolean; queued: () => void } = { sending: () => false, queued: () => undefined },
  ) {}

  get(id: number): Result<Exam> {
    const row = this.store.exams.findById(id);
    if (!row || row.state === 'discarded') return fail('not_found', 'No such examination.');
    return ok(this.toExam(row));
  }

  /**
   * A patient's screenings, newest first. A signed (or amended) exam whose category the current
   * rules would give differently carries what they give, to show beside it; the record is unchanged.
   */
  listForPatient(patientId: number): ExamHistoryEntry[] {
    return this.store.exams.summariesOf(patientId).map((summary) => {
      if (summary.state !== 'signed' && summary.state !== 'superseded') return summary;
      const row = this.store.exams.findById(summary.id);
      if (!row?.assessment_json) return summary;
      const comparison = underCurrentRules(assessmentSchema.parse(JSON.parse(row.assessment_json)), findingsSchema.parse(JSON.parse(row.findings_json)));
      if (comparison.text === null) return summary;
      return { ...summary, underCurrentRules: { text: comparison.text, signedUnder: comparison.signedUnder, currentRules: comparison.currentRules } };
    });
  }

  /** Starts a screening, or returns the patient's open draft so the nurse carries on where she was. */
  start(patientId: number, protocol: SiteProtocolId, examinedOn: string, user: User): Result<Exam & { resumed: boolean }> {
    const now = this.clock.now().toISOString();
    return writeTransaction(this.store.db, () => {
      const patient = this.store.patients.findById(patientId);
      if (!patient) return fail('not_found', 'No patient with that id.');
      if (patient.archivedAt !== null) return fail('conflict', 'This patient is archived. Restore the patient before screening.');
      const open = this.store.exams.draftOf(patientId);
      if (open) return ok({ ...this.toExam(open), resumed: true });
      const id = this.store.exams.insertDraft({
        patientId,
        seriesId: null,
        version: 1,
        protocol,
        examStatus: 'performed',
        examinedOn,
        findingsJson: JSON.stringify(blankFindings(protocol)),
        wizardJson: null,
        amendmentReason: null,
        now,
      });
      this.store.audit.append({ at: now, actor: user.username, action: 'exam.start', entity: 'exam', entityId: String(id), details: { patientId } });
      const row = this.store.exams.findById(id);
      return row ? ok({ ...this.toExam(row), resumed: false }) : fail('internal', 'The screening was not saved.');
    });
  }

  /** Autosave of a draft: findings as recorded so far and the position in the guided screen. */
  saveDraft(id: number, findings: Findings, wizard: WizardPosition | null): Result<{ id: number; updatedAt: string }> {
    const now = this.clock.now().toISOString();
    const row = this.store.exams.findById(id);
    if (!row) return fail('not_found', 'No such examination.');
    if (row.state !== 'draft') return fail('forbidden', 'This examination is signed and can no longer change. Amend it to record a correction.');
    const protocol = protocolOfFindings(findings, row.protocol as SiteProtocolId);
    const saved = this.store.exams.saveDraft({
      id,
      findingsJson: JSON.stringify(findings),
      wizardJson: wizard ? JSON.stringify(wizard) : null,
      examStatus: findings.examStatus ?? 'performed',
      protocol,
      now,
    });
    return saved ? ok({ id, updatedAt: now }) : fail('conflict', 'The draft could not be saved: it was signed or discarded meanwhile.');
  }

  /**
   * Signs the draft in the signer's name: findings, assessment (with rule-set versions), examiner
   * and time, per-foot and per-site rows and the audit entry, in one transaction.
   */
  sign(id: number, findings: Findings, user: User): Result<Exam> {
    const now = this.clock.now().toISOString();
    const assessment = assess(findings);
    const outcome = writeTransaction(this.store.db, () => {
      const row = this.store.exams.findById(id);
      if (!row) return fail('not_found', 'No such examination.');
      if (row.state !== 'draft') return fail('forbidden', 'This examination is already signed.');
      const protocol = protocolOfFindings(findings, row.protocol as SiteProtocolId);
      const signed = this.store.exams.sign(row, findings, assessment, protocol, { signedBy: user.username, signedByName: user.displayName, signedAt: now });
      if (!signed) return fail('conflict', 'The examination changed while signing. Reload and try again.');
      this.store.recall.refreshPatient(row.patient_id, this.settings.recall());
      // Queued with the signature (same transaction): a signed screening is never left unsent.
      if (this.outbox.sending()) this.store.outbox.enqueue(id, now);
      this.store.audit.append({
        at: now,
        actor: user.username,
        action: 'exam.sign',
        entity: 'exam',
        entityId: String(id),
        details: {
          patientId: row.patient_id,
          version: row.version,
          iwgdf2023: assessment.iwgdf2023.category,
          nice: assessment.nice.category,
          ruleSets: [`${assessment.iwgdf2023.ruleSet}@${assessment.iwgdf2023.ruleSetVersion}`, `${assessment.nice.ruleSet}@${assessment.nice.ruleSetVersion}`],
        },
      });
      return this.get(id);
    });
    // After the commit: the sender works in the background, the nurse never waits for the network.
    if (outcome.ok && this.outbox.sending()) this.outbox.queued();
    return outcome;
  }

  /** Discards a draft (after the screen asked); it stays in the file, marked discarded. */
  discard(id: number, user: User): Result<{ id: number }> {
    const now = this.clock.now().toISOString();
    return writeTransaction(this.store.db, () => {
      if (!this.store.exams.discard(id, now)) return fail('conflict', 'Only a draft can be discarded.');
      this.store.audit.append({ at: now, actor: user.username, action: 'exam.discard', entity: 'exam', entityId: String(id), details: {} });
      return ok({ id });
    });
  }

  /**
   * Starts an amendment of a signed exam: a new draft version of the same series with the same
   * findings and the reason. The signed version stays as it is until the amendment is signed.
   */
  amend(id: number, reason: string, user: User): Result<Exam> {
    const now = this.clock.now().toISOString();
    return writeTransaction(this.store.db, () => {
      const row = this.store.exams.findById(id);
      if (!row) return fail('not_found', 'No such examination.');
      if (row.state !== 'signed') return fail('conflict', 'Only the current signed version of an examination can be amended.');
      const open = this.store.exams.draftOf(row.patient_id);
      if (open) return fail('conflict', 'This patient has an unfinished screening. Finish or discard it first.');
      const newId = this.store.exams.insertDraft({
        patientId: row.patient_id,
        seriesId: row.series_id,
        version: row.version + 1,
        protocol: row.protocol as SiteProtocolId,
        examStatus: row.exam_status as ExamStatus,
        examinedOn: row.examined_on ?? now.slice(0, 10),
        findingsJson: row.findings_json,
        wizardJson: JSON.stringify({ step: 'review', side: null, site: null, pending: null } satisfies WizardPosition),
        amendmentReason: reason,
        now,
      });
      this.store.audit.append({ at: now, actor: user.username, action: 'exam.amend', entity: 'exam', entityId: String(newId), details: { amends: id, reason } });
      return this.get(newId);
    });
  }

  private toExam(row: ExamRow): Exam {
    return {
      ...summaryOf(row),
      sites: { right: null, left: null },
      findings: findingsSchema.parse(JSON.parse(row.findings_json)),
      assessment: row.assessment_json ? assessmentSchema.parse(JSON.parse(row.assessment_json)) : null,
      wizard: row.wizard_json ? (JSON.parse(row.wizard_json) as WizardPosition) : null,
    };
  }
}
