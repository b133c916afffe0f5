// Lines that are not plain ASCII (Devanagari names and departments, ₹, Latin
// with accents) cannot be printed with a thermal printer's own fonts: they are
// drawn with the bundled Devanagari font (resources/fonts, SIL OFL) through
// Skia's text shaping (@napi-rs/canvas, so conjuncts and matras come out
// right) and sent as a 1-bit raster image.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';

export const SLIP_FONT_FAMILY = 'HIMS Slip Devanagari';
export const SLIP_FONT_FILE = 'Lohit-Devanagari.ttf';

/** Font size and band height in printer dots per slip text size (printer font A is 12×24 dots). */
export const RASTER_SIZES = {
  normal: { fontPx: 24, height: 36 },
  tall: { fontPx: 32, height: 46 },
  large: { fontPx: 40, height: 56 },
  huge: { fontPx: 72, height: 96 },
} as const;
export type RasterSize = keyof typeof RASTER_SIZES;

/** A 1-bit image: rows of `bytesPerRow` bytes, most significant bit first, 1 = black (as GS v 0 wants it). */
export interface Bitmap {
  width: number;
  height: number;
  bytesPerRow: number;
  data: Uint8Array;
}

export interface RasterStyle {
  size: RasterSize;
  bold: boolean;
  align: 'left' | 'center' | 'right';
  inverse?: boolean;
}

/** Only printable ASCII goes to the printer as text; anything else is drawn. */
export function isPlainText(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

export function fontCandidates(extra?: string): string[] {
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  return [
    ...(extra ? [extra] : []),
    join(__dirname, '../../resources/fonts', SLIP_FONT_FILE), // main/printing in dev and tests, out/main when built
    ...(resourcesPath ? [join(resourcesPath, 'fonts', SLIP_FONT_FILE)] : []), // packaged app (extraResources)
  ];
}

let registered = false;
/** Registers the bundled font once per process; throws a clear error when it is missing. */
export function ensureSlipFont(fontPath?: string): void {
  if (registered) return;
  const found = fontCandidates(fontPath).find((file) => existsSync(file));
  if (!found) throw new Error(`the slip font ${SLIP_FONT_FILE} is missing (looked in ${fontCandidates(fontPath).join(', ')})`);
  GlobalFonts.registerFromPath(found, SLIP_FONT_FAMILY);
  registered = true;
}

export function cssFont(size: RasterSize): string {
  return `${RASTER_SIZES[size].fontPx}px "${SLIP_FONT_FAMILY}"`;
}

const MARGIN = 4;

/** Splits `text` into lines that fit `maxWidth` at the given size (words are not broken). */
export function wrapForRaster(text: string, size: RasterSize, maxWidth: number): string[] {
  ensureSlipFont();
  const ctx = createCanvas(1, 1).getContext('2d');
  ctx.font = cssFont(size);
  const words = text.split(' ');
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && ctx.measureText(candidate).width > maxWidth - 2 * MARGIN) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current || lines.length === 0) lines.push(current);
  return lines;
}

/** Draws one line across the paper width and packs it to 1 bit (black where luminance < 128). */
export function rasterizeLine(text: string, dots: number, style: RasterStyle): Bitmap {
  ensureSlipFont();
  const { height } = RASTER_SIZES[style.size];
  const canvas = createCanvas(dots, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = style.inverse ? '#000' : '#fff';
  ctx.fillRect(0, 0, dots, height);
  ctx.fillStyle = style.inverse ? '#fff' : '#000';
  ctx.strokeStyle = ctx.fillStyle;
  ctx.font = cssFont(style.size);
  ctx.textBaseline = 'middle';
  ctx.textAlign = style.align;
  const x = style.align === 'left' ? MARGIN : style.align === 'right' ? dots - MARGIN : dots / 2;
  const y = height / 2;
  ctx.fillText(text, x, y);
  if (style.bold) {
    // The font has no bold face: thicken the strokes instead.
    ctx.lineWidth = 1;
    ctx.strokeText(text, x, y);
  }
  return packBits(ctx.getImageData(0, 0, dots, height).data, dots, height);
}

export function packBits(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): Bitmap {
  const bytesPerRow = Math.ceil(width / 8);
  const data = new Uint8Array(bytesPerRow * height);
  for (let y = 0; y < height; y++) {
    const row = y * width * 4;
    const out = y * bytesPerRow;
    for (let x = 0; x < width; x++) {
      const i = row + x * 4;
      // Luminance of an opaque pixel; transparent counts as paper.
      const dark = rgba[i + 3]! > 126 && 0.2126 * rgba[i]! + 0.7152 * rgba[i + 1]! + 0.0722 * rgba[i + 2]! < 128;
      if (dark) data[out + (x >> 3)] = (data[out + (x >> 3)] ?? 0) | (0x80 >> (x & 7));
    }
  }
  return { width, height, bytesPerRow, data };
}
