import { appInfoSchema } from '../domain/appInfo';
import { recallSettingsSchema } from '../domain/recallSettings';
import { clinicSettingsSchema } from '../domain/settings';
import { emptyRequest, type OperationTable } from './operationTable';

/** This installation's details, and the clinic-wide settings (clinic name, idle lock, recall intervals). */
export const settingsOperations = {
  getAppInfo: { request: emptyRequest, response: appInfoSchema, access: 'public' },
  getClinicSettings: { request: emptyRequest, response: clinicSettingsSchema, access: 'user' },
  updateClinicSettings: { request: clinicSettingsSchema, response: clinicSettingsSchema, access: 'administrator' },
  getRecallSettings: { request: emptyRequest, response: recallSettingsSchema, access: 'user' },
  /** New intervals move every patient's due date, in the same transaction. */
  updateRecallSettings: { request: recallSettingsSchema, response: recallSettingsSchema, access: 'administrator' },
} as const satisfies OperationTable;
