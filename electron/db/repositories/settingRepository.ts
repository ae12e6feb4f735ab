import type { Db } from '../types';

/** Key/value settings stored as JSON; callers validate values with their own schema. */
export class SettingRepository {
  private readonly getStmt;
  private readonly putStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], { value_json: string }>('SELECT value_json FROM setting WHERE key = ?');
    this.putStmt = db.prepare<[{ key: string; valueJson: string; now: string }]>(
      `INSERT INTO setting (key, value_json, updated_at) VALUES (@key, @valueJson, @now)
       ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
    );
  }

  get(key: string): unknown {
    const row = this.getStmt.get(key);
    if (!row) return undefined;
    try {
      return JSON.parse(row.value_json) as unknown;
    } catch {
      return undefined;
    }
  }

  put(key: string, value: unknown, now: string): void {
    this.putStmt.run({ key, valueJson: JSON.stringify(value), now });
  }
}
