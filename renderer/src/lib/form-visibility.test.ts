import { describe, expect, it } from 'vitest';
import { registrationFormShown, type FormVisibilityInput } from './form-visibility';

const nobody: FormVisibilityInput = {
  wasShown: false,
  patientOpen: false,
  openedByClerk: false,
  notFoundHere: true,
  elsewhere: { phase: 'idle', found: [] },
};
type Elsewhere = FormVisibilityInput['elsewhere'];
const asking: Elsewhere = { phase: 'asking', found: [] };
const foundAtC: Elsewhere = { phase: 'done', found: [{ counterLetter: 'C' }] as unknown as Elsewhere['found'] };

describe('registrationFormShown', () => {
  it('waits for the other counters before opening by itself', () => {
    expect(registrationFormShown({ ...nobody, elsewhere: asking })).toBe(false);
    expect(registrationFormShown({ ...nobody, elsewhere: { phase: 'done', found: [] } })).toBe(true);
  });

  it('stays open while the other counters are asked about the digit typed after it opened', () => {
    // Nine digits: no mobile number, nobody asked, the form opens.
    const ninth = registrationFormShown(nobody);
    expect(ninth).toBe(true);
    // The tenth: the other counters are asked; the form the clerk is filling stays.
    expect(registrationFormShown({ ...nobody, wasShown: ninth, elsewhere: asking })).toBe(true);
  });

  it('gives way to a patient found at another counter unless the clerk has typed into it', () => {
    expect(registrationFormShown({ ...nobody, wasShown: true, elsewhere: foundAtC })).toBe(false);
    expect(registrationFormShown({ ...nobody, wasShown: true, openedByClerk: true, elsewhere: foundAtC })).toBe(true);
  });

  it('closes when a patient is open or the box finds someone here', () => {
    expect(registrationFormShown({ ...nobody, wasShown: true, patientOpen: true, openedByClerk: true })).toBe(false);
    expect(registrationFormShown({ ...nobody, wasShown: true, notFoundHere: false })).toBe(false);
  });
});
