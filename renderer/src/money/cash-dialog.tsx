// The cash drawer: the clerk's shift — open with a float, what the
// drawer should hold, the count by denomination and the closing (printed) —
// today's shifts with a supervisor's sign-off, and the day book with refunds
// for a supervisor.
import { useState } from 'react';
import type { CallError } from '../../../preload/contract';
import type { CashShift } from '../../../preload/contract/methods/cash-schemas';
import { inr, parseRupees } from '../../../preload/contract/money';
import { useMayCall } from '../auth/use-may-call';
import { CallErrorMessage } from '../components/call-error-message';
import { Dialog, DialogTitle } from '../components/dialog';
import { timeText } from '../lib/dates';
import { countedPaise } from '../../../preload/contract/methods/cash-schemas';
import { useRefusalWords } from '../i18n/use-refusal-words';
import { DenominationCount, type Counts } from './denomination-count';
import { ShiftSignOff } from './shift-sign-off';
import { RefundForm } from './refund-form';
import { useCash } from './use-cash';
import './money.css';
import { useMoneyT } from './use-money-t';

export function CashDialog({ onClose, timeZone }: { onClose: () => void; timeZone: string | undefined }) {
  const tm = useMoneyT();
  const cash = useCash();
  const maySignOff = useMayCall('cash.signOff');
  const mayRefund = useMayCall('fees.refund');
  const [floatText, setFloatText] = useState('');
  const [counts, setCounts] = useState<Counts>({});
  const [note, setNote] = useState('');
  const [closed, setClosed] = useState<CashShift | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [badFloat, setBadFloat] = useState(false);
  const [refunding, setRefunding] = useState<string | null>(null);
  // A count that differs from expected: a note is asked for, then the difference is confirmed.
  const [noteMissing, setNoteMissing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [signingOff, setSigningOff] = useState<string | null>(null);
  const words = useRefusalWords();
  const time = (iso: string) => timeText(iso, timeZone);
  const shift = cash.current.data;

  async function open() {
    const floatPaise = floatText.trim() === '' ? 0 : parseRupees(floatText);
    if (floatPaise === null) {
      setBadFloat(true);
      return;
    }
    setBadFloat(false);
    const r = await cash.open.run({ floatPaise });
    if (r && !r.ok) setError(r.error);
    else setError(null);
    cash.changed();
  }

  /** What the count says against what the drawer should hold: counted − expected. */
  const differenceOf = (s: CashShift) => countedPaise(counts) - s.expectedPaise;

  function askToClose(s: CashShift) {
    if (differenceOf(s) === 0) return void close(s);
    if (note.trim() === '') {
      setNoteMissing(true);
      document.getElementById('cash-note')?.focus();
      return;
    }
    setConfirming(true);
  }

  async function close(s: CashShift) {
    setConfirming(false);
    const r = await cash.close.run({ shiftId: s.id, counts, note: note || null });
    if (!r) return;
    if (r.ok) {
      setClosed(r.value);
      setCounts({});
      setNote('');
      setError(null);
    } else setError(r.error);
    cash.changed();
  }

  return (
    <Dialog onClose={onClose} labelledBy="cash-title" testId="cash" className="money-dialog" modal>
      <DialogTitle
        id="cash-title"
        title={tm('cash.title')}
        closeLabel={tm('cash.close')}
        closeTestId="cash-close"
        onClose={onClose}
      />
      {error && <CallErrorMessage error={error} testId="cash-error" />}
      {closed && (
        <p className="notice" data-testid="cash-closed" data-difference={closed.differencePaise}>
          {tm('cash.closed', {
            time: time(closed.closedAt!),
            counted: inr(closed.countedPaise ?? 0),
            expected: inr(closed.expectedPaise),
          })}{' '}
          <button
            type="button"
            className="secondary small"
            data-testid="cash-reprint"
            onClick={() => void cash.reprint.run({ shiftId: closed.id })}
          >
            {tm('cash.reprint')}
          </button>
        </p>
      )}
      {cash.current.error && <CallErrorMessage error={cash.current.error} />}
      {!cash.current.loading && !shift && (
        <section data-testid="cash-no-shift">
          <p className="hint">{tm('cash.noShift')}</p>
          <div className="money-actions">
            <label>
              <span>{tm('cash.float')}</span>
              <input
                data-testid="cash-float"
                inputMode="decimal"
                value={floatText}
                onChange={(e) => setFloatText(e.target.value)}
                aria-invalid={badFloat}
              />
            </label>
            <button
              type="button"
              className="primary"
              data-testid="cash-open-shift"
              disabled={cash.open.pending}
              onClick={() => void open()}
            >
              {tm('cash.open')}
            </button>
          </div>
          {badFloat && (
            <p className="field-error" role="alert">
              {tm('cash.badAmount')}
            </p>
          )}
        </section>
      )}
      {shift && (
        <section data-testid="cash-shift" data-status={shift.status}>
          <h3>{tm('cash.opened', { time: time(shift.openedAt) })}</h3>
          <dl className="money-figures">
            <dt>{tm('cash.floatLine')}</dt>
            <dd>{inr(shift.floatPaise)}</dd>
            <dt>{tm('cash.cashIn')}</dt>
            <dd>{inr(shift.cashReceiptsPaise)}</dd>
            <dt>{tm('cash.cashOut')}</dt>
            <dd>{shift.cashRefundsPaise ? `−${inr(shift.cashRefundsPaise)}` : inr(0)}</dd>
            <dt>{tm('cash.expected')}</dt>
            <dd data-testid="cash-expected" data-paise={shift.expectedPaise}>
              {inr(shift.expectedPaise)}
            </dd>
            <dt>{tm('cash.upiIn')}</dt>
            <dd>{inr(shift.upiReceiptsPaise)}</dd>
          </dl>
          <h3>{tm('cash.count')}</h3>
          <DenominationCount
            counts={counts}
            onChange={(next) => {
              setCounts(next);
              setConfirming(false);
            }}
            expectedPaise={shift.expectedPaise}
          />
          <div className="money-actions">
            <label>
              <span>{tm('cash.note')}</span>
              <input
                id="cash-note"
                data-testid="cash-note"
                maxLength={200}
                value={note}
                aria-invalid={noteMissing}
                aria-describedby={noteMissing ? 'cash-note-error' : undefined}
                onChange={(e) => {
                  setNote(e.target.value);
                  setNoteMissing(false);
                }}
              />
            </label>
            <button
              type="button"
              className="primary"
              data-testid="cash-close-shift"
              disabled={cash.close.pending || confirming}
              onClick={() => askToClose(shift)}
            >
              {tm('cash.closeShift')}
            </button>
          </div>
          {noteMissing && (
            <p className="field-error" role="alert" id="cash-note-error" data-testid="cash-note-error">
              {words({
                reason: differenceOf(shift) < 0 ? 'cash_short_note' : 'cash_over_note',
                params: { amount: inr(Math.abs(differenceOf(shift))) },
              })}
            </p>
          )}
          {confirming && (
            <div className="money-confirm" role="alertdialog" aria-labelledby="cash-confirm-text" data-testid="cash-confirm">
              <p id="cash-confirm-text" data-paise={differenceOf(shift)}>
                {tm(differenceOf(shift) < 0 ? 'cash.confirmShort' : 'cash.confirmOver', {
                  amount: inr(Math.abs(differenceOf(shift))),
                })}
              </p>
              <div className="money-actions">
                <button
                  type="button"
                  className="primary"
                  data-testid="cash-confirm-close"
                  autoFocus
                  disabled={cash.close.pending}
                  onClick={() => void close(shift)}
                >
                  {tm('cash.confirmClose')}
                </button>
                <button type="button" className="secondary" data-testid="cash-count-again" onClick={() => setConfirming(false)}>
                  {tm('cash.countAgain')}
                </button>
              </div>
            </div>
          )}
        </section>
      )}
      <h3>{tm('cash.shifts')}</h3>
      {cash.shifts.data?.length === 0 && <p className="hint">{tm('cash.noShifts')}</p>}
      {!!cash.shifts.data?.length && (
        <table className="money-table" data-testid="cash-shifts">
          <thead>
            <tr>
              <th>{tm('cash.clerk')}</th>
              <th>{tm('cash.time')}</th>
              <th className="num">{tm('cash.expected')}</th>
              <th className="num">{tm('cash.counted')}</th>
              <th className="num">{tm('cash.difference')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {cash.shifts.data.map((s) => (
              <tr key={s.id} data-testid="cash-shift-row" data-status={s.status} data-clerk={s.clerk}>
                <td>{s.clerk}</td>
                <td>
                  {time(s.openedAt)}
                  {s.closedAt && `–${time(s.closedAt)}`}
                </td>
                <td className="num">{inr(s.expectedPaise)}</td>
                <td className="num">{s.countedPaise === null ? '–' : inr(s.countedPaise)}</td>
                <td
                  className={`num money-diff ${(s.differencePaise ?? 0) < 0 ? 'short' : (s.differencePaise ?? 0) > 0 ? 'over' : 'exact'}`}
                >
                  {s.differencePaise === null ? '–' : inr(s.differencePaise)}
                </td>
                <td>
                  {tm(`cash.status.${s.status}`)}
                  {s.signedOffBy && ` · ${tm('cash.signedOff', { name: s.signedOffBy })}`}
                  {s.status === 'closed' && maySignOff && (
                    <button
                      type="button"
                      className="secondary small"
                      data-testid="cash-sign-off"
                      aria-expanded={signingOff === s.id}
                      onClick={() => setSigningOff(signingOff === s.id ? null : s.id)}
                    >
                      {tm('cash.signOff')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {signingOff &&
        (() => {
          const s = cash.shifts.data?.find((x) => x.id === signingOff && x.status === 'closed');
          return s ? (
            <ShiftSignOff
              key={s.id}
              shift={s}
              pending={cash.signOff.pending}
              onCancel={() => setSigningOff(null)}
              onSignOff={(signOffNote) =>
                void cash.signOff.run({ shiftId: s.id, note: signOffNote || null }).then((r) => {
                  if (r && !r.ok) setError(r.error);
                  else setSigningOff(null);
                  cash.changed();
                })
              }
            />
          ) : null;
        })()}
      <h3>{tm('cash.dayBook')}</h3>
      {cash.dayBook.data?.lines.length === 0 && <p className="hint">{tm('cash.dayBookEmpty')}</p>}
      {!!cash.dayBook.data?.lines.length && (
        <>
          <table className="money-table" data-testid="cash-daybook">
            <thead>
              <tr>
                <th>{tm('cash.time')}</th>
                <th>{tm('cash.number')}</th>
                <th>{tm('cash.token')}</th>
                <th>{tm('cash.clerk')}</th>
                <th>{tm('cash.method')}</th>
                <th className="num">{tm('cash.amount')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {cash.dayBook.data.lines.map((l) => (
                <tr key={l.number} data-testid="cash-daybook-row" data-kind={l.kind}>
                  <td>{time(l.at)}</td>
                  <td>
                    {tm(`cash.kind.${l.kind}`)} {l.number}
                  </td>
                  <td>
                    {l.tokenLabel} {l.departmentCode}
                  </td>
                  <td>{l.clerk}</td>
                  <td>{tm(`pay.${l.method}`)}</td>
                  <td className="num">{inr(l.amountPaise)}</td>
                  <td>
                    {l.kind === 'receipt' && mayRefund && (
                      <button
                        type="button"
                        className="secondary small"
                        data-testid="cash-refund-open"
                        onClick={() => setRefunding(refunding === l.number ? null : l.number)}
                      >
                        {tm('cash.refund')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {refunding &&
            (() => {
              const line = cash.dayBook.data.lines.find((l) => l.number === refunding);
              return line ? (
                <RefundForm
                  key={line.number}
                  receiptId={line.receiptId}
                  receiptNumber={line.number}
                  refund={cash.refund.run}
                  onDone={cash.changed}
                />
              ) : null;
            })()}
          <table className="money-table" data-testid="cash-totals">
            <caption>{tm('cash.totals')}</caption>
            <thead>
              <tr>
                <th>{tm('cash.clerk')}</th>
                <th>{tm('cash.method')}</th>
                <th className="num">{tm('cash.in')}</th>
                <th className="num">{tm('cash.out')}</th>
                <th className="num">{tm('cash.net')}</th>
              </tr>
            </thead>
            <tbody>
              {cash.dayBook.data.totals.map((x) => (
                <tr key={`${x.clerk}|${x.method}`}>
                  <td>{x.clerk}</td>
                  <td>{tm(`pay.${x.method}`)}</td>
                  <td className="num">{inr(x.inPaise)}</td>
                  <td className="num">{inr(x.outPaise)}</td>
                  <td className="num">{inr(x.netPaise)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Dialog>
  );
}
