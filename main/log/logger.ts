// The core's log: pino, one JSON line per event, to rotating files in the
// data folder (<dataDir>/logs/counter.log), the same format in the Electron
// app and the browser shell because both run this core. What is logged:
// start-up, sync rounds, print jobs, backups, clock problems and errors —
// ids, counts, states and our own words, never a patient's name, phone, ABHA
// number or UHID (docs/decisions.md "Logs"; scrub.ts masks what slips in).
import { join } from 'node:path';
import pino from 'pino';
import { DEFAULT_ROTATION, openRotatingFile, type RotatingFileOptions } from './rotating-file';
import { scrub } from './scrub';

export type LogLevel = 'info' | 'warn' | 'error';
/** Scalars only: an object (a record, a request) has no way into the log. */
export type LogFields = Record<string, string | number | boolean | null>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** The same log with `area` (sync, print, backup …) on every line. */
  child(area: string): Logger;
  close(): void;
}

/** The older `log(message)` callbacks the core's parts take (level: error unless said). */
export type LogFn = (message: string, level?: LogLevel) => void;

export function logFn(logger: Logger): LogFn {
  return (message, level = 'error') => logger[level](message);
}

function clean(fields: LogFields | undefined): LogFields | undefined {
  if (!fields) return undefined;
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) out[key] = typeof value === 'string' ? scrub(value) : value;
  return out;
}

function wrapPino(p: pino.Logger, close: () => void): Logger {
  const at =
    (level: LogLevel) =>
    (message: string, fields?: LogFields): void => {
      const f = clean(fields);
      if (f) p[level](f, scrub(message));
      else p[level](scrub(message));
    };
  return {
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (area) => wrapPino(p.child({ area }), () => {}),
    close,
  };
}

export const LOG_DIR = 'logs';

/** pino into <dataDir>/logs, rotated by size. */
export function fileLogger(dataDir: string, rotation: RotatingFileOptions = DEFAULT_ROTATION): Logger {
  const file = openRotatingFile(join(dataDir, LOG_DIR), rotation);
  const p = pino(
    {
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    { write: (line: string) => file.write(line) },
  );
  return wrapPino(p, () => file.close());
}

/** For tests and callers that hand the core a `log(message)` function. */
export function callbackLogger(log: (message: string) => void, area?: string): Logger {
  const at =
    (level: LogLevel) =>
    (message: string): void =>
      log(`${level === 'info' ? '' : `${level}: `}${area ? `[${area}] ` : ''}${scrub(message)}`);
  return {
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (child) => callbackLogger(log, child),
    close: () => {},
  };
}
