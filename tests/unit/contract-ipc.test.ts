// The Electron IPC wiring, with a fake ipcMain (Electron itself cannot run here).
import { describe, expect, it } from 'vitest';
import { CONTRACT_CHANNEL } from '../../preload/ipc-channel';
import { registerContractIpc, type IpcMainLike } from '../../main/electron/contract-ipc';
import type { Registry } from '../../main/core/registry';

type Listener = Parameters<IpcMainLike['handle']>[1];

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  return {
    handle: (channel: string, listener: Listener) => {
      if (handlers.has(channel)) throw new Error('Attempted to register a second handler');
      handlers.set(channel, listener);
    },
    invoke: (url: string | null, ...args: unknown[]) =>
      handlers.get(CONTRACT_CHANNEL)!({ senderFrame: url === null ? null : { url } }, ...args),
    handlers,
  };
}

const page = 'file:///opt/hims-counter/resources/app.asar/out/renderer/index.html';

describe('contract over Electron IPC', () => {
  const calls: unknown[][] = [];
  const registry: Registry = {
    registered: () => [],
    dispatch: (method, input, caller) => {
      calls.push([method, input, caller]);
      return Promise.resolve({ ok: true, value: 'answer' });
    },
  };

  it('registers one channel and forwards calls from the app page to the registry', async () => {
    const ipc = fakeIpcMain();
    registerContractIpc(ipc, registry, page);
    expect([...ipc.handlers.keys()]).toEqual([CONTRACT_CHANNEL]);
    expect(await ipc.invoke(`${page}#/queue`, 'counter.info', {})).toEqual({ ok: true, value: 'answer' });
    expect(await ipc.invoke(`${page}?mode=kiosk`, 'counter.info', {})).toEqual({ ok: true, value: 'answer' });
    expect(calls.at(-1)).toEqual(['counter.info', {}, { kind: 'desk', session: null }]);
    // The window's desk-session token goes along; anything but a short string is dropped.
    await ipc.invoke(page, 'tokens.list', {}, 'tok-123');
    expect(calls.at(-1)).toEqual(['tokens.list', {}, { kind: 'desk', session: 'tok-123' }]);
    await ipc.invoke(page, 'tokens.list', {}, { forged: true });
    expect(calls.at(-1)).toEqual(['tokens.list', {}, { kind: 'desk', session: null }]);
  });

  it('refuses frames that are not the app page', async () => {
    const ipc = fakeIpcMain();
    registerContractIpc(ipc, registry, page);
    const before = calls.length;
    for (const url of ['https://evil.example/', 'file:///tmp/other.html', null]) {
      expect(await ipc.invoke(url, 'counter.info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(calls.length).toBe(before);
  });

  it('refuses a method name that is not a string', async () => {
    const ipc = fakeIpcMain();
    registerContractIpc(ipc, registry, page);
    expect(await ipc.invoke(page, { toString: 'x' }, {})).toMatchObject({ ok: false, error: { code: 'MALFORMED_REQUEST' } });
  });
});
