// The fee line under a just-issued token: paid (receipt number), waived, and
// until when the OPD ticket is valid. Nothing for a free visit with no validity.
import type { TokenFee } from '../../../preload/contract/methods/fee-schemas';
import { inr } from '../../../preload/contract/money';
import { dayNumeric } from '../lib/dates';
import './money.css';
import { useMoneyT } from './use-money-t';

export function IssuedFee({ fee }: { fee: TokenFee }) {
  const tm = useMoneyT();
  if (fee.scheduledPaise === 0 && fee.validUntil === null) return null;
  return (
    <p className="issued-fee" data-testid="issued-fee">
      {fee.receipt && (
        <>
          <span className="chip" data-testid="issued-paid">
            {tm('issued.paid', { amount: inr(fee.receipt.amountPaise), method: tm(`pay.${fee.receipt.method}`) })}
          </span>
          <span className="chip" data-testid="issued-receipt">
            {tm('issued.receipt', { number: fee.receipt.number })}
          </span>
        </>
      )}
      {fee.waivedPaise > 0 && <span className="chip">{tm('issued.waived', { amount: inr(fee.waivedPaise) })}</span>}
      {fee.basis === 'follow_up' && fee.duePaise === 0 && <span className="chip">{tm('issued.followUp')}</span>}
      {fee.validUntil && (
        <span className="chip priority" data-testid="issued-valid-until">
          {tm('issued.validUntil', { day: dayNumeric(fee.validUntil) })}
        </span>
      )}
    </p>
  );
}
