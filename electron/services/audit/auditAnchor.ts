import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import * as z from 'zod';
import { auditHash, genesisHash } from '../../db/repositories/auditRepository';
import type { AuditRow } from '../../db/repositories/auditQueryRepository';
import { writePrivateFile } from '../../security/privateFiles';

/**
 * The newest audit entry, kept OUTSIDE the database (beside it, sealed with the audit key) and in
 * every backup manifest. Removing the newest entries from the database, or recomputing the chain,
 * no longer goes unseen: the entry named here must still be in the log with this very seal.
 * `keyedFrom` is the first entry sealed with the key (entries before it were written by a version
 * of the app before the chain was keyed, with plain SHA-256).
 */
export const auditHeadSchema = z.object({
  keyedFrom: z.number().int().min(1),
  id: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditHead = z.infer<typeof auditHeadSchema>;

const anchorFileSchema = auditHeadSchema.extend({ mac: z.string().regex(/^[0-9a-f]{64}$/) });

export type AnchorRead = { kind: 'found'; head: AuditHead } | { kind: 'missing' } | { kind: 'forged' };

export function auditAnchorFileFor(dataFile: string): string {
  return `${dataFile}.audit-head`;
}

export function macOfHead(key: Buffer, head: AuditHead): string {
  return createHmac('sha256', key).update(JSON.stringify(['audit-head', head.keyedFrom, head.id, head.hash])).digest('hex');
}

export class AuditAnchor {
  private lastWritten: string | null = null;

  constructor(
    readonly file: string,
    private readonly key: Buffer,
  ) {}

  read(): AnchorRead {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch {
      return { kind: 'missing' };
    }
    try {
      const parsed = anchorFileSchema.parse(JSON.parse(text));
      const { mac, ...head } = parsed;
      const want = Buffer.from(macOfHead(this.key, head), 'hex');
      return timingSafeEqual(want, Buffer.from(mac, 'hex')) ? { kind: 'found', head } : { kind: 'forged' };
    } catch {
      return { kind: 'forged' };
    }
  }

  write(head: AuditHead): void {
    const text = JSON.stringify({ ...head, mac: macOfHead(this.key, head) });
    if (text === this.lastWritten) return;
    const partial = `${this.file}.partial`;
    writePrivateFile(partial, text);
    fs.renameSync(partial, this.file);
    this.lastWritten = text;
  }

  /** Moves the anchor forward to the newest committed entry, unless the anchored entry has gone (evidence kept). */
  follow(newest: { id: number; hash: string } | undefined, anchoredStillThere: (head: AuditHead) => boolean): void {
    const current = this.read();
    if (current.kind !== 'found' || !newest) return;
    if (newest.id === current.head.id && newest.hash === current.head.hash) return;
    if (!anchoredStillThere(current.head)) return;
    this.write({ keyedFrom: current.head.keyedFrom, id: newest.id, hash: newest.hash });
  }
}

/** The first entry sealed with the key (entries before it are the plain-hash entries of an older version). */
export function keyedFromOf(rows: Iterable<AuditRow>, key: Buffer): number {
  let last = 0;
  for (const row of rows) {
    if (row.hash === auditHash(row.prev_hash, rowContent(row), key)) return row.id;
    last = row.id;
  }
  return last + 1;
}

export function rowContent(row: AuditRow): Parameters<typeof auditHash>[1] {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    // Stored as text; the seal covers whatever text is there.
    action: row.action as Parameters<typeof auditHash>[1]['action'],
    entity: row.entity,
    entityId: row.entity_id,
    details: row.details,
  };
}

export const emptyHead = (keyedFrom: number): AuditHead => ({ keyedFrom, id: 0, hash: genesisHash });
