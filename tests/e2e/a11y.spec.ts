// Accessibility (axe, WCAG 2 A/AA) of the sign-in, home and settings pages: no serious or critical
// violations. CSP violations on the same pages fail the test through the fixture.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from './fixtures';
import { ADMIN, expectShell, go, open, seedAdmin, signIn } from './ui';

async function seriousViolations(page: Page) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

test('登录页、首页、设置页无严重无障碍问题', async ({ page, host }) => {
  await seedAdmin(host);
  await open(page, host);
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible();
  expect(await seriousViolations(page), '登录页').toEqual([]);

  await signIn(page, ADMIN.login, ADMIN.password);
  await expectShell(page, ADMIN.name);
  await expect(page.getByTestId('schema-version')).toBeVisible();
  expect(await seriousViolations(page), '首页').toEqual([]);

  await go(page, '设置');
  await expect(page.getByRole('form', { name: '安全设置' })).toBeVisible();
  expect(await seriousViolations(page), '设置页').toEqual([]);
});
