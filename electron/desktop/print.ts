// Renders a print route in a hidden window and turns it into paper or a PDF. One layout, three
// outputs (DESIGN.md "Printing"): the renderer marks the page ready with
// `document.body.dataset.printReady = '1'` (or 'error') once its data has loaded and laid out.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog, shell } from 'electron';
import type { PrintRequest, PrintResult } from './bridge';
import { safePdfName } from './ipc';
import { APP_INDEX_URL } from './urls';
import { printWindowOptions } from './window';

const READY_TIMEOUT_MS = 20_000;
const POLL_MS = 100;

/** Preview PDFs are removed when the app quits; the viewer has usually closed by then. */
const previewFiles = new Set<string>();

async function waitUntilReady(win: BrowserWindow): Promise<'ready' | 'error' | 'timeout'> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (win.isDestroyed()) return 'error';
    const state: unknown = await win.webContents
      .executeJavaScript('document.body ? document.body.dataset.printReady : undefined', true)
      .catch(() => undefined);
    if (state === '1') return 'ready';
    if (state === 'error') return 'error';
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return 'timeout';
}

function pdfOptions(req: PrintRequest): Electron.PrintToPDFOptions {
  return { pageSize: 'A4', landscape: req.landscape ?? false, printBackground: true, preferCSSPageSize: true };
}

function printWithDialog(win: BrowserWindow): Promise<PrintResult> {
  return new Promise((resolve) => {
    win.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => {
      // Cancelling the system dialog is reported as a failure with reason 'cancelled'.
      if (success) resolve({ ok: true });
      else resolve({ ok: false, message: failureReason === 'cancelled' ? '已取消打印' : `打印失败：${failureReason}` });
    });
  });
}

/** Mode 'pdf' asks where to save first, so the dialog answers the click at once. */
async function choosePdfPath(req: PrintRequest, parent: BrowserWindow | null): Promise<string | null> {
  const options = {
    title: '导出 PDF',
    defaultPath: path.join(app.getPath('documents'), safePdfName(req.suggestedName)),
    filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
  };
  const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return choice.canceled || !choice.filePath ? null : choice.filePath;
}

export async function printRoute(
  req: PrintRequest,
  ctx: { preload: string; parent: BrowserWindow | null },
): Promise<PrintResult> {
  const target = req.mode === 'pdf' ? await choosePdfPath(req, ctx.parent) : null;
  if (req.mode === 'pdf' && target === null) return { ok: false, message: '已取消导出' };

  const win = new BrowserWindow(printWindowOptions({ preload: ctx.preload }));
  try {
    await win.loadURL(`${APP_INDEX_URL}#${req.route}`);
    const state = await waitUntilReady(win);
    if (state === 'timeout') return { ok: false, message: '打印页面加载超时，请重试' };
    if (state === 'error') return { ok: false, message: '打印页面加载失败' };

    if (req.mode === 'print') return await printWithDialog(win);

    // 'preview' goes to the system PDF viewer: it shows exactly what will be printed, has its own
    // print button, and keeps PDF rendering (a plugin) out of our hardened windows.
    const file = target ?? path.join(os.tmpdir(), `office-registers-preview-${randomUUID()}.pdf`);
    await writeFile(file, await win.webContents.printToPDF(pdfOptions(req)));
    if (req.mode === 'pdf') return { ok: true, path: file };
    previewFiles.add(file);
    const error = await shell.openPath(file);
    return error ? { ok: false, path: file, message: `无法打开预览：${error}` } : { ok: true, path: file };
  } finally {
    if (!win.isDestroyed()) win.destroy();
  }
}

/** Synchronous because 'will-quit' does not wait for promises. */
export function removePreviewFiles(): void {
  for (const file of previewFiles) {
    try {
      rmSync(file, { force: true });
    } catch {
      // Still open in a viewer on Windows: the system's temp cleaning takes it later.
    }
  }
  previewFiles.clear();
}
