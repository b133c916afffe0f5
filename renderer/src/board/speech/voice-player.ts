// The machine's own voice (Web Speech API), used for a language only when the
// machine has a voice for it: a Windows PC with the Hindi language pack has
// one, most Linux boxes have none. Otherwise the board uses its clips.
import type { SpeechLanguage } from './words';

export interface VoiceSource {
  getVoices(): SpeechSynthesisVoice[];
  speak(utterance: SpeechSynthesisUtterance): void;
  cancel(): void;
}

function speechOf(): VoiceSource | null {
  return typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;
}

/** A voice whose language is this one ("hi", "hi-IN"), local voices first (they work offline). */
export function voiceFor(voices: readonly Pick<SpeechSynthesisVoice, 'lang' | 'localService'>[], language: SpeechLanguage) {
  const matching = voices.filter((v) => v.lang.toLowerCase().replace('_', '-').split('-')[0] === language);
  return matching.find((v) => v.localService) ?? matching[0] ?? null;
}

/** About how long a voice at rate 0.9 takes for one word (announcements are short words and digits). */
const SECONDS_PER_WORD = 0.5;

export class VoicePlayer {
  constructor(private readonly source: VoiceSource | null = speechOf()) {}

  /** About how long saying `text` takes: voices do not tell in advance. */
  seconds(text: string): number {
    return 0.3 + SECONDS_PER_WORD * text.split(/[\s,]+/).filter(Boolean).length;
  }

  voice(language: SpeechLanguage): SpeechSynthesisVoice | null {
    if (!this.source) return null;
    return voiceFor(this.source.getVoices(), language) as SpeechSynthesisVoice | null;
  }

  /** Says `text` and resolves when it has been said (or failed, or took far too long). */
  say(text: string, language: SpeechLanguage, volume: number): Promise<boolean> {
    const voice = this.voice(language);
    const source = this.source;
    if (!voice || !source) return Promise.resolve(false);
    return new Promise((resolve) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.volume = Math.max(0, Math.min(1, volume));
      utterance.rate = 0.9;
      const done = (spoken: boolean) => {
        window.clearTimeout(watchdog);
        resolve(spoken);
      };
      utterance.onend = () => done(true);
      utterance.onerror = () => done(false);
      // Some engines never fire onend: the next announcement must not wait forever.
      const watchdog = window.setTimeout(() => {
        source.cancel();
        done(false);
      }, 15_000);
      source.speak(utterance);
    });
  }
}
