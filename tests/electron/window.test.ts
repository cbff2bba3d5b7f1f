import { describe, expect, it } from 'vitest';
import { hardenedWebPreferences, mainWindowOptions, MIN_SIZE, printWindowOptions } from '../../electron/desktop/window';

const HARDENING = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  webviewTag: false,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
};

describe('window options', () => {
  it('main window carries every hardening flag and the preload', () => {
    const opts = mainWindowOptions({ preload: '/app/preload.cjs', devTools: false });
    expect(opts.webPreferences).toMatchObject({ ...HARDENING, preload: '/app/preload.cjs', devTools: false });
    expect(opts.title).toBe('办公室台账');
    expect(opts.show).toBe(false);
  });

  it('print window is hidden, hardened, and never has developer tools', () => {
    const opts = printWindowOptions({ preload: '/app/preload.cjs' });
    expect(opts.show).toBe(false);
    expect(opts.webPreferences).toMatchObject({ ...HARDENING, preload: '/app/preload.cjs', devTools: false });
  });

  it('nothing in the preferences loosens what SECURITY.md requires', () => {
    const prefs = hardenedWebPreferences({ preload: 'p', devTools: true });
    for (const [key, value] of Object.entries(HARDENING)) expect(prefs[key as keyof typeof prefs], key).toBe(value);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('opens at 1366×768 where it fits and never beyond the screen', () => {
    expect(mainWindowOptions({ preload: 'p', devTools: false, workArea: { width: 1920, height: 1040 } })).toMatchObject({
      width: 1366,
      height: 768,
    });
    // a 1366×768 screen minus the taskbar
    expect(mainWindowOptions({ preload: 'p', devTools: false, workArea: { width: 1366, height: 728 } })).toMatchObject({
      width: 1366,
      height: 728,
    });
    const tiny = mainWindowOptions({ preload: 'p', devTools: false, workArea: { width: 800, height: 600 } });
    expect(tiny.width).toBe(MIN_SIZE.width);
    expect(tiny.minWidth).toBe(MIN_SIZE.width);
    expect(tiny.minHeight).toBe(MIN_SIZE.height);
  });
});
