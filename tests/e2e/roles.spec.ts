// The menu follows the roles (the core refuses regardless): a clerk sees no account or audit pages
// and is refused them by address too; an auditor reads accounts but cannot change them.
import { test, expect } from './fixtures';
import { AUDITOR, CLERK, expectShell, go, open, seedAdmin, seedPerson, signIn, signOut } from './ui';

test('菜单随角色变化：经办人看不到账号管理和审计日志，审计员只读账号', async ({ page, host }) => {
  const admin = await seedAdmin(host);
  await seedPerson(host, admin, CLERK, ['clerk']);
  await seedPerson(host, admin, AUDITOR, ['auditor']);
  await open(page, host);

  await signIn(page, CLERK.login, CLERK.newPassword);
  await expectShell(page, CLERK.name);
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('menuitem', { name: '首页' })).toBeVisible();
  await expect(nav.getByRole('menuitem', { name: '设置' })).toBeVisible();
  await expect(nav.getByRole('menuitem', { name: '账号管理' })).toHaveCount(0);
  await expect(nav.getByRole('menuitem', { name: '审计日志' })).toHaveCount(0);
  await page.evaluate(() => (window.location.hash = '#/audit'));
  await expect(page.getByText('您的角色无权查看此页面。')).toBeVisible();
  // Settings are readable, not editable, for everyone but the administrator.
  await go(page, '设置');
  await expect(page.getByText('只有系统管理员可以修改此处的设置。')).toBeVisible();
  await expect(page.getByRole('form', { name: '单位与语言' }).getByLabel('单位名称')).toBeDisabled();
  await signOut(page);

  await signIn(page, AUDITOR.login, AUDITOR.newPassword);
  await expectShell(page, AUDITOR.name);
  await go(page, '账号管理');
  await expect(page.getByText('审计员可查阅账号列表，但不能修改。')).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(CLERK.login) })).toBeVisible();
  await expect(page.getByRole('button', { name: '新建账号' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '重置密码' })).toHaveCount(0);
  await go(page, '审计日志');
  await expect(page.getByRole('button', { name: '校验审计链' })).toBeVisible();
});
