// Plays the bundled clips (resources/announcements) with the Web Audio API:
// each language's words are one Ogg file decoded once, and an announcement is
// its words scheduled back to back on the audio clock, so they never overlap
// and never stutter. The files are inlined into this (board-only) chunk and
// decoded from memory: no fetch, which Electron's file:// page could not do.
// Everything goes through one gain (the board's volume) and an analyser, so
// the board can tell, and show, that sound really came out.
import manifest from '../../../../resources/announcements/clips.json';
import chimeUrl from '../../../../resources/announcements/chime.ogg?inline';
import enUrl from '../../../../resources/announcements/en.ogg?inline';
import hiUrl from '../../../../resources/announcements/hi.ogg?inline';
import type { SpeechLanguage } from './words';

const SPRITES: Record<SpeechLanguage | 'chime', string> = { hi: hiUrl, en: enUrl, chime: chimeUrl };
/** A short breath between words; the clips are already trimmed of silence. */
const WORD_GAP_S = 0.06;
/** The chime's length (resources/announcements/chime.ogg), until it is decoded and known exactly. */
const CHIME_S = 1.0;
/** Sound starts this long after it is scheduled. */
const LEAD_S = 0.05;

type Clips = Record<string, readonly number[]>;
const CLIPS: Record<SpeechLanguage, Clips> = {
  hi: manifest.languages.hi.clips,
  en: manifest.languages.en.clips,
};

function bytesOf(dataUrl: string): ArrayBuffer {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

export interface PlayOutcome {
  /** The loudest sample the analyser saw while it played (0: silence came out). */
  peak: number;
  seconds: number;
}

export class ClipPlayer {
  private context: AudioContext | null = null;
  private gain: GainNode | null = null;
  private analyser: AnalyserNode | null = null;
  private readonly buffers = new Map<string, Promise<AudioBuffer>>();

  /** Whether the browser lets the board make sound yet (autoplay rules: a click may be needed). */
  get state(): AudioContextState | 'closed' {
    return this.context?.state ?? 'suspended';
  }

  hasClips(language: SpeechLanguage, keys: readonly string[]): boolean {
    return keys.every((k) => CLIPS[language][k] !== undefined);
  }

  private chimeSeconds = CHIME_S;

  /** How long play(parts) takes, from the clips' own lengths. */
  seconds(parts: { chime: boolean; language?: SpeechLanguage; words?: readonly string[] }): number {
    let total = LEAD_S + (parts.chime ? this.chimeSeconds + WORD_GAP_S : 0);
    if (parts.language && parts.words) {
      for (const key of parts.words) {
        const at = CLIPS[parts.language][key];
        if (at) total += at[1]! + WORD_GAP_S;
      }
    }
    return total;
  }

  private audio(): { context: AudioContext; gain: GainNode; analyser: AnalyserNode } {
    if (!this.context || !this.gain || !this.analyser) {
      this.context = new AudioContext();
      this.gain = this.context.createGain();
      this.analyser = this.context.createAnalyser();
      this.analyser.fftSize = 1024;
      this.gain.connect(this.analyser);
      this.analyser.connect(this.context.destination);
    }
    return { context: this.context, gain: this.gain, analyser: this.analyser };
  }

  /** The board is going away: give the audio device back (browsers allow only a few contexts). */
  close(): void {
    void this.context?.close().catch(() => undefined);
    this.context = null;
    this.gain = null;
    this.analyser = null;
    this.buffers.clear();
  }

  /** After a click or key (autoplay rules): let the audio clock run. */
  async resume(): Promise<AudioContextState> {
    const { context } = this.audio();
    if (context.state === 'suspended') await context.resume().catch(() => undefined);
    return context.state;
  }

  private buffer(name: SpeechLanguage | 'chime'): Promise<AudioBuffer> {
    let pending = this.buffers.get(name);
    if (!pending) {
      pending = this.audio().context.decodeAudioData(bytesOf(SPRITES[name]));
      this.buffers.set(name, pending);
    }
    return pending;
  }

  /** Plays the chime, then `words` of `language` (omit both for just one of them). Resolves when the sound has ended. */
  async play(
    parts: { chime: boolean; language?: SpeechLanguage; words?: readonly string[] },
    volume: number,
  ): Promise<PlayOutcome> {
    const { context, gain, analyser } = this.audio();
    await this.resume();
    gain.gain.value = Math.max(0, Math.min(1, volume));
    const segments: { buffer: AudioBuffer; offset: number; duration: number }[] = [];
    if (parts.chime) {
      const chime = await this.buffer('chime');
      this.chimeSeconds = chime.duration;
      segments.push({ buffer: chime, offset: 0, duration: chime.duration });
    }
    if (parts.language && parts.words) {
      const sprite = await this.buffer(parts.language);
      for (const key of parts.words) {
        const at = CLIPS[parts.language][key];
        if (at) segments.push({ buffer: sprite, offset: at[0]!, duration: at[1]! });
      }
    }
    let when = context.currentTime + LEAD_S;
    const start = when;
    let last: AudioBufferSourceNode | null = null;
    for (const s of segments) {
      const source = context.createBufferSource();
      source.buffer = s.buffer;
      source.connect(gain);
      source.start(when, s.offset, s.duration);
      when += s.duration + WORD_GAP_S;
      last = source;
    }
    if (!last) return { peak: 0, seconds: 0 };
    const ended = last;
    return new Promise((resolve) => {
      const samples = new Float32Array(analyser.fftSize);
      let peak = 0;
      const listen = window.setInterval(() => {
        analyser.getFloatTimeDomainData(samples);
        for (const v of samples) peak = Math.max(peak, Math.abs(v));
      }, 25);
      const finish = () => {
        window.clearInterval(listen);
        window.clearTimeout(watchdog);
        resolve({ peak, seconds: when - start });
      };
      ended.onended = finish;
      // A suspended clock never ends the source: give up after the planned length and a margin.
      const watchdog = window.setTimeout(finish, (when - start + 3) * 1000);
    });
  }
}
