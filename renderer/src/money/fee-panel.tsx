// The visit's fee in the patient panel: what is due and why, the
// exemption's proof when one is needed, cash or UPI — with the UPI QR for the
// exact amount on a customer-facing panel the patient can scan — and until
// when the OPD ticket stays valid. At a hospital that charges nothing and
// keeps no validity, nothing is shown.
import type { FeeQuote, PaymentMethod, ProofType } from '../../../preload/contract/methods/fee-schemas';
import { ProofType as ProofTypes } from '../../../preload/contract/methods/fee-schemas';
import { inr } from '../../../preload/contract/money';
import { dayNumeric } from '../lib/dates';
import './money.css';
import { useMoneyT } from './use-money-t';

export interface FeeEntry {
  method: PaymentMethod;
  proofType: ProofType;
  proofNumber: string;
  upiRef: string;
}

interface Props {
  quote: FeeQuote | null;
  entry: FeeEntry;
  onChange: (entry: FeeEntry) => void;
  onPrintQr: () => void;
  printing: boolean;
}

/** Whether the panel has anything to say for this quote. */
export function feeShown(quote: FeeQuote | null): boolean {
  return !!quote && (quote.scheduledPaise > 0 || quote.validUntil !== null || quote.proofRequired);
}

export function FeePanel({ quote, entry, onChange, onPrintQr, printing }: Props) {
  const tm = useMoneyT();
  if (!quote || !feeShown(quote)) return null;
  const due = quote.duePaise;
  return (
    <section className="fee-panel" data-testid="fee-panel" data-due={due} aria-label={tm('fee.title')}>
      <p className="fee-line">
        <span>{tm(`basis.${quote.basis}`)}</span>
        <strong className="fee-due" data-testid="fee-due">
          {due > 0 ? tm('fee.due', { amount: inr(due) }) : tm('fee.nothingDue')}
        </strong>
        {quote.waivedPaise > 0 && (
          <span className="chip" data-testid="fee-waived">
            {tm('fee.waived', { amount: inr(quote.waivedPaise) })}
          </span>
        )}
      </p>
      {quote.ticket && (
        <p className="hint" data-testid="fee-ticket">
          {tm('fee.ticket', { label: quote.ticket.label, day: dayNumeric(quote.ticket.visitDate) })}
        </p>
      )}
      {quote.ticketsNotSeen.length > 0 && (
        <p className="hint" data-testid="fee-tickets-not-seen">
          {tm('fee.ticketsNotSeen', { letters: quote.ticketsNotSeen.join(', ') })}
        </p>
      )}
      {quote.validUntil && (
        <p className="fee-valid" data-testid="fee-valid-until">
          {tm('fee.validUntil', { day: dayNumeric(quote.validUntil) })}
        </p>
      )}
      {quote.proofRequired && (
        <div className="fee-proof">
          <label>
            <span>{tm('proof.type')}</span>
            <select
              data-testid="fee-proof-type"
              value={entry.proofType}
              onChange={(e) => onChange({ ...entry, proofType: ProofTypes.parse(e.target.value) })}
            >
              {ProofTypes.options.map((p) => (
                <option key={p} value={p}>
                  {tm(`proof.types.${p}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{entry.proofType === 'aadhaar' ? tm('proof.aadhaar') : tm('proof.number')}</span>
            <input
              data-testid="fee-proof-number"
              value={entry.proofNumber}
              maxLength={40}
              autoComplete="off"
              onChange={(e) => onChange({ ...entry, proofNumber: e.target.value })}
            />
          </label>
        </div>
      )}
      {due > 0 && (
        <div className="fee-pay">
          <div className="fee-methods" role="radiogroup" aria-label={tm('pay.method')}>
            {(['cash', 'upi'] as const).map((m) => (
              <label key={m} className="fee-method">
                <input
                  type="radio"
                  name="fee-method"
                  data-testid={`fee-method-${m}`}
                  checked={entry.method === m}
                  onChange={() => onChange({ ...entry, method: m })}
                />
                {tm(`pay.${m}`)}
              </label>
            ))}
          </div>
          {entry.method === 'upi' && (
            <UpiRequest quote={quote} entry={entry} onChange={onChange} onPrintQr={onPrintQr} printing={printing} />
          )}
        </div>
      )}
    </section>
  );
}

function UpiRequest({ quote, entry, onChange, onPrintQr, printing }: Props & { quote: FeeQuote }) {
  const tm = useMoneyT();
  if (!quote.upi) {
    return (
      <p className="hint" data-testid="fee-upi-missing">
        {tm('pay.noVpa')}
      </p>
    );
  }
  return (
    <>
      {/* Turned to the patient (or on a second screen): both languages, the amount large. */}
      <figure className="upi-customer" data-testid="fee-upi-qr" data-uri={quote.upi.uri}>
        <img src={`data:image/svg+xml;utf8,${encodeURIComponent(quote.upi.qrSvg)}`} alt={tm('pay.qrAlt')} />
        <figcaption>
          <strong>{inr(quote.duePaise)}</strong>
          <span lang="en">Scan with any UPI app to pay</span>
          <span lang="hi">किसी भी यूपीआई ऐप से स्कैन करके भुगतान करें</span>
        </figcaption>
      </figure>
      <div className="fee-upi-actions">
        <label>
          <span>{tm('pay.upiRef')}</span>
          <input
            data-testid="fee-upi-ref"
            inputMode="numeric"
            maxLength={14}
            value={entry.upiRef}
            onChange={(e) => onChange({ ...entry, upiRef: e.target.value })}
          />
        </label>
        <button type="button" className="secondary small" data-testid="fee-upi-print" disabled={printing} onClick={onPrintQr}>
          {tm('pay.printQr')}
        </button>
      </div>
      <p className="hint">{tm('pay.confirmHint')}</p>
    </>
  );
}
