import AccountCircle from '@mui/icons-material/AccountCircle';
import { AppBar, Box, Button, Divider, Link, ListItemText, Menu, MenuItem, Toolbar, Typography } from '@mui/material';
import { Suspense, useEffect, useState } from 'react';
import { roleLabels, type Role } from '#shared/domain/roles';
import { api } from '../api/api';
import { PageLoading } from '../components/PageLoading';
import { useSession } from '../features/auth/AuthContext';
import {
  AuditLogPage,
  BackupsPage,
  ComparePage,
  DashboardPage,
  ExamPage,
  PatientEditPage,
  PatientListPage,
  PatientNewPage,
  PatientPage,
  RegisterImportPage,
  SettingsPage,
  UsersPage,
  WorklistPage,
} from './lazyScreens';
import { ClinicContactsPrompt } from '../features/settings/ClinicContactsPrompt';
import { navigate, routeHash, useRoute, type Route } from './router';

interface Section {
  label: string;
  route: Route;
  matches: Route['page'][];
  roles?: Role[];
}

const sections: Section[] = [
  { label: 'Patients', route: { page: 'patients' }, matches: ['patients', 'patient', 'patient-new', 'patient-edit', 'exam', 'compare'] },
  // Recall worklist and clinic dashboard.
  { label: 'Worklist', route: { page: 'worklist' }, matches: ['worklist'] },
  { label: 'Dashboard', route: { page: 'dashboard' }, matches: ['dashboard'] },
  { label: 'Staff', route: { page: 'staff' }, matches: ['staff'], roles: ['administrator'] },
  { label: 'Settings', route: { page: 'settings' }, matches: ['settings'] },
  { label: 'Audit log', route: { page: 'audit' }, matches: ['audit'], roles: ['administrator'] },
  { label: 'Backups', route: { page: 'backups' }, matches: ['backups'], roles: ['administrator'] },
  { label: 'Import', route: { page: 'register-import' }, matches: ['register-import'], roles: ['administrator'] },
];

/**
 * Everything a signed-in person sees around the screens: the bar with the sections, the account
 * menu, the keyboard shortcuts and the current screen. It is loaded on its own after the sign-in
 * form (see App.tsx), so the code that paints the sign-in form stays small.
 */
export function SignedInShell(): React.JSX.Element {
  const route = useRoute();
  const session = useSession();

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

  // Keyboard shortcuts that work everywhere: Alt+N new patient, Alt+P patient list, Alt+L lock.
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
      } else if (key === 'l') {
        event.preventDefault();
        session.lock();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session]);

  return (
    <>
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
        <Toolbar variant="dense" sx={toolbarStyle}>
          <Typography variant="h6" component="div" sx={titleStyle}>
            Foot Screening
          </Typography>
          <Box component="nav" aria-label="Main" sx={navStyle}>
            {sections
              .filter((s) => !s.roles || s.roles.includes(session.user.role))
              .map((s) => {
                const current = s.matches.includes(route.page);
                return (
                  <Button
                    key={s.label}
                    color="inherit"
                    href={routeHash(s.route)}
                    aria-current={current ? 'page' : undefined}
                    sx={current ? currentNavButtonStyle : navButtonStyle}
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
          <UserMenu />
        </Toolbar>
      </AppBar>
      <Box component="main" id="main" tabIndex={-1} sx={{ p: { xs: 1.5, md: 3 }, maxWidth: 1600, mx: 'auto', outline: 'none' }}>
        <ClinicContactsPrompt />
        <Suspense fallback={<PageLoading />}>
          <CurrentPage route={route} />
        </Suspense>
      </Box>
    </>
  );
}

// The bar never wraps (a taller bar pushes the screening's buttons out of the window): labels stay on
// one line, buttons tighten on narrow windows and the signed-in name shows from 1200 px (the
// button keeps its accessible name "Signed in as …" at every width).
const toolbarStyle = { gap: { xs: 0.5, lg: 2 }, flexWrap: 'nowrap' } as const;
const titleStyle = { mr: { xs: 0.5, lg: 2 }, whiteSpace: 'nowrap' } as const;
const navStyle = { display: 'flex', gap: { xs: 0, lg: 1 }, flexGrow: 1, minWidth: 0, flexWrap: 'nowrap' } as const;
const navButtonStyle = { borderBottom: '3px solid transparent', borderRadius: 0, whiteSpace: 'nowrap', minWidth: 0, px: { xs: 0.75, lg: 1 } } as const;
const currentNavButtonStyle = { ...navButtonStyle, borderBottom: '3px solid white' } as const;
const userButtonStyle = { textTransform: 'none', whiteSpace: 'nowrap', minWidth: 0 } as const;
const userNameStyle = { display: { xs: 'none', lg: 'inline' } } as const;

function UserMenu(): React.JSX.Element {
  const { user, lock, signOut } = useSession();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Button
        color="inherit"
        startIcon={<AccountCircle />}
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        aria-label={`Signed in as ${user.displayName}`}
        sx={userButtonStyle}
      >
        <Box component="span" sx={userNameStyle}>
          {user.displayName}
        </Box>
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem disabled>
          <ListItemText primary={user.displayName} secondary={`${roleLabels[user.role]} · ${user.username}`} />
        </MenuItem>
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            lock();
          }}
        >
          Lock screen (Alt+L)
        </MenuItem>
        <MenuItem
          onClick={() => {
            setAnchor(null);
            signOut();
          }}
        >
          Sign out
        </MenuItem>
      </Menu>
    </>
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
    case 'staff':
      return <UsersPage />;
    case 'exam':
      return <ExamPage key={route.examId} examId={route.examId} />;
    case 'audit':
      return <AuditLogPage />;
    case 'backups':
      return <BackupsPage />;
    case 'register-import':
      return <RegisterImportPage />;
    case 'worklist':
      return <WorklistPage />;
    case 'dashboard':
      return <DashboardPage />;
    case 'compare':
      return <ComparePage key={route.patientId} patientId={route.patientId} older={route.older} newer={route.newer} />;
  }
}
