// The report PDFs say every figure the screen shows, in full, and in Hindi
// their text copies as the words printed: each PDF is read back with
// poppler's pdftotext (as a clerk's search or copy would), never by looking
// at how we wrote it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reportPdf } from '../../main/reports/report-pdf';
import { rupees } from '../../preload/contract/money';
import { startTestCore, type TestCore } from '../support/temp-core';

let t: TestCore | undefined;
afterEach(() => t?.dispose());

function pdfFile(base64: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'report-pdf-')), 'report.pdf');
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return file;
}

const pdfText = (base64: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile(base64), '-'], { encoding: 'utf8' });

/** Every word of every heading, in the order the PDF may have wrapped them. */
const words = (texts: string[]) => texts.flatMap((text) => text.split(' '));

async function seededCounter(): Promise<TestCore> {
  const core = startTestCore({ counterLetter: 'B' });
  core.clock.current = new Date('2026-11-26T02:30:00.000Z');
  // Fees over ₹1,000 so every money column has four-figure amounts and more.
  await core.call('fees.saveSchedule', {
    departmentCode: 'MED',
    newPaise: 1_250_00,
    revisitPaise: 1_100_00,
    followUpPaise: 0,
    validityDays: 0,
  });
  await core.call('fees.saveSchedule', {
    departmentCode: 'ORTHO',
    newPaise: 2_345_50,
    revisitPaise: 2_000_00,
    followUpPaise: 0,
    validityDays: 0,
  });
  for (let i = 0; i < 12; i++) {
    const patient = await core.call('patients.register', {
      name: `Patient ${i}`,
      gender: i % 2 ? 'male' : 'female',
      ageYears: 20 + i,
    });
    const departmentCode = i % 3 === 0 ? 'ORTHO' : 'MED';
    const amountPaise = departmentCode === 'MED' ? 1_250_00 : 2_345_50;
    const token = await core.call('tokens.issue', {
      patientId: patient.id,
      departmentCode,
      visitType: 'new',
      priority: 'none',
      feeCategory: 'general',
      payment: { method: i % 2 ? 'upi' : 'cash', amountPaise },
    });
    if (i === 5) await core.call('tokens.cancel', { tokenId: token.id, reason: 'Left the queue' });
    if (i === 7) await core.call('tokens.transfer', { tokenId: token.id, departmentCode: 'EYE' });
    core.clock.advance(7 * 60_000);
  }
  return core;
}

