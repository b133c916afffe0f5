// What the clock and backup statuses mean for the clerk, as translation keys
// and values: pure, so the rules (which problem says what, who is told about
// backups being off) are tested without a screen.
import type { BackupStatus, ClockProblem } from '../../../preload/contract/methods/ops-schemas';

export interface Words {
  key: string;
  values: Record<string, string | number>;
}

/** "45 min", "3 h 10 min", "2 days 4 h": how far off a clock is. */
export function spanWords(minutes: number): Words {
  const m = Math.abs(Math.round(minutes));
  if (m < 60) return { key: 'ops.span.minutes', values: { m } };
  if (m < 48 * 60) return { key: 'ops.span.hours', values: { h: Math.floor(m / 60), m: m % 60 } };
  return { key: 'ops.span.days', values: { d: Math.floor(m / 1440), h: Math.floor((m % 1440) / 60) } };
}

/** One line per clock problem; `when` formats an instant, `span` a Words into text. */
export function clockLine(problem: ClockProblem, now: string, when: (iso: string) => string, span: (w: Words) => string): Words {
  switch (problem.kind) {
    case 'behind_records':
      return { key: 'ops.clock.behind', values: { now: when(now), latest: when(problem.latestAt) } };
    case 'jumped':
      return {
        key: problem.byMinutes >= 0 ? 'ops.clock.jumpedForward' : 'ops.clock.jumpedBack',
        values: { span: span(spanWords(problem.byMinutes)), time: when(problem.at) },
      };
    case 'differs': {
      const ahead = problem.byMinutes >= 0;
      const values = { span: span(spanWords(problem.byMinutes)), peer: problem.peer ?? '' };
      if (problem.source === 'hims') return { key: ahead ? 'ops.clock.himsAhead' : 'ops.clock.himsBehind', values };
      return { key: ahead ? 'ops.clock.peerAhead' : 'ops.clock.peerBehind', values };
    }
  }
}

/**
 * The backup line on the counter screen, or null. Every clerk is told when a
 * backup failed or is overdue (someone must tell the administrator); that
 * backups are off or wait for a recovery code only the administrator, who
 * can act on it, is told.
 */
export function backupBanner(
  status: BackupStatus,
  isAdmin: boolean,
  when: (iso: string) => string,
): (Words & { tone: 'warn' | 'danger' }) | null {
  switch (status.state) {
    case 'failed':
      return { key: 'ops.banner.failed', values: { time: when(status.lastFailureAt ?? '') }, tone: 'danger' };
    case 'overdue':
      return status.lastSuccessAt
        ? { key: 'ops.banner.overdue', values: { time: when(status.lastSuccessAt) }, tone: 'warn' }
        : { key: 'ops.banner.neverBackedUp', values: {}, tone: 'warn' };
    case 'off':
      return isAdmin ? { key: 'ops.banner.off', values: {}, tone: 'warn' } : null;
    case 'no_key':
      return isAdmin ? { key: 'ops.banner.noKey', values: {}, tone: 'warn' } : null;
    default:
      return null;
  }
}

/** 1.2 MB, 340 kB: sizes of backups and bundles. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
