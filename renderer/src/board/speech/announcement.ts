// What the board says for a call, in one language: the words as clip keys
// (for the bundled clips) and as text (for the machine's own voice). The
// token is read letter by letter and digit by digit, as it is printed
// ("B-017": "बी शून्य एक सात" / "B zero one seven"); a room that is a number
// up to 999 is read as a number ("एक सौ एक" / "one hundred one"), anything
// else character by character (what is neither letter nor digit is skipped).
import { clipTexts, numberClips, type SpeechLanguage } from './words';

export interface CallToAnnounce {
  label: string;
  room: string;
}

export interface Spoken {
  language: SpeechLanguage;
  /** Clip keys, in order (resources/announcements/clips.json). */
  clips: string[];
  /** The same words as one line of text, for speechSynthesis. */
  text: string;
}

function characterClips(text: string, language: SpeechLanguage): string[] {
  const clips: string[] = [];
  for (const ch of text.toUpperCase()) {
    if (/[A-Z]/.test(ch)) clips.push(`letter.${ch}`);
    else if (/[0-9]/.test(ch)) clips.push(...numberClips(Number(ch), language));
  }
  return clips;
}

export function roomClips(room: string, language: SpeechLanguage): string[] {
  const trimmed = room.trim();
  return /^\d{1,3}$/.test(trimmed) ? numberClips(Number(trimmed), language) : characterClips(trimmed, language);
}

export function compose(call: CallToAnnounce, language: SpeechLanguage): Spoken {
  const tokenPart = ['token', ...characterClips(call.label, language)];
  const roomPart = ['room', ...roomClips(call.room, language)];
  const words = clipTexts(language);
  const say = (keys: string[]) => keys.map((k) => words[k] ?? '').join(' ');
  // For a synthetic voice the letters are written as the clips say them ("बी"), so a Hindi voice does not spell English.
  return { language, clips: [...tokenPart, ...roomPart], text: `${say(tokenPart)}, ${say(roomPart)}` };
}
