// A supervisor's sign-off of a closed shift: before it is signed, the figures
// the clerk closed with (expected, counted and how far apart) and the clerk's
// note are on screen, with a note of the supervisor's own. One click never
// signs off a drawer that does not match without its difference being seen.
import { useState } from 'react';
import type { CashShift } from '../../../preload/contract/methods/cash-schemas';
import { inr } from '../../../preload/contract/money';
import { differenceText } from './difference-text';
import { useMoneyT } from './use-money-t';

interface Props {
  shift: CashShift;
  pending: boolean;
  onSignOff: (note: string) => void;
  onCancel: () => void;
}

export function ShiftSignOff({ shift, pending, onSignOff, onCancel }: Props) {
  const tm = useMoneyT();
  const [note, setNote] = useState('');
  const difference = shift.differencePaise ?? 0;
  return (
    <section className="money-confirm" data-testid="cash-sign-off-panel" aria-labelledby="cash-sign-off-title">
      <h4 id="cash-sign-off-title">{tm('cash.signOffTitle', { clerk: shift.clerk })}</h4>
      <p>
        {tm('cash.signOffFigures', { expected: inr(shift.expectedPaise), counted: inr(shift.countedPaise ?? 0) })}{' '}
        <strong
          data-testid="cash-sign-off-difference"
          data-paise={difference}
          className={`money-diff ${difference < 0 ? 'short' : difference > 0 ? 'over' : 'exact'}`}
        >
          {differenceText(tm, difference)}
        </strong>
      </p>
      {shift.closeNote && <p data-testid="cash-sign-off-clerk-note">{tm('cash.clerkNote', { note: shift.closeNote })}</p>}
      <div className="money-actions">
        <label>
          <span>{tm('cash.signOffNote')}</span>
          <input data-testid="cash-sign-off-note" maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button
          type="button"
          className="primary"
          data-testid="cash-sign-off-confirm"
          disabled={pending}
          onClick={() => onSignOff(note)}
        >
          {tm('cash.signOffConfirm')}
        </button>
        <button type="button" className="secondary" data-testid="cash-sign-off-cancel" onClick={onCancel}>
          {tm('cash.signOffCancel')}
        </button>
      </div>
    </section>
  );
}
