// The whole slip as one 1-bit image, for printers reached through the OS
// queue (no ESC/POS): the same layout blocks, every line drawn with the
// bundled font, the QR drawn from its modules.
import QRCode from 'qrcode';
import type { SlipLayout } from '../../preload/contract/methods/printing-methods';
import { bitmapToPng } from './bitmap-png';
import { rasterizeLine, wrapForRaster, type Bitmap } from './text-raster';

function blank(width: number, height: number): Bitmap {
  const bytesPerRow = Math.ceil(width / 8);
  return { width, height, bytesPerRow, data: new Uint8Array(bytesPerRow * height) };
}

function setPixel(b: Bitmap, x: number, y: number): void {
  const i = y * b.bytesPerRow + (x >> 3);
  b.data[i] = (b.data[i] ?? 0) | (0x80 >> (x & 7));
}

function qrBitmap(data: string, cellSize: number, width: number): Bitmap {
  const { modules } = QRCode.create(data, { errorCorrectionLevel: 'M' });
  const scale = cellSize * 2;
  const side = (modules.size + 8) * scale; // 4-module quiet zone each side
  const out = blank(width, side);
  const left = Math.max(0, Math.floor((width - side) / 2));
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++) {
      if (!modules.get(r, c)) continue;
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++) {
          const x = left + (c + 4) * scale + dx;
          if (x < width) setPixel(out, x, (r + 4) * scale + dy);
        }
    }
  }
  return out;
}

export function slipBitmap(layout: SlipLayout): Bitmap {
  const parts: Bitmap[] = [];
  for (const block of layout.blocks) {
    if (block.kind === 'text') {
      for (const line of wrapForRaster(block.text, block.size, layout.dots)) parts.push(rasterizeLine(line, layout.dots, block));
    } else if (block.kind === 'pair') {
      parts.push(
        rasterizeLine(`${block.left}: ${block.right}`, layout.dots, { size: 'normal', bold: block.bold, align: 'left' }),
      );
    } else if (block.kind === 'rule') {
      const rule = blank(layout.dots, 12);
      for (let x = 0; x < layout.dots; x++) for (let y = 5; y < 7; y++) setPixel(rule, x, y);
      parts.push(rule);
    } else if (block.kind === 'qr') {
      parts.push(qrBitmap(block.data, block.cellSize, layout.dots));
    } else if (block.kind === 'feed') {
      parts.push(blank(layout.dots, 24 * block.lines));
    }
  }
  const height = parts.reduce((sum, p) => sum + p.height, 0);
  const out = blank(layout.dots, height);
  let offset = 0;
  for (const part of parts) {
    out.data.set(part.data, offset);
    offset += part.data.length;
  }
  return out;
}

export function slipPng(layout: SlipLayout): Buffer {
  return bitmapToPng(slipBitmap(layout));
}

export function slipHtml(png: Buffer, widthMm: number): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>@page{size:${widthMm}mm auto;margin:0}body{margin:0}img{width:${widthMm - 8}mm;display:block;margin:0 4mm}</style></head><body><img src="data:image/png;base64,${png.toString('base64')}"></body></html>`;
}
