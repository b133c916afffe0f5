// The CR80 card as printed, read back as a scanner would: each page of the PDF
// rasterised by poppler (pdftoppm, 600 dpi) and its QR
// decoded by ZXing. The front carries the compact signed card, the back the
// SMART Health Card issued with it, and both open the patient.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BinaryBitmap, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';
import { afterEach, describe, expect, it } from 'vitest';
import { RAM, startTestCore, tempDir, type TestCore } from '../support/temp-core';

const cores: TestCore[] = [];
afterEach(() => cores.splice(0).forEach((c) => c.dispose()));

/** One page as 8-bit gray (binary PGM: "P5 width height 255" then the pixels). */
function pageGray(pdfFile: string, page: number): { data: Uint8ClampedArray; width: number; height: number } {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', '600', '-f', String(page), '-l', String(page), pdfFile], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a PGM');
  const [whole, width, height] = header;
  return { data: new Uint8ClampedArray(pgm.subarray(whole.length)), width: Number(width), height: Number(height) };
}

function qrText(page: { data: Uint8ClampedArray; width: number; height: number }): string {
  const source = new RGBLuminanceSource(page.data, page.width, page.height);
  const hints = new Map<DecodeHintType, unknown>([[DecodeHintType.TRY_HARDER, true]]);
  return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints).getText();
}

describe('the printed card', () => {
  it('has the compact card on the front and the SMART Health Card on the back, and each opens the patient', async () => {
    const dir = tempDir();
    const c = startTestCore({ counterLetter: 'B', hospitalCode: 'LNH', hospitalName: 'Lok Nayak Hospital' }, dir);
    cores.push(c);
    const ram = await c.call('patients.register', RAM);
    const card = await c.call('cards.issue', { patientId: ram.id });
    const file = join(dir, 'card.pdf');
    writeFileSync(file, Buffer.from(card.pdfBase64, 'base64'));
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');

    const front = qrText(pageGray(file, 1));
    const back = qrText(pageGray(file, 2));
    expect(front).toBe(card.compactQr);
    expect(back).toBe(card.qr);
    for (const text of [front, back]) expect((await c.call('cards.resolve', { text })).patient?.id).toBe(ram.id);
  });
});
