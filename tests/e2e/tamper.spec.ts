// Issue 3 "Done means": tampering with the database file by hand makes the audit screen show the
// broken entry. The host is stopped, one audit row is edited with the trigger dropped, the host restarts.
import Database from 'better-sqlite3';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { ADMIN, CLERK, expectShell, go, open, seedAdmin, seedPerson, shot, signIn } from './ui';

test('手工篡改审计记录后，校验审计链指出第 3 条', async ({ page, host }) => {
  const admin = await seedAdmin(host);
  await seedPerson(host, admin, CLERK, ['clerk']);
  await host.stop();

  const db = new Database(join(host.dataDir, 'office.sqlite'));
  try {
    db.exec('DROP TRIGGER audit_no_update');
    db.prepare("UPDATE audit_log SET message = 'x' WHERE seq = 3").run();
  } finally {
    db.close();
  }

  await host.start();
  await open(page, host);
  await signIn(page, ADMIN.login, ADMIN.password);
  await expectShell(page, ADMIN.name);
  await go(page, '审计日志');
  await page.getByRole('button', { name: '校验审计链' }).click();
  const result = page.getByTestId('verify-result');
  await expect(result).toContainText('审计链已损坏');
  await expect(result).toContainText('第一个问题在第 3 条');
  await shot(page, 'audit-tampered');
});

test('数据文件被删除而文件夹中有备份：不出现首次设置，显示原因并提示从备份恢复', async ({ page, host }) => {
  const admin = await seedAdmin(host);
  await host.call('backups.create', {}, admin);
  await host.stop();
  for (const f of ['office.sqlite', 'office.sqlite-wal', 'office.sqlite-shm']) rmSync(join(host.dataDir, f), { force: true });
  await host.start();
  await open(page, host);
  await expect(page.getByText('数据文件缺失或被替换，已停止使用')).toBeVisible();
  await expect(page.getByText(/数据文件是空的，但此文件夹中记录过第 \d+ 条审计记录，并且有备份/)).toBeVisible();
  await expect(page.getByText(/restore/)).toBeVisible();
  await expect(page.getByLabel('单位名称')).toHaveCount(0);
  await shot(page, 'history-deleted');
});

test('旧的数据文件覆盖了当前文件：只读打开，登录时说明缺少的审计记录', async ({ page, host }) => {
  await seedAdmin(host);
  await host.stop();
  copyFileSync(join(host.dataDir, 'office.sqlite'), join(host.dataDir, 'older.sqlite'));
  await host.start();
  // Work goes on after the copy was taken (the host was restarted: sign in again).
  await seedPerson(host, (await host.call('accounts.signIn', { login: ADMIN.login, password: ADMIN.password })).sessionId, CLERK, ['clerk']);
  await host.stop();
  for (const f of ['office.sqlite-wal', 'office.sqlite-shm']) rmSync(join(host.dataDir, f), { force: true });
  copyFileSync(join(host.dataDir, 'older.sqlite'), join(host.dataDir, 'office.sqlite'));
  await host.start();
  await open(page, host);
  await signIn(page, ADMIN.login, ADMIN.password);
  await expect(page.getByText(/数据文件比此文件夹记录的审计检查点旧/)).toBeVisible();
  await shot(page, 'history-rolled-back');
});
