// A TrueType subset for embedding: only the glyphs a report draws (and the
// glyphs those are composed of) keep their outlines, each at its own glyph id,
// so the PDF's codes need no remapping. The shaping tables (GSUB, GPOS, GDEF)
// and glyph names go: shaping is done before the PDF is written. The whole
// Lohit Devanagari is 155 KB; a report's subset is a few KB.

/** Tables a PDF reader needs to draw glyphs of an embedded TrueType font. */
const KEPT = new Set(['head', 'hhea', 'maxp', 'hmtx', 'loca', 'glyf', 'cvt ', 'fpgm', 'prep', 'OS/2', 'name', 'cmap']);

interface TableRecord {
  tag: string;
  offset: number;
  length: number;
}

function tables(font: Buffer): Map<string, TableRecord> {
  const found = new Map<string, TableRecord>();
  for (let i = 0; i < font.readUInt16BE(4); i++) {
    const at = 12 + i * 16;
    const tag = font.toString('latin1', at, at + 4);
    found.set(tag, { tag, offset: font.readUInt32BE(at + 8), length: font.readUInt32BE(at + 12) });
  }
  return found;
}

function tableOf(found: Map<string, TableRecord>, tag: string): TableRecord {
  const table = found.get(tag);
  if (!table) throw new Error(`the report font has no ${tag} table`);
  return table;
}

/** Composite glyph flags (OpenType glyf). */
const ARGS_ARE_WORDS = 0x0001;
const HAS_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const HAS_XY_SCALE = 0x0040;
const HAS_2X2 = 0x0080;

function components(glyph: Buffer): number[] {
  if (glyph.length < 10 || glyph.readInt16BE(0) >= 0) return [];
  const found: number[] = [];
  let at = 10;
  let flags: number;
  do {
    flags = glyph.readUInt16BE(at);
    found.push(glyph.readUInt16BE(at + 2));
    at += 4 + (flags & ARGS_ARE_WORDS ? 4 : 2);
    if (flags & HAS_SCALE) at += 2;
    else if (flags & HAS_XY_SCALE) at += 4;
    else if (flags & HAS_2X2) at += 8;
  } while (flags & MORE_COMPONENTS);
  return found;
}

function checksum(data: Buffer): number {
  let sum = 0;
  const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

export function subsetTrueType(font: Buffer, used: Iterable<number>): Buffer {
  const found = tables(font);
  const head = tableOf(found, 'head');
  const glyf = tableOf(found, 'glyf');
  const loca = tableOf(found, 'loca');
  const numGlyphs = font.readUInt16BE(tableOf(found, 'maxp').offset + 4);
  const longOffsets = font.readInt16BE(head.offset + 50) === 1;
  const offsetOf = (gid: number) =>
    longOffsets ? font.readUInt32BE(loca.offset + gid * 4) : font.readUInt16BE(loca.offset + gid * 2) * 2;
  const glyphData = (gid: number) => font.subarray(glyf.offset + offsetOf(gid), glyf.offset + offsetOf(gid + 1));

  // Glyph 0 (.notdef) always stays; composites bring the glyphs they draw from.
  const keep = new Set<number>();
  const queue = [0, ...used].filter((g) => g < numGlyphs);
  while (queue.length) {
    const gid = queue.pop()!;
    if (keep.has(gid)) continue;
    keep.add(gid);
    for (const part of components(glyphData(gid))) if (!keep.has(part)) queue.push(part);
  }

  const pieces: Buffer[] = [];
  const offsets: number[] = [];
  let size = 0;
  for (let gid = 0; gid < numGlyphs; gid++) {
    offsets.push(size);
    if (!keep.has(gid)) continue;
    const data = glyphData(gid);
    // Short loca offsets count 2-byte words: every glyph starts on an even byte.
    const padded = Buffer.concat([data, Buffer.alloc(data.length % 2)]);
    pieces.push(padded);
    size += padded.length;
  }
  offsets.push(size);
  const newGlyf = Buffer.concat(pieces);
  const newLoca = Buffer.alloc(offsets.length * (longOffsets ? 4 : 2));
  offsets.forEach((o, i) => (longOffsets ? newLoca.writeUInt32BE(o, i * 4) : newLoca.writeUInt16BE(o / 2, i * 2)));

  const kept = [...found.values()]
    .filter((t) => KEPT.has(t.tag))
    .sort((a, b) => (a.tag < b.tag ? -1 : 1))
    .map((t) => ({
      tag: t.tag,
      data: t.tag === 'glyf' ? newGlyf : t.tag === 'loca' ? newLoca : Buffer.from(font.subarray(t.offset, t.offset + t.length)),
    }));
  const headTable = kept.find((t) => t.tag === 'head')!.data;
  headTable.writeUInt32BE(0, 8); // checkSumAdjustment, set once the whole font is known

  const n = kept.length;
  const power = 2 ** Math.floor(Math.log2(n));
  const directory = Buffer.alloc(12 + n * 16);
  directory.writeUInt32BE(0x00010000, 0);
  directory.writeUInt16BE(n, 4);
  directory.writeUInt16BE(power * 16, 6);
  directory.writeUInt16BE(Math.log2(power), 8);
  directory.writeUInt16BE(n * 16 - power * 16, 10);
  let offset = directory.length;
  const body: Buffer[] = [];
  kept.forEach((t, i) => {
    const at = 12 + i * 16;
    directory.write(t.tag, at, 'latin1');
    directory.writeUInt32BE(checksum(t.data), at + 4);
    directory.writeUInt32BE(offset, at + 8);
    directory.writeUInt32BE(t.data.length, at + 12);
    const padded = Buffer.concat([t.data, Buffer.alloc((4 - (t.data.length % 4)) % 4)]);
    body.push(padded);
    offset += padded.length;
  });
  const subset = Buffer.concat([directory, ...body]);
  const headAt = directory.readUInt32BE(12 + kept.findIndex((t) => t.tag === 'head') * 16 + 8);
  subset.writeUInt32BE((0xb1b0afba - checksum(subset)) >>> 0, headAt + 8);
  return subset;
}
