// Data for the cash drawer: this clerk's shift, today's shifts and day book,
// and the changing calls (open, close, sign off, refund, reprint). Everything
// reloads after any change, so the figures on screen are the core's.
import { useReducer } from 'react';
import { useCounterMutation } from '../hooks/use-counter-mutation';
import { useCounterQuery } from '../hooks/use-counter-query';

export function useCash() {
  const [version, changed] = useReducer((n: number) => n + 1, 0);
  const current = useCounterQuery('cash.current', {}, version);
  const shifts = useCounterQuery('cash.shifts', {}, version);
  const dayBook = useCounterQuery('cash.dayBook', {}, version);
  return {
    current,
    shifts,
    dayBook,
    changed,
    open: useCounterMutation('cash.openShift'),
    close: useCounterMutation('cash.closeShift'),
    signOff: useCounterMutation('cash.signOff'),
    refund: useCounterMutation('fees.refund'),
    reprint: useCounterMutation('cash.reprintClosing'),
  };
}
