import type { AuditEntryView, AuditLogPage, AuditVerification, ListAuditLogRequest } from '#shared/domain/auditLog';
import type { AuditRow } from '../../db/repositories/auditQueryRepository';
import { verifyAuditChain, type ChainKeys } from './verifyAuditChain';
import type { Store } from '../../db/store';

/** The administrator's view of the audit log: filtered pages and the chain check. */
export class AuditLogService {
  constructor(
    private readonly store: Pick<Store, 'auditQueries'>,
    /** The audit key and the anchor kept outside the database; read at each verification. */
    private readonly keys: () => ChainKeys = () => ({ key: null, anchor: null }),
  ) {}

  list(request: ListAuditLogRequest): AuditLogPage {
    // One row more than asked tells whether an older page exists without counting.
    const rows = this.store.auditQueries.page({ ...request, limit: request.limit + 1 });
    const page = rows.slice(0, request.limit);
    const last = page[page.length - 1];
    return { entries: page.map(toView), nextBeforeId: rows.length > request.limit && last ? last.id : null };
  }

  verify(): AuditVerification {
    return verifyAuditChain(this.store.auditQueries.chain(), this.keys());
  }
}

function toView(row: AuditRow): AuditEntryView {
  return { id: row.id, at: row.at, actor: row.actor, action: row.action, entity: row.entity, entityId: row.entity_id, details: parseDetails(row.details) };
}

function parseDetails(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  } catch {
    // An entry edited outside the app can hold anything; show it rather than fail the page.
    return { unreadable: text.slice(0, 200) };
  }
}
