// How a counter is started, read the same way by both shells: the command
// line (`npm run serve -- …`, or the desktop app's own command line) and an
// optional counter.json beside the database that an installer or an IT
// script lays down before first start (rolling out 20 counters means 20 such
// files, each with its own letter). The command line wins over the file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { validateSettings, type CounterSettings } from './counter-identity';

export const COUNTER_FILE = 'counter.json';

/** Which screen this machine opens: the clerk's counter, the entrance kiosk, a doctor's room screen, a hall board. */
export type StartMode = 'counter' | 'kiosk' | 'room' | 'board';

export interface StartupOptions {
  /** Folder holding counter.sqlite; each shell has its own default. */
  dataDir: string | undefined;
  /** Who this counter is, from the command line only (see counterSettings for the file). */
  identity: CounterSettings;
  idleLockMinutes: number | undefined;
  mode: StartMode;
  /** This counter's door for the hospital's other counters (docs/peers.md); it opens once a network key is set. */
  peerHost: string;
  peerPort: number;
  // The browser shell's server:
  port: number;
  host: string;
  apiKey: string | undefined;
  allowHosts: string[];
  /** Room screens and boards on other machines reach the counter here over TLS (with a --host off loopback). */
  screensPort: number;
  /** A desktop room screen or board on another machine: the counter's screens server (https://host:5172). */
  counter: string | undefined;
  /** The code the counter shows, typed once to pair this screen with it. */
  pairingCode: string | undefined;
  rendererDir: string | undefined;
  help: boolean;
}

export const USAGE = `options (the same for npm run serve and the desktop app):
  --counter-letter A        this counter's letter, unique in the hospital (A-Z)
  --hospital-code GH        the hospital's UHID prefix (2-6 letters)
  --hospital-name NAME      printed on every slip
  --hospital-name-hi NAME   the same in Devanagari, for Hindi screens and the board
  --time-zone Asia/Kolkata  decides what "today" is for tokens
  --data-dir DIR            where counter.sqlite (and counter.json) live
  --idle-lock-minutes 5     lock the counter after this long untouched (1-120)
  --kiosk                   open the entrance kiosk instead of the counter
  --room                    open a doctor's room screen (call the next patient)
  --board                   open a hall board (the calls, large, spoken)
  --peer-port 5171          where the hospital's other counters reach this one
  --peer-host 0.0.0.0       the network address that port listens on
  --counter https://HOST:5172  with --room or --board: show that counter's screen (over TLS, paired)
  --pairing-code CODE       with --counter: pair once with the code the counter shows
browser shell only:
  --port 5170  --host 127.0.0.1  --allow-host NAME  --api-key KEY  --renderer-dir DIR
  --screens-port 5172       with --host off loopback: room screens and boards over TLS here
A counter.json beside the database may hold hospitalName, hospitalNameHi,
hospitalCode, counterLetter and timeZone; the command line wins over it.`;

export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

/**
 * `strict`: refuse unknown options (the browser shell). The desktop app's
 * command line also carries Chromium's and Electron's own switches, so it
 * ignores what it does not know.
 */
export function parseStartupArgs(argv: string[], { strict }: { strict: boolean }): StartupOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict,
      allowPositionals: !strict,
      options: {
        'counter-letter': { type: 'string' },
        'hospital-name': { type: 'string' },
        'hospital-name-hi': { type: 'string' },
        'hospital-code': { type: 'string' },
        'time-zone': { type: 'string' },
        'data-dir': { type: 'string' },
        'idle-lock-minutes': { type: 'string' },
        kiosk: { type: 'boolean' },
        room: { type: 'boolean' },
        board: { type: 'boolean' },
        'peer-port': { type: 'string' },
        'peer-host': { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'allow-host': { type: 'string', multiple: true },
        'api-key': { type: 'string' },
        'renderer-dir': { type: 'string' },
        'screens-port': { type: 'string' },
        counter: { type: 'string' },
        'pairing-code': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (err) {
    throw new StartupError(err instanceof Error ? err.message : String(err));
  }
  const text = (name: keyof typeof values): string | undefined => {
    const value = values[name];
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  };
  const identity = settingsOrThrow(
    {
      counterLetter: text('counter-letter'),
      hospitalName: text('hospital-name'),
      hospitalNameHi: text('hospital-name-hi'),
      hospitalCode: text('hospital-code'),
      timeZone: text('time-zone'),
    },
    'the command line',
  );

  const port = Number(text('port') ?? '5170');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new StartupError(`--port must be 0-65535, not "${text('port')}"`);
  const idleText = text('idle-lock-minutes');
  const idleLockMinutes = idleText === undefined ? undefined : Number(idleText);
  if (idleLockMinutes !== undefined && (!Number.isInteger(idleLockMinutes) || idleLockMinutes < 1 || idleLockMinutes > 120)) {
    throw new StartupError(`--idle-lock-minutes must be 1-120, not "${idleText}"`);
  }
  const peerPort = Number(text('peer-port') ?? '5171');
  if (!Number.isInteger(peerPort) || peerPort < 0 || peerPort > 65535) {
    throw new StartupError(`--peer-port must be 0-65535, not "${text('peer-port')}"`);
  }
  const screensPort = Number(text('screens-port') ?? '5172');
  if (!Number.isInteger(screensPort) || screensPort < 0 || screensPort > 65535) {
    throw new StartupError(`--screens-port must be 0-65535, not "${text('screens-port')}"`);
  }
  const allowHosts = values['allow-host'];
  return {
    dataDir: text('data-dir'),
    identity,
    idleLockMinutes,
    mode: values.kiosk === true ? 'kiosk' : values.room === true ? 'room' : values.board === true ? 'board' : 'counter',
    peerHost: text('peer-host') ?? '0.0.0.0',
    peerPort,
    port,
    host: text('host') ?? '127.0.0.1',
    apiKey: text('api-key'),
    allowHosts: Array.isArray(allowHosts) ? allowHosts.filter((h): h is string => typeof h === 'string') : [],
    rendererDir: text('renderer-dir'),
    screensPort,
    counter: text('counter'),
    pairingCode: text('pairing-code'),
    help: values.help === true,
  };
}

const FILE_KEYS = new Set(['hospitalName', 'hospitalNameHi', 'hospitalCode', 'counterLetter', 'timeZone']);

/** counter.json in the data folder: {} when there is none; a clear refusal when it cannot be used. */
export function readCounterFile(dataDir: string): CounterSettings {
  const path = join(dataDir, COUNTER_FILE);
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new StartupError(`${path} cannot be read: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, '')); // Notepad writes a byte-order mark
  } catch {
    throw new StartupError(`${path} is not valid JSON`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new StartupError(`${path} must hold one JSON object`);
  }
  const unknown = Object.keys(json).find((key) => !FILE_KEYS.has(key));
  if (unknown !== undefined) {
    throw new StartupError(`${path}: unknown key "${unknown}" (it may hold ${[...FILE_KEYS].join(', ')})`);
  }
  return settingsOrThrow(json as Record<string, string | undefined>, path);
}

/** What the counter is told about itself at start-up: counter.json, then the command line over it. */
export function counterSettings(dataDir: string, options: Pick<StartupOptions, 'identity'>): CounterSettings {
  return { ...readCounterFile(dataDir), ...options.identity };
}

function settingsOrThrow(settings: Record<string, string | undefined>, source: string): CounterSettings {
  const given = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)) as CounterSettings;
  try {
    return validateSettings(given);
  } catch (err) {
    throw new StartupError(`${source}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
