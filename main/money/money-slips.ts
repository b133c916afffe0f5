// Money slips as pure data (docs/design.md §5), drawn by the same encoder and
// preview as token slips: the fee lines of a token slip, a receipt, a refund
// voucher, a shift's closing and a UPI payment request. Amounts print as
// "Rs 10.00": thermal printer fonts have no ₹ (a raster line would be slower).
import type { PaperWidth, SlipBlock, SlipLayout } from '../../preload/contract/methods/printing-methods';
import type { CashShift } from '../../preload/contract/methods/cash-schemas';
import { DENOMINATIONS } from '../../preload/contract/methods/cash-schemas';
import type { FeeBasis, ProofType, ReceiptView, RefundView, TokenFee } from '../../preload/contract/methods/fee-schemas';
import { rs, rupees } from '../../preload/contract/money';
import { paperGeometry } from '../printing/printer-settings';
import { fitQr } from '../printing/qr-fit';
import { pair, slipDateTime, text } from '../printing/slip-layout';

export const BASIS_LABEL: Record<FeeBasis, string> = {
  new: 'New',
  revisit: 'Revisit',
  follow_up: 'Follow-up (valid ticket)',
  transfer: 'Transfer',
};

export const PROOF_LABEL: Record<ProofType, string> = {
  bpl_card: 'BPL card',
  ration_card: 'Ration card',
  aadhaar: 'Aadhaar',
  disability_certificate: 'Disability certificate',
  government_id: 'Government ID',
  senior_citizen_id: 'Senior citizen ID',
  pension_order: 'Pension order',
  scheme_card: 'Scheme card',
  court_or_jail_order: 'Court / jail order',
  police_memo: 'Police memo',
  other: 'Other',
};

export const RECEIPT_TITLE = { en: 'FEE RECEIPT', hi: 'शुल्क रसीद' };
export const REFUND_TITLE = { refund: 'REFUND', cancellation: 'FEE CANCELLED' } as const;

/** 2026-12-09 → 09-12-2026, day first as Indian forms write it. */
export const slipDate = (day: string) => `${day.slice(8, 10)}-${day.slice(5, 7)}-${day.slice(0, 4)}`;

const paidBy = (r: Pick<ReceiptView, 'method' | 'upiRef'>) =>
  r.method === 'cash' ? 'Cash' : r.upiRef ? `UPI ${r.upiRef}` : 'UPI';

/**
 * The fee lines of a token slip. With `asReceipt` (one slip for token and
 * receipt) the slip carries the whole receipt; otherwise a receipt slip
 * follows and the token slip names its number.
 */
export function tokenFeeBlocks(fee: TokenFee, asReceipt: boolean): SlipBlock[] {
  const blocks: SlipBlock[] = [];
  if (fee.basis === 'follow_up') blocks.push(pair('Visit fee', fee.duePaise > 0 ? rs(fee.duePaise) : 'Nil (valid ticket)'));
  if (fee.waivedPaise > 0) {
    blocks.push(pair('Fee waived', rs(fee.waivedPaise)));
    if (fee.proofType) blocks.push(pair('Proof', PROOF_LABEL[fee.proofType]));
  }
  if (fee.receipt && asReceipt) {
    blocks.push(
      { kind: 'rule' },
      text(RECEIPT_TITLE.en, 'normal', true, 'center'),
      pair('Receipt no.', fee.receipt.number, true),
      pair('OPD fee', BASIS_LABEL[fee.basis]),
      pair('Amount paid', rs(fee.receipt.amountPaise), true),
      pair('Paid by', paidBy(fee.receipt)),
    );
  } else if (fee.receipt) {
    blocks.push(pair('Paid', `${rs(fee.receipt.amountPaise)} (${fee.receipt.number})`));
  }
  if (fee.validUntil) blocks.push(pair('Valid until', slipDate(fee.validUntil), true));
  return blocks;
}

interface SlipFrame {
  hospitalName: string;
  timeZone: string;
  paperWidth: PaperWidth;
  footer: string | null;
  duplicate: boolean;
  printedAt: Date;
}

function frame(f: SlipFrame, title: { en: string; hi?: string }, body: SlipBlock[]): SlipLayout {
  const { dots, columns } = paperGeometry(f.paperWidth);
  const blocks: SlipBlock[] = [text(f.hospitalName, 'normal', true, 'center')];
  if (f.duplicate) {
    blocks.push(
      { kind: 'text', text: 'DUPLICATE', size: 'large', bold: true, align: 'center', inverse: true },
      text(`Reprinted ${slipDateTime(f.printedAt, f.timeZone)}`, 'normal', false, 'center'),
    );
  }
  blocks.push(text(title.en, 'tall', true, 'center'));
  if (title.hi) blocks.push(text(title.hi, 'normal', false, 'center'));
  blocks.push({ kind: 'rule' }, ...body);
  if (f.footer) blocks.push(text(f.footer, 'normal', false, 'center'));
  blocks.push({ kind: 'feed', lines: 2 }, { kind: 'cut' });
  return { paperWidth: f.paperWidth, dots, columns, duplicate: f.duplicate, blocks };
}

export interface ReceiptSlipInput extends SlipFrame {
  receipt: ReceiptView;
  fee: TokenFee;
  tokenLabel: string;
  departmentName: string;
  patientName: string;
  uhid: string;
  counterLetter: string;
}

