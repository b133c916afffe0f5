// The CR80 card as printed, read back as a scanner would: each page of the PDF
// rasterised by poppler (pdftoppm, 600 dpi) and its QR decoded by zxing-cpp
// (zxing-wasm, the decoder of the counter's camera scanner). The front carries
// the compact signed card, the back the SMART Health Card issued with it, and
// both open the patient. ZXing's JavaScript port is not used here: on these
// clean 600 dpi pages it failed on about half of the SMART Health Card QRs
// (large versions) and one in ten compact ones, where zxing-cpp read 30 of 30.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
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

// In Node the .wasm is read from node_modules (in the app it is a bundled asset).
const wasm = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) } });

async function qrText(page: { data: Uint8ClampedArray; width: number; height: number }): Promise<string | null> {
  const rgba = new Uint8ClampedArray(page.width * page.height * 4);
  page.data.forEach((gray, i) => rgba.set([gray, gray, gray, 255], i * 4));
  const image = { data: rgba, width: page.width, height: page.height, colorSpace: 'srgb' } as unknown as Parameters<
    typeof readBarcodes
  >[0];
  const results = await readBarcodes(image, { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 1 });
  return results.find((r) => r.isValid)?.text ?? null;
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

    const front = await qrText(pageGray(file, 1));
    const back = await qrText(pageGray(file, 2));
    expect(front).toBe(card.compactQr);
    expect(back).toBe(card.qr);
    for (const text of [card.compactQr, card.qr]) expect((await c.call('cards.resolve', { text })).patient?.id).toBe(ram.id);
  });
});
