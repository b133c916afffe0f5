// counter.* — who this counter is, and the administrator's "This counter"
// screen: hospital name and time zone any time; the letter and hospital code
// only while nothing was issued with them (main/config/counter-identity.ts).
import type { CounterInfo } from '../../preload/contract/methods/counter-schemas';
import { hasIssued, isConfigured } from '../config/counter-identity';
import { today, type CoreContext } from '../core/core-context';
import type { HandlerMap } from '../core/registry';
import type { SyncEngine } from '../sync/sync-engine';
import { readSettings } from '../sync/sync-store';
import type { CounterIdentityService } from './counter-identity-service';
import { letterCheckView } from './letter-check';

export function counterHandlers(
  ctx: CoreContext,
  identity: CounterIdentityService,
  sync: Pick<SyncEngine, 'letterCheckRefused'>,
): HandlerMap {
  const { db } = ctx;

  function info(): CounterInfo {
    const { counterId, counterLetter, hospitalCode, hospitalName, hospitalNameHi, timeZone, pinned } = ctx.identity;
    const himsSettings = readSettings(db);
    return {
      counterId,
      counterLetter,
      hospitalCode,
      hospitalName,
      hospitalNameHi,
      timeZone,
      pinned,
      configured: isConfigured(ctx.identity),
      identityLocked: hasIssued(db),
      letterCheck: letterCheckView(db, ctx.identity, {
        configured: himsSettings.enabled === 1 && himsSettings.base_url !== null,
        refused: sync.letterCheckRefused(),
      }),
      appVersion: ctx.appVersion,
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      today: today(ctx),
      shell: ctx.shell,
    };
  }

  return {
    'counter.info': info,
    'counter.update': (changes, call) => {
      identity.change(changes, call.actor);
      return info();
    },
  };
}
