export interface DatedBackup {
  name: string;
  createdAt: Date;
}

export interface RotationPolicy {
  daily: number;
  weekly: number;
}

export const defaultRotation: RotationPolicy = { daily: 7, weekly: 4 };

/**
 * Which automatic backups to keep: the newest backup of each of the last `daily` days that have
 * one, and the newest of each of the last `weekly` ISO weeks (Monday to Sunday) that have one.
 * Days and weeks are counted in UTC, so the answer does not move with the clock's time zone.
 * Everything else may be deleted.
 */
export function backupsToDelete(backups: readonly DatedBackup[], policy: RotationPolicy = defaultRotation): string[] {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const keep = new Set<string>();
  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const b of newestFirst) {
    const day = b.createdAt.toISOString().slice(0, 10);
    if (!days.has(day) && days.size < policy.daily) {
      days.add(day);
      keep.add(b.name);
    }
    const week = isoWeekStart(b.createdAt);
    if (!weeks.has(week) && weeks.size < policy.weekly) {
      weeks.add(week);
      keep.add(b.name);
    }
  }
  return newestFirst.filter((b) => !keep.has(b.name)).map((b) => b.name);
}

/** The Monday (UTC) of the ISO week a moment falls in, as YYYY-MM-DD. */
function isoWeekStart(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  day.setUTCDate(day.getUTCDate() - sinceMonday);
  return day.toISOString().slice(0, 10);
}
