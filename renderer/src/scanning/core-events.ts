// Push events from the core (preload/contract/events.ts): in Electron through
// the preload's window.counterEvents, in the browser shell over SSE at
// /api/events (same-origin, with the page's session cookie).
import { events, isEventName, type CoreEvent, type CounterEventsApi } from '../../../preload/contract/events';

declare global {
  interface Window {
    /** Set by the Electron preload (preload/bridge.ts); absent in a browser. */
    counterEvents?: CounterEventsApi;
  }
}

export function subscribeCoreEvents(listener: (event: CoreEvent) => void): () => void {
  if (window.counterEvents) return window.counterEvents.subscribe(listener);
  if (typeof EventSource === 'undefined') return () => {};
  const source = new EventSource('/api/events');
  const handlers = Object.keys(events).map((name) => {
    const handler = (e: MessageEvent<string>) => {
      if (!isEventName(name)) return;
      try {
        const parsed = events[name].safeParse(JSON.parse(e.data));
        if (parsed.success) listener({ name, payload: parsed.data } as CoreEvent);
      } catch {
        // Not JSON: not from our core; ignore.
      }
    };
    source.addEventListener(name, handler);
    return handler;
  });
  return () => {
    handlers.length = 0;
    source.close();
  };
}
