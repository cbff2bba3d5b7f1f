// Steps a person takes in the Chinese UI, shared by the specs, and data seeded through the API
// where a test is about something else.
import { mkdirSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import type { Role } from '../../db/contract';
import type { Host } from './host';

export const ADMIN = { unitName: '东城区司法局', name: '王建国', login: 'wangjg', department: '办公室', post: '主任', password: 'Admin-2025!' };
export const CLERK = { name: '李娜', login: 'lina', department: '综合科', post: '科员', password: 'Init-Pass-01', newPassword: 'Spring-Tea-2025!' };
export const APPROVER = { name: '张伟', login: 'zhangwei', department: '办公室', post: '副主任', password: 'Init-Pass-02', newPassword: 'Autumn-Moon-2025!' };
export const AUDITOR = { name: '赵敏', login: 'zhaomin', department: '纪检组', post: '审计员', password: 'Init-Pass-03', newPassword: 'Winter-Snow-2025!' };

const SHOTS = 'test-results/screenshots';

export async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  // Toasts fade after a few seconds; the screenshot is of the page, not of the last message.
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** First-run setup and the administrator's session, through the API. */
export async function seedAdmin(host: Host) {
  const me = await host.call('accounts.setup', { ...ADMIN });
  return me.sessionId;
}

/** An account that has already chosen its own password (so the UI signs straight in). */
export async function seedPerson(host: Host, adminSession: string, p: typeof CLERK, roles: Role[]) {
  await host.call('accounts.create', { name: p.name, login: p.login, department: p.department, post: p.post, roles, password: p.password }, adminSession);
  const s = await host.call('accounts.signIn', { login: p.login, password: p.password });
  await host.call('accounts.changePassword', { oldPassword: p.password, newPassword: p.newPassword }, s.sessionId);
  await host.call('accounts.signOut', {}, s.sessionId);
}

export async function open(page: Page, host: Host) {
  await page.goto(host.openUrl);
}

export const passwordInput = (scope: Page | Locator, label: string) => scope.getByLabel(label, { exact: true });

/** Resolves when the core has answered `method` (so what the page shows next is that answer, not the last one). */
export const answered = (page: Page, method: string) =>
  page.waitForResponse((r) => r.url().endsWith('/api/call') && (r.request().postDataJSON() as { method?: string } | null)?.method === method);

export async function signIn(page: Page, login: string, password: string) {
  await page.getByLabel('登录名', { exact: true }).fill(login);
  await passwordInput(page, '密码').fill(password);
  await Promise.all([answered(page, 'accounts.signIn'), page.getByRole('button', { name: '登录', exact: true }).click()]);
}

export async function expectShell(page: Page, name: string) {
  await expect(page.getByTestId('me-name')).toHaveText(name);
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: '退出' }).click();
  // Waiting for the sign-in form is enough: it shows only once the core has ended the session.
  await page.locator('.ant-popconfirm').getByRole('button', { name: '确定' }).filter({ visible: true }).click();
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible();
}

export async function go(page: Page, menu: string) {
  await page.getByRole('navigation').getByRole('menuitem', { name: menu }).click();
}

/** Answer 确定 in the open Popconfirm (a closing one may still be fading out). */
export async function confirmPopup(page: Page, method: string) {
  // An earlier popconfirm may still be fading out: only the button that can be seen is the open one.
  const ok = page.locator('.ant-popconfirm').getByRole('button', { name: '确定' }).filter({ visible: true });
  await Promise.all([answered(page, method), ok.click()]);
}

/** Choose an option in the open antd Select dropdown (its visible list, not the hidden a11y list). */
export async function pickOption(page: Page, text: string) {
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text }).click();
}

/** The forced change at first sign-in after an administrator set the password. */
export async function changeInitialPassword(page: Page, oldPassword: string, newPassword: string) {
  await expect(page.getByRole('heading', { name: '请修改密码' })).toBeVisible();
  await passwordInput(page, '当前密码').fill(oldPassword);
  await passwordInput(page, '新密码').fill(newPassword);
  await passwordInput(page, '确认密码').fill(newPassword);
  await page.getByRole('button', { name: '修改密码并继续' }).click();
}

/** The antd validation message shown under a form field. */
export const fieldError = (page: Page, label: string) =>
  page.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) }).locator('.ant-form-item-explain-error');
