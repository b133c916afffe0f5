// The entrance kiosk's "please go to the registration counter" slip (issue
// #4, item 7): pure data like the token slip. It says only what the kiosk
// knows — the reason and, if there was one, the id that was scanned — and
// nothing looked up about a patient.
import type { NoticeReason, PaperWidth, SlipBlock, SlipLayout } from '../../preload/contract/methods/printing-methods';
import { paperGeometry } from './printer-settings';
import { pair, slipDateTime, text } from './slip-layout';

export interface NoticeInput {
  reason: NoticeReason;
  scannedId: string | null;
  hospitalName: string;
  timeZone: string;
  /** Which counter's kiosk printed it (the counter letter). */
  station: string;
  paperWidth: PaperWidth;
  footer: string | null;
  printedAt: Date;
}

export const NOTICE_HEADING = 'GO TO COUNTER';
export const NOTICE_MESSAGE = { en: 'Please go to the registration counter.', hi: 'कृपया पंजीकरण काउंटर पर जाएँ' };

/** The reason in both languages, the same words the kiosk screen shows (renderer i18n kiosk.why). */
export const NOTICE_REASON: Record<NoticeReason, { en: string; hi: string }> = {
  unknown: { en: 'We could not find your registration.', hi: 'आपका पंजीकरण नहीं मिला।' },
  refused: { en: 'Your card could not be read here.', hi: 'आपका कार्ड यहाँ पढ़ा नहीं जा सका।' },
  unverified: { en: 'Your card needs to be checked by the staff.', hi: 'आपका कार्ड काउंटर के कर्मचारी जाँचेंगे।' },
  failed: { en: 'A token could not be given here.', hi: 'यहाँ टोकन नहीं दिया जा सका।' },
};

export function buildNoticeLayout(input: NoticeInput): SlipLayout {
  const { dots, columns } = paperGeometry(input.paperWidth);
  const reason = NOTICE_REASON[input.reason];
  const blocks: SlipBlock[] = [
    text(input.hospitalName, 'normal', true, 'center'),
    { kind: 'feed', lines: 1 },
    text(NOTICE_HEADING, 'large', true, 'center'),
    text(NOTICE_MESSAGE.en, 'normal', true, 'center'),
    text(reason.en, 'normal', false, 'center'),
    text(NOTICE_MESSAGE.hi, 'tall', true, 'center'),
    text(reason.hi, 'normal', false, 'center'),
    { kind: 'rule' },
  ];
  if (input.scannedId) blocks.push(pair('Scanned', input.scannedId));
  blocks.push(pair('Date', slipDateTime(input.printedAt, input.timeZone)), pair('Kiosk', `Counter ${input.station}`));
  if (input.footer) blocks.push(text(input.footer, 'normal', false, 'center'));
  blocks.push({ kind: 'feed', lines: 2 }, { kind: 'cut' });
  return { paperWidth: input.paperWidth, dots, columns, duplicate: false, blocks };
}
