// The board's announcements: one queue, played one at a time, so two calls
// made together are heard one after the other, never over each other. Each
// call is announced once (its key is the token and its call count: a recall
// is a new call and is announced again). In each language the board's
// settings name, in their order: the machine's voice where it has one for the
// language (and the settings allow it), the bundled clips otherwise.
// When calls come faster than they can be said, each is said as fully as
// still lets every call be said within 30 s of it (plan.ts).
// Everything here is bounded: the queue, what is remembered as announced, and
// the log shown for the record, so a board left on for days does not grow.
import { compose, type CallToAnnounce } from './announcement';
import type { PlayOutcome } from './clip-player';
import { chooseForm, shapeOf, type Form, type Shape } from './plan';
import type { SpeechLanguage } from './words';

export interface SpeechSettings {
  /** Languages in the order spoken; none: the board only chimes. */
  languages: SpeechLanguage[];
  /** How many times each call is said. */
  repeat: number;
  /** 0 to 1. */
  volume: number;
  chime: boolean;
  /** auto: the machine's voice where it has one for the language, else the clips; clips: always the clips. */
  voice: 'auto' | 'clips';
}

export const DEFAULT_SPEECH: SpeechSettings = { languages: ['hi', 'en'], repeat: 1, volume: 1, chime: true, voice: 'auto' };

export interface Call extends CallToAnnounce {
  /** Token id and call count: the same call heard twice (a replayed push) is said once. */
  key: string;
  departmentCode: string;
}

export type Engine = 'voice' | 'clips';

export interface Announcement extends Call {
  state: 'queued' | 'playing' | 'done' | 'failed';
  /** When the call came (ms, the page's clock). */
  queuedAt: number;
  /** How fully it was said (plan.ts); null until it starts. */
  form: Form | null;
  /** The engine each language was said with, in order. */
  engines: Engine[];
  /** Loudest sample heard from the clips (the machine's voice cannot be measured). */
  peak: number;
  /** When it began and ended (ms, the page's clock): one ends before the next begins. */
  startedAt: number | null;
  endedAt: number | null;
}

export type ClipParts = { chime: boolean; language?: SpeechLanguage; words?: readonly string[] };

export interface Players {
  clips: {
    play(parts: ClipParts, volume: number): Promise<PlayOutcome>;
    /** How long play(parts) takes, in seconds. */
    seconds(parts: ClipParts): number;
  };
  voice: {
    voice(language: SpeechLanguage): unknown;
    say(text: string, language: SpeechLanguage, volume: number): Promise<boolean>;
    /** About how long saying `text` takes, in seconds. */
    seconds(text: string): number;
  };
}

export interface AnnouncerState {
  queue: readonly Announcement[];
  log: readonly Announcement[];
  dropped: number;
}

export const QUEUE_MAX = 20;
export const LOG_MAX = 20;
const HEARD_MAX = 500;

export class Announcer {
  private queue: Announcement[] = [];
  private log: Announcement[] = [];
  private readonly heard = new Set<string>();
  private dropped = 0;
  private running = false;
  private stopped = false;

  constructor(
    private readonly players: Players,
    private readonly settings: () => SpeechSettings,
    private readonly onChange: (state: AnnouncerState) => void = () => {},
    private readonly now: () => number = () => performance.now(),
  ) {}

  state(): AnnouncerState {
    const copy = (a: Announcement): Announcement => ({ ...a, engines: [...a.engines] });
    return { queue: this.queue.map(copy), log: this.log.map(copy), dropped: this.dropped };
  }

  /** Queues a call unless it was announced (or queued) already. Returns whether it was queued. */
  announce(call: Call): boolean {
    if (this.stopped || this.heard.has(call.key)) return false;
    this.heard.add(call.key);
    if (this.heard.size > HEARD_MAX) this.heard.delete(this.heard.values().next().value!);
    this.queue.push({
      ...call,
      state: 'queued',
      queuedAt: this.now(),
      form: null,
      engines: [],
      peak: 0,
      startedAt: null,
      endedAt: null,
    });
    // Past the bound the oldest waiting call gives way (never the one being said).
    while (this.queue.length > QUEUE_MAX) {
      const at = this.queue.findIndex((a) => a.state === 'queued');
      this.queue.splice(at, 1);
      this.dropped++;
    }
    this.changed();
    void this.run();
    return true;
  }

  stop(): void {
    this.stopped = true;
    this.queue = [];
  }

  private changed() {
    this.onChange(this.state());
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length > 0 && !this.stopped) {
        const item = this.queue[0]!;
        const settings = this.settings();
        item.state = 'playing';
        item.startedAt = this.now();
        item.form = this.plan(item, settings);
        this.changed();
        try {
          await this.say(item, shapeOf(item.form, settings), settings);
          item.state = 'done';
        } catch {
          item.state = 'failed';
        }
        item.endedAt = this.now();
        this.queue.shift();
        this.log = [item, ...this.log].slice(0, LOG_MAX);
        this.changed();
      }
    } finally {
      this.running = false;
    }
  }

  /** How fully to say `item`, with the calls queued behind it in mind. */
  private plan(item: Announcement, settings: SpeechSettings): Form {
    const pending = (a: Announcement) => ({
      queuedAt: a.queuedAt,
      length: (form: Form) => 1000 * this.seconds(a, shapeOf(form, settings), settings),
    });
    return chooseForm(this.now(), pending(item), this.queue.filter((a) => a !== item && a.state === 'queued').map(pending));
  }

  /** How long saying `item` in this shape takes, with the engines it would be said with. */
  private seconds(item: Announcement, shape: Shape, settings: SpeechSettings): number {
    let total = 0;
    let chime = shape.chime;
    if (shape.languages.length === 0 && chime) total += this.players.clips.seconds({ chime: true });
    for (const language of shape.languages) {
      const spoken = compose(item, language);
      if (this.usesVoice(language, settings)) {
        total += (chime ? this.players.clips.seconds({ chime: true }) : 0) + this.players.voice.seconds(spoken.text);
      } else total += this.players.clips.seconds({ chime, language, words: spoken.clips });
      chime = false;
    }
    return total * shape.repeat;
  }

  private usesVoice(language: SpeechLanguage, settings: SpeechSettings): boolean {
    return settings.voice === 'auto' && this.players.voice.voice(language) !== null;
  }

  private async say(item: Announcement, shape: Shape, settings: SpeechSettings): Promise<void> {
    for (let r = 0; r < shape.repeat; r++) {
      let chime = shape.chime;
      if (shape.languages.length === 0 && chime) {
        item.peak = Math.max(item.peak, (await this.players.clips.play({ chime: true }, settings.volume)).peak);
      }
      for (const language of shape.languages) {
        const spoken = compose(item, language);
        if (this.usesVoice(language, settings)) {
          if (chime) item.peak = Math.max(item.peak, (await this.players.clips.play({ chime: true }, settings.volume)).peak);
          if (!(await this.players.voice.say(spoken.text, language, settings.volume))) {
            // The voice failed: say it with the clips rather than not at all.
            item.peak = Math.max(
              item.peak,
              (await this.players.clips.play({ chime: false, language, words: spoken.clips }, settings.volume)).peak,
            );
            item.engines.push('clips');
          } else item.engines.push('voice');
        } else {
          const played = await this.players.clips.play({ chime, language, words: spoken.clips }, settings.volume);
          item.peak = Math.max(item.peak, played.peak);
          item.engines.push('clips');
        }
        chime = false;
      }
    }
  }
}
