import type { Findings, FootFindings } from '#shared/domain/findings';
import { patientInputSchema } from '#shared/domain/patient';
import type { User } from '#shared/domain/users';
import { silentLogger } from '../log/logger';
import { openApplication } from '../services/openApplication';
import { DownloadStore } from '../web/downloads';
import { median } from './measure';

const nurse: User = { id: 1, username: 'bench', displayName: 'Bench Nurse', role: 'nurse', createdAt: '', disabledAt: null };

/** A fully recorded bilateral 10-site exam with raw answers at every site (the heaviest normal save). */
export function fullBilateralFindings(): Findings {
  const answers = { applications: [{ sham: false, response: 'yes' }, { sham: true, response: 'no' }, { sham: false, response: 'yes' }] } as const;
  const sites = Object.fromEntries(
    ['hallux', 'toe3', 'toe5', 'mth1', 'mth3', 'mth5', 'medialMidfoot', 'lateralMidfoot', 'heel', 'dorsum'].map((k) => [k, { applications: [...answers.applications] }]),
  );
  const foot: FootFindings = {
    status: 'present',
    monofilament: { protocol: '10-site', sites },
    vibration: { method: 'tuning-fork-128', site: 'hallux', applications: [...answers.applications] },
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

export interface ExamFigures {
  saveMs: number;
  open30Ms: number;
}

/**
 * exam-save: signing a full bilateral exam (findings and assessment JSON, per-foot and per-site
 * rows, audit entry, one transaction; the draft is started outside the timing). patient-open-30:
 * what the patient page loads (the patient and the list of their 30 exams).
 */
export function benchExams(file: string, runs: number): ExamFigures {
  const downloads = new DownloadStore();
  const opened = openApplication({ dataFile: file, shell: 'browser', log: silentLogger, files: downloads });
  if (!opened.ok) throw new Error(opened.message);
  const { app } = opened;
  const { patients, exams } = app.services;
  const findings = fullBilateralFindings();
  const saves: number[] = [];
  let heavyPatient = 0;
  for (let i = 0; i < runs; i++) {
    const p = patients.create(
      patientInputSchema.parse({ familyName: 'Bench', givenNames: `Patient ${i}`, dateOfBirth: '1950-01-01', sex: 'female', clinicIdentifier: `B-${i}`, diabetesType: 'type2' }),
      { name: 'bench' },
    );
    if (!p.ok) throw new Error(p.error.message);
    const draft = exams.start(p.value.id, '10-site', '2026-01-01', nurse);
    if (!draft.ok) throw new Error(draft.error.message);
    const start = performance.now();
    const signed = exams.sign(draft.value.id, findings, nurse);
    saves.push(performance.now() - start);
    if (!signed.ok) throw new Error(signed.error.message);
    if (i === 0) heavyPatient = p.value.id;
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
  app.close();
  downloads.dispose();
  return { saveMs: median(saves.slice(Math.min(20, runs / 10))), open30Ms: median(opens.slice(Math.min(20, runs / 10))) };
}
