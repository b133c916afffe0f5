// Slip layout → ESC/POS bytes → decoded back: what the patient would read.
// The Hindi lines are compared pixel for pixel with an independent render of
// the same text in the bundled font at the same size.
import { describe, expect, it } from 'vitest';
import type { Token } from '../../preload/contract/records';
import { encodeSlip } from '../../main/printing/escpos-encoder';
import { buildSlipLayout, type SlipInput } from '../../main/printing/slip-layout';
import { decodeEscPos, imageToAscii, type DecodedImage } from '../support/escpos-decoder';
import { blackPixels, differingPixels, referenceRaster as reference } from '../support/reference-raster';

const TOKEN: Token = {
  id: '6f1c2b1e-3d4a-4c5b-8e9f-0a1b2c3d4e5f',
  label: 'B-017',
  number: 17,
  counterLetter: 'B',
  departmentCode: 'EYE',
  departmentNameEn: 'Ophthalmology',
  departmentNameHi: 'नेत्र रोग',
  room: '205',
  visitDate: '2026-11-25',
  patientId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  patientName: 'सीता देवी',
  patientUhid: 'LNH-B26-000173-4',
  priority: 'senior',
  visitType: 'follow_up',
  feeCategory: 'bpl',
  status: 'issued',
  issuedAt: '2026-11-25T04:30:00.000Z',
  cancelledAt: null,
  cancelReason: null,
  transferredFromId: null,
  transferredToId: null,
  mlc: null,
  version: 1,
  queueAt: '2026-11-25T04:30:00.000Z',
  assignedRoom: null,
  callRoom: null,
  calledAt: null,
  firstCalledAt: null,
  callCount: 0,
};

function slip(overrides: Partial<SlipInput> = {}, patientName = 'सीता देवी'): SlipInput {
  return {
    token: TOKEN,
    patient: { name: patientName, uhid: TOKEN.patientUhid, ageYears: 67, ageMonths: 0, gender: 'female' },
    hospitalName: 'Lok Nayak Hospital',
    timeZone: 'Asia/Kolkata',
    clerk: 'counter-page',
    paperWidth: 80,
    footer: 'Helpline 1800-11-2233',
    duplicate: false,
    ...overrides,
  };
}

describe('token slip layout', () => {
  it('writes a child’s age in years and months and an infant’s in months, as the paediatric OPD reads it', () => {
    const ageLine = (ageYears: number, ageMonths: number) =>
      buildSlipLayout(slip({ patient: { name: 'Baby of Rekha', uhid: TOKEN.patientUhid, ageYears, ageMonths, gender: 'male' } }))
        .blocks.filter((b) => b.kind === 'pair' && b.left === 'Age/Sex')
        .map((b) => (b.kind === 'pair' ? b.right : ''));
    expect(ageLine(0, 0)).toEqual(['<1 M / M']);
    expect(ageLine(0, 5)).toEqual(['5 M / M']);
    expect(ageLine(2, 3)).toEqual(['2 Y 3 M / M']);
    expect(ageLine(3, 0)).toEqual(['3 Y / M']);
    expect(ageLine(5, 7)).toEqual(['5 Y / M']);
  });

  it('carries everything the patient and the OPD need, for both paper widths', () => {
    for (const paperWidth of [58, 80] as const) {
      const layout = buildSlipLayout(slip({ paperWidth }));
      expect(layout).toMatchObject(paperWidth === 58 ? { dots: 384, columns: 32 } : { dots: 576, columns: 48 });
      const texts = layout.blocks.flatMap((b) =>
        b.kind === 'text' ? [b.text] : b.kind === 'pair' ? [`${b.left}: ${b.right}`] : [],
      );
      expect(texts).toEqual([
        'Lok Nayak Hospital',
        'OPD TOKEN',
        'B-017',
        'Ophthalmology',
        'नेत्र रोग',
        'Room 205',
        'सीता देवी',
        'UHID: LNH-B26-000173-4',
        'Age/Sex: 67 Y / F',
        'Visit: Follow-up',
        'Priority: Senior citizen',
        'Fee: BPL',
        'Date: 25-11-2026 10:00',
        'Counter: B',
        'Clerk: counter-page',
        'Helpline 1800-11-2233',
      ]);
      expect(layout.blocks.find((b) => b.kind === 'text' && b.text === 'B-017')).toMatchObject({ size: 'huge', bold: true });
      expect(layout.blocks.filter((b) => b.kind === 'qr')).toEqual([
        { kind: 'qr', data: `urn:uuid:${TOKEN.id}`, cellSize: paperWidth === 58 ? 5 : 6 },
      ]);
      expect(layout.blocks.at(-1)).toEqual({ kind: 'cut' });
    }
  });

  it('marks a reprint DUPLICATE with when it was reprinted', () => {
    const layout = buildSlipLayout(slip({ duplicate: true, printedAt: new Date('2026-11-25T06:45:00Z') }));
    expect(layout.duplicate).toBe(true);
    expect(layout.blocks.slice(1, 3)).toMatchObject([
      { kind: 'text', text: 'DUPLICATE', inverse: true },
      { kind: 'text', text: 'Reprinted 25-11-2026 12:15' },
    ]);
  });
});

