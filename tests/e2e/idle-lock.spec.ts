// Idle lock: after idleMinutes without mouse or keyboard the screen locks, the page stays underneath,
// and only the same person's password opens it again. The page's clock is driven by the test.
import { test, expect } from './fixtures';
import { ADMIN, expectShell, go, open, passwordInput, seedAdmin, shot, signIn } from './ui';

test('无操作超过设定时间自动锁屏，输入密码后回到原页面', async ({ page, host }) => {
  await seedAdmin(host);
  await page.clock.install();
  await open(page, host);
  await signIn(page, ADMIN.login, ADMIN.password);
  await expectShell(page, ADMIN.name);
  await go(page, '设置');
  await page.getByRole('form', { name: '单位与语言' }).getByLabel('单位名称').fill('尚未保存的名称');

  await page.clock.fastForward('10:30');
  const dialog = page.getByRole('dialog', { name: '屏幕已锁定' });
  await expect(dialog).toBeVisible();
  await shot(page, 'idle-lock');

  await passwordInput(dialog, '密码').fill('Wrong-Pass-1');
  await dialog.getByRole('button', { name: '解锁' }).click();
  await expect(dialog.locator('.ant-form-item-explain-error')).toHaveText('密码不正确。');

  await passwordInput(dialog, '密码').fill(ADMIN.password);
  await dialog.getByRole('button', { name: '解锁' }).click();
  await expect(dialog).toBeHidden();
  // The unsaved text is still there: locking keeps the page.
  await expect(page.getByRole('form', { name: '单位与语言' }).getByLabel('单位名称')).toHaveValue('尚未保存的名称');
});
