// The queue through the contract, on a real SQLite file: call next by the
// department's rule, every move recorded (who, when, which room), audited and
// in the outbox; retries answered, stale screens refused, impossible moves
// refused with nothing changed.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../preload/contract/events';
import type { Token } from '../../preload/contract/records';
import { DEFAULT_QUEUE_RULE, type QueueRule } from '../../preload/contract/queue-rule';
import { nextInQueue } from '../../main/queue/queue-order';
import { historyFor, waitingEntries, waitingHeads } from '../../main/queue/queue-store';
import { printerPool, startPrintingCore } from '../support/printing-fixture';
import { startTestCore, type TestCore } from '../support/temp-core';

let t: TestCore;
afterEach(() => t?.dispose());

type Priority = Token['priority'];

async function issue(core: TestCore, name: string, priority: Priority = 'none', departmentCode = 'MED'): Promise<Token> {
  const patient = await core.call('patients.register', { name, gender: 'other', ageYears: 40, confirmNotDuplicate: true });
  core.clock.advance(60_000); // a minute apart: the queue is by time
  return core.call('tokens.issue', { patientId: patient.id, departmentCode, priority });
}

const callNext = (core: TestCore, room = '101', departmentCode = 'MED') =>
  core.call('queue.callNext', { moveId: randomUUID(), departmentCode, room });

const move = (core: TestCore, token: Token, m: string, extra: Record<string, unknown> = {}) =>
  core.call('queue.move', { moveId: randomUUID(), tokenId: token.id, version: token.version, move: m as 'call', ...extra });

/** Everything a move could change: a refused move must leave all of it as it was. */
function snapshot(core: TestCore) {
  return {
    tokens: core.core.db.prepare('SELECT * FROM tokens ORDER BY pk').all(),
    moves: core.count('token_moves'),
    outbox: core.count('outbox'),
    audit: core.count('audit_log'),
  };
}

