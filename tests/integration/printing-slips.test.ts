// The kiosk's "go to the counter" notice and the e-health card on the thermal
// slip (docs/printing.md "Other slips"): a real core on a temp SQLite file,
// a loopback TCP printer, and the bytes decoded back into what the patient reads.
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open-database';
import { NOTICE_HEADING, NOTICE_MESSAGE, NOTICE_REASON } from '../../main/printing/notice-slip-layout';
import { fitQr } from '../../main/printing/qr-fit';
import { NOTICE_REPEAT_MS } from '../../main/printing/extra-jobs';
import { decodeEscPos } from '../support/escpos-decoder';
import { blackPixels, differingPixels, referenceRaster } from '../support/reference-raster';
import { FAST_PRINTING, printerPool, startPrintingCore } from '../support/printing-fixture';
import { tempDir, type TestCore } from '../support/temp-core';

let t: TestCore | undefined;
const printers = printerPool();
const printer = () => printers.start();
afterEach(async () => {
  t?.dispose();
  t = undefined;
  await printers.stopAll();
});

const startCore = () => startPrintingCore(FAST_PRINTING, { hospitalCode: 'LNH' });

async function usePrinter(core: TestCore, uri: string, paperWidth: 58 | 80 = 80) {
  await core.call('printers.saveSettings', {
    type: 'epson',
    paperWidth,
    interface: uri,
    fallbackInterface: null,
    characterSet: 'PC437_USA',
    statusQuery: 'gs_r',
    footer: null,
  });
}

describe('notice slip (kiosk: go to the counter)', () => {
  it('prints the heading as text, the Hindi message as a raster, the scanned id, and nothing looked up', async () => {
    t = startCore();
    const p = await printer();
    await usePrinter(t, p.uri);
    // A patient registered with that ABHA number: the notice still says nothing about her.
    await t.call('patients.register', { name: 'Gita Kashyap', gender: 'female', ageYears: 61, abhaNumber: '55-6677-8899-0011' });
    const job = await t.call('print.notice', { reason: 'unknown', scannedId: '55-6677-8899-0011' });
    expect(job).toMatchObject({ kind: 'notice', status: 'queued', tokenId: null });
    await p.waitForJobs(1);
    const slip = decodeEscPos(p.jobs[0]!);
    expect(slip.lines.find((l) => l.text === NOTICE_HEADING)).toMatchObject({ bold: true, widthScale: 2, align: 'center' });
    expect(slip.texts).toEqual(expect.arrayContaining(['Lok Nayak Hospital', NOTICE_MESSAGE.en, NOTICE_REASON.unknown.en]));
    expect(slip.texts.find((l) => l.startsWith('Scanned'))).toMatch(/55-6677-8899-0011$/);
    expect(slip.texts.find((l) => l.startsWith('Kiosk'))).toMatch(/Counter B$/);
    expect(slip.texts.find((l) => l.startsWith('Date'))).toMatch(/\d{2}-\d{2}-\d{4} \d{2}:\d{2}$/);
    expect(slip.texts.join('\n')).not.toContain('Gita');
    expect(slip.images).toHaveLength(2);
    expect(differingPixels(slip.images[0]!, referenceRaster(NOTICE_MESSAGE.hi, 576, 'tall', 'center', true))).toBe(0);
    expect(blackPixels(slip.images[0]!)).toBeGreaterThan(300);
    expect(differingPixels(slip.images[1]!, referenceRaster(NOTICE_REASON.unknown.hi, 576, 'normal', 'center', false))).toBe(0);
    expect(slip.cuts).toBe(1);
  });

  it('prints one notice for a card scanned again and again at the kiosk, not a roll of them', async () => {
    t = startCore();
    const p = await printer();
    await usePrinter(t, p.uri);
    const first = await t.call('print.notice', { reason: 'unknown', scannedId: 'ram@abdm' });
    t.clock.advance(10_000);
    expect(await t.call('print.notice', { reason: 'unknown', scannedId: 'ram@abdm' })).toMatchObject({ id: first.id });
    const other = await t.call('print.notice', { reason: 'unknown', scannedId: 'sita@abdm' });
    expect(other.id).not.toBe(first.id);
    t.clock.advance(NOTICE_REPEAT_MS);
    const later = await t.call('print.notice', { reason: 'unknown', scannedId: 'ram@abdm' });
    expect(later.id).not.toBe(first.id);
    await p.waitForJobs(3);
    expect(t.count('print_jobs')).toBe(3);
    // A notice that failed to print is no reason to print nothing: the next scan queues a new one.
    t.core.db.prepare("UPDATE print_jobs SET status = 'failed' WHERE id = ?").run(later.id);
    const retried = await t.call('print.notice', { reason: 'unknown', scannedId: 'ram@abdm' });
    expect(retried.id).not.toBe(later.id);
    await p.waitForJobs(4);
  });

  it('a refused card gets a notice without an id; bad input is a typed 4xx and queues nothing', async () => {
    t = startCore();
    expect(await t.fail('print.notice', { reason: 'unknown' })).toMatchObject({ code: 'CONFLICT', field: 'interface' });
    const p = await printer();
    await usePrinter(t, p.uri, 58);
    expect(await t.fail('print.notice', { reason: 'lost' })).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reason' });
    expect(await t.fail('print.notice', { reason: 'unknown', scannedId: '<script>alert(1)</script>' })).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'scannedId',
    });
    expect(await t.fail('print.notice', { reason: 'unknown', scannedId: 'x'.repeat(65) })).toMatchObject({ field: 'scannedId' });
    expect(await t.fail('print.notice', { reason: 'unknown', name: 'Gita' })).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(t.count('print_jobs')).toBe(0);
    await t.call('print.notice', { reason: 'refused', scannedId: null });
    await p.waitForJobs(1);
    const slip = decodeEscPos(p.jobs[0]!);
    expect(slip.texts.join(' ')).toContain(NOTICE_REASON.refused.en); // folded at 32 columns
    expect(slip.lines.find((l) => l.text === NOTICE_HEADING)).toMatchObject({ widthScale: 2 });
    expect(slip.texts.some((l) => l.startsWith('Scanned'))).toBe(false);
    expect(slip.images[0]!.width).toBe(384);
  });
});

