// How big the e-health card's QR can be printed on a thermal slip. A signed
// card is a long `shc:/` + digits text (about 900–1,700 digits); QR numeric
// mode packs 3 digits in 10 bits, so it fits versions 13–22. ESC/POS
// `GS ( k` model 2 stores at most 7,089 bytes of data (function 180:
// pL pH = length + 3), and the printer chooses the version itself from the
// data and the error correction we set, so we compute the same version here
// (byte segment "shc:/" + numeric segment, as the SMART Health Cards spec
// asks: https://spec.smarthealth.cards/#encoding-qrs) and pick the module
// size that fits the paper with a 4-module quiet zone on each side.
import QRCode from 'qrcode';

/** GS ( k model 2: the most data one symbol can be given. */
export const ESC_POS_QR_MAX_BYTES = 7089;
/** Smallest module a phone camera reads off thermal paper reliably: 3 dots = 0.375 mm at 203 dpi. */
export const MIN_MODULE_DOTS = 3;
const MAX_MODULE_DOTS = 8;
const QUIET_MODULES = 4;

export interface QrFit {
  correction: 'L' | 'M';
  cellSize: number;
  version: number;
  modules: number;
}

export class QrTooLargeError extends Error {}

function segments(data: string) {
  const numeric = /^shc:\/\d+$/.test(data);
  return numeric
    ? [
        { mode: 'byte' as const, data: Buffer.from('shc:/', 'latin1') },
        { mode: 'numeric' as const, data: data.slice(5) },
      ]
    : [{ mode: 'byte' as const, data: Buffer.from(data, 'latin1') }];
}

/**
 * M (15 % of the symbol can be lost: a crease, a smudge) when its modules are
 * at least 3 dots; else L, which SMART Health Cards allow and which needs a
 * smaller symbol. Throws when not even L fits.
 */
export function fitQr(data: string, dots: number): QrFit {
  if (Buffer.byteLength(data, 'latin1') > ESC_POS_QR_MAX_BYTES)
    throw new QrTooLargeError(
      `a QR of ${data.length} characters is more than an ESC/POS printer takes (${ESC_POS_QR_MAX_BYTES})`,
    );
  for (const correction of ['M', 'L'] as const) {
    const qr = QRCode.create(segments(data), { errorCorrectionLevel: correction });
    const modules = qr.modules.size;
    const cellSize = Math.min(MAX_MODULE_DOTS, Math.floor(dots / (modules + 2 * QUIET_MODULES)));
    if (cellSize >= MIN_MODULE_DOTS) return { correction, cellSize, version: qr.version, modules };
  }
  throw new QrTooLargeError(`the card's QR does not fit ${dots} dots with modules of ${MIN_MODULE_DOTS} dots`);
}
