// The desktop updater's policy with a fake electron-updater: it downloads in
// the background and installs only when nobody is signed in (at start, or
// after sign-out), never under a clerk; without an update server it asks
// nothing; a failed check is reported in words and changes nothing.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createUpdatePolicy, type UpdaterLike } from '../../main/electron/updater';

class FakeUpdater extends EventEmitter implements UpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  allowDowngrade = true;
  feeds: string[] = [];
  checks = 0;
  installs: [boolean | undefined, boolean | undefined][] = [];
  failNext = false;
  setFeedURL(o: { provider: 'generic'; url: string }) {
    this.feeds.push(o.url);
  }
  checkForUpdates() {
    this.checks++;
    if (this.failNext) {
      this.failNext = false;
      return Promise.reject(new Error('getaddrinfo ENOTFOUND updates.hospital.example'));
    }
    return Promise.resolve(null);
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean) {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

function scene(feed: string | null, signedIn: boolean) {
  const updater = new FakeUpdater();
  const timers: (() => void)[] = [];
  const said: (string | null)[] = [];
  const state = { signedIn, feed };
  const policy = createUpdatePolicy({
    updater,
    feedUrl: () => state.feed,
    anyoneSignedIn: () => state.signedIn,
    report: (w) => said.push(w),
    log: () => {},
    setInterval: (fn) => timers.push(fn),
    clearInterval: () => {},
  });
  const fireTimers = () => timers.forEach((fn) => fn());
  return { updater, policy, said, state, fireTimers };
}

describe('the desktop updater', () => {
  it('at start with nobody signed in: downloads and installs silently, restarting the app', () => {
    const s = scene('https://updates.hospital.example/hims-counter', false);
    s.policy.start();
    expect(s.updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: false, allowDowngrade: false, checks: 1 });
    expect(s.updater.feeds).toEqual(['https://updates.hospital.example/hims-counter']);
    s.updater.emit('update-downloaded', { version: '0.2.0' });
    expect(s.updater.installs).toEqual([[true, true]]);
    expect(s.said.at(-1)).toMatch(/Installing version 0\.2\.0/);
  });

  it('with a clerk signed in: waits, says so, and installs only after sign-out', () => {
    const s = scene('https://updates.hospital.example/hims-counter', true);
    s.policy.start();
    s.updater.emit('update-downloaded', { version: '0.2.0' });
    s.fireTimers(); // a minute later, still signed in
    expect(s.updater.installs).toEqual([]);
    expect(s.said.at(-1)).toMatch(/Version 0\.2\.0 is ready\. It installs when nobody is signed in/);
    expect(s.policy.waiting()).toBe('0.2.0');
    s.state.signedIn = false;
    s.policy.signedOut();
    expect(s.updater.installs).toHaveLength(1);
    // Never twice.
    s.fireTimers();
    s.policy.signedOut();
    expect(s.updater.installs).toHaveLength(1);
  });

  it('a session that ends by itself (14 hours) lets the waiting update in at the next minute', () => {
    const s = scene('https://updates.hospital.example/hims-counter', true);
    s.policy.start();
    s.updater.emit('update-downloaded', { version: '0.3.0' });
    s.state.signedIn = false;
    s.fireTimers();
    expect(s.updater.installs).toHaveLength(1);
  });

  it('without an update server asks nothing; a server set later is used at once', () => {
    const s = scene(null, false);
    s.policy.start();
    expect(s.updater.checks).toBe(0);
    s.fireTimers();
    expect(s.updater.checks).toBe(0);
    s.policy.feedChanged('https://updates.hospital.example/v2');
    expect(s.updater.feeds).toEqual(['https://updates.hospital.example/v2']);
    expect(s.updater.checks).toBe(1);
  });

  it('a server that cannot be reached is reported in words, and nothing installs', async () => {
    const s = scene('https://updates.hospital.example/hims-counter', false);
    s.updater.failNext = true;
    s.policy.start();
    await new Promise((r) => setImmediate(r));
    expect(s.said.at(-1)).toMatch(/could not be reached; the counter keeps working/);
    s.updater.emit('error', new Error('sha512 checksum mismatch'));
    expect(s.said.at(-1)).toMatch(/could not be downloaded/);
    expect(s.updater.installs).toEqual([]);
  });
});
