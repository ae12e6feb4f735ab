import type { dashboardOperations } from '#shared/ipc/dashboardOperations';
import type { AppServices } from '../services/appServices';
import type { HandlersOf } from './handlerContext';

export function dashboardHandlers({ dashboard }: AppServices): HandlersOf<typeof dashboardOperations> {
  return {
    getDashboard: (r) => dashboard.figures(r),
  };
}
