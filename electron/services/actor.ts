/** Who did something, as the audit log names them. */
export interface Actor {
  /** Audit name of the signed-in user (or of the app itself, for automatic work). */
  name: string;
}