describe('ESC/POS encoding (decoded back)', () => {
  it('prints an English-only slip entirely as printer text, with the code page set explicitly', async () => {
    const bytes = await encodeSlip(buildSlipLayout(slip({ token: { ...TOKEN, departmentNameHi: 'Eye' } }, 'Sita Devi')), {
      type: 'epson',
      characterSet: 'PC437_USA',
    });
    const job = decodeEscPos(bytes);
    expect(job.unknown).toEqual([]);
    expect(job.codePage).toBe(0);
    expect(job.images).toEqual([]);
    expect(job.texts).toContain('Sita Devi');
    expect(job.lines.find((l) => l.text === 'B-017')).toMatchObject({
      widthScale: 4,
      heightScale: 4,
      bold: true,
      align: 'center',
    });
    expect(job.lines.find((l) => l.text === 'Ophthalmology')).toMatchObject({ heightScale: 2, widthScale: 1, align: 'center' });
    expect(job.texts.find((t) => t.startsWith('UHID'))).toMatch(/^UHID {2,}LNH-B26-000173-4$/);
    expect(job.qr).toEqual([`urn:uuid:${TOKEN.id}`]);
    expect(job.cuts).toBe(1);
    // ESC t comes before any text, right after ESC @ (which would reset it).
    expect([...bytes.subarray(0, 5)]).toEqual([0x1b, 0x40, 0x1b, 0x74, 0x00]);
  });

  it('prints the label as text and the Hindi name and department as rasters matching the font', async () => {
    for (const paperWidth of [58, 80] as const) {
      const dots = paperWidth === 58 ? 384 : 576;
      const job = decodeEscPos(
        await encodeSlip(buildSlipLayout(slip({ paperWidth })), { type: 'epson', characterSet: 'PC437_USA' }),
      );
      expect(job.lines.find((l) => l.text === 'B-017')).toMatchObject({ widthScale: 4, heightScale: 4 });
      expect(job.texts.join('\n')).not.toMatch(/\?|\p{Script=Devanagari}/u); // no '?' for an unprintable character, no Devanagari sent as text
      expect(job.images).toHaveLength(2);
      const [department, name] = job.images as [DecodedImage, DecodedImage];
      expect(blackPixels(name)).toBeGreaterThan(200);
      expect(differingPixels(department, reference('नेत्र रोग', dots, 'tall', 'center', true)), imageToAscii(department)).toBe(0);
      expect(differingPixels(name, reference('सीता देवी', dots, 'tall', 'left', true)), imageToAscii(name)).toBe(0);
      // …and the comparison can fail: another name differs in hundreds of pixels.
      expect(differingPixels(name, reference('गीता देवी', dots, 'tall', 'left', true))).toBeGreaterThan(50);
    }
  });

  it("prints the hospital's and the room's Devanagari names under the English ones, as rasters", async () => {
    const casualty = { ...TOKEN, departmentCode: 'CAS', room: 'Casualty' };
    const layout = buildSlipLayout(slip({ token: casualty, hospitalNameHi: 'लोक नायक अस्पताल', roomHi: 'कैजुअल्टी' }));
    const job = decodeEscPos(await encodeSlip(layout, { type: 'epson', characterSet: 'PC437_USA' }));
    expect(job.texts).toContain('Lok Nayak Hospital');
    expect(job.texts).toContain('Room Casualty');
    const [hospital, , room] = job.images as [DecodedImage, DecodedImage, DecodedImage];
    expect(job.images).toHaveLength(4); // hospital, department, room, name
    expect(differingPixels(hospital, reference('लोक नायक अस्पताल', 576, 'normal', 'center', true)), imageToAscii(hospital)).toBe(
      0,
    );
    expect(differingPixels(room, reference('कमरा कैजुअल्टी', 576, 'tall', 'center', false)), imageToAscii(room)).toBe(0);
  });

  it('sends any non-ASCII line (₹, accented Latin) as a raster, never as text', async () => {
    const layout = buildSlipLayout(slip({ footer: 'OPD fee ₹10' }, 'Zoë Fernandes'));
    const job = decodeEscPos(await encodeSlip(layout, { type: 'epson', characterSet: 'PC858_EURO' }));
    expect(job.codePage).toBe(19);
    expect(job.texts.some((t) => t.includes('Zo') || t.includes('₹'))).toBe(false);
    expect(job.images).toHaveLength(3); // department (Hindi), name, footer
  });

  it('speaks STAR too: label text, Hindi rasters, QR and cut', async () => {
    const job = decodeEscPos(
      await encodeSlip(buildSlipLayout(slip({ paperWidth: 58 })), { type: 'star', characterSet: 'PC437_USA' }),
      'star',
    );
    expect(job.unknown).toEqual([]);
    expect(job.lines.find((l) => l.text === 'B-017')).toMatchObject({ widthScale: 4, heightScale: 4 });
    expect(job.images.map((i) => i.width)).toEqual([384, 384]);
    expect(job.qr).toEqual([`urn:uuid:${TOKEN.id}`]);
    expect(job.cuts).toBe(1);
  });
});
