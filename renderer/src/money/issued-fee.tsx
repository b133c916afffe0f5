// The fee line under a just-issued token: paid (receipt number), waived, and
// until when the OPD ticket is valid. Nothing for a free visit with no validity.
import { useTranslation } from 'react-i18next';
import type { TokenFee } from '../../../preload/contract/methods/fee-schemas';
import { inr } from '../../../preload/contract/money';
import { dayFirst } from './fee-text';
import './money.css';

export function IssuedFee({ fee }: { fee: TokenFee }) {
  const { t } = useTranslation();
  if (fee.scheduledPaise === 0 && fee.validUntil === null) return null;
  return (
    <p className="issued-fee" data-testid="issued-fee">
      {fee.receipt && (
        <>
          <span className="chip" data-testid="issued-paid">
            {t('money.issued.paid', { amount: inr(fee.receipt.amountPaise), method: t(`money.pay.${fee.receipt.method}`) })}
          </span>
          <span className="chip" data-testid="issued-receipt">
            {t('money.issued.receipt', { number: fee.receipt.number })}
          </span>
        </>
      )}
      {fee.waivedPaise > 0 && <span className="chip">{t('money.issued.waived', { amount: inr(fee.waivedPaise) })}</span>}
      {fee.basis === 'follow_up' && fee.duePaise === 0 && <span className="chip">{t('money.issued.followUp')}</span>}
      {fee.validUntil && (
        <span className="chip priority" data-testid="issued-valid-until">
          {t('money.issued.validUntil', { day: dayFirst(fee.validUntil) })}
        </span>
      )}
    </p>
  );
}
