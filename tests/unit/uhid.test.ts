import { describe, expect, it } from 'vitest';
import { formatUhid, makeUhid, normalizeUhid } from '../../main/patients/uhid';
import { verhoeffDigit, verhoeffValid } from '../../main/patients/verhoeff';

describe('Verhoeff check digit', () => {
  it('matches the published example (236 → 3)', () => {
    expect(verhoeffDigit('236')).toBe(3);
    expect(verhoeffValid('2363')).toBe(true);
  });

  it('catches every single-digit error and adjacent swap in a UHID body', () => {
    const body = '26000173';
    const good = body + verhoeffDigit(body);
    for (let i = 0; i < good.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === good[i]) continue;
        expect(verhoeffValid(good.slice(0, i) + d + good.slice(i + 1))).toBe(false);
      }
      if (i + 1 < good.length && good[i] !== good[i + 1]) {
        expect(verhoeffValid(good.slice(0, i) + good[i + 1] + good[i] + good.slice(i + 2))).toBe(false);
      }
    }
  });
});

describe('UHID', () => {
  const uhid = makeUhid('GH', 'B', 2026, 173);

  it('reads hospital, counter, year, sequence and check digit', () => {
    expect(formatUhid(uhid)).toMatch(/^GH-B26-000173-\d$/);
  });

  it('is found again however the clerk types it', () => {
    expect(normalizeUhid(formatUhid(uhid))).toBe(uhid);
    expect(normalizeUhid(formatUhid(uhid).toLowerCase())).toBe(uhid);
    expect(normalizeUhid(uhid.split('').join(' '))).toBe(uhid);
  });

  it('refuses a mistyped UHID instead of finding someone else', () => {
    const wrongCounter = uhid.replace('GHB', 'GHC');
    const wrongDigit = uhid.slice(0, -3) + ((Number(uhid.at(-3)) + 1) % 10) + uhid.slice(-2);
    expect(normalizeUhid(wrongCounter)).toBeNull();
    expect(normalizeUhid(wrongDigit)).toBeNull();
    expect(normalizeUhid('Ram Kumar')).toBeNull();
  });

  it('differs between counters for the same sequence number', () => {
    expect(makeUhid('GH', 'A', 2026, 1)).not.toBe(makeUhid('GH', 'B', 2026, 1));
  });

  it('grows past six digits rather than wrapping', () => {
    expect(formatUhid(makeUhid('GH', 'A', 2026, 1_234_567))).toMatch(/^GH-A26-1234567-\d$/);
  });
});
