// The hall board's session: started by a supervisor with their own password,
// kept across a restart of the counter (a board runs for days), able to read
// only its own departments' board feed (names only if allowed), and sent only
// the queue's pushes, never a scanned card's contents.
import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallResult } from '../../preload/contract/errors';
import type { MethodName } from '../../preload/contract/methods';
import type { SessionGrant } from '../../preload/contract/methods/auth-schemas';
import type { BoardView } from '../../preload/contract/methods/queue-schemas';
import { startBrowserShell, type RunningShell } from '../../main/browser/http-server';
import { startTestCore, tempDir, type TestCore } from '../support/temp-core';

let t: TestCore;
let shell: RunningShell | undefined;
afterEach(async () => {
  await shell?.close();
  shell = undefined;
  t?.dispose();
});

const ADMIN = { username: 'asha', displayName: 'Asha Verma', password: 'correct horse battery' };
const SUPERVISOR = { username: 'sushil', displayName: 'Sushil', role: 'supervisor', password: 'supervisor pass 1' } as const;
const CLERK = { username: 'meena', displayName: 'Meena', role: 'clerk', password: 'meena-counter-2' } as const;

function desk(session: string | null) {
  return async <T = unknown>(method: MethodName, input: unknown = {}): Promise<CallResult<T>> =>
    (await t.core.registry.dispatch(method, input, { kind: 'desk', session })) as CallResult<T>;
}
const codeOf = (r: CallResult<unknown>) => (r.ok ? 'ok' : r.error.code);

async function accounts(core: TestCore) {
  t = core;
  const setup = await desk(null)<SessionGrant>('auth.setup', ADMIN);
  if (!setup.ok) throw new Error(JSON.stringify(setup.error));
  await desk(setup.value.token)('clerks.create', SUPERVISOR);
  await desk(setup.value.token)('clerks.create', CLERK);
  return setup.value.token;
}

