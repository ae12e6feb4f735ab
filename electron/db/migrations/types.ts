import type { Db } from '../types';

/**
 * One numbered schema step. Released steps are never edited: a change is a new step that only
 * adds (Signal's rule, learned from lost data after downgrades).
 */
export interface Migration {
  /** 1, 2, 3 ... stored in `PRAGMA user_version` once applied. */
  version: number;
  name: string;
  up(db: Db): void;
}
