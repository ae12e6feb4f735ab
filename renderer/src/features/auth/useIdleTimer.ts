import { useEffect } from 'react';

const activityEvents = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` after `minutes` without a key press, click or pointer movement. The server
 * enforces the same limit on every operation; this makes the lock appear on time even when the
 * screen is only being looked at.
 */
export function useIdleTimer(minutes: number | null, onIdle: () => void): void {
  useEffect(() => {
    if (minutes === null) return;
    let timer = window.setTimeout(onIdle, minutes * 60_000);
    let last = Date.now();
    const reset = (): void => {
      const now = Date.now();
      // pointermove fires constantly: re-arming once a second is plenty.
      if (now - last < 1000) return;
      last = now;
      window.clearTimeout(timer);
      timer = window.setTimeout(onIdle, minutes * 60_000);
    };
    for (const e of activityEvents) window.addEventListener(e, reset, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const e of activityEvents) window.removeEventListener(e, reset);
    };
  }, [minutes, onIdle]);
}
