import { describe, expect, it } from 'vitest';
import { backupsToDelete, type DatedBackup } from './rotation';

function daily(from: string, days: number, perDay = 1): DatedBackup[] {
  const start = new Date(from).getTime();
  const out: DatedBackup[] = [];
  for (let d = 0; d < days; d++) {
    for (let k = 0; k < perDay; k++) {
      const at = new Date(start + d * 86_400_000 + k * 3_600_000);
      out.push({ name: at.toISOString(), createdAt: at });
    }
  }
  return out;
}

describe('backup rotation (7 daily, 4 weekly)', () => {
  it('keeps everything while there are few backups', () => {
    expect(backupsToDelete(daily('2026-11-01T09:00:00Z', 5))).toEqual([]);
  });

  it('after 60 days of one backup a day keeps the last 7 days and the newest of each of the last 4 weeks', () => {
    const all = daily('2026-09-01T09:00:00Z', 60);
    const deleted = new Set(backupsToDelete(all));
    const kept = all.filter((b) => !deleted.has(b.name)).map((b) => b.name.slice(0, 10));
    // 60 days from 1 Sep end on 30 Oct 2026 (a Friday).
    expect(kept).toEqual([
      '2026-10-11', // Sunday: newest of the week of 5 Oct
      '2026-10-18', // Sunday: newest of the week of 12 Oct
      '2026-10-24',
      '2026-10-25', // also the newest of the week of 19 Oct
      '2026-10-26',
      '2026-10-27',
      '2026-10-28',
      '2026-10-29',
      '2026-10-30', // also the newest of this week
    ]);
  });

  it('keeps only the newest of several backups on the same day', () => {
    const all = daily('2026-11-01T06:00:00Z', 1, 4);
    expect(backupsToDelete(all)).toEqual(all.slice(0, 3).map((b) => b.name).reverse());
  });
});
