import type { settingsOperations } from '#shared/ipc/settingsOperations';
import { ok } from '#shared/ipc/result';
import type { AppServices } from '../services/appServices';
import type { HandlersOf } from './handlerContext';

export function settingsHandlers({ info, settings }: AppServices): HandlersOf<typeof settingsOperations> {
  return {
    getAppInfo: () => ok(info),
    getClinicSettings: () => ok(settings.clinic()),
    updateClinicSettings: (r, c) => settings.updateClinic(r, c.actor),
    getRecallSettings: () => ok(settings.recall()),
    updateRecallSettings: (r, c) => settings.updateRecall(r, c.actor),
  };
}
