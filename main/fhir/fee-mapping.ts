// Fees → FHIR R4 (docs/fhir-mapping.md "Fees"): a ChargeItem per fee record
// (what the visit was charged and why, an exemption as a zero factor with its
// reason), a PaymentReconciliation per receipt (money in) and per refund
// (money out, a negative amount). Receipts and refunds never change, so their
// resources are only ever created; a ChargeItem changes once, when its fee is
// cancelled (status aborted).
// https://hl7.org/fhir/R4/chargeitem.html, https://hl7.org/fhir/R4/paymentreconciliation.html
import type { ChargeItem, Encounter, Money, Patient, PaymentReconciliation, Reference } from '@medplum/fhirtypes';
import { clientUuidValue, EXTENSIONS, SYSTEMS } from './systems';

export interface LocalCharge {
  id: string;
  basis: 'new' | 'revisit' | 'follow_up' | 'transfer';
  category: string;
  categoryName: string;
  scheduledPaise: number;
  waivedPaise: number;
  duePaise: number;
  proofType: string | null;
  proofNumber: string | null;
  validUntil: string | null;
  createdAt: string;
  paid: boolean;
  cancelled: boolean;
}

export interface LocalPayment {
  id: string;
  number: string;
  kind: 'receipt' | 'refund' | 'cancellation';
  /** Paise: positive for a receipt, positive here for a refund too (sent negative). */
  amountPaise: number;
  method: 'cash' | 'upi';
  upiRef: string | null;
  businessDate: string;
  at: string;
  /** A refund: the receipt it gives money back on. */
  receiptNumber: string | null;
  reason: string | null;
}

/** FHIR Money in rupees (a decimal; paise / 100 is exact to two places in JSON). */
const inr = (paise: number): Money => ({ value: paise / 100, currency: 'INR' });

const BASIS_DISPLAY = {
  new: 'New visit',
  revisit: 'Revisit',
  follow_up: 'Follow-up within a valid ticket',
  transfer: 'Transfer',
};

export function chargeStatus(c: Pick<LocalCharge, 'cancelled' | 'duePaise' | 'paid'>): ChargeItem['status'] {
  if (c.cancelled) return 'aborted';
  if (c.duePaise === 0) return 'not-billable';
  return c.paid ? 'billed' : 'billable';
}

export function toFhirChargeItem(c: LocalCharge, subject: Reference<Patient>, context: Reference<Encounter>): ChargeItem {
  const item: ChargeItem = {
    resourceType: 'ChargeItem',
    identifier: [{ use: 'secondary', system: SYSTEMS.clientUuid, value: clientUuidValue(c.id) }],
    status: chargeStatus(c),
    code: {
      coding: [{ system: SYSTEMS.opdFee, code: `opd-${c.basis}`, display: `OPD fee: ${BASIS_DISPLAY[c.basis]}` }],
      text: 'OPD registration fee',
    },
    subject,
    context,
    occurrenceDateTime: c.createdAt,
    enteredDate: c.createdAt,
    quantity: { value: 1 },
    priceOverride: inr(c.scheduledPaise),
    extension: [
      { url: EXTENSIONS.feeCategory, valueCoding: { system: SYSTEMS.feeCategory, code: c.category, display: c.categoryName } },
      { url: EXTENSIONS.feeBasis, valueCoding: { system: SYSTEMS.feeBasis, code: c.basis } },
      { url: EXTENSIONS.amountDue, valueMoney: inr(c.duePaise) },
    ],
  };
  if (c.waivedPaise > 0) {
    // Exempt: the schedule's price times zero, and why.
    item.factorOverride = 0;
    item.overrideReason = c.categoryName;
    if (c.proofType && c.proofNumber) {
      item.extension!.push({
        url: EXTENSIONS.exemptionProof,
        valueIdentifier: { type: { coding: [{ system: SYSTEMS.proofType, code: c.proofType }] }, value: c.proofNumber },
      });
    }
  }
  if (c.validUntil) item.extension!.push({ url: EXTENSIONS.validUntil, valueDate: c.validUntil });
  return item;
}

export function toFhirPaymentReconciliation(p: LocalPayment, charge: Reference<ChargeItem>): PaymentReconciliation {
  const out = p.kind !== 'receipt';
  const amount = inr(out ? -p.amountPaise : p.amountPaise);
  const resource: PaymentReconciliation = {
    resourceType: 'PaymentReconciliation',
    identifier: [
      { use: 'usual', system: out ? SYSTEMS.refundNumber : SYSTEMS.receiptNumber, value: p.number },
      { use: 'secondary', system: SYSTEMS.clientUuid, value: clientUuidValue(p.id) },
    ],
    status: 'active',
    created: p.at,
    paymentDate: p.businessDate,
    paymentAmount: amount,
    outcome: 'complete',
    disposition: out
      ? `${p.kind === 'cancellation' ? 'OPD fee cancelled' : 'OPD fee refunded'}: ${p.reason ?? ''}`.trim()
      : 'OPD fee collected',
    detail: [
      {
        type: {
          coding: [
            { system: SYSTEMS.paymentType, code: out ? 'adjustment' : 'payment' },
            { system: SYSTEMS.paymentKind, code: p.kind },
          ],
        },
        request: charge,
        date: p.businessDate,
        amount,
        ...(p.receiptNumber ? { predecessor: { system: SYSTEMS.receiptNumber, value: p.receiptNumber } } : {}),
      },
    ],
    extension: [{ url: EXTENSIONS.paymentMethod, valueCoding: { system: SYSTEMS.paymentMethod, code: p.method } }],
  };
  if (p.upiRef) resource.paymentIdentifier = { system: SYSTEMS.upiRef, value: p.upiRef };
  return resource;
}
