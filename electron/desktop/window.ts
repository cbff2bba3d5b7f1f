// BrowserWindow options for every window the app opens. PURE: only electron *types* are imported,
// so the hardening can be asserted by unit tests without an Electron runtime.
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export { CONTENT_SECURITY_POLICY as CSP } from '../shared/csp';
export { isAllowedAppUrl, isAllowedExternal, isTrustedSender, resolveAppPath } from './urls';

export const APP_TITLE = '办公室台账';

/** 1366×768 is the common office screen; below the minimum the register tables stop being usable. */
export const DEFAULT_SIZE = { width: 1366, height: 768 } as const;
export const MIN_SIZE = { width: 1024, height: 640 } as const;

/** SECURITY.md "desktop shell": the same preferences for the main window and the print window. */
export function hardenedWebPreferences(opts: { preload: string; devTools: boolean }): WebPreferences {
  return {
    preload: opts.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    webviewTag: false,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    // A file dropped on the window must not replace the app with that file.
    navigateOnDragDrop: false,
    // Chromium would fetch dictionaries from Google; offices are often offline and text is Chinese.
    spellcheck: false,
    safeDialogs: true,
    devTools: opts.devTools,
  };
}

export interface MainWindowInput {
  preload: string;
  devTools: boolean;
  /** The primary display's work area, so the window never opens larger than the screen. */
  workArea?: { width: number; height: number };
  icon?: string;
}

export function mainWindowOptions(input: MainWindowInput): BrowserWindowConstructorOptions {
  const area = input.workArea ?? DEFAULT_SIZE;
  const width = Math.max(MIN_SIZE.width, Math.min(DEFAULT_SIZE.width, area.width));
  const height = Math.max(MIN_SIZE.height, Math.min(DEFAULT_SIZE.height, area.height));
  return {
    title: APP_TITLE,
    width,
    height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    // Shown on 'ready-to-show' so the user never sees an unstyled flash.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    ...(input.icon ? { icon: input.icon } : {}),
    webPreferences: hardenedWebPreferences(input),
  };
}

/** The hidden window a print layout is rendered in; A4 portrait at 96 dpi. */
export function printWindowOptions(input: { preload: string }): BrowserWindowConstructorOptions {
  return {
    title: APP_TITLE,
    show: false,
    width: 794,
    height: 1123,
    backgroundColor: '#ffffff',
    webPreferences: {
      ...hardenedWebPreferences({ preload: input.preload, devTools: false }),
      // A hidden window's timers are throttled; the ready signal must still arrive promptly.
      backgroundThrottling: false,
    },
  };
}
