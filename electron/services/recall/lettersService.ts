import fs from 'node:fs/promises';
import type { Delivery, DeliveryMode } from '#shared/domain/files';
import { fail, ok, type Result } from '#shared/ipc/result';
import { invitationLetters, lettersFileName, type LetterInput } from '#shared/report/invitationLetter';
import { renderReportPdf } from '../../pdf/reportPdf';
import type { Store } from '../../db/store';
import { localIsoDate, type Clock } from '../clock';
import type { FileSink } from '../files/fileSink';
import type { JobReporter } from '../jobs/jobProgress';
import { yieldToOthers } from '../jobs/jobProgress';
import type { Actor } from '../actor';
import type { SettingsService } from '../settings/settingsService';
import { writeTransaction } from '../transaction';
import type { RecallService } from './recallService';

export interface LettersRequest {
  patientIds: readonly number[];
  recordContact: boolean;
  mode: DeliveryMode;
}

export interface LettersDeps {
  store: Store;
  clock: Clock;
  settings: Pick<SettingsService, 'clinic' | 'recall'>;
  recall: RecallService;
  files: FileSink;
}

/**
 * Invitation letters for the patients chosen on the worklist: one PDF, one page each,
 * delivered through the FileSink; then "letter sent" recorded for each patient (if asked) and a
 * `letters.print` audit entry, in one transaction. Nothing is recorded when the save is cancelled.
 *
 * Progress: reading the patients is reported letter by letter; pdfmake lays out and renders the
 * whole document in one synchronous call, so that step reports its size only. A batch is capped
 * (maxLettersPerPdf) so that call stays within a couple of seconds.
 */
export class LettersService {
  constructor(private readonly deps: LettersDeps) {}

  async print(request: LettersRequest, actor: Actor, job: JobReporter): Promise<Result<{ delivery: Delivery; letters: number; contactsRecorded: number }>> {
    const letterDate = localIsoDate(this.deps.clock.now());
    const generatedAt = this.deps.clock.now().toISOString();
    job.step('Preparing the letters', request.patientIds.length);
    const letters: LetterInput[] = [];
    for (const [i, patientId] of request.patientIds.entries()) {
      const patient = this.deps.store.patients.findById(patientId);
      if (!patient) return fail('not_found', 'One of the chosen patients no longer exists. Reload the worklist.');
      if (patient.archivedAt !== null) return fail('conflict', `${patient.clinicIdentifier} is archived: archived patients are not recalled. Reload the worklist.`);
      const recall = this.deps.store.recall.ofPatient(patientId);
      letters.push({ patient, lastExaminedOn: recall?.recall_examined_on ?? null, dueOn: recall?.recall_due_on ?? null });
      if (i % 25 === 24) {
        job.advance(i + 1);
        await yieldToOthers();
      }
    }
    job.advance(letters.length);
    job.step('Making the PDF', letters.length);
    await yieldToOthers();
    const settings = this.deps.settings;
    const batch = { letters, clinicName: settings.clinic().clinicName, bookingText: settings.recall().bookingText, letterDate, generatedAt };
    const bytes = await renderReportPdf(invitationLetters(batch));
    job.step(request.mode === 'save' ? 'Saving the PDF' : 'Opening the PDF', null);
    const delivery = await this.deps.files.deliver(lettersFileName(batch), 'pdf', request.mode, (target) => fs.writeFile(target, bytes));
    if (delivery.kind === 'cancelled') return ok({ delivery, letters: 0, contactsRecorded: 0 });
    const now = this.deps.clock.now().toISOString();
    return writeTransaction(this.deps.store.db, () => {
      const contactsRecorded = request.recordContact ? this.deps.recall.recordLettersSent(request.patientIds, letterDate, actor, now) : 0;
      this.deps.store.audit.append({
        at: now,
        actor: actor.name,
        action: 'letters.print',
        entity: 'patient',
        entityId: null,
        details: { letters: letters.length, patientIds: [...request.patientIds], contactsRecorded, mode: request.mode },
      });
      return ok({ delivery, letters: letters.length, contactsRecorded });
    });
  }
}
