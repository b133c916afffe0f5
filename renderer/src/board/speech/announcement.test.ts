import { describe, expect, it } from 'vitest';
import manifest from '../../../../resources/announcements/clips.json';
import { compose, roomClips } from './announcement';
import { ALPHABET, clipTexts, HINDI_NUMBERS, numberClips, SPEECH_LANGUAGES } from './words';

describe('announcements', () => {
  it('say the token letter by letter and digit by digit, and the room as a number', () => {
    expect(compose({ label: 'A-017', room: '101' }, 'hi').text).toBe('टोकन ए शून्य एक सात, कमरा एक सौ एक');
    expect(compose({ label: 'A-017', room: '101' }, 'en').text).toBe('token A zero one seven, room one hundred one');
    expect(compose({ label: 'B-017', room: '101' }, 'hi').clips).toEqual([
      'token', 'letter.B', 'n.0', 'n.1', 'n.7', 'room', 'n.1', 'n.100', 'n.1',
    ]); // prettier-ignore
  });

  it('read every room number from 0 to 999 in words that Hindi and English have', () => {
    expect(numberClips(45, 'hi')).toEqual(['n.45']);
    expect(numberClips(45, 'en')).toEqual(['n.40', 'n.5']);
    expect(numberClips(200, 'hi')).toEqual(['n.2', 'n.100']);
    expect(numberClips(310, 'en')).toEqual(['n.3', 'n.100', 'n.10']);
    expect(HINDI_NUMBERS).toHaveLength(101);
    expect(new Set(HINDI_NUMBERS).size).toBe(101);
    expect(() => numberClips(1000, 'hi')).toThrow(RangeError);
    // A room that is not a plain number is spelt; what cannot be said is left out.
    expect(roomClips('12A', 'en')).toEqual(['n.1', 'n.2', 'letter.A']);
    expect(roomClips('OPD-3', 'hi')).toEqual(['letter.O', 'letter.P', 'letter.D', 'n.3']);
  });

  it('never ask for a clip that was not recorded', () => {
    for (const language of SPEECH_LANGUAGES) {
      const recorded = manifest.languages[language].clips as Record<string, unknown>;
      expect(Object.keys(recorded).sort()).toEqual(Object.keys(clipTexts(language)).sort());
      const wanted = new Set<string>();
      for (let room = 0; room <= 999; room++) roomClips(String(room), language).forEach((k) => wanted.add(k));
      for (const letter of ALPHABET)
        compose({ label: `${letter}-0123456789`, room: 'X' }, language).clips.forEach((k) => wanted.add(k));
      expect([...wanted].filter((k) => recorded[k] === undefined)).toEqual([]);
    }
  });
});
