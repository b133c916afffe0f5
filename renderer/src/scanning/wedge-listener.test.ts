// @vitest-environment jsdom
// The window-wide listener with key events at explicit times and a fake
// wall clock: what a clerk's field ends up holding, and what is handed on as
// a scan.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installWedgeListener, SCAN_GRACE_MS } from './wedge-listener';

let field: HTMLInputElement;
let scans: string[];
let uninstall: () => void;

/** A keydown at a given event time; a field types the character like a browser would. */
function key(char: string, timeStamp: number) {
  const event = new KeyboardEvent('keydown', { key: char, bubbles: true, cancelable: true });
  Object.defineProperty(event, 'timeStamp', { value: timeStamp });
  field.dispatchEvent(event);
  if (!event.defaultPrevented && char.length === 1) field.value += char;
}

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '<input type="text" />';
  field = document.querySelector('input')!;
  field.focus();
  scans = [];
  uninstall = installWedgeListener((text) => scans.push(text));
});
afterEach(() => {
  uninstall();
  vi.useRealTimers();
});

describe('the wedge listener in a text field', () => {
  it('hands a scan on whole and gives the field back its value', () => {
    [...'LNH-B26-000173-4'].forEach((ch, i) => key(ch, 1000 + i * 8));
    key('Enter', 1000 + 16 * 8);
    expect(scans).toEqual(['LNH-B26-000173-4']);
    expect(field.value).toBe('');
  });

  it('keeps a scan whole when the page was too busy for its keys and the idle timer fired mid-scan', () => {
    key('L', 1000);
    vi.advanceTimersByTime(300); // the wall clock ran past the burst break between two keys of one scan
    [...'NH-B26-000173-4'].forEach((ch, i) => key(ch, 1008 + i * 8));
    key('Enter', 1008 + 15 * 8);
    expect(scans).toEqual(['LNH-B26-000173-4']);
    expect(field.value).toBe('');
  });

  it('leaves a person’s typing in the field', () => {
    [...'ram kumar'].forEach((ch, i) => key(ch, 1000 + i * 110));
    key('Enter', 1000 + 9 * 110);
    expect(scans).toEqual([]);
    expect(field.value).toBe('ram kumar');
  });
});

describe('the wedge listener outside text fields', () => {
  function press(char: string, timeStamp: number) {
    const event = new KeyboardEvent('keydown', { key: char, bubbles: true, cancelable: true });
    Object.defineProperty(event, 'timeStamp', { value: timeStamp });
    document.body.dispatchEvent(event);
  }

  it('a scan whose keys were held up mid-burst (a busy page) is handed on once, whole, and its Enter issues nothing', () => {
    field.blur();
    const reached: string[] = [];
    const onPage = (e: KeyboardEvent) => reached.push(e.key);
    window.addEventListener('keydown', onPage);
    const text = 'LNH-B26-000173-4';
    [...text.slice(0, 8)].forEach((ch, i) => press(ch, 1000 + i * 8));
    vi.advanceTimersByTime(300); // the wall clock ran past the burst break while the next keys waited
    [...text.slice(8)].forEach((ch, i) => press(ch, 1064 + i * 8));
    press('Enter', 1064 + 8 * 8);
    window.removeEventListener('keydown', onPage);
    expect(scans).toEqual([text]);
    expect(reached).toEqual([]); // no key was released as a shortcut, and Enter issued nothing
  });

  it('a scanner set up without Enter is handed on once after the pause and the grace', () => {
    field.blur();
    const text = 'LNH-B26-000173-4';
    [...text].forEach((ch, i) => press(ch, 1000 + i * 8));
    vi.advanceTimersByTime(300);
    expect(scans).toEqual([]); // still waiting: its next keys may be held up
    vi.advanceTimersByTime(SCAN_GRACE_MS);
    expect(scans).toEqual([text]);
  });
});
