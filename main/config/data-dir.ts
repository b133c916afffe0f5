// Where a counter keeps its data when no folder is given: the same folder
// Electron's app.getPath('userData') uses for "HIMS Counter", so the browser
// shell and the desktop app on one machine share one database.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'HIMS Counter';

export function defaultDataDir(platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}