describe('card slip (the e-health card on thermal paper)', () => {
  it('prints a QR that the cards parser verifies as this hospital’s card for that patient, reusing the current card', async () => {
    t = startCore();
    const p = await printer();
    await usePrinter(t, p.uri);
    const sita = await t.call('patients.register', {
      name: 'सीता देवी',
      gender: 'female',
      ageYears: 67,
      abhaNumber: '91-2345-6789-0123',
    });
    const first = await t.call('cards.printSlip', { patientId: sita.id });
    expect(first).toMatchObject({ issued: true, job: { kind: 'card', status: 'queued' } });
    await p.waitForJobs(1);
    const slip = decodeEscPos(p.jobs[0]!);
    expect(slip.texts).toEqual(expect.arrayContaining(['Lok Nayak Hospital', 'E-HEALTH CARD']));
    expect(slip.texts.find((l) => l.startsWith('UHID'))).toContain(sita.uhid);
    expect(slip.texts.find((l) => l.startsWith('Age/Sex'))).toMatch(/67 Y \/ F$/);
    expect(slip.images.some((img) => differingPixels(img, referenceRaster('सीता देवी', 576, 'tall', 'left', true)) === 0)).toBe(
      true,
    );
    // The compact card first (what the counters' scanners read), then the SMART Health Card.
    const [compactQr, qr] = slip.qr;
    expect(compactQr).toMatch(/^HHC1:/);
    expect(qr).toMatch(/^shc:\/\d+$/);
    expect((await t.call('cards.resolve', { text: compactQr! })).card).toMatchObject({
      kind: 'hospital_card',
      cardId: first.cardId,
    });
    const qrItem = slip.items.find((i) => i.kind === 'qr' && i.data === qr) as { cellSize: number };
    expect(qrItem.cellSize).toBe(fitQr(qr!, 576).cellSize);
    expect(qrItem.cellSize).toBeGreaterThanOrEqual(3);

    const resolved = await t.call('cards.resolve', { text: qr! });
    expect(resolved).toMatchObject({
      verification: { state: 'verified', issuer: 'https://hims.lnh.hospital/cards' },
      matchedBy: 'card_id',
      patient: { id: sita.id },
      card: { kind: 'shc', cardId: first.cardId, name: 'सीता देवी', abhaNumber: '91-2345-6789-0123' },
    });

    // Again: the same card, not a new one.
    const again = await t.call('cards.printSlip', { patientId: sita.id });
    expect(again).toMatchObject({ issued: false, cardId: first.cardId });
    await p.waitForJobs(2);
    expect(decodeEscPos(p.jobs[1]!).qr).toEqual([compactQr, qr]);
    expect(t.count('issued_cards')).toBe(1);

    // A reissue supersedes: the slip now carries the new card, the old QR is refused.
    const reissued = await t.call('cards.issue', { patientId: sita.id });
    expect(await t.call('cards.printSlip', { patientId: sita.id })).toMatchObject({ issued: false, cardId: reissued.id });
    await p.waitForJobs(3);
    expect(decodeEscPos(p.jobs[2]!).qr).toEqual([reissued.compactQr, reissued.qr]);
    for (const old of [compactQr, qr]) {
      expect(await t.fail('cards.resolve', { text: old! })).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { reason: 'superseded' },
      });
    }
    const audit = t.core.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'card.%' ORDER BY seq").all() as {
      action: string;
    }[];
    expect(audit.map((a) => a.action)).toEqual(['card.issue', 'card.print', 'card.print', 'card.issue', 'card.print']);
  });

  it('fits the QR at 58 mm; no printer issues no card; an unknown patient is NOT_FOUND', async () => {
    t = startCore();
    const ram = await t.call('patients.register', {
      name: 'Ram Kumar',
      gender: 'male',
      ageYears: 45,
      abhaAddress: 'ram.kumar@abdm',
    });
    expect(await t.fail('cards.printSlip', { patientId: ram.id })).toMatchObject({ code: 'CONFLICT', field: 'interface' });
    expect(t.count('issued_cards')).toBe(0);
    const p = await printer();
    await usePrinter(t, p.uri, 58);
    expect(await t.fail('cards.printSlip', { patientId: '00000000-0000-4000-8000-00000000dead' })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await t.fail('cards.printSlip', { patientId: 'nope' })).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'patientId',
    });
    await t.call('cards.printSlip', { patientId: ram.id });
    await p.waitForJobs(1);
    const slip = decodeEscPos(p.jobs[0]!);
    // Both QRs of the card: the compact one the counters' scanners read, then the SMART Health Card.
    const qrs = slip.items.filter((i) => i.kind === 'qr') as { data: string; cellSize: number }[];
    expect(qrs.map((q) => q.data.slice(0, 5))).toEqual(['HHC1:', 'shc:/']);
    for (const qr of qrs) {
      const fit = fitQr(qr.data, 384);
      expect(qr.cellSize).toBe(fit.cellSize);
      expect((fit.modules + 8) * fit.cellSize).toBeLessThanOrEqual(384);
      expect((await t.call('cards.resolve', { text: qr.data })).patient).toMatchObject({ id: ram.id });
    }
  });
});

