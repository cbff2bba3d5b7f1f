// SECURITY.md "Durability": a writer killed with SIGKILL at random moments, many times. After each
// kill the data opens, integrity and foreign keys are clean, every acknowledged write is there, and
// the audit chain verifies.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { verifyChain } from '../../../db/core/audit';
import { tempDir } from '../../helpers';

const KILLS = 50;

/** Bundle the writer once, so each restart costs a Node start and not a TypeScript compile. */
async function bundleWriter(): Promise<string> {
  // Inside the project, so the bundle resolves better-sqlite3 and exceljs from node_modules.
  const out = join(process.cwd(), 'node_modules', '.cache', 'office-tests', `crash-writer-${process.pid}.cjs`);
  await build({ entryPoints: [join(__dirname, 'crash-writer.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: out, external: ['better-sqlite3', 'exceljs'], define: { 'import.meta.url': JSON.stringify(`file://${join(process.cwd(), 'db/core/core.ts')}`) }, logLevel: 'silent' });
  return out;
}

function runAndKill(script: string, dataDir: string, start: number, killAfterMs: number): Promise<{ acked: number[]; ready: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, dataDir, String(start)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: number[] = [];
    let ready = false;
    let buf = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (c: Buffer) => {
      buf += c.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const l of lines) {
        if (l === 'READY' && !ready) {
          ready = true;
          timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        } else if (l.startsWith('ACK ')) acked.push(Number(l.slice(4)));
      }
    });
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal === 'SIGKILL') resolve({ acked, ready });
      else reject(new Error(`writer exited by itself (${code}): ${err}`));
    });
    // A writer that never gets ready (e.g. refused to open) must not hang the suite.
    setTimeout(() => child.kill('SIGKILL'), 15_000);
  });
}

describe('crash safety', () => {
  it(`survives ${KILLS} SIGKILLs mid-write with nothing acknowledged lost`, async () => {
    const script = await bundleWriter();
    const dataDir = tempDir('crash-');
    const acknowledged = new Set<number>();
    let next = 0;
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < KILLS; i++) {
      const { acked } = await runAndKill(script, dataDir, next, Math.floor(random() * 250));
      for (const n of acked) acknowledged.add(n);
      next = Math.max(next, ...acked.map((n) => n + 1)) + 1000; // never reuse a login a killed write may have stored
      const db = new Database(join(dataDir, 'office.sqlite'));
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        const logins = new Set((db.prepare("SELECT login FROM users WHERE login LIKE 'u%'").all() as { login: string }[]).map((r) => r.login));
        for (const n of acknowledged) expect(logins.has(`u${n}`), `acknowledged write u${n} lost after kill ${i + 1}`).toBe(true);
        const chain = verifyChain(db, 'now');
        expect(chain.ok, chain.problem ?? '').toBe(true);
      } finally {
        db.close();
      }
    }
    expect(acknowledged.size).toBeGreaterThan(KILLS);
  }, 120_000);
});
