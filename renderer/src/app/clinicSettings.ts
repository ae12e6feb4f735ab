import { useSyncExternalStore } from 'react';
import { defaultClinicSettings, type ClinicSettings } from '#shared/domain/settings';
import { api } from '../api/api';

/**
 * The clinic settings as this window last read them: the date order of typed dates, the national
 * number format, the clinic's phone numbers. Loaded once after sign-in; Settings replaces them when
 * an administrator saves, so every screen follows at once.
 */
let current: ClinicSettings | null = null;
let loading = false;
const listeners = new Set<() => void>();

function publish(next: ClinicSettings): void {
  current = next;
  for (const l of listeners) l();
}

/** Reads the settings again (after sign-in, or when another window may have changed them). */
export async function reloadClinicSettings(): Promise<ClinicSettings | null> {
  loading = true;
  const r = await api().getClinicSettings({});
  loading = false;
  if (r.ok) publish(r.value);
  return r.ok ? r.value : null;
}

/** Called with what the application answered to a save. */
export function clinicSettingsSaved(next: ClinicSettings): void {
  publish(next);
}

function subscribe(cb: () => void): () => void {
  listeners.add(cb);
  if (current === null && !loading) void reloadClinicSettings();
  return () => listeners.delete(cb);
}

/** The clinic settings, or null until they have been read. */
export function useClinicSettings(): ClinicSettings | null {
  return useSyncExternalStore(subscribe, () => current);
}

/** The clinic settings, with the defaults standing in until they have been read. */
export function useClinicSettingsOrDefaults(): ClinicSettings {
  return useClinicSettings() ?? defaultClinicSettings;
}
