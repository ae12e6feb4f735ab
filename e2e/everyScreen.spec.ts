import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test, type RunningHarness } from './support/harness';
import { localToday, patient, shiftDays, signedExam, vignette } from './support/history';

/**
 * Every screen a clinic uses, filled with the records that show the most (an urgent abnormal
 * screening, an amended one, an incomplete one, a draft, contacts, backups, another account):
 * nothing on screen is a developer's word, and each screen passes axe in light and in dark, with
 * dark and forced-colours screenshots attached to look at.
 */
test.describe.configure({ timeout: 300_000 });

/**
 * What a person should never have to read: camelCase or snake_case identifiers, "null",
 * "undefined", "NaN", "[object Object]", versioned rule identifiers ("IWGDF-2023@2.0.0/…") and
 * instants in ISO form ("2026-03-01T10:00:00.000Z"). Units and clinical abbreviations that look
 * like camelCase are written out in `allowed`.
 */
const rawCode = new RegExp(
  [
    /\b[a-z]+[A-Z][A-Za-z]*\b/, // camelCase: suddenOnset
    /\b[A-Z][a-z]+[A-Z][a-z]+[A-Za-z]*\b/, // PascalCase: ContactId
    /\b[a-z]+_[a-z_]+\b/, // snake_case: no_answer
    /\bnull\b|\bundefined\b|\bNaN\b|\[object Object\]/,
    /\b[\w-]+@\d+\.\d+(\.\d+)?\b/, // versioned rule id: IWGDF-2023@2.0.0
    /\b[A-Z]{2,}(-[A-Z0-9]+){2,}\b/, // rule id: IWGDF-URGENT-ULCER
    /(?<![\w-])\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?(?![\w-])/, // ISO date or instant where a date is meant (not part of a file name)
  ]
    .map((r) => r.source)
    .join('|'),
  'g',
);
const allowed = new Set(['mmHg', 'eGFR', 'iPad']);

