// Issue 28: registers on paper that beat the spreadsheet they replace. A year of 1,000 ordinary seal
// uses (each keyed in on its own day, so nothing is 补录) prints at least 15 rows a page and at most 70
// pages; no number, date or document number is split over two lines; the title and period repeat on
// every page; the checkpoint footer stays on one line; the sign-off block closes the register.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { test, expect, type Page } from './fixtures';
import { bureau, cosign } from '../db/seals/fixture';
import { STRONG, ok, pinnedClock } from '../helpers';
import { expectShell, signIn } from './ui';
import { REGISTER_DEFS } from '../../db/contract/registers';
import type { RegisterFilter } from '../../db/contract/output';
import type { Host } from './host';
import { formatCell } from '../../db/contract/paper';
import { isAtomic, printedColumns } from '../../db/contract/paper';

const OUT = 'test-results/print';

/** Print a route to PDF: its pages as `pdftotext -layout` text, and a PNG of the first page. */
export async function printed(page: Page, route: string, name: string) {
  // From one print route to the next in the same tab: the old page's ready flag must not count.
  await page.evaluate((r) => {
    delete document.body.dataset.printReady;
    window.location.hash = `#${r}`;
  }, route);
  await page.locator('body[data-print-ready="1"]').waitFor({ timeout: 120_000 });
  mkdirSync(OUT, { recursive: true });
  const file = `${OUT}/${name}.pdf`;
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', file, `${OUT}/${name}`]);
  const pages = execFileSync('pdftotext', ['-layout', file, '-']).toString().split('\f').filter((p) => p.trim());
  return pages;
}

/** A PDF's pages as `pdftotext -layout` text. */
const pdfPages = (file: string) =>
  execFileSync('pdftotext', ['-layout', file, '-'])
    .toString()
    .split('\f')
    .filter((p) => p.trim());

/** The core's own PDF of a register (what 导出 PDF downloads), written beside the print route's. */
async function corePdf(host: Host, session: string, register: string, filter: RegisterFilter, name: string) {
  let job = await host.call('output.pdfStart', { register, filter }, session);
  while (job.state === 'running') {
    await new Promise((r) => setTimeout(r, 50));
    job = await host.call('output.exportStatus', { id: job.id }, session);
  }
  expect(job.state, job.error ?? '').toBe('done');
  const file = await host.call('output.exportFetch', { id: job.id }, session);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(`${OUT}/${name}.pdf`, Buffer.from(file.base64, 'base64'));
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', `${OUT}/${name}.pdf`, `${OUT}/${name}`]);
  return pdfPages(`${OUT}/${name}.pdf`);
}

