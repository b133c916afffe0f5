// Clerk accounts and desk sessions on a real SQLite file, called the way a
// counter window calls (a desk caller with its session token): the first
// account, roles, wrong passwords, the idle lock, the kiosk's narrow rights,
// and the audit log naming who did what.
import { afterEach, describe, expect, it } from 'vitest';
import type { CallResult } from '../../preload/contract/errors';
import type { MethodName } from '../../preload/contract/methods';
import type { SessionGrant } from '../../preload/contract/methods/auth-schemas';
import { RAM, startTestCore, type TestCore } from '../support/temp-core';

let t: TestCore;
afterEach(() => t?.dispose());

const ADMIN = { username: 'asha', displayName: 'Asha Verma', password: 'correct horse battery' };
const CLERK = { username: 'meena', displayName: 'Meena Kumari', role: 'clerk', password: 'meena-counter-2' } as const;

/** A call from a counter window holding `session` (null: not signed in). */
function desk(session: string | null) {
  return async <T = unknown>(method: MethodName, input: unknown = {}): Promise<CallResult<T>> =>
    (await t.core.registry.dispatch(method, input, { kind: 'desk', session })) as CallResult<T>;
}

async function signIn(username: string, password: string): Promise<string> {
  const r = await desk(null)<SessionGrant>('auth.signIn', { username, password });
  if (!r.ok) throw new Error(`sign-in failed: ${JSON.stringify(r.error)}`);
  return r.value.token;
}

async function setUp(): Promise<{ admin: string; clerk: string }> {
  t = startTestCore({ counterLetter: 'B', hospitalCode: 'LNH' }, undefined, { idleLockMinutes: 5 });
  const setup = await desk(null)<SessionGrant>('auth.setup', ADMIN);
  if (!setup.ok) throw new Error(JSON.stringify(setup.error));
  const created = await desk(setup.value.token)('clerks.create', CLERK);
  expect(created.ok).toBe(true);
  return { admin: setup.value.token, clerk: await signIn(CLERK.username, CLERK.password) };
}

const codeOf = (r: CallResult<unknown>) => (r.ok ? 'ok' : r.error.code);

