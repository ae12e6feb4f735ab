import { useSyncExternalStore } from 'react';

/** Every screen the app can show, addressed by the URL hash so reloads return to the same place. */
export type Route =
  | { page: 'patients' }
  | { page: 'patient-new' }
  | { page: 'patient'; patientId: number }
  | { page: 'patient-edit'; patientId: number }
  | { page: 'settings' }
  | { page: 'staff' }
  | { page: 'exam'; examId: number }
  | { page: 'audit' }
  | { page: 'backups' }
  | { page: 'register-import' }
  // History, recall worklist and dashboard.
  | { page: 'worklist' }
  | { page: 'dashboard' }
  | { page: 'compare'; patientId: number; older: number | null; newer: number | null };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [first, second, third] = parts;
  if (first === 'settings') return { page: 'settings' };
  if (first === 'staff') return { page: 'staff' };
  if (first === 'exams') {
    const examId = Number(second);
    if (Number.isInteger(examId) && examId > 0) return { page: 'exam', examId };
  }
  if (first === 'audit') return { page: 'audit' };
  if (first === 'backups') return { page: 'backups' };
  if (first === 'import') return { page: 'register-import' };
  if (first === 'worklist') return { page: 'worklist' };
  if (first === 'dashboard') return { page: 'dashboard' };
  if (first === 'patients') {
    if (second === 'new') return { page: 'patient-new' };
    const id = Number(second);
    if (Number.isInteger(id) && id > 0) {
      if (third === 'edit') return { page: 'patient-edit', patientId: id };
      if (third === 'compare') {
        const [older, newer] = parts.slice(3, 5).map(Number);
        const both = Number.isInteger(older) && Number.isInteger(newer) && (older ?? 0) > 0 && (newer ?? 0) > 0;
        return { page: 'compare', patientId: id, older: both ? (older ?? null) : null, newer: both ? (newer ?? null) : null };
      }
      return { page: 'patient', patientId: id };
    }
  }
  return { page: 'patients' };
}

export function routeHash(route: Route): string {
  switch (route.page) {
    case 'patients':
      return '#/patients';
    case 'patient-new':
      return '#/patients/new';
    case 'patient':
      return `#/patients/${route.patientId}`;
    case 'patient-edit':
      return `#/patients/${route.patientId}/edit`;
    case 'settings':
      return '#/settings';
    case 'staff':
      return '#/staff';
    case 'exam':
      return `#/exams/${route.examId}`;
    case 'audit':
      return '#/audit';
    case 'backups':
      return '#/backups';
    case 'register-import':
      return '#/import';
    case 'worklist':
      return '#/worklist';
    case 'dashboard':
      return '#/dashboard';
    case 'compare':
      return `#/patients/${route.patientId}/compare${route.older !== null && route.newer !== null ? `/${route.older}/${route.newer}` : ''}`;
  }
}

export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const hash = routeHash(route);
  if (options.replace) window.history.replaceState(null, '', hash);
  else window.history.pushState(null, '', hash);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('popstate', onChange);
  };
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
