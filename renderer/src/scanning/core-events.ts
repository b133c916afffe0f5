// Push events from the core (preload/contract/events.ts): in Electron through
// the preload's window.counterEvents, in the browser shell over SSE at
// /api/events (same-origin, with the page's session cookie).
//
// Every subscriber in the page shares one EventSource: one connection, one
// reconnect (which resumes from the last event id, so the core replays what
// the page missed), one state. The stream is opened with this window's desk
// session (pushes carry card contents) and opened again when it changes. The state is kept on <html data-core-events>
// so anyone looking at the page (the end-to-end tests included) can tell
// whether pushes such as a serial scan can reach it right now. EventSource
// retries a dropped connection by itself but gives up for good on an HTTP
// error (a restarted core); then the page opens it again, backing off, for as
// long as anyone listens (a hall board is left on for days).
import { events, isEventName, type CoreEvent, type CounterEventsApi } from '../../../preload/contract/events';
import { deskSession } from '../auth/desk-session';

declare global {
  interface Window {
    /** Set by the Electron preload (preload/bridge.ts); absent in a browser. */
    counterEvents?: CounterEventsApi;
  }
}

type Listener = (event: CoreEvent) => void;
export type CoreEventsState = 'connecting' | 'open' | 'unavailable';

const listeners = new Set<Listener>();
const stateListeners = new Set<(state: CoreEventsState) => void>();
let source: EventSource | null = null;
let stopWatchingToken: (() => void) | null = null;
const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 30_000;
let retryTimer: number | null = null;
let retryMs = RETRY_FIRST_MS;

function setState(state: CoreEventsState) {
  if (document.documentElement.dataset.coreEvents === state) return;
  document.documentElement.dataset.coreEvents = state;
  for (const listener of [...stateListeners]) listener(state);
}

/** The stream's state now (as on <html data-core-events>). */
export function coreEventsState(): CoreEventsState {
  const state = document.documentElement.dataset.coreEvents;
  return state === 'open' || state === 'connecting' ? state : 'unavailable';
}

/** Told whenever the stream opens, drops or gives up: a screen that shows live numbers says when they are not. */
export function watchCoreEventsState(listener: (state: CoreEventsState) => void): () => void {
  stateListeners.add(listener);
  return () => {
    stateListeners.delete(listener);
  };
}

function retryLater() {
  if (retryTimer !== null || listeners.size === 0) return;
  retryTimer = window.setTimeout(() => {
    retryTimer = null;
    if (listeners.size > 0) connect(deskSession.token());
  }, retryMs);
  retryMs = Math.min(RETRY_MAX_MS, retryMs * 2);
}

function deliver(event: CoreEvent) {
  for (const listener of listeners) listener(event);
}

function openSource(token: string): EventSource {
  const es = new EventSource(`/api/events?session=${encodeURIComponent(token)}`);
  setState('connecting');
  es.addEventListener('open', () => {
    retryMs = RETRY_FIRST_MS;
    setState('open');
  });
  // EventSource retries by itself (the core asks for 2 s); until then, say so.
  es.addEventListener('error', () => {
    if (es.readyState !== EventSource.CLOSED) return setState('connecting');
    setState('unavailable');
    if (es === source) retryLater();
  });
  for (const name of Object.keys(events)) {
    es.addEventListener(name, (e: MessageEvent<string>) => {
      if (!isEventName(name)) return;
      try {
        const parsed = events[name].safeParse(JSON.parse(e.data));
        if (parsed.success) deliver({ name, payload: parsed.data } as CoreEvent);
      } catch {
        // Not JSON: not from our core; ignore.
      }
    });
  }
  return es;
}

export function subscribeCoreEvents(listener: Listener): () => void {
  if (window.counterEvents) {
    setState('open'); // IPC: subscribed synchronously, nothing to wait for
    return window.counterEvents.subscribe(listener);
  }
  if (typeof EventSource === 'undefined') {
    setState('unavailable');
    return () => {};
  }
  listeners.add(listener);
  if (!source) connect(deskSession.token());
  stopWatchingToken ??= deskSession.watchToken(connect);
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    source?.close();
    source = null;
    if (retryTimer !== null) window.clearTimeout(retryTimer);
    retryTimer = null;
    stopWatchingToken?.();
    stopWatchingToken = null;
    delete document.documentElement.dataset.coreEvents;
  };
}

/** (Re)opens the stream for this session; with nobody signed in there is nothing to hear. */
function connect(token: string | null) {
  source?.close();
  source = token ? openSource(token) : null;
  if (!token) setState('unavailable');
}
