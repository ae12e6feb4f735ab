import { Alert, Button, Snackbar } from '@mui/material';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

export interface Notice {
  message: string;
  severity: 'success' | 'info' | 'warning' | 'error';
  /** e.g. Undo */
  action?: { label: string; run: () => void };
}

const NotifyContext = createContext<(notice: Notice) => void>(() => {});

/**
 * Short confirmations ("Patient saved") and errors, announced to screen readers. A message belongs
 * to the page it was shown on: going to another page closes it, so "Patient added" never appears
 * on the next patient's page.
 */
export function NotifierProvider({ children }: { children: ReactNode }): React.JSX.Element {
  const [notice, setNotice] = useState<(Notice & { key: number }) | null>(null);
  /** The page (address) the message is shown on: taken once the raising action has navigated. */
  const page = useRef<string | null>(null);
  const notify = useCallback((n: Notice) => {
    page.current = null;
    setNotice({ ...n, key: Date.now() });
    // A save often navigates right after telling the nurse (to the new patient's page): the
    // message belongs to where that lands, so the page is read after this turn.
    window.setTimeout(() => {
      page.current = window.location.hash;
    }, 0);
  }, []);
  const close = useCallback(() => setNotice(null), []);
  useEffect(() => {
    if (!notice) return undefined;
    const onNavigate = (): void => {
      if (page.current !== null && window.location.hash !== page.current) setNotice(null);
    };
    window.addEventListener('hashchange', onNavigate);
    window.addEventListener('popstate', onNavigate);
    return () => {
      window.removeEventListener('hashchange', onNavigate);
      window.removeEventListener('popstate', onNavigate);
    };
  }, [notice]);
  const value = useMemo(() => notify, [notify]);
  return (
    <NotifyContext.Provider value={value}>
      {children}
      <Snackbar
        key={notice?.key}
        open={notice !== null}
        autoHideDuration={notice?.severity === 'error' ? null : notice?.action ? 10000 : 5000}
        onClose={(_e, reason) => {
          if (reason !== 'clickaway') close();
        }}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        {notice ? (
          <Alert
            severity={notice.severity}
            variant="filled"
            onClose={close}
            role={notice.severity === 'error' ? 'alert' : 'status'}
            action={
              notice.action ? (
                <Button
                  color="inherit"
                  size="small"
                  onClick={() => {
                    notice.action?.run();
                    close();
                  }}
                >
                  {notice.action.label}
                </Button>
              ) : undefined
            }
          >
            {notice.message}
          </Alert>
        ) : undefined}
      </Snackbar>
    </NotifyContext.Provider>
  );
}

export function useNotify(): (notice: Notice) => void {
  return useContext(NotifyContext);
}
