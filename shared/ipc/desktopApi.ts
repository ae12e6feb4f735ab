import type { Api } from './operations';

/** Commands the desktop menu sends to the page (the browser harness has no menu). */
export const menuCommands = ['new-patient', 'find-patient', 'open-settings'] as const;
export type MenuCommand = (typeof menuCommands)[number];

/**
 * `window.api`: the operations plus event subscriptions. Each `on...` returns its own unsubscribe
 * function, because functions that cross the context bridge lose their identity.
 */
export interface DesktopApi extends Api {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
