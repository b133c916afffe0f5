// The announcement queue with fake players that take time: announcements
// never overlap, each call is said once (a recall again), the settings'
// languages, order and repeats are followed, and nothing grows without bound.
import { describe, expect, it } from 'vitest';
import { Announcer, DEFAULT_SPEECH, LOG_MAX, QUEUE_MAX, type Call, type Players, type SpeechSettings } from './announcer';
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
    },
    voice: {
      voice: (language) => (voices.includes(language) ? {} : null),
      async say(text, language) {
        await busy(`voice:${language}:${text}`);
        return true;
      },
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
});
