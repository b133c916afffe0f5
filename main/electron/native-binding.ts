// better-sqlite3 built for Electron's ABI (scripts/electron-native.mjs): in a
// packaged app it ships in resources/native, in development it sits in
// node_modules/.hims-electron-native. The Node build in node_modules serves
// the tests and the browser shell.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function electronNativeBinding(app: { isPackaged: boolean; getAppPath(): string }): string {
  const file = app.isPackaged
    ? join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : join(app.getAppPath(), 'node_modules/.hims-electron-native/better_sqlite3.node');
  if (!existsSync(file)) {
    throw new Error(
      `better-sqlite3 is not built for Electron (${file} is missing): run "node scripts/electron-native.mjs" with internet access`,
    );
  }
  return file;
}
