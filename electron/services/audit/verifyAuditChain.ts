import type { AuditVerification } from '#shared/domain/auditLog';
import { auditHash, genesisHash } from '../../db/repositories/auditRepository';
import type { AuditRow } from '../../db/repositories/auditQueryRepository';
import { rowContent, type AnchorRead } from './auditAnchor';

export interface ChainKeys {
  /** The audit key; null checks every entry as plain SHA-256 (a copy opened without the key). */
  key: Buffer | null;
  /** The newest entry as recorded outside the database; null when there is none to compare (a copy). */
  anchor: AnchorRead | null;
}

/**
 * Walks the audit chain in id order and reports the first entry where it breaks:
 * - ids must run 1, 2, 3 ... (a gap means entries were deleted; the entry after the gap is named);
 * - each entry's `prev_hash` must be the previous entry's seal (an entry removed, inserted or
 *   moved breaks this link);
 * - each entry's seal must match its content: HMAC-SHA-256 with the audit key from the anchor's
 *   `keyedFrom` on (entries of an older version before it: SHA-256), so a chain recomputed
 *   without the key fails;
 * - the newest entry recorded outside the database must still be there with the same seal, so
 *   entries removed from the end are seen.
 */
export function verifyAuditChain(rows: Iterable<AuditRow>, keys: ChainKeys = { key: null, anchor: null }): AuditVerification {
  const anchor = keys.anchor;
  if (anchor?.kind === 'forged') {
    return broken(0, 'The record of the newest entry kept outside the database was altered or damaged, so the end of the log cannot be checked.');
  }
  const head = anchor?.kind === 'found' ? anchor.head : null;
  const keyedFrom = keys.key ? (head?.keyedFrom ?? 1) : Number.POSITIVE_INFINITY;
  let expectedId = 1;
  let prevHash = genesisHash;
  let lastAt: string | null = null;
  let anchorSeen = head === null || head.id === 0;
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
    const recomputed = auditHash(row.prev_hash, rowContent(row), row.id >= keyedFrom ? keys.key : null);
    if (recomputed !== row.hash) {
      return broken(row.id, `Entry ${row.id} was changed after it was written: its content no longer matches its seal.`);
    }
    if (head && row.id === head.id) {
      if (row.hash !== head.hash) {
        return broken(row.id, `Entry ${row.id} is not the entry recorded outside the database: the log was rewritten from there on.`);
      }
      anchorSeen = true;
    }
    prevHash = row.hash;
    lastAt = row.at;
    expectedId++;
  }
  const entries = expectedId - 1;
  if (head && !anchorSeen) {
    return broken(
      entries + 1,
      `The log ends at entry ${entries}, but entry ${head.id} was recorded outside the database: the newest entries were removed.`,
    );
  }
  const checks = [
    `Entries 1 to ${entries} are numbered without gaps and each follows on from the one before.`,
    keys.key
      ? `Each entry's seal matches its content${Number.isFinite(keyedFrom) && keyedFrom > 1 ? ` (keyed with the clinic's audit key from entry ${keyedFrom}; earlier entries, from an older version, with plain SHA-256)` : " (keyed with the clinic's audit key)"}.`
      : "Each entry's seal matches its content (without the audit key: a recomputed chain would not be seen).",
    head
      ? `The newest entry recorded outside the database (entry ${head.id}) is present and unchanged${entries > head.id ? `; entries ${head.id + 1} to ${entries} came after it was recorded` : ''}.`
      : 'No record of the newest entry was available outside the database, so entries removed from the end would not be seen.',
  ];
  return { ok: true, entries, lastEntryAt: lastAt, checks, anchoredUpTo: head ? head.id : null };
}

function broken(firstBrokenId: number, reason: string): AuditVerification {
  return { ok: false, firstBrokenId, reason };
}
