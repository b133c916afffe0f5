// Printer faults: a closed port, a printer that accepts but never reads, one
// that drops the connection mid-job, and one that answers "paper out". Each
// must end with a clear job status, the token still issued, the job
// retryable, and nothing hanging (time-outs are short here, so a hang would
// show up as a test time-out).
import { afterEach, describe, expect, it } from 'vitest';
import type { PrintJob } from '../../preload/contract/methods/printing-methods';
import type { PrintWorkerOptions } from '../../main/printing/print-worker';
import { LoopbackPrinter, type PrinterMode } from '../support/loopback-printer';
import { decodeEscPos } from '../support/escpos-decoder';
import { printerPool, startPrintingCore } from '../support/printing-fixture';
import type { TestCore } from '../support/temp-core';

// A long back-off: a failed job stays failed until the test retries it.
const FAULTY: Partial<PrintWorkerOptions> = {
  timeouts: { connectMs: 300, writeMs: 800, statusMs: 300 },
  backoff: { baseMs: 60_000, maxMs: 60_000 },
  idlePollMs: 50,
  log: () => {},
};

let t: TestCore | undefined;
const printers = printerPool();
afterEach(async () => {
  t?.dispose();
  t = undefined;
  await printers.stopAll();
});

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function setUp(mode: PrinterMode | 'closed') {
  t = startPrintingCore(FAULTY);
  const p = await printers.start();
  p.mode = mode === 'closed' ? 'ok' : mode;
  if (mode === 'closed') await p.stop();
  await t.call('printers.saveSettings', {
    type: 'epson',
    paperWidth: 58,
    interface: p.uri,
    fallbackInterface: null,
    characterSet: 'PC437_USA',
    statusQuery: 'gs_r',
    footer: null,
  });
  const patient = await t.call('patients.register', { name: 'राम कुमार', gender: 'male', ageYears: 45 });
  const started = Date.now();
  const token = await t.call('tokens.issue', { patientId: patient.id, departmentCode: 'MED' });
  const issueMs = Date.now() - started;
  const failed = await until('the job to fail', async () => {
    const [job] = await t!.call('print.jobs', { tokenId: token.id });
    return job?.status === 'failed' ? job : undefined;
  });
  return { p, token, failed, issueMs };
}

/** The printer is fixed; the clerk presses retry; the slip prints once. */
async function retryPrints(p: LoopbackPrinter, job: PrintJob, label: string) {
  // Switched off, fixed, switched on again (a stopped printer comes back on the same port).
  await p.stop();
  p.mode = 'ok';
  await p.start();
  const before = p.jobs.length;
  const retried = await t!.call('print.retry', { jobId: job.id });
  expect(retried).toMatchObject({ status: 'queued', retryAt: null });
  await p.waitForJobs(before + 1);
  expect(decodeEscPos(p.jobs.at(-1)!).texts).toContain(label);
  const done = await until('sent', async () => {
    const [again] = await t!.call('print.jobs', { tokenId: job.tokenId! });
    return again?.status === 'sent' ? again : undefined;
  });
  expect(done).toMatchObject({ errorCode: null, duplicate: false, attempts: job.attempts + 1 });
}

async function tokenStillIssued(tokenId: string) {
  const tokens = await t!.call('tokens.list', {});
  expect(tokens.find((tk) => tk.id === tokenId)).toMatchObject({ status: 'issued' });
}

