import { randomUUID } from 'node:crypto';
import type { Store } from '../../db/store';
import type { Clock } from '../clock';

const installationKey = 'installation.id';

/**
 * This installation's id: a UUID made the first time it is asked for and kept in the settings
 * table (so a backup restored elsewhere keeps it). Every FHIR identifier the app sends starts with
 * it, which keeps identifiers from different workstations apart on the clinic's server.
 */
export function installationId(store: Store, clock: Clock): string {
  const stored = store.settings.get(installationKey);
  if (typeof stored === 'string' && /^[0-9a-f-]{36}$/.test(stored)) return stored;
  const id = randomUUID();
  store.settings.put(installationKey, id, clock.now().toISOString());
  return id;
}
