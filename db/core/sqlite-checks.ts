// SQLite's whole-file checks off the main thread: the start-up `quick_check` (about 4 s per GB on a
// ten-year database, which would hold the window or the browser host's first answer) and a backup
// copy's `integrity_check`. Each runs in a worker on its own read-only connection; if a worker cannot
// run at all (a packaging problem, not a verdict on the file), the check runs here instead.
import Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

type Check = 'quick_check' | 'integrity_check';

// Plain CommonJS so that it runs the same from the sources (tsx) and from the desktop bundle.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
(() => {
  let Database;
  try {
    Database = require(workerData.module);
    new Database(':memory:', { nativeBinding: workerData.nativeBinding }).close(); // the addon loads here
  } catch (e) {
    parentPort.postMessage({ ran: false, result: String((e && e.message) || e) });
    return;
  }
  let db;
  try {
    db = new Database(workerData.file, { readonly: true, fileMustExist: true, nativeBinding: workerData.nativeBinding });
    parentPort.postMessage({ ran: true, result: db.pragma(workerData.check).map((r) => r[workerData.check]).join('; ') });
  } catch (e) {
    // A file too damaged to open or to check is a verdict too.
    parentPort.postMessage({ ran: true, result: String((e && e.message) || e) });
  } finally {
    if (db) db.close();
  }
})();`;

/** In a worker: what the check said ('ok' or the problems), or ran=false when the worker could not run. */
export function checkInWorker(file: string, check: Check, nativeBinding?: string): Promise<{ ran: boolean; result: string }> {
  return new Promise((resolve) => {
    try {
      const module = createRequire(import.meta.url).resolve('better-sqlite3');
      const w = new Worker(WORKER, { eval: true, workerData: { file, module, nativeBinding, check } });
      w.once('message', (m: { ran: boolean; result: string }) => resolve(m));
      w.once('error', (e) => resolve({ ran: false, result: e.message }));
      w.once('exit', (code) => resolve({ ran: false, result: `检查线程异常退出（${code}）` }));
    } catch (e) {
      resolve({ ran: false, result: (e as Error).message });
    }
  });
}

/** The check's verdict: from a worker, or here when no worker can run. */
export async function checkInBackground(file: string, check: Check, nativeBinding?: string): Promise<string> {
  const r = await checkInWorker(file, check, nativeBinding);
  if (r.ran) return r.result;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    return (db.pragma(check) as Record<Check, string>[]).map((x) => x[check]).join('; ');
  } catch (e) {
    return (e as Error).message;
  } finally {
    db?.close();
  }
}
