// The patient's e-health card on the thermal slip: the
// same signed QRs as the CR80 card, each sized by qr-fit.ts so a phone or a
// counter scanner reads it at 58 and 80 mm: first the compact card the
// counters' wedge scanners read in under a second, then the SMART Health Card
// for any verifier elsewhere (cards issued before the compact card have only it).
import type { PaperWidth, SlipBlock, SlipLayout } from '../../preload/contract/methods/printing-methods';
import { paperGeometry } from './printer-settings';
import { fitQr } from './qr-fit';
import { ageSexText, otherScriptLine, pair, slipDateTime, text, type SlipPatient } from './slip-layout';

export interface CardSlipInput {
  patient: SlipPatient;
  /** The card's QR text, `shc:/` + digits, exactly as signed. */
  qr: string;
  /** The compact signed card (HHC1:…), exactly as signed; null for cards issued before it. */
  compactQr: string | null;
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
  ];
  if (input.compactQr) {
    const compactFit = fitQr(input.compactQr, dots);
    blocks.push(
      { kind: 'qr', data: input.compactQr, cellSize: compactFit.cellSize, correction: compactFit.correction },
      text('Show this QR at any counter', 'normal', false, 'center'),
      { kind: 'rule' },
    );
  }
  blocks.push(
    { kind: 'qr', data: input.qr, cellSize: fit.cellSize, correction: fit.correction },
    text(input.compactQr ? 'SMART Health Card: for any verifier' : 'Show this QR at any counter', 'normal', false, 'center'),
  );
  if (input.footer) blocks.push(text(input.footer, 'normal', false, 'center'));
  blocks.push({ kind: 'feed', lines: 2 }, { kind: 'cut' });
  return { paperWidth: input.paperWidth, dots, columns, duplicate: false, blocks };
}
