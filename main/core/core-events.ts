// The core's push events (preload/contract/events.ts): validated on the way
// out like method outputs, then handed to every subscribed shell transport.
import { events, type CoreEvent, type EventName, type EventPayload } from '../../preload/contract/events';

export interface CoreEvents {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  subscribe(listener: (event: CoreEvent) => void): () => void;
}

export function createCoreEvents(log: (message: string) => void = console.error): CoreEvents {
  const listeners = new Set<(event: CoreEvent) => void>();
  return {
    emit(name, payload) {
      const checked = events[name].safeParse(payload);
      if (!checked.success) {
        log(`event ${name} broke the contract; not sent`);
        return;
      }
      const event = { name, payload: checked.data } as CoreEvent;
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (err) {
          log(`an event listener failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
