// The tests drive the built renderer as the browser host serves it. `npm test` builds it first;
// a bare `npx playwright test` builds it here when it is missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export default function globalSetup() {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  if (existsSync(join(root, 'build', 'out', 'renderer', 'index.html'))) return;
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('界面构建失败（vite build）');
}