describe('accounts and sessions', () => {
  it('a new counter asks for its first account, which is the administrator; only once', async () => {
    t = startTestCore();
    const anonymous = desk(null);
    expect(await anonymous('auth.status')).toEqual({ ok: true, value: { setupNeeded: true, session: null } });
    expect(codeOf(await anonymous('patients.search', { query: 'ram' }))).toBe('UNAUTHORIZED');
    expect(codeOf(await anonymous('counter.info'))).toBe('ok'); // open: the sign-in screen shows the hospital

    const setup = await anonymous<SessionGrant>('auth.setup', ADMIN);
    expect(setup.ok && setup.value.session).toEqual({
      kind: 'clerk',
      username: 'asha',
      displayName: 'Asha Verma',
      role: 'admin',
      locked: false,
      idleLockMinutes: 5,
    });
    expect(codeOf(await anonymous('auth.setup', { ...ADMIN, username: 'intruder' }))).toBe('FORBIDDEN');
    expect(t.count('clerks')).toBe(1);

    const stored = t.core.db.prepare('SELECT password_hash FROM clerks').pluck().get() as string;
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored).not.toContain(ADMIN.password);
  });

  it('refuses a wrong password in the same words as an unknown name, and pauses a guesser', async () => {
    await setUp();
    const anonymous = desk(null);
    const wrong = await anonymous('auth.signIn', { username: 'meena', password: 'not-her-password' });
    const unknown = await anonymous('auth.signIn', { username: 'nobody', password: 'whatever-it-is' });
    expect(wrong).toEqual({
      ok: false,
      error: { code: 'UNAUTHORIZED', message: 'wrong username or password', field: 'password' },
    });
    expect(unknown).toEqual(wrong);

    for (let i = 0; i < 4; i++) await anonymous('auth.signIn', { username: 'meena', password: `guess-${i}` });
    const paused = await anonymous('auth.signIn', { username: 'meena', password: CLERK.password });
    expect(paused).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS' } });
    t.clock.advance(61_000);
    expect(codeOf(await anonymous('auth.signIn', { username: 'meena', password: CLERK.password }))).toBe('ok');

    const failures = t.core.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'auth.signInFailed'").pluck().get();
    expect(failures).toBe(6); // the paused attempt never reached the password check
  });

  it('gives each role its own reach, and names the clerk in the audit log', async () => {
    const { admin, clerk } = await setUp();
    const asClerk = desk(clerk);
    const registered = await asClerk<{ id: string }>('patients.register', RAM);
    expect(registered.ok).toBe(true);
    expect(
      codeOf(await asClerk('tokens.issue', { patientId: registered.ok && registered.value.id, departmentCode: 'MED' })),
    ).toBe('ok');
    expect(await asClerk('clerks.list')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'clerks.list needs an administrator' },
    });
    expect(codeOf(await asClerk('departments.update', { code: 'MED', room: '12' }))).toBe('FORBIDDEN');
    expect(codeOf(await asClerk('sync.saveSettings', { enabled: false }))).toBe('FORBIDDEN');

    const actors = t.core.db
      .prepare("SELECT action, actor FROM audit_log WHERE action IN ('patient.register', 'token.issue', 'clerk.create')")
      .all();
    expect(actors).toEqual([
      { action: 'clerk.create', actor: 'asha' },
      { action: 'patient.register', actor: 'meena' },
      { action: 'token.issue', actor: 'meena' },
    ]);
    expect(codeOf(await desk(admin)('clerks.list'))).toBe('ok');
  });

  it('locks a clerk who stepped away; screen polls do not keep it open; the password opens it', async () => {
    const { clerk } = await setUp();
    const asClerk = desk(clerk);
    t.clock.advance(3 * 60_000);
    expect(codeOf(await asClerk('sync.status'))).toBe('ok'); // a background poll
    t.clock.advance(2 * 60_000 + 1000);
    expect(await asClerk('patients.search', { query: 'ram' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await asClerk('auth.status')).toMatchObject({ ok: true, value: { session: { username: 'meena', locked: true } } });
    expect(codeOf(await asClerk('auth.unlock', { password: ADMIN.password }))).toBe('UNAUTHORIZED'); // not her password
    expect(await asClerk('auth.unlock', { password: CLERK.password })).toMatchObject({ ok: true, value: { locked: false } });
    expect(codeOf(await asClerk('patients.search', { query: 'ram' }))).toBe('ok');

    // Typing a long form makes no call; the screen says so with auth.touch.
    t.clock.advance(4 * 60_000);
    expect(codeOf(await asClerk('auth.touch'))).toBe('ok');
    t.clock.advance(4 * 60_000);
    expect(codeOf(await asClerk('patients.search', { query: 'ram' }))).toBe('ok');

    expect(codeOf(await asClerk('auth.lock'))).toBe('ok'); // stepping away on purpose
    expect(codeOf(await asClerk('patients.search', { query: 'ram' }))).toBe('LOCKED');
    expect(codeOf(await asClerk('auth.signOut'))).toBe('ok');
    expect(codeOf(await asClerk('auth.unlock', { password: CLERK.password }))).toBe('UNAUTHORIZED');
  });

  it('lets a kiosk give tokens only to the patients its own scans found, and never locks it', async () => {
    const { clerk } = await setUp();
    const patient = await t.call('patients.register', RAM);
    const stranger = await t.call('patients.register', { ...RAM, name: 'Sita Devi', gender: 'female', phone: '9811111111' });
    const anonymous = desk(null);
    expect(codeOf(await anonymous('auth.startKiosk', { username: 'meena', password: CLERK.password }))).toBe('FORBIDDEN');
    const started = await anonymous<SessionGrant>('auth.startKiosk', { username: 'asha', password: ADMIN.password });
    expect(started.ok && started.value.session.kind).toBe('kiosk');
    const kiosk = desk(started.ok ? started.value.token : null);

    expect(codeOf(await kiosk('patients.search', { query: 'ram' }))).toBe('FORBIDDEN');
    expect(codeOf(await kiosk('tokens.issue', { patientId: patient.id, departmentCode: 'MED' }))).toBe('FORBIDDEN');
    // The kiosk greets the card's holder; it learns nothing to contact or trace them by.
    const scanned = await kiosk<{ patient: Record<string, unknown>; prefill: unknown }>('cards.resolve', {
      text: patient.uhid,
      source: 'wedge',
    });
    expect(scanned.ok && scanned.value.patient).toMatchObject({
      id: patient.id,
      name: 'Ram Kumar',
      phone: null,
      guardianName: null,
    });
    expect(scanned.ok && scanned.value.prefill).toBeNull();
    t.clock.advance(60 * 60_000); // an hour of nobody at the kiosk: still open; the allowance for Ram has lapsed
    expect(codeOf(await kiosk('tokens.issue', { patientId: patient.id, departmentCode: 'MED' }))).toBe('FORBIDDEN');
    await kiosk('cards.resolve', { text: patient.uhid, source: 'wedge' });
    // Priority and fee are a clerk's call.
    expect(await kiosk('tokens.issue', { patientId: patient.id, departmentCode: 'MED', priority: 'emergency' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', field: 'priority' },
    });
    // So is a medico-legal case.
    const mlc = { number: 'MLC/1', policeStation: 'PS Kotwali', broughtBy: 'HC Ramesh' };
    expect(await kiosk('tokens.issue', { patientId: patient.id, departmentCode: 'MED', mlc })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', field: 'mlc' },
    });
    expect(codeOf(await kiosk('patients.registerEmergency', { gender: 'male', ageYears: 30 }))).toBe('FORBIDDEN');
    const clerksToken = await t.call('tokens.issue', { patientId: stranger.id, departmentCode: 'ENT' });
    // Another visit's id cannot be borrowed to read or reprint it.
    expect(await kiosk('tokens.issue', { id: clerksToken.id, patientId: patient.id, departmentCode: 'MED' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'id' },
    });
    const token = await kiosk<{ id: string }>('tokens.issue', { patientId: patient.id, departmentCode: 'MED' });
    expect(codeOf(token)).toBe('ok');
    // One token a scan: a second department needs the card again.
    expect(codeOf(await kiosk('tokens.issue', { patientId: patient.id, departmentCode: 'EYE' }))).toBe('FORBIDDEN');
    expect(codeOf(await kiosk('tokens.issue', { patientId: stranger.id, departmentCode: 'MED' }))).toBe('FORBIDDEN');
    expect(codeOf(await kiosk('print.reprint', { tokenId: clerksToken.id }))).toBe('FORBIDDEN');
    // Its own token passes the gate; with no printer set up the queue refuses it.
    expect(await kiosk('print.reprint', { tokenId: token.ok ? token.value.id : '' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'interface' },
    });
    const actor = t.core.db
      .prepare("SELECT actor FROM audit_log WHERE action = 'token.issue' ORDER BY seq DESC LIMIT 1")
      .pluck()
      .get();
    expect(actor).toBe('kiosk:asha');
    expect(codeOf(await desk(clerk)('auth.status'))).toBe('ok');
  });

  it('a deactivated account is signed out at once; the last administrator cannot be removed', async () => {
    const { admin, clerk } = await setUp();
    const asAdmin = desk(admin);
    const list = await asAdmin<{ id: string; username: string }[]>('clerks.list');
    const meena = list.ok ? list.value.find((c) => c.username === 'meena')! : null;
    const asha = list.ok ? list.value.find((c) => c.username === 'asha')! : null;
    expect(codeOf(await asAdmin('clerks.update', { id: meena!.id, active: false }))).toBe('ok');
    expect(codeOf(await desk(clerk)('patients.search', { query: 'ram' }))).toBe('UNAUTHORIZED');
    expect(codeOf(await desk(null)('auth.signIn', { username: 'meena', password: CLERK.password }))).toBe('UNAUTHORIZED');

    expect(await asAdmin('clerks.update', { id: asha!.id, role: 'clerk' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'role' },
    });
    expect(codeOf(await asAdmin('clerks.create', { ...CLERK, username: 'meena' }))).toBe('CONFLICT');

    // Her own new password: this window stays signed in, her other windows end.
    const elsewhere = await signIn('asha', ADMIN.password);
    expect(codeOf(await asAdmin('clerks.update', { id: asha!.id, password: 'a new long passphrase' }))).toBe('ok');
    expect(codeOf(await asAdmin('clerks.list'))).toBe('ok');
    expect(codeOf(await desk(elsewhere)('clerks.list'))).toBe('UNAUTHORIZED');
  });

  it('lets the hospital’s scripts (the API key) call without a session', async () => {
    t = startTestCore();
    expect(await t.call('patients.register', RAM)).toMatchObject({ name: 'Ram Kumar' });
  });
});
