// One browser host process per test, on its own temp data folder, started the way an IT person
// would (`cli serve`), so the tests cover the real host and the real core.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Envelope, Input, MethodName, Output } from '../../db/contract';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const URL_LINE = /(http:\/\/127\.0\.0\.1:(\d+)\/#\/\?token=([0-9a-f]+))/;

export class Host {
  readonly dataDir: string;
  private child: ChildProcess | null = null;
  private log = '';
  openUrl = '';
  origin = '';
  token = '';

  constructor() {
    this.dataDir = mkdtempSync(join(tmpdir(), 'office-e2e-'));
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'electron/cli/main.ts', 'serve', '--data-dir', this.dataDir, '--port', '0'], {
      cwd: ROOT,
      env: { ...process.env, OFFICE_INSECURE_FAST_HASH: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.log = ''; // a restart prints a new URL (new port, new token)
    child.stderr!.on('data', (d: Buffer) => (this.log += d.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`浏览器宿主 20 秒内未启动：\n${this.log}`)), 20_000);
      child.stdout!.on('data', (d: Buffer) => {
        this.log += d.toString();
        const m = URL_LINE.exec(this.log);
        if (m) {
          clearTimeout(timer);
          this.openUrl = m[1];
          this.origin = `http://127.0.0.1:${m[2]}`;
          this.token = m[3];
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`浏览器宿主退出（${code}）：\n${this.log}`));
      });
    });
  }

  /** Graceful stop (SIGTERM lets the core close the database cleanly), SIGKILL if it hangs. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(t);
  }

  remove() {
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  get output() {
    return this.log;
  }

  /** Call the core over the host's HTTP API, as the renderer does (for seeding data quickly). */
  async call<M extends MethodName>(method: M, input: Input<M>, session?: string): Promise<Output<M>> {
    const res = await fetch(`${this.origin}/api/call`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${this.token}`, ...(session ? { 'X-Session': session } : {}) },
      body: JSON.stringify({ method, input }),
    });
    const env = (await res.json()) as Envelope<Output<M>>;
    if (!env.ok) throw new Error(`${method}: ${env.error.code} ${env.error.message}`);
    return env.data;
  }
}
