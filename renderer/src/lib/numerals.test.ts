import { describe, expect, it } from 'vitest';
import { latinDigits } from './numerals';

describe('latinDigits', () => {
  it('writes the digits of the Indian scripts as 0-9', () => {
    expect(latinDigits('९८११२३४५६७')).toBe('9811234567'); // Devanagari
    expect(latinDigits('০১২৩৪৫৬৭৮৯')).toBe('0123456789'); // Bengali
    expect(latinDigits('૧૧૦૦૦૨')).toBe('110002'); // Gujarati
    expect(latinDigits('௯௮')).toBe('98'); // Tamil
    expect(latinDigits('೦೯')).toBe('09'); // Kannada
  });
  it('leaves letters, signs and Latin digits as they were', () => {
    expect(latinDigits('मकान नं. १२, गली 3')).toBe('मकान नं. 12, गली 3');
    expect(latinDigits('LNH-B26-000173-4')).toBe('LNH-B26-000173-4');
    expect(latinDigits('सामान्य चिकित्सा')).toBe('सामान्य चिकित्सा');
  });
});
