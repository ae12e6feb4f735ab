import { AppBar, Box, Button, CssBaseline, Link, Toolbar, Typography } from '@mui/material';
import { ThemeProvider } from '@mui/material/styles';
import { useEffect, useMemo } from 'react';
import { api } from '../api/api';
import { NotifierProvider } from '../components/Notifier';
import { PatientEditPage, PatientNewPage } from '../features/patients/PatientFormPage';
import { PatientListPage } from '../features/patients/PatientListPage';
import { PatientPage } from '../features/patients/PatientPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { navigate, useRoute, type Route } from './router';
import { createAppTheme } from './theme';

const sections: { label: string; route: Route; matches: Route['page'][] }[] = [
  { label: 'Patients', route: { page: 'patients' }, matches: ['patients', 'patient', 'patient-new', 'patient-edit'] },
  { label: 'Settings', route: { page: 'settings' }, matches: ['settings'] },
];

export function App(): React.JSX.Element {
  const theme = useMemo(() => createAppTheme(), []);
  const route = useRoute();

  // Desktop menu commands (File > New patient ...). The browser harness has no menu.
  useEffect(
    () =>
      api().onMenuCommand((command) => {
        if (command === 'new-patient') navigate({ page: 'patient-new' });
        else if (command === 'find-patient') navigate({ page: 'patients' });
        else navigate({ page: 'settings' });
      }),
    [],
  );

  // Keyboard shortcuts that work everywhere: Alt+N new patient, Alt+P patient list.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const key = event.key.toLowerCase();
      if (key === 'n') {
        event.preventDefault();
        navigate({ page: 'patient-new' });
      } else if (key === 'p') {
        event.preventDefault();
        navigate({ page: 'patients' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <NotifierProvider>
        <Link
          href="#main"
          sx={{ position: 'absolute', left: -9999, '&:focus': { left: 8, top: 8, zIndex: 2000, bgcolor: 'background.paper', p: 1 } }}
          onClick={(e) => {
            e.preventDefault();
            document.getElementById('main')?.focus();
          }}
        >
          Skip to main content
        </Link>
        <AppBar position="sticky" elevation={1}>
          <Toolbar variant="dense" sx={{ gap: 2 }}>
            <Typography variant="h6" component="div" sx={{ mr: 2, whiteSpace: 'nowrap' }}>
              Foot Screening
            </Typography>
            <Box component="nav" aria-label="Main" sx={{ display: 'flex', gap: 1 }}>
              {sections.map((s) => {
                const current = s.matches.includes(route.page);
                return (
                  <Button
                    key={s.label}
                    color="inherit"
                    href={`#/${s.route.page}`}
                    aria-current={current ? 'page' : undefined}
                    sx={{ borderBottom: current ? '3px solid white' : '3px solid transparent', borderRadius: 0 }}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(s.route);
                    }}
                  >
                    {s.label}
                  </Button>
                );
              })}
            </Box>
          </Toolbar>
        </AppBar>
        <Box component="main" id="main" tabIndex={-1} sx={{ p: { xs: 1.5, md: 3 }, maxWidth: 1400, mx: 'auto', outline: 'none' }}>
          <CurrentPage route={route} />
        </Box>
      </NotifierProvider>
    </ThemeProvider>
  );
}

function CurrentPage({ route }: { route: Route }): React.JSX.Element {
  switch (route.page) {
    case 'patients':
      return <PatientListPage />;
    case 'patient-new':
      return <PatientNewPage />;
    case 'patient':
      return <PatientPage key={route.patientId} patientId={route.patientId} />;
    case 'patient-edit':
      return <PatientEditPage key={route.patientId} patientId={route.patientId} />;
    case 'settings':
      return <SettingsPage />;
  }
}
