import { describe, expect, it } from 'vitest';
import type { BackupStatus } from '../../../preload/contract/methods/ops-schemas';
import en from '../i18n/en.json';
import { backupBanner, clockLine, sizeText, spanWords } from './ops-words';

const when = (iso: string) => `<${iso.slice(0, 10)}>`;
const span = (w: { key: string; values: Record<string, string | number> }) => `${w.key}:${JSON.stringify(w.values)}`;

function keyExists(key: string): boolean {
  let node: unknown = en;
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  return typeof node === 'string';
}

const status = (patch: Partial<BackupStatus>): BackupStatus => ({
  state: 'ok',
  folder: '/media/backup',
  lastSuccessAt: '2026-11-25T04:00:00.000Z',
  lastFailureAt: null,
  lastError: null,
  nextDueAt: null,
  everyMinutes: 30,
  ...patch,
});

describe('ops words', () => {
  it('say how far off a clock is in the largest sensible unit', () => {
    expect(spanWords(45)).toEqual({ key: 'ops.span.minutes', values: { m: 45 } });
    expect(spanWords(-190)).toEqual({ key: 'ops.span.hours', values: { h: 3, m: 10 } });
    expect(spanWords(3 * 1440 + 120)).toEqual({ key: 'ops.span.days', values: { d: 3, h: 2 } });
  });

  it('put each clock problem in its own words, with a key that exists', () => {
    const now = '2026-11-24T05:00:00.000Z';
    const lines = [
      clockLine({ kind: 'behind_records', latestAt: '2026-11-25T05:00:00.000Z', latestDay: '2026-11-25' }, now, when, span),
      clockLine({ kind: 'jumped', byMinutes: 120, at: now }, now, when, span),
      clockLine({ kind: 'jumped', byMinutes: -5, at: now }, now, when, span),
      clockLine({ kind: 'differs', source: 'hims', peer: null, byMinutes: -180, at: now }, now, when, span),
      clockLine({ kind: 'differs', source: 'peer', peer: 'C', byMinutes: 4, at: now }, now, when, span),
    ];
    expect(lines.map((l) => l.key)).toEqual([
      'ops.clock.behind',
      'ops.clock.jumpedForward',
      'ops.clock.jumpedBack',
      'ops.clock.himsBehind',
      'ops.clock.peerAhead',
    ]);
    expect(lines[0]!.values).toEqual({ now: '<2026-11-24>', latest: '<2026-11-25>' });
    for (const line of lines) expect(keyExists(line.key), line.key).toBe(true);
  });

  it('tell every clerk about a failed or overdue backup, and only the administrator that backups are off', () => {
    expect(backupBanner(status({ state: 'ok' }), true, when)).toBeNull();
    expect(backupBanner(status({ state: 'failed', lastFailureAt: '2026-11-25T05:00:00.000Z' }), false, when)).toMatchObject({
      key: 'ops.banner.failed',
      tone: 'danger',
    });
    expect(backupBanner(status({ state: 'overdue' }), false, when)?.key).toBe('ops.banner.overdue');
    expect(backupBanner(status({ state: 'overdue', lastSuccessAt: null }), false, when)?.key).toBe('ops.banner.neverBackedUp');
    expect(backupBanner(status({ state: 'off' }), false, when)).toBeNull();
    expect(backupBanner(status({ state: 'off' }), true, when)?.key).toBe('ops.banner.off');
    expect(backupBanner(status({ state: 'no_key' }), true, when)?.key).toBe('ops.banner.noKey');
  });

  it('write sizes for people', () => {
    expect(sizeText(512)).toBe('512 B');
    expect(sizeText(2_500_000)).toBe('2.4 MB');
  });
});
