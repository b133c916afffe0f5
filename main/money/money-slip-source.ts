// Builds a money slip's layout from what the database holds now (the print
// worker calls this for receipt, cash and upi jobs).
import type { SlipLayout } from '../../preload/contract/methods/printing-methods';
import type { CoreContext } from '../core/core-context';
import { notFound } from '../core/app-error';
import { patientById } from '../patients/patient-store';
import type { MoneyPayload } from '../printing/print-queue';
import type { SlipOptions } from '../printing/slip-source';
import { tokenById } from '../tokens/token-store';
import { shiftById } from './cash-store';
import { feeForToken } from './charges';
import { readFeeSettings } from './fee-store';
import { buildClosingLayout, buildReceiptLayout, buildRefundLayout, buildUpiLayout } from './money-slips';
import { receiptRecord, refundById } from './receipt-store';

export function moneySlipLayout(ctx: CoreContext, payload: MoneyPayload, options: SlipOptions): SlipLayout {
  const frame = {
    hospitalName: ctx.identity.hospitalName,
    timeZone: ctx.identity.timeZone,
    paperWidth: options.paperWidth,
    footer: options.footer,
    duplicate: options.duplicate,
    printedAt: ctx.clock.now(),
  };
  switch (payload.kind) {
    case 'receipt': {
      const receipt = receiptRecord(ctx.db, payload.receiptId);
      if (!receipt) throw notFound('receipt');
      const token = tokenById(ctx.db, receipt.tokenId)!;
      return buildReceiptLayout({
        ...frame,
        receipt,
        fee: feeForToken(ctx.db, receipt.tokenId)!,
        tokenLabel: token.label,
        departmentName: token.departmentNameEn,
        patientName: patientById(ctx.db, token.patientId)?.name ?? token.patientName,
        uhid: token.patientUhid,
        counterLetter: receipt.counterLetter,
      });
    }
    case 'refund': {
      const refund = refundById(ctx.db, payload.refundId);
      if (!refund) throw notFound('refund');
      const token = tokenById(ctx.db, receiptRecord(ctx.db, refund.receiptId)!.tokenId)!;
      return buildRefundLayout({ ...frame, refund, tokenLabel: token.label, uhid: token.patientUhid });
    }
    case 'cash': {
      const shift = shiftById(ctx.db, payload.shiftId);
      if (!shift) throw notFound('cash shift');
      return buildClosingLayout({ ...frame, shift });
    }
    case 'upi':
      return buildUpiLayout({
        ...frame,
        uri: payload.uri,
        amountPaise: payload.amountPaise,
        vpa: readFeeSettings(ctx.db).upiVpa ?? '',
        departmentCode: payload.departmentCode,
        uhid: payload.uhid,
      });
  }
}
