// The print queue end to end: a real core on a temp SQLite file, tokens
// issued through the registry, a loopback TCP printer capturing the bytes,
// and those bytes decoded back into what the patient reads.
import { afterEach, describe, expect, it } from 'vitest';
import type { PrintJob } from '../../preload/contract/methods/printing-methods';
import { decodeEscPos } from '../support/escpos-decoder';
import { blackPixels, differingPixels, referenceRaster } from '../support/reference-raster';
import { printerPool, startPrintingCore } from '../support/printing-fixture';
import type { TestCore } from '../support/temp-core';

let t: TestCore | undefined;
const printers = printerPool();
const printer = () => printers.start();
afterEach(async () => {
  t?.dispose();
  t = undefined;
  await printers.stopAll();
});

async function usePrinter(core: TestCore, uri: string, fallback: string | null = null) {
  await core.call('printers.saveSettings', {
    type: 'epson',
    paperWidth: 80,
    interface: uri,
    fallbackInterface: fallback,
    characterSet: 'PC437_USA',
    statusQuery: 'gs_r',
    footer: 'Helpline 1800-11-2233',
  });
}

async function jobsOf(core: TestCore, tokenId: string): Promise<PrintJob[]> {
  return core.call('print.jobs', { tokenId });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('print queue with a loopback printer', () => {
  it('prints a Hindi slip after the token commits: label as text, name as raster, QR of the visit', async () => {
    t = startPrintingCore();
    const p = await printer();
    await usePrinter(t, p.uri);
    const sita = await t.call('patients.register', { name: 'सीता देवी', gender: 'female', ageYears: 67 });
    const token = await t.call('tokens.issue', { patientId: sita.id, departmentCode: 'EYE', priority: 'senior' });
    await p.waitForJobs(1);
    const job = decodeEscPos(p.jobs[0]!);
    expect(job.lines.find((l) => l.text === token.label)).toMatchObject({ widthScale: 4, bold: true });
    expect(job.texts).toEqual(expect.arrayContaining(['Lok Nayak Hospital', 'Ophthalmology', 'Room 205']));
    expect(job.texts.find((l) => l.startsWith('UHID'))).toContain(sita.uhid);
    expect(job.images).toHaveLength(2); // नेत्र रोग and सीता देवी, pixel for pixel as the font draws them
    expect(differingPixels(job.images[0]!, referenceRaster('नेत्र रोग', 576, 'tall', 'center', true))).toBe(0);
    expect(differingPixels(job.images[1]!, referenceRaster('सीता देवी', 576, 'tall', 'left', true))).toBe(0);
    expect(blackPixels(job.images[1]!)).toBeGreaterThan(200);
    expect(job.qr).toEqual([`urn:uuid:${token.id}`]);
    expect(job.items.at(-1)).toEqual({ kind: 'status', query: 'gs_r', n: 1 });
    const [stored] = await until('sent', async () =>
      (await jobsOf(t!, token.id))[0]?.status === 'sent' ? jobsOf(t!, token.id) : undefined,
    );
    expect(stored).toMatchObject({ status: 'sent', duplicate: false, tokenLabel: token.label, printer: p.uri, attempts: 1 });
    expect(t.core.db.prepare("SELECT actor, detail FROM audit_log WHERE action = 'token.print'").all()).toEqual([
      { actor: 'test', detail: expect.stringContaining('"copy":"original"') },
    ]);
  });

  it('prints the name in the other script under the name: Latin as text, Devanagari as a raster', async () => {
    t = startPrintingCore();
    const p = await printer();
    await usePrinter(t, p.uri);
    const ram = await t.call('patients.register', {
      name: 'Ram Kumar',
      nameOtherScript: 'राम कुमार',
      gender: 'male',
      ageYears: 45,
    });
    await t.call('tokens.issue', { patientId: ram.id, departmentCode: 'MED' });
    await p.waitForJobs(1);
    const job = decodeEscPos(p.jobs[0]!);
    const nameAt = job.texts.indexOf('Ram Kumar');
    expect(nameAt).toBeGreaterThan(0);
    expect(job.images).toHaveLength(2); // सामान्य चिकित्सा, then राम कुमार
    expect(differingPixels(job.images[1]!, referenceRaster('राम कुमार', 576, 'normal', 'left', true))).toBe(0);
    expect(differingPixels(job.images[1]!, referenceRaster('सीता देवी', 576, 'normal', 'left', true))).toBeGreaterThan(50);
  });

  it('keeps issuing with the printer dead; when it comes back all 100 slips print once, in order', async () => {
    t = startPrintingCore();
    const p = await printer();
    await usePrinter(t, p.uri);
    await p.stop(); // connections to its port are now refused
    const labels: string[] = [];
    const departments = ['MED', 'EYE', 'ORTHO', 'ENT', 'DERM'];
    for (let i = 0; i < 20; i++) {
      const patient = await t.call('patients.register', {
        name: `Printer Test ${i}`,
        gender: 'other',
        ageYears: 20 + i,
        confirmNotDuplicate: true,
      });
      for (const departmentCode of departments) {
        const token = await t.call('tokens.issue', { patientId: patient.id, departmentCode });
        labels.push(`${departmentCode} ${token.label}`);
      }
    }
    expect(labels).toHaveLength(100);
    const tokens = await t.call('tokens.list', {});
    expect(tokens.filter((tk) => tk.status === 'issued')).toHaveLength(100);
    const head = await until('the first job to fail', async () => (await t!.call('print.jobs', { status: 'failed' }))[0]);
    expect(head).toMatchObject({ errorCode: 'connection_refused', retryAt: expect.any(String) });

    await p.start();
    await p.waitForJobs(100, 15_000);
    const printed = p.jobs.map((bytes) => {
      const job = decodeEscPos(bytes);
      const label = job.lines.find((l) => l.widthScale === 4)!.text;
      const department = job.texts.find((line) =>
        ['General Medicine', 'Ophthalmology', 'Orthopaedics', 'ENT', 'Dermatology'].includes(line),
      );
      return `${label}|${department}`;
    });
    expect(new Set(printed).size).toBe(100);
    const inIssueOrder = tokens.map((tk) => `${tk.label}|${tk.departmentNameEn}`);
    expect(printed).toEqual(inIssueOrder);
    await new Promise((r) => setTimeout(r, 150)); // nothing more arrives
    expect(p.jobs).toHaveLength(100);
    expect(await t.call('print.status', {})).toMatchObject({ pending: 0, failed: null });
  });

  it('falls back to the second printer when the first is dead', async () => {
    t = startPrintingCore();
    const dead = await printer();
    await dead.stop();
    const fallback = await printer();
    await usePrinter(t, dead.uri, fallback.uri);
    const patient = await t.call('patients.register', { name: 'Ram Kumar', gender: 'male', ageYears: 45 });
    const token = await t.call('tokens.issue', { patientId: patient.id, departmentCode: 'MED' });
    await fallback.waitForJobs(1);
    expect(decodeEscPos(fallback.jobs[0]!).texts).toContain(token.label);
    const [job] = await until('sent', async () =>
      (await jobsOf(t!, token.id))[0]?.status === 'sent' ? jobsOf(t!, token.id) : undefined,
    );
    expect(job!.printer).toBe(fallback.uri);
  });

  it('reprints marked DUPLICATE and audited; a cancelled token is not reprinted', async () => {
    t = startPrintingCore();
    const p = await printer();
    await usePrinter(t, p.uri);
    const patient = await t.call('patients.register', { name: 'Ram Kumar', gender: 'male', ageYears: 45 });
    const token = await t.call('tokens.issue', { patientId: patient.id, departmentCode: 'MED' });
    await p.waitForJobs(1);
    const reprint = await t.call('print.reprint', { tokenId: token.id });
    expect(reprint).toMatchObject({ duplicate: true, tokenId: token.id, status: 'queued' });
    await p.waitForJobs(2);
    const [original, copy] = p.jobs.map((bytes) => decodeEscPos(bytes));
    expect(original!.texts).not.toContain('DUPLICATE');
    expect(copy!.lines.find((l) => l.text === 'DUPLICATE')).toMatchObject({ inverse: true, bold: true });
    expect(copy!.texts).toContain(token.label);
    const audit = t.core.db
      .prepare("SELECT action FROM audit_log WHERE entity_id = ? AND action LIKE 'token.%' ORDER BY seq")
      .all(token.id);
    expect(audit.map((a) => (a as { action: string }).action)).toEqual([
      'token.issue',
      'token.print',
      'token.reprint',
      'token.print',
    ]);

    await t.call('tokens.cancel', { tokenId: token.id, reason: 'Left' });
    expect(await t.fail('print.reprint', { tokenId: token.id })).toMatchObject({ code: 'CONFLICT', field: 'tokenId' });
  });

  it('queues the new token’s slip on transfer, and nothing when no printer is set up', async () => {
    t = startPrintingCore();
    const patient = await t.call('patients.register', { name: 'Ram Kumar', gender: 'male', ageYears: 45 });
    const first = await t.call('tokens.issue', { patientId: patient.id, departmentCode: 'MED' });
    expect(t.count('print_jobs')).toBe(0);
    expect(await t.fail('print.reprint', { tokenId: first.id })).toMatchObject({ code: 'CONFLICT', field: 'interface' });
    const p = await printer();
    await usePrinter(t, p.uri);
    const { to } = await t.call('tokens.transfer', { tokenId: first.id, departmentCode: 'ORTHO' });
    await p.waitForJobs(1);
    expect(decodeEscPos(p.jobs[0]!).texts).toEqual(expect.arrayContaining([to.label, 'Orthopaedics']));
  });

  it('rejects bad input with typed 4xx errors', async () => {
    t = startPrintingCore();
    expect(
      await t.fail('printers.saveSettings', {
        type: 'epson',
        paperWidth: 70,
        interface: null,
        fallbackInterface: null,
        characterSet: 'PC437_USA',
        statusQuery: 'gs_r',
        footer: null,
      }),
    ).toMatchObject({ code: 'VALIDATION_FAILED', field: 'paperWidth' });
    expect(
      await t.fail('printers.saveSettings', {
        type: 'epson',
        paperWidth: 80,
        interface: 'http://printer',
        fallbackInterface: null,
        characterSet: 'PC437_USA',
        statusQuery: 'gs_r',
        footer: null,
      }),
    ).toMatchObject({ code: 'VALIDATION_FAILED', field: 'interface' });
    expect(await t.fail('print.retry', { jobId: 'not-a-uuid' })).toMatchObject({ code: 'VALIDATION_FAILED', field: 'jobId' });
    expect(await t.fail('print.retry', { jobId: '6f1c2b1e-3d4a-4c5b-8e9f-0a1b2c3d4e5f' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await t.fail('print.jobs', { limit: 0 })).toMatchObject({ code: 'VALIDATION_FAILED', field: 'limit' });
    expect(await t.fail('printers.testPrint', {})).toMatchObject({ code: 'CONFLICT' });
    expect(await t.call('printers.getSettings', {})).toMatchObject({ interface: null, paperWidth: 80 });
  });
});
