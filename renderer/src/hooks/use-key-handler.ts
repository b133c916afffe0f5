// A window-wide keydown listener that always sees the latest props and state
// without re-subscribing on every render.
import { useEffect, useEffectEvent } from 'react';

export function useKeyHandler(handler: (event: KeyboardEvent) => void, enabled = true): void {
  const onKey = useEffectEvent(handler);
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [enabled]);
}

/** True when the key press is typing into a field, so shortcuts must stay out. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  }
  return false;
}
