// Counting the drawer by denomination: notes and coins, the total as the clerk
// types, expected against counted and the difference (short in red, over in amber).
import { DENOMINATIONS, countedPaise, type DenominationKey } from '../../../preload/contract/methods/cash-schemas';
import { inr } from '../../../preload/contract/money';
import { differenceText } from './difference-text';
import { useMoneyT } from './use-money-t';

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
  const tm = useMoneyT();
  const counted = countedPaise(counts);
  const diff = counted - expectedPaise;
  const group = (kind: 'note' | 'coin') => (
    <fieldset className="denominations">
      <legend>{tm(kind === 'note' ? 'cash.notes' : 'cash.coins')}</legend>
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
        <dt>{tm('cash.expected')}</dt>
        <dd data-testid="cash-count-expected">{inr(expectedPaise)}</dd>
        <dt>{tm('cash.counted')}</dt>
        <dd data-testid="cash-counted">{inr(counted)}</dd>
        <dt>{tm('cash.difference')}</dt>
        <dd
          data-testid="cash-difference"
          data-paise={diff}
          className={`money-diff ${diff < 0 ? 'short' : diff > 0 ? 'over' : 'exact'}`}
        >
          {differenceText(tm, diff)}
        </dd>
      </dl>
    </div>
  );
}
