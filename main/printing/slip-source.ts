// Builds a slip layout from what the database holds now: the token, its
// patient, who this counter is and the printer settings.
import type { PaperWidth, SlipLayout } from '../../preload/contract/methods/printing-methods';
import { localDate } from '../core/clock';
import type { CoreContext } from '../core/core-context';
import { notFound } from '../core/app-error';
import { patientById } from '../patients/patient-store';
import { toPatient } from '../patients/patient-rows';
import { tokenById } from '../tokens/token-store';
import { buildSlipLayout, sampleSlipInput } from './slip-layout';

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
    patient: { name: patient.name, uhid: token.patientUhid, ageYears: patient.ageYears, gender: patient.gender },
    hospitalName: ctx.identity.hospitalName,
    timeZone: ctx.identity.timeZone,
    clerk: options.clerk,
    paperWidth: options.paperWidth,
    footer: options.footer,
    duplicate: options.duplicate,
    printedAt: now,
  });
}

export function sampleSlipLayout(
  ctx: CoreContext,
  options: Pick<SlipOptions, 'paperWidth' | 'footer' | 'duplicate'>,
): SlipLayout {
  const input = sampleSlipInput({
    hospitalName: ctx.identity.hospitalName,
    timeZone: ctx.identity.timeZone,
    counterLetter: ctx.identity.counterLetter,
    paperWidth: options.paperWidth,
    footer: options.footer,
    now: ctx.clock.now(),
  });
  return buildSlipLayout({ ...input, duplicate: options.duplicate, printedAt: ctx.clock.now() });
}
