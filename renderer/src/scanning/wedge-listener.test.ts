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

  it('a key stamped before the last one (another keyboard) starts a burst of its own', () => {
    key('p', 5000);
    [...'LNH-B26-000173-4'].forEach((ch, i) => key(ch, 1000 + i * 8));
    key('Enter', 1000 + 16 * 8);
    expect(scans).toEqual(['LNH-B26-000173-4']);
    expect(field.value).toBe('p');
  });

  it('reads a scan from the keys’ places when the keyboard is set to Hindi InScript', () => {
    // What InScript (Linux, xkb in(deva)) types at the places a scanner presses for LNH-B26-000173-4.
    const inscript: [string, string, boolean][] = [
      ['थ', 'KeyL', true],
      ['ळ', 'KeyN', true],
      ['फ', 'KeyH', true],
      ['-', 'Minus', false],
      ['ऴ', 'KeyB', true],
      ['२', 'Digit2', false],
      ['६', 'Digit6', false],
      ['-', 'Minus', false],
      ['०', 'Digit0', false],
      ['०', 'Digit0', false],
      ['०', 'Digit0', false],
      ['१', 'Digit1', false],
      ['७', 'Digit7', false],
      ['३', 'Digit3', false],
      ['-', 'Minus', false],
      ['४', 'Digit4', false],
    ];
    inscript.forEach(([char, code, shiftKey], i) => {
      const event = new KeyboardEvent('keydown', { key: char, code, shiftKey, bubbles: true, cancelable: true });
      Object.defineProperty(event, 'timeStamp', { value: 1000 + i * 8 });
      field.dispatchEvent(event);
      if (!event.defaultPrevented) field.value += char;
    });
    key('Enter', 1000 + 16 * 8);
    expect(scans).toEqual(['LNH-B26-000173-4']);
    expect(field.value).toBe('');
  });

  it('types a Hindi typist’s kept keys as typed, digits as 0-9', () => {
    const hindi = (char: string, code: string, at: number) => {
      const event = new KeyboardEvent('keydown', { key: char, code, bubbles: true, cancelable: true });
      Object.defineProperty(event, 'timeStamp', { value: at });
      field.dispatchEvent(event);
      if (!event.defaultPrevented) field.value += char;
    };
    hindi('र', 'KeyJ', 1000);
    hindi('ा', 'KeyE', 1020); // kept: as fast as a scanner
    vi.advanceTimersByTime(60);
    hindi('९', 'Digit9', 1300);
    hindi('८', 'Digit8', 1320); // kept
    vi.advanceTimersByTime(60);
    expect(field.value).toBe('रा९8'); // the browser types the first ९ itself (beforeinput makes it 9 in a page)
    expect(scans).toEqual([]);
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
    // Only the first key reached the page (nobody can tell it from a person's yet); Enter issued nothing.
    expect(reached).toEqual(['L']);
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

describe('a person’s keys reach the page at once, as the browser made them', () => {
  /** A keydown on an element at a given time; true when the page may act on it (its default not prevented). */
  function keyOn(target: Element, char: string, timeStamp: number): KeyboardEvent {
    const event = new KeyboardEvent('keydown', { key: char, bubbles: true, cancelable: true });
    Object.defineProperty(event, 'timeStamp', { value: timeStamp });
    target.dispatchEvent(event);
    return event;
  }

  it('Space on a checkbox and on a button, and a letter on a select, are neither held nor replaced', () => {
    document.body.innerHTML = '<input type="checkbox" /><button type="button">Go</button><select><option>a</option></select>';
    const reached: Event[] = [];
    const onPage = (e: Event) => reached.push(e);
    window.addEventListener('keydown', onPage);
    const sent = [
      keyOn(document.querySelector('input')!, ' ', 1000),
      keyOn(document.querySelector('button')!, ' ', 1400),
      keyOn(document.querySelector('select')!, 's', 1800),
    ];
    window.removeEventListener('keydown', onPage);
    expect(sent.map((e) => e.defaultPrevented)).toEqual([false, false, false]);
    expect(reached).toEqual(sent); // the same events, at once: their default actions (tick, press, jump) happen
  });

  it('a key 60 ms after a one-key choice reaches the field the choice moved the cursor to', () => {
    document.body.innerHTML = '<select><option>m</option></select><input type="text" />';
    const select = document.querySelector('select')!;
    const age = document.querySelector('input')!;
    select.addEventListener('keydown', () => age.focus());
    expect(keyOn(select, 'm', 1000).defaultPrevented).toBe(false);
    expect(keyOn(age, '3', 1060).defaultPrevented).toBe(false);
    expect(keyOn(age, '4', 1180).defaultPrevented).toBe(false);
    expect(scans).toEqual([]);
  });

  it('two keys pressed together in a field are both typed, in order, the second once no scanner follows', () => {
    const inputs: string[] = [];
    field.addEventListener('input', () => inputs.push(field.value));
    key('r', 1000);
    key('a', 1020); // kept: as fast as a scanner
    expect(field.value).toBe('r');
    vi.advanceTimersByTime(60);
    expect(field.value).toBe('ra');
    key('m', 1200);
    expect(field.value).toBe('ram');
    expect(inputs).toEqual(['ra']); // the kept key came as one input; the others the browser typed
  });

  it('keys kept in a field reach it before a click: a click is a person, and the form it submits reads the field', () => {
    let valueAtClick = '';
    const button = document.createElement('button');
    document.body.append(button);
    button.addEventListener('pointerdown', () => (valueAtClick = field.value));
    key('3', 1000);
    key('5', 1001); // kept: as fast as a scanner
    key('0', 1002);
    expect(field.value).toBe('3');
    button.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(valueAtClick).toBe('350');
    expect(scans).toEqual([]);
  });

  it('a fast burst that is no card lands in the field as one input, before its Enter reaches the page', () => {
    const inputs: string[] = [];
    field.addEventListener('input', () => inputs.push(field.value));
    let valueAtEnter = '';
    const onEnter = (e: KeyboardEvent) => {
      if (e.key === 'Enter') valueAtEnter = field.value;
    };
    window.addEventListener('keydown', onEnter);
    [...'9711000002'].forEach((ch, i) => key(ch, 1000 + i * 8));
    key('Enter', 1000 + 10 * 8);
    window.removeEventListener('keydown', onEnter);
    expect(scans).toEqual([]);
    expect(field.value).toBe('9711000002');
    expect(inputs).toEqual(['9711000002']); // the first key typed by the browser, the other nine at once
    expect(valueAtEnter).toBe('9711000002');
  });
});
