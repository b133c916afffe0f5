// Registers the contract on Electron's IPC. Kept free of the 'electron'
// import (it takes ipcMain as a parameter) so it is tested with a fake.
import type { CallResult } from '../../preload/contract/errors';
import { CONTRACT_CHANNEL } from '../../preload/ipc-channel';
import type { Registry } from '../core/registry';

export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => Promise<unknown>,
  ): void;
}

/** Only our own page (loaded from the app's files) may call the core. */
export function isAppPage(url: string | undefined, appPageUrl: string): boolean {
  if (!url) return false;
  return url.split('#')[0]?.split('?')[0] === appPageUrl;
}

export function registerContractIpc(ipcMain: IpcMainLike, registry: Registry, appPageUrl: string): void {
  ipcMain.handle(CONTRACT_CHANNEL, async (event, method, input, session): Promise<CallResult<unknown>> => {
    if (!isAppPage(event.senderFrame?.url, appPageUrl)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'calls are accepted from the counter window only' } };
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'MALFORMED_REQUEST', message: 'method must be a string' } };
    }
    // The window's desk-session token (main/auth) decides what it may do.
    const token = typeof session === 'string' && session.length > 0 && session.length <= 100 ? session : null;
    return registry.dispatch(method, input, { kind: 'desk', session: token });
  });
}
