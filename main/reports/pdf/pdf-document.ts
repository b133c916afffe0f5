// A small PDF writer for the reports: pages of shaped text, lines and filled
// rectangles, with the font embedded as a CIDFontType2 (glyph ids as codes).
// Why not a canvas's PDF backend: a shaped conjunct is one glyph for several
// characters, and a reordered matra sits before its consonant, so a text layer
// built glyph by glyph copies "सामा य" for सामान्य. Here every cluster of
// glyphs is wrapped in an /ActualText span holding the characters it came
// from, so copying, searching and pdftotext give the words as written; the
// ToUnicode map covers readers that ignore ActualText for the plain glyphs.
import { deflateSync } from 'node:zlib';
import { subsetTrueType } from './font-subset';
import type { ShapedText, Shaper } from './shaper';

export interface TextStyle {
  size: number;
  bold?: boolean;
  /** Grey level 0 (black) to 1 (white). */
  grey?: number;
}

const num = (n: number) => (Math.round(n * 100) / 100).toString();
const hex4 = (n: number) => n.toString(16).padStart(4, '0');
function utf16Hex(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += hex4(s.charCodeAt(i));
  return out;
}

export class PdfPage {
  readonly ops: string[] = [];
  constructor(
    private readonly doc: PdfDocument,
    readonly width: number,
    readonly height: number,
  ) {}

  /** Width in points of `text` at `size`. */
  measure(text: string, size: number): number {
    return this.doc.measure(text, size);
  }

  /** Draws `text` with its baseline at `y` (from the top of the page). */
  text(text: string, x: number, y: number, style: TextStyle): void {
    const shaped = this.doc.shaper.shape(text);
    const scale = style.size / this.doc.shaper.upem;
    const grey = num(style.grey ?? 0);
    const base = this.height - y;
    this.ops.push('BT', `/F1 ${num(style.size)} Tf`, `${grey} g ${grey} G`);
    this.ops.push(style.bold ? `2 Tr ${num(style.size * 0.04)} w` : '0 Tr');
    let pen = x;
    for (const cluster of clustersOf(shaped)) {
      const source = text.slice(cluster.from, cluster.to);
      if (source.trim() === '') {
        // Spaces are gaps, not glyphs: text extraction finds word breaks from them.
        pen += cluster.advance * scale;
        continue;
      }
      this.doc.noteGlyphs(cluster.glyphs, source);
      this.ops.push(`/Span <</ActualText <FEFF${utf16Hex(source)}>>> BDC`);
      const placed = cluster.glyphs.map((g) => {
        const at = { gid: g.gid, x: pen + g.xOffset * scale, y: base + g.yOffset * scale };
        pen += g.xAdvance * scale;
        return at;
      });
      const ordered = extractionOrder(placed);
      ordered.forEach((g, i) => {
        // A reader ends a span's text where its last glyph's advance ends. A
        // mark drawn last (the u-matra of कु) has no advance and would end it
        // early, and the gap reads as a space ("कु ल"): character spacing on
        // the last glyph carries its end to the cluster's end. Every glyph is
        // placed by its own matrix, so the spacing moves nothing drawn.
        const last = i === ordered.length - 1;
        const spacing = last ? pen - (g.x + this.doc.shaper.glyphAdvance(g.gid) * scale) : 0;
        this.ops.push(
          `${last ? `${num(spacing)} Tc ` : ''}1 0 0 1 ${num(g.x)} ${num(g.y)} Tm <${hex4(g.gid)}> Tj${last ? ' 0 Tc' : ''}`,
        );
      });
      this.ops.push('EMC');
    }
    this.ops.push('ET');
  }

  line(x1: number, y1: number, x2: number, y2: number, width: number, grey: number): void {
    this.ops.push(`${num(grey)} G ${num(width)} w ${num(x1)} ${num(this.height - y1)} m ${num(x2)} ${num(this.height - y2)} l S`);
  }

  rect(x: number, y: number, w: number, h: number, fill: [number, number, number]): void {
    this.ops.push(`${fill.map(num).join(' ')} rg ${num(x)} ${num(this.height - y - h)} ${num(w)} ${num(h)} re f`);
  }

  strokeRect(x: number, y: number, w: number, h: number, width: number, grey: number): void {
    this.ops.push(`${num(grey)} G ${num(width)} w ${num(x)} ${num(this.height - y - h)} ${num(w)} ${num(h)} re S`);
  }
}

/** The leftmost glyph first: a reader starts a span's text where its first glyph starts. */
function extractionOrder<T extends { x: number }>(glyphs: T[]): T[] {
  if (glyphs.length < 2) return glyphs;
  const first = glyphs.reduce((a, b) => (b.x < a.x ? b : a));
  return [first, ...glyphs.filter((g) => g !== first)];
}

interface Cluster {
  from: number;
  to: number;
  glyphs: ShapedText['glyphs'];
  advance: number;
}

/** Groups consecutive glyphs of one cluster; each cluster's source text runs to the next cluster start. */
function clustersOf(shaped: ShapedText): Cluster[] {
  const groups: Cluster[] = [];
  for (const g of shaped.glyphs) {
    const last = groups.at(-1);
    if (last && last.from === g.cluster) {
      last.glyphs.push(g);
      last.advance += g.xAdvance;
    } else groups.push({ from: g.cluster, to: shaped.text.length, glyphs: [g], advance: g.xAdvance });
  }
  const starts = [...new Set(groups.map((c) => c.from))].sort((a, b) => a - b);
  for (const c of groups) c.to = starts.find((s) => s > c.from) ?? shaped.text.length;
  return groups;
}

