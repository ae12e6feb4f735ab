import { Alert, Button, Snackbar } from '@mui/material';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export interface Notice {
  message: string;
  severity: 'success' | 'info' | 'warning' | 'error';
  /** e.g. Undo */
  action?: { label: string; run: () => void };
}

const NotifyContext = createContext<(notice: Notice) => void>(() => {});

/** Short confirmations ("Patient saved") and errors, announced to screen readers. */
export function NotifierProvider({ children }: { children: ReactNode }): React.JSX.Element {
  const [notice, setNotice] = useState<(Notice & { key: number }) | null>(null);
  const notify = useCallback((n: Notice) => setNotice({ ...n, key: Date.now() }), []);
  const close = useCallback(() => setNotice(null), []);
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
