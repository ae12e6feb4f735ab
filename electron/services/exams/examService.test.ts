import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assess } from '#shared/clinical/assess';
import { changed } from '#shared/clinical/fixtures/findingsBuilders';
import { addPatient, nurse, vignette } from '../../testing/clinic';
import { fixedClock, openTestApp, type TestApp } from '../../testing/testApp';

let app: TestApp;
let patientId: number;

beforeEach(() => {
  app = openTestApp(fixedClock('2026-11-25T10:00:00.000Z'));
  patientId = addPatient(app, { familyName: 'Żak', givenNames: 'Łucja', clinicIdentifier: 'Z1' });
});
afterEach(() => app.dispose());

function start(): number {
  const r = app.services.exams.start(patientId, 'iwgdf-3', '2026-11-25', nurse);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.id;
}

describe('screening drafts', () => {
  it('starts a draft with both feet present and nothing recorded, and resumes it on the next start', () => {
    const first = app.services.exams.start(patientId, 'iwgdf-3', '2026-11-25', nurse);
    expect(first.ok && first.value.resumed).toBe(false);
    if (!first.ok) return;
    expect(first.value.findings.feet.right).toEqual({ status: 'present', monofilament: { protocol: 'iwgdf-3', sites: {} } });
    const again = app.services.exams.start(patientId, '10-site', '2026-11-25', nurse);
    expect(again.ok && again.value.resumed).toBe(true);
    expect(again.ok && again.value.id).toBe(first.value.id);
  });

  it('autosaves findings and the position, and returns them exactly', () => {
    const id = start();
    const findings = vignette('V04');
    const wizard = { step: 'sensation' as const, side: 'left' as const, site: 'mth1', pending: { sequence: ['real', 'sham', 'real'] as ('real' | 'sham')[], answers: ['yes'] as ('yes' | 'no')[] } };
    expect(app.services.exams.saveDraft(id, findings, wizard).ok).toBe(true);
    const back = app.services.exams.get(id);
    expect(back.ok && back.value.findings).toEqual(findings);
    expect(back.ok && back.value.wizard).toEqual(wizard);
  });
});

describe('sign-off', () => {
  it('stores findings, the assessment with rule-set versions, the examiner, per-foot and per-site rows, and an audit entry', () => {
    const id = start();
    const findings = vignette('V14');
    const signed = app.services.exams.sign(id, findings, nurse);
    if (!signed.ok) throw new Error(signed.error.message);
    expect(signed.value.state).toBe('signed');
    expect(signed.value.signedByName).toBe('Nina Nurse');
    expect(signed.value.iwgdfCategory).toBe('3');
    expect(signed.value.niceCategory).toBe('high');
    const row = app.db.prepare('SELECT iwgdf_rule_set, nice_rule_set, engine_version, signed_by FROM exam WHERE id = ?').get(id);
    expect(row).toMatchObject({ iwgdf_rule_set: expect.stringMatching(/^IWGDF-2023@/), nice_rule_set: expect.stringMatching(/^NICE-NG19@/), signed_by: 'nina' });
    const sites = app.db.prepare("SELECT side, site_key, result FROM exam_site_result WHERE exam_id = ? AND test = 'monofilament' ORDER BY side, site_key").all(id);
    expect(sites).toEqual([
      { side: 'left', site_key: 'hallux', result: 'not_felt' },
      { side: 'left', site_key: 'mth1', result: 'not_felt' },
      { side: 'left', site_key: 'mth5', result: 'not_felt' },
      { side: 'right', site_key: 'hallux', result: 'not_felt' },
      { side: 'right', site_key: 'mth1', result: 'not_felt' },
      { side: 'right', site_key: 'mth5', result: 'not_felt' },
    ]);
    const feet = app.db.prepare('SELECT side, status, dorsalis_pedis, sites_tested, sites_insensate FROM exam_foot WHERE exam_id = ? ORDER BY side').all(id);
    expect(feet).toEqual([
      { side: 'left', status: 'present', dorsalis_pedis: 'palpable', sites_tested: 3, sites_insensate: 3 },
      { side: 'right', status: 'present', dorsalis_pedis: 'palpable', sites_tested: 3, sites_insensate: 3 },
    ]);
    expect(app.db.prepare("SELECT actor FROM audit_log WHERE action = 'exam.sign'").all()).toEqual([{ actor: 'nina' }]);
  });

  it('stores the fork as a felt or not felt site, and reduced vibration as the foot\'s result with no site', () => {
    const id = start();
    const findings = changed(vignette('V01'), (f) => {
      f.feet.left.vibration = { method: 'tuning-fork-128', result: 'reduced' };
      f.feet.right.vibration = { method: 'tuning-fork-128', result: 'absent' };
    });
    expect(app.services.exams.sign(id, findings, nurse).ok).toBe(true);
    const feet = app.db.prepare('SELECT side, vibration_result FROM exam_foot WHERE exam_id = ? ORDER BY side').all(id);
    expect(feet).toEqual([
      { side: 'left', vibration_result: 'reduced' },
      { side: 'right', vibration_result: 'absent' },
    ]);
    const sites = app.db.prepare("SELECT side, site_key, result FROM exam_site_result WHERE exam_id = ? AND test = 'vibration'").all(id);
    expect(sites).toEqual([{ side: 'right', site_key: 'hallux', result: 'not_felt' }]);
  });

  it('keeps an assessment that is reproducible from the stored findings', () => {
    const id = start();
    app.services.exams.sign(id, vignette('V29'), nurse);
    const stored = app.services.exams.get(id);
    if (!stored.ok) throw new Error('missing');
    expect(assess(stored.value.findings)).toEqual(stored.value.assessment);
  });

  it('makes a signed exam read-only', () => {
    const id = start();
    app.services.exams.sign(id, vignette('V01'), nurse);
    const save = app.services.exams.saveDraft(id, vignette('V04'), null);
    expect(save).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const again = app.services.exams.sign(id, vignette('V04'), nurse);
    expect(again).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const back = app.services.exams.get(id);
    expect(back.ok && back.value.iwgdfCategory).toBe('0');
  });
});

