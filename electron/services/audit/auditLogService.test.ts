import { defaultClinicSettings } from '#shared/domain/settings';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patientInputSchema } from '#shared/domain/patient';
import { AuditQueryRepository } from '../../db/repositories/auditQueryRepository';
import type { Db } from '../../db/types';
import { auditHash, genesisHash } from '../../db/repositories/auditRepository';
import { fixedClock, openKeyed, openTestApp, type TestApp } from '../../testing/testApp';
import { AuditAnchor, auditAnchorFileFor, rowContent } from './auditAnchor';
import { AuditLogService } from './auditLogService';

let app: TestApp;
let entries = 0;

beforeAll(() => {
  app = openTestApp(fixedClock('2026-11-25T10:00:00.000Z'));
  const actor = { name: 'nurse.test' };
  for (let i = 0; i < 4; i++) {
    const r = app.services.patients.create(
      patientInputSchema.parse({
        familyName: `Family${i}`,
        givenNames: 'Given',
        dateOfBirth: '1956-07-03',
        sex: 'female',
        clinicIdentifier: `MRN-${i}`,
        diabetesType: 'type2',
      }),
      actor,
    );
    if (!r.ok) throw new Error(r.error.message);
    if (i % 2 === 0) app.services.patients.archive(r.value.id, { name: 'admin' });
  }
  app.services.settings.updateClinic({ ...defaultClinicSettings, clinicName: 'Test clinic', idleLockMinutes: 5 }, { name: 'admin' });
  entries = (app.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
});
afterAll(() => app.dispose());

/** A private copy of the database, opened the way an attacker with the file would: triggers dropped. */
let copies = 0;
function attackerCopy(): Db {
  const file = path.join(app.dir, `attacker-${copies++}.db`);
  app.db.prepare('VACUUM INTO ?').run(file);
  const copy = openKeyed(file, app.key);
  copy.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  return copy;
}

/** Verifies a copy of the file, as the app's own service would: with the audit key and the anchor kept outside the database. */
function verify(db: Db): ReturnType<AuditLogService['verify']> {
  const anchor = new AuditAnchor(auditAnchorFileFor(app.file), app.key.audit);
  return new AuditLogService({ auditQueries: new AuditQueryRepository(db) }, () => ({ key: app.key.audit, anchor: anchor.read() })).verify();
}

describe('audit log verification', () => {
  it('reports an intact chain with its number of entries', () => {
    expect(entries).toBe(7);
    const result = app.services.auditLog.verify();
    expect(result).toMatchObject({ ok: true, entries, lastEntryAt: '2026-11-25T10:00:00.000Z', anchoredUpTo: entries });
    if (result.ok) expect(result.checks?.join(' ')).toMatch(/audit key.*entry 7.*present and unchanged/s);
  });

  it('fails at the edited entry, whichever entry and whichever column was edited', () => {
    const edits = [
      "actor = 'someone.else'",
      "action = 'patient.update'",
      "at = '2020-01-01T00:00:00.000Z'",
      "details = '{}' || ' '",
      "entity_id = '999'",
      "hash = '" + 'f'.repeat(64) + "'",
      "prev_hash = '" + '0'.repeat(64) + "'",
    ];
    for (let id = 1; id <= entries; id++) {
      for (const edit of edits) {
        const db = attackerCopy();
        const changed = db.prepare(`UPDATE audit_log SET ${edit} WHERE id = ?`).run(id).changes;
        expect(changed).toBe(1);
        const result = verify(db);
        // Setting prev_hash to the genesis value leaves entry 1 as it was: nothing to detect there.
        if (id === 1 && edit.startsWith('prev_hash')) expect(result.ok).toBe(true);
        else expect(result, `${edit} on entry ${id}`).toMatchObject({ ok: false, firstBrokenId: id });
        db.close();
      }
    }
  });

  it('fails at the entry after a deleted one', () => {
    for (let id = 1; id < entries; id++) {
      const db = attackerCopy();
      db.prepare('DELETE FROM audit_log WHERE id = ?').run(id);
      const result = verify(db);
      expect(result).toMatchObject({ ok: false, firstBrokenId: id + 1 });
      if (!result.ok) expect(result.reason).toMatch(/missing/);
      db.close();
    }
  });

  it('fails at the first of two entries put in a different order, however they are swapped', () => {
    for (let id = 1; id < entries; id++) {
      // Swapping ids moves whole rows; the hash covers the id, so the content must follow it.
      const db = attackerCopy();
      db.prepare('UPDATE audit_log SET id = -1 WHERE id = ?').run(id);
      db.prepare('UPDATE audit_log SET id = ? WHERE id = ?').run(id, id + 1);
      db.prepare('UPDATE audit_log SET id = ? WHERE id = -1').run(id + 1);
      const result = verify(db);
      expect(result, `swap ${id} and ${id + 1}`).toMatchObject({ ok: false, firstBrokenId: id });
      if (!result.ok) expect(result.reason).toMatch(/different order/);
      db.close();
    }
  });

  it('fails where an entry was deleted and the later ones renumbered to hide the gap', () => {
    const db = attackerCopy();
    db.prepare('DELETE FROM audit_log WHERE id = 3').run();
    db.prepare('UPDATE audit_log SET id = id - 1 WHERE id > 3').run();
    expect(verify(db)).toMatchObject({ ok: false, firstBrokenId: 3 });
    db.close();
  });

  it('sees the newest entries removed from the end (the newest entry is recorded outside the database)', () => {
    for (const removed of [1, 3]) {
      const db = attackerCopy();
      db.prepare('DELETE FROM audit_log WHERE id > ?').run(entries - removed);
      const result = verify(db);
      expect(result).toMatchObject({ ok: false, firstBrokenId: entries - removed + 1 });
      if (!result.ok) expect(result.reason).toMatch(/newest entries were removed/);
      db.close();
    }
  });

  it('sees a chain recomputed after an edit by someone without the audit key', () => {
    const db = attackerCopy();
    db.prepare("UPDATE audit_log SET actor = 'someone.else' WHERE id = 2").run();
    // Re-seal every entry the way the chain is built, but without the key (it is not in the file).
    let prev = genesisHash;
    for (const row of Array.from(new AuditQueryRepository(db).chain())) {
      const hash = auditHash(prev, rowContent({ ...row, prev_hash: prev }));
      db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, row.id);
      prev = hash;
    }
    expect(verify(db)).toMatchObject({ ok: false, firstBrokenId: 1 });
    db.close();
  });

  it('without the anchor file, says that entries removed from the end would not be seen', () => {
    const db = attackerCopy();
    const result = new AuditLogService({ auditQueries: new AuditQueryRepository(db) }, () => ({ key: app.key.audit, anchor: null })).verify();
    expect(result).toMatchObject({ ok: true, anchoredUpTo: null });
    if (result.ok) expect(result.checks?.join(' ')).toMatch(/would not be seen/);
    db.close();
  });
});

