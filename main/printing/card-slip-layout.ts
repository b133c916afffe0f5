// The patient's e-health card on the thermal slip (issue #4, item 3): the
// same signed `shc:/` QR as the CR80 card, sized by qr-fit.ts so a phone or
// a counter scanner reads it at 58 and 80 mm.
import type { PaperWidth, SlipBlock, SlipLayout } from '../../preload/contract/methods/printing-methods';
import { paperGeometry } from './printer-settings';
import { fitQr } from './qr-fit';
import { ageSexText, otherScriptLine, pair, slipDateTime, text, type SlipPatient } from './slip-layout';

export interface CardSlipInput {
  patient: SlipPatient;
  /** The card's QR text, `shc:/` + digits, exactly as signed. */
  qr: string;
  issuedAt: Date;
  hospitalName: string;
  timeZone: string;
  paperWidth: PaperWidth;
  footer: string | null;
}

export const CARD_SLIP_TITLE = { en: 'E-HEALTH CARD', hi: 'ई-हेल्थ कार्ड' };

export function buildCardSlipLayout(input: CardSlipInput): SlipLayout {
  const { dots, columns } = paperGeometry(input.paperWidth);
  const fit = fitQr(input.qr, dots);
  const { patient } = input;
  const blocks: SlipBlock[] = [
    text(input.hospitalName, 'normal', true, 'center'),
    text(CARD_SLIP_TITLE.en, 'tall', true, 'center'),
    text(CARD_SLIP_TITLE.hi, 'normal', false, 'center'),
    { kind: 'rule' },
    // A Devanagari name becomes a raster in the encoder, like on the token slip.
    text(patient.name, 'tall', true, 'left'),
    ...otherScriptLine(patient),
    pair('UHID', patient.uhid, true),
    pair('Age/Sex', ageSexText(patient)),
    pair('Issued', slipDateTime(input.issuedAt, input.timeZone)),
    { kind: 'qr', data: input.qr, cellSize: fit.cellSize, correction: fit.correction },
    text('Show this QR at any counter', 'normal', false, 'center'),
  ];
  if (input.footer) blocks.push(text(input.footer, 'normal', false, 'center'));
  blocks.push({ kind: 'feed', lines: 2 }, { kind: 'cut' });
  return { paperWidth: input.paperWidth, dots, columns, duplicate: false, blocks };
}
