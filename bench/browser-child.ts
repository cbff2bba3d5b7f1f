// Child of bench/run.ts: browser host cold start, first contentful paint, and a ≥1,000-row register
// printed to PDF through the print route, in Debian's Chromium.
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { chromium } from '@playwright/test';
import { findChromium } from '../build/scripts/find-chromium.mjs';
import { registerImpls } from '../db/output/registry';
import { findSoffice, libreOfficeToPdf, printReadyXlsx } from './print-xlsx';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const [dataDir, password] = process.argv.slice(2);

/** A register and a date range holding 1,000–3,000 rows. */
function pickPrintRange() {
  const db = new Database(join(dataDir, 'office.sqlite'), { readonly: true });
  try {
    // The 用印登记簿 first: the register the office most often prints, and the comparison's subject.
    const keys = ['seals.usage', ...Object.keys(registerImpls).filter((k) => k !== 'audit' && k !== 'seals.usage')];
    const year = new Date().getFullYear() - 1;
    for (const k of [...keys, 'audit']) {
      for (const months of [1, 2, 3, 6, 12]) {
        const to = new Date(Date.UTC(year, months, 0)).toISOString().slice(0, 10);
        const filter = k === 'audit' ? { from: `${year}-01-01`, to } : { year, from: `${year}-01-01`, to };
        const n = registerImpls[k].count(db, filter, new Date());
        if (n >= 1000 && n <= 3000) return { register: k, filter, n };
      }
    }
    return { register: 'audit', filter: {}, n: registerImpls.audit.count(db, {}, new Date()) };
  } finally {
    db.close();
  }
}

async function main() {
  const range = pickPrintRange();
  const t0 = performance.now();
  const host = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'electron/cli/main.ts'), 'serve', '--data-dir', dataDir, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  const url = await new Promise<string>((res) => {
    let out = '';
    host.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#\/\?token=[0-9a-f]+)/.exec(out);
      if (m) res(m[1]);
    });
  });
  const origin = url.slice(0, url.indexOf('/#'));
  for (;;) {
    try {
      if ((await fetch(`${origin}/api/health`)).ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const coldStartMs = performance.now() - t0;
  const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(url);
    await page.getByLabel('登录名', { exact: true }).waitFor();
    const fcpMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1);
    await page.getByLabel('登录名', { exact: true }).fill('demo-admin');
    await page.getByLabel('密码', { exact: true }).fill(password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByTestId('me-name').waitFor();
    // The print page: where its time goes — the rows fetched (print:data), the page rendered and its
    // fonts ready (print:ready); then 导出 PDF, and the browser's own print for comparison.
    await page.evaluate(([k, f]) => {
      performance.clearMarks();
      (window as unknown as { printT0: number }).printT0 = performance.now();
      window.location.hash = `#/print/register/${k}?f=${encodeURIComponent(JSON.stringify(f))}`;
    }, [range.register, range.filter] as const);
    await page.locator('body[data-print-ready="1"]').waitFor({ timeout: 120_000 });
    // No helper functions inside: tsx names them with a helper the page does not have.
    const marks = await page.evaluate(() => {
      const t0 = (window as unknown as { printT0: number }).printT0;
      const data = performance.getEntriesByName('print:data');
      const ready = performance.getEntriesByName('print:ready');
      return { data: data[data.length - 1].startTime - t0, ready: ready[ready.length - 1].startTime - t0 };
    });
    const out = join(ROOT, 'bench', 'results');
    mkdirSync(out, { recursive: true });
    const pagesOf = (f: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [f]).toString())?.[1] ?? 0);
    // 导出 PDF: the click on the print page to the PDF file on disk — the core writes it (db/output/pdf.ts).
    const tc = performance.now();
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByRole('button', { name: '导出 PDF' }).click();
    await (await download).saveAs(join(out, 'print-core.pdf'));
    const coreSeconds = (performance.now() - tc) / 1000;
    const corePages = pagesOf(join(out, 'print-core.pdf'));
    // The browser's own print of the same page (the print dialog's path): Chromium's pagination and PDF writer.
    const tp = performance.now();
    await page.pdf({ path: join(out, 'print-sample.pdf'), preferCSSPageSize: true });
    const pdfMs = performance.now() - tp;
    const printSeconds = (marks.ready + pdfMs) / 1000;
    const printPages = pagesOf(join(out, 'print-sample.pdf'));
    // The same rows as a print-ready spreadsheet through LibreOffice, when it is installed.
    const soffice = findSoffice();
    let lo: { seconds: number; pages: number } | null = null;
    let loSkip = '';
    if (soffice) {
      const db = new Database(join(dataDir, 'office.sqlite'), { readonly: true });
      try {
        const xlsx = await printReadyXlsx(db, range.register, range.filter, range.register, join(out, 'libreoffice'));
        lo = libreOfficeToPdf(soffice, xlsx, join(out, 'libreoffice'));
      } finally {
        db.close();
      }
    } else {
      loSkip = '未安装 LibreOffice（Debian：apt-get install libreoffice-calc-nogui），跳过与 LibreOffice 的对比';
      console.error(loSkip);
    }
    console.log(
      `RESULT ${JSON.stringify({ coldStartMs, fcpMs, printRows: range.n, printSeconds, printPages, coreSeconds, corePages, register: range.register, dataMs: marks.data, renderMs: marks.ready - marks.data, pdfMs, lo, loSkip })}`,
    );
  } finally {
    await browser.close();
    // The whole group: tsx runs the host in a child of its own, which would otherwise keep the folder.
    process.kill(-host.pid!, 'SIGTERM');
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
