import type { Findings } from '#shared/domain/findings';
import { expect, test } from './support/harness';
import { amendedExam, localToday, patient, shown, signedExam, vignette } from './support/history';

/**
 * Patient history and the comparison of two screenings, through the real harness on a
 * real SQLite file: screenings signed and amended with the app's own operations, then read on
 * the patient page and the compare view as a nurse would (roles and labels, not test ids).
 */

/** V01 (normal) with the right hallux and 1st metatarsal head not felt: NICE moderate, IWGDF 1. */
function twoSitesLost(): Findings {
  const f = vignette('V01');
  const monofilament = f.feet.right.monofilament;
  if (monofilament?.protocol !== 'iwgdf-3') throw new Error('V01 has a 3-site monofilament map');
  monofilament.sites.hallux = 'not_felt';
  monofilament.sites.mth1 = 'not_felt';
  return f;
}

/** And the left dorsalis pedis pulse lost with an ABI of 0.82: NICE high, IWGDF 2. */
function withPad(): Findings {
  const f = twoSitesLost();
  f.feet.left.pulses = { dorsalisPedis: 'not_palpable', posteriorTibial: 'palpable' };
  f.feet.left.abi = 0.82;
  return f;
}

test.describe('patient history', () => {
  test('every screening newest first, a timeline of categories and insensate sites, and each change of category marked', async ({ app, harness }, info) => {
    const id = await patient(harness, 'Ní Bhriain', 'Zoë');
    await signedExam(harness, id, '2024-03-12', vignette('V01'));
    await signedExam(harness, id, '2025-03-12', twoSitesLost());
    const third = await signedExam(harness, id, '2025-09-20', twoSitesLost());
    await amendedExam(harness, third, withPad());
    await harness.call('startScreening', { patientId: id, protocol: 'iwgdf-3', examinedOn: localToday() });

    await app.goto(`${harness.url}#/patients/${id}`);
    const table = app.getByRole('table', { name: 'Screenings, newest first' });
    await expect(table.getByRole('row')).toHaveCount(6);
    const rows = table.getByRole('row');
    await expect(rows.nth(1)).toContainText('Draft');
    await expect(rows.nth(2)).toContainText(shown('2025-09-20'));
    await expect(rows.nth(2)).toContainText('Signed (v2)');
    await expect(rows.nth(2)).toContainText('Category 2');
    await expect(rows.nth(2)).toContainText('High');
    await expect(rows.nth(2)).toContainText('Risk rose: NICE NG19: moderate risk → high risk; IWGDF 2023: category 1 → category 2');
    await expect(rows.nth(3)).toContainText('Replaced by an amendment');
    await expect(rows.nth(4)).toContainText('Risk rose: NICE NG19: low risk → moderate risk; IWGDF 2023: category 0 → category 1');
    await expect(rows.nth(4)).toContainText('Usually means a referral to the foot protection service.');
    await expect(rows.nth(4)).toContainText('2/3 · 0/3');
    await expect(rows.nth(5)).toContainText('—');

    const chart = app.getByRole('img', { name: 'Risk category and insensate sites over time' });
    await expect(chart).toBeVisible();
    // The drawing's text summary: one sentence per signed screening (the replaced version is not one), and the changes.
    const summary = await chart.locator('desc').textContent();
    expect(summary).toContain(`${shown('2024-03-12')}: NICE low risk, IWGDF category 0, insensate sites right 0 of 3, left 0 of 3.`);
    expect(summary).toContain(`${shown('2025-09-20')}: NICE high risk, IWGDF category 2, insensate sites right 2 of 3, left 0 of 3.`);
    expect(summary?.match(/, IWGDF /g)).toHaveLength(3);
    expect(summary).toContain(`Change on ${shown('2025-03-12')}: NICE NG19: low risk → moderate risk; IWGDF 2023: category 0 → category 1 (risk rose).`);
    await app.getByRole('heading', { name: 'Screening history' }).scrollIntoViewIfNeeded();
    await app.locator('main').screenshot({ path: info.outputPath('patient-history.png') });
  });

  test('compare two screenings: both diagrams, changed sites marked, and every change in words', async ({ app, harness }, info) => {
    const id = await patient(harness, 'Öztürk', 'Jürgen');
    await signedExam(harness, id, '2024-03-12', vignette('V01'));
    await signedExam(harness, id, '2025-03-12', twoSitesLost());
    const third = await signedExam(harness, id, '2025-09-20', twoSitesLost());
    await amendedExam(harness, third, withPad());

    await app.goto(`${harness.url}#/patients/${id}`);
    await app.getByRole('button', { name: 'Compare screenings' }).click();
    await expect(app.getByRole('heading', { name: /Compare screenings: ÖZTÜRK, Jürgen/ })).toBeVisible();
    // The default is the last two signed screenings.
    await expect(app.getByRole('heading', { name: `Earlier: ${shown('2025-03-12')}` })).toBeVisible();
    await expect(app.getByRole('heading', { name: `Later: ${shown('2025-09-20')}` })).toBeVisible();
    const changes = app.getByRole('region', { name: `What changed since ${shown('2025-03-12')}` });
    await expect(changes).toContainText(`NICE NG19: moderate risk → high risk (since ${shown('2025-03-12')})`);
    await expect(changes).toContainText(`Left dorsalis pedis pulse: palpable → not palpable (since ${shown('2025-03-12')})`);
    await expect(changes).toContainText(`Left ABI: not measured → 0.82`);
    await expect(changes).toContainText('Peripheral artery disease (PAD): no → yes');
    await expect(changes).not.toContainText('metatarsal');

    // Any two: the first screening against the last.
    await app.getByRole('combobox', { name: 'First screening' }).click();
    await app.getByRole('option', { name: new RegExp(`^${shown('2024-03-12')}`) }).click();
    await expect(app.getByRole('heading', { name: `Earlier: ${shown('2024-03-12')}` })).toBeVisible();
    const since = app.getByRole('region', { name: `What changed since ${shown('2024-03-12')}` });
    await expect(since).toContainText(`Right 1st metatarsal head: felt → not felt (since ${shown('2024-03-12')})`);
    await expect(since).toContainText(`Right hallux (big toe): felt → not felt (since ${shown('2024-03-12')})`);
    await expect(since.getByText('Worse').first()).toBeVisible();
    // On both diagrams the changed sites are marked, in words too.
    await expect(app.getByRole('img', { name: 'M1, Right 1st metatarsal head: felt; changed: felt → not felt (worse)' })).toBeVisible();
    await expect(app.getByRole('img', { name: 'M1, Right 1st metatarsal head: not felt (insensate); changed: felt → not felt (worse)' })).toBeVisible();
    await expect(app.getByRole('img', { name: /M1, Left 1st metatarsal head: felt$/ })).toHaveCount(2);
    expect(app.url()).toMatch(/#\/patients\/\d+\/compare\/\d+\/\d+$/);
    await app.locator('main').screenshot({ path: info.outputPath('compare.png') });
  });
});
