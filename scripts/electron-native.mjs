// better-sqlite3 is a native module: Node (tests, browser shell) and Electron
// need it built for different ABIs. `npm install` builds it for Node in
// node_modules as usual; this script builds a second copy for Electron in
// node_modules/.hims-electron-native/, which the Electron shell loads through
// better-sqlite3's `nativeBinding` option. The Node build is never touched.
// Building for Electron downloads Electron's headers (or a prebuilt binary),
// so it needs internet; it runs from `npm start` and `npm run dist`, never
// from `npm install`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const workDir = join(root, 'node_modules/.hims-electron-native');
const moduleCopy = join(workDir, 'better-sqlite3');
const marker = join(workDir, `electron-${electronVersion}`);
export const electronBinding = join(workDir, 'better_sqlite3.node');

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', timeout: 10 * 60_000 });
  return result.status === 0;
}

/** Returns the path of the Electron-ABI binding, building it if missing; throws if it can't. */
export function ensureElectronNative() {
  if (existsSync(electronBinding) && existsSync(marker)) return electronBinding;
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  cpSync(join(root, 'node_modules/better-sqlite3'), moduleCopy, {
    recursive: true,
    filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
  });
  const bin = (name) => join(root, 'node_modules/.bin', process.platform === 'win32' ? `${name}.cmd` : name);
  const built =
    run(bin('prebuild-install'), ['--runtime', 'electron', '--target', electronVersion, '--verbose'], moduleCopy) ||
    run(
      bin('node-gyp'),
      ['rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'],
      moduleCopy,
    );
  const output = join(moduleCopy, 'build/Release/better_sqlite3.node');
  if (!built || !existsSync(output)) {
    throw new Error(`could not build better-sqlite3 for Electron ${electronVersion} (this needs internet access)`);
  }
  cpSync(output, electronBinding);
  writeFileSync(marker, 'built\n');
  return electronBinding;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(ensureElectronNative());
  } catch (err) {
    console.error(`hims-counter: ${err.message}`);
    process.exit(1);
  }
}
