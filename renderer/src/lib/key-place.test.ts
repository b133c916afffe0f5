// The key's place, not the character typed: what a Hindi InScript keyboard
// sends for the keys the counter reads as one-key choices.
import { describe, expect, it } from 'vitest';
import { keyLetter, usKeyChar } from './key-place';

describe('keyLetter', () => {
  it('reads the letter printed on the key whatever the layout types there', () => {
    expect(keyLetter({ key: 'स', code: 'KeyM' })).toBe('M'); // InScript M: sa
    expect(keyLetter({ key: 'े', code: 'KeyS' })).toBe('S');
    expect(keyLetter({ key: 'm', code: 'KeyM' })).toBe('M');
    expect(keyLetter({ key: 'F', code: 'KeyF' })).toBe('F');
  });
  it('reads digits from the number row and the keypad, Devanagari digits too', () => {
    expect(keyLetter({ key: '१', code: 'Digit1' })).toBe('1');
    expect(keyLetter({ key: '7', code: 'Numpad7' })).toBe('7');
  });
  it('falls back to the character when the event has no place, and is empty for other keys', () => {
    expect(keyLetter({ key: 'c', code: '' })).toBe('C');
    expect(keyLetter({ key: 'Enter', code: 'Enter' })).toBe('');
    expect(keyLetter({ key: 'स', code: '' })).toBe('');
    expect(keyLetter({ key: ';', code: 'Semicolon' })).toBe('');
  });
});

describe('usKeyChar', () => {
  it('is what a US keyboard types at the place, with and without Shift', () => {
    expect(usKeyChar('KeyL', true)).toBe('L');
    expect(usKeyChar('KeyL', false)).toBe('l');
    expect(usKeyChar('Digit2', false)).toBe('2');
    expect(usKeyChar('Digit2', true)).toBe('@');
    expect(usKeyChar('Minus', false)).toBe('-');
    expect(usKeyChar('Slash', false)).toBe('/');
    expect(usKeyChar('Numpad4', false)).toBe('4');
  });
  it('is null where a US keyboard types nothing', () => {
    expect(usKeyChar('Enter', false)).toBeNull();
    expect(usKeyChar('ArrowDown', false)).toBeNull();
  });
});
