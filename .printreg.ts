import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
const [dataDir, out, ...keys] = process.argv.slice(2);
const host = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'electron/cli/main.ts', 'serve', '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, OFFICE_INSECURE_FAST_HASH: '1' } });
const url = await new Promise<string>((res) => { let o = ''; host.stdout!.on('data', (d) => { o += d; const m = /(http:\/\/127\.0\.0\.1:\d+\/#\/\?token=[0-9a-f]+)/.exec(o); if (m) res(m[1]); }); });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
await page.goto(url);
await page.getByLabel('登录名', { exact: true }).fill(process.env.LOGIN ?? 'demo-admin');
await page.getByLabel('密码', { exact: true }).fill('Demo-Pass-2025!');
await page.getByRole('button', { name: '登录', exact: true }).click();
await page.getByTestId('me-name').waitFor();
mkdirSync(out, { recursive: true });
for (const k of keys) {
  const [key, f] = k.split('@');
  const t = Date.now();
  await page.evaluate(([key, f]) => (window.location.hash = `#/print/register/${key}?f=${encodeURIComponent(f || '{}')}`), [key, f]);
  await page.locator('body[data-print-ready="1"]').waitFor({ timeout: 120_000 });
  const file = `${out}/${key}.pdf`;
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())![1];
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', file, `${out}/${key}`]);
  console.log(key, 'pages', pages, 'ms', Date.now() - t);
  await page.evaluate(() => (window.location.hash = '#/'));
  await page.waitForTimeout(200);
}
await browser.close(); host.kill();
