import { describe, expect, it } from 'vitest';
import { registrationFormShown, type FormVisibilityInput } from './form-visibility';

const nobody: FormVisibilityInput = {
  wasShown: false,
  patientOpen: false,
  openedByClerk: false,
  notFoundHere: true,
  searching: false,
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

  it('stays open while the next key is looked up here and at the other counters', () => {
    const shown = registrationFormShown(nobody);
    expect(shown).toBe(true);
    // The next key: its answer is awaited here, then the other counters are asked; the form stays.
    expect(registrationFormShown({ ...nobody, wasShown: shown, notFoundHere: false, searching: true })).toBe(true);
    expect(registrationFormShown({ ...nobody, wasShown: shown, elsewhere: asking })).toBe(true);
  });

  it('does not open while the answer to the box is awaited', () => {
    expect(registrationFormShown({ ...nobody, notFoundHere: false, searching: true })).toBe(false);
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
