// Settings: the unit name (shown in the header and every printed title) and the language, switched to
// English and back; screenshots of home and settings in both languages.
import { test, expect } from './fixtures';
import { ADMIN, expectShell, fieldError, go, open, pickOption, seedAdmin, shot, signIn } from './ui';

test('修改单位名称和界面语言（切换到英文再切回中文）', async ({ page, host }) => {
  await seedAdmin(host);
  await open(page, host);
  await signIn(page, ADMIN.login, ADMIN.password);
  await expectShell(page, ADMIN.name);

  // Home: unit, data folder, schema version.
  await expect(page.getByTestId('data-dir')).toContainText(host.dataDir);
  await expect(page.getByTestId('schema-version')).toHaveText(/^\d+$/);
  await shot(page, 'home-zh-CN');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await shot(page, 'home-1920');
  await page.setViewportSize({ width: 1366, height: 768 });

  await go(page, '设置');
  const general = page.getByRole('form', { name: '单位与语言' });
  await general.getByLabel('单位名称').fill('西城区司法局');
  await general.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.shell-unit')).toHaveText('西城区司法局');

  // Client-side rule from the contract's schema, next to its field.
  const security = page.getByRole('form', { name: '安全设置' });
  await security.getByLabel('无操作多久后自动锁屏（分钟）').fill('0');
  await security.getByRole('button', { name: '保存' }).click();
  await expect(fieldError(page, '无操作多久后自动锁屏（分钟）')).toBeVisible();
  await security.getByLabel('无操作多久后自动锁屏（分钟）').fill('15');
  // The absolute session lifetime (default 12 hours) is the office's to set.
  await expect(security.getByLabel('登录后多久须重新登录（小时）')).toHaveValue('12');
  await security.getByLabel('登录后多久须重新登录（小时）').fill('8');
  await security.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('设置已保存').first()).toBeVisible();
  const s = (await host.call('accounts.signIn', { login: ADMIN.login, password: ADMIN.password })).sessionId;
  expect((await host.call('settings.get', {}, s)).settings.sessionHours).toBe(8);
  await shot(page, 'settings-security');

  // Switch the unit's language to English.
  await general.getByLabel('界面语言').click();
  await pickOption(page, 'English');
  await general.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 3 })).toBeVisible();
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('menuitem', { name: 'Home' })).toBeVisible();
  await expect(nav.getByRole('menuitem', { name: 'Audit log' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByText('Settings saved').first()).toBeVisible();
  await shot(page, 'settings-en-US');
  await nav.getByRole('menuitem', { name: 'Home' }).click();
  await expect(page.getByRole('heading', { name: `Hello, ${ADMIN.name}` })).toBeVisible();
  await shot(page, 'home-en-US');

  // Still English after a reload: it is the unit's setting now, kept by the core.
  await page.reload();
  await expect(page.getByRole('navigation').getByRole('menuitem', { name: 'Settings' })).toBeVisible();
  await page.getByRole('navigation').getByRole('menuitem', { name: 'Settings' }).click();

  const generalEn = page.getByRole('form', { name: 'Unit and language' });
  await generalEn.getByLabel('Interface language').click();
  await pickOption(page, '简体中文');
  await generalEn.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: '设置', level: 3 })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('menuitem', { name: '审计日志' })).toBeVisible();
  await expect(page.getByText('设置已保存').first()).toBeVisible();
  await shot(page, 'settings-zh-CN');
});
