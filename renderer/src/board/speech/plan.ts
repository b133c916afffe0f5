// How fully a call is said when others wait behind it. Said in full (the
// chime, every language of the board, as many times as set), five calls made
// within five seconds would take the best part of a minute, and the last
// patient would hear their number long after it was shown. So each call is
// said as fully as still lets every call waiting behind it be said, at its
// shortest, within the time a hall can wait: in full; once; with the chime
// in the board's first language only; in the first language alone. Calls are
// never dropped and never reordered for this.
import type { SpeechLanguage } from './words';

/** Every call is said within this long of it (the promise; tests check it). */
export const DEADLINE_MS = 30_000;
/** What the plan aims for: estimates are estimates, and the hall deserves the margin. */
export const PLAN_MS = 25_000;

export type Form = 'full' | 'once' | 'first' | 'bare';
/** From the fullest to the shortest. */
export const FORMS: readonly Form[] = ['full', 'once', 'first', 'bare'];

export interface Shape {
  chime: boolean;
  languages: SpeechLanguage[];
  repeat: number;
}

export function shapeOf(form: Form, settings: { chime: boolean; languages: SpeechLanguage[]; repeat: number }): Shape {
  const repeat = Math.max(1, Math.min(3, Math.round(settings.repeat)));
  switch (form) {
    case 'full':
      return { chime: settings.chime, languages: settings.languages, repeat };
    case 'once':
      return { chime: settings.chime, languages: settings.languages, repeat: 1 };
    case 'first':
      return { chime: settings.chime, languages: settings.languages.slice(0, 1), repeat: 1 };
    case 'bare':
      // With no language to say, the chime is all there is: keep it.
      return { chime: settings.languages.length === 0 && settings.chime, languages: settings.languages.slice(0, 1), repeat: 1 };
  }
}

export interface Pending {
  /** When the call came (ms, the announcer's clock). */
  queuedAt: number;
  /** How long it takes said in this form (ms). */
  length(form: Form): number;
}

/**
 * The fullest form for `current`, starting `now`, that still lets `current` and every call in
 * `waiting` (in order, each said at its shortest) end within PLAN_MS of its call; the shortest if none does.
 */
export function chooseForm(now: number, current: Pending, waiting: readonly Pending[]): Form {
  for (const form of FORMS) {
    let end = now + current.length(form);
    let fits = end <= current.queuedAt + PLAN_MS;
    for (const next of waiting) {
      end += next.length('bare');
      if (end > next.queuedAt + PLAN_MS) fits = false;
    }
    if (fits) return form;
  }
  return 'bare';
}
