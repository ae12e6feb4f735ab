import type { Result } from '#shared/ipc/result';
import type { Db } from '../db/types';

const rollback = Symbol('rollback');

/**
 * Runs a write in one IMMEDIATE transaction (the write lock is taken at once, so two writers
 * never deadlock). A failed Result rolls everything back, so a refused change leaves no trace.
 */
export function writeTransaction<T>(db: Db, work: () => Result<T>): Result<T> {
  let outcome: Result<T> | undefined;
  try {
    db.transaction(() => {
      outcome = work();
      if (!outcome.ok) throw rollback;
    }).immediate();
  } catch (error) {
    if (error !== rollback) throw error;
  }
  if (!outcome) throw new Error('transaction produced no outcome');
  return outcome;
}
