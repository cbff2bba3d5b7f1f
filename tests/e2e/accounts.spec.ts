// 账号管理 beyond creation: change roles, reset a password (rule shown, change forced at next sign-in),
// disable and enable again — each refused or done by the core, each in the audit log.
import { test, expect } from './fixtures';
import { ADMIN, CLERK, changeInitialPassword, confirmPopup, expectShell, go, open, passwordInput, seedAdmin, seedPerson, shot, signIn, signOut } from './ui';

test('修改角色、重置密码、停用和启用账号', async ({ page, host }) => {
  const admin = await seedAdmin(host);
  await seedPerson(host, admin, CLERK, ['clerk']);
  await open(page, host);
  await signIn(page, ADMIN.login, ADMIN.password);
  await expectShell(page, ADMIN.name);
  await go(page, '账号管理');
  const row = page.getByRole('row', { name: new RegExp(CLERK.login) });

  // Roles: the contract's rule (审计员 ≠ 系统管理员) is checked in the form before the core sees it.
  await row.getByRole('button', { name: '编辑' }).click();
  const edit = page.getByRole('dialog', { name: '编辑账号' });
  await expect(edit.getByLabel('登录名')).toBeDisabled();
  await edit.getByRole('checkbox', { name: '系统管理员' }).check();
  await edit.getByRole('checkbox', { name: '审计员' }).check();
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit.locator('.ant-form-item-explain-error')).toHaveText('审计员不能同时担任系统管理员（三权分立）');
  await edit.getByRole('checkbox', { name: '系统管理员' }).uncheck();
  await edit.getByRole('checkbox', { name: '审计员' }).uncheck();
  await edit.getByRole('checkbox', { name: '审批人' }).check();
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('审批人');

  // Reset: the live rule, then the person must choose a new password at the next sign-in.
  await row.getByRole('button', { name: '重置密码' }).click();
  const reset = page.getByRole('dialog', { name: `重置“${CLERK.name}”的密码` });
  await passwordInput(reset, '新密码').fill('lina-1234');
  await expect(reset.locator('.password-rule li[data-state="bad"]')).toHaveText([/不能包含登录名/]);
  await passwordInput(reset, '新密码').fill('Reset-Pass-77');
  await passwordInput(reset, '确认密码').fill('Reset-Pass-77');
  await reset.getByRole('button', { name: '重置密码' }).click();
  await expect(reset).toBeHidden();
  await expect(row).toContainText('待改密码');

  // Disable and enable.
  await row.getByRole('button', { name: '停用' }).click();
  await confirmPopup(page, 'accounts.setActive');
  await expect(row).toContainText('已停用');
  await row.getByRole('button', { name: '启用' }).click();
  await confirmPopup(page, 'accounts.setActive');
  await expect(row).not.toContainText('已停用');
  // Let the 启用 popconfirm finish closing before the 退出 one opens.
  await expect(page.locator('.ant-popconfirm').filter({ visible: true })).toHaveCount(0);
  await signOut(page);

  await signIn(page, CLERK.login, 'Reset-Pass-77');
  await changeInitialPassword(page, 'Reset-Pass-77', 'Fresh-Start-2025!');
  await expectShell(page, CLERK.name);
  await expect(page.locator('.shell-header')).toContainText('审批人');
});

test('部门：管理员设置科室负责人和副职，变更留有历史；表单从部门列表中选择', async ({ page, host }) => {
  const admin = await seedAdmin(host);
  await seedPerson(host, admin, CLERK, ['clerk']);
  await open(page, host);
  await signIn(page, ADMIN.login, ADMIN.password);
  await expectShell(page, ADMIN.name);
  await go(page, '账号管理');
  const card = page.locator('.departments-card');
  const row = card.locator('.ant-table-tbody tr', { hasText: CLERK.department });
  await expect(row).toContainText('未设负责人');
  await row.getByRole('button', { name: '编辑' }).click();
  const dlg = page.getByRole('dialog', { name: `编辑部门：${CLERK.department}` });
  await dlg.getByLabel('科室负责人').click();
  await dlg.getByLabel('科室负责人').fill(CLERK.name);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: CLERK.name }).first().click();
  await dlg.getByRole('button', { name: '保存' }).click();
  await expect(dlg).toBeHidden();
  await expect(row).toContainText(CLERK.name);
  await shot(page, 'departments');
  await row.getByRole('button', { name: '历史' }).click();
  const history = page.getByRole('dialog', { name: `“${CLERK.department}”的变更历史` });
  await expect(history.locator('.ant-timeline-item')).toHaveCount(2);
  await expect(history.locator('.ant-timeline-item').last()).toContainText(`科室负责人 ${CLERK.name}`);
  await shot(page, 'departments-history');
});
