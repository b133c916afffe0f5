// Our build machines cannot download Electron, so installers are never built
// here; this checks what packaging depends on instead: electron-builder.yml
// parses, every file it names exists (or is the one scripts/electron-native.mjs
// makes), every native module in the production tree is unpacked from the
// asar archive, Windows is a per-machine NSIS installer and Linux AppImage +
// deb, the update feed is valid (and the example latest.yml with a staged
// roll-out), and electronegativity finds nothing of high severity in the
// Electron shell, the preload and the renderer.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { FeedUrl } from '../../preload/contract/methods/ops-schemas';
import { tempDir } from '../support/temp-core';

const root = join(__dirname, '../..');

interface BuilderConfig {
  appId: string;
  directories: { output: string; buildResources: string };
  files: string[];
  extraResources: { from: string; to: string }[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  publish: { provider: string; url: string; channel?: string }[];
  linux: { target: string[] };
  win: { target: string[] };
  nsis: { oneClick: boolean; perMachine: boolean; deleteAppDataOnUninstall: boolean };
}

const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

/** electron-builder's globs as used here: `**` any depth, `*` within one path segment. */
function globMatches(pattern: string, path: string): boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (pattern.startsWith('**/', i)) {
      re += '(?:.*/)?';
      i += 2;
    } else if (pattern.startsWith('**', i)) {
      re += '.*';
      i += 1;
    } else if (ch === '*') re += '[^/]*';
    else re += ch.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`).test(path);
}

function nativeFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const stat = statSync(path);
      if (stat.isDirectory()) {
        if (name !== 'obj.target' && name !== 'node_modules') walk(path);
      } else if (name.endsWith('.node') && !name.startsWith('test_')) found.push(path);
    }
  };
  walk(dir);
  return found;
}

describe('packaging configuration', () => {
  it('parses and names only files that exist, or the Electron build of better-sqlite3 that the dist script makes', async () => {
    expect(config.appId).toBe('in.hims.counter');
    expect(existsSync(join(root, config.directories.buildResources))).toBe(true);
    expect(config.files).toContain('out/**');
    expect(existsSync(join(root, 'package.json'))).toBe(true);
    // out/ is built by electron-vite: package.json's main must be one of its outputs.
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };
    expect(pkg.main).toBe('out/main/index.js');
    expect(readFileSync(join(root, 'electron.vite.config.ts'), 'utf8')).toContain("outDir: 'out/main'");
    expect(existsSync(join(root, 'main/electron/main.ts'))).toBe(true);
    const { electronBinding } = await import('../../scripts/electron-native.mjs');
    for (const { from } of config.extraResources) {
      const made = join(root, from) === electronBinding;
      expect(made || existsSync(join(root, from)), `${from} exists`).toBe(true);
    }
    expect(pkg.scripts.dist).toMatch(/electron-native\.mjs && electron-builder/);
    expect(config.npmRebuild).toBe(false);
  });

  it('unpacks every native module of the production dependencies from the asar archive', () => {
    expect(config.asar).toBe(true);
    const prodPackages = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 32 << 20,
    })
      .split('\n')
      .filter((p) => p.includes('node_modules'));
    const natives = prodPackages.flatMap((dir) => nativeFiles(dir)).map((f) => relative(root, f).split('\\').join('/'));
    const packages = new Set(
      natives.map((f) =>
        f
          .split('/')
          .slice(0, f.includes('/@') ? 3 : 2)
          .join('/'),
      ),
    );
    // The four the product loads: SQLite, argon2 (passwords), Skia (slips), serial scanners.
    for (const name of ['better-sqlite3', '@node-rs/argon2-', '@napi-rs/canvas-', '@serialport/bindings-cpp'])
      expect(
        [...packages].some((p) => p.includes(name)),
        `${name} has a native binary here`,
      ).toBe(true);
    for (const file of natives)
      expect(
        config.asarUnpack.some((g) => globMatches(g, file)),
        `${file} is unpacked`,
      ).toBe(true);
    expect(globMatches('node_modules/@node-rs/**', 'node_modules/@node-rs/argon2/index.js')).toBe(true);
    expect(globMatches('**/*.node', 'node_modules/out/thing.js')).toBe(false);
  });

  it('builds a per-machine NSIS installer for Windows and AppImage + deb for Linux, keeping the data on uninstall', () => {
    expect(config.win.target).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true, deleteAppDataOnUninstall: false });
    expect([...config.linux.target].sort()).toEqual(['AppImage', 'deb']);
  });

  it('publishes a generic update feed, and the example feed with a staged roll-out is valid', () => {
    expect(config.publish).toHaveLength(1);
    const [feed] = config.publish;
    expect(feed).toMatchObject({ provider: 'generic', channel: 'latest' });
    expect(FeedUrl.safeParse(feed!.url).success).toBe(true);
    // What the Maintenance screen accepts as the hospital's server.
    expect(FeedUrl.safeParse('http://updates.hospital.example/hims').success).toBe(false);
    expect(FeedUrl.safeParse('https://user:pw@updates.hospital.example/').success).toBe(false);
    const example = load(readFileSync(join(root, 'docs/examples/latest.yml'), 'utf8')) as {
      version: string;
      files: { url: string; sha512: string; size: number }[];
      path: string;
      sha512: string;
      releaseDate: string;
      stagingPercentage?: number;
    };
    expect(example.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(example.files.length).toBeGreaterThan(0);
    for (const f of example.files) {
      expect(Buffer.from(f.sha512, 'base64')).toHaveLength(64);
      expect(f.size).toBeGreaterThan(0);
    }
    expect(example.files.map((f) => f.url)).toContain(example.path);
    expect(Number.isNaN(Date.parse(example.releaseDate))).toBe(false);
    expect(example.stagingPercentage).toBeGreaterThan(0);
    expect(example.stagingPercentage).toBeLessThanOrEqual(100);
  });
});

async function electronegativity(input: string) {
  const { default: run } = await import('@doyensec/electronegativity');
  return run(
    { input, isRelative: true, electronVersionOverride: '45.5.0', excludeFromScan: ['AvailableSecurityFixesGlobalCheck'] },
    false,
  );
}

describe('electronegativity', () => {
  it('finds nothing of high severity in the Electron shell, the preload and the renderer', async () => {
    const scan = tempDir('hims-electronegativity-');
    cpSync(join(root, 'main/electron'), join(scan, 'main/electron'), { recursive: true });
    cpSync(join(root, 'preload'), join(scan, 'preload'), { recursive: true });
    cpSync(join(root, 'renderer/src'), join(scan, 'renderer/src'), { recursive: true });
    cpSync(join(root, 'renderer/index.html'), join(scan, 'renderer/index.html'));
    cpSync(join(root, 'package.json'), join(scan, 'package.json'));
    const { issues, errors } = await electronegativity(scan);
    expect(errors.filter((e) => !e.tolerable)).toEqual([]);
    expect(issues.filter((i) => i.severity.name === 'HIGH').map((i) => `${i.id} ${i.file}`)).toEqual([]);
    // It did read our files: the window's preload is a finding it always reports for review.
    expect(issues.some((i) => i.file.includes('main/electron/main.ts'))).toBe(true);
  }, 60_000);

  it('does find high-severity settings when they are there (so the check above can fail)', async () => {
    const scan = tempDir('hims-electronegativity-bad-');
    mkdirSync(join(scan, 'main'));
    writeFileSync(
      join(scan, 'main/bad.js'),
      `const { BrowserWindow } = require('electron');
       const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, webSecurity: false } });
       win.loadURL('http://example.com');`,
    );
    writeFileSync(join(scan, 'package.json'), JSON.stringify({ name: 'bad', devDependencies: { electron: '45.5.0' } }));
    const { issues } = await electronegativity(scan);
    expect(issues.filter((i) => i.severity.name === 'HIGH').length).toBeGreaterThan(0);
  }, 60_000);
});
