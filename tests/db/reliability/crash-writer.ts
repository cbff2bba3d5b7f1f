// Child process for the crash test: writes through the core in a loop and prints "ACK <n>" only
// after the core has acknowledged write n. The parent kills it with SIGKILL at random moments.
import { openCore } from '../../../db/core/core';

const [dataDir, startArg] = process.argv.slice(2);
const core = openCore({ dataDir, appVersion: 'crash', passwordLogN: 10, log: () => {} });
let n = Number(startArg);

async function main() {
  let session: string;
  const info = await core.call(null, 'settings.publicInfo', {});
  if (info.ok && !(info.data as { initialized: boolean }).initialized) {
    const r = await core.call(null, 'accounts.setup', { unitName: '崩溃测试', login: 'admin', password: 'Str0ng!Pass', name: '管理员' });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    session = (r.data as { sessionId: string }).sessionId;
  } else {
    const r = await core.call(null, 'accounts.signIn', { login: 'admin', password: 'Str0ng!Pass' });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    session = (r.data as { sessionId: string }).sessionId;
  }
  process.stdout.write('READY\n');
  for (;;) {
    const r = await core.call(session, 'accounts.create', { login: `u${n}`, name: `职员${n}`, department: '办公室', roles: ['clerk'], password: 'Temp!Pass1' });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    process.stdout.write(`ACK ${n}\n`);
    n++;
  }
}
main().catch((e) => {
  process.stderr.write(String(e));
  process.exit(3);
});
