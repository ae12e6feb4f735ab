import { migration001 } from './001_patients';
import type { Migration } from './types';

/** Every schema step in order. The last one's version is the schema this app writes. */
export const migrations: readonly Migration[] = [migration001];

export const latestSchemaVersion: number = migrations[migrations.length - 1]?.version ?? 0;
