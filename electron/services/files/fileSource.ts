import type { ChosenFile } from '#shared/domain/backups';
import type { FileKind } from '#shared/domain/files';
import { fail, type Result } from '#shared/ipc/result';

/**
 * Where files the user gives the app come from (a backup to restore). The desktop app asks with
 * the OS open dialog; in the browser harness the page uploads the file first. Either way the
 * service gets an opaque reference, bound to the client that chose it, and resolves it to a path.
 */
export interface FileSource {
  choose(kind: FileKind, clientKey: string): Promise<Result<ChosenFile>>;
  /** The local path of a file this client chose or uploaded, or null. */
  resolve(ref: string, clientKey: string): string | null;
}

/** For shells that cannot take files from the user. */
export const noFileSource: FileSource = {
  choose: () => Promise.resolve(fail('bad_request', 'Choosing a file is not available here.')),
  resolve: () => null,
};
