import { lazy, Suspense, type ComponentProps } from 'react';
import { PageLoading } from '../components/PageLoading';
import type * as Shell from './SignedInShell';

/**
 * What the first chunk needs to reach the code behind the sign-in form, and nothing more: the
 * loader of the signed-in shell (App.tsx), the background fetch of the nurse's screens and the
 * recovery screen. The screens' own lazy components (lazyScreens.tsx) and the report dialog
 * belong to the signed-in shell's chunk, so the MUI dialog and what it brings are not parsed
 * before the sign-in form shows.
 */

/** The bar, sections and screen switch around every signed-in screen. */
export const signedInShell = (): Promise<typeof Shell> => import('./SignedInShell');

/**
 * Fetch the signed-in shell and the nurse's screens (patient list, patient, screening) in the
 * background once the sign-in form is up, so they are ready by the time somebody has signed in.
 */
export function preloadEverydayScreens(): void {
  void signedInShell();
  void import('../features/patients/PatientListPage');
  void import('../features/patients/PatientPage');
  void import('../features/screening/ExamPage');
}

const RecoveryScreenCode = lazy(() => import('../features/backups/RecoveryScreen').then((m) => ({ default: m.RecoveryScreen })));

/** The recovery screen (only when the database failed its start-up check). */
export function RecoveryScreen(props: ComponentProps<typeof RecoveryScreenCode>): React.JSX.Element {
  return (
    <Suspense fallback={<PageLoading what="the recovery screen" />}>
      <RecoveryScreenCode {...props} />
    </Suspense>
  );
}
