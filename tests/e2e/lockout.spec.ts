// SECURITY.md: 5 failed sign-ins lock the account, with one generic message that never says whether
// the login exists or is locked; the lockout is in the audit log.
import { test, expect } from './fixtures';
import { ADMIN, CLERK, expectShell, fieldError, go, open, passwordInput, seedAdmin, seedPerson, shot, signIn } from './ui';

const GENERIC = '登录名或密码不正确，或该账号暂时不能登录。连续输错多次，账号将被锁定一段时间。';

test('连续 5 次输错密码后账号锁定，提示始终是同一句', async ({ page, host }) => {
  const admin = await seedAdmin(host);
  await seedPerson(host, admin, CLERK, ['clerk']);
  await open(page, host);
  await expect(page.getByRole('heading', { name: ADMIN.unitName })).toBeVisible();
  await shot(page, 'sign-in');

  for (let i = 1; i <= 5; i++) {
    await signIn(page, CLERK.login, `Wrong-Pass-${i}`);
    await expect(fieldError(page, '密码')).toHaveText(GENERIC);
    await expect(passwordInput(page, '密码')).toHaveValue('');
  }
  // Locked now: the right password gets the very same answer.
  await signIn(page, CLERK.login, CLERK.newPassword);
  await expect(fieldError(page, '密码')).toHaveText(GENERIC);
  // So does a login that does not exist.
  await signIn(page, 'nobody', 'Whatever-123!');
  await expect(fieldError(page, '密码')).toHaveText(GENERIC);

  await signIn(page, ADMIN.login, ADMIN.password);
  await expectShell(page, ADMIN.name);
  await go(page, '账号管理');
  await expect(page.getByRole('row', { name: new RegExp(CLERK.login) })).toContainText('锁定中');

  await go(page, '审计日志');
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  const cell = (name: string) => page.getByRole('cell', { name, exact: true });
  const clerkRows = rows.filter({ hasText: CLERK.name });
  await expect(clerkRows.filter({ has: cell('账号锁定') })).toHaveCount(1);
  // Five wrong passwords and one attempt while locked, each recorded as a failed sign-in.
  await expect(clerkRows.filter({ has: cell('登录') }).filter({ has: cell('失败') })).toHaveCount(6);
});
