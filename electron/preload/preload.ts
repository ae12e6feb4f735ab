/**
 * The only contextBridge code. It exposes `window.api`: one function per operation of the shared
 * contract (each invokes its own channel) and `onMenuCommand`. No ipcRenderer, no generic send.
 * Bundled as one CommonJS file because sandboxed preloads cannot load modules.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { menuCommands, type DesktopApi, type MenuCommand } from '#shared/ipc/desktopApi';
import { operationApi } from '#shared/ipc/operationApi';

function isMenuCommand(command: unknown): command is MenuCommand {
  return typeof command === 'string' && (menuCommands as readonly string[]).includes(command);
}

const api = {
  // The main process answers each channel with the operation's Result envelope.
  ...operationApi((operation) => (request) => ipcRenderer.invoke(`api:${operation}`, request)),
  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    const wrapped = (_event: IpcRendererEvent, command: unknown): void => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on('menu-command', wrapped);
    return () => {
      ipcRenderer.removeListener('menu-command', wrapped);
    };
  },
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('api', api);
