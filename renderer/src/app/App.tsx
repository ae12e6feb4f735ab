import { CssBaseline } from '@mui/material';
import { ThemeProvider } from '@mui/material/styles';
import { lazy, Suspense, useMemo } from 'react';
import { NotifierProvider } from '../components/Notifier';
import { PageLoading } from '../components/PageLoading';
import { AuthGate } from '../features/auth/AuthGate';
import { signedInShell } from './startScreens';
import { createAppTheme } from './theme';

/**
 * The first chunk holds only the theme, the notices, the sign-in gate and its forms. Everything
 * after sign-in (the bar, the sections, the screens) is the signed-in shell, loaded on its own:
 * asked for as soon as the sign-in form is up (main.tsx), so it is normally ready before the
 * password has been typed; if not, an announced loading indicator shows until it is.
 */
const SignedInShell = lazy(() => signedInShell().then((m) => ({ default: m.SignedInShell })));

export function App(): React.JSX.Element {
  const theme = useMemo(() => createAppTheme(), []);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <NotifierProvider>
        <AuthGate>
          <Suspense fallback={<PageLoading what="Foot Screening" />}>
            <SignedInShell />
          </Suspense>
        </AuthGate>
      </NotifierProvider>
    </ThemeProvider>
  );
}
