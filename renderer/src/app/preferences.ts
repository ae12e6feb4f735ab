import { useCallback, useSyncExternalStore } from 'react';
import type { DateOrder } from '#shared/text/dates';
import { localeDateOrder } from './format';

/** Per-computer display preferences, kept in the page's local storage. */
const dateOrderKey = 'pref.dateOrder';
const listeners = new Set<() => void>();

function readDateOrder(): DateOrder {
  const stored = window.localStorage.getItem(dateOrderKey);
  return stored === 'dmy' || stored === 'mdy' ? stored : localeDateOrder();
}

export function useDateOrder(): [DateOrder, (order: DateOrder) => void] {
  const order = useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    readDateOrder,
  );
  const set = useCallback((next: DateOrder) => {
    window.localStorage.setItem(dateOrderKey, next);
    for (const l of listeners) l();
  }, []);
  return [order, set];
}
