import { useDeferredValue, useMemo } from 'react';
import { assess } from '#shared/clinical/assess';
import type { Assessment } from '#shared/clinical/assessment';
import type { Findings } from '#shared/domain/findings';

/**
 * The live result while the screen is being filled in: the shared engine's assessment of the
 * findings recorded so far.
 *
 * Keyed on the findings alone: keys that only move within a site or between steps keep the same
 * findings object and cost no assessment. And deferred: the frame after a key paints the answer
 * itself (the step reads the wizard's own state) with the previous assessment, then React
 * recomputes the assessment and the diagram, counts and result panel that show it in a background
 * render that the next key may interrupt. The nurse never waits on the engine to see her answer.
 */
export function useLiveAssessment(findings: Findings | null): Assessment | null {
  const deferred = useDeferredValue(findings);
  return useMemo(() => (deferred ? assess(deferred) : null), [deferred]);
}