/** Working days of a year, Monday to Friday. */
function workingDays(year: number) {
  const days: string[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    const d = new Date(t);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

test('1,000 ordinary seal uses: at least 15 rows a page, at most 70 pages, nothing split, title, period and sign-off', async ({ page, host }) => {
  test.setTimeout(400_000);
  await host.stop();
  const clock = pinnedClock('2025-01-02T08:30:00+08:00');
  const b = await bureau({ dataDir: host.dataDir, clock });
  const days = workingDays(2025);
  const numbers: string[] = [];
  let session = b.c;
  for (let i = 0; i < 1000; i++) {
    const day = days[Math.floor(i / 4)];
    // Four a day, five minutes apart (the session's idle lock never falls in between).
    const minute = (i % 4) * 5;
    const hhmm = (m: number) => `09:${String(m).padStart(2, '0')}`;
    if (i % 4 === 0) {
      clock.set(`${day}T08:55:00+08:00`);
      session = (await ok(b.core, null, 'accounts.signIn', { login: 'clerk1', password: STRONG })).sessionId;
    }
    clock.set(`${day}T${hhmm(minute)}:00+08:00`);
    const r = await ok(b.core, session, 'seals.request', {
      sealId: (i % 3 ? b.bureauSeal : b.financeSeal).id,
      reason: ['报送材料', '签订合同', '开具证明', '财务报销'][i % 4],
      documentTitle: ['年度工作总结', '办公设备维保合同', '在职证明', '差旅费报销单'][i % 4],
      documentNo: `×司发〔2025〕${i + 1}号`,
      copies: 1 + (i % 5),
      applicantId: b.applicant.id,
      appliedOn: day,
    });
    await ok(b.core, session, 'seals.approve', { id: r.id, approval: cosign('chief') });
    clock.set(`${day}T${hhmm(minute + 2)}:00+08:00`);
    await ok(b.core, session, 'seals.stamp', { id: r.id, count: 1 + (i % 5), stampedAt: `${day}T${hhmm(minute + 2)}:00+08:00` });
    numbers.push(r.number);
  }
  b.core.close();
  await host.start();
  await page.goto(host.openUrl);
  await signIn(page, 'admin', STRONG);
  await expectShell(page, '周建国');

  const check = (pages: string[], what: string) => {
    expect(pages.length, what).toBeLessThanOrEqual(70);
    const all = pages.join('\n');
    pages.forEach((p, i) => {
      const where = `${what} 第 ${i + 1} 页`;
      expect(p, where).toContain('××区司法局用印登记簿（2025年）');
      expect(p, where).toContain('登记期间：2025-01-01 至 2025-12-31');
      // The footer on one line: 制表人 … checkpoint together.
      expect(p, where).toMatch(/制表人：周建国.*审核人：.*打印时间：.*审计检查点：#\d+ [0-9a-f]{12}/);
      const rows = (p.match(/用印〔2025〕/g) ?? []).length;
      if (i < pages.length - 1) expect(rows, `${where}的行数`).toBeGreaterThanOrEqual(15);
    });
    // Every number, date and document number whole (a split one would not be found as typed).
    for (const n of numbers) expect(all, what).toContain(n.replace(/^用印〔2025〕/, ''));
    for (let i = 0; i < 1000; i++) expect(all, what).toContain(`〔2025〕${i + 1}号`);
    for (const d of new Set(days.slice(0, 250))) expect(all, what).toContain(d);
    // Closing sign-off on the last page only.
    expect(pages.at(-1), what).toMatch(/保管人（签字）：.*负责人（签字）：/);
    expect(pages[0], what).not.toContain('保管人（签字）');
  };
  const pages = await printed(page, `/print/register/seals.usage?f=${encodeURIComponent(JSON.stringify({ year: 2025 }))}`, 'seal-usage-1000');
  check(pages, '打印预览');
  // 导出 PDF on the same page: the core writes the file, the browser downloads it.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^××区司法局用印登记簿（2025年）-\d{4}-\d{2}-\d{2}\.pdf$/);
  await expect(page.getByText('已生成 PDF（1000 条）')).toBeVisible();
  await file.saveAs(`${OUT}/seal-usage-1000-core.pdf`);
  check(pdfPages(`${OUT}/seal-usage-1000-core.pdf`), '导出 PDF');
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', String(pages.length), '-l', String(pages.length), `${OUT}/seal-usage-1000.pdf`, `${OUT}/seal-usage-1000-last`]);
});

test('every register of the demo bureau prints whole: dates, amounts, counts, plates and asset numbers never split; title and period on every page; one book per meeting type', async ({ page, host }) => {
  test.setTimeout(400_000);
  await host.stop();
  const password = 'Demo-Pass-2025!';
  execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'electron/cli/main.ts', 'seed-demo', '--scale', 'small', '--data-dir', host.dataDir, '--password', password], {
    env: { ...process.env, OFFICE_INSECURE_FAST_HASH: '1' },
    stdio: 'ignore',
  });
  await host.start();
  const session = (await host.call('accounts.signIn', { login: 'demo-admin', password })).sessionId;
  await page.goto(host.openUrl);
  await signIn(page, 'demo-admin', password);
  await page.getByTestId('me-name').waitFor();
  const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
  const filter = { year };
  // The rows as the core gives them, read before printing (a long print leaves the API's keep-alive
  // connection idle past the server's timeout).
  const data = [];
  // The core's PDFs too, for the same reason.
  const corePages = new Map<string, string[]>();
  for (const def of Object.values(REGISTER_DEFS)) {
    data.push({ def, ...(await host.call('output.rows', { register: def.key, filter, limit: 5000 }, session)) });
    corePages.set(def.key, await corePdf(host, session, def.key, filter, `demo-${def.key}-core`));
  }
  for (const { def, rows, unitName } of data) {
    const check = (pages: string[], what: string) => {
      const all = pages.join('\n');
      const flat = all.replace(/\s+/g, '');
      const titles = def.book ? [...new Set(rows.map((r) => def.book!.title(r, unitName)))] : [`${unitName}${def.title}`];
      for (const t of titles) expect(flat, what).toContain(`${t}（${year}年）`);
      pages.forEach((p, i) => {
        const where = `${what} 第 ${i + 1} 页`;
        expect(titles.some((t) => p.replace(/\s+/g, '').includes(`${t}（${year}年）`)), where).toBe(true);
        expect(p, where).toContain(`登记期间：${year}-01-01 至 ${year}-12-31`);
        expect(p, where).toMatch(/制表人：.*审核人：.*打印时间：.*审计检查点：#\d+ [0-9a-f]{12}/);
      });
      if (rows.length) expect(pages.at(-1), what).toMatch(/保管人（签字）：.*负责人（签字）：/);
      // Each value that is one token is printed whole, on one line.
      for (const c of printedColumns(def).filter((c) => isAtomic(c))) {
        for (const r of rows) {
          const v = formatCell(r[c.key], c.kind);
          if (v) expect(all, `${what} ${c.title}`).toContain(v);
        }
      }
    };
    check(await printed(page, `/print/register/${def.key}?f=${encodeURIComponent(JSON.stringify(filter))}`, `demo-${def.key}`), `${def.key} 打印预览`);
    check(corePages.get(def.key)!, `${def.key} 导出 PDF`);
  }
  // Meeting records: one book per type, never 党组会议 beside 局务会议; the 中心组 in the 党组's name.
  const books = await printed(page, `/print/register/minutes.meetings?f=${encodeURIComponent(JSON.stringify({ year }))}`, 'demo-minutes-books');
  const heads = books.map((p) => /(\S+记录本)（\d{4}年）/.exec(p.replace(/[ \t]+/g, ''))?.[1]);
  expect(new Set(heads)).toContain('中共××区司法局党组会议记录本');
  expect(new Set(heads)).toContain('××区司法局局务会议记录本');
  expect(new Set(heads)).toContain('中共××区司法局党组理论学习中心组学习记录本');
});
