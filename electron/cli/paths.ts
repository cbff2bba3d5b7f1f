// Where the data lives by default: the same folder the desktop app uses (Electron's userData + /data).
import { homedir, platform } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PRODUCT_NAME = '办公室台账';

export function userDataDir(): string {
  const home = homedir();
  if (platform() === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform() === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}

export const defaultDataDir = () => process.env.OFFICE_DATA_DIR || join(userDataDir(), 'data');

/** The project root (where package.json is), from this file's location. */
export const projectRoot = () => resolve(fileURLToPath(new URL('../../', import.meta.url)));
export const rendererBuildDir = () => join(projectRoot(), 'build', 'out', 'renderer');
