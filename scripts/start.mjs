// npm start: launch the Electron app; where Electron's runtime is not
// installed (or cannot be), say so in one line and start the browser shell.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronNative } from './electron-native.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

/** Electron's binary, downloading it once if this machine can; null if not. */
function electronBinary() {
  const pkg = join(root, 'node_modules/electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) {
    spawnSync(process.execPath, [join(pkg, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
  }
  if (!existsSync(pathFile)) return null;
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function startBrowserShell(reason) {
  console.log(`${reason}; starting the browser shell instead (open the address below in a browser).`);
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), join(root, 'main/browser/serve-cli.ts'), ...args], {
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}

const binary = electronBinary();
if (!binary) {
  startBrowserShell("Electron's runtime is not installed here (it could not be downloaded)");
} else {
  let nativeReady = true;
  try {
    ensureElectronNative();
  } catch (err) {
    nativeReady = false;
    startBrowserShell(`better-sqlite3 is not built for Electron: ${err.message}`);
  }
  if (nativeReady) {
    const child = spawn(binary, [root, ...args], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
