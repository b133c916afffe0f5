// The fee settings (exemptions, receipt slips, UPI) and a token's quote, for
// the patient panel. The quote follows the department and choices; `quoteFor`
// answers at once when the clerk issues before the quote has arrived.
import { useCallback } from 'react';
import type { CallResult, MethodInput, MethodOutput } from '../../../preload/contract';
import { callCounter } from '../api/counter-client';
import { useCounterQuery } from '../hooks/use-counter-query';

export function useFeeSettings(refreshKey = 0) {
  return useCounterQuery('fees.settings', {}, refreshKey);
}

export type QuoteInput = MethodInput<'fees.quote'>;

export function useFeeQuote(input: QuoteInput | null) {
  const query = useCounterQuery('fees.quote', input);
  const quoteFor = useCallback(
    async (wanted: QuoteInput): Promise<CallResult<MethodOutput<'fees.quote'>>> =>
      input && wanted.departmentCode === input.departmentCode && query.data
        ? { ok: true, value: query.data }
        : callCounter('fees.quote', wanted),
    [input, query.data],
  );
  return { ...query, quoteFor };
}
