import { migration001 } from './001_patients';
import { migration002 } from './002_exams';
import { migration003 } from './003_users_settings';
import { migration004 } from './004_recall';
import { migration005 } from './005_patient_contacts';
import { migration006 } from './006_register_import';
import { migration007 } from './007_recall_possible_categories';
import { migration008 } from './008_fhir_outbox';
import { migration009 } from './009_exam_origin';
import type { Migration } from './types';

/** Every schema step in order. The last one's version is the schema this app writes. */
export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009];

export const latestSchemaVersion: number = migrations[migrations.length - 1]?.version ?? 0;
