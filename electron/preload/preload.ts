/**
 * The only contextBridge code. It exposes `window.api`: one function per operation of the shared
 * table (each invokes its own channel) and `onMenuCommand`. No ipcRenderer, no generic send.
 * Bundled as one CommonJS file because sandboxed preloads cannot load modules.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { menuCommands, type DesktopApi, type MenuCommand } from '#shared/ipc/desktopApi';
import { operationNames } from '#shared/ipc/operationNames';

const operationsApi = Object.fromEntries(
  operationNames.map((name) => [name, (request: unknown) => ipcRenderer.invoke(`api:${name}`, request)]),
);

const api = {
  ...operationsApi,
  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    const wrapped = (_event: IpcRendererEvent, command: unknown): void => {
      if (typeof command === 'string' && (menuCommands as readonly string[]).includes(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on('menu-command', wrapped);
    return () => {
      ipcRenderer.removeListener('menu-command', wrapped);
    };
  },
} as unknown as DesktopApi;

contextBridge.exposeInMainWorld('api', api);
