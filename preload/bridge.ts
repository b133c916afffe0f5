// The Electron preload: exposes exactly one function, window.counter.call,
// and never ipcRenderer itself. Runs sandboxed, so it is bundled as CommonJS.
import { contextBridge, ipcRenderer } from 'electron';
import type { CounterApi } from './contract/api';
import { CONTRACT_CHANNEL } from './ipc-channel';

const counter = {
  call: (method, input) => ipcRenderer.invoke(CONTRACT_CHANNEL, method, input),
} satisfies CounterApi;

contextBridge.exposeInMainWorld('counter', counter);
