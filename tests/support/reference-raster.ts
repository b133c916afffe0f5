// An independent render of a slip line, to compare with the raster a printer
// received: the bundled font registered under another name, drawn the way
// docs/printing.md describes (fillText, plus a 1-dot strokeText for bold,
// vertically centred, 4-dot left margin), black where luminance < 128.
import { join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { RASTER_SIZES, type RasterSize } from '../../main/printing/text-raster';
import type { DecodedImage } from './escpos-decoder';

GlobalFonts.registerFromPath(join(__dirname, '../../resources/fonts/Lohit-Devanagari.ttf'), 'Reference Devanagari');

export function referenceRaster(
  text: string,
  dots: number,
  size: RasterSize,
  align: 'left' | 'center',
  bold: boolean,
): DecodedImage {
  const { fontPx, height } = RASTER_SIZES[size];
  const ctx = createCanvas(dots, height).getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, dots, height);
  ctx.fillStyle = ctx.strokeStyle = '#000';
  ctx.font = `${fontPx}px "Reference Devanagari"`;
  ctx.textBaseline = 'middle';
  ctx.textAlign = align;
  const x = align === 'left' ? 4 : dots / 2;
  ctx.fillText(text, x, height / 2);
  if (bold) {
    ctx.lineWidth = 1;
    ctx.strokeText(text, x, height / 2);
  }
  const rgba = ctx.getImageData(0, 0, dots, height).data;
  const bytesPerRow = dots / 8;
  const data = new Uint8Array(bytesPerRow * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < dots; x++) {
      const p = (y * dots + x) * 4;
      const lum = 0.2126 * rgba[p]! + 0.7152 * rgba[p + 1]! + 0.0722 * rgba[p + 2]!;
      if (lum < 128) data[y * bytesPerRow + (x >> 3)] = (data[y * bytesPerRow + (x >> 3)] ?? 0) | (0x80 >> (x & 7));
    }
  }
  return { width: dots, height, bytesPerRow, data };
}

/** How many pixels differ (images of another size differ everywhere). */
export function differingPixels(a: DecodedImage, b: DecodedImage): number {
  if (a.width !== b.width || a.height !== b.height) return Math.max(a.width * a.height, b.width * b.height);
  let diff = 0;
  for (let i = 0; i < a.data.length; i++) {
    let x = a.data[i]! ^ b.data[i]!;
    while (x) {
      diff += x & 1;
      x >>= 1;
    }
  }
  return diff;
}

export const blackPixels = (image: DecodedImage) => differingPixels(image, { ...image, data: new Uint8Array(image.data.length) });
