// The log files and the support bundle hold no patient data: a counter with
// the real file logger registers seeded patients, issues tokens, fails to
// print (a printer that refuses), syncs with the development HIMS (a review
// entry, then the HIMS gone), backs up; then the log files and the unpacked
// bundle are searched for every name, phone, ABHA number and UHID. The logs
// must also say what happened, or the search would prove nothing.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SYSTEMS } from '../../main/fhir/systems';
import { fileLogger } from '../../main/log/logger';
import { openRotatingFile } from '../../main/log/rotating-file';
import { scrub } from '../../main/log/scrub';
import { FAST_PRINTING } from '../support/printing-fixture';
import { SEEDED, seededCounter, type SeededCounter } from '../support/ops-fixture';
import { drain, startHims } from '../support/sync-fixture';
import { tempDir } from '../support/temp-core';

const counters: SeededCounter[] = [];
afterEach(() => counters.splice(0).forEach((c) => c.t.dispose()));

/** A port nobody listens on: the printer there refuses every connection. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

function allText(dir: string): string {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return out.join('\n');
}

function patientValues(c: SeededCounter): string[] {
  const values: string[] = [];
  for (const p of SEEDED) values.push(p.name, ...p.name.split(' '), p.phone, p.abhaNumber, p.abhaNumber.replace(/-/g, ''));
  for (const uhid of c.uhids) values.push(uhid, uhid.replace(/-/g, ''));
  return values.filter((v) => v.length >= 4);
}

describe('logs and the support bundle', () => {
  it('say what happened, and never a patient’s name, phone, ABHA number or UHID', async () => {
    const dataDir = tempDir();
    // The real file logger; the print worker's log left to it too (FAST_PRINTING's would swallow it).
    const { log: _quiet, ...printing } = FAST_PRINTING;
    const t = await seededCounter(
      { counterLetter: 'B', hospitalCode: 'LNH' },
      { logger: fileLogger(dataDir), printing },
      dataDir,
    );
    counters.push(t);
    const core = t.t;

    // Printing fails: the printer refuses.
    await core.call('printers.saveSettings', {
      type: 'epson',
      paperWidth: 80,
      interface: `tcp://127.0.0.1:${await deadPort()}`,
      fallbackInterface: null,
      characterSet: 'PC437_USA',
      statusQuery: 'gs_r',
      footer: null,
    });
    const [someone] = (await core.call('patients.search', { query: SEEDED[1].phone })).patients;
    await core.call('tokens.issue', { patientId: someone!.id, departmentCode: 'EYE' });
    await expect.poll(() => core.count("print_jobs WHERE status = 'failed'"), { timeout: 10_000 }).toBeGreaterThan(0);

    // Sync: the HIMS already has two patients with a seeded ABHA number (a review), then it goes away.
    const hims = await startHims();
    try {
      for (const name of ['Someone Else', 'Someone Else Too']) {
        await hims.repo.createResource({
          resourceType: 'Patient',
          name: [{ text: name }],
          identifier: [{ system: SYSTEMS.abhaNumber, value: SEEDED[0].abhaNumber }],
        });
      }
      await core.call('sync.saveSettings', {
        enabled: true,
        baseUrl: hims.baseUrl,
        authKind: 'bearer',
        bearerToken: 'S3CRET-bearer-value-123',
        timeoutMs: 5000,
        batchSize: 100,
      });
      await drain(core);
      expect((await core.call('sync.reviewList', {})).length).toBeGreaterThan(0);
    } finally {
      await hims.close();
    }
    await core.core.sync.engine.runOnce();
    expect(core.core.sync.engine.status().state).toBe('offline');

    await core.call('backups.run', {});
    core.clock.advance(-3 * 86_400_000);
    await core.fail('tokens.issue', { patientId: 'x', departmentCode: 'MED' });
    core.clock.advance(3 * 86_400_000);
    const bundle = await core.call('maintenance.supportBundle', {});
    const wrappedKey = (
      JSON.parse(
        (core.core.db.prepare('SELECT recovery_json FROM backup_settings').get() as { recovery_json: string }).recovery_json,
      ) as { wrapped: string }
    ).wrapped;
    core.core.close();

    const logs = allText(join(dataDir, 'logs'));
    const lines = logs
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { level: string; msg: string; area?: string; time: string });
    expect(lines.every((l) => typeof l.time === 'string' && ['info', 'warn', 'error'].includes(l.level))).toBe(true);
    const said = lines.map((l) => `${l.area ?? ''}: ${l.msg}`).join('\n');
    expect(said).toMatch(/: counter started/);
    expect(said).toMatch(/print: print job .* failed/);
    expect(said).toMatch(/sync: sync round: sent \d+/);
    expect(said).toMatch(/sync: sync round failed \(offline\)/);
    expect(said).toMatch(/backup: backup manual: hims-backup_B_/);
    expect(said).toMatch(/: support bundle saved/);
    for (const value of patientValues(t)) expect(logs, `log holds "${value}"`).not.toContain(value);

    // The bundle: unpacked with the system's tar, as IT would.
    const out = tempDir('hims-bundle-');
    execFileSync('tar', ['-xzf', bundle.file, '-C', out]);
    const [folder] = readdirSync(out);
    const files = readdirSync(join(out, folder!)).sort();
    expect(files).toEqual(['database.json', 'logs', 'settings.json', 'status.json', 'versions.json']);
    const database = JSON.parse(readFileSync(join(out, folder!, 'database.json'), 'utf8')) as {
      tables: Record<string, number>;
      integrity: { ok: boolean };
      auditChain: { intact: boolean };
    };
    expect(database.tables.patients).toBe(3);
    expect(database.integrity.ok).toBe(true);
    expect(database.auditChain.intact).toBe(true);
    const settings = JSON.parse(readFileSync(join(out, folder!, 'settings.json'), 'utf8')) as {
      counterLetter: string;
      sync: { base_url: string };
    };
    expect(settings.counterLetter).toBe('B');
    expect(settings.sync.base_url).toMatch(/^http:\/\/127\.0\.0\.1/);
    const everything = allText(join(out, folder!));
    expect(everything).not.toContain('S3CRET-bearer-value-123');
    expect(everything).not.toContain(wrappedKey);
    expect(everything).not.toContain(readFileSync(join(dataDir, 'secrets', 'backup-key.secret'), 'utf8'));
    for (const value of patientValues(t)) expect(everything, `bundle holds "${value}"`).not.toContain(value);
  }, 60_000);

  it('rotate by size and keep only so many files', () => {
    const dir = tempDir();
    const file = openRotatingFile(dir, { maxBytes: 1000, keep: 3 });
    for (let i = 0; i < 200; i++) file.write(`${JSON.stringify({ i, pad: 'x'.repeat(40) })}\n`);
    file.close();
    expect(readdirSync(dir).sort()).toEqual(['counter.1.log', 'counter.2.log', 'counter.3.log', 'counter.log']);
    for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(1000);
    // The newest line is in counter.log, whole.
    expect(readFileSync(join(dir, 'counter.log'), 'utf8').trim().split('\n').at(-1)).toContain('"i":199');
  });

  it('mask what looks like a patient identifier in any message', () => {
    expect(
      scrub('refused 98765 43210 and +91-9876543210 for LNH-B26-000173-4 (LNHB260001734), 12-3456-7890-1234, ram@abdm'),
    ).toBe('refused [number] and [number] for [uhid] ([uhid]), [number], [address]');
    expect(scrub('at 2026-11-25T04:30:00.000Z job 7 sent: 512 bytes')).toBe('at 2026-11-25T04:30:00.000Z job 7 sent: 512 bytes');
  });
});
