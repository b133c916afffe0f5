// The e-health card as a CR80 card (ISO/IEC 7810 ID-1: 85.60 × 53.98 mm) for
// a card printer, printed on both sides: the front has hospital name, holder,
// UHID and the compact signed QR that the counters' scanners read; the back
// has the SMART Health Card for any verifier elsewhere. Latin text is PDF
// text; any other line (a Devanagari name) is drawn with the bundled
// Devanagari font into an image, since the PDF standard fonts have no
// Devanagari. The QRs are drawn as vector modules so they stay sharp.
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { shcQrSegments } from './shc-numeric';
import { ensureSlipFont, SLIP_FONT_FAMILY } from '../printing/text-raster';

const MM = 72 / 25.4;
export const CR80 = { width: 85.6 * MM, height: 53.98 * MM };

export interface CardFace {
  hospitalName: string;
  name: string;
  uhid: string;
  gender: string;
  dateOfBirth: string;
  abhaNumber: string | null;
  /** The compact signed card (HHC1:…), on the front. */
  compactQr: string;
  /** The SMART Health Card (shc:/…), on the back. */
  shcQr: string;
  issuedOn: string;
  /** The patient's photo (JPEG), printed left of the name block when there is one. */
  photoJpeg?: Uint8Array | null;
}

const latin = (s: string) => /^[\x20-\x7e]*$/.test(s);

function textImage(text: string, sizePt: number): { png: Buffer; width: number; height: number } {
  ensureSlipFont();
  const scale = 300 / 72; // 300 dpi, what card printers print
  const px = Math.ceil(sizePt * scale);
  const measure = createCanvas(10, 10).getContext('2d');
  measure.font = `${px}px "${SLIP_FONT_FAMILY}"`;
  const width = Math.ceil(measure.measureText(text).width) + 4;
  const canvas = createCanvas(width, Math.ceil(px * 1.5));
  const ctx = canvas.getContext('2d');
  ctx.font = `${px}px "${SLIP_FONT_FAMILY}"`;
  ctx.fillStyle = '#000';
  ctx.textBaseline = 'top';
  ctx.fillText(text, 2, Math.ceil(px * 0.15));
  return { png: canvas.toBuffer('image/png'), width: width / scale, height: (px * 1.5) / scale };
}

type Qr = ReturnType<typeof QRCode.create>;

function drawQr(page: PDFPage, qr: Qr, at: { left: number; bottom: number; side: number }): void {
  const modules = qr.modules.size;
  const quiet = 2; // modules of white around the code
  const cell = at.side / (modules + 2 * quiet);
  for (let r = 0; r < modules; r++) {
    for (let c = 0; c < modules; c++) {
      if (qr.modules.get(r, c)) {
        page.drawRectangle({
          x: at.left + (c + quiet) * cell,
          y: at.bottom + (modules - 1 - r + quiet) * cell,
          width: cell,
          height: cell,
          color: rgb(0, 0, 0),
        });
      }
    }
  }
}

/** The back: the SMART Health Card, numeric mode and medium error correction as its spec asks, as large as the card allows. */
function back(pdf: PDFDocument, face: CardFace, regular: PDFFont, bold: PDFFont): void {
  const page = pdf.addPage([CR80.width, CR80.height]);
  const side = CR80.height - 4 * MM;
  drawQr(page, QRCode.create(shcQrSegments(face.shcQr), { errorCorrectionLevel: 'M' }), { left: 2 * MM, bottom: 2 * MM, side });
  const x = side + 4 * MM;
  const maxWidth = CR80.width - x - 2 * MM;
  page.drawText('SMART Health Card', { x, y: CR80.height - 8 * MM, size: 6, font: bold, maxWidth });
  page.drawText('For any SMART Health', { x, y: CR80.height - 12 * MM, size: 5, font: regular, maxWidth });
  page.drawText('Card verifier.', { x, y: CR80.height - 14.5 * MM, size: 5, font: regular, maxWidth });
  page.drawText(`UHID ${face.uhid}`, { x, y: CR80.height - 19 * MM, size: 5, font: bold, maxWidth });
  page.drawText(`Issued ${face.issuedOn}`, { x, y: 3 * MM, size: 5, font: regular, maxWidth });
}

export async function cardPdf(face: CardFace): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`e-health card ${face.uhid}`);
  pdf.setCreator('HIMS Counter');
  const page = pdf.addPage([CR80.width, CR80.height]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const margin = 3 * MM;

  async function line(text: string, x: number, y: number, size: number, isBold = false, maxWidth = 44 * MM): Promise<void> {
    if (latin(text)) {
      page.drawText(text, { x, y, size, font: isBold ? bold : regular, maxWidth });
    } else {
      const image = textImage(text, size);
      const png = await pdf.embedPng(image.png);
      const width = Math.min(image.width, maxWidth);
      page.drawImage(png, { x, y: y - size * 0.35, width, height: image.height * (width / image.width) });
    }
  }

  page.drawRectangle({ x: 0, y: CR80.height - 9 * MM, width: CR80.width, height: 9 * MM, color: rgb(0.05, 0.33, 0.6) });
  const title = latin(face.hospitalName) ? face.hospitalName : 'Hospital';
  page.drawText(title, {
    x: margin,
    y: CR80.height - 6 * MM,
    size: 8,
    font: bold,
    color: rgb(1, 1, 1),
    maxWidth: CR80.width - 2 * margin,
  });
  page.drawText('e-Health Card', { x: margin, y: CR80.height - 8.2 * MM, size: 5, font: regular, color: rgb(1, 1, 1) });

  // With a photo, the text moves right of a passport-style 15 × 19 mm picture.
  let x = margin;
  if (face.photoJpeg) {
    const photo = await pdf.embedJpg(face.photoJpeg);
    const width = 15 * MM;
    const height = 19 * MM;
    page.drawImage(photo, { x: margin, y: CR80.height - 11 * MM - height, width, height });
    x = margin + width + 2 * MM;
  }
  const textWidth = (x === margin ? 44 : 27) * MM;
  let y = CR80.height - 15 * MM;
  await line(face.name, x, y, 9, true, textWidth);
  y -= 5 * MM;
  await line(`UHID ${face.uhid}`, x, y, face.photoJpeg ? 6 : 7, true, textWidth);
  y -= 4 * MM;
  await line(`${face.gender}   DOB ${face.dateOfBirth}`, x, y, 6, false, textWidth);
  if (face.abhaNumber) {
    y -= 3.5 * MM;
    await line(`ABHA ${face.abhaNumber}`, x, y, 6, false, textWidth);
  }
  page.drawText(`Issued ${face.issuedOn}`, { x: margin, y: margin, size: 5, font: regular, color: rgb(0.3, 0.3, 0.3) });

  // The compact card in the QR's alphanumeric mode (base45 is its alphabet), medium error correction.
  drawQr(page, QRCode.create([{ mode: 'alphanumeric', data: face.compactQr }], { errorCorrectionLevel: 'M' }), {
    left: CR80.width - 32 * MM,
    bottom: 2 * MM,
    side: 30 * MM,
  });
  back(pdf, face, regular, bold);
  return pdf.save();
}
