// The start-up `PRAGMA quick_check` off the main thread. On a ten-year database it reads the whole
// file (about 4 s per GB), which would hold the window or the browser host's first answer; run in a
// worker on its own read-only connection, it lets the app answer at once while writes wait for it.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Plain CommonJS so that it runs the same from the sources (tsx) and from the desktop bundle.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true, nativeBinding: workerData.nativeBinding });
  parentPort.postMessage(db.pragma('quick_check').map((r) => r.quick_check).join('; '));
} catch (e) {
  parentPort.postMessage(String((e && e.message) || e));
} finally {
  if (db) db.close();
}`;

/** Resolves with what quick_check said: 'ok', or the problems (or why it could not run). */
export function quickCheckInBackground(file: string, nativeBinding?: string): Promise<string> {
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve) => {
    const w = new Worker(WORKER, { eval: true, workerData: { file, module, nativeBinding } });
    w.once('message', (m) => resolve(String(m)));
    w.once('error', (e) => resolve(e.message));
    w.once('exit', (code) => resolve(`检查线程异常退出（${code}）`));
  });
}
