import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

/** The one database handle type the rest of electron/ passes around. */
export type Db = BetterSqlite3.Database;