export class PdfDocument {
  private readonly pages: PdfPage[] = [];
  /** The text each glyph stands for when it stands alone (for the ToUnicode map). */
  private readonly glyphText = new Map<number, string>();
  private readonly usedGlyphs = new Set<number>();

  constructor(
    readonly shaper: Shaper,
    private readonly info: { title: string; creator: string },
  ) {}

  measure(text: string, size: number): number {
    return (this.shaper.shape(text).advance * size) / this.shaper.upem;
  }

  addPage(width: number, height: number): PdfPage {
    const page = new PdfPage(this, width, height);
    this.pages.push(page);
    return page;
  }

  noteGlyphs(glyphs: ShapedText['glyphs'], source: string): void {
    for (const g of glyphs) this.usedGlyphs.add(g.gid);
    if (glyphs.length === 1) {
      if (!this.glyphText.has(glyphs[0]!.gid)) this.glyphText.set(glyphs[0]!.gid, source);
      return;
    }
    // Several glyphs for one cluster: map those that are a character's own glyph.
    for (const g of glyphs) {
      if (this.glyphText.has(g.gid)) continue;
      const own = [...source].find((ch) => this.shaper.nominalGlyph(ch.codePointAt(0)!) === g.gid);
      if (own) this.glyphText.set(g.gid, own);
    }
  }

  toBuffer(): Buffer {
    const objects: (string | Buffer)[] = [];
    const add = (body: string | Buffer): number => objects.push(body);
    const stream = (dict: string, data: Buffer): Buffer => {
      const packed = deflateSync(data);
      return Buffer.concat([
        Buffer.from(`<< ${dict} /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`, 'latin1'),
        packed,
        Buffer.from('\nendstream', 'latin1'),
      ]);
    };
    const s = this.shaper;
    const k = 1000 / s.upem;
    const catalog = add('');
    const pagesRef = add('');
    const subset = subsetTrueType(s.fontBytes, this.usedGlyphs);
    const fontFile = add(stream(`/Length1 ${subset.length}`, subset));
    const descriptor = add(
      `<< /Type /FontDescriptor /FontName /HIMSRP+LohitDevanagari /Flags 32 /FontBBox [${s.bbox
        .map((v) => Math.round(v * k))
        .join(' ')}] /ItalicAngle 0 /Ascent ${Math.round(s.ascender * k)} /Descent ${Math.round(s.descender * k)} ` +
        `/CapHeight ${Math.round(s.ascender * k)} /StemV 80 /FontFile2 ${fontFile} 0 R >>`,
    );
    const gids = [...this.usedGlyphs].sort((a, b) => a - b);
    const widths = gids.map((g) => `${g} [${Math.round(s.glyphAdvance(g) * k)}]`).join(' ');
    const cid = add(
      `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /HIMSRP+LohitDevanagari ` +
        `/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> ` +
        `/FontDescriptor ${descriptor} 0 R /DW 500 /W [${widths}] /CIDToGIDMap /Identity >>`,
    );
    const toUnicode = add(stream('', Buffer.from(this.toUnicodeCMap(), 'latin1')));
    const font = add(
      `<< /Type /Font /Subtype /Type0 /BaseFont /HIMSRP+LohitDevanagari /Encoding /Identity-H ` +
        `/DescendantFonts [${cid} 0 R] /ToUnicode ${toUnicode} 0 R >>`,
    );
    const kids = this.pages.map((page) => {
      const content = add(stream('', Buffer.from(page.ops.join('\n'), 'latin1')));
      return add(
        `<< /Type /Page /Parent ${pagesRef} 0 R /MediaBox [0 0 ${num(page.width)} ${num(page.height)}] ` +
          `/Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`,
      );
    });
    objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesRef} 0 R >>`;
    objects[pagesRef - 1] = `<< /Type /Pages /Kids [${kids.map((p) => `${p} 0 R`).join(' ')}] /Count ${kids.length} >>`;
    const infoRef = add(
      `<< /Title <FEFF${utf16Hex(this.info.title)}> /Creator (${this.info.creator}) /Producer (${this.info.creator}) >>`,
    );

    const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
    let length = parts[0]!.length;
    const offsets: number[] = [];
    objects.forEach((body, i) => {
      offsets.push(length);
      const chunk = Buffer.concat([
        Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
        typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
        Buffer.from('\nendobj\n', 'latin1'),
      ]);
      parts.push(chunk);
      length += chunk.length;
    });
    const xref = [
      'xref',
      `0 ${objects.length + 1}`,
      '0000000000 65535 f ',
      ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
      'trailer',
      `<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${infoRef} 0 R >>`,
      'startxref',
      String(length),
      '%%EOF\n',
    ].join('\n');
    parts.push(Buffer.from(xref, 'latin1'));
    return Buffer.concat(parts);
  }

  private toUnicodeCMap(): string {
    const entries = [...this.glyphText.entries()].sort((a, b) => a[0] - b[0]);
    const lines = [
      '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
      '/CMapName /HIMSReport-UCS def /CMapType 2 def',
      '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    ];
    // A bfchar block holds at most 100 entries.
    for (let i = 0; i < entries.length; i += 100) {
      const block = entries.slice(i, i + 100);
      lines.push(`${block.length} beginbfchar`);
      for (const [gid, text] of block) lines.push(`<${hex4(gid)}> <${utf16Hex(text)}>`);
      lines.push('endbfchar');
    }
    lines.push('endcmap CMapName currentdict /CMap defineresource pop end end');
    return lines.join('\n');
  }
}
