// The wedge rhythm judge on bursts with explicit times: scanners (even with
// one slow gap), people typing fast, a person's keys just before a scan, and
// the configured prefix and suffix.
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEDGE_OPTIONS, charsPerSecond, judgeBurst, looksLikeCard, type KeyStroke } from './wedge-detector';

function burst(text: string, gapsMs: number | number[], start = 1000): KeyStroke[] {
  let time = start;
  return [...text].map((char, i) => {
    if (i > 0) time += Array.isArray(gapsMs) ? gapsMs[(i - 1) % gapsMs.length]! : gapsMs;
    return { char, time };
  });
}

describe('judgeBurst', () => {
  it('a scanner at 8 ms a key is a scan', () => {
    expect(judgeBurst(burst('LNH-B26-000173-4', 8), DEFAULT_WEDGE_OPTIONS)).toEqual({
      scan: true,
      text: 'LNH-B26-000173-4',
      start: 0,
    });
  });
  it('one slow gap (a USB hub hiccup) does not turn a scan into typing', () => {
    const keys = burst('91-5312-7746-2208', [6, 6, 6, 6, 6, 180, 6, 6]);
    expect(judgeBurst(keys, DEFAULT_WEDGE_OPTIONS).scan).toBe(true);
  });
  it('a fast typist (70-120 ms) is typing, even with a few quick pairs', () => {
    expect(judgeBurst(burst('ramkumar', [90, 20, 110, 70, 25, 120, 80]), DEFAULT_WEDGE_OPTIONS).scan).toBe(false);
  });
  it('short bursts are never scans', () => {
    expect(judgeBurst(burst('12345', 5), DEFAULT_WEDGE_OPTIONS).scan).toBe(false);
  });
  it("a person's slow keys just before a scan are left out of it", () => {
    const keys = [...burst('ab', 150), ...burst('LNH-B26-000173-4', 7, 1300)];
    expect(judgeBurst(keys, DEFAULT_WEDGE_OPTIONS)).toMatchObject({ scan: true, text: 'LNH-B26-000173-4', start: 2 });
  });
  it('prefix and suffix are required and removed when configured', () => {
    const options = { ...DEFAULT_WEDGE_OPTIONS, prefix: '~', suffix: '#' };
    expect(judgeBurst(burst('~91531277462208#', 5), options)).toMatchObject({ scan: true, text: '91531277462208' });
    expect(judgeBurst(burst('91531277462208', 5), options).scan).toBe(false);
  });
  it('reports characters per second', () => {
    expect(Math.round(charsPerSecond(burst('abcdef', 10)))).toBe(100);
  });
});

describe('looksLikeCard', () => {
  it('knows the shapes the core reads', () => {
    for (const t of [
      'shc:/5676',
      'HHC1:PWGSLKC 4OR8VB43LCR6BFRKZ DF+9QG8C%6646',
      'hhc1:pwgslkc 4or8vb43lcr6bfrkz df+9qg8c%6646',
      '{"hidn":"1"}',
      '91-5312-7746-2208',
      '91531277462208',
      'sunita.devi@abdm',
      'LNH-B26-000173-4',
      'lnhb260001734',
    ]) {
      expect(looksLikeCard(t), t).toBe(true);
    }
  });
  it('leaves phone numbers, names and other barcodes alone', () => {
    for (const t of ['9812345678', '+91 98123 45678', 'ramkumar', '8901030865278', 'devi sun'])
      expect(looksLikeCard(t), t).toBe(false);
  });
});
