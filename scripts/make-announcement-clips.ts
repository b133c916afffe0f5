// npx tsx scripts/make-announcement-clips.ts
// Records the hall board's spoken words once with espeak-ng (GPL-3.0, run
// here, not shipped) and sox, into resources/announcements/: one audio sprite
// per language (every word of renderer/src/board/speech/words.ts, trimmed of
// silence, 16 kHz mono, 150 ms apart, Ogg Vorbis), a chime, clips.json (where
// each word starts and how long it is) and a README with the exact source.
// The board speaks from these when the machine has no voice for a language
// (renderer/src/board/speech/clip-player.ts). Needs espeak-ng and sox
// (Debian: apt-get install espeak-ng sox libsox-fmt-all).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { clipTexts, SPEECH_LANGUAGES, type SpeechLanguage } from '../renderer/src/board/speech/words';

const OUT = resolve(__dirname, '../resources/announcements');
const RATE = 16_000;
const GAP_S = 0.15;
/** espeak-ng voice and speed (words per minute; slower than its 175 default, for a noisy hall). */
const VOICES: Record<SpeechLanguage, { voice: string; speed: number }> = {
  hi: { voice: 'hi', speed: 135 },
  en: { voice: 'en-gb', speed: 140 },
};
/** Vorbis quality -1 (about 30 kbit/s at 16 kHz mono): plenty for speech on a hall's speakers. */
const QUALITY = '-1';

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' }).trim();

function samples(file: string): number {
  return Number(run('soxi', ['-s', file]));
}

function record(language: SpeechLanguage, work: string) {
  const { voice, speed } = VOICES[language];
  const texts = clipTexts(language);
  const gap = join(work, `gap-${language}.wav`);
  run('sox', ['-n', '-r', String(RATE), '-c', '1', '-b', '16', gap, 'trim', '0', String(GAP_S)]);
  const parts: string[] = [];
  const clips: Record<string, [number, number]> = {};
  let at = 0;
  for (const [i, [key, text]] of Object.entries(texts).entries()) {
    const raw = join(work, `${language}-${i}-raw.wav`);
    const clip = join(work, `${language}-${i}.wav`);
    run('espeak-ng', ['-v', voice, '-s', String(speed), '-w', raw, text]);
    // 16 kHz mono, leading and trailing silence trimmed (sox's "reverse" trick trims the end).
    run('sox', [
      raw,
      '-r',
      String(RATE),
      '-c',
      '1',
      '-b',
      '16',
      clip,
      'silence',
      '1',
      '0.01',
      '0.5%',
      'reverse',
      'silence',
      '1',
      '0.01',
      '0.5%',
      'reverse',
    ]);
    const n = samples(clip);
    clips[key] = [round(at / RATE), round(n / RATE)];
    parts.push(clip, gap);
    at += n + Math.round(GAP_S * RATE);
  }
  const sprite = join(work, `${language}.wav`);
  run('sox', [...parts, sprite]);
  run('sox', [sprite, '-C', QUALITY, join(OUT, `${language}.ogg`)]);
  return { file: `${language}.ogg`, voice, speed, clips, texts };
}

const round = (s: number) => Math.round(s * 10_000) / 10_000;

function chime(work: string) {
  // Two soft bell-like tones (a falling major third), 0.9 s.
  const wav = join(work, 'chime.wav');
  run('sox', [
    '-n', '-r', String(RATE), '-c', '1', '-b', '16', wav,
    'synth', '0.45', 'sine', '880', 'sine', '1760', 'fade', '0.005', '0.45', '0.4', 'remix', '-', 'vol', '0.5', ':',
    'synth', '0.55', 'sine', '698.5', 'sine', '1397', 'fade', '0.005', '0.55', '0.5', 'remix', '-', 'vol', '0.5',
  ]); // prettier-ignore
  run('sox', [wav, '-C', QUALITY, join(OUT, 'chime.ogg')]);
}

function readme(recorded: ReturnType<typeof record>[]): string {
  const espeak = run('espeak-ng', ['--version']).split('\n')[0]!;
  const sox = run('sox', ['--version']).replace(/^sox:\s*/, '');
  const tables = recorded
    .map((r, i) => {
      const lang = SPEECH_LANGUAGES[i]!;
      const rows = Object.entries(r.texts).map(([key, text]) => `| \`${key}\` | ${text} |`);
      return `### ${lang === 'hi' ? 'Hindi' : 'English'} (\`${r.file}\`: espeak-ng voice \`${r.voice}\`, ${r.speed} words a minute)\n\n| clip | text spoken |\n|---|---|\n${rows.join('\n')}`;
    })
    .join('\n\n');
  return `# resources/announcements/

What the hall board says when no voice for the language is installed on the
machine (docs/decisions.md, "The queue"): "टोकन बी शून्य एक सात, कमरा एक सौ एक" /
"Token B 0 1 7, room 101", put together word by word from these clips.

**Made by** \`scripts/make-announcement-clips.ts\` (run it again to remake them;
the words come from \`renderer/src/board/speech/words.ts\`):

- speech: ${espeak}, run on Debian as \`espeak-ng -v <voice> -s <speed> -w out.wav "<text>"\`;
- then ${sox}: 16 kHz mono, leading and trailing silence trimmed, joined with
  ${GAP_S * 1000} ms of silence between words into one file per language, Ogg
  Vorbis quality ${QUALITY};
- \`chime.ogg\`: two sine tones (880 Hz then 698.5 Hz, with an octave above),
  synthesised by sox, no recording.

\`clips.json\` says where each word starts in its file and how long it is
(seconds).

**Licence.** The clips are made by this project and dedicated to the public
domain under CC0 1.0 (https://creativecommons.org/publicdomain/zero/1.0/).
espeak-ng itself is GPL-3.0-or-later; it is only run here to make them and is
not shipped. Speech produced by running a program is not a copy of the
program, so the program's licence does not extend to it (GNU GPL FAQ, "Is
there some way that I can GPL the output people get from use of my program?",
https://www.gnu.org/licenses/gpl-faq.html#GPLOutput).

## The exact text of every clip

${tables}
`;
}

function main() {
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'hims-clips-'));
  try {
    const recorded = SPEECH_LANGUAGES.map((language) => record(language, work));
    chime(work);
    const manifest = {
      sampleRate: RATE,
      chime: 'chime.ogg',
      languages: Object.fromEntries(
        recorded.map((r, i): [string, { file: string; clips: Record<string, [number, number]> }] => [
          SPEECH_LANGUAGES[i]!,
          { file: r.file, clips: r.clips },
        ]),
      ),
    };
    writeFileSync(join(OUT, 'clips.json'), `${JSON.stringify(manifest)}\n`);
    writeFileSync(join(OUT, 'README.md'), readme(recorded));
    console.log(
      `written ${OUT}: ${recorded.map((r) => `${r.file} (${Object.keys(r.clips).length} clips)`).join(', ')}, chime.ogg`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
