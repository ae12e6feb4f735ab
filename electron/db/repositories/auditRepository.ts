import { createHash, createHmac } from 'node:crypto';
import type { AuditAction } from '#shared/domain/audit';
import type { Db } from '../types';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: AuditAction;
  entity: string;
  entityId: string | null;
  details: string;
  prevHash: string;
  hash: string;
}

export interface NewAuditEntry {
  at: string;
  actor: string;
  action: AuditAction;
  entity: string;
  entityId: string | null;
  details: Readonly<Record<string, unknown>>;
}

export const genesisHash = '0'.repeat(64);

/**
 * The seal of one entry: covers the previous seal, the entry's position and its whole content.
 * Keyed (HMAC-SHA-256 with the clinic's audit key, kept outside the database) so that someone
 * holding the file cannot recompute the chain after changing it. `key` null gives the plain
 * SHA-256 of entries written before the chain was keyed.
 */
export function auditHash(prevHash: string, e: Omit<AuditEntry, 'prevHash' | 'hash'>, key: Buffer | null = null): string {
  const content = JSON.stringify([e.id, e.at, e.actor, e.action, e.entity, e.entityId, e.details]);
  const mac = key ? createHmac('sha256', key) : createHash('sha256');
  return mac.update(prevHash).update('\n').update(content).digest('hex');
}

/** Replaces unpaired UTF-16 surrogates with U+FFFD (String.prototype.toWellFormed, ES2024). */
export function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/**
 * Append-only audit log, hash-chained. `append` must run inside the transaction of the change it
 * records, so the change and its audit entry are written together or not at all.
 */
export class AuditRepository {
  private readonly lastStmt;
  private readonly insertStmt;

  constructor(
    db: Db,
    private readonly key: Buffer | null = null,
  ) {
    this.lastStmt = db.prepare<[], { id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
    this.insertStmt = db.prepare<[AuditEntry]>(
      `INSERT INTO audit_log (id, at, actor, action, entity, entity_id, details, prev_hash, hash)
       VALUES (@id, @at, @actor, @action, @entity, @entityId, @details, @prevHash, @hash)`,
    );
  }

  append(entry: NewAuditEntry): void {
    const last = this.lastStmt.get();
    const id = (last?.id ?? 0) + 1;
    const prevHash = last?.hash ?? genesisHash;
    const details = JSON.stringify(entry.details);
    // The hash must cover exactly the text SQLite stores and gives back: a lone UTF-16 surrogate
    // (e.g. in a username typed at a refused sign-in) cannot be stored as UTF-8 and would come
    // back changed, making Verify report an entry the app itself wrote as tampered.
    const actor = wellFormed(entry.actor);
    const entity = wellFormed(entry.entity);
    const entityId = entry.entityId === null ? null : wellFormed(entry.entityId);
    const stored: Omit<AuditEntry, 'prevHash' | 'hash'> = { id, at: entry.at, actor, action: entry.action, entity, entityId, details };
    this.insertStmt.run({ ...stored, prevHash, hash: auditHash(prevHash, stored, this.key) });
  }
}