describe('notice and card slips in the persistent queue', () => {
  it('survive a dead printer and print once, in order, when it comes back', async () => {
    t = startCore();
    const p = await printer();
    await usePrinter(t, p.uri);
    await p.stop();
    const ram = await t.call('patients.register', { name: 'Ram Kumar', gender: 'male', ageYears: 45 });
    await t.call('print.notice', { reason: 'unknown', scannedId: 'ram@abdm' });
    const token = await t.call('tokens.issue', { patientId: ram.id, departmentCode: 'MED' });
    const card = await t.call('cards.printSlip', { patientId: ram.id });
    await t.call('print.notice', { reason: 'unverified' });
    const failed = await (async () => {
      for (let i = 0; i < 250; i++) {
        const [head] = await t.call('print.jobs', { status: 'failed' });
        if (head) return head;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error('the first job never failed');
    })();
    expect(failed).toMatchObject({ kind: 'notice', errorCode: 'connection_refused', retryAt: expect.any(String) });
    await p.start();
    await p.waitForJobs(4, 10_000);
    const printed = p.jobs.map((bytes) => decodeEscPos(bytes));
    expect(printed[0]!.texts.find((l) => l.startsWith('Scanned'))).toMatch(/ram@abdm$/);
    expect(printed[1]!.texts).toContain(token.label);
    expect((await t.call('cards.resolve', { text: printed[2]!.qr[0]! })).card.cardId).toBe(card.cardId);
    expect(printed[3]!.texts).toContain(NOTICE_REASON.unverified.en);
    await new Promise((r) => setTimeout(r, 150));
    expect(p.jobs).toHaveLength(4);
    const jobs = await t.call('print.jobs', {});
    expect(jobs.map((j) => `${j.kind}:${j.status}`).reverse()).toEqual(['notice:sent', 'slip:sent', 'card:sent', 'notice:sent']);
  });

  it('migration 0060 keeps the jobs of a version-50 queue and lets new kinds in', () => {
    const dir = tempDir();
    const file = `${dir}/counter.sqlite`;
    const old = openDatabase(file, { targetVersion: 50 });
    old
      .prepare(
        "INSERT INTO print_jobs (id, kind, status, actor, created_at, updated_at) VALUES ('j1', 'test', 'sent', 'test', '2026-01-01', '2026-01-01')",
      )
      .run();
    expect(() =>
      old
        .prepare(
          "INSERT INTO print_jobs (id, kind, status, actor, created_at, updated_at) VALUES ('j2', 'notice', 'queued', 'a', 'x', 'x')",
        )
        .run(),
    ).toThrow(/CHECK/);
    old.close();
    const db = openDatabase(file);
    expect(db.prepare('SELECT id, kind, status, payload FROM print_jobs').all()).toEqual([
      { id: 'j1', kind: 'test', status: 'sent', payload: null },
    ]);
    db.prepare(
      "INSERT INTO print_jobs (id, kind, status, actor, created_at, updated_at, payload) VALUES ('j2', 'notice', 'queued', 'a', 'x', 'x', '{}')",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO print_jobs (id, kind, status, actor, created_at, updated_at, payload) VALUES ('j3', 'card', 'queued', 'a', 'x', 'x', 'not json')",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
