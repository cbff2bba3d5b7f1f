// SQLite's whole-file checks off the main thread: the start-up `quick_check` (about 4 s per GB on a
// ten-year database, which would hold the window or the browser host's first answer) and a backup
// copy's `integrity_check`. Each runs in a worker on its own read-only connection.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Plain CommonJS so that it runs the same from the sources (tsx) and from the desktop bundle.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true, nativeBinding: workerData.nativeBinding });
  parentPort.postMessage(db.pragma(workerData.check).map((r) => r[workerData.check]).join('; '));
} catch (e) {
  parentPort.postMessage(String((e && e.message) || e));
} finally {
  if (db) db.close();
}`;

/** Resolves with what the check said: 'ok', or the problems (or why it could not run). */
export function checkInBackground(file: string, check: 'quick_check' | 'integrity_check', nativeBinding?: string): Promise<string> {
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve) => {
    const w = new Worker(WORKER, { eval: true, workerData: { file, module, nativeBinding, check } });
    w.once('message', (m) => resolve(String(m)));
    w.once('error', (e) => resolve(e.message));
    w.once('exit', (code) => resolve(`检查线程异常退出（${code}）`));
  });
}