/** Visible text outside `details` disclosures (where raw identifiers may be shown on purpose). */
async function rawCodesOnScreen(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (!parent || text === '' || parent.closest('details, script, style, noscript')) continue;
      if (!parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      out.push(text);
    }
    return out;
  });
  const found: string[] = [];
  for (const text of texts) {
    for (const match of text.matchAll(rawCode)) {
      // A folder or file name is shown as it is (a random temp folder may look like camelCase).
      const word = text.slice(text.lastIndexOf(' ', match.index) + 1).split(' ')[0] ?? '';
      if (allowed.has(match[0]) || /[/\\]/.test(word)) continue;
      found.push(`"${match[0]}" in "${text.slice(0, 120)}"`);
    }
  }
  return found;
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.help} — ${v.nodes[0]?.target.join(' ')} ${v.nodes[0]?.html.slice(0, 200)}`);
}

/** The records that put the most on each screen. */
async function seedClinic(harness: RunningHarness): Promise<{ urgentId: number; urgentExam: number; amendedExam: number; incompleteExam: number }> {
  const today = localToday();
  const urgentId = await patient(harness, 'Abnormal', 'Ruth');
  const older = vignette('V14');
  older.history = { ...older.history, previousUlcer: true, previousUlcerSide: 'left', previousUlcerDate: '2023-06', smoking: 'current' };
  older.selfCare = { ability: 'needs_help', impairedVision: true };
  const first = await signedExam(harness, urgentId, shiftDays(today, -400), older);
  const urgent = vignette('V21');
  urgent.redFlags = { suddenOnset: true, rapidSpread: true, markedAsymmetry: false, motorWeakness: false };
  urgent.symptoms = { neuropathic: true, claudication: true, restPain: false };
  const urgentExam = await signedExam(harness, urgentId, shiftDays(today, -3), urgent);
  const draft = await harness.call('amendExam', { id: first, reason: 'Pulse recorded on the wrong foot' });
  await harness.call('signExam', { id: draft.id, findings: older });
  await harness.call('recordContact', { patientId: urgentId, kind: 'no_answer', contactedOn: shiftDays(today, -1), note: null });

  const incompleteId = await patient(harness, 'Incomplete', 'Sam');
  const incompleteExam = await signedExam(harness, incompleteId, shiftDays(today, -420), { schemaVersion: 1, examStatus: 'performed', feet: { right: { status: 'present' }, left: { status: 'absent', statusReason: 'Below-knee amputation' } } });
  const draftOnly = await harness.call('startScreening', { patientId: incompleteId, protocol: 'iwgdf-3', examinedOn: today });
  await harness.call('saveExamDraft', { id: draftOnly.id, findings: { schemaVersion: 1, examStatus: 'performed', feet: { right: { status: 'present' }, left: { status: 'declined', statusReason: 'Dressing' } } }, wizard: null });
  await harness.call('recordContact', { patientId: incompleteId, kind: 'declined', contactedOn: today, note: 'Will come next month' });

  await harness.call('createUser', { username: 'nurse.jones', displayName: 'Nia Jones', role: 'nurse', password: 'a long enough password 1' });
  await harness.call('backUpNow', {});
  return { urgentId, urgentExam, amendedExam: draft.id, incompleteExam };
}

async function look(page: Page, info: TestInfo, name: string, ready: () => Promise<void>): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme, forcedColors: 'none' });
    await ready();
    expect.soft(await axeViolations(page), `axe on ${name}, ${scheme}`).toEqual([]);
    if (scheme === 'dark') {
      const path = info.outputPath(`${name.replace(/\W+/g, '-')}-dark.png`);
      await page.screenshot({ path, fullPage: true });
      await info.attach(`${name}, dark`, { path, contentType: 'image/png' });
    }
  }
  expect.soft(await rawCodesOnScreen(page), `raw codes on ${name}`).toEqual([]);
  // Forced colours (Windows high contrast): a screenshot to look at; the chair spec runs axe there.
  await page.emulateMedia({ colorScheme: 'light', forcedColors: 'active' });
  const path = info.outputPath(`${name.replace(/\W+/g, '-')}-forced-colours.png`);
  await page.screenshot({ path, fullPage: true });
  await info.attach(`${name}, forced colours`, { path, contentType: 'image/png' });
  await page.emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
}

type Seeded = Awaited<ReturnType<typeof seedClinic>>;

/** Screens by group (one test each, so a slow shared machine stays within the time limit). */
const groups: Record<string, (ids: Seeded) => [name: string, hash: string, heading: string | RegExp, level?: number][]> = {
  'patients, history and compare': ({ urgentId }) => [
    ['patient list', '#/patients', 'Patients'],
    ['patient page (urgent)', `#/patients/${urgentId}`, 'Screening history', 2],
    ['patient page (incomplete and draft)', `#/patients/${urgentId + 1}`, 'Screening history', 2],
    ['patient form', `#/patients/${urgentId}/edit`, /Abnormal|Edit/i],
    ['compare', `#/patients/${urgentId}/compare`, /Compare/],
  ],
  'signed exams': ({ urgentExam, amendedExam, incompleteExam }) => [
    ['signed urgent exam', `#/exams/${urgentExam}`, /Foot screening/i],
    ['amended exam', `#/exams/${amendedExam}`, /Foot screening/i],
    ['incomplete exam', `#/exams/${incompleteExam}`, /Foot screening/i],
  ],
  'worklist, dashboard and export': () => [
    ['worklist', '#/worklist', 'Recall worklist'],
    ['dashboard and export', '#/dashboard', 'Clinic dashboard'],
  ],
  administration: () => [
    ['settings', '#/settings', 'Settings'],
    ['staff accounts', '#/staff', 'Staff accounts'],
    ['backups', '#/backups', 'Backups'],
    ['audit log', '#/audit', 'Audit log'],
    ['register import', '#/import', /import/i],
  ],
};

for (const [group, screens] of Object.entries(groups)) {
  test(`${group}: words for people, and axe in light and dark`, async ({ app, harness }, info) => {
    await app.setViewportSize({ width: 1366, height: 900 });
    const seeded = await seedClinic(harness);
    for (const [name, hash, heading, level] of screens(seeded)) {
      await app.goto(`${harness.url}${hash}`);
      await look(app, info, name, async () => {
        await expect(app.getByRole('heading', { name: heading, level: level ?? 1 }).first()).toBeVisible();
        await app.waitForLoadState('networkidle');
      });
    }
  });
}
