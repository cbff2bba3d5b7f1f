// Issue 3 "Done means": tampering with the database file by hand makes the audit screen show the
// broken entry. The host is stopped, one audit row is edited with the trigger dropped, the host restarts.
import Database from 'better-sqlite3';
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
