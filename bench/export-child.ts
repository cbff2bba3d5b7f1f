// Child of bench/run.ts: the xlsx export of the largest register, with this process's peak memory.
import { performance } from 'node:perf_hooks';
import { openCore } from '../db/core/core';
import { registerImpls } from '../db/output/registry';

const [dataDir, password, keys] = process.argv.slice(2);
const core = openCore({ dataDir, appVersion: 'bench' });
let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);

async function main() {
  const s = await core.call(null, 'accounts.signIn', { login: 'demo-admin', password });
  if (!s.ok) throw new Error(s.error.message);
  const session = (s.data as { sessionId: string }).sessionId;
  const sized = keys.split(',').map((k) => ({ k, n: registerImpls[k].count(core.state.db, {}, new Date()) })).sort((a, b) => b.n - a.n);
  const register = sized[0].k;
  const t = performance.now();
  const start = await core.call(session, 'output.exportStart', { register, filter: {} });
  if (!start.ok) throw new Error(start.error.message);
  let job = start.data as { id: string; state: string; rows: number };
  while (job.state === 'running') {
    await new Promise((r) => setTimeout(r, 100));
    const st = await core.call(session, 'output.exportStatus', { id: job.id });
    if (!st.ok) throw new Error(st.error.message);
    job = st.data as typeof job;
  }
  const seconds = (performance.now() - t) / 1000;
  clearInterval(sample);
  console.log(`RESULT ${JSON.stringify({ register, rows: job.rows, seconds, peakMb: peak / 1024 / 1024, state: job.state })}`);
  core.close();
}
main().catch((e) => {
  console.error(e);
  core.close();
  process.exit(1);
});