export function buildReceiptLayout(r: ReceiptSlipInput): SlipLayout {
  const body: SlipBlock[] = [
    pair('Receipt no.', r.receipt.number, true),
    pair('Date', slipDateTime(new Date(r.receipt.issuedAt), r.timeZone)),
    text(r.patientName, 'normal', true, 'left'),
    pair('UHID', r.uhid),
    pair('Token', `${r.tokenLabel} ${r.departmentName}`),
    pair('OPD fee', BASIS_LABEL[r.fee.basis]),
    text(rs(r.receipt.amountPaise), 'large', true, 'center'),
    pair('Paid by', paidBy(r.receipt)),
  ];
  if (r.fee.validUntil) body.push(pair('Valid until', slipDate(r.fee.validUntil), true));
  if (r.receipt.refundedPaise > 0)
    body.push(pair(r.receipt.cancelled ? 'CANCELLED, refunded' : 'Refunded', rs(r.receipt.refundedPaise), true));
  body.push(pair('Counter', r.counterLetter), pair('Clerk', r.receipt.clerk));
  return frame(r, RECEIPT_TITLE, body);
}

export interface RefundSlipInput extends SlipFrame {
  refund: RefundView;
  tokenLabel: string;
  uhid: string;
}

export function buildRefundLayout(r: RefundSlipInput): SlipLayout {
  return frame(r, { en: REFUND_TITLE[r.refund.kind], hi: r.refund.kind === 'refund' ? 'शुल्क वापसी' : 'शुल्क रद्द' }, [
    pair('Voucher no.', r.refund.number, true),
    pair('Receipt no.', r.refund.receiptNumber),
    pair('Date', slipDateTime(new Date(r.refund.createdAt), r.timeZone)),
    pair('Token', r.tokenLabel),
    pair('UHID', r.uhid),
    text(rs(r.refund.amountPaise), 'large', true, 'center'),
    pair('Paid back by', r.refund.method === 'cash' ? 'Cash' : 'UPI'),
    pair('Reason', r.refund.reason),
    pair('Approved by', r.refund.approvedBy),
    { kind: 'feed', lines: 2 },
    text('Received by: ____________________', 'normal', false, 'left'),
  ]);
}

export interface ClosingSlipInput extends SlipFrame {
  shift: CashShift;
}

export function buildClosingLayout(r: ClosingSlipInput): SlipLayout {
  const s = r.shift;
  const counts = s.counts ?? {};
  const body: SlipBlock[] = [
    pair('Counter', s.counterLetter),
    pair('Clerk', s.clerk, true),
    pair('Opened', slipDateTime(new Date(s.openedAt), r.timeZone)),
    pair('Closed', s.closedAt ? slipDateTime(new Date(s.closedAt), r.timeZone) : '-'),
    { kind: 'rule' },
    pair('Float', rs(s.floatPaise)),
    pair(`Cash receipts`, rs(s.cashReceiptsPaise)),
    pair('Cash refunds', s.cashRefundsPaise ? `-${rs(s.cashRefundsPaise)}` : rs(0)),
    pair('Expected in drawer', rs(s.expectedPaise), true),
    pair('UPI receipts (not in drawer)', rs(s.upiReceiptsPaise)),
    pair('Receipts / refunds', `${s.receiptCount} / ${s.refundCount}`),
    { kind: 'rule' },
  ];
  for (const d of DENOMINATIONS) {
    const n = counts[d.key] ?? 0;
    if (n > 0) body.push(pair(`${d.kind === 'note' ? 'Note' : 'Coin'} Rs ${d.paise / 100} x ${n}`, rupees(n * d.paise)));
  }
  const diff = s.differencePaise ?? 0;
  body.push(
    pair('Counted', rs(s.countedPaise ?? 0), true),
    pair('Difference', diff === 0 ? 'Nil' : `${diff < 0 ? 'SHORT' : 'OVER'} ${rs(Math.abs(diff))}`, true),
  );
  if (s.closeNote) body.push(pair('Note', s.closeNote));
  body.push({ kind: 'rule' });
  if (s.signedOffBy && s.signedOffAt) {
    body.push(pair('Signed off by', s.signedOffBy, true), pair('At', slipDateTime(new Date(s.signedOffAt), r.timeZone)));
    if (s.signOffNote) body.push(pair('Supervisor note', s.signOffNote));
  } else {
    body.push(
      { kind: 'feed', lines: 2 },
      text('Clerk: ______________________', 'normal', false, 'left'),
      { kind: 'feed', lines: 2 },
      text('Supervisor: _________________', 'normal', false, 'left'),
    );
  }
  return frame(r, { en: 'CASH CLOSING', hi: 'नकद मिलान' }, body);
}

export interface UpiSlipInput extends SlipFrame {
  uri: string;
  amountPaise: number;
  vpa: string;
  departmentCode: string;
  uhid: string;
}

export function buildUpiLayout(r: UpiSlipInput): SlipLayout {
  const { dots } = paperGeometry(r.paperWidth);
  const fit = fitQr(r.uri, dots);
  return frame(r, { en: 'PAY BY UPI', hi: 'यूपीआई से भुगतान करें' }, [
    text(rs(r.amountPaise), 'huge', true, 'center'),
    { kind: 'qr', data: r.uri, cellSize: fit.cellSize, correction: fit.correction },
    pair('To', r.vpa),
    pair('For', `OPD fee ${r.departmentCode}`),
    pair('UHID', r.uhid),
    text('Show the payment to the clerk.', 'normal', true, 'center'),
    text('भुगतान क्लर्क को दिखाएँ।', 'normal', false, 'center'),
  ]);
}
