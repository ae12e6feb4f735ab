import { startTransition, useEffect, useState } from 'react';
import { afterPaint } from './afterPaint';

/**
 * `value`, one frame late: until the frame that shows the rest of the screen's change has painted,
 * the previous value; then the new one, in a render the next key may interrupt.
 *
 * For the live result column. A key that completes a site changes the assessment, and the
 * background render that follows used to draw the diagram's markers, the site count and the whole
 * result column in one commit: a single task of 50-80 ms on a slow PC, during which the next key
 * waits. The column now follows in a commit of its own, a frame after the diagram.
 */
export function useValueAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return undefined;
    // The frame with the diagram has painted by then.
    return afterPaint(() => startTransition(() => setShown(value)));
  }, [value, shown]);
  return shown;
}
