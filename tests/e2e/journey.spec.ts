// Issue 3 "Done means": from a fresh data folder a person sets up the first administrator, creates a
// clerk and an approver, each signs in, and the audit screen shows every one of those steps.
import { test, expect } from './fixtures';
import { ADMIN, APPROVER, CLERK, changeInitialPassword, expectShell, fieldError, go, open, passwordInput, shot, signIn, signOut } from './ui';

test('首次运行创建管理员，管理员建账号，各人登录，审计日志记下每一步', async ({ page, host }) => {
  test.setTimeout(120_000); // the whole story in one test: four people, a dozen screens
  await open(page, host);

  // ---- first run: the rule is shown and checked live; a weak password is refused ----
  await expect(page.getByRole('heading', { name: '首次运行设置' })).toBeVisible();
  const rule = page.locator('.password-rule');
  await expect(rule).toContainText('密码规则');
  await expect(rule).toContainText('至少 8 个字符');
  await shot(page, 'first-run');

  await page.getByLabel('单位名称').fill(ADMIN.unitName);
  await page.getByLabel('姓名').fill(ADMIN.name);
  await page.getByLabel('登录名').fill(ADMIN.login);
  await page.getByLabel('部门').fill(ADMIN.department);
  await page.getByLabel('职务').fill(ADMIN.post);
  await passwordInput(page, '密码').fill('abc');
  await expect(rule.locator('li[data-state="bad"]').first()).toBeVisible();
  await expect(rule.locator('li[data-state="bad"]', { hasText: '至少 8 个字符' })).toBeVisible();
  await passwordInput(page, '确认密码').fill('abc');
  await page.getByRole('button', { name: '完成设置并登录' }).click();
  await expect(fieldError(page, '密码')).toContainText('至少 8 个字符');
  await expect(page.getByRole('heading', { name: '首次运行设置' })).toBeVisible();

  await passwordInput(page, '密码').fill(ADMIN.password);
  await passwordInput(page, '确认密码').fill(ADMIN.password);
  await expect(rule.locator('li[data-state="bad"]')).toHaveCount(0);
  await expect(rule).toContainText('密码符合要求');
  await page.getByRole('button', { name: '完成设置并登录' }).click();
  await expectShell(page, ADMIN.name);
  await expect(page.locator('.shell-unit')).toHaveText(ADMIN.unitName);
  await expect(page.locator('.shell-header')).toContainText('系统管理员');

  // ---- the administrator creates a clerk and an approver ----
  await go(page, '账号管理');
  await createAccount(page, CLERK, ['经办人']);
  await createAccount(page, APPROVER, ['审批人']);
  await expect(page.getByRole('row', { name: new RegExp(CLERK.login) })).toContainText('待改密码');

  // The core's refusal appears next to the field it concerns.
  await page.getByRole('button', { name: '新建账号' }).click();
  const dialog = page.getByRole('dialog', { name: '新建账号' });
  await dialog.getByLabel('姓名').fill('李娜二');
  await dialog.getByLabel('登录名').fill(CLERK.login);
  await dialog.getByLabel('初始密码').fill('Another-Pass-9');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(fieldError(page, '登录名')).toHaveText(`登录名“${CLERK.login}”已被使用。`);
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await shot(page, 'accounts');
  await signOut(page);

  // ---- each signs in, and must first replace the password the administrator chose ----
  await signIn(page, CLERK.login, CLERK.password);
  await changeInitialPassword(page, CLERK.password, CLERK.newPassword);
  await expectShell(page, CLERK.name);
  const menu = page.getByRole('navigation');
  await expect(menu.getByRole('menuitem', { name: '首页' })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: '账号管理' })).toHaveCount(0);
  await expect(menu.getByRole('menuitem', { name: '审计日志' })).toHaveCount(0);
  await signOut(page);

  await signIn(page, APPROVER.login, APPROVER.password);
  await changeInitialPassword(page, APPROVER.password, APPROVER.newPassword);
  await expectShell(page, APPROVER.name);
  await expect(page.locator('.shell-header')).toContainText('审批人');
  await signOut(page);

  // ---- the audit screen shows every step ----
  await signIn(page, ADMIN.login, ADMIN.password);
  await expectShell(page, ADMIN.name);
  await go(page, '审计日志');
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  const row = (...texts: string[]) => texts.reduce((l, t) => l.filter({ hasText: t }), rows);
  await expect(row(ADMIN.name, '首次运行：设置单位并创建系统管理员')).toHaveCount(1);
  await expect(row(ADMIN.name, '新建账号', '成功')).toHaveCount(2);
  await expect(row(ADMIN.name, `登录名“${CLERK.login}”已被使用`, '失败')).toHaveCount(1);
  for (const p of [CLERK, APPROVER]) {
    await expect(row(p.name, '登录成功')).toHaveCount(1);
    await expect(row(p.name, '修改本人密码')).toHaveCount(1);
    await expect(row(p.name, '退出登录')).toHaveCount(1);
  }
  await expect(row(ADMIN.name, '登录成功')).toHaveCount(1);
  await expect(row(ADMIN.name, '退出登录')).toHaveCount(1);

  // Detail: before/after as pretty-printed text.
  await row(ADMIN.name, '新建账号', '成功').last().getByRole('button', { name: /审计条目/ }).click();
  const drawer = page.getByRole('dialog', { name: /审计条目 第 \d+ 条/ });
  await expect(drawer.locator('pre.json-block')).toContainText(`"login": "${CLERK.login}"`);
  await drawer.getByRole('button', { name: 'Close' }).or(drawer.getByRole('button', { name: '关闭' })).first().click();

  // Filter by keyword, paged in SQL.
  await page.getByLabel('关键词').fill(CLERK.name);
  await page.getByRole('button', { name: '查询' }).click();
  await expect(rows.first()).toContainText(CLERK.name);
  for (const text of await rows.allInnerTexts()) expect(text).toContain(CLERK.name);
  await page.getByRole('button', { name: '重置' }).click();

  await page.getByRole('button', { name: '校验审计链' }).click();
  await expect(page.getByTestId('verify-result')).toContainText('完好');
  await expect(page.getByTestId('verify-result')).toContainText('通过');
  await shot(page, 'audit');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await shot(page, 'audit-1920');
  await page.setViewportSize({ width: 1366, height: 768 });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.xlsx$/);
});

async function createAccount(page: import('@playwright/test').Page, p: typeof CLERK, roles: string[]) {
  await page.getByRole('button', { name: '新建账号' }).click();
  const dialog = page.getByRole('dialog', { name: '新建账号' });
  await dialog.getByLabel('姓名').fill(p.name);
  await dialog.getByLabel('登录名').fill(p.login);
  await dialog.getByLabel('部门').fill(p.department);
  await dialog.getByLabel('职务').fill(p.post);
  for (const r of ['系统管理员', '经办人', '审批人', '审计员']) {
    const box = dialog.getByRole('checkbox', { name: r });
    if ((await box.isChecked()) !== roles.includes(r)) await box.click();
  }
  await dialog.getByLabel('初始密码').fill(p.password);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(p.login) })).toBeVisible();
}
