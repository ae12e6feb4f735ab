import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { examHistoryEntrySchema } from '#shared/ipc/examOperations';
import { addPatient, nurse, signedExam, vignette } from '../../testing/clinic';
import { fixedClock, openTestApp, type TestApp } from '../../testing/testApp';

/**
 * A patient's history beside an exam signed under older rules: what the current rules give, when
 * it differs. The old exam is V43 as the first engine (1.0.0) signed it (its stored assessment).
 */

interface SignedRecord {
  id: string;
  findings: unknown;
  assessment: { engineVersion: string; iwgdf2023: { ruleSetVersion: string }; nice: { ruleSetVersion: string } };
}
const records = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../shared/clinical/fixtures/signed-engine-1.0.0.json', import.meta.url)), 'utf8'),
) as SignedRecord[];

let app: TestApp;
beforeEach(() => {
  app = openTestApp(fixedClock('2026-11-25T10:00:00.000Z'));
});
afterEach(() => app.dispose());

/** Stores the first engine's assessment and findings on a signed exam, as that engine wrote them. */
function signedUnderFirstEngine(patientId: number, examinedOn: string, id: string): number {
  const record = records.find((r) => r.id === id);
  if (!record) throw new Error(`no record ${id}`);
  const examId = signedExam(app, patientId, examinedOn, vignette(id));
  app.db
    .prepare('UPDATE exam SET findings_json = ?, assessment_json = ?, iwgdf_category = ?, nice_category = ?, iwgdf_rule_set = ?, nice_rule_set = ?, engine_version = ? WHERE id = ?')
    .run(JSON.stringify(record.findings), JSON.stringify(record.assessment), '1', 'moderate', record.assessment.iwgdf2023.ruleSetVersion, record.assessment.nice.ruleSetVersion, record.assessment.engineVersion, examId);
  return examId;
}

describe('history under the current rules', () => {
  it('says beside an old signed exam what the current rules give, and nothing beside one signed under them', () => {
    const p = addPatient(app);
    const old = signedUnderFirstEngine(p, '2025-03-01', 'V43');
    const recent = signedExam(app, p, '2026-03-01', vignette('V43'));
    const history = app.services.exams.listForPatient(p);
    for (const entry of history) expect(examHistoryEntrySchema.safeParse(entry).success).toBe(true);
    const byId = new Map(history.map((e) => [e.id, e]));
    expect(byId.get(old)).toMatchObject({
      iwgdfCategory: '1',
      niceCategory: 'moderate',
      underCurrentRules: {
        text: 'Under the current rules: IWGDF 2023 Category 3 (high risk), signed as Category 1 (low risk); NICE NG19 High risk, signed as Moderate risk.',
        signedUnder: 'IWGDF-2023 1.0.0, NICE-NG19 1.0.0, engine 1.0.0',
      },
    });
    expect(byId.get(recent)?.underCurrentRules).toBeUndefined();
    expect(byId.get(recent)).toMatchObject({ iwgdfCategory: '3', niceCategory: 'high' });
    // The signed record itself is unchanged.
    const stored = app.db.prepare('SELECT iwgdf_category, nice_category, engine_version FROM exam WHERE id = ?').get(old);
    expect(stored).toEqual({ iwgdf_category: '1', nice_category: 'moderate', engine_version: '1.0.0' });
  });

  it('leaves drafts alone', () => {
    const p = addPatient(app);
    const draft = app.services.exams.start(p, 'iwgdf-3', '2026-11-20', nurse);
    if (!draft.ok) throw new Error(draft.error.message);
    expect(app.services.exams.listForPatient(p)).toEqual([expect.not.objectContaining({ underCurrentRules: expect.anything() })]);
  });
});
