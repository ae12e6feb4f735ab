import { defaultClinicSettings } from '#shared/domain/settings';
import { adminAccount, expect, signIn, test } from './support/harness';

const nurse = { username: 'nina', displayName: 'Nina Nurse', role: 'nurse', password: 'nurse password 1' } as const;

test.describe('first run', () => {
  test.use({ seedAdmin: false });

  test('the first person to open the app creates the administrator account', async ({ page, harness }) => {
    await page.goto(harness.launchUrl);
    await expect(page.getByRole('heading', { name: 'Set up Foot Screening' })).toBeVisible();
    await page.getByLabel('Full name').fill('Ada Admin');
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel(/^Password/).fill('short');
    await page.getByLabel('Repeat password').fill('short');
    await page.getByRole('button', { name: 'Create administrator and sign in' }).click();
    await expect(page.getByText('Use at least 10 characters')).toBeVisible();
    await page.getByLabel(/^Password/).fill('a long enough password');
    await page.getByLabel('Repeat password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create administrator and sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Patients', level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Signed in as Ada Admin' })).toBeVisible();
    const rows = harness.query<{ role: string; password_hash: string }>('SELECT role, password_hash FROM app_user');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.role).toBe('administrator');
    expect(rows[0]?.password_hash).toMatch(/^scrypt\$/);
  });
});

test.describe('staff and roles', () => {
  test('an administrator adds a nurse, who can work with patients but not manage staff', async ({ app, harness, browser }) => {
    await app.getByRole('link', { name: 'Staff' }).click();
    await app.getByRole('button', { name: 'Add staff member' }).click();
    const dialog = app.getByRole('dialog', { name: 'Add staff member' });
    await dialog.getByLabel('Full name').fill(nurse.displayName);
    await dialog.getByLabel('Username').fill(nurse.username);
    await dialog.getByLabel('Password').fill(nurse.password);
    await dialog.getByRole('button', { name: 'Add' }).click();
    await expect(app.getByRole('cell', { name: 'Nina Nurse', exact: true })).toBeVisible();

    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(harness.launchUrl);
    await signIn(tab, nurse.username, nurse.password);
    await expect(tab.getByRole('link', { name: 'Staff' })).toHaveCount(0);
    await tab.goto(`${harness.url}#/staff`);
    await expect(tab.getByText('Only an administrator can manage staff accounts.')).toBeVisible();
    const refused = await tab.evaluate(async () => {
      const api = (window as unknown as { api: { listUsers(r: object): Promise<{ ok: boolean; error?: { code: string } }> } }).api;
      const r = await api.listUsers({});
      return r.ok ? 'allowed' : r.error?.code;
    });
    expect(refused).toBe('forbidden');
    await context.close();
  });

  test('a disabled account cannot sign in', async ({ app, harness, browser }) => {
    const created = await harness.call('createUser', nurse);
    await harness.call('updateUser', { id: created.id, displayName: nurse.displayName, role: 'nurse', disabled: true });
    await expect(app.getByRole('heading', { name: 'Patients', level: 1 })).toBeVisible();
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(harness.launchUrl);
    await tab.getByLabel('Username').fill(nurse.username);
    await tab.getByLabel('Password').fill(nurse.password);
    await tab.getByRole('button', { name: 'Sign in' }).click();
    await expect(tab.getByRole('alert')).toContainText('This account has been disabled');
    await context.close();
  });

  test('wrong passwords in a row slow down further tries', async ({ page, harness }) => {
    // It waits out a 2, a 4 and an 8 second wait.
    test.slow();
    await page.goto(harness.launchUrl);
    /** One sign-in try; every refusal clears the password field, so the answer shown is this try's. */
    const signIn = async (password: string): Promise<string> => {
      await page.getByLabel('Username').fill(adminAccount.username);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByLabel('Password')).toHaveValue('');
      return (await page.getByRole('alert').textContent()) ?? '';
    };
    for (let i = 0; i < 3; i++) expect(await signIn(`wrong ${i}`)).toContain('Wrong username or password.');
    // From the third wrong password on, the next try must wait 2, 4, 8, 16 … seconds; a try inside
    // the wait is refused without being checked. Each wait is let run out and one more wrong
    // password doubles the next, until a try lands inside a wait with 8 seconds or more to go:
    // time enough for the right password to arrive inside it too, however slow this machine is.
    let waitLeft = 0;
    for (let i = 3; i < 20 && waitLeft < 8; i++) {
      const answer = await signIn(`wrong ${i}`);
      const waiting = /Too many failed sign-ins from here\. Try again in (\d+) seconds\./.exec(answer);
      if (!waiting) expect(answer).toContain('Wrong username or password.');
      waitLeft = waiting ? Number(waiting[1]) : 0;
      if (waiting && waitLeft < 8) await page.waitForTimeout(waitLeft * 1000);
    }
    expect(waitLeft).toBeGreaterThanOrEqual(8);
    // Inside the wait even the right password is not checked.
    expect(await signIn(adminAccount.password)).toContain('Too many failed sign-ins from here. Try again in');
    await expect(page.getByRole('heading', { name: 'Patients', level: 1 })).toHaveCount(0);
  });
});

