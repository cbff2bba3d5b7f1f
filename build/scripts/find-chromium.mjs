// Which Chromium the end-to-end tests drive: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else
// Playwright's own download where one exists. Playwright's browsers cannot be downloaded on every
// machine (offline CI, this project's build hosts), so the system package is the dependable choice.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export const MISSING_CHROMIUM = '找不到 Chromium：请安装 Debian 的 chromium 软件包（apt-get install chromium）';

/** @returns {string | null} */
function playwrightsOwn() {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core');
    const p = chromium.executablePath();
    return p && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

/**
 * @param {{ env?: Record<string, string | undefined>, candidates?: string[], fallback?: () => string | null }} [opts]
 * @returns {string | null}
 */
export function findChromium(opts = {}) {
  const env = opts.env ?? process.env;
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const c of opts.candidates ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(c)) return c;
  return (opts.fallback ?? playwrightsOwn)();
}

/** The path, or one line naming what to install. */
export function requireChromium(opts) {
  const p = findChromium(opts);
  if (!p) throw new Error(MISSING_CHROMIUM);
  return p;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const p = findChromium();
  if (p) console.log(p);
  else {
    console.error(MISSING_CHROMIUM);
    process.exit(1);
  }
}
