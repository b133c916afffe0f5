// The supervisor's audit: browsed by date (the hospital's days), clerk and
// patient (their record and their tokens), paged; exported as CSV that a
// spreadsheet cannot run; and the chain head sent to the HIMS as an
// AuditEvent (the real development server), once per head and at most every
// 15 minutes.
import type { AuditEvent } from '@medplum/fhirtypes';
import { afterEach, describe, expect, it } from 'vitest';
import { chainHead } from '../../main/audit/audit-chain';
import { csvCell, startOfLocalDay } from '../../main/audit/audit-query';
import { AUDIT_SYSTEMS } from '../../main/audit/audit-checkpoint';
import { RAM, startTestCore, type TestCore } from '../support/temp-core';
import { allOf, connect, drain, startHims } from '../support/sync-fixture';

const cores: TestCore[] = [];
afterEach(() => cores.splice(0).forEach((c) => c.dispose()));

async function as<T>(t: TestCore, actor: string, method: string, input: unknown): Promise<T> {
  const r = await t.core.registry.dispatch(method, input, { kind: 'trusted', actor });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

async function history(): Promise<{ t: TestCore; ram: { id: string; uhid: string }; sita: { id: string } }> {
  const t = startTestCore();
  cores.push(t);
  const ram = await as<{ id: string; uhid: string }>(t, 'ramesh', 'patients.register', { ...RAM });
  await as(t, 'ramesh', 'tokens.issue', { patientId: ram.id, departmentCode: 'MED' });
  t.clock.advance(86_400_000); // the next day
  const sita = await as<{ id: string }>(t, 'sunita', 'patients.register', {
    name: 'Sita Devi',
    gender: 'female',
    ageYears: 40,
    phone: '9811100022',
  });
  const token = await as<{ id: string }>(t, 'sunita', 'tokens.issue', { patientId: ram.id, departmentCode: 'ENT' });
  await as(t, 'sunita', 'tokens.cancel', { tokenId: token.id, reason: '=HYPERLINK("http://x","click"), wrong desk' });
  await as(t, 'sunita', 'patients.get', { id: sita.id });
  return { t, ram, sita };
}

describe('browsing the audit', () => {
  it('by day in the hospital’s time zone, by clerk, and by patient with their tokens', async () => {
    const { t, ram } = await history();
    const day1 = await t.call('audit.list', { from: '2026-11-25', to: '2026-11-25', limit: 100 });
    expect(day1.entries.map((e) => [e.actor, e.action])).toEqual([
      ['ramesh', 'token.issue'],
      ['ramesh', 'patient.register'],
      ['start-up', 'counter.configure'], // who the test counter is, from its start-up options
    ]);
    const bySunita = await t.call('audit.list', { actor: 'Sunita', limit: 100 });
    expect(bySunita.entries.map((e) => e.action)).toEqual(['patient.view', 'token.cancel', 'token.issue', 'patient.register']);
    // Ram by his UHID as printed: his registration and both his tokens, not Sita's.
    const byRam = await t.call('audit.list', { patient: ram.uhid, limit: 100 });
    expect(byRam.entries.map((e) => e.action)).toEqual(['token.cancel', 'token.issue', 'token.issue', 'patient.register']);
    expect(byRam.entries.every((e) => e.entityId === ram.id || e.entity === 'token')).toBe(true);
    expect((await t.fail('audit.list', { patient: 'GH-A26-999999-0', limit: 10 })).code).toMatch(/NOT_FOUND|VALIDATION_FAILED/);
    expect(await t.fail('audit.list', { from: '2026-11-26', to: '2026-11-25', limit: 10 })).toMatchObject({ field: 'to' });
    // Midnight in Kolkata is 18:30 UTC the day before.
    expect(startOfLocalDay('2026-11-25', 'Asia/Kolkata').toISOString()).toBe('2026-11-24T18:30:00.000Z');
  });

  it('pages back from the newest, by seq', async () => {
    const { t } = await history();
    const first = await t.call('audit.list', { limit: 2 });
    expect(first.entries).toHaveLength(2);
    expect(first.nextBefore).toBe(first.entries[1]!.seq);
    const second = await t.call('audit.list', { limit: 2, before: first.nextBefore! });
    expect(second.entries[0]!.seq).toBeLessThan(first.entries[1]!.seq);
    const rest = await t.call('audit.list', { limit: 100, before: second.nextBefore! });
    expect(rest.nextBefore).toBeNull();
    expect(first.entries.length + second.entries.length + rest.entries.length).toBe(t.count('audit_log'));
  });

  it('exports CSV, oldest first, cells a spreadsheet will not run, and the export is itself audited', async () => {
    const { t } = await history();
    const before = t.count('audit_log');
    const out = await t.call('audit.exportCsv', { actor: 'sunita' });
    expect(out).toMatchObject({ rows: 4, truncated: false });
    const lines = out.csv.trim().split('\r\n');
    expect(lines[0]).toBe('seq,at,actor,action,entity,entity_id,detail,hash');
    expect(lines.slice(1).map((l) => l.split(',')[3])).toEqual([
      'patient.register',
      'token.issue',
      'token.cancel',
      'patient.view',
    ]);
    // The cancel reason typed by a clerk stays text: quoted, its quotes doubled, no leading = in any cell.
    expect(out.csv).toContain('""reason"":""=HYPERLINK(');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(t.count('audit_log')).toBe(before + 1);
    expect((await t.call('audit.list', { limit: 1 })).entries[0]).toMatchObject({ action: 'audit.export', detail: { rows: 4 } });
  });
});

describe('the audit checkpoint at the HIMS', () => {
  it('is sent as an AuditEvent with the chain head, once per head, at most every 15 minutes', async () => {
    const hims = await startHims();
    try {
      const t = startTestCore({ counterLetter: 'B', hospitalCode: 'LNH' });
      cores.push(t);
      await t.call('patients.register', { ...RAM });
      await connect(t, hims.baseUrl);
      await drain(t);
      const events = await allOf<AuditEvent>(hims, 'AuditEvent');
      expect(events).toHaveLength(1);
      const head = chainHead(t.core.db)!;
      expect(events[0]).toMatchObject({
        type: { code: '110100' },
        subtype: [{ code: 'audit-chain-checkpoint' }],
        source: {
          site: 'LNH',
          observer: { identifier: { system: AUDIT_SYSTEMS.counter, value: t.core.context.identity.counterId } },
        },
        entity: [
          {
            detail: [
              { type: 'seq', valueString: String(head.seq) },
              { type: 'sha256', valueString: head.hash },
            ],
          },
        ],
      });
      // Nothing new: nothing sent. New entries within 15 minutes: not yet.
      await drain(t);
      await t.call('patients.register', { name: 'Gita Rani', gender: 'female', ageYears: 30 });
      t.clock.advance(5 * 60_000);
      await drain(t);
      expect(await allOf<AuditEvent>(hims, 'AuditEvent')).toHaveLength(1);
      t.clock.advance(11 * 60_000);
      await drain(t);
      const after = await allOf<AuditEvent>(hims, 'AuditEvent');
      expect(after).toHaveLength(2);
      expect(after.map((e) => e.entity?.[0]?.detail?.[1]?.valueString)).toContain(chainHead(t.core.db)!.hash);
    } finally {
      await hims.close();
    }
  });
});
