// Where the desktop host finds things. PURE (node:path only) so the rules are unit-tested and the
// command line can compute the same default data folder without Electron.
import nodePath from 'node:path';

/** package.json productName: Electron names the user-data folder after it. */
export const PRODUCT_NAME = '办公室台账';

/** `--data-dir D` or `--data-dir=D`; the last one wins, like most command lines. */
export function parseDataDirArg(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--data-dir' && i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) found = argv[++i];
    else if (arg.startsWith('--data-dir=')) found = arg.slice('--data-dir='.length);
  }
  return found === '' ? undefined : found;
}

/** Argument, then OFFICE_DATA_DIR, then `<userData>/data` (SECURITY.md: the user's app-data folder). */
export function resolveDataDir(input: {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  userDataPath: string;
  cwd: string;
}): string {
  const chosen = parseDataDirArg(input.argv) ?? (input.env.OFFICE_DATA_DIR || undefined);
  return chosen ? nodePath.resolve(input.cwd, chosen) : nodePath.join(input.userDataPath, 'data');
}

/**
 * Electron's `app.getPath('userData')` for this app, computed without Electron, for hosts that must
 * open the same default data folder (npm start's browser-host fallback, the command line).
 */
export function electronUserDataPath(input: {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  home: string;
}): string {
  const path = input.platform === 'win32' ? nodePath.win32 : nodePath.posix;
  const appData =
    input.platform === 'win32'
      ? input.env.APPDATA || path.join(input.home, 'AppData', 'Roaming')
      : input.platform === 'darwin'
        ? path.join(input.home, 'Library', 'Application Support')
        : input.env.XDG_CONFIG_HOME || path.join(input.home, '.config');
  return path.join(appData, PRODUCT_NAME);
}

export interface AppLayout {
  isPackaged: boolean;
  /** app.getAppPath(): the repository in development, resources/app.asar when installed. */
  appPath: string;
  resourcesPath: string;
  platform: string;
  arch: string;
}

/** The Electron-ABI better-sqlite3 build, kept apart from node_modules (DESIGN.md "Native module"). */
export function nativeBindingPath(layout: AppLayout): string {
  return layout.isPackaged
    ? nodePath.join(layout.resourcesPath, 'native', 'better_sqlite3.node')
    : nodePath.join(layout.appPath, 'build', 'native', `${layout.platform}-${layout.arch}`, 'better_sqlite3.node');
}

export function rendererRoot(appPath: string): string {
  return nodePath.join(appPath, 'build', 'out', 'renderer');
}

export function migrationsDir(appPath: string): string {
  return nodePath.join(appPath, 'db', 'migrations');
}

/** The bundled preload sits next to the bundled main (build/out/desktop/). */
export function preloadPath(mainDir: string): string {
  return nodePath.join(mainDir, 'preload.cjs');
}
