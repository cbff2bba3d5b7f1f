// Electron entry. Thin on purpose: it opens the core, serves the renderer over app://office, hardens
// every window and moves calls across one IPC channel. Rules live in the core; policy in the pure
// modules next to this file (window, urls, csp, ipc, menu, paths), which are unit-tested.
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import { openCore, type Core, autoBackup } from '../../db';
import { createAppRequestHandler } from './app-protocol';
import { createCallHandler, createPrintHandler, registerIpc } from './ipc';
import { aboutText, buildMenuTemplate } from './menu';
import { migrationsDir, nativeBindingPath, preloadPath, rendererRoot, resolveDataDir } from './paths';
import { printRoute, removePreviewFiles } from './print';
import { APP_INDEX_URL, APP_SCHEME, isAllowedAppUrl, isAllowedExternal } from './urls';
import { mainWindowOptions } from './window';

// Must happen before 'ready': a standard + secure scheme gets a real origin, so 'self' in the CSP,
// fetch() and storage all work as they would over https.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
// Every renderer sandboxed, including any a bug might create without our options.
app.enableSandbox();

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;
const preload = preloadPath(__dirname);

/** Tells the user in Chinese and leaves without a window; used only before anything is open. */
function fail(message: string): null {
  dialog.showErrorBox('办公室台账无法启动', message);
  app.exit(1);
  return null;
}

function openTheCore(): Core | null {
  const appPath = app.getAppPath();
  const dataDir = resolveDataDir({
    argv: process.argv,
    env: process.env,
    userDataPath: app.getPath('userData'),
    cwd: process.cwd(),
  });
  let nativeBinding: string | undefined = nativeBindingPath({
    isPackaged: app.isPackaged,
    appPath,
    resourcesPath: process.resourcesPath,
    platform: process.platform,
    arch: process.arch,
  });
  if (!existsSync(nativeBinding)) {
    if (app.isPackaged) return fail(`安装不完整：缺少数据库组件 ${nativeBinding}，请重新安装。`);
    // In development node_modules holds the Node build, which Electron cannot load; say how to fix it.
    console.error(`[desktop] ${nativeBinding} is missing; run \`node build/scripts/native-binding.mjs\` (needs internet).`);
    nativeBinding = undefined;
  }
  try {
    mkdirSync(dataDir, { recursive: true });
    return openCore({
      dataDir,
      appVersion: app.getVersion(),
      workstation: os.hostname(),
      nativeBinding,
      migrationsDir: migrationsDir(appPath),
      // The window opens at once; writes wait for the start-up check, which runs in a worker.
      backgroundCheck: true,
    });
  } catch (err) {
    // CoreOpenError messages are already Chinese and say what to do (folder in use, newer version …).
    const message = err instanceof Error ? err.message : String(err);
    return fail(`${message}\n\n数据文件夹：${dataDir}`);
  }
}

function hardenSession(): void {
  const ses = session.defaultSession;
  // Camera, microphone, notifications, geolocation, clipboard-read … a register needs none of them.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // Defence in depth behind the CSP: the renderer has no business on the web. (Only the two
  // patterns Electron documents; an invalid pattern would throw here and stop the app starting.)
  ses.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*'] }, (_details, callback) =>
    callback({ cancel: true }),
  );
  ses.protocol.handle(APP_SCHEME, createAppRequestHandler(rendererRoot(app.getAppPath())));
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => {
    if (!isAllowedAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
});

function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow(
    mainWindowOptions({
      preload,
      devTools: !app.isPackaged,
      workArea: screen.getPrimaryDisplay().workAreaSize,
    }),
  );
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_INDEX_URL);
  return win;
}

function showAbout(): void {
  const detail = aboutText({ version: app.getVersion(), dataDir: core?.dataDir ?? '', electron: process.versions.electron });
  const options = { type: 'info' as const, title: '关于', message: '办公室台账', detail, buttons: ['确定'] };
  if (mainWindow) void dialog.showMessageBox(mainWindow, options);
  else void dialog.showMessageBox(options);
}

if (!app.requestSingleInstanceLock()) {
  // Another copy is running: it gets focused (below) and this one leaves before touching the data.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  void app.whenReady().then(() => {
    const opened = openTheCore();
    if (!opened) return;
    core = opened;
    hardenSession();
    registerIpc(ipcMain, {
      call: createCallHandler(opened),
      print: createPrintHandler((req) => printRoute(req, { preload, parent: mainWindow })),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ isPackaged: app.isPackaged, onAbout: showAbout })));
    mainWindow = createMainWindow();
    // The daily backup at the first start of the day runs in the background (the online backup
    // API copies in small steps, so the window stays responsive).
    void autoBackup(opened.state, 'start');
  });

  app.on('window-all-closed', () => app.quit());
  // The exit backup must finish before the core closes: hold the quit once, then let it go.
  let exitBackupDone = false;
  app.on('before-quit', (event) => {
    if (exitBackupDone || !core) return;
    event.preventDefault();
    const closing = core;
    void autoBackup(closing.state, 'exit').finally(() => {
      exitBackupDone = true;
      app.quit();
    });
  });
  app.on('will-quit', () => {
    core?.close();
    core = null;
    removePreviewFiles();
  });
}