describe('report PDFs', () => {
  it('print every fee figure and heading in full, in English and in Hindi', async () => {
    t = await seededCounter();
    const range = { from: '2026-11-26', to: '2026-11-26' };
    const fees = await t.call('reports.fees', range);
    expect(fees.totals.collectedPaise).toBeGreaterThan(1_000_00); // over ₹1,000: the figures that were cut
    const figures = [fees.totals, ...fees.byCategory, ...fees.byCounter, ...fees.byClerk, ...fees.byDay].flatMap((f) => [
      rupees(f.scheduledPaise),
      rupees(f.waivedPaise),
      rupees(f.collectedPaise),
      rupees(f.refundedPaise),
      rupees(f.netPaise),
      String(f.charges),
      String(f.receipts),
    ]);
    figures.push(...fees.byMethod.flatMap((m) => [rupees(m.collectedPaise), String(m.receipts)]));
    const headings = {
      en: ['Fees asked', 'Asked (Rs)', 'Waived (Rs)', 'Receipts', 'Collected (Rs)', 'Refunds', 'Refunded (Rs)', 'Net (Rs)'],
      hi: ['शुल्क माँगे', 'माँगा (रु)', 'माफ़ (रु)', 'रसीदें', 'वसूला (रु)', 'लौटाया (रु)', 'शुद्ध (रु)'],
    };
    for (const language of ['en', 'hi'] as const) {
      const text = pdfText((await t.call('reports.export', { report: 'fees', ...range, format: 'pdf', language })).base64);
      const tokens = new Set(text.split(/\s+/));
      for (const figure of figures) expect(tokens, `${language}: ${figure}`).toContain(figure);
      for (const word of words(headings[language])) expect(tokens, `${language}: ${word}`).toContain(word);
      expect(text).not.toContain('…');
    }
  });

  it('print every census figure and heading in full, in English and in Hindi', async () => {
    t = await seededCounter();
    const range = { from: '2026-11-26', to: '2026-11-26' };
    const census = await t.call('reports.census', range);
    const figures = census.byDepartment.flatMap((d) => [
      d.tokens,
      d.newVisits,
      d.followUps,
      d.male,
      d.female,
      d.cancelled,
      d.transferred,
    ]);
    figures.push(census.totals.tokens, census.totals.transferred, census.totals.cancelled);
    const headings = {
      en: ['Department', 'Tokens', 'New visits', 'Follow-up visits', 'Cancelled', 'Transferred out'],
      hi: ['विभाग', 'टोकन', 'नई विज़िट', 'फ़ॉलो-अप विज़िट', 'रद्द', 'दूसरे विभाग भेजे'],
    };
    for (const language of ['en', 'hi'] as const) {
      const text = pdfText((await t.call('reports.export', { report: 'census', ...range, format: 'pdf', language })).base64);
      const tokens = new Set(text.split(/\s+/));
      for (const figure of figures) expect(tokens, `${language}: ${figure}`).toContain(String(figure));
      for (const word of words(headings[language])) expect(tokens, `${language}: ${word}`).toContain(word);
      expect(text).not.toContain('…');
    }
  });

  it('give a Hindi text layer that copies and searches as the words printed', async () => {
    t = await seededCounter();
    const range = { from: '2026-11-26', to: '2026-11-26' };
    const census = pdfText(
      (await t.call('reports.export', { report: 'census', ...range, format: 'pdf', language: 'hi' })).base64,
    );
    // Conjuncts (न्य, त्स, स्थ, द्द), a reordered matra (ि) and marks below (ु, ृ) come back as typed.
    for (const words of ['सामान्य चिकित्सा', 'अस्थि रोग', 'रद्द', 'प्राथमिकता', 'कुल', 'नए पंजीकृत मरीज़', 'आयु वर्ग'])
      expect(census).toContain(words);
    const fees = pdfText((await t.call('reports.export', { report: 'fees', ...range, format: 'pdf', language: 'hi' })).base64);
    for (const words of ['शुल्क श्रेणी के अनुसार', 'क्लर्कवार', 'भुगतान के तरीके के अनुसार']) expect(fees).toContain(words);
  });

  it('turn landscape, and smaller past that, for a table no portrait page holds', async () => {
    const wide = (columns: number) => ({
      title: 'Wide',
      lines: [],
      tables: [
        {
          title: 'Per day',
          columns: ['Day', ...Array.from({ length: columns }, (_, i) => `Collected by clerk ${i + 1} (Rs)`)],
          rows: [['2026-11-26', ...Array.from({ length: columns }, (_, i) => 123_456_789_00 + i)]],
          money: Array.from({ length: columns }, (_, i) => i + 1),
        },
      ],
    });
    for (const columns of [9, 16]) {
      const file = pdfFile((await reportPdf(wide(columns))).toString('base64'));
      expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+841.89 x 595.28 pts/);
      const tokens = new Set(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split(/\s+/));
      for (let i = 0; i < columns; i++) expect(tokens, `${columns} columns`).toContain(rupees(123_456_789_00 + i));
    }
  });

  it('embed only the glyphs they draw, and a reader draws them', async () => {
    t = await seededCounter();
    const range = { from: '2026-11-26', to: '2026-11-26' };
    const base64 = (await t.call('reports.export', { report: 'census', ...range, format: 'pdf', language: 'hi' })).base64;
    const file = pdfFile(base64);
    // The font is 155 KB; the census uses a few dozen of its glyphs.
    expect(Buffer.from(base64, 'base64').length).toBeLessThan(40_000);
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(
      /\+LohitDevanagari\s+CID TrueType\s+Identity-H\s+yes yes yes/,
    );
    const page = spawnSync('pdftoppm', ['-r', '40', '-gray', '-f', '1', '-l', '1', file]);
    expect(page.stderr.toString()).toBe('');
    // A binary PGM: a text header, then one byte per pixel.
    const [, width, height] = /^P5\s+(\d+)\s+(\d+)/.exec(page.stdout.toString('latin1', 0, 32))!;
    const pixels = page.stdout.subarray(page.stdout.length - Number(width) * Number(height));
    const dark = pixels.filter((v) => v < 128).length;
    expect(dark).toBeGreaterThan(2000);
  });
});
