// Slip layout → printer bytes with node-thermal-printer (EPSON or STAR
// command set). Plain ASCII lines go as printer text; any other line is drawn
// with the bundled font (text-raster.ts) and sent as a raster image.
// ESC/POS reference: https://reference.epson-biz.com/modules/ref_escpos/
import { BreakLine, CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import type { PrinterSettings, SlipLayout } from '../../preload/contract/methods/printing-methods';
import { isPlainText, rasterizeLine, wrapForRaster, type Bitmap, type RasterStyle } from './text-raster';
import { bitmapToPng } from './bitmap-png';

export type EncodeOptions = Pick<PrinterSettings, 'type' | 'characterSet'>;

/** Horizontal magnification of each text size (font A columns shrink by it). */
const WIDTH_SCALE = { normal: 1, tall: 1, large: 2, huge: 4 } as const;

/** GS v 0: print a raster bit image (EPSON). Built here: the library goes through a PNG and a per-pixel object array. */
export function rasterCommand(bitmap: Bitmap): Buffer {
  const header = Buffer.from([
    0x1d,
    0x76,
    0x30,
    0x00,
    bitmap.bytesPerRow & 0xff,
    bitmap.bytesPerRow >> 8,
    bitmap.height & 0xff,
    bitmap.height >> 8,
  ]);
  return Buffer.concat([header, bitmap.data]);
}

/**
 * STAR QR (ESC GS y …), written here: node-thermal-printer 4.6.1's STAR printQR
 * leaves out the "ESC GS y D 1 m" before the data length, so the printer reads
 * the payload as commands.
 */
const STAR_CORRECTION = { L: 0x00, M: 0x01, Q: 0x02, H: 0x03 } as const;

export function starQr(data: string, cellSize: number, correction: keyof typeof STAR_CORRECTION = 'M'): Buffer {
  const payload = Buffer.from(data, 'latin1');
  return Buffer.concat([
    Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x30, 0x02]), // model 2
    Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x31, STAR_CORRECTION[correction]]), // error correction
    Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x32, cellSize]),
    Buffer.from([0x1b, 0x1d, 0x79, 0x44, 0x31, 0x00, payload.length & 0xff, payload.length >> 8]),
    payload,
    Buffer.from([0x1b, 0x1d, 0x79, 0x50]), // print
  ]);
}

function fold(text: string, width: number): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width);
    const at = cut > 0 ? cut : width;
    lines.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  lines.push(rest);
  return lines;
}

function pairLine(left: string, right: string, columns: number): string[] {
  const gap = columns - left.length - right.length;
  if (gap >= 1) return [left + ' '.repeat(gap) + right];
  return [...fold(left, columns), ' '.repeat(Math.max(0, columns - right.length)) + right.slice(0, columns)];
}

export async function encodeSlip(layout: SlipLayout, options: EncodeOptions): Promise<Buffer> {
  const star = options.type === 'star';
  const printer = new ThermalPrinter({
    type: star ? PrinterTypes.STAR : PrinterTypes.EPSON,
    interface: '', // bytes only: our transports send them (with time-outs)
    width: layout.columns,
    breakLine: BreakLine.NONE,
  });
  printer.add(Buffer.from([0x1b, 0x40])); // ESC @ first: it would reset the code page chosen below
  // Explicit code page: without one node-thermal-printer prints '?' and logs an error per non-ASCII character.
  printer.setCharacterSet(CharacterSet[options.characterSet]);

  const addRaster = async (text: string, dots: number, style: RasterStyle) => {
    for (const line of wrapForRaster(text, style.size, dots)) {
      const bitmap = rasterizeLine(line, dots, style);
      if (star) await printer.printImageBuffer(bitmapToPng(bitmap));
      else printer.add(rasterCommand(bitmap));
    }
  };

  const setSize = (size: keyof typeof WIDTH_SCALE) => {
    if (size === 'normal') printer.setTextSize(0, 0);
    // node-thermal-printer writes setTextSize(h, w) as the byte 0xHW, and GS ! reads the high nibble as
    // width: (0, 1) is what ESC/POS calls double height.
    else if (size === 'tall') printer.setTextSize(0, 1);
    else if (size === 'large') printer.setTextSize(1, 1);
    else printer.setTextSize(3, 3);
  };
  const starSize = (size: keyof typeof WIDTH_SCALE) => {
    const n = { normal: 0, tall: 1, large: 1, huge: 3 }[size];
    printer.add(Buffer.from([0x1b, 0x69, n, size === 'tall' ? 0 : n])); // ESC i: STAR's character expansion
  };

  for (const block of layout.blocks) {
    switch (block.kind) {
      case 'text': {
        if (!isPlainText(block.text)) {
          await addRaster(block.text, layout.dots, block);
          break;
        }
        if (block.align === 'center') printer.alignCenter();
        else if (block.align === 'right') printer.alignRight();
        if (block.bold) printer.bold(true);
        if (block.inverse) printer.invert(true);
        if (star) starSize(block.size);
        else setSize(block.size);
        for (const line of fold(block.text, Math.floor(layout.columns / WIDTH_SCALE[block.size]))) printer.println(line);
        if (star) starSize('normal');
        else setSize('normal');
        if (block.inverse) printer.invert(false);
        if (block.bold) printer.bold(false);
        printer.alignLeft();
        break;
      }
      case 'pair': {
        const whole = `${block.left}  ${block.right}`;
        if (!isPlainText(whole)) {
          await addRaster(whole, layout.dots, { size: 'normal', bold: block.bold, align: 'left' });
          break;
        }
        if (block.bold) printer.bold(true);
        for (const line of pairLine(block.left, block.right, layout.columns)) printer.println(line);
        if (block.bold) printer.bold(false);
        break;
      }
      case 'rule':
        printer.println('-'.repeat(layout.columns));
        break;
      case 'qr':
        printer.alignCenter();
        if (star) printer.add(starQr(block.data, block.cellSize, block.correction));
        else printer.printQR(block.data, { cellSize: block.cellSize, correction: block.correction ?? 'M', model: 2 });
        printer.newLine();
        printer.alignLeft();
        break;
      case 'feed':
        for (let i = 0; i < block.lines; i++) printer.newLine();
        break;
      case 'cut':
        printer.partialCut({ verticalTabAmount: 1 });
        break;
    }
  }
  return printer.getBuffer();
}
