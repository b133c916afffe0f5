// Text shaping for the report PDFs: HarfBuzz (harfbuzzjs, WebAssembly, no
// network) turns a string into positioned glyphs of the bundled Devanagari
// font, and keeps which source characters each glyph came from (its cluster),
// so the PDF can carry both the shaped glyphs and the words they show.
import { existsSync, readFileSync } from 'node:fs';
import { fontCandidates } from '../../printing/text-raster';

export interface ShapedGlyph {
  gid: number;
  /** Index into the source string (UTF-16) where this glyph's cluster starts. */
  cluster: number;
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** A shaped string in font units, glyphs in visual order. */
export interface ShapedText {
  text: string;
  glyphs: ShapedGlyph[];
  advance: number;
}

export interface Shaper {
  readonly fontBytes: Buffer;
  readonly upem: number;
  readonly ascender: number;
  readonly descender: number;
  readonly bbox: [number, number, number, number];
  shape(text: string): ShapedText;
  /** The glyph cmap gives a character, for mapping glyphs back to text. */
  nominalGlyph(codePoint: number): number | undefined;
  glyphAdvance(gid: number): number;
}

type HarfBuzz = typeof import('harfbuzzjs');

const CACHE_LIMIT = 20_000;
let loaded: Promise<Shaper> | null = null;

/** One shaper per process: the WebAssembly module and the font are loaded once. */
export function reportShaper(fontPath?: string): Promise<Shaper> {
  loaded ??= createShaper(fontPath);
  return loaded;
}

function headBbox(font: Buffer): [number, number, number, number] {
  const tables = font.readUInt16BE(4);
  for (let i = 0; i < tables; i++) {
    const at = 12 + i * 16;
    if (font.toString('latin1', at, at + 4) === 'head') {
      const head = font.readUInt32BE(at + 8);
      return [font.readInt16BE(head + 36), font.readInt16BE(head + 38), font.readInt16BE(head + 40), font.readInt16BE(head + 42)];
    }
  }
  throw new Error('the report font has no head table');
}

async function createShaper(fontPath?: string): Promise<Shaper> {
  const file = fontCandidates(fontPath).find((f) => existsSync(f));
  if (!file) throw new Error(`the report font is missing (looked in ${fontCandidates(fontPath).join(', ')})`);
  // An ES module with top-level await (it instantiates its .wasm from beside
  // itself): only a dynamic import can load it from the CommonJS main bundle.
  const hb: HarfBuzz = await import('harfbuzzjs');
  const fontBytes = readFileSync(file);
  const face = new hb.Face(new hb.Blob(fontBytes));
  const font = new hb.Font(face);
  const extents = font.hExtents();
  const cache = new Map<string, ShapedText>();
  return {
    fontBytes,
    upem: face.upem,
    ascender: extents.ascender,
    descender: extents.descender,
    bbox: headBbox(fontBytes),
    nominalGlyph: (codePoint) => font.nominalGlyph(codePoint),
    glyphAdvance: (gid) => font.glyphHAdvance(gid),
    shape(text) {
      const hit = cache.get(text);
      if (hit) return hit;
      const buffer = new hb.Buffer();
      buffer.addText(text);
      buffer.guessSegmentProperties();
      hb.shape(font, buffer);
      const positions = buffer.getGlyphPositions();
      const glyphs = buffer.getGlyphInfos().map((info, i) => ({
        gid: info.codepoint,
        cluster: info.cluster,
        xAdvance: positions[i]!.xAdvance,
        xOffset: positions[i]!.xOffset,
        yOffset: positions[i]!.yOffset,
      }));
      const shaped = { text, glyphs, advance: glyphs.reduce((sum, g) => sum + g.xAdvance, 0) };
      // Reports repeat the same few thousand strings; a long-running counter must not grow without end.
      if (cache.size > CACHE_LIMIT) cache.clear();
      cache.set(text, shaped);
      return shaped;
    },
  };
}
