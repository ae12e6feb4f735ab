import { AuditQueryRepository } from '../db/repositories/auditQueryRepository';
import { AuditRepository, type NewAuditEntry } from '../db/repositories/auditRepository';
import { expectedSchema, schemaOf } from '../db/schemaCheck';
import type { Db } from '../db/types';
import type { AuditAnchor} from '../services/audit/auditAnchor';
import { emptyHead, keyedFromOf } from '../services/audit/auditAnchor';

export interface StartupFinding {
  action: 'security.trigger-repaired' | 'security.audit-keyed' | 'security.audit-anchor';
  details: Record<string, unknown>;
}

/**
 * Triggers are the database's own guards (the audit log is append-only because of them). Someone
 * holding the file can drop or change them; at every start each trigger is compared with the one
 * this version of the app makes: a missing or changed one is put back, one the app does not make
 * is removed. Each repair is returned, to be recorded as a security event.
 */
export function repairTriggers(db: Db, nativeBinding?: string): StartupFinding[] {
  const expected = [...expectedSchema(nativeBinding).values()].filter((o) => o.type === 'trigger');
  const actual = [...schemaOf(db).values()].filter((o) => o.type === 'trigger');
  const findings: StartupFinding[] = [];
  db.transaction(() => {
    for (const have of actual) {
      const want = expected.find((e) => e.name === have.name);
      if (!want || norm(want.sql) !== norm(have.sql)) {
        db.exec(`DROP TRIGGER "${have.name.replace(/"/g, '""')}"`);
        if (!want) findings.push({ action: 'security.trigger-repaired', details: { trigger: have.name, problem: 'not made by the app', done: 'removed' } });
      }
    }
    for (const want of expected) {
      const have = actual.find((a) => a.name === want.name);
      if (!have || norm(want.sql) !== norm(have.sql)) {
        db.exec(want.sql ?? '');
        findings.push({ action: 'security.trigger-repaired', details: { trigger: want.name, problem: have ? 'changed' : 'missing', done: 'put back' } });
      }
    }
  }).immediate();
  return findings;
}

function norm(sql: string | null): string {
  return (sql ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Makes sure the audit chain has its anchor outside the database. A database written before the
 * chain was keyed gets its anchor with `keyedFrom` after its last entry (and an entry saying so);
 * an anchor that has gone missing while the chain is keyed is a finding (recorded) and a new one
 * is made so that later removals are seen again. An anchor that no longer matches the log is left
 * as it is, as evidence: Verify names the problem.
 */
export function anchorAuditChain(db: Db, anchor: AuditAnchor, auditKey: Buffer): StartupFinding[] {
  const queries = new AuditQueryRepository(db);
  const current = anchor.read();
  if (current.kind === 'found') return [];
  const newest = db.prepare<[], { id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get();
  if (current.kind === 'forged') return [{ action: 'security.audit-anchor', details: { problem: 'the record of the newest entry outside the database was altered' } }];
  const keyedFrom = keyedFromOf(queries.chain(), auditKey);
  const findings: StartupFinding[] = [];
  if (newest && keyedFrom <= newest.id) {
    findings.push({ action: 'security.audit-anchor', details: { problem: 'the record of the newest entry outside the database was missing', recordedAgainAt: newest.id } });
  } else if (newest) {
    findings.push({ action: 'security.audit-keyed', details: { keyedFrom } });
  }
  anchor.write(newest ? { keyedFrom, id: newest.id, hash: newest.hash } : emptyHead(keyedFrom));
  return findings;
}

/** Records start-up findings in the audit log (sealed with the key), then moves the anchor to the newest entry. */
export function recordFindings(db: Db, auditKey: Buffer, anchor: AuditAnchor, findings: readonly StartupFinding[], at: string): void {
  if (findings.length === 0) return;
  const audit = new AuditRepository(db, auditKey);
  db.transaction(() => {
    for (const f of findings) {
      const entry: NewAuditEntry = { at, actor: 'app (start-up check)', action: f.action, entity: 'security', entityId: null, details: f.details };
      audit.append(entry);
    }
  }).immediate();
  anchorFollower(db, anchor)();
}

/**
 * After committed changes (each request, each backup): the anchor follows the newest entry, unless
 * the anchored one has gone. Statements prepared once per open database.
 */
export function anchorFollower(db: Db, anchor: AuditAnchor): () => void {
  const newestStmt = db.prepare<[], { id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
  const lookup = db.prepare<[number], { hash: string }>('SELECT hash FROM audit_log WHERE id = ?');
  return () => {
    if (!db.open) return;
    anchor.follow(newestStmt.get(), (head) => head.id === 0 || lookup.get(head.id)?.hash === head.hash);
  };
}
