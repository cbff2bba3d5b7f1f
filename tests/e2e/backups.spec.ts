// 备份与恢复 in the UI: back up now, see it listed and on the home tile, look inside, restore.
import { test, expect } from './fixtures';
import { ADMIN, expectShell, go, open, seedAdmin, shot, signIn } from './ui';

test('the administrator backs up, sees what a backup holds, and restores it', async ({ page, host }) => {
  const admin = await seedAdmin(host);
  await open(page, host);
  await signIn(page, ADMIN.login, ADMIN.password);
  await expectShell(page, ADMIN.name);
  // Before any backup the home tile says so.
  await expect(page.getByTestId('backup-tile')).toContainText('还没有备份');

  await go(page, '备份与恢复');
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText(/已备份到 .*\.otbak/)).toBeVisible();
  const row = page.locator('.ant-table-row').first();
  await expect(row).toContainText('手动');
  await expect(row).toContainText('完好');
  const path = (await row.locator('.path-text').first().innerText()).trim();

  // A change after the backup, which the restore will undo.
  await host.call('settings.update', { unitName: '改名后的单位' }, admin);

  await page.getByLabel('备份文件').fill(path);
  await page.getByRole('button', { name: '查看备份内容' }).click();
  await expect(page.locator('.restore-contents')).toContainText(ADMIN.unitName);
  await expect(page.locator('.restore-contents')).toContainText('账号 1');
  await shot(page, 'backups');
  await page.getByRole('button', { name: '确认用此备份替换当前数据' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '确定' }).click();
  await expect(page.locator('.ant-modal-confirm-title', { hasText: '已恢复。恢复前的数据已保存到' })).toBeVisible();
  await page.getByRole('button', { name: '知道了' }).click();
  // Everybody signs in again; the unit name is the one in the backup.
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible();
  const s = await host.call('accounts.signIn', { login: ADMIN.login, password: ADMIN.password });
  expect((await host.call('settings.get', {}, s.sessionId)).settings.unitName).toBe(ADMIN.unitName);
  const log = await host.call('audit.list', { action: 'backups.restore' }, s.sessionId);
  expect(log.rows[0].message).toContain('从备份恢复');
});

test('a file that is not a backup is refused next to the path', async ({ page, host }) => {
  await seedAdmin(host);
  await open(page, host);
  await signIn(page, ADMIN.login, ADMIN.password);
  await expectShell(page, ADMIN.name);
  await go(page, '备份与恢复');
  await page.getByLabel('备份文件').fill(`${host.dataDir}/office.sqlite`);
  await page.getByRole('button', { name: '查看备份内容' }).click();
  await expect(page.getByText('这不是办公室台账的备份文件。')).toBeVisible();
});
