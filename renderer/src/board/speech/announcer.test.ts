// The announcement queue with fake players that take time: announcements
// never overlap, each call is said once (a recall again), the settings'
// languages, order and repeats are followed, nothing grows without bound,
// and a burst of calls is said in order, every one within 30 s of its call.
import { describe, expect, it } from 'vitest';
import {
  Announcer,
  DEFAULT_SPEECH,
  LOG_MAX,
  QUEUE_MAX,
  type Call,
  type ClipParts,
  type Players,
  type SpeechSettings,
} from './announcer';
import { DEADLINE_MS } from './plan';
import type { SpeechLanguage } from './words';

function fakePlayers(voices: SpeechLanguage[] = []) {
  const said: string[] = [];
  let playing = 0;
  let overlap = false;
  const busy = async (what: string) => {
    if (++playing > 1) overlap = true;
    said.push(what);
    await new Promise((r) => setTimeout(r, 2));
    playing--;
  };
  const players: Players = {
    clips: {
      async play(parts) {
        await busy(`${parts.chime ? 'chime+' : ''}clips:${parts.language ?? ''}:${(parts.words ?? []).join(' ')}`);
        return { peak: 0.5, seconds: 1 };
      },
      seconds: () => 0.002,
    },
    voice: {
      voice: (language) => (voices.includes(language) ? {} : null),
      async say(text, language) {
        await busy(`voice:${language}:${text}`);
        return true;
      },
      seconds: () => 0.002,
    },
  };
  return { players, said, overlapped: () => overlap };
}

const call = (n: number, callCount = 1): Call => ({
  key: `t${n}:${callCount}`,
  label: `B-00${n}`,
  room: '101',
  departmentCode: 'MED',
});

async function idle(a: Announcer) {
  for (let i = 0; i < 500 && a.state().queue.length > 0; i++) await new Promise((r) => setTimeout(r, 2));
}

describe('the announcer', () => {
  it('says calls one after the other, each once, and a recall again', async () => {
    const { players, said, overlapped } = fakePlayers();
    const a = new Announcer(players, () => DEFAULT_SPEECH);
    expect(a.announce(call(1))).toBe(true);
    expect(a.announce(call(2))).toBe(true);
    expect(a.announce(call(1))).toBe(false); // the same push heard twice
    expect(a.announce(call(1, 2))).toBe(true); // a recall
    await idle(a);
    expect(overlapped()).toBe(false);
    expect(said).toEqual([
      'chime+clips:hi:token letter.B n.0 n.0 n.1 room n.1 n.100 n.1',
      'clips:en:token letter.B n.0 n.0 n.1 room n.1 n.100 n.1',
      'chime+clips:hi:token letter.B n.0 n.0 n.2 room n.1 n.100 n.1',
      'clips:en:token letter.B n.0 n.0 n.2 room n.1 n.100 n.1',
      'chime+clips:hi:token letter.B n.0 n.0 n.1 room n.1 n.100 n.1',
      'clips:en:token letter.B n.0 n.0 n.1 room n.1 n.100 n.1',
    ]);
    expect(a.state().log.map((x) => [x.key, x.state, x.engines])).toEqual([
      ['t1:2', 'done', ['clips', 'clips']],
      ['t2:1', 'done', ['clips', 'clips']],
      ['t1:1', 'done', ['clips', 'clips']],
    ]);
  });

  it("uses the machine's voice for a language it has, in the settings' order, repeated", async () => {
    const { players, said } = fakePlayers(['en']);
    const settings: SpeechSettings = { ...DEFAULT_SPEECH, languages: ['en', 'hi'], repeat: 2 };
    const a = new Announcer(players, () => settings);
    a.announce(call(7));
    await idle(a);
    expect(said).toEqual([
      'chime+clips::',
      'voice:en:token B zero zero seven, room one hundred one',
      'clips:hi:token letter.B n.0 n.0 n.7 room n.1 n.100 n.1',
      'chime+clips::',
      'voice:en:token B zero zero seven, room one hundred one',
      'clips:hi:token letter.B n.0 n.0 n.7 room n.1 n.100 n.1',
    ]);
    expect(a.state().log[0]!.engines).toEqual(['voice', 'clips', 'voice', 'clips']);
    // "clips" in the settings: never the voice.
    const clipsOnly = fakePlayers(['en', 'hi']);
    const b = new Announcer(clipsOnly.players, () => ({ ...settings, repeat: 1, voice: 'clips' }));
    b.announce(call(8));
    await idle(b);
    expect(clipsOnly.said.every((s) => !s.startsWith('voice'))).toBe(true);
  });

  it('keeps its queue, log and memory of calls bounded', async () => {
    const { players } = fakePlayers();
    const a = new Announcer(players, () => ({ ...DEFAULT_SPEECH, languages: [] }));
    for (let i = 0; i < 700; i++) a.announce(call(i));
    expect(a.state().queue.length).toBeLessThanOrEqual(QUEUE_MAX);
    expect(a.state().dropped).toBe(700 - QUEUE_MAX);
    await idle(a);
    expect(a.state().log).toHaveLength(LOG_MAX);
    // Long forgotten calls could be announced again, recent ones not.
    expect(a.announce(call(699))).toBe(false);
    expect(a.announce(call(0))).toBe(true);
    a.stop();
    expect(a.announce(call(9999))).toBe(false);
  });

  it('says a burst of five calls in five seconds in order, none dropped, each within 30 s of its call', async () => {
    // Virtual time: the clips take as long as the real ones (a 1 s chime, about 0.45 s a word).
    let now = 0;
    const timers: { at: number; fire: () => void }[] = [];
    const after = (ms: number, fire: () => void) => timers.push({ at: now + ms, fire });
    const seconds = (parts: ClipParts) => (parts.chime ? 1.06 : 0) + 0.51 * (parts.words?.length ?? 0) + 0.05;
    const said: string[] = [];
    const players: Players = {
      clips: {
        play: (parts) =>
          new Promise((resolve) => {
            said.push(`${parts.chime ? 'chime+' : ''}${parts.language ?? ''}`);
            after(1000 * seconds(parts), () => resolve({ peak: 0.5, seconds: seconds(parts) }));
          }),
        seconds,
      },
      voice: { voice: () => null, say: () => Promise.resolve(false), seconds: () => 0 },
    };
    const a = new Announcer(
      players,
      () => DEFAULT_SPEECH,
      undefined,
      () => now,
    );
    const calls = [0, 1, 2, 3, 4].map((n) => ({ ...call(n), room: `20${n}` }));
    calls.forEach((c, i) => after(1000 * i, () => a.announce(c)));
    for (;;) {
      await new Promise((r) => setTimeout(r, 0)); // the announcer takes its next step
      timers.sort((x, y) => x.at - y.at);
      const next = timers.shift();
      if (!next) break;
      now = next.at;
      next.fire();
    }
    const log = [...a.state().log].reverse();
    expect(log.map((x) => x.label)).toEqual(calls.map((c) => c.label));
    expect(a.state().dropped).toBe(0);
    for (const [i, x] of log.entries()) {
      expect(x.state).toBe('done');
      expect(x.endedAt! - 1000 * i, `${x.label} said within 30 s of its call`).toBeLessThanOrEqual(DEADLINE_MS);
    }
    // The first, with nobody waiting, in full (chime, Hindi, English); the later ones shorter.
    expect(log[0]!.form).toBe('full');
    expect(said.slice(0, 2)).toEqual(['chime+hi', 'en']);
    expect(log.at(-1)!.form).not.toBe('full');
  });
});
