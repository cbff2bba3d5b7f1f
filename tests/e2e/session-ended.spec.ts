// When the core ends a session (account disabled, password reset elsewhere), the next call answers
// `unauthenticated` and the page returns to sign-in saying why, instead of failing call by call.
import { test, expect } from './fixtures';
import { CLERK, expectShell, open, seedAdmin, seedPerson, signIn } from './ui';

test('账号在别处被停用后，下一次操作回到登录页并说明原因', async ({ page, host }) => {
  const admin = await seedAdmin(host);
  await seedPerson(host, admin, CLERK, ['clerk']);
  await open(page, host);
  await signIn(page, CLERK.login, CLERK.newPassword);
  await expectShell(page, CLERK.name);

  // The home page's tiles load after the shell shows; let them finish before the account goes away.
  await page.waitForLoadState('networkidle');
  const { rows } = await host.call('accounts.list', { q: CLERK.login }, admin);
  await host.call('accounts.setActive', { id: rows[0].id, active: false }, admin);

  // Any call will do; locking the screen is one.
  await page.getByRole('button', { name: '锁屏' }).click();
  await expect(page.getByText('登录已失效，请重新登录。')).toBeVisible();
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible();
});
