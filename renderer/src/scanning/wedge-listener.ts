// The window-wide keyboard-wedge listener (capture phase, so it sees every
// key before the page does). A person's key is never held: it reaches the page
// at once, as the browser made it, so Space ticks a checkbox and presses a
// button, a select jumps to the option typed, a one-key choice moves the
// cursor before the next key comes. A scanner is known by its second key: it
// follows the first within a few milliseconds, faster than anyone types. From
// there the burst's keys are kept from the page until the burst is judged:
// - a scan: the keys kept are dropped, a text field the first key landed in
//   gets its value back, the terminator (Enter/Tab) is kept from submitting,
//   and the text is handed on once, whole; so a scan fires no shortcut (a
//   digit picks a department, Enter issues a token) beyond its first key;
// - no scan (a phone number sent by a tool, two keys pressed together): the
//   kept keys go where they were aimed, in order, a field's as one input.
// Kept keys are judged by their own timestamps, so a busy page does not turn
// a scan into typing; one input for a whole burst is also what spares a busy
// page a render per character. A scanner presses keys as a US keyboard would:
// with the clerk's keyboard switched to Hindi (InScript types थ for Shift+L),
// a scan is read from the keys' places, so a card still reads as a card.
import {
  DEFAULT_WEDGE_OPTIONS,
  gaps,
  isWedgeChar,
  judgeBurst,
  looksLikeCard,
  median,
  type KeyStroke,
  type WedgeOptions,
} from './wedge-detector';
import { usKeyChar } from '../lib/key-place';
import { latinDigits } from '../lib/numerals';
import { insertText, setFieldValue, textField, type TextField } from './text-field';

export interface WedgeListenerOptions extends WedgeOptions {
  /** In a text field, how long a kept key may wait for a fast follower before it is typed. */
  holdMs: number;
}

interface BurstKey extends KeyStroke {
  /** What the layout typed (KeyStroke.char is what a scanner meant: the US key at that place). */
  typed: string;
  /** Where the key was aimed: its text field, or (outside fields) the element that had focus. */
  field: TextField | null;
  target: EventTarget;
  /** The field's value just before this key. */
  valueBefore: string;
  /** Kept from the page, still to be given to it (or dropped as part of a scan). */
  kept: boolean;
}

/** Keys this listener gives back to the page itself: not judged again. */
const replayed = new WeakSet<Event>();

const IGNORED = new Set(['Shift', 'CapsLock', 'Unidentified', 'Dead']);

/**
 * Extra wall-clock wait before a burst that looks like a scan is ended by the
 * timer. Bursts are judged by the keys' own timestamps but ended by a timer:
 * on a busy page the clock runs on while a scan's next keys wait to be
 * dispatched, and a scan cut in two is two wrong scans (at the kiosk, a wrong
 * "go to the counter" slip). Only scanners set up without Enter/Tab pay it.
 */
export const SCAN_GRACE_MS = 500;