describe('entries the app writes', () => {
  it('verify even when a typed username holds a broken character (stored text = hashed text)', async () => {
    const other = openTestApp();
    try {
      await other.services.auth.signIn('test:x', 'nobody\ud800', 'x');
      await other.services.auth.signIn('test:x', '💥'.repeat(20) + 'x', 'x');
      expect(other.services.auditLog.verify()).toMatchObject({ ok: true, entries: 2 });
    } finally {
      other.dispose();
    }
  });
});

describe('audit log list', () => {
  const service = (): AuditLogService => app.services.auditLog;
  const base = { action: null, actor: null, entity: null, from: null, to: null, beforeId: null, limit: 50 };

  it('lists newest first and pages by id', () => {
    const first = service().list({ ...base, limit: 3 });
    expect(first.entries.map((e) => e.id)).toEqual([7, 6, 5]);
    expect(first.nextBeforeId).toBe(5);
    const second = service().list({ ...base, limit: 3, beforeId: 5 });
    expect(second.entries.map((e) => e.id)).toEqual([4, 3, 2]);
    const last = service().list({ ...base, limit: 3, beforeId: 2 });
    expect(last.entries.map((e) => e.id)).toEqual([1]);
    expect(last.nextBeforeId).toBeNull();
  });

  it('filters by action, part of the user name, entity and time', () => {
    expect(service().list({ ...base, action: 'patient.archive' }).entries.map((e) => e.action)).toEqual(['patient.archive', 'patient.archive']);
    expect(service().list({ ...base, actor: 'NURSE' }).entries).toHaveLength(4);
    expect(service().list({ ...base, entity: 'settings' }).entries.map((e) => e.details)).toEqual([{ fields: ['clinicName'] }]);
    expect(service().list({ ...base, from: '2026-11-25T10:00:00.000Z', to: '2026-11-25T10:00:01.000Z' }).entries).toHaveLength(entries);
    expect(service().list({ ...base, to: '2026-11-25T10:00:00.000Z' }).entries).toHaveLength(0);
  });

  it('treats filter text as data, never as SQL', () => {
    expect(service().list({ ...base, actor: "' OR 1=1 --" }).entries).toHaveLength(0);
    expect(service().list({ ...base, entity: "patient' OR '1'='1" }).entries).toHaveLength(0);
  });
});