describe('the OPD queue', () => {
  it('calls priority patients ahead by default, each call recorded, audited and sent', async () => {
    t = startTestCore({ counterLetter: 'B' });
    const ram = await issue(t, 'Ram Lal');
    const sita = await issue(t, 'Sita Devi', 'senior');
    const mohan = await issue(t, 'Mohan Das');
    const list = await t.call('queue.list', { departmentCode: 'MED' });
    expect(list.rule).toEqual({ priority: 'ahead', interleaveEvery: 3, rooms: 'shared', returnTo: 'place' });
    expect(list.waiting.map((tk) => tk.label)).toEqual([sita.label, ram.label, mohan.label]);

    const first = await callNext(t);
    expect(first.token).toMatchObject({ id: sita.id, status: 'called', callRoom: '101', callCount: 1, version: 2 });
    expect(first.finished).toBeNull();
    const outboxBefore = t.count('outbox');
    // The next call finishes the room's current patient first, in the same transaction.
    const second = await callNext(t);
    expect(second.token).toMatchObject({ id: ram.id, status: 'called' });
    expect(second.finished).toMatchObject({ id: sita.id, status: 'done' });
    expect(t.count('outbox') - outboxBefore).toBe(2);
    const moves = t.core.db.prepare('SELECT move, from_status, to_status, room, actor FROM token_moves ORDER BY pk').all();
    expect(moves).toEqual([
      { move: 'call', from_status: 'issued', to_status: 'called', room: '101', actor: 'test' },
      { move: 'finish', from_status: 'called', to_status: 'done', room: '101', actor: 'test' },
      { move: 'call', from_status: 'issued', to_status: 'called', room: '101', actor: 'test' },
    ]);
    expect(t.core.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'token.move'").get()).toEqual({ n: 3 });
    const view = await t.call('queue.list', { departmentCode: 'MED', room: '101' });
    expect(view.atRoom.map((tk) => tk.label)).toEqual([ram.label]);
    expect(view.waiting.map((tk) => tk.label)).toEqual([mohan.label]);
  });

  it('interleaves one priority patient in N calls when the department says so', async () => {
    t = startTestCore();
    await t.call('departments.update', { code: 'MED', queueRule: { priority: 'interleave', interleaveEvery: 2 } });
    const order = [
      await issue(t, 'R1'),
      await issue(t, 'S1', 'senior'),
      await issue(t, 'R2'),
      await issue(t, 'S2', 'pregnant'),
      await issue(t, 'R3'),
    ];
    const called: string[] = [];
    for (let i = 0; i < order.length; i++) called.push((await callNext(t)).token!.label);
    const label = (name: number) => order[name]!.label;
    expect(called).toEqual([label(0), label(1), label(2), label(3), label(4)]);
    expect((await callNext(t)).token).toBeNull(); // nobody left; the last one is finished
    expect((await t.call('tokens.list', {})).filter((tk) => tk.status === 'done')).toHaveLength(5);
  });

  it('moves a token through its life: call, recall, in, done; no-show and skip set aside, return puts back', async () => {
    t = startTestCore();
    const a = await issue(t, 'Asha');
    const b = await issue(t, 'Bina');
    const c = await issue(t, 'Chetan');
    const events: CoreEvent[] = [];
    t.core.events.subscribe((e) => events.push(e));

    let token = (await move(t, a, 'call', { room: '101' })).token!;
    token = (await move(t, token, 'recall')).token!;
    expect(token).toMatchObject({ status: 'called', callCount: 2 });
    token = (await move(t, token, 'start')).token!;
    expect(token.status).toBe('in_consultation');
    token = (await move(t, token, 'finish', { room: '101' })).token!;
    expect(token.status).toBe('done');

    const bCalled = (await move(t, b, 'call', { room: '101' })).token!;
    const bNoShow = (await move(t, bCalled, 'no_show', { room: '101' })).token!;
    const cSkipped = (await move(t, c, 'skip', { room: '101' })).token!;
    const view = await t.call('queue.list', { departmentCode: 'MED' });
    expect(view.waiting).toEqual([]);
    expect(view.setAside.map((tk) => tk.status).sort()).toEqual(['no_show', 'skipped']);
    // A no-show still holds the patient's place today: a second token is refused, the clerk puts it back.
    const conflict = await t.fail('tokens.issue', { patientId: b.patientId, departmentCode: 'MED' });
    expect(conflict.code).toBe('CONFLICT');
    await move(t, bNoShow, 'return');
    await move(t, cSkipped, 'return');
    // Returned keeping their places: Bina before Chetan, as issued.
    expect((await t.call('queue.list', { departmentCode: 'MED' })).waiting.map((tk) => tk.id)).toEqual([b.id, c.id]);

    expect(events.filter((e) => e.name === 'queue.changed').map((e) => (e.payload as { move: string }).move)).toEqual([
      'call',
      'recall',
      'start',
      'finish',
      'call',
      'no_show',
      'skip',
      'return',
      'return',
    ]);
    // Pushes carry no names: a board may hear them.
    expect(JSON.stringify(events)).not.toContain('Bina');
  });

  it('puts a returned token at the end when the department is set up so', async () => {
    t = startTestCore();
    await t.call('departments.update', { code: 'MED', queueRule: { returnTo: 'end', priority: 'arrival' } });
    const a = await issue(t, 'Asha');
    const b = await issue(t, 'Bina');
    const called = (await callNext(t)).token!;
    expect(called.id).toBe(a.id);
    const noShow = (await move(t, called, 'no_show', { room: '101' })).token!;
    t.clock.advance(60_000);
    await move(t, noShow, 'return');
    expect((await t.call('queue.list', { departmentCode: 'MED' })).waiting.map((tk) => tk.id)).toEqual([b.id, a.id]);
  });

  it('answers a retried move from what was recorded, never moving twice', async () => {
    t = startTestCore();
    await issue(t, 'Asha');
    await issue(t, 'Bina');
    const moveId = randomUUID();
    const first = await t.call('queue.callNext', { moveId, departmentCode: 'MED', room: '101' });
    const again = await t.call('queue.callNext', { moveId, departmentCode: 'MED', room: '101' });
    expect(again).toMatchObject({ replayed: true, token: { id: first.token!.id, callCount: 1 } });
    expect(t.count('token_moves')).toBe(1);
    // The same id for another request is a mistake, and changes nothing.
    const before = snapshot(t);
    expect(await t.fail('queue.callNext', { moveId, departmentCode: 'MED', room: '105' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await t.fail('queue.callNext', { moveId, departmentCode: 'SURG', room: '105' })).toMatchObject({ code: 'CONFLICT' });
    expect(snapshot(t)).toEqual(before);
    const token = first.token!;
    const startId = randomUUID();
    await t.call('queue.move', { moveId: startId, tokenId: token.id, version: token.version, move: 'start' });
    const replay = await t.call('queue.move', { moveId: startId, tokenId: token.id, version: token.version, move: 'start' });
    expect(replay).toMatchObject({ replayed: true, token: { status: 'in_consultation', version: 3 } });
  });

  it('refuses a stale screen and an impossible move with a typed error, changing nothing', async () => {
    t = startTestCore();
    const waiting = await issue(t, 'Asha');
    const other = await issue(t, 'Bina');
    const cancelled = await t.call('tokens.cancel', { tokenId: other.id, reason: 'left' });
    const before = snapshot(t);
    const refusals = [
      // Finishing a token nobody called.
      [{ move: 'finish', tokenId: waiting.id, version: waiting.version }, 'MOVE_NOT_ALLOWED'],
      // Calling a cancelled one.
      [{ move: 'call', tokenId: cancelled.id, version: cancelled.version, room: '101' }, 'MOVE_NOT_ALLOWED'],
      // A screen that saw an older version.
      [{ move: 'skip', tokenId: cancelled.id, version: 1 }, 'VERSION_CONFLICT'],
      [{ move: 'call', tokenId: waiting.id, version: waiting.version, room: '999' }, 'NOT_FOUND'],
      [{ move: 'call', tokenId: waiting.id, version: waiting.version }, 'VALIDATION_FAILED'],
      [{ move: 'entered_in_error', tokenId: waiting.id, version: waiting.version }, 'VALIDATION_FAILED'],
      [{ move: 'teleport', tokenId: waiting.id, version: waiting.version }, 'VALIDATION_FAILED'],
      [{ move: 'call', tokenId: randomUUID(), version: 1, room: '101' }, 'NOT_FOUND'],
    ] as const;
    for (const [input, code] of refusals) {
      const error = await t.fail('queue.move', { moveId: randomUUID(), ...input });
      expect(error.code, JSON.stringify(input)).toBe(code);
    }
    const refused = await t.fail('queue.move', { moveId: randomUUID(), move: 'finish', tokenId: waiting.id, version: 1 });
    expect(refused).toMatchObject({ field: 'move', details: { token: { id: waiting.id, status: 'issued' }, move: 'finish' } });
    expect(
      await t.fail('queue.callNext', { moveId: randomUUID(), departmentCode: 'MED', room: "101'; DROP TABLE tokens" }),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(await t.fail('queue.callNext', { moveId: 'not-a-uuid', departmentCode: 'MED', room: '101' })).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(snapshot(t)).toEqual(before);
  });

  it('marks a token entered in error: closed, not cancelled, and the patient may be given a token again', async () => {
    t = startTestCore();
    const token = await issue(t, 'Asha');
    const result = await move(t, token, 'entered_in_error', { reason: 'issued to the wrong patient' });
    expect(result.token).toMatchObject({ status: 'entered_in_error', cancelReason: 'issued to the wrong patient' });
    expect(await t.fail('tokens.cancel', { tokenId: token.id, reason: 'x' })).toMatchObject({ code: 'CONFLICT' });
    const again = await t.call('tokens.issue', { patientId: token.patientId, departmentCode: 'MED' });
    expect(again.status).toBe('issued');
  });

  it('reprints the slip of a called or set-aside token, not of a finished one', async () => {
    const printers = printerPool();
    t = startPrintingCore();
    try {
      const printer = await printers.start();
      await t.call('printers.saveSettings', {
        type: 'epson',
        paperWidth: 80,
        interface: printer.uri,
        fallbackInterface: null,
        characterSet: 'PC437_USA',
        statusQuery: 'none',
        footer: null,
      });
      const token = await issue(t, 'Asha');
      const called = (await move(t, token, 'call', { room: '101' })).token!;
      expect((await t.call('print.reprint', { tokenId: called.id })).duplicate).toBe(true);
      const skipped = (await move(t, called, 'skip')).token!;
      expect((await t.call('print.reprint', { tokenId: skipped.id })).duplicate).toBe(true);
      const back = (await move(t, skipped, 'call', { room: '101' })).token!;
      await move(t, back, 'finish');
      expect(await t.fail('print.reprint', { tokenId: token.id })).toMatchObject({ code: 'CONFLICT', field: 'tokenId' });
    } finally {
      await printers.stopAll();
    }
  });

  it('cancels and transfers a called token (recorded in its history), but not one in consultation', async () => {
    t = startTestCore();
    const a = await issue(t, 'Asha');
    const b = await issue(t, 'Bina');
    const calledA = (await move(t, a, 'call', { room: '101' })).token!;
    const cancelled = await t.call('tokens.cancel', { tokenId: calledA.id, reason: 'went home' });
    expect(cancelled).toMatchObject({ status: 'cancelled', version: calledA.version + 1 });
    const calledB = (await move(t, b, 'call', { room: '101' })).token!;
    const inRoom = (await move(t, calledB, 'start')).token!;
    expect(await t.fail('tokens.transfer', { tokenId: inRoom.id, departmentCode: 'EYE' })).toMatchObject({ code: 'CONFLICT' });
    const history = t.core.db.prepare('SELECT move, to_status FROM token_moves WHERE token_id = ? ORDER BY pk').all(a.id) as {
      move: string;
      to_status: string;
    }[];
    expect(history).toEqual([
      { move: 'call', to_status: 'called' },
      { move: 'cancel', to_status: 'cancelled' },
    ]);
  });

  it('gives each room its own queue when the department keeps per-room queues', async () => {
    t = startTestCore();
    await t.call('departments.update', {
      code: 'MED',
      rooms: ['101', '102'],
      queueRule: { rooms: 'per_room', priority: 'arrival' },
    });
    const tokens = [await issue(t, 'A'), await issue(t, 'B'), await issue(t, 'C'), await issue(t, 'D')];
    // Assigned at issue to the room with the shorter queue, and the slip's room says so.
    expect(tokens.map((tk) => tk.assignedRoom)).toEqual(['101', '102', '101', '102']);
    expect(tokens.map((tk) => tk.room)).toEqual(['101', '102', '101', '102']);
    expect((await callNext(t, '102')).token!.id).toBe(tokens[1]!.id);
    expect((await callNext(t, '101')).token!.id).toBe(tokens[0]!.id);
    expect((await callNext(t, '102')).token!.id).toBe(tokens[3]!.id);
    const view = await t.call('queue.list', { departmentCode: 'MED', room: '102' });
    expect(view.waiting).toEqual([]);
    expect((await t.call('queue.list', { departmentCode: 'MED', room: '101' })).waiting.map((tk) => tk.id)).toEqual([
      tokens[2]!.id,
    ]);
  });

  it('"call next" reads only the head of each priority class, and picks what the whole queue would give', async () => {
    t = startTestCore();
    await t.call('departments.update', { code: 'MED', rooms: ['101', '102'] });
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const priorities: Priority[] = ['none', 'none', 'none', 'senior', 'pregnant', 'emergency'];
    for (let i = 0; i < 40; i++) await issue(t, `P${i}`, priorities[Math.floor(random() * priorities.length)]);
    // Some put back at the end, some waiting for one room: the heads must still be right.
    const db = t.core.db;
    db.prepare("UPDATE tokens SET queue_at = '2026-11-25T09:00:00.000Z' WHERE number % 7 = 0").run();
    db.prepare("UPDATE tokens SET assigned_room = CASE WHEN number % 3 = 0 THEN '101' WHEN number % 3 = 1 THEN '102' END").run();
    const rules: QueueRule[] = [
      { ...DEFAULT_QUEUE_RULE, priority: 'ahead' },
      { ...DEFAULT_QUEUE_RULE, priority: 'interleave', interleaveEvery: 2 },
      { ...DEFAULT_QUEUE_RULE, priority: 'interleave', interleaveEvery: 4, rooms: 'per_room' },
      { ...DEFAULT_QUEUE_RULE, priority: 'arrival', rooms: 'per_room' },
    ];
    for (let step = 0; step < 30; step++) {
      const rule = rules[step % rules.length]!;
      const room = step % 2 ? '101' : '102';
      const query = { visitDate: '2026-11-25', departmentCode: 'MED', room: rule.rooms === 'per_room' ? room : null };
      const history = historyFor(db, '2026-11-25', 'MED', rule, room);
      const whole = nextInQueue({ waiting: waitingEntries(db, query), history, rule, room });
      const heads = waitingHeads(db, query);
      expect(heads.length).toBeLessThanOrEqual(3);
      expect(nextInQueue({ waiting: heads, history, rule, room })?.id, `step ${step}`).toBe(whole?.id);
      await t.call('departments.update', { code: 'MED', queueRule: rule });
      const called = await callNext(t, room);
      expect(called.token?.id).toBe(whole?.id);
    }
  });

  it('lets a supervisor set rooms and the rule, refusing bad ones with nothing changed', async () => {
    t = startTestCore();
    const before = await t.call('departments.list', {});
    for (const input of [
      { code: 'MED', rooms: [] },
      { code: 'MED', rooms: ['101', '101'] },
      { code: 'MED', rooms: ['<script>'] },
      { code: 'MED', queueRule: { interleaveEvery: 1 } },
      { code: 'MED', queueRule: { priority: 'random' } },
      { code: 'MED', queueRule: { sneaky: true } },
    ]) {
      expect((await t.fail('departments.update', input)).code, JSON.stringify(input)).toBe('VALIDATION_FAILED');
    }
    expect(await t.call('departments.list', {})).toEqual(before);
    const med = await t.call('departments.update', { code: 'MED', rooms: ['101', '101A', 'कक्ष 3'] });
    expect(med.rooms).toEqual(['101', '101A', 'कक्ष 3']);
    expect(med.queueRule.priority).toBe('ahead');
  });
});
