import { dashboardRequestSchema, dashboardSchema } from '../domain/recall';
import type { OperationTable } from './operationTable';

/** The clinic's figures for a date range. */
export const dashboardOperations = {
  getDashboard: { request: dashboardRequestSchema, response: dashboardSchema, access: 'user' },
} as const satisfies OperationTable;
