import type { ListAuditLogRequest } from '#shared/domain/auditLog';
import type { Db } from '../types';

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

type Filters = Omit<ListAuditLogRequest, 'limit'> & { limit: number };

/**
 * Reading the audit log: the administrator's filtered list and the whole chain for verification.
 * Writing stays in AuditRepository, inside each change's own transaction.
 */
export class AuditQueryRepository {
  private readonly pageStmt;
  private readonly chainStmt;

  constructor(db: Db) {
    // One statement for every combination of filters: an absent filter is NULL and matches all.
    // Newest first by id, continued below the last id shown (keyset, never OFFSET).
    this.pageStmt = db.prepare<[Filters], AuditRow>(
      `SELECT * FROM audit_log
       WHERE (@action IS NULL OR action = @action)
         AND (@actor IS NULL OR instr(lower(actor), lower(@actor)) > 0)
         AND (@entity IS NULL OR entity = @entity)
         AND (@from IS NULL OR at >= @from)
         AND (@to IS NULL OR at < @to)
         AND (@beforeId IS NULL OR id < @beforeId)
       ORDER BY id DESC
       LIMIT @limit`,
    );
    this.chainStmt = db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY id');
  }

  page(filters: Filters): AuditRow[] {
    return this.pageStmt.all(filters);
  }

  /** Every entry in id order, one at a time (the log can be large). */
  chain(): IterableIterator<AuditRow> {
    return this.chainStmt.iterate();
  }
}
