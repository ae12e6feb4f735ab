import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey } from '../electron/db/cipher';
import { findClinicKey } from '../electron/security/clinicKey';
import { expect, test } from './support/harness';
import { patient, shown, signedExam, vignette } from './support/history';

/**
 * An exam signed under older rules, on the patient's history: the note of what the current rules
 * give, in words, beside it. The old exam is V43 as the first engine (1.0.0) signed it (its stored
 * assessment and findings), written into the harness's own database file.
 */

interface SignedRecord {
  id: string;
  findings: unknown;
  assessment: { engineVersion: string; iwgdf2023: { ruleSetVersion: string }; nice: { ruleSetVersion: string } };
}

function signUnderFirstEngine(dbFile: string, examId: number, id: string): void {
  const records = JSON.parse(readFileSync(new URL('../shared/clinical/fixtures/signed-engine-1.0.0.json', import.meta.url), 'utf8')) as SignedRecord[];
  const record = records.find((r) => r.id === id);
  const key = findClinicKey(dbFile);
  if (!record || key.kind !== 'found') throw new Error('no record or no clinic key');
  const db = new Database(dbFile, { fileMustExist: true });
  try {
    applyKey(db, key.key.database);
    db.prepare('UPDATE exam SET findings_json = ?, assessment_json = ?, iwgdf_category = ?, nice_category = ?, iwgdf_rule_set = ?, nice_rule_set = ?, engine_version = ? WHERE id = ?').run(
      JSON.stringify(record.findings),
      JSON.stringify(record.assessment),
      '1',
      'moderate',
      record.assessment.iwgdf2023.ruleSetVersion,
      record.assessment.nice.ruleSetVersion,
      record.assessment.engineVersion,
      examId,
    );
  } finally {
    db.close();
  }
}

test('the history says beside an exam signed under older rules what the current rules give', async ({ app, harness }, info) => {
  const id = await patient(harness, 'Ó Súilleabháin', 'Órla', { clinicIdentifier: 'OLD-RULES-1' });
  const old = await signedExam(harness, id, '2025-03-12', vignette('V43'));
  await signedExam(harness, id, '2026-03-12', vignette('V43'));
  signUnderFirstEngine(harness.dbFile, old, 'V43');

  await app.goto(`${harness.url}#/patients/${id}`);
  const table = app.getByRole('table', { name: 'Screenings, newest first' });
  const rows = table.getByRole('row');
  // Heading, the current exam, the old exam, and the note about the old one.
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(2)).toContainText(shown('2025-03-12'));
  await expect(rows.nth(2)).toContainText('Category 1');
  await expect(rows.nth(3)).toContainText(
    `Screening of ${shown('2025-03-12')}: Under the current rules: IWGDF 2023 Category 3 (high risk), signed as Category 1 (low risk); NICE NG19 High risk, signed as Moderate risk.`,
  );
  await expect(rows.nth(3)).toContainText('Signed under IWGDF-2023 1.0.0, NICE-NG19 1.0.0, engine 1.0.0');
  await expect(rows.nth(3)).toContainText('The signed record is unchanged.');
  // The exam signed under the current rules has no note.
  await expect(table.getByText('Under the current rules')).toHaveCount(1);
  await app.locator('main').screenshot({ path: info.outputPath('history-current-rules.png') });
});
