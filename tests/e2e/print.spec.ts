// The print framework end to end: a 1,000-row register through the print route to a PDF, read back
// with pdftotext and looked at with pdftoppm (DOMAIN.md "Printing conventions").
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { test, expect } from './fixtures';
import { ADMIN, open, seedAdmin, signIn, expectShell } from './ui';

const OUT = 'test-results/print';

test('a 1,000-row register prints with its title, a header on every page and 第 N 页 共 M 页', async ({ page, host }) => {
  test.setTimeout(180_000);
  const admin = await seedAdmin(host);
  // 1,000 rows in the audit register: each settings change is one audited entry.
  for (let i = 0; i < 1000; i += 50) {
    await Promise.all(Array.from({ length: 50 }, (_, k) => host.call('settings.update', { idleMinutes: 10 + ((i + k) % 30) }, admin)));
  }
  await open(page, host);
  await signIn(page, ADMIN.login, ADMIN.password);
  await expectShell(page, ADMIN.name);
  const year = new Date().getFullYear();
  await page.evaluate((y) => (window.location.hash = `#/print/register/audit?f=${encodeURIComponent(JSON.stringify({ year: y, extra: { action: 'settings.update' } }))}`), year);
  await page.locator('body[data-print-ready="1"]').waitFor({ timeout: 60_000 });
  await expect(page.getByRole('heading', { name: `${ADMIN.unitName}审计日志（${year}年）` })).toBeVisible();
  mkdirSync(OUT, { recursive: true });
  const started = Date.now();
  await page.pdf({ path: `${OUT}/register.pdf`, preferCSSPageSize: true, printBackground: true });
  const seconds = (Date.now() - started) / 1000;
  console.log(`1,000-row register → PDF in ${seconds.toFixed(1)} s`);

  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [`${OUT}/register.pdf`]).toString())![1]);
  expect(pages).toBeGreaterThan(10);
  const text = execFileSync('pdftotext', ['-layout', `${OUT}/register.pdf`, '-']).toString();
  const perPage = text.split('\f').filter((p) => p.trim());
  expect(perPage.length).toBe(pages);
  expect(perPage[0]).toContain(`${ADMIN.unitName}审计日志（${year}年）`);
  perPage.forEach((p, i) => {
    // The header row and the footer repeat on every page; the page count is right on every page.
    expect(p, `page ${i + 1}`).toMatch(/序号\s+时间\s+用户\s+操作/);
    expect(p, `page ${i + 1}`).toContain('制表人：王建国');
    expect(p, `page ${i + 1}`).toMatch(/审计检查点：#\d+ [0-9a-f]{12}/);
    expect(p.replace(/\s+/g, ' '), `page ${i + 1}`).toContain(`第 ${i + 1} 页 共 ${pages} 页`);
  });
  // Landscape A4, as the register declares.
  expect(execFileSync('pdfinfo', [`${OUT}/register.pdf`]).toString()).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/);
  // The whole register is there: 1,000 settings changes.
  expect((text.match(/settings\.update/g) ?? []).length).toBe(1000);
  // A picture to look at (first and last page).
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', `${OUT}/register.pdf`, `${OUT}/register-first`]);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(pages), '-l', String(pages), `${OUT}/register.pdf`, `${OUT}/register-last`]);
});

test('the year-end archive has a cover with unit, register, year, retention and the total page count', async ({ page, host }) => {
  await seedAdmin(host);
  await open(page, host);
  await signIn(page, ADMIN.login, ADMIN.password);
  await expectShell(page, ADMIN.name);
  const year = new Date().getFullYear();
  await page.evaluate((y) => (window.location.hash = `#/print/archive/audit?f=${encodeURIComponent(JSON.stringify({ year: y }))}`), year);
  await page.locator('body[data-print-ready="1"]').waitFor();
  mkdirSync(OUT, { recursive: true });
  await page.pdf({ path: `${OUT}/archive.pdf`, preferCSSPageSize: true, printBackground: true });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [`${OUT}/archive.pdf`]).toString())![1]);
  const cover = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', `${OUT}/archive.pdf`, '-']).toString().replace(/\s+/g, ' ');
  expect(cover).toContain(ADMIN.unitName);
  expect(cover).toContain('审计日志');
  expect(cover).toContain(`${year}年`);
  expect(cover).toContain('30年');
  expect(cover).toContain(`本卷共 ${pages} 页`);
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '2', `${OUT}/archive.pdf`, `${OUT}/archive`]);
});

test('printing from the print route is audited', async ({ page, host }) => {
  const admin = await seedAdmin(host);
  await open(page, host);
  await signIn(page, ADMIN.login, ADMIN.password);
  await expectShell(page, ADMIN.name);
  await page.evaluate(() => (window.location.hash = '#/print/register/audit?f=%7B%7D'));
  await page.locator('body[data-print-ready="1"]').waitFor();
  // window.print() would open a dialog; the audit entry is written before it.
  await page.evaluate(() => (window.print = () => {}));
  await page.getByRole('button', { name: '打印' }).click();
  await expect.poll(async () => (await host.call('audit.list', { action: 'output.printed' }, admin)).rows.length).toBe(1);
  const entry = (await host.call('audit.list', { action: 'output.printed' }, admin)).rows[0];
  expect(entry.message).toContain('打印：审计日志登记簿');
});
