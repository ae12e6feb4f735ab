import type { Db } from '../db/types';
import type { Clock } from './clock';
import { PatientService } from './patients/patientService';

/** Everything the operations need, built once per open database. */
export interface AppServices {
  db: Db;
  clock: Clock;
  patients: PatientService;
  info: { name: string; version: string; dataFile: string; shell: 'desktop' | 'browser'; schemaVersion: number };
}

export function createAppServices(
  db: Db,
  clock: Clock,
  info: AppServices['info'],
): AppServices {
  return { db, clock, patients: new PatientService(db, clock), info };
}
