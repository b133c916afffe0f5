// Turns printer bytes back into what comes out of the printer: text lines
// with their styles, QR payloads (GS ( k), raster images (GS v 0), cuts,
// feeds and status queries (DLE EOT, GS r). Written here because nothing on
// npm decodes QR and raster commands. EPSON ESC/POS by default; the STAR
// dialect covers what node-thermal-printer's STAR driver emits.
// https://reference.epson-biz.com/modules/ref_escpos/ · STAR Line Mode command spec.

export type Align = 'left' | 'center' | 'right';

export interface DecodedLine {
  text: string;
  bold: boolean;
  underline: boolean;
  inverse: boolean;
  align: Align;
  widthScale: number;
  heightScale: number;
}

export interface DecodedImage {
  width: number;
  height: number;
  bytesPerRow: number;
  /** Rows, most significant bit first, 1 = black. */
  data: Uint8Array;
}

export type DecodedItem =
  | { kind: 'text'; line: DecodedLine }
  | { kind: 'image'; image: DecodedImage }
  | { kind: 'qr'; data: string; cellSize: number | null }
  | { kind: 'cut'; partial: boolean }
  | { kind: 'feed'; lines: number }
  | { kind: 'status'; query: 'gs_r' | 'dle_eot'; n: number };

export interface DecodedJob {
  items: DecodedItem[];
  lines: DecodedLine[];
  /** Non-empty text lines, trimmed. */
  texts: string[];
  qr: string[];
  images: DecodedImage[];
  cuts: number;
  /** The code page selected with ESC t (EPSON) / ESC GS t (STAR), if any. */
  codePage: number | null;
  /** Bytes that were neither text nor a known command (offsets). */
  unknown: number[];
}

interface Style {
  bold: boolean;
  underline: boolean;
  inverse: boolean;
  align: Align;
  widthScale: number;
  heightScale: number;
}

const initialStyle = (): Style => ({
  bold: false,
  underline: false,
  inverse: false,
  align: 'left',
  widthScale: 1,
  heightScale: 1,
});
const ALIGN: Record<number, Align> = { 0: 'left', 1: 'center', 2: 'right', 48: 'left', 49: 'center', 50: 'right' };

