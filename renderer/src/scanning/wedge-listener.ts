// The window-wide keyboard-wedge listener (capture phase, so it sees every
// key before the page does). In a text field nothing is held back: the clerk's
// typing lands as typed, and when a burst turns out to be a scan, the field
// gets back the value it had before the scan (the scan "landed in a text
// field" and is recovered) and the terminator (Enter/Tab) is kept from
// submitting or moving focus. Outside text fields keys are shortcuts (a digit
// picks a department, Enter issues a token), so a scanner must not fire them:
// there keys are held for `holdMs` and released at once when they do not look
// like a scanner, so a person's shortcut still works.
import {
  DEFAULT_WEDGE_OPTIONS,
  isWedgeChar,
  judgeBurst,
  looksLikeCard,
  median,
  gaps,
  type KeyStroke,
  type WedgeOptions,
} from './wedge-detector';

export interface WedgeListenerOptions extends WedgeOptions {
  /** Outside text fields, how long a key may wait for the next before it is released as typing. */
  holdMs: number;
}

interface BurstKey extends KeyStroke {
  field: HTMLInputElement | HTMLTextAreaElement | null;
  valueBefore: string;
  held: { target: EventTarget; init: KeyboardEventInit } | null;
}

const replayed = new WeakSet<Event>();

function textField(target: EventTarget | null): HTMLInputElement | HTMLTextAreaElement | null {
  if (target instanceof HTMLTextAreaElement) return target;
  if (
    target instanceof HTMLInputElement &&
    !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(target.type)
  )
    return target;
  return null;
}

/** Sets a (React-controlled) field's value so React sees the change. */
export function setFieldValue(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

const IGNORED = new Set(['Shift', 'CapsLock', 'Unidentified', 'Dead']);

/**
 * Extra wall-clock wait before a burst that looks like a scan is ended by the
 * timer. Bursts are judged by the keys' own timestamps but ended by a timer:
 * on a busy page the clock runs on while a scan's next keys wait to be
 * dispatched, and a scan cut in two is two wrong scans (at the kiosk, a wrong
 * "go to the counter" slip). Only scanners set up without Enter/Tab pay it.
 */
export const SCAN_GRACE_MS = 500;

export function installWedgeListener(
  onScan: (text: string) => void,
  options: Partial<WedgeListenerOptions> = {},
  win: Window = window,
): () => void {
  const opts: WedgeListenerOptions = { ...DEFAULT_WEDGE_OPTIONS, holdMs: 60, ...options };
  let burst: BurstKey[] = [];
  // The last burst that ended as typing in a text field. Bursts are judged by
  // the keys' own timestamps, but ended by a wall-clock timer: when the page
  // is busy the timer can fire between two keys of one scan. Such a burst is
  // reopened if the next key belongs to it by its timestamp (safe only in a
  // field, where nothing was held back and the value can be restored).
  let endedAsTyping: BurstKey[] = [];
  let idleTimer: number | undefined;
  let holdTimer: number | undefined;
  let graceGiven = false;

  function onIdle() {
    if (!graceGiven && looksLikeScanSoFar()) {
      graceGiven = true;
      idleTimer = win.setTimeout(onIdle, SCAN_GRACE_MS);
      return;
    }
    finish();
  }

  function clearTimers() {
    win.clearTimeout(idleTimer);
    win.clearTimeout(holdTimer);
  }

  function replay(keys: BurstKey[]) {
    for (const key of keys) {
      if (!key.held) continue;
      const event = new KeyboardEvent('keydown', key.held.init);
      replayed.add(event);
      key.held.target.dispatchEvent(event);
      key.held = null;
    }
  }

  function looksLikeScanSoFar(): boolean {
    return burst.length >= 3 && median(gaps(burst)) <= opts.maxMedianGapMs;
  }

  /** Ends the burst; true when it was a scan (and has been handed on). */
  function finish(): boolean {
    clearTimers();
    const keys = burst;
    burst = [];
    endedAsTyping = [];
    if (keys.length === 0) return false;
    const verdict = judgeBurst(keys, opts);
    // In a field, a fast burst that is no card stays as typed (unless a prefix proves a scanner).
    const first = keys[verdict.start];
    const typing = verdict.scan && first?.field && !opts.prefix && !looksLikeCard(verdict.text);
    if (!verdict.scan || !first || typing) {
      replay(keys);
      if (keys.every((k) => k.field)) endedAsTyping = keys;
      return false;
    }
    replay(keys.slice(0, verdict.start)); // a person's keys just before the scan
    if (first.field && first.field.isConnected) setFieldValue(first.field, first.valueBefore);
    onScan(verdict.text);
    return true;
  }

  function onKeyDown(e: KeyboardEvent) {
    if (replayed.has(e) || e.isComposing || IGNORED.has(e.key)) return;
    const time = e.timeStamp;
    const last = burst.at(-1);
    if (last && time - last.time > opts.burstBreakMs) finish();

    if (e.key === 'Enter' || e.key === 'Tab') {
      if (burst.length === 0) return;
      const heldBefore = burst.some((k) => k.held);
      if (finish()) {
        e.preventDefault();
        e.stopImmediatePropagation();
      } else if (heldBefore) {
        // The held keys were just released; this key must come after them.
        e.preventDefault();
        e.stopImmediatePropagation();
        const again = new KeyboardEvent('keydown', {
          key: e.key,
          code: e.code,
          shiftKey: e.shiftKey,
          bubbles: true,
          cancelable: true,
        });
        replayed.add(again);
        (e.target ?? win).dispatchEvent(again);
      }
      return;
    }
    if (e.ctrlKey || e.altKey || e.metaKey || !isWedgeChar(e.key)) {
      // Editing or a shortcut: whatever was gathering is not a scan.
      if (burst.length) {
        const keys = burst;
        burst = [];
        clearTimers();
        replay(keys);
      }
      return;
    }
    const field = textField(e.target);
    const previous = endedAsTyping.at(-1);
    if (burst.length === 0 && previous && field && previous.field === field && time - previous.time <= opts.burstBreakMs) {
      burst = endedAsTyping;
    }
    endedAsTyping = [];
    const key: BurstKey = { char: e.key, time, field, valueBefore: field?.value ?? '', held: null };
    if (!field) {
      e.preventDefault();
      e.stopImmediatePropagation();
      key.held = {
        target: e.target ?? win,
        init: { key: e.key, code: e.code, shiftKey: e.shiftKey, bubbles: true, cancelable: true },
      };
    }
    burst.push(key);
    clearTimers();
    graceGiven = false;
    idleTimer = win.setTimeout(onIdle, opts.burstBreakMs);
    if (burst.some((k) => k.held)) {
      holdTimer = win.setTimeout(() => {
        if (!looksLikeScanSoFar()) replay(burst);
      }, opts.holdMs);
    }
  }

  win.addEventListener('keydown', onKeyDown, true);
  return () => {
    win.removeEventListener('keydown', onKeyDown, true);
    clearTimers();
  };
}
