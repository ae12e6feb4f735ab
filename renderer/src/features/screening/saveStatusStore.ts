import { useSyncExternalStore } from 'react';

/** `failed`: will try again by itself; `stopped`: the app refused, so trying again cannot help. */
export type SaveStatus = 'saved' | 'saving' | 'failed' | 'stopped';

export interface SaveState {
  status: SaveStatus;
  /** Why saving stopped, in the nurse's words (null while it works or retries). */
  problem: string | null;
}

/**
 * The autosave's status, kept outside React state: it changes twice per answer (saving, saved),
 * and only the status chip reads it, so only the chip re-renders, not the whole screen.
 */
export interface SaveStatusStore {
  get: () => SaveState;
  setStatus: (status: SaveStatus) => void;
  setProblem: (problem: string | null) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createSaveStatusStore(): SaveStatusStore {
  let current: SaveState = { status: 'saved', problem: null };
  const listeners = new Set<() => void>();
  const set = (next: SaveState): void => {
    if (next.status === current.status && next.problem === current.problem) return;
    current = next;
    for (const l of listeners) l();
  };
  return {
    get: () => current,
    setStatus: (status) => set({ ...current, status }),
    setProblem: (problem) => set({ ...current, problem }),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useSaveState(store: SaveStatusStore): SaveState {
  return useSyncExternalStore(store.subscribe, store.get);
}