/** Keys waiting to be handled by the page (Chromium's isInputPending; elsewhere none known). */
function inputPending(win: Window): boolean {
  const scheduling = (win.navigator as Navigator & { scheduling?: { isInputPending?: () => boolean } }).scheduling;
  return scheduling?.isInputPending?.() ?? false;
}

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
  // field, where the value can be restored).
  let endedAsTyping: BurstKey[] = [];
  // One timer for the burst, not one per key (a scan's keys come 8 ms apart):
  // it wakes when something may be due and looks at how long the keys have been quiet.
  let timer: number | undefined;
  let wakeAt = Infinity;
  let lastKeyAt = 0;

  function clearTimer() {
    win.clearTimeout(timer);
    timer = undefined;
    wakeAt = Infinity;
  }

  /** Ms of quiet after which the burst is over: a burst that reads as a scan is waited for a little longer. */
  function breakAfter(): number {
    return opts.burstBreakMs + (scanLikeSoFar() ? SCAN_GRACE_MS : 0);
  }

  /** Ms of quiet after which keys kept in a field are typed: two keys pressed together, no scanner after them. */
  function holdAfter(): number {
    return !scanLikeSoFar() && burst.some((k) => k.kept && k.field) ? opts.holdMs : Infinity;
  }

  function wakeIn(ms: number) {
    const at = Date.now() + ms;
    if (at >= wakeAt) return;
    win.clearTimeout(timer);
    wakeAt = at;
    timer = win.setTimeout(wake, ms);
  }

  function wake() {
    timer = undefined;
    wakeAt = Infinity;
    if (burst.length === 0) return;
    // A busy page: the burst's next keys may be waiting to reach it. They are no pause.
    if (inputPending(win)) return void wakeIn(10);
    const quiet = Date.now() - lastKeyAt;
    if (quiet >= holdAfter()) release(burst, true);
    if (quiet >= breakAfter()) return void finish();
    wakeIn(Math.min(holdAfter(), breakAfter()) - quiet);
  }

  /** The burst's latest keys come at a scanner's pace (asked at every key: a card is 1,300 keys, so only the last 16 gaps). */
  function scanLikeSoFar(): boolean {
    return burst.length >= 3 && median(gaps(burst.slice(-17))) <= opts.maxMedianGapMs;
  }

  /** Gives the page the kept keys, in order: a field's run of keys as one input, any other as an event. */
  function release(keys: BurstKey[], fieldsOnly = false) {
    let run: BurstKey[] = [];
    const typeRun = () => {
      const field = run[0]?.field;
      if (field?.isConnected) insertText(field, latinDigits(run.map((k) => k.typed).join('')));
      run = [];
    };
    for (const key of keys) {
      if (!key.kept || (fieldsOnly && !key.field)) continue;
      key.kept = false;
      if (key.field) {
        if (run.length > 0 && run[0]!.field !== key.field) typeRun();
        run.push(key);
        continue;
      }
      typeRun();
      // Outside a field only the page's own shortcuts can still hear it (two keys pressed together).
      const event = new KeyboardEvent('keydown', { key: key.typed, bubbles: true, cancelable: true });
      replayed.add(event);
      key.target.dispatchEvent(event);
    }
    typeRun();
  }

  /** A scan's keys taken back out: each field it typed into gets the value it had before. */
  function takeBack(keys: BurstKey[]) {
    const restored = new Set<TextField>();
    for (const key of keys) {
      const field = key.field;
      if (!field || restored.has(field)) continue;
      restored.add(field);
      if (field.isConnected && field.value !== key.valueBefore) setFieldValue(field, key.valueBefore);
    }
    for (const key of keys) key.kept = false;
  }

  /** Ends the burst; true when it was a scan (and has been handed on). */
  function finish(): boolean {
    clearTimer();
    const keys = burst;
    burst = [];
    endedAsTyping = [];
    if (keys.length === 0) return false;
    const verdict = judgeBurst(keys, opts);
    // In a field, a fast burst that is no card stays as typed (unless a prefix proves a scanner).
    const first = keys[verdict.start];
    const typing = verdict.scan && first?.field && !opts.prefix && !looksLikeCard(verdict.text);
    if (!verdict.scan || !first || typing) {
      release(keys);
      if (keys.every((k) => k.field)) endedAsTyping = keys;
      return false;
    }
    release(keys.slice(0, verdict.start)); // a person's keys just before the scan
    // Handed on first: the card is being read while the field is put back (a render of its own).
    onScan(verdict.text);
    takeBack(keys.slice(verdict.start));
    return true;
  }

  function onKeyDown(e: KeyboardEvent) {
    if (replayed.has(e) || e.isComposing || IGNORED.has(e.key)) return;
    const time = e.timeStamp;
    const last = burst.at(-1);
    // A pause ends the burst; so does a key stamped before the last (two keyboards, or a script's keys).
    if (last && (time - last.time > opts.burstBreakMs || time < last.time)) finish();

    if (e.key === 'Enter' || e.key === 'Tab') {
      // Kept keys reach the page in finish(), before this key goes on to it.
      if (burst.length > 0 && finish()) {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
      return;
    }
    const char = scannerChar(e);
    if (e.ctrlKey || e.altKey || e.metaKey || e.repeat || !isWedgeChar(char)) {
      // Editing, a shortcut or a held-down key: whatever was gathering is not a scan.
      const keys = burst;
      burst = [];
      clearTimer();
      release(keys);
      return;
    }
    const field = textField(e.target);
    const previous = endedAsTyping.at(-1);
    const after = previous ? time - previous.time : -1;
    if (burst.length === 0 && previous && field && previous.field === field && after >= 0 && after <= opts.burstBreakMs) {
      burst = endedAsTyping;
    }
    endedAsTyping = [];
    const before = burst.at(-1);
    burst.push({ char, typed: e.key, time, field, target: e.target ?? win, valueBefore: field?.value ?? '', kept: false });
    const fast = before !== undefined && time - before.time <= opts.maxMedianGapMs;
    lastKeyAt = Date.now();
    const key = burst.at(-1)!;
    if (!fast && !scanLikeSoFar()) {
      // A person's pace: this key goes to the page now, after any kept before it.
      release(burst);
    } else {
      e.preventDefault();
      e.stopImmediatePropagation();
      key.kept = true;
    }
    wakeIn(key.kept && key.field && !scanLikeSoFar() ? opts.holdMs : opts.burstBreakMs);
  }

  // A click is a person's: no scanner clicks. Whatever burst is gathering is
  // judged now, so keys kept in a field are in it before the click's own
  // handlers read it (a form submitted by the mouse right after fast typing).
  function onPointerDown() {
    if (burst.length > 0) finish();
  }

  win.addEventListener('keydown', onKeyDown, true);
  win.addEventListener('pointerdown', onPointerDown, true);
  return () => {
    win.removeEventListener('keydown', onKeyDown, true);
    win.removeEventListener('pointerdown', onPointerDown, true);
    clearTimer();
  };
}

/** What a scanner meant by this key: the character itself on a Latin layout, else the US key at its place. */
function scannerChar(e: KeyboardEvent): string {
  if (isWedgeChar(e.key) || !e.code) return e.key;
  return usKeyChar(e.code, e.shiftKey) ?? e.key;
}