export function decodeEscPos(input: Buffer | Uint8Array, dialect: 'epson' | 'star' = 'epson'): DecodedJob {
  const b = Buffer.from(input);
  const items: DecodedItem[] = [];
  const unknown: number[] = [];
  let style = initialStyle();
  let text = '';
  let lineStyle: Style | null = null;
  let codePage: number | null = null;
  let qrData: string | null = null;
  let qrCell: number | null = null;
  let starBands: Buffer[] = [];
  let starBandWidth = 0;
  let i = 0;

  const flush = () => {
    items.push({ kind: 'text', line: { text, ...(lineStyle ?? style) } });
    text = '';
    lineStyle = null;
  };
  const flushStarImage = () => {
    if (starBands.length === 0) return;
    const data = Buffer.concat(starBands);
    items.push({
      kind: 'image',
      image: { width: starBandWidth * 8, height: data.length / starBandWidth, bytesPerRow: starBandWidth, data },
    });
    starBands = [];
  };
  const need = (n: number) => {
    if (i + n > b.length) throw new Error(`truncated command at byte ${i} (needs ${n} bytes, ${b.length - i} left)`);
  };

  while (i < b.length) {
    const c = b[i]!;
    if (dialect === 'star' && starBands.length > 0 && !(c === 0x1b && b[i + 1] === 0x6b) && c !== 0x0a) flushStarImage();
    if (c === 0x0a) {
      if (dialect === 'star' && starBands.length > 0) {
        i += 1; // the LF after each STAR raster band
        continue;
      }
      flush();
      i += 1;
    } else if (c === 0x0d) {
      i += 1;
    } else if (c === 0x0b && dialect === 'star') {
      items.push({ kind: 'feed', lines: 1 });
      i += 1;
    } else if (c >= 0x20 && c !== 0x7f) {
      if (text === '') lineStyle = { ...style };
      text += String.fromCharCode(c);
      i += 1;
    } else if (c === 0x10 && b[i + 1] === 0x04) {
      need(3);
      items.push({ kind: 'status', query: 'dle_eot', n: b[i + 2]! });
      i += 3;
    } else if (c === 0x1b) {
      need(2);
      const cmd = b[i + 1]!;
      if (cmd === 0x40) {
        style = initialStyle();
        i += 2;
      } else if (dialect === 'star') {
        i = starEscape(
          b,
          i,
          style,
          items,
          (n) => (codePage = n),
          (band, width) => {
            starBands.push(band);
            starBandWidth = width;
          },
          (data, cell) => {
            if (data !== undefined) qrData = data;
            if (cell !== undefined) qrCell = cell;
            if (data === undefined && cell === undefined) items.push({ kind: 'qr', data: qrData ?? '', cellSize: qrCell });
          },
          unknown,
        );
      } else if (cmd === 0x74) {
        need(3);
        codePage = b[i + 2]!;
        i += 3;
      } else if (cmd === 0x61) {
        need(3);
        style.align = ALIGN[b[i + 2]!] ?? 'left';
        i += 3;
      } else if (cmd === 0x45 || cmd === 0x47) {
        need(3);
        style.bold = (b[i + 2]! & 1) === 1;
        i += 3;
      } else if (cmd === 0x2d) {
        need(3);
        style.underline = (b[i + 2]! & 3) !== 0;
        i += 3;
      } else if (cmd === 0x21) {
        need(3);
        const n = b[i + 2]!;
        style.bold = (n & 0x08) !== 0;
        style.heightScale = n & 0x10 ? 2 : 1;
        style.widthScale = n & 0x20 ? 2 : 1;
        style.underline = (n & 0x80) !== 0;
        i += 3;
      } else if (cmd === 0x64) {
        need(3);
        items.push({ kind: 'feed', lines: b[i + 2]! });
        i += 3;
      } else if ([0x4a, 0x33, 0x4d, 0x7b, 0x56, 0x72, 0x52].includes(cmd)) {
        need(3);
        i += 3; // feed dots, line spacing, font, upside-down, rotate, character set: no effect on what we assert
      } else if (cmd === 0x32) {
        i += 2;
      } else if (cmd === 0x70) {
        need(5);
        i += 5;
      } else {
        unknown.push(i);
        i += 2;
      }
    } else if (c === 0x1d) {
      need(2);
      const cmd = b[i + 1]!;
      if (cmd === 0x21) {
        need(3);
        const n = b[i + 2]!;
        style.widthScale = (n >> 4) + 1;
        style.heightScale = (n & 0x0f) + 1;
        i += 3;
      } else if (cmd === 0x42) {
        need(3);
        style.inverse = (b[i + 2]! & 1) === 1;
        i += 3;
      } else if (cmd === 0x56) {
        need(3);
        const m = b[i + 2]!;
        items.push({ kind: 'cut', partial: m === 1 || m === 49 || m === 66 });
        i += m >= 65 ? 4 : 3;
      } else if (cmd === 0x72) {
        need(3);
        items.push({ kind: 'status', query: 'gs_r', n: b[i + 2]! });
        i += 3;
      } else if (cmd === 0x76 && b[i + 2] === 0x30) {
        need(8);
        const bytesPerRow = b[i + 4]! | (b[i + 5]! << 8);
        const height = b[i + 6]! | (b[i + 7]! << 8);
        need(8 + bytesPerRow * height);
        const data = new Uint8Array(b.subarray(i + 8, i + 8 + bytesPerRow * height));
        items.push({ kind: 'image', image: { width: bytesPerRow * 8, height, bytesPerRow, data } });
        i += 8 + bytesPerRow * height;
      } else if (cmd === 0x28 && b[i + 2] === 0x6b) {
        need(5);
        const len = b[i + 3]! | (b[i + 4]! << 8);
        need(5 + len);
        const cn = b[i + 5]!;
        const fn = b[i + 6]!;
        if (cn === 0x31 && fn === 0x50) qrData = b.subarray(i + 8, i + 5 + len).toString('latin1');
        else if (cn === 0x31 && fn === 0x43) qrCell = b[i + 7]!;
        else if (cn === 0x31 && fn === 0x51) items.push({ kind: 'qr', data: qrData ?? '', cellSize: qrCell });
        i += 5 + len;
      } else if ([0x48, 0x66, 0x77, 0x68, 0x4c, 0x57, 0x61].includes(cmd)) {
        need(3);
        i += cmd === 0x4c || cmd === 0x57 ? 4 : 3;
      } else {
        unknown.push(i);
        i += 2;
      }
    } else {
      unknown.push(i);
      i += 1;
    }
  }
  if (text !== '') flush();
  flushStarImage();

  const lines = items.flatMap((item) => (item.kind === 'text' ? [item.line] : []));
  return {
    items,
    lines,
    texts: lines.map((l) => l.text.trim()).filter((t) => t !== ''),
    qr: items.flatMap((item) => (item.kind === 'qr' ? [item.data] : [])),
    images: items.flatMap((item) => (item.kind === 'image' ? [item.image] : [])),
    cuts: items.filter((item) => item.kind === 'cut').length,
    codePage,
    unknown,
  };
}

