// One-key choices (M/F/O for sex, S/D/W/C for the relation, a department's
// key, the room screen's N/R/I/D/X/S) are read by the key's place on the
// keyboard (KeyboardEvent.code), not by the character it types: with a Hindi
// InScript layout the M key types "स" and the 1 key may type "१", but the
// Latin legend printed on it is still M and 1, which is what the screen shows.

/** The Latin letter (capital) or digit printed on the key pressed, or '' for any other key. */
export function keyLetter(e: Pick<KeyboardEvent, 'key' | 'code'>): string {
  const place = /^(?:Key([A-Z])|Digit(\d)|Numpad(\d))$/.exec(e.code);
  if (place) return (place[1] ?? place[2] ?? place[3])!;
  // No place given (an on-screen keyboard, an event made by a script): the character typed.
  return !e.code && /^[a-z0-9]$/i.test(e.key) ? e.key.toUpperCase() : '';
}

/** The US layout's characters away from the letter keys: [without Shift, with Shift]. */
const US_SIGNS: Record<string, [string, string]> = {
  Digit1: ['1', '!'],
  Digit2: ['2', '@'],
  Digit3: ['3', '#'],
  Digit4: ['4', '$'],
  Digit5: ['5', '%'],
  Digit6: ['6', '^'],
  Digit7: ['7', '&'],
  Digit8: ['8', '*'],
  Digit9: ['9', '('],
  Digit0: ['0', ')'],
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backslash: ['\\', '|'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  Comma: [',', '<'],
  Period: ['.', '>'],
  Slash: ['/', '?'],
  Backquote: ['`', '~'],
  Space: [' ', ' '],
  NumpadSubtract: ['-', '-'],
  NumpadAdd: ['+', '+'],
  NumpadDecimal: ['.', '.'],
  NumpadDivide: ['/', '/'],
  NumpadMultiply: ['*', '*'],
};

/**
 * The character a US keyboard types at this place, or null for a place with
 * none (Enter, an arrow). Wedge scanners press keys as a US keyboard would, so
 * this is what a scanner meant whatever layout the clerk has switched to.
 */
export function usKeyChar(code: string, shift: boolean): string | null {
  const letter = /^Key([A-Z])$/.exec(code)?.[1];
  if (letter) return shift ? letter : letter.toLowerCase();
  const numpad = /^Numpad(\d)$/.exec(code)?.[1];
  if (numpad) return numpad;
  const sign = US_SIGNS[code];
  return sign ? sign[shift ? 1 : 0] : null;
}
