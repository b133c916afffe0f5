import { describe, expect, it } from 'vitest';
import type { SessionView } from '../../../preload/contract/methods/auth-schemas';
import { mayCall } from './use-may-call';

const session = (role: SessionView['role'], kind: SessionView['kind'] = 'clerk'): SessionView => ({
  kind,
  role,
  username: 'x.y',
  displayName: 'X',
  locked: false,
  idleLockMinutes: 5,
});

describe('what a session may call, by the core’s own table', () => {
  it('lets each role reach its level and those below, never above', () => {
    expect(mayCall(session('clerk'), 'patients.register')).toBe(true);
    expect(mayCall(session('clerk'), 'sync.getSettings')).toBe(false);
    expect(mayCall(session('supervisor'), 'sync.getSettings')).toBe(true);
    expect(mayCall(session('supervisor'), 'clerks.list')).toBe(false);
    expect(mayCall(session('admin'), 'clerks.list')).toBe(true);
  });

  it('holds a kiosk to kiosk methods whatever its supervisor’s role, and nobody signed in to nothing', () => {
    expect(mayCall(session('admin', 'kiosk'), 'tokens.issue')).toBe(true);
    expect(mayCall(session('admin', 'kiosk'), 'patients.search')).toBe(false);
    expect(mayCall(null, 'counter.info')).toBe(false);
  });
});
