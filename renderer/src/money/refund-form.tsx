// A supervisor gives money back on a receipt: part of it (refund) or all that
// is left (cancellation), cash or UPI, always with a reason.
import { useState } from 'react';
import type { CallError, CallResult, MethodInput, MethodOutput } from '../../../preload/contract';
import { parseRupees } from '../../../preload/contract/money';
import { CallErrorMessage } from '../components/call-error-message';
import { useMoneyT } from './use-money-t';

interface Props {
  receiptId: string;
  receiptNumber: string;
  refund: (input: MethodInput<'fees.refund'>) => Promise<CallResult<MethodOutput<'fees.refund'>> | null>;
  onDone: () => void;
}

export function RefundForm({ receiptId, receiptNumber, refund, onDone }: Props) {
  const tm = useMoneyT();
  const [kind, setKind] = useState<'refund' | 'cancellation'>('refund');
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<'cash' | 'upi'>('cash');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<CallError | null>(null);
  const [badAmount, setBadAmount] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  async function submit() {
    const paise = kind === 'refund' ? parseRupees(amount) : null;
    if (kind === 'refund' && paise === null) {
      setBadAmount(true);
      return;
    }
    setBadAmount(false);
    const result = await refund({ receiptId, kind, method, reason, ...(paise !== null ? { amountPaise: paise } : {}) });
    if (!result) return;
    if (result.ok) {
      setDone(result.value.number);
      setError(null);
      onDone();
    } else setError(result.error);
  }

  if (done)
    return (
      <p className="hint" data-testid="cash-refund-done">
        {tm('cash.refundDone', { number: done })}
      </p>
    );
  return (
    <form
      className="refund-form"
      data-testid="cash-refund"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h4>{tm('cash.refundTitle', { number: receiptNumber })}</h4>
      <div className="money-grid">
        <label>
          <span>{tm('pay.method')}</span>
          <select
            data-testid="cash-refund-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value === 'cancellation' ? 'cancellation' : 'refund')}
          >
            <option value="refund">{tm('cash.refundKind.refund')}</option>
            <option value="cancellation">{tm('cash.refundKind.cancellation')}</option>
          </select>
        </label>
        {kind === 'refund' && (
          <label>
            <span>{tm('cash.refundAmount')}</span>
            <input
              data-testid="cash-refund-amount"
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              aria-invalid={badAmount}
            />
            {badAmount && (
              <span className="field-error" role="alert">
                {tm('cash.badAmount')}
              </span>
            )}
          </label>
        )}
        <label>
          <span>{tm('cash.method')}</span>
          <select
            data-testid="cash-refund-method"
            value={method}
            onChange={(e) => setMethod(e.target.value === 'upi' ? 'upi' : 'cash')}
          >
            <option value="cash">{tm('pay.cash')}</option>
            <option value="upi">{tm('pay.upi')}</option>
          </select>
        </label>
        <label>
          <span>{tm('cash.reason')}</span>
          <input data-testid="cash-refund-reason" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
      </div>
      {error && <CallErrorMessage error={error} testId="cash-refund-error" />}
      <div className="money-actions">
        <button type="submit" className="primary" data-testid="cash-refund-submit">
          {tm('cash.refundSubmit')}
        </button>
      </div>
    </form>
  );
}
