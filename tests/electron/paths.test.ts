import { describe, expect, it } from 'vitest';
import {
  electronUserDataPath,
  migrationsDir,
  nativeBindingPath,
  parseDataDirArg,
  rendererRoot,
  resolveDataDir,
} from '../../electron/desktop/paths';

describe('data folder', () => {
  it('reads --data-dir in both spellings', () => {
    expect(parseDataDirArg(['electron', '.', '--data-dir', '/srv/d'])).toBe('/srv/d');
    expect(parseDataDirArg(['app.exe', '--data-dir=D:\\台账'])).toBe('D:\\台账');
    expect(parseDataDirArg(['app.exe', '--data-dir'])).toBeUndefined();
    expect(parseDataDirArg(['app.exe', '--data-dir', '--inspect'])).toBeUndefined();
    expect(parseDataDirArg(['app.exe', '--data-dir='])).toBeUndefined();
  });

  it('prefers the argument, then OFFICE_DATA_DIR, then <userData>/data', () => {
    const base = { userDataPath: '/home/u/.config/办公室台账', cwd: '/work' };
    expect(resolveDataDir({ ...base, argv: ['x', '--data-dir', 'rel'], env: { OFFICE_DATA_DIR: '/env' } })).toBe('/work/rel');
    expect(resolveDataDir({ ...base, argv: ['x'], env: { OFFICE_DATA_DIR: '/env' } })).toBe('/env');
    expect(resolveDataDir({ ...base, argv: ['x'], env: { OFFICE_DATA_DIR: '' } })).toBe('/home/u/.config/办公室台账/data');
    expect(resolveDataDir({ ...base, argv: ['x'], env: {} })).toBe('/home/u/.config/办公室台账/data');
  });

  it('mirrors Electron’s userData folder for hosts without Electron', () => {
    expect(electronUserDataPath({ platform: 'linux', env: {}, home: '/home/u' })).toBe('/home/u/.config/办公室台账');
    expect(electronUserDataPath({ platform: 'linux', env: { XDG_CONFIG_HOME: '/x' }, home: '/home/u' })).toBe('/x/办公室台账');
    expect(electronUserDataPath({ platform: 'win32', env: { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, home: 'C:\\Users\\u' })).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\办公室台账',
    );
  });
});

describe('app layout', () => {
  it('loads the Electron-ABI binding from build/native in development and resources when installed', () => {
    const layout = { appPath: '/repo', resourcesPath: '/opt/app/resources', platform: 'linux', arch: 'x64' };
    expect(nativeBindingPath({ ...layout, isPackaged: false })).toBe('/repo/build/native/linux-x64/better_sqlite3.node');
    expect(nativeBindingPath({ ...layout, isPackaged: true })).toBe('/opt/app/resources/native/better_sqlite3.node');
  });

  it('finds the renderer build and the migrations next to the app', () => {
    expect(rendererRoot('/repo')).toBe('/repo/build/out/renderer');
    expect(migrationsDir('/opt/app/resources/app.asar')).toBe('/opt/app/resources/app.asar/db/migrations');
  });
});
