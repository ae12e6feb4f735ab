import { Dialog, DialogContent } from '@mui/material';
import { lazy, Suspense, type ComponentProps } from 'react';
import { PageLoading } from '../components/PageLoading';

/**
 * Every screen behind the sign-in form is loaded on first use rather than at start-up. This module
 * belongs to the signed-in shell's chunk (SignedInShell.tsx), not to the first chunk, which holds
 * only what paints the sign-in form (startScreens.tsx). The patient list and the screening are
 * fetched as soon as the app starts (startScreens.tsx), so they are usually ready by the time
 * somebody has signed in; administration, audit, backups, the dashboard, the worklist and the
 * report dialog load when first opened.
 */
const patientList = () => import('../features/patients/PatientListPage');
const examPage = () => import('../features/screening/ExamPage');
const patientPage = () => import('../features/patients/PatientPage');

export const PatientListPage = lazy(() => patientList().then((m) => ({ default: m.PatientListPage })));
export const PatientPage = lazy(() => patientPage().then((m) => ({ default: m.PatientPage })));
export const ExamPage = lazy(() => examPage().then((m) => ({ default: m.ExamPage })));
export const PatientNewPage = lazy(() => import('../features/patients/PatientFormPage').then((m) => ({ default: m.PatientNewPage })));
export const PatientEditPage = lazy(() => import('../features/patients/PatientFormPage').then((m) => ({ default: m.PatientEditPage })));
export const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
export const ComparePage = lazy(() => import('../features/history/ComparePage').then((m) => ({ default: m.ComparePage })));
export const UsersPage = lazy(() => import('../features/admin/UsersPage').then((m) => ({ default: m.UsersPage })));
export const AuditLogPage = lazy(() => import('../features/audit/AuditLogPage').then((m) => ({ default: m.AuditLogPage })));
export const BackupsPage = lazy(() => import('../features/backups/BackupsPage').then((m) => ({ default: m.BackupsPage })));
export const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));
export const RegisterImportPage = lazy(() => import('../features/interop/RegisterImportPage').then((m) => ({ default: m.RegisterImportPage })));
export const WorklistPage = lazy(() => import('../features/recall/WorklistPage').then((m) => ({ default: m.WorklistPage })));
const ReportDialogCode = lazy(() => import('../features/reports/ReportDialog').then((m) => ({ default: m.ReportDialog })));

/** The report dialog; while its code loads an open dialog says so, a closed one shows nothing. */
export function ReportDialog(props: ComponentProps<typeof ReportDialogCode>): React.JSX.Element {
  const loading = props.open ? (
    <Dialog open onClose={props.onClose} aria-label="Reports">
      <DialogContent>
        <PageLoading what="the reports" />
      </DialogContent>
    </Dialog>
  ) : null;
  return (
    <Suspense fallback={loading}>
      <ReportDialogCode {...props} />
    </Suspense>
  );
}
