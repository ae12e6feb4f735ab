import type { AuditAction } from '#shared/domain/audit';
import type { AuditVerification } from '#shared/domain/auditLog';
import { auditHash, genesisHash } from '../../db/repositories/auditRepository';
import type { AuditRow } from '../../db/repositories/auditQueryRepository';

/**
 * Walks the audit chain in id order and reports the first entry where it breaks:
 * - ids must run 1, 2, 3 ... (a gap means entries were deleted; the entry after the gap is named);
 * - each entry's `prev_hash` must be the previous entry's hash (an entry removed, inserted or
 *   moved breaks this link);
 * - each entry's hash must match its content (an edited entry breaks this).
 *
 * It cannot see entries removed from the end of the log (nothing follows them to break), nor a
 * chain recomputed from the altered entry onwards by someone who knows how it is built; see
 * docs/architecture.md.
 */
export function verifyAuditChain(rows: Iterable<AuditRow>): AuditVerification {
  let expectedId = 1;
  let prevHash = genesisHash;
  let lastAt: string | null = null;
  for (const row of rows) {
    if (row.id !== expectedId) {
      const missing = row.id - expectedId === 1 ? `Entry ${expectedId} is missing` : `Entries ${expectedId} to ${row.id - 1} are missing`;
      return broken(row.id, `${missing}: they were deleted from the log outside the app.`);
    }
    if (row.prev_hash !== prevHash) {
      const before = expectedId === 1 ? 'the start of the log' : `entry ${expectedId - 1}`;
      return broken(
        row.id,
        `Entry ${row.id} does not follow on from ${before}: entries were removed, inserted or put in a different order outside the app.`,
      );
    }
    const recomputed = auditHash(row.prev_hash, {
      id: row.id,
      at: row.at,
      actor: row.actor,
      // Stored as text; the hash covers whatever text is there.
      action: row.action as AuditAction,
      entity: row.entity,
      entityId: row.entity_id,
      details: row.details,
    });
    if (recomputed !== row.hash) {
      return broken(row.id, `Entry ${row.id} was changed after it was written: its content no longer matches its seal.`);
    }
    prevHash = row.hash;
    lastAt = row.at;
    expectedId++;
  }
  return { ok: true, entries: expectedId - 1, lastEntryAt: lastAt };
}

function broken(firstBrokenId: number, reason: string): AuditVerification {
  return { ok: false, firstBrokenId, reason };
}
