/**
 * Who may do what: clinicians sign exams; administrators also manage staff and the log.
 * Apart from the user schemas (users.ts re-exports these) so the app shell can name a role
 * without loading the validation library before the sign-in form paints.
 */
export const roles = ['nurse', 'podiatrist', 'administrator'] as const;
export type Role = (typeof roles)[number];
export const roleLabels: Readonly<Record<Role, string>> = {
  nurse: 'Nurse',
  podiatrist: 'Podiatrist',
  administrator: 'Administrator',
};