describe('amendments', () => {
  it('creates a new version with the reason; signing it supersedes the old one, which is kept', () => {
    const v1 = start();
    app.services.exams.sign(v1, vignette('V01'), nurse);
    const draft = app.services.exams.amend(v1, 'Left hallux result was entered on the wrong foot', nurse);
    if (!draft.ok) throw new Error(draft.error.message);
    expect(draft.value.version).toBe(2);
    expect(draft.value.seriesId).toBe(v1);
    expect(draft.value.findings).toEqual(vignette('V01'));
    expect(app.services.exams.get(v1).ok && app.services.exams.get(v1)).toMatchObject({ value: { state: 'signed' } });
    const signed = app.services.exams.sign(draft.value.id, vignette('V04'), nurse);
    expect(signed.ok && signed.value.state).toBe('signed');
    const history = app.services.exams.listForPatient(patientId);
    expect(history.map((e) => [e.version, e.state, e.iwgdfCategory])).toEqual([
      [2, 'signed', '1'],
      [1, 'superseded', '0'],
    ]);
    expect(history[0]?.amendmentReason).toBe('Left hallux result was entered on the wrong foot');
  });

  it('refuses a second amendment while the first is still a draft', () => {
    const v1 = start();
    app.services.exams.sign(v1, vignette('V01'), nurse);
    const v2 = app.services.exams.amend(v1, 'first correction', nurse);
    expect(v2.ok).toBe(true);
    const second = app.services.exams.amend(v1, 'second correction', nurse);
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/unfinished screening/) } });
  });

  it('refuses to amend a version an amendment has replaced', () => {
    const v1 = start();
    app.services.exams.sign(v1, vignette('V01'), nurse);
    const v2 = app.services.exams.amend(v1, 'first correction', nurse);
    if (!v2.ok) throw new Error(v2.error.message);
    expect(app.services.exams.sign(v2.value.id, vignette('V04'), nurse).ok).toBe(true);
    expect(app.services.exams.get(v1)).toMatchObject({ ok: true, value: { state: 'superseded' } });
    const again = app.services.exams.amend(v1, 'second correction', nurse);
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/current signed version/) } });
  });
});

describe('discarding', () => {
  it('marks a draft discarded and lets a new screening start', () => {
    const id = start();
    expect(app.services.exams.discard(id, nurse).ok).toBe(true);
    expect(app.services.exams.get(id)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(start()).not.toBe(id);
  });
});
