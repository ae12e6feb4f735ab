import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultRecallSettings } from '#shared/domain/recallSettings';
import { formatDate } from '#shared/report/reportText';
import { addPatient, nurse, nurseActor, signedExam, vignette } from '../../testing/clinic';
import { pdfText } from '../../testing/poppler';
import { fixedClock, openTestApp, type TestApp } from '../../testing/testApp';

/**
 * An incomplete result: what the clinician report and the patient copy say about the next foot
 * check, against the date the worklist recalls the patient on. V41 (revision 2) is incomplete
 * under both guidelines: NICE low or moderate, IWGDF 0 or 1.
 */

let app: TestApp;
beforeEach(() => {
  app = openTestApp(fixedClock('2026-11-25T10:00:00.000Z'), { timeZone: 'Europe/London' });
});
afterEach(() => app.dispose());

async function texts(examId: number): Promise<{ clinician: string; patient: string }> {
  const result = await app.services.reports.render({ examId, parts: ['clinician', 'patient'], largePrint: false, combined: false, mode: 'save' }, nurse);
  if (!result.ok) throw new Error(result.error.message);
  const [clinician, patient] = result.value.deliveries.map((d) => pdfText(app.files.fileOf(d)).replace(/\s+/g, ' '));
  return { clinician: clinician ?? '', patient: patient ?? '' };
}

function recallOf(patientId: number): { dueOn: string | null; months: number | null } {
  const r = app.services.recall.forPatient(patientId);
  if (!r.ok) throw new Error(r.error.message);
  return { dueOn: r.value.dueOn, months: r.value.months };
}

describe('the follow-up of an incomplete result on paper and on the worklist', () => {
  it('states the same date as the worklist when the clinic keeps the guideline intervals', async () => {
    // An incomplete interval longer than the possible categories': the worklist takes theirs.
    app.services.settings.updateRecall({ ...defaultRecallSettings, incompleteMonths: 6 }, nurseActor);
    const patientId = addPatient(app, { familyName: 'Żak', givenNames: 'Łucja', clinicIdentifier: 'Z1' });
    const examId = signedExam(app, patientId, '2026-11-25', vignette('V41'));
    const recall = recallOf(patientId);
    expect(recall).toEqual({ dueOn: '2027-02-25', months: 3 });
    const { clinician, patient } = await texts(examId);
    const due = formatDate(recall.dueOn ?? '');
    expect(clinician).toContain(`By ${due} (the result is incomplete: until it is settled)`);
    expect(patient).toContain(`Your next foot check is due by ${due}.`);
  });

  it('with the default incomplete interval (1 month) the worklist invites sooner than the date on paper, never later', async () => {
    const patientId = addPatient(app, { familyName: 'Żak', givenNames: 'Łucja', clinicIdentifier: 'Z1' });
    const examId = signedExam(app, patientId, '2026-11-25', vignette('V41'));
    expect(recallOf(patientId)).toEqual({ dueOn: '2026-12-25', months: 1 });
    const { clinician, patient } = await texts(examId);
    expect(clinician).toContain(`By ${formatDate('2027-02-25')} (the result is incomplete: until it is settled)`);
    expect(patient).toContain(`Your next foot check is due by ${formatDate('2027-02-25')}.`);
  });
});