async function startBoard(input: Record<string, unknown> = {}): Promise<SessionGrant> {
  const r = await desk(null)<SessionGrant>('auth.startBoard', {
    username: SUPERVISOR.username,
    password: SUPERVISOR.password,
    departmentCodes: ['MED', 'EYE'],
    ...input,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

async function calledToken(name: string) {
  const patient = await t.call('patients.register', { name, gender: 'female', ageYears: 30, confirmNotDuplicate: true });
  await t.call('tokens.issue', { patientId: patient.id, departmentCode: 'MED' });
  return (await t.call('queue.callNext', { moveId: randomUUID(), departmentCode: 'MED', room: '101' })).token!;
}

describe('the hall board', () => {
  it('is started by a supervisor, reads only its departments, and shows names only if allowed', async () => {
    await accounts(startTestCore());
    const byClerk = await desk(null)('auth.startBoard', {
      username: CLERK.username,
      password: CLERK.password,
      departmentCodes: ['MED'],
    });
    expect(byClerk).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'username' } });
    expect(
      codeOf(await desk(null)('auth.startBoard', { username: SUPERVISOR.username, password: 'wrong', departmentCodes: ['MED'] })),
    ).toBe('UNAUTHORIZED');
    expect(t.count('board_sessions')).toBe(0);

    const grant = await startBoard();
    expect(grant.session).toMatchObject({ kind: 'board', board: { departmentCodes: ['MED', 'EYE'], showFirstNames: false } });
    // Only a hash is stored, never the token.
    const stored = t.core.db.prepare('SELECT token_hash FROM board_sessions').pluck().get() as string;
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain(grant.token);

    const board = desk(grant.token);
    const sita = await calledToken('Sita Kumari');
    const view = await board<BoardView>('queue.board', { departmentCodes: ['MED'] });
    expect(view.ok && view.value.departments[0]!.nowCalling).toEqual([
      {
        tokenId: sita.id,
        label: sita.label,
        room: '101',
        status: 'called',
        calledAt: sita.calledAt,
        callCount: 1,
        firstName: null,
      },
    ]);
    expect(JSON.stringify(view)).not.toContain('Sita');
    expect(await board('queue.board', { departmentCodes: ['MED'], names: 'first' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', field: 'names' },
    });
    expect(await board('queue.board', { departmentCodes: ['MED', 'ENT'] })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', field: 'departmentCodes' },
    });
    for (const method of ['queue.list', 'tokens.list', 'patients.search', 'tokens.issue', 'cards.resolve'] as const) {
      expect(codeOf(await board(method, { departmentCode: 'MED', query: 'sita', text: 'x' })), method).toBe('FORBIDDEN');
    }

    const withNames = await startBoard({ showFirstNames: true, departmentCodes: ['MED'] });
    const named = await desk(withNames.token)<BoardView>('queue.board', { departmentCodes: ['MED'], names: 'first' });
    expect(named.ok && named.value.departments[0]!.nowCalling[0]!.firstName).toBe('Sita');
  });

  it('survives a restart of the counter, until a supervisor ends it', async () => {
    const dataDir = tempDir();
    const admin = await accounts(startTestCore({}, dataDir));
    const grant = await startBoard();
    t.core.close();
    // Same data folder, new process state: desk sessions are gone, the board is not.
    t = startTestCore({}, dataDir);
    expect(codeOf(await desk(admin)('clerks.list'))).toBe('UNAUTHORIZED');
    const status = await desk(grant.token)('auth.status');
    expect(status).toMatchObject({ ok: true, value: { session: { kind: 'board' } } });
    expect(codeOf(await desk(grant.token)('queue.board', { departmentCodes: ['EYE'] }))).toBe('ok');

    const boards = await t.call('boards.list', {});
    expect(boards).toHaveLength(1);
    const ended = await t.call('boards.end', { id: boards[0]!.id });
    expect(ended.endedAt).not.toBeNull();
    expect(codeOf(await desk(grant.token)('queue.board', { departmentCodes: ['EYE'] }))).toBe('UNAUTHORIZED');
    expect(await t.call('boards.list', {})).toEqual([]);
    expect(
      t.core.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action IN ('auth.startBoard', 'board.end')").get(),
    ).toEqual({
      n: 2,
    });
  });

  it('expires after a month', async () => {
    await accounts(startTestCore());
    const grant = await startBoard();
    t.clock.advance(30 * 86_400_000);
    expect(codeOf(await desk(grant.token)('queue.board', { departmentCodes: ['MED'] }))).toBe('ok');
    t.clock.advance(2 * 86_400_000);
    expect(codeOf(await desk(grant.token)('queue.board', { departmentCodes: ['MED'] }))).toBe('UNAUTHORIZED');
  });

  it("hears only the queue's pushes over the push stream, while a clerk's page hears scans too", async () => {
    await accounts(startTestCore());
    const rendererDir = join(tempDir(), 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>HIMS Counter</title>');
    shell = await startBrowserShell({ core: t.core, rendererDir, port: 0 });
    const port = Number(new URL(shell.url).port);
    const cookie = await new Promise<string>((resolve) =>
      request({ host: '127.0.0.1', port, path: '/' }, (res) => {
        res.resume();
        resolve(String(res.headers['set-cookie']).split(';')[0]!);
      }).end(),
    );
    const boardGrant = await startBoard();
    const clerk = await desk(null)<SessionGrant>('auth.signIn', { username: CLERK.username, password: CLERK.password });
    if (!clerk.ok) throw new Error('sign-in');
    const listen = (token: string) => {
      const text: string[] = [];
      let res: IncomingMessage | undefined;
      request(
        { host: '127.0.0.1', port, path: `/api/events?session=${encodeURIComponent(token)}`, headers: { Cookie: cookie } },
        (r) => {
          res = r;
          r.setEncoding('utf8');
          r.on('data', (chunk: string) => text.push(chunk));
        },
      ).end();
      return { text, close: () => res?.destroy(), opened: () => res !== undefined };
    };
    const board = listen(boardGrant.token);
    const counter = listen(clerk.value.token);
    for (let i = 0; i < 200 && !(board.opened() && counter.opened()); i++) await new Promise((r) => setTimeout(r, 5));
    t.core.events.emit('scanner.scan', { text: 'SECRET-CARD-CONTENT', source: 'serial' });
    await calledToken('Gita Devi');
    for (let i = 0; i < 200 && !counter.text.join('').includes('event: queue.changed'); i++)
      await new Promise((r) => setTimeout(r, 5));
    for (let i = 0; i < 200 && !board.text.join('').includes('"move":"call"'); i++) await new Promise((r) => setTimeout(r, 5));
    board.close();
    counter.close();
    expect(counter.text.join('')).toContain('SECRET-CARD-CONTENT');
    expect(board.text.join('')).toContain('event: queue.changed');
    expect(board.text.join('')).toContain('"move":"call"');
    expect(board.text.join('')).not.toContain('SECRET-CARD-CONTENT');
    expect(board.text.join('')).not.toContain('Gita');
  });
});
