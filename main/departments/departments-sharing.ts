// Departments and their rules reach every paired counter (docs/peers.md
// "Departments and rules"). A change here is offered to every paired counter
// at once; a counter that was off hears of the newer copy with the next queue
// read between the two (every peer.queue answer carries the answering
// counter's stamp) and takes it before the queue is merged, so the merge uses
// the newest rule. Counters still holding an older copy are named on the
// queue, this one included when the newer copy could not be read.
import type { DepartmentsStamp } from '../../preload/contract/methods/peer-departments-methods';
import { nowIso, type CoreContext } from '../core/core-context';
import type { CoreEvents } from '../core/core-events';
import type { HandlerMap } from '../core/registry';
import { writeTransaction } from '../db/transaction';
import type { PeerService } from '../peers/peer-service';
import type { PeerRow } from '../peers/peer-store';
import { isNewer, readCopy, readStamp, takeCopy } from './departments-copy';

/** A newer copy is read within this long, or the queue is merged with the copy here (and this counter named). */
const COPY_READ_TIMEOUT_MS = 800;

export interface DepartmentsSharing {
  /** After a change here: offers this counter's copy to every paired counter (in the background). */
  offer(): void;
  /**
   * Given the stamps paired counters answered with: takes the newest copy if
   * it is newer than this one, and offers this one to those with an older
   * copy. Returns the letters of the counters that still hold an older copy.
   */
  catchUp(answers: { peer: PeerRow; stamp: DepartmentsStamp }[]): Promise<string[]>;
}

function taken(events: CoreEvents, codes: string[] | null): boolean {
  if (!codes) return false;
  // Every screen's departments (shortcut keys, rooms, the queue rule) follow without a reload.
  codes.forEach((code) => events.emit('departments.changed', { code }));
  return true;
}

export function peerDepartmentsHandlers(ctx: CoreContext, events: CoreEvents): HandlerMap {
  const { db } = ctx;
  return {
    'peer.departments': () => readCopy(db),
    'peer.offerDepartments': (copy, call) => {
      const codes = writeTransaction(db, () => takeCopy(db, copy, { actor: call.actor, at: nowIso(ctx) }));
      return { taken: taken(events, codes), stamp: readStamp(db) };
    },
  };
}

export function departmentsSharing(ctx: CoreContext, peers: PeerService, events: CoreEvents): DepartmentsSharing {
  const { db } = ctx;

  function offerTo(targets: PeerRow[] | 'all') {
    const copy = readCopy(db);
    const calls =
      targets === 'all'
        ? [peers.callAll('peer.offerDepartments', copy)]
        : targets.map((peer) => peers.call(peer.counter_id, 'peer.offerDepartments', copy));
    // Not waited for: a counter that does not take it now takes it with its next queue read.
    void Promise.all(calls).catch(() => undefined);
  }

  async function takeNewest(answers: { peer: PeerRow; stamp: DepartmentsStamp }[]) {
    const newest = answers.reduce<(typeof answers)[number] | null>(
      (best, a) => (!best || isNewer(a.stamp, best.stamp) ? a : best),
      null,
    );
    if (!newest || !isNewer(newest.stamp, readStamp(db))) return;
    const answer = await peers.call(newest.peer.counter_id, 'peer.departments', {}, COPY_READ_TIMEOUT_MS);
    if (!answer.ok) return;
    const actor = `peer:${newest.peer.counter_letter}`;
    taken(
      events,
      writeTransaction(db, () => takeCopy(db, answer.value, { actor, at: nowIso(ctx) })),
    );
  }

  return {
    offer: () => offerTo('all'),
    async catchUp(answers) {
      await takeNewest(answers);
      const own = readStamp(db);
      const older = answers.filter((a) => isNewer(own, a.stamp));
      if (older.length > 0) offerTo(older.map((a) => a.peer));
      const letters = older.map((a) => a.peer.counter_letter);
      // The newer copy could not be read: this counter says it is behind.
      if (answers.some((a) => isNewer(a.stamp, own))) letters.unshift(ctx.identity.counterLetter ?? '');
      return letters;
    },
  };
}