describe('printer faults', () => {
  it('port closed: connection_refused, retried later by itself, by hand at once', async () => {
    const { p, token, failed } = await setUp('closed');
    expect(failed).toMatchObject({ errorCode: 'connection_refused', retryAt: expect.any(String), attempts: 1 });
    expect(failed.errorMessage).toMatch(/refused/);
    await tokenStillIssued(token.id);
    expect(await t!.call('print.status', {})).toMatchObject({ failed: { id: failed.id } });
    await retryPrints(p, failed, token.label);
  });

  it('accepts but never reads: status_timeout (the bytes left, the printer never confirmed)', async () => {
    const { p, token, failed } = await setUp('never_read');
    expect(failed).toMatchObject({ errorCode: 'status_timeout', retryAt: null }); // it may have printed: a person decides
    expect(failed.errorMessage).toMatch(/may not have printed/);
    await tokenStillIssued(token.id);
    await retryPrints(p, failed, token.label);
  });

  it('disconnects mid-job: disconnected', async () => {
    const { p, token, failed } = await setUp('disconnect_mid_job');
    expect(failed).toMatchObject({ errorCode: 'disconnected', retryAt: null });
    await tokenStillIssued(token.id);
    await retryPrints(p, failed, token.label);
  });

  it('answers "paper out" to the status query: paper_out', async () => {
    const { p, token, failed } = await setUp('paper_out');
    expect(failed).toMatchObject({ errorCode: 'paper_out', retryAt: expect.any(String) }); // prints by itself once paper is in
    expect(failed.errorMessage).toMatch(/out of paper/);
    await tokenStillIssued(token.id);
    await retryPrints(p, failed, token.label);
  });

  it('a fault never blocks the next patient: more tokens issue while the head job is failed', async () => {
    const { token } = await setUp('never_read');
    const next = await t!.call('patients.register', { name: 'Sita Devi', gender: 'female', ageYears: 30 });
    const second = await t!.call('tokens.issue', { patientId: next.id, departmentCode: 'MED' });
    expect(second.label).not.toBe(token.label);
    const [newest, oldest] = await t!.call('print.jobs', {});
    expect(oldest).toMatchObject({ tokenId: token.id, status: 'failed' });
    // A slip that needs a person does not hold up the next one.
    expect(newest).toMatchObject({ tokenId: second.id, status: expect.stringMatching(/^(queued|sending|failed)$/) });
    await until('the second slip to be tried', async () => {
      const [job] = await t!.call('print.jobs', { tokenId: second.id });
      return job && job.attempts > 0 ? job : undefined;
    });
  });

  it('a new printer address resends the waiting slips at once, oldest first, not after the back-off', async () => {
    const { token } = await setUp('closed'); // failed, next try in a minute (FAULTY's back-off)
    const next = await t!.call('patients.register', { name: 'Sita Devi', gender: 'female', ageYears: 30 });
    const second = await t!.call('tokens.issue', { patientId: next.id, departmentCode: 'MED' });
    const fixed = await printers.start();
    await t!.call('printers.saveSettings', {
      type: 'epson',
      paperWidth: 58,
      interface: fixed.uri,
      fallbackInterface: null,
      characterSet: 'PC437_USA',
      statusQuery: 'gs_r',
      footer: null,
    });
    await fixed.waitForJobs(2);
    expect(fixed.jobs.map((bytes) => decodeEscPos(bytes).texts.includes(token.label))).toEqual([true, false]);
    expect(decodeEscPos(fixed.jobs[1]!).texts).toContain(second.label);
  });
});

describe('what a failed job says', () => {
  async function printerSettings(main: string, fallback: string | null) {
    await t!.call('printers.saveSettings', {
      type: 'epson',
      paperWidth: 58,
      interface: main,
      fallbackInterface: fallback,
      characterSet: 'PC437_USA',
      statusQuery: 'gs_r',
      footer: null,
    });
  }

  async function failedSlip(): Promise<PrintJob> {
    const patient = await t!.call('patients.register', { name: 'Ram Kumar', gender: 'male', ageYears: 45 });
    const token = await t!.call('tokens.issue', { patientId: patient.id, departmentCode: 'MED' });
    return until('the job to fail', async () => {
      const [job] = await t!.call('print.jobs', { tokenId: token.id });
      return job?.status === 'failed' ? job : undefined;
    });
  }

  it('names the fallback when it failed last, and both printers in the words', async () => {
    t = startPrintingCore(FAULTY);
    const main = await printers.start();
    await main.stop(); // refuses: nothing printed there
    const fallback = await printers.start();
    fallback.mode = 'never_read';
    await printerSettings(main.uri, fallback.uri);
    const job = await failedSlip();
    expect(job).toMatchObject({ printer: fallback.uri, errorCode: 'status_timeout', retryAt: null });
    expect(job.errorMessage).toContain(`${main.uri}: the printer refused the connection`);
    expect(job.errorMessage).toContain(`${fallback.uri}: the printer took the slip but did not answer`);
  });

  it('does not print again by itself when the first printer may have printed, whatever the fallback said', async () => {
    t = startPrintingCore(FAULTY);
    const main = await printers.start();
    main.mode = 'never_read'; // took the bytes: the slip may be out
    const fallback = await printers.start();
    await fallback.stop();
    await printerSettings(main.uri, fallback.uri);
    const job = await failedSlip();
    expect(job).toMatchObject({ printer: fallback.uri, errorCode: 'connection_refused', retryAt: null });
  });

  it("names an error that is no printer's fault as the counter's own, without its raw text", async () => {
    const logged: string[] = [];
    t = startPrintingCore({
      ...FAULTY,
      log: (m) => logged.push(m),
      osQueue: {
        print: () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'spool')")),
      },
    });
    await printerSettings('os:Counter Printer', null);
    const job = await failedSlip();
    expect(job).toMatchObject({ errorCode: 'internal_error', printer: 'os:Counter Printer', retryAt: null });
    expect(job.errorMessage).toMatch(/something in the counter failed/);
    expect(job.errorMessage).not.toMatch(/spool/);
    expect(logged.join('\n')).toMatch(/spool/);
  });
});
