// Updates for the desktop app (electron-updater against a generic server the
// hospital hosts; its URL is set in Maintenance, docs/decisions.md
// "Installers and updates"). An update downloads in the background and
// installs only when nobody is signed in at this counter: at start, or
// after the clerk signs out (or the session ends) — never under a clerk
// mid-registration, and never because the app happened to quit. A staged
// roll-out is the server's: electron-updater skips a release whose
// latest.yml `stagingPercentage` leaves this installation out.
//
// No import of 'electron' or 'electron-updater' here: main.ts hands in the
// real autoUpdater, the tests a fake.

/** The part of electron-updater's AppUpdater this policy uses. */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'update-not-available', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdatePolicyDeps {
  updater: UpdaterLike;
  /** The update server from Maintenance (updates.getSettings), or null: no updates. */
  feedUrl: () => string | null;
  /** Someone is signed in (even locked: a half-typed form waits under the lock). */
  anyoneSignedIn: () => boolean;
  /** What the Maintenance screen shows (core.ops.setUpdaterStatus). */
  report: (words: string | null) => void;
  log: (message: string) => void;
  setInterval: (fn: () => void, ms: number) => unknown;
  clearInterval: (handle: unknown) => void;
  /** How often the server is asked (default every 4 hours). */
  checkEveryMs?: number;
  /** How often "may it install now?" is asked (default every minute). */
  installPollMs?: number;
}

export interface UpdatePolicy {
  start(): void;
  stop(): void;
  /** The Maintenance screen saved another update server. */
  feedChanged(url: string | null): void;
  /** A clerk signed out: install now if an update is waiting and nobody else is signed in. */
  signedOut(): void;
  /** The version downloaded and waiting, if any. */
  waiting(): string | null;
}

export function createUpdatePolicy(d: UpdatePolicyDeps): UpdatePolicy {
  let downloaded: string | null = null;
  let installing = false;
  const timers: unknown[] = [];
  let feed: string | null = null;

  function check(): void {
    if (!feed) return;
    d.updater.checkForUpdates().catch((err: unknown) => {
      d.report('The update server could not be reached; the counter keeps working and tries again later.');
      d.log(`update check failed: ${err instanceof Error ? err.message : String(err)}`);
    });
  }

  function maybeInstall(): void {
    if (!downloaded || installing) return;
    if (d.anyoneSignedIn()) {
      d.report(
        `Version ${downloaded} is ready. It installs when nobody is signed in at this counter (sign out at the end of the shift).`,
      );
      return;
    }
    installing = true;
    d.report(`Installing version ${downloaded}; the counter restarts.`);
    d.log(`installing update ${downloaded}`);
    // Silent (no installer wizard at a counter) and run the app again afterwards.
    d.updater.quitAndInstall(true, true);
  }

  function point(url: string | null): void {
    feed = url;
    if (!url) {
      d.report(null);
      return;
    }
    d.updater.setFeedURL({ provider: 'generic', url });
    check();
  }

  return {
    start() {
      d.updater.autoDownload = true;
      d.updater.autoInstallOnAppQuit = false;
      d.updater.allowDowngrade = false;
      d.updater.on('update-downloaded', (info) => {
        downloaded = info.version;
        d.log(`update ${info.version} downloaded`);
        maybeInstall();
      });
      d.updater.on('update-not-available', () => {
        if (!downloaded) d.report(null);
      });
      d.updater.on('error', (error) => {
        d.report('The update could not be downloaded; the counter keeps working and tries again later.');
        d.log(`update failed: ${error.message}`);
      });
      point(d.feedUrl());
      timers.push(d.setInterval(check, d.checkEveryMs ?? 4 * 3_600_000));
      timers.push(d.setInterval(maybeInstall, d.installPollMs ?? 60_000));
    },
    stop() {
      for (const t of timers.splice(0)) d.clearInterval(t);
    },
    feedChanged: point,
    signedOut: maybeInstall,
    waiting: () => downloaded,
  };
}
