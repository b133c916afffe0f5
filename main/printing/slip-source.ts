// Builds a slip layout from what the database holds now: the token, its
// patient, who this counter is and the printer settings.
import type { PaperWidth, SlipLayout } from '../../preload/contract/methods/printing-methods';
import { localDate } from '../core/clock';
import type { CoreContext } from '../core/core-context';
import { notFound } from '../core/app-error';
import { patientById, patientByPk } from '../patients/patient-store';
import { formatUhid } from '../patients/uhid';
import { sql } from '../db/statements';
import { buildCardSlipLayout } from './card-slip-layout';
import { buildNoticeLayout } from './notice-slip-layout';
import type { JobPayload } from './print-queue';
import { toPatient } from '../patients/patient-rows';
import { tokenById } from '../tokens/token-store';
import { departmentByCode } from '../departments/department-store';
import { buildSlipLayout, sampleSlipInput, type SlipInput } from './slip-layout';
import { feeForToken } from '../money/charges';
import { categoryNames, readFeeSettings } from '../money/fee-store';
import { tokenFeeBlocks } from '../money/money-slips';

export interface SlipOptions {
  paperWidth: PaperWidth;
  footer: string | null;
  duplicate: boolean;
  clerk: string;
}

export function tokenSlipLayout(ctx: CoreContext, tokenId: string, options: SlipOptions): SlipLayout {
  const token = tokenById(ctx.db, tokenId);
  if (!token) throw notFound('token', 'tokenId');
  const row = patientById(ctx.db, token.patientId);
  if (!row) throw notFound('patient');
  const now = ctx.clock.now();
  const patient = toPatient(row, localDate(new Date(token.issuedAt), ctx.identity.timeZone));
  return buildSlipLayout({
    token,
    patient: {
      name: patient.name,
      nameOtherScript: patient.nameOtherScript,
      uhid: token.patientUhid,
      ageYears: patient.ageYears,
      ageMonths: patient.ageMonths,
      gender: patient.gender,
    },
    hospitalName: ctx.identity.hospitalName,
    hospitalNameHi: ctx.identity.hospitalNameHi,
    roomHi: roomInDevanagari(ctx, token.departmentCode, token.room),
    timeZone: ctx.identity.timeZone,
    clerk: options.clerk,
    paperWidth: options.paperWidth,
    footer: options.footer,
    duplicate: options.duplicate,
    printedAt: now,
    ...tokenSlipFee(ctx, token.id, token.feeCategory),
  });
}

/** The department's room in Devanagari, when the token's room is that room and it has one. */
function roomInDevanagari(ctx: CoreContext, departmentCode: string, room: string): string | null {
  const department = departmentByCode(ctx.db, departmentCode);
  return department && department.room === room ? department.roomHi : null;
}

/** The fee lines on a token's slip: the whole receipt when receipts print on the token's slip. */
function tokenSlipFee(ctx: CoreContext, tokenId: string, category: string): Pick<SlipInput, 'feeLabel' | 'feeBlocks'> {
  const fee = feeForToken(ctx.db, tokenId);
  return {
    feeLabel: categoryNames(ctx.db, category).en,
    feeBlocks: fee ? tokenFeeBlocks(fee, readFeeSettings(ctx.db).receiptSlips === 'one') : [],
  };
}

export function sampleSlipLayout(
  ctx: CoreContext,
  options: Pick<SlipOptions, 'paperWidth' | 'footer' | 'duplicate'>,
): SlipLayout {
  const input = sampleSlipInput({
    hospitalName: ctx.identity.hospitalName,
    timeZone: ctx.identity.timeZone,
    // A test print before first run still shows where the letter goes.
    counterLetter: ctx.identity.counterLetter ?? 'A',
    paperWidth: options.paperWidth,
    footer: options.footer,
    now: ctx.clock.now(),
  });
  return buildSlipLayout({ ...input, duplicate: options.duplicate, printedAt: ctx.clock.now() });
}

/** The kiosk's notice: only what the job holds, nothing looked up. */
export function noticeSlipLayout(
  ctx: CoreContext,
  notice: Extract<JobPayload, { kind: 'notice' }>,
  options: Pick<SlipOptions, 'paperWidth' | 'footer'>,
): SlipLayout {
  return buildNoticeLayout({
    reason: notice.reason,
    scannedId: notice.scannedId,
    hospitalName: ctx.identity.hospitalName,
    timeZone: ctx.identity.timeZone,
    station: ctx.identity.counterLetter ?? '-',
    paperWidth: options.paperWidth,
    footer: options.footer,
    printedAt: ctx.clock.now(),
  });
}

/** An issued card as signed (its stored QR) with its holder as registered now. */
export function cardSlipLayout(
  ctx: CoreContext,
  cardId: string,
  options: Pick<SlipOptions, 'paperWidth' | 'footer'>,
): SlipLayout {
  const card = sql<[string], { patient_pk: number; qr: string | null; compact_qr: string | null; issued_at: string }>(
    ctx.db,
    'SELECT patient_pk, qr, compact_qr, issued_at FROM issued_cards WHERE id = ?',
  ).get(cardId);
  if (!card?.qr) throw notFound('card with a stored QR', 'cardId');
  const row = patientByPk(ctx.db, card.patient_pk);
  if (!row) throw notFound('patient');
  const patient = toPatient(row, localDate(ctx.clock.now(), ctx.identity.timeZone));
  return buildCardSlipLayout({
    patient: {
      name: patient.name,
      nameOtherScript: patient.nameOtherScript,
      uhid: formatUhid(patient.uhid),
      ageYears: patient.ageYears,
      ageMonths: patient.ageMonths,
      gender: patient.gender,
    },
    qr: card.qr,
    compactQr: card.compact_qr,
    issuedAt: new Date(card.issued_at),
    hospitalName: ctx.identity.hospitalName,
    timeZone: ctx.identity.timeZone,
    paperWidth: options.paperWidth,
    footer: options.footer,
  });
}
