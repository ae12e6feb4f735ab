import type { AppServices } from '../services/appServices';
import { accountHandlers } from './accountHandlers';
import { auditHandlers } from './auditHandlers';
import { backupHandlers } from './backupHandlers';
import { dashboardHandlers } from './dashboardHandlers';
import { examHandlers } from './examHandlers';
import { exportHandlers } from './exportHandlers';
import { fhirLookupHandlers } from './fhirLookupHandlers';
import { fhirServerHandlers } from './fhirServerHandlers';
import type { Handlers } from './handlerContext';
import { interopHandlers } from './interopHandlers';
import { jobHandlers } from './jobHandlers';
import { patientHandlers } from './patientHandlers';
import { recallHandlers } from './recallHandlers';
import { reportHandlers } from './reportHandlers';
import { settingsHandlers } from './settingsHandlers';

/**
 * Every operation's handler, one domain file each like the operation tables in shared/ipc. A
 * handler is a line that calls a service: no logic lives here, and no service is built here.
 */
export function createHandlers(services: AppServices): Handlers {
  return {
    ...settingsHandlers(services),
    ...accountHandlers(services),
    ...patientHandlers(services),
    ...examHandlers(services),
    ...auditHandlers(services),
    ...backupHandlers(services),
    ...reportHandlers(services),
    ...recallHandlers(services),
    ...dashboardHandlers(services),
    ...exportHandlers(services),
    ...jobHandlers(services),
    ...interopHandlers(services),
    ...fhirServerHandlers(services),
    ...fhirLookupHandlers(services),
  };
}