test.describe('lock', () => {
  test('locking keeps the screen and the half-typed entries, and unlocking needs the password', async ({ app }) => {
    await app.getByRole('button', { name: 'New patient' }).click();
    await app.getByLabel('Family name').fill('Halfway');
    await app.keyboard.press('Alt+l');
    const lock = app.getByRole('dialog', { name: 'Locked' });
    await expect(lock).toBeVisible();
    // It says why, and nothing of the page shows behind it (kept, not painted).
    await expect(lock).toContainText('The screen was locked on purpose');
    await expect(app.getByLabel('Family name')).toBeHidden();
    await lock.getByLabel('Password').fill('not it');
    await lock.getByRole('button', { name: 'Unlock' }).click();
    await expect(lock.getByRole('alert')).toContainText('Wrong password.');
    await lock.getByLabel('Password').fill(adminAccount.password);
    await lock.getByRole('button', { name: 'Unlock' }).click();
    await expect(lock).toBeHidden();
    await expect(app.getByLabel('Family name')).toHaveValue('Halfway');
  });

  test('the screen locks by itself after the idle time', async ({ app, harness }) => {
    await harness.call('updateClinicSettings', { ...defaultClinicSettings, clinicName: '', idleLockMinutes: 1 });
    await app.reload();
    await expect(app.getByRole('heading', { name: 'Patients', level: 1 })).toBeVisible();
    await app.clock.install();
    await app.reload();
    await expect(app.getByRole('heading', { name: 'Patients', level: 1 })).toBeVisible();
    await app.clock.fastForward('01:05');
    await expect(app.getByRole('dialog', { name: 'Locked' })).toBeVisible();
    await expect(app.getByRole('dialog', { name: 'Locked' })).toContainText('The screen locked after 1 minute without use.');
    await expect(app.getByRole('heading', { name: 'Patients', level: 1 })).toBeHidden();
  });

  test('the next person to sign in starts at the patient list, not at the page left open; a message stays on its page', async ({ app, harness }) => {
    await harness.call('createUser', nurse);
    await app.getByRole('link', { name: 'Settings' }).click();
    await expect(app.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    await app.getByRole('button', { name: /Signed in as/ }).click();
    await app.getByRole('menuitem', { name: 'Sign out' }).click();
    await signIn(app, nurse.username, nurse.password);
    await expect(app).toHaveURL(/#\/patients$/);

    await app.getByRole('button', { name: 'New patient' }).click();
    await app.getByLabel('Family name').fill('Ní Bhriain');
    await app.getByLabel('Given name(s)').fill('Zoë');
    await app.getByLabel('Date of birth').fill('03/07/1956');
    await app.getByLabel('Sex').click();
    await app.getByRole('option', { name: 'Female' }).click();
    await app.getByLabel('Clinic identifier').fill('MRN-1001');
    await app.getByLabel('Diabetes type').click();
    await app.getByRole('option', { name: 'Type 2' }).click();
    await app.getByRole('button', { name: 'Add patient' }).click();
    await expect(app.getByRole('status').filter({ hasText: 'added.' })).toBeVisible();
    await app.getByRole('link', { name: 'Patients' }).click();
    await expect(app.getByRole('heading', { name: 'Patients', level: 1 })).toBeVisible();
    await expect(app.getByRole('status').filter({ hasText: 'added.' })).toHaveCount(0);
  });
});
