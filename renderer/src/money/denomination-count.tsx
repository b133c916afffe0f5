// Counting the drawer by denomination: notes and coins, the total as the clerk
// types, expected against counted and the difference (short in red, over in amber).
import { useTranslation } from 'react-i18next';
import { DENOMINATIONS, countedPaise, type DenominationKey } from '../../../preload/contract/methods/cash-schemas';
import { inr } from '../../../preload/contract/money';

export type Counts = Partial<Record<DenominationKey, number>>;

export function DenominationCount({
  counts,
  onChange,
  expectedPaise,
}: {
  counts: Counts;
  onChange: (c: Counts) => void;
  expectedPaise: number;
}) {
  const { t } = useTranslation();
  const counted = countedPaise(counts);
  const diff = counted - expectedPaise;
  const group = (kind: 'note' | 'coin') => (
    <fieldset className="denominations">
      <legend>{t(kind === 'note' ? 'money.cash.notes' : 'money.cash.coins')}</legend>
      {DENOMINATIONS.filter((d) => d.kind === kind).map((d) => (
        <label key={d.key}>
          <span>₹{d.paise / 100} ×</span>
          <input
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            data-testid={`cash-count-${d.key}`}
            value={counts[d.key] ?? ''}
            onChange={(e) => {
              const n = e.target.value === '' ? undefined : Math.max(0, Math.floor(Number(e.target.value)));
              onChange({ ...counts, [d.key]: Number.isFinite(n) ? n : undefined });
            }}
          />
        </label>
      ))}
    </fieldset>
  );
  return (
    <div className="denomination-count">
      {group('note')}
      {group('coin')}
      <dl className="money-figures">
        <dt>{t('money.cash.expected')}</dt>
        <dd data-testid="cash-count-expected">{inr(expectedPaise)}</dd>
        <dt>{t('money.cash.counted')}</dt>
        <dd data-testid="cash-counted">{inr(counted)}</dd>
        <dt>{t('money.cash.difference')}</dt>
        <dd
          data-testid="cash-difference"
          data-paise={diff}
          className={`money-diff ${diff < 0 ? 'short' : diff > 0 ? 'over' : 'exact'}`}
        >
          {diff < 0
            ? t('money.cash.short', { amount: inr(-diff) })
            : diff > 0
              ? t('money.cash.over', { amount: inr(diff) })
              : t('money.cash.exact')}
        </dd>
      </dl>
    </div>
  );
}
