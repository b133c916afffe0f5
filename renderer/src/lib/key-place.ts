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
