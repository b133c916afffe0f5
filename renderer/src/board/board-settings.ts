// How this board speaks (languages and their order, repeats, volume, chime,
// voice or clips), kept in the board machine's own localStorage: it is a
// property of the hall and its speakers, not of the counter, and it carries
// nothing private (who may see names is the core's grant, set by the
// supervisor who started the board).
import { DEFAULT_SPEECH, type SpeechSettings } from './speech/announcer';
import { SPEECH_LANGUAGES, type SpeechLanguage } from './speech/words';

const KEY = 'hims-counter.board-speech';

/** Whatever was stored, made sane: unknown languages dropped, numbers clamped. */
export function sanitizeSpeech(value: unknown): SpeechSettings {
  if (typeof value !== 'object' || value === null) return DEFAULT_SPEECH;
  const v = value as Partial<Record<keyof SpeechSettings, unknown>>;
  const languages = Array.isArray(v.languages)
    ? [...new Set(v.languages.filter((l): l is SpeechLanguage => (SPEECH_LANGUAGES as readonly unknown[]).includes(l)))]
    : DEFAULT_SPEECH.languages;
  const num = (x: unknown, lo: number, hi: number, fallback: number) =>
    typeof x === 'number' && Number.isFinite(x) ? Math.min(hi, Math.max(lo, x)) : fallback;
  return {
    languages,
    repeat: Math.round(num(v.repeat, 1, 3, DEFAULT_SPEECH.repeat)),
    volume: num(v.volume, 0, 1, DEFAULT_SPEECH.volume),
    chime: typeof v.chime === 'boolean' ? v.chime : DEFAULT_SPEECH.chime,
    voice: v.voice === 'clips' ? 'clips' : 'auto',
  };
}

export function loadSpeech(): SpeechSettings {
  try {
    return sanitizeSpeech(JSON.parse(window.localStorage.getItem(KEY) ?? 'null'));
  } catch {
    return DEFAULT_SPEECH;
  }
}

export function saveSpeech(settings: SpeechSettings): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(settings));
  } catch {
    // Not kept across a reload; used until then.
  }
}
