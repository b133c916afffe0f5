// A token slip as pure data (docs/design.md §5): the ESC/POS encoder, the OS-queue
// image and the settings screen's preview all draw these same blocks, so what
// the clerk previews is what the patient holds.
import type { PaperWidth, SlipBlock, SlipLayout } from '../../preload/contract/methods/printing-methods';
import type { Token } from '../../preload/contract/records';
import { ageForm } from '../../preload/contract/age';
import { dayTimeNumeric } from '../../preload/contract/day-time';
import { paperGeometry } from './printer-settings';

export interface SlipPatient {
  name: string;
  /** The name in the other script, printed under the name (a raster when Devanagari). */
  nameOtherScript?: string | null;
  uhid: string;
  ageYears: number;
  ageMonths: number;
  gender: 'male' | 'female' | 'other';
}

export interface SlipInput {
  token: Token;
  patient: SlipPatient;
  hospitalName: string;
  /** The hospital's name in Devanagari, printed under the name when it has one. */
  hospitalNameHi?: string;
  /** The room in Devanagari, printed under "Room …" when it has one (a room number has none). */
  roomHi?: string | null;
  timeZone: string;
  /** Who issued it (until clerks sign in: the channel, see docs/decisions.md). */
  clerk: string;
  paperWidth: PaperWidth;
  footer: string | null;
  duplicate: boolean;
  /** When this copy is printed; shown on a DUPLICATE. */
  printedAt?: Date;
  /** The fee category's name (an exemption the supervisor named); the built-in names otherwise. */
  feeLabel?: string;
  /** The visit's fee lines: receipt, waiver, valid until (main/money/money-slips.ts). */
  feeBlocks?: SlipBlock[];
}

const PRIORITY: Record<Token['priority'], string | null> = {
  none: null,
  senior: 'Senior citizen',
  divyang: 'Divyang',
  pregnant: 'Pregnant',
  emergency: 'Emergency',
  staff: 'Staff',
};
const FEE: Record<string, string> = {
  general: 'General',
  bpl: 'BPL',
  ews: 'EWS',
  delhi_arogya_kosh: 'Delhi Arogya Kosh',
  staff: 'Staff',
  free: 'Free',
};
export const GENDER = { male: 'M', female: 'F', other: 'O' } as const;

/** The name in the other script under the name, so a patient who reads only one script finds theirs. */
export function otherScriptLine(patient: SlipPatient): SlipBlock[] {
  return patient.nameOtherScript ? [text(patient.nameOtherScript, 'normal', true, 'left')] : [];
}

/** "34 Y / M", "2 Y 3 M / F", "5 M / M", "<1 M / F" (preload/contract/age.ts). */
export function ageSexText(patient: SlipPatient): string {
  const age = ageForm(patient.ageYears, patient.ageMonths);
  const shown =
    age.kind === 'years'
      ? `${age.years} Y`
      : age.kind === 'yearsMonths'
        ? `${age.years} Y ${age.months} M`
        : age.kind === 'months'
          ? `${age.months} M`
          : '<1 M';
  return `${shown} / ${GENDER[patient.gender]}`;
}

/** 25-11-2026 10:00 in the hospital's time zone (day first, as Indian forms write it): the screens' way too. */
export const slipDateTime = dayTimeNumeric;

/** The visit's identity in the QR: the token's UUID is also the FHIR Encounter id (docs/design.md §2). */
export function visitQrPayload(token: Pick<Token, 'id'>): string {
  return `urn:uuid:${token.id}`;
}

export const text = (
  value: string,
  size: 'normal' | 'tall' | 'large' | 'huge' = 'normal',
  bold = false,
  align: 'left' | 'center' | 'right' = 'left',
): SlipBlock => ({
  kind: 'text',
  text: value,
  size,
  bold,
  align,
});
export const pair = (left: string, right: string, bold = false): SlipBlock => ({ kind: 'pair', left, right, bold });

/** A medico-legal case stands out on the slip: the police and the casualty doctor look for it. */
export function mlcBlocks(token: Pick<Token, 'mlc'>, timeZone: string): SlipBlock[] {
  const mlc = token.mlc;
  if (!mlc) return [];
  return [
    { kind: 'text', text: 'MEDICO-LEGAL CASE', size: 'tall', bold: true, align: 'center', inverse: true },
    pair('MLC No.', mlc.number, true),
    pair('Police stn', mlc.policeStation),
    pair('Brought by', mlc.broughtBy),
    pair('MLC time', slipDateTime(new Date(mlc.at), timeZone)),
  ];
}

