// A drawer's difference in words: "Short by ₹5.00", "Over by ₹90.00", "Matches".
import { inr } from '../../../preload/contract/money';
import type { MoneyT } from './use-money-t';

export function differenceText(tm: MoneyT, differencePaise: number): string {
  if (differencePaise < 0) return tm('cash.short', { amount: inr(-differencePaise) });
  if (differencePaise > 0) return tm('cash.over', { amount: inr(differencePaise) });
  return tm('cash.exact');
}
