// The one parser of how a counter is started (main/config/startup-options.ts):
// the command line of either shell and counter.json beside the database.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { counterSettings, parseStartupArgs, readCounterFile, StartupError } from '../../main/config/startup-options';

const strict = { strict: true };

describe('start-up options on the command line', () => {
  it('reads who the counter is, in capitals, and the rest of the options', () => {
    const options = parseStartupArgs(
      [
        '--counter-letter=b',
        '--hospital-code',
        'lnh',
        '--hospital-name',
        'Lok Nayak Hospital',
        '--hospital-name-hi',
        'लोक नायक अस्पताल',
        '--time-zone',
        'Asia/Kolkata',
        '--idle-lock-minutes',
        '10',
        '--kiosk',
        '--port',
        '0',
        '--allow-host',
        'counter-b.lnh.local',
      ],
      strict,
    );
    expect(options).toMatchObject({
      identity: {
        counterLetter: 'B',
        hospitalCode: 'LNH',
        hospitalName: 'Lok Nayak Hospital',
        hospitalNameHi: 'लोक नायक अस्पताल',
        timeZone: 'Asia/Kolkata',
      },
      idleLockMinutes: 10,
      mode: 'kiosk',
      port: 0,
      host: '127.0.0.1',
      allowHosts: ['counter-b.lnh.local'],
    });
  });

  it('gives nothing for what was not given (the stored identity stands)', () => {
    expect(parseStartupArgs([], strict)).toMatchObject({ identity: {}, idleLockMinutes: undefined, mode: 'counter', port: 5170 });
  });

  it.each([
    [['--counter-letter', 'B2'], /the command line: counter letter must be one letter A-Z, not "B2"/],
    [['--hospital-code', 'L'], /hospital code must be 2-6 letters A-Z, not "L"/],
    [['--time-zone', 'India/Delhi'], /time zone is not a time zone this computer knows/],
    [['--port', '70000'], /--port must be 0-65535/],
    [['--idle-lock-minutes', '0'], /--idle-lock-minutes must be 1-120/],
    [['--counter-leter', 'B'], /Unknown option '--counter-leter'/],
  ])('refuses %j in words', (argv, words) => {
    expect(() => parseStartupArgs(argv, strict)).toThrow(StartupError);
    expect(() => parseStartupArgs(argv, strict)).toThrow(words);
  });

  it("in the desktop app, passes over Chromium's switches and the app folder", () => {
    const options = parseStartupArgs(['.', '--disable-gpu', '--counter-letter', 'E', '--enable-logging=stderr'], {
      strict: false,
    });
    expect(options.identity).toEqual({ counterLetter: 'E' });
  });
});

describe('counter.json beside the database', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  function folderWith(text: string | null): string {
    const dir = mkdtempSync(join(tmpdir(), 'hims-counter-json-'));
    dirs.push(dir);
    if (text !== null) writeFileSync(join(dir, 'counter.json'), text);
    return dir;
  }

  it('is optional', () => {
    expect(readCounterFile(folderWith(null))).toEqual({});
  });

  it('gives who the counter is, even with the byte-order mark Notepad writes', () => {
    const dir = folderWith('\uFEFF{"hospitalName": "GTB Hospital", "hospitalCode": "gtb", "counterLetter": "f"}');
    expect(readCounterFile(dir)).toEqual({ hospitalName: 'GTB Hospital', hospitalCode: 'GTB', counterLetter: 'F' });
  });

  it('is overruled by the command line, field by field', () => {
    const dir = folderWith('{"hospitalName": "GTB Hospital", "hospitalCode": "GTB", "counterLetter": "F"}');
    expect(counterSettings(dir, parseStartupArgs(['--counter-letter', 'G'], strict))).toEqual({
      hospitalName: 'GTB Hospital',
      hospitalCode: 'GTB',
      counterLetter: 'G',
    });
  });

  it.each([
    ['{"counterLetter": "F",', /counter\.json is not valid JSON/],
    ['["F"]', /counter\.json must hold one JSON object/],
    [
      '{"counterletter": "F"}',
      /counter\.json: unknown key "counterletter" \(it may hold hospitalName, hospitalNameHi, hospitalCode, counterLetter, timeZone\)/,
    ],
    ['{"counterLetter": "FF"}', /counter\.json: counter letter must be one letter A-Z, not "FF"/],
    ['{"hospitalCode": 42}', /counter\.json: hospital code/],
  ])('refuses %s in words naming the file', (text, words) => {
    const dir = folderWith(text);
    expect(() => readCounterFile(dir)).toThrow(StartupError);
    expect(() => readCounterFile(dir)).toThrow(words);
  });
});
