// The Electron preload: exposes exactly one function, window.counter.call,
// and never ipcRenderer itself. Runs sandboxed, so it is bundled as CommonJS.
import { contextBridge, ipcRenderer } from 'electron';
import type { CounterApi } from './contract/api';
import { CONTRACT_CHANNEL } from './ipc-channel';
import { EVENT_CHANNEL } from './event-channel';
import type { CoreEvent, CounterEventsApi } from './contract/events';

const counter = {
  call: (method, input, session) => ipcRenderer.invoke(CONTRACT_CHANNEL, method, input, session ?? null),
} satisfies CounterApi;

contextBridge.exposeInMainWorld('counter', counter);

// Push events (preload/contract/events.ts): the window subscribes; it never
// gets ipcRenderer. The renderer validates each payload against the contract.
const counterEvents = {
  subscribe(listener: (event: CoreEvent) => void) {
    const handler = (_e: unknown, event: CoreEvent) => listener(event);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  },
} satisfies CounterEventsApi;

contextBridge.exposeInMainWorld('counterEvents', counterEvents);