export function buildSlipLayout(input: SlipInput): SlipLayout {
  const { token, patient } = input;
  const { dots, columns } = paperGeometry(input.paperWidth);
  // A slip is read in both scripts: each name that has a Devanagari form prints it under the English one.
  const blocks: SlipBlock[] = [text(input.hospitalName, 'normal', true, 'center')];
  if (input.hospitalNameHi) blocks.push(text(input.hospitalNameHi, 'normal', true, 'center'));
  if (input.duplicate) {
    blocks.push({ kind: 'text', text: 'DUPLICATE', size: 'large', bold: true, align: 'center', inverse: true });
    if (input.printedAt)
      blocks.push(text(`Reprinted ${slipDateTime(input.printedAt, input.timeZone)}`, 'normal', false, 'center'));
  }
  blocks.push(
    text('OPD TOKEN', 'normal', false, 'center'),
    text(token.label, 'huge', true, 'center'),
    text(token.departmentNameEn, 'tall', true, 'center'),
    text(token.departmentNameHi, 'tall', true, 'center'),
    text(`Room ${token.room}`, 'tall', false, 'center'),
    ...(input.roomHi ? [text(`कमरा ${input.roomHi}`, 'tall', false, 'center')] : []),
    { kind: 'rule' },
    text(patient.name, 'tall', true, 'left'),
    ...otherScriptLine(patient),
    pair('UHID', patient.uhid),
    pair('Age/Sex', ageSexText(patient)),
    pair('Visit', token.visitType === 'new' ? 'New' : 'Follow-up'),
  );
  const priority = PRIORITY[token.priority];
  if (priority) blocks.push(pair('Priority', priority, true));
  blocks.push(...mlcBlocks(token, input.timeZone));
  blocks.push(
    pair('Fee', input.feeLabel ?? FEE[token.feeCategory] ?? token.feeCategory),
    ...(input.feeBlocks ?? []),
    pair('Date', slipDateTime(new Date(token.issuedAt), input.timeZone)),
    pair('Counter', token.counterLetter),
    pair('Clerk', input.clerk),
    { kind: 'qr', data: visitQrPayload(token), cellSize: input.paperWidth === 58 ? 5 : 6 },
  );
  if (input.footer) blocks.push(text(input.footer, 'normal', false, 'center'));
  blocks.push({ kind: 'feed', lines: 2 }, { kind: 'cut' });
  return { paperWidth: input.paperWidth, dots, columns, duplicate: input.duplicate, blocks };
}

/** A sample slip (test print and the settings preview when no token is chosen). */
export function sampleSlipInput(base: {
  hospitalName: string;
  timeZone: string;
  counterLetter: string;
  paperWidth: PaperWidth;
  footer: string | null;
  now: Date;
}): SlipInput {
  const token: Token = {
    id: '00000000-0000-4000-8000-000000000000',
    label: `${base.counterLetter}-001`,
    number: 1,
    counterLetter: base.counterLetter,
    departmentCode: 'MED',
    departmentNameEn: 'General Medicine',
    departmentNameHi: 'सामान्य चिकित्सा',
    room: '101',
    visitDate: base.now.toISOString().slice(0, 10),
    patientId: '00000000-0000-4000-8000-000000000001',
    patientName: 'राम कुमार (TEST)',
    patientUhid: 'TEST',
    priority: 'senior',
    visitType: 'new',
    feeCategory: 'general',
    status: 'issued',
    issuedAt: base.now.toISOString(),
    cancelledAt: null,
    cancelReason: null,
    transferredFromId: null,
    transferredToId: null,
    mlc: null,
    version: 1,
    queueAt: base.now.toISOString(),
    assignedRoom: null,
    callRoom: null,
    calledAt: null,
    firstCalledAt: null,
    callCount: 0,
  };
  return {
    token,
    patient: { name: 'राम कुमार (TEST PRINT)', uhid: 'TEST-SLIP', ageYears: 62, ageMonths: 0, gender: 'male' },
    hospitalName: base.hospitalName,
    timeZone: base.timeZone,
    clerk: 'test',
    paperWidth: base.paperWidth,
    footer: base.footer,
    duplicate: false,
  };
}
