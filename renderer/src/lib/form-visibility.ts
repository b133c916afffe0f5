// When the counter's registration form is on screen. It opens by itself once
// the search box settles on nobody here or at the other counters
// (lib/found-nobody.ts), and it must not close under the clerk's hands: while
// the answer to the next key is awaited, or the other counters are asked about
// it, a form on screen stays. It used to close for that round trip and come
// back new, so a key pressed into it in that moment went nowhere (an e2e fill
// on CI most likely lost a name so).
import type { ElsewhereState } from '../peers/use-elsewhere-search';

export interface FormVisibilityInput {
  /** The form was on screen at the last render. */
  wasShown: boolean;
  /** A patient is open: the form gives way to the patient panel. */
  patientOpen: boolean;
  /** Opened by F2 or the button, or typed into, or filled from a card. */
  openedByClerk: boolean;
  /** The search box's query found nobody at this counter. */
  notFoundHere: boolean;
  /** The answer to what is in the search box is not in yet. */
  searching: boolean;
  elsewhere: Pick<ElsewhereState, 'phase' | 'found'>;
}

export function registrationFormShown(input: FormVisibilityInput): boolean {
  if (input.patientOpen) return false;
  if (input.openedByClerk) return true;
  if (input.searching) return input.wasShown;
  if (!input.notFoundHere || input.elsewhere.found.length > 0) return false;
  // Asking the other counters: a form not yet shown waits for their answer; one already shown stays.
  return input.elsewhere.phase !== 'asking' || input.wasShown;
}