/** STAR Line Mode escapes (ESC …) as node-thermal-printer's STAR driver writes them. Returns the next offset. */
function starEscape(
  b: Buffer,
  i: number,
  style: Style,
  items: DecodedItem[],
  setCodePage: (n: number) => void,
  addBand: (band: Buffer, bytesPerRow: number) => void,
  qr: (data?: string, cell?: number) => void,
  unknown: number[],
): number {
  const cmd = b[i + 1]!;
  if (cmd === 0x1d) {
    const sub = b[i + 2]!;
    if (sub === 0x61) {
      style.align = ALIGN[b[i + 3]!] ?? 'left';
      return i + 4;
    }
    if (sub === 0x74) {
      setCodePage(b[i + 3]!);
      return i + 4;
    }
    if (sub === 0x79 && b[i + 3] === 0x53) {
      if (b[i + 4] === 0x32) qr(undefined, b[i + 5]);
      return i + 6; // model, correction, cell size
    }
    if (sub === 0x79 && b[i + 3] === 0x44) {
      const len = b[i + 6]! | (b[i + 7]! << 8); // ESC GS y D 1 m nL nH d…
      qr(b.subarray(i + 8, i + 8 + len).toString('latin1'));
      return i + 8 + len;
    }
    if (sub === 0x79 && b[i + 3] === 0x50) {
      qr();
      return i + 4;
    }
    unknown.push(i);
    return i + 3;
  }
  if (cmd === 0x69) {
    style.heightScale = b[i + 2]! + 1;
    style.widthScale = b[i + 3]! + 1;
    return i + 4;
  }
  if (cmd === 0x45 || cmd === 0x46) {
    style.bold = cmd === 0x45;
    return i + 2;
  }
  if (cmd === 0x34 || cmd === 0x35) {
    style.inverse = cmd === 0x34;
    return i + 2;
  }
  if (cmd === 0x64) {
    items.push({ kind: 'cut', partial: b[i + 2] === 1 || b[i + 2] === 3 || b[i + 2] === 0x33 });
    return i + 3;
  }
  if (cmd === 0x6b) {
    const bytesPerRow = b[i + 2]!;
    addBand(b.subarray(i + 4, i + 4 + bytesPerRow * 24), bytesPerRow);
    return i + 4 + bytesPerRow * 24;
  }
  if (cmd === 0x30 || cmd === 0x7a) return cmd === 0x7a ? i + 3 : i + 2;
  unknown.push(i);
  return i + 2;
}

/** A decoded image as rows of '#' and '.', for failure messages. */
export function imageToAscii(image: DecodedImage, maxRows = 40): string {
  const rows: string[] = [];
  for (let y = 0; y < Math.min(image.height, maxRows); y++) {
    let row = '';
    for (let x = 0; x < image.width; x++) row += image.data[y * image.bytesPerRow + (x >> 3)]! & (0x80 >> (x & 7)) ? '#' : '.';
    rows.push(row);
  }
  return rows.join('\n');
}
