// Changes to who this counter is, from the screens (first run, This counter).
// The database write and its audit entry commit first; only then does the
// running core see the new identity, and the HIMS check hears of it.
import type { CounterSettings } from '../config/counter-identity';
import { changeCounterIdentity, isConfigured } from '../config/counter-identity';
import { AppError } from '../core/app-error';
import { nowIso, type CoreContext } from '../core/core-context';
import type { CoreEvents } from '../core/core-events';
import { writeTransaction } from '../db/transaction';

export interface CounterIdentityService {
  /**
   * Applies `changes` inside `alongside`'s transaction (auth.setup makes the
   * administrator in the same one); `requireComplete` refuses to leave the
   * counter without a letter, hospital code or name.
   */
  change<T>(changes: CounterSettings, actor: string, options?: { requireComplete?: boolean; alongside?: () => T }): T | undefined;
}

export function createCounterIdentityService(
  ctx: CoreContext,
  events: CoreEvents,
  onChanged: () => void,
): CounterIdentityService {
  return {
    change(changes, actor, options = {}) {
      const before = JSON.stringify(ctx.identity);
      const { next, result } = writeTransaction(ctx.db, () => {
        const next = changeCounterIdentity(ctx.db, ctx.identity, changes, { at: nowIso(ctx), actor });
        if (options.requireComplete && !isConfigured(next)) {
          const missing = (['hospitalName', 'hospitalCode', 'counterLetter'] as const).find((f) =>
            f === 'hospitalName' ? next.hospitalName === '' : next[f] === null,
          );
          throw new AppError('VALIDATION_FAILED', `counter.${missing}: is required to set up this counter`, {
            field: `counter.${missing}`,
          });
        }
        return { next, result: options.alongside?.() };
      });
      ctx.identity = next;
      if (JSON.stringify(next) !== before) {
        onChanged();
        events.emit('counter.changed', {});
      }
      return result;
    },
  };
}
