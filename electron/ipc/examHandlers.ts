import type { examOperations } from '#shared/ipc/examOperations';
import { ok } from '#shared/ipc/result';
import type { AppServices } from '../services/appServices';
import { signedIn, type HandlersOf } from './handlerContext';

export function examHandlers({ exams }: AppServices): HandlersOf<typeof examOperations> {
  return {
    startScreening: (r, c) => exams.start(r.patientId, r.protocol, r.examinedOn, signedIn(c)),
    getExam: (r) => exams.get(r.id),
    saveExamDraft: (r) => exams.saveDraft(r.id, r.findings, r.wizard),
    signExam: (r, c) => exams.sign(r.id, r.findings, signedIn(c)),
    discardExamDraft: (r, c) => exams.discard(r.id, signedIn(c)),
    amendExam: (r, c) => exams.amend(r.id, r.reason, signedIn(c)),
    listPatientExams: (r) => ok(exams.listForPatient(r.patientId)),
  };
}
