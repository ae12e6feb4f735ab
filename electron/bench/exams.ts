import { addPatient, fullBilateralFindings, nurse } from '../testing/clinic';
import { openTestApp } from '../testing/testApp';
import { median } from './measure';

export interface ExamFigures {
  saveMs: number;
  open30Ms: number;
}

/**
 * exam-save: signing a full bilateral exam (findings and assessment JSON, per-foot and per-site
 * rows, audit entry, one transaction; the draft is started outside the timing). patient-open-30:
 * what the patient page loads (the patient and the list of their 30 exams).
 */
export function benchExams(runs: number): ExamFigures {
  const app = openTestApp();
  const { patients, exams } = app.services;
  const findings = fullBilateralFindings();
  const saves: number[] = [];
  let heavyPatient = 0;
  for (let i = 0; i < runs; i++) {
    const patientId = addPatient(app, { familyName: 'Bench', givenNames: `Patient ${i}`, dateOfBirth: '1950-01-01', clinicIdentifier: `B-${i}` });
    const draft = exams.start(patientId, '10-site', '2026-01-01', nurse);
    if (!draft.ok) throw new Error(draft.error.message);
    const start = performance.now();
    const signed = exams.sign(draft.value.id, findings, nurse);
    saves.push(performance.now() - start);
    if (!signed.ok) throw new Error(signed.error.message);
    if (i === 0) heavyPatient = patientId;
  }
  // 29 more signed exams for the first patient: 30 in all.
  for (let i = 0; i < 29; i++) {
    const draft = exams.start(heavyPatient, '10-site', `2024-${String((i % 12) + 1).padStart(2, '0')}-01`, nurse);
    if (!draft.ok) throw new Error(draft.error.message);
    exams.sign(draft.value.id, findings, nurse);
  }
  const opens: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const p = patients.get(heavyPatient);
    const list = exams.listForPatient(heavyPatient);
    opens.push(performance.now() - start);
    if (!p.ok || list.length !== 30) throw new Error(`expected 30 exams, got ${list.length}`);
  }
  app.dispose();
  return { saveMs: median(saves.slice(Math.min(20, runs / 10))), open30Ms: median(opens.slice(Math.min(20, runs / 10))) };
}
