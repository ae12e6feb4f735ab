import type { Findings, FootFindings } from '#shared/domain/findings';
import { adminAccount, expect, test } from './support/harness';
import { vignette } from './support/history';
import { answerAs, Keys, openNewPatient, startScreening } from './support/screening';

test.describe('guided foot screening', () => {
  test('a complete normal bilateral IWGDF 3-site screen takes at most 40 key presses and is stored signed', async ({ app, harness }) => {
    await openNewPatient(app, harness);
    await startScreening(app);
    const keys = new Keys(app);

    await keys.press('Enter');
    await expect(app.getByRole('heading', { name: 'Sensation', level: 2 })).toBeVisible();
    for (let i = 0; i < 18; i++) {
      if (i < 17) await answerAs(app, keys, 'normal');
      else await keys.press((await app.locator('[data-touch]').first().getAttribute('data-touch')) === 'sham' ? 'n' : 'y');
    }
    await expect(app.getByRole('heading', { name: 'Vibration', level: 2 })).toBeVisible();
    for (let i = 0; i < 6; i++) {
      if (i < 5) await answerAs(app, keys, 'normal');
      else await keys.press((await app.locator('[data-touch]').first().getAttribute('data-touch')) === 'sham' ? 'n' : 'y');
    }
    await expect(app.getByRole('heading', { name: 'Circulation', level: 2 })).toBeVisible();
    for (let i = 0; i < 4; i++) await keys.press('p');
    await keys.press('n');
    for (const step of ['Skin', 'Deformity', 'History', 'Symptoms']) {
      await expect(app.getByRole('heading', { name: step, level: 2 })).toBeVisible();
      await keys.press('n');
    }
    await expect(app.getByRole('heading', { name: 'Review & sign', level: 2 })).toBeVisible();
    await expect(app.getByText('IWGDF 2023: category 0', { exact: false })).toBeVisible();
    await keys.press('s');
    await expect(app.getByRole('dialog', { name: 'Sign this screening?' })).toBeVisible();
    await keys.press('Enter');
    await expect(app.getByText('Signed, read-only')).toBeVisible();

    expect(keys.count).toBeLessThanOrEqual(40);
    test.info().annotations.push({ type: 'key presses', description: String(keys.count) });
    const exams = harness.query<{ state: string; iwgdf_category: string; nice_category: string; signed_by: string; signed_by_name: string }>(
      'SELECT state, iwgdf_category, nice_category, signed_by, signed_by_name FROM exam',
    );
    expect(exams).toEqual([{ state: 'signed', iwgdf_category: '0', nice_category: 'low', signed_by: 'admin', signed_by_name: adminAccount.displayName }]);
    const sites = harness.query<{ n: number }>("SELECT count(*) AS n FROM exam_site_result WHERE test = 'monofilament' AND result = 'felt'");
    expect(sites[0]?.n).toBe(6);
    const raw = harness.query<{ applications_json: string }>("SELECT applications_json FROM exam_site_result WHERE test = 'monofilament' LIMIT 1");
    expect(JSON.parse(raw[0]?.applications_json ?? '[]')).toHaveLength(3);
  });

  // A mouse press on an answer focuses its row; the row's key letters must not move the buttons,
  // or the release lands on another button and the browser drops the click (the answer is lost).
  test('an answer clicked with the mouse is recorded: the buttons do not move under the pointer', async ({ app, harness }) => {
    await openNewPatient(app, harness);
    await startScreening(app);
    await app.getByRole('tab', { name: 'History' }).click();
    const yes = app.getByRole('group', { name: 'Previous foot ulcer (healed)' }).getByRole('button', { name: 'Yes' });
    const before = await yes.boundingBox();
    if (!before) throw new Error('the answer button is not on screen');
    await app.mouse.move(before.x + before.width / 2, before.y + before.height / 2);
    await app.mouse.down();
    expect(await yes.boundingBox()).toEqual(before);
    await app.mouse.up();
    await expect(yes).toHaveAttribute('aria-pressed', 'true');
    await expect
      .poll(() => {
        const rows = harness.query<{ findings_json: string }>("SELECT findings_json FROM exam WHERE state = 'draft'");
        return (JSON.parse(rows[0]?.findings_json ?? '{}') as Findings).history?.previousUlcer;
      })
      .toBe(true);
  });

  test('an abnormal screen updates the categories on screen as findings are recorded', async ({ app, harness }) => {
    await openNewPatient(app, harness);
    await startScreening(app);
    const keys = new Keys(app);
    await keys.press('Enter');
    for (let i = 0; i < 18; i++) {
      if (i < 17) await answerAs(app, keys, 'lost');
      else await keys.press('n');
    }
    await expect(app.getByText(/Loss of protective sensation \(LOPS\): yes/)).toBeVisible();
    await app.getByRole('tab', { name: 'Circulation' }).click();
    for (let i = 0; i < 4; i++) await keys.press('a');
    await expect(app.getByText(/Peripheral artery disease \(PAD\): yes/)).toBeVisible();
    await keys.press('n');
    await app.getByRole('tab', { name: 'History' }).click();
    await app.getByRole('group', { name: 'Previous foot ulcer (healed)' }).getByRole('button', { name: 'Yes' }).click();
    await expect(app.getByText('IWGDF 2023: urgent', { exact: false }).or(app.getByText('IWGDF 2023: category 3', { exact: false })).or(app.getByText('IWGDF 2023: incomplete'))).toBeVisible();
    // Recording that there is no active disease settles it: LOPS + PAD + ulcer history is category 3.
    await app.getByRole('tab', { name: 'Skin' }).click();
    await keys.press('n');
    await keys.press('n');
    await expect(app.getByRole('heading', { name: 'History', level: 2 })).toBeVisible();
    await app.getByRole('group', { name: 'Amputation, right side' }).getByRole('button', { name: 'None' }).click();
    await app.getByRole('group', { name: 'Amputation, left side' }).getByRole('button', { name: 'None' }).click();
    await app.getByRole('group', { name: 'End-stage renal disease' }).getByRole('button', { name: 'No' }).click();
    await app.getByRole('group', { name: 'On dialysis' }).getByRole('button', { name: 'No' }).click();
    // Shift+N answers "no" only where nothing was recorded (plain N would answer the focused item):
    // the ulcer history given above stays.
    await keys.press('Shift+N');
    await expect(app.getByRole('heading', { name: 'Symptoms', level: 2 })).toBeVisible();
    await keys.press('n');
    await expect(app.getByText('IWGDF 2023: category 3', { exact: false })).toBeVisible();
    await expect(app.getByText('NICE NG19: High risk', { exact: false })).toBeVisible();
  });

  test('a reload mid-site restores the draft exactly where it was', async ({ app, harness }) => {
    await openNewPatient(app, harness);
    await startScreening(app);
    const keys = new Keys(app);
    await keys.press('Enter');
    for (let i = 0; i < 4; i++) await answerAs(app, keys, 'normal');
    await expect(app.getByText('Right 1st metatarsal head', { exact: true })).toBeVisible();
    const question = await app.locator('[aria-label^="Question"]').first().getAttribute('aria-label');
    await expect(app.getByText('All changes saved')).toBeVisible();
    await app.reload();
    await expect(app.getByText('Right 1st metatarsal head', { exact: true })).toBeVisible();
    expect(await app.locator('[aria-label^="Question"]').first().getAttribute('aria-label')).toBe(question);
    await expect(app.getByRole('button', { name: 'H, Right hallux (big toe): felt' })).toBeVisible();
  });

  test('an absent foot is left out and recorded as absent', async ({ app, harness }) => {
    await openNewPatient(app, harness);
    await startScreening(app);
    await app.getByRole('radiogroup', { name: 'Right foot' }).getByRole('radio', { name: /Absent/ }).check();
    await app.getByLabel('Reason (right foot)').fill('Below-knee amputation 2019');
    await app.getByRole('button', { name: 'Next: Sensation' }).click();
    await expect(app.getByText('Left hallux (big toe)', { exact: true })).toBeVisible();
    await expect(app.getByText('Site 1 of 3')).toBeVisible();
    await expect(app.getByRole('img', { name: /Right foot: absent/ }).or(app.getByText('Absent', { exact: true }))).toBeVisible();
    const saved = await harness.call('listPatientExams', { patientId: 1 });
    await expect.poll(() => harness.query<{ findings_json: string }>('SELECT findings_json FROM exam')[0]?.findings_json ?? '').toContain('"status":"absent"');
    expect(saved).toHaveLength(1);
  });

  test('a declined exam skips the foot steps and is signed as declined', async ({ app, harness }) => {
    await openNewPatient(app, harness);
    await startScreening(app);
    await app.getByRole('radio', { name: 'Patient declined the examination' }).check();
    await app.getByLabel('Reason').fill('Patient had to leave for another appointment');
    await expect(app.getByRole('tab', { name: 'Sensation' })).toHaveCount(0);
    await app.getByRole('tab', { name: 'Review & sign' }).click();
    await app.getByRole('button', { name: /Sign as/ }).click();
    await app.getByRole('button', { name: 'Sign', exact: true }).click();
    await expect(app.getByText('Signed, read-only')).toBeVisible();
    expect(harness.query('SELECT exam_status, state FROM exam')).toEqual([{ exam_status: 'declined', state: 'signed' }]);
  });

  test('a signed exam is read-only; an amendment with a reason becomes a new version and the old one is kept', async ({ app, harness }) => {
    const patientId = await openNewPatient(app, harness);
    const started = await harness.call('startScreening', { patientId, protocol: 'iwgdf-3', examinedOn: '2026-11-20' });
    const normalFoot: FootFindings = {
      status: 'present',
      monofilament: { protocol: 'iwgdf-3', sites: { hallux: 'felt', mth1: 'felt', mth5: 'felt' } },
      vibration: { method: 'tuning-fork-128', result: 'normal' },
      pulses: { dorsalisPedis: 'palpable', posteriorTibial: 'palpable' },
      skin: { activeUlcer: false, infection: false, gangrene: false, callus: false, fissures: false },
      deformity: { present: false, types: [] },
      activeCharcot: false,
      criticalIschaemia: false,
    };
    const findings: Findings = {
      schemaVersion: 1,
      history: { previousUlcer: false, previousAmputation: 'none', endStageRenalDisease: false, onDialysis: false },
      symptoms: { neuropathic: false, claudication: false, restPain: false },
      redFlags: { suddenOnset: false, rapidSpread: false, markedAsymmetry: false, motorWeakness: false },
      feet: { right: normalFoot, left: normalFoot },
    };
    await harness.call('signExam', { id: started.id, findings });
    const refused = await fetch(`${harness.url}api/saveExamDraft`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${harness.token}`, 'X-Client-Key': 'e2e-seeding-client' },
      body: JSON.stringify({ id: started.id, findings, wizard: null }),
    });
    expect(refused.status).toBe(403);

    await app.goto(`${harness.url}#/exams/${started.id}`);
    await expect(app.getByText('Signed, read-only')).toBeVisible();
    await expect(app.getByRole('button', { name: 'Felt it (Y)' })).toHaveCount(0);
    await app.getByRole('button', { name: 'Amend…' }).click();
    await app.getByLabel('Reason for the amendment').fill('Left 1st metatarsal head was not felt; entered wrongly');
    await app.getByRole('button', { name: 'Start amendment' }).click();
    await expect(app.getByText('Amendment: Left 1st metatarsal head was not felt; entered wrongly')).toBeVisible();
    await app.getByRole('button', { name: 'M1, Left 1st metatarsal head: felt' }).click();
    for (let i = 0; i < 3; i++) await app.keyboard.press('n');
    await app.getByRole('tab', { name: 'Review & sign' }).click();
    await expect(app.getByText('IWGDF 2023: category 1', { exact: false })).toBeVisible();
    await app.keyboard.press('s');
    await app.keyboard.press('Enter');
    await expect(app.getByText('Signed, read-only')).toBeVisible();
    expect(harness.query('SELECT version, state, iwgdf_category, amendment_reason FROM exam ORDER BY version')).toEqual([
      { version: 1, state: 'superseded', iwgdf_category: '0', amendment_reason: null },
      { version: 2, state: 'signed', iwgdf_category: '1', amendment_reason: 'Left 1st metatarsal head was not felt; entered wrongly' },
    ]);
    await app.getByRole('button', { name: 'Back to patient' }).click();
    await expect(app.getByText('Signed (v2)')).toBeVisible();
    await expect(app.getByText('Replaced by an amendment')).toBeVisible();
  });

  test('locking mid-screen keeps the draft and its position', async ({ app, harness }) => {
    await openNewPatient(app, harness);
    await startScreening(app);
    const keys = new Keys(app);
    await keys.press('Enter');
    for (let i = 0; i < 2; i++) await answerAs(app, keys, 'normal');
    await app.keyboard.press('Alt+l');
    const lock = app.getByRole('dialog', { name: 'Locked' });
    await lock.getByLabel('Password').fill(adminAccount.password);
    await lock.getByRole('button', { name: 'Unlock' }).click();
    await expect(app.getByRole('img', { name: 'Question 3 of 3' })).toBeVisible();
    await expect(app.getByText('Right hallux (big toe)', { exact: true })).toBeVisible();
  });

  test('an autosave the app refuses stops trying, and says why', async ({ app, harness }) => {
    // A fake clock, so the test can show that no retry comes, without waiting for one.
    await app.clock.install();
    await app.reload();
    const patientId = await openNewPatient(app, harness);
    await startScreening(app);
    const keys = new Keys(app);
    await keys.press('Enter');
    await answerAs(app, keys, 'normal');
    await expect(app.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
    // Meanwhile the screening is signed elsewhere: this draft can no longer change.
    const [draft] = await harness.call('listPatientExams', { patientId });
    if (!draft) throw new Error('no draft');
    await harness.call('signExam', { id: draft.id, findings: vignette('V01') });
    let saves = 0;
    app.on('request', (request) => {
      if (request.url().endsWith('/api/saveExamDraft')) saves += 1;
    });
    await answerAs(app, keys, 'normal');
    await expect(app.getByRole('status').filter({ hasText: 'Not saved' })).toBeVisible();
    await expect(app.getByText('Not saved: This examination is signed and can no longer change.')).toBeVisible();
    const refused = saves;
    await app.clock.runFor(60_000);
    expect(saves).toBe(refused);
  });

  test('diagram states are drawn by shape and label (screenshots for review)', async ({ app, harness }, info) => {
    await openNewPatient(app, harness);
    await startScreening(app);
    await app.getByRole('radio', { name: /10-site/ }).check();
    const keys = new Keys(app);
    await keys.press('Enter');
    for (let i = 0; i < 6; i++) await answerAs(app, keys, 'normal');
    for (let i = 0; i < 6; i++) await answerAs(app, keys, 'lost');
    await app.keyboard.press('x');
    await app.keyboard.press('1');
    const diagram = app.getByRole('group', { name: /Monofilament sites/ });
    await expect(app.getByRole('button', { name: /H, Right hallux \(big toe\): felt/ })).toBeVisible();
    await expect(app.getByRole('button', { name: /not felt/ }).first()).toBeVisible();
    await expect(app.getByRole('button', { name: /not tested \(ulcer\)/ })).toBeVisible();
    await info.attach('diagram-states', { body: await diagram.screenshot(), contentType: 'image/png' });
    await diagram.screenshot({ path: info.outputPath('diagram-states.png') });
  });
});
