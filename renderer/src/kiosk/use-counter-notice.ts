// The kiosk's printed "please go to the registration counter" slip: when the
// kiosk sends a patient to the counter it queues print.notice once, with the
// id that was scanned (never anything looked up). A kiosk without a printer
// just shows the notice on screen.
import { useEffect, useState } from 'react';
import { NoticeScannedId, type NoticeReason } from '../../../preload/contract/methods/printing-methods';
import type { ScanOutcome } from '../scanning/use-card-scan';
import { callCounter } from '../api/counter-client';

/** The identifier the card itself carried, if it is one a notice may show. */
export function scannedIdOf(outcome: ScanOutcome): string | null {
  const card = outcome.result?.card;
  const id = card ? (card.abhaNumber ?? card.abhaAddress ?? card.uhid) : null;
  return id !== null && NoticeScannedId.safeParse(id).success ? id : null;
}

export type NoticeState = 'idle' | 'printing' | 'not_printed';

/** The kiosk's 'counter' step itself: the same object for as long as the step is shown. */
type Notice = { why: NoticeReason; scannedId: string | null };

/** Queues one notice per `notice` object (a new scan is a new object). */
export function useCounterNotice(notice: Notice | null): NoticeState {
  const [answer, setAnswer] = useState<{ notice: Notice; state: NoticeState } | null>(null);
  useEffect(() => {
    if (!notice) return;
    let live = true;
    void callCounter('print.notice', { reason: notice.why, scannedId: notice.scannedId }).then((r) => {
      if (live) setAnswer({ notice, state: r.ok ? 'printing' : 'not_printed' });
    });
    return () => {
      live = false;
    };
  }, [notice]);
  return notice && answer?.notice === notice ? answer.state : 'idle';
}
