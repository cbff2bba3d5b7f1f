// Issue 7 "Done means", in the browser host and in Chinese: purchase through 电子卖场 → 履约验收 by the
// buyer and a colleague (the buyer alone is refused next to the field) → stock in → a requisition
// approved by co-sign → issued, with the 领用登记表 printed (a signature cell for the recipient) →
// a stocktake with a difference → the adjustment posted and the sheet read-only.
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { test, expect, type Page } from './fixtures';
import { APPROVER, CLERK, answered, expectShell, fieldError, go, open, pickOption, seedAdmin, seedPerson, shot, signIn } from './ui';

const KEEPER = { name: '刘洋', login: 'liuyang', department: '办公室', post: '科员', password: 'Init-Pass-04', newPassword: 'Summer-Rain-2025!' };
const STAFF = { name: '孙磊', login: 'sunlei', department: '社区矫正科', post: '科长', password: 'Init-Pass-05', newPassword: 'Autumn-Leaf-2025!' };
const OUT = 'test-results/supplies';
const flat = (s: string) => s.replace(/\s+/g, '');

async function bureau(host: Parameters<typeof seedAdmin>[0]) {
  const admin = await seedAdmin(host);
  await seedPerson(host, admin, CLERK, ['clerk']);
  await seedPerson(host, admin, APPROVER, ['approver']);
  await seedPerson(host, admin, KEEPER, ['clerk']);
  await seedPerson(host, admin, STAFF, ['clerk']);
  const c = (await host.call('accounts.signIn', { login: CLERK.login, password: CLERK.newPassword })).sessionId;
  await host.call('supplies.itemCreate', { name: 'A4复印纸', spec: '70g 500张/包', unit: '包', category: '办公用纸', reorderLevel: 10 }, c);
  await host.call('supplies.itemCreate', { name: '中性笔', spec: '0.5mm 黑色', unit: '支', category: '书写用品', reorderLevel: 20 }, c);
  return { admin };
}

async function seriousViolations(page: Page) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

const dialog = (page: Page, title: string) => page.getByRole('dialog', { name: title });

async function choose(page: Page, scope: ReturnType<typeof dialog> | Page, label: string, text: string) {
  const box = scope.getByLabel(label, { exact: true });
  await box.click();
  await box.fill(text);
  await pickOption(page, text);
}

async function printToPdf(page: Page, route: string, file: string) {
  await page.evaluate((r) => (window.location.hash = `#${r}`), route);
  await page.locator('body[data-print-ready="1"]').waitFor({ timeout: 60_000 });
  mkdirSync(OUT, { recursive: true });
  await page.pdf({ path: `${OUT}/${file}`, preferCSSPageSize: true, printBackground: true });
  return execFileSync('pdftotext', ['-layout', `${OUT}/${file}`, '-']).toString();
}

test('采购 → 履约验收 → 入库 → 领用审批 → 发放并打印领用登记表 → 盘点有差异 → 盘亏过账', async ({ page, host }) => {
  test.setTimeout(180_000);
  await bureau(host);
  await open(page, host);
  await signIn(page, CLERK.login, CLERK.newPassword);
  await expectShell(page, CLERK.name);
  await go(page, '办公用品');
  await expect(page.getByRole('heading', { name: '办公用品管理' })).toBeVisible();
  const year = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4);

  // ---- purchase through the e-mall ----
  await page.getByRole('tab', { name: '采购验收' }).click();
  await page.getByRole('button', { name: '登记采购' }).click();
  const buy = dialog(page, '登记采购（电子卖场优先）');
  await buy.getByLabel('订单号/合同号', { exact: true }).fill('DZMC-2025-0815');
  await buy.getByLabel('供应商', { exact: true }).fill('湖南某某办公用品有限公司');
  await choose(page, buy, '物品 1', 'A4复印纸');
  await buy.getByLabel('数量 1', { exact: true }).fill('50');
  await buy.getByLabel('单价（元） 1', { exact: true }).fill('24.5');
  await buy.getByRole('button', { name: '增加一行' }).click();
  await choose(page, buy, '物品 2', '中性笔');
  await buy.getByLabel('数量 2', { exact: true }).fill('100');
  await buy.getByLabel('单价（元） 2', { exact: true }).fill('1.5');
  await shot(page, 'supplies-purchase-form');
  await Promise.all([answered(page, 'supplies.purchaseCreate'), buy.getByRole('button', { name: '登记采购' }).click()]);
  const number = `采购〔${year}〕第0001号`;
  const drawer = page.locator('.ant-drawer');
  await expect(page.locator('.ant-drawer-title')).toHaveText(number);
  await expect(drawer.locator('.ant-tag', { hasText: '待验收' })).toBeVisible();

  // ---- acceptance: the buyer alone is refused at the field; with a colleague it passes ----
  await drawer.getByRole('button', { name: '履约验收', exact: true }).click();
  const acc = dialog(page, `履约验收：${number}`);
  await expect(acc.getByText('李娜')).toBeVisible();
  await Promise.all([answered(page, 'supplies.accept'), acc.getByRole('button', { name: '履约验收' }).click()]);
  await expect(fieldError(page, '验收人')).toContainText('不能由采购人一人验收');
  await shot(page, 'supplies-accept-refused');
  await choose(page, acc, '验收人', KEEPER.name);
  await acc.getByLabel('实收合格数量 2', { exact: true }).fill('98');
  await acc.getByLabel('情况说明 2', { exact: true }).fill('2 支漏墨，退回供应商');
  await Promise.all([answered(page, 'supplies.accept'), acc.getByRole('button', { name: '履约验收' }).click()]);
  await expect(drawer.locator('.ant-tag', { hasText: '已验收' })).toBeVisible();
  await expect(drawer.locator('.ant-descriptions').getByText('李娜、刘洋')).toBeVisible();
  await shot(page, 'supplies-accepted');
  await page.keyboard.press('Escape');
  // The 履约验收单: the lines as found, the amount in 大写, a signature block for each acceptor.
  const form = flat(await printToPdf(page, '/print/supplies/acceptance/1', 'acceptance.pdf'));
  expect(form).toContain('履约验收单');
  expect(form).toContain('壹仟叁佰柒拾伍元整');
  expect(form).toMatch(/漏墨/);
  expect(form).toContain('A4复印纸（70g500张/包）包5024.501,225.0050合格');
  expect(form).toMatch(/验收人1签字：李娜.*验收人2签字：刘洋.*采购经办人签字：李娜/);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', `${OUT}/acceptance.pdf`, `${OUT}/acceptance`]);
  await page.goBack();
  await expect(page.getByRole('heading', { name: '办公用品管理' })).toBeVisible();

  // ---- the stock is in ----
  await page.getByRole('tab', { name: '出入库台账' }).click();
  const ledger = page.locator('.ant-table-tbody');
  await expect(ledger.locator('tr', { hasText: '入库' })).toHaveCount(2);
  await expect(ledger.locator('tr', { hasText: '中性笔' })).toContainText('+98 支');
  expect(await seriousViolations(page), '出入库台账').toEqual([]);

  // ---- requisition for 孙磊, approved by 张伟 co-signing here, then issued ----
  await page.getByRole('tab', { name: '领用' }).click();
  await page.getByRole('button', { name: '登记领用' }).click();
  const req = dialog(page, '登记领用申请（代领用人填写）');
  await choose(page, req, '领用人', STAFF.name);
  await req.getByLabel('领用事由', { exact: true }).fill('社区矫正档案整理');
  await choose(page, req, '物品 1', 'A4复印纸');
  await req.getByLabel('数量 1', { exact: true }).fill('5');
  await Promise.all([answered(page, 'supplies.requisitionCreate'), req.getByRole('button', { name: '登记领用' }).click()]);
  const reqNo = `领用〔${year}〕第0001号`;
  await expect(page.locator('.ant-drawer-title')).toHaveText(reqNo);
  await expect(drawer.locator('.ant-tag', { hasText: '待审批' })).toBeVisible();
  await expect(drawer.getByRole('button', { name: '发放' })).toHaveCount(0);
  await drawer.getByRole('button', { name: '审批', exact: true }).click();
  const ap = dialog(page, '领用审批：办公室审批');
  await ap.getByLabel('审批人登录名', { exact: true }).fill(APPROVER.login);
  await ap.getByLabel('审批人密码', { exact: true }).fill(APPROVER.newPassword);
  await Promise.all([answered(page, 'supplies.requisitionApprove'), ap.getByRole('button', { name: '审批' }).click()]);
  await expect(drawer.locator('.ant-tag', { hasText: '已批准待发放' })).toBeVisible();
  await drawer.getByRole('button', { name: '发放', exact: true }).click();
  const iss = dialog(page, `发放办公用品：${reqNo}`);
  await expect(iss.getByLabel('本次发放 A4复印纸', { exact: true })).toHaveValue('5');
  await Promise.all([answered(page, 'supplies.issue'), iss.getByRole('button', { name: '发放' }).click()]);
  await expect(drawer.locator('.ant-tag', { hasText: '已发放' })).toBeVisible();
  await shot(page, 'supplies-issued');

  // ---- the 领用登记表: the recipient, the approver, the issuer and a blank signature cell ----
  const text = await printToPdf(page, `/print/register/supplies.issues?f=${encodeURIComponent(JSON.stringify({ year: Number(year) }))}`, 'issues.pdf');
  expect(text).toContain('办公用品领用登记表');
  await expect(page.locator('.paper-table thead th', { hasText: '领用人签字' })).toHaveCount(1);
  expect(flat(text)).toMatch(/包5孙磊社区矫正科张伟李娜/);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', `${OUT}/issues.pdf`, `${OUT}/issues`]);
  await page.goBack();

  // ---- stocktake: one package missing, explained; confirming posts the 盘亏 and locks the sheet ----
  await page.evaluate(() => (window.location.hash = '#/r/supplies/stocktakes'));
  await page.getByRole('button', { name: '新建盘点表' }).click();
  const st = dialog(page, '新建盘点表');
  await Promise.all([answered(page, 'supplies.stocktakeCreate'), st.getByRole('button', { name: '新建盘点表' }).click()]);
  await expect(page.locator('.sup-sheet-title')).toContainText(`盘点〔${year}〕第0001号`);
  await choose(page, page, '盘点人', CLERK.name);
  await choose(page, page, '复核人', KEEPER.name);
  await page.getByLabel('实盘数量 A4复印纸', { exact: true }).fill('44');
  await page.getByLabel('实盘数量 中性笔', { exact: true }).fill('98');
  await Promise.all([answered(page, 'supplies.stocktakeSave'), page.getByRole('button', { name: '保存盘点结果' }).click()]);
  // A difference without a reason is refused when confirming.
  await page.getByRole('button', { name: '确认盘点并过账' }).click();
  await Promise.all([answered(page, 'supplies.stocktakeSave'), page.locator('.ant-modal-confirm').getByRole('button', { name: '确认盘点并过账' }).click()]);
  await expect(page.getByRole('alert').filter({ hasText: '请填写差异原因' })).toBeVisible();
  await page.getByLabel('差异原因 A4复印纸', { exact: true }).fill('受潮损坏 1 包');
  await shot(page, 'supplies-stocktake');
  await page.getByRole('button', { name: '确认盘点并过账' }).click();
  await Promise.all([answered(page, 'supplies.stocktakeConfirm'), page.locator('.ant-modal-confirm').getByRole('button', { name: '确认盘点并过账' }).click()]);
  await expect(page.locator('.ant-tag', { hasText: '已确认' }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: '保存盘点结果' })).toHaveCount(0);
  await expect(page.getByText('盘亏 24.50 元')).toBeVisible();
  expect(await seriousViolations(page), '盘点表').toEqual([]);
  await shot(page, 'supplies-stocktake-confirmed');
  const sheet = flat(await printToPdf(page, '/print/supplies/stocktake/1', 'stocktake.pdf'));
  expect(sheet).toContain('办公用品盘点表');
  expect(sheet).toContain('A4复印纸（70g500张/包）包4544-1-24.50受潮损坏1包');
  expect(sheet).toContain('盘点人：李娜');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', `${OUT}/stocktake.pdf`, `${OUT}/stocktake`]);
  await page.goBack();
  await expect(page.locator('.sup-sheet-title')).toBeVisible();

  // ---- the ledger shows the adjustment; the period ledger balances ----
  await page.getByRole('tab', { name: '出入库台账' }).click();
  await expect(page.locator('.ant-table-tbody tr', { hasText: '盘亏' })).toContainText('−1 包');
  await page.getByRole('tab', { name: '收发存汇总' }).click();
  // The ledger table stays on screen until the route changes; look only inside the summary table.
  const paperRow = page.locator('.sup-summary-table .ant-table-tbody tr', { hasText: 'A4复印纸' });
  await expect(paperRow).toContainText('1,225.00');
  await expect(paperRow).toContainText('44');
  await shot(page, 'supplies-summary');

  // ---- the home tile: nothing pending, paper not low ----
  await page.evaluate(() => (window.location.hash = '#/'));
  await expect(page.getByTestId('supplies-tile')).toBeVisible();
  await shot(page, 'supplies-home');
});

test('入库更正：验收时多录了数量，更正后原入库保留，差额红字记入明细账，验收单另列更正', async ({ page, host }) => {
  test.setTimeout(120_000);
  await bureau(host);
  const c = (await host.call('accounts.signIn', { login: CLERK.login, password: CLERK.newPassword })).sessionId;
  const idOf = async (name: string) => (await host.call('accounts.people', { q: name }, c)).find((x: { name: string }) => x.name === name)!.id;
  const buyerId = await idOf(CLERK.name);
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const p = await host.call('supplies.purchaseCreate', { orderNo: 'DZMC-2025-0901', supplier: '湖南某某办公用品有限公司', buyerId, purchasedOn: today, lines: [{ itemId: 1, quantity: 50, unitPrice: 2_450 }] }, c);
  await host.call('supplies.accept', { id: p.id, acceptedOn: today, acceptorIds: [buyerId, await idOf(KEEPER.name)], lines: [{ lineId: p.lines[0].id, acceptedQty: 50, quality: 'ok' }], opinion: '同意验收' }, c);
  await open(page, host);
  await signIn(page, CLERK.login, CLERK.newPassword);
  await go(page, '办公用品');
  await page.getByRole('tab', { name: '采购验收' }).click();
  await page.getByRole('button', { name: p.number }).click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByRole('button', { name: '入库更正' }).click();
  const fix = dialog(page, `入库更正：${p.number}`);
  await expect(fix.getByLabel('更正后实收数量', { exact: true })).toHaveValue('50');
  await expect(fix.getByLabel('更正后单价', { exact: true })).toHaveValue('24.50');
  await fix.getByLabel('更正后实收数量', { exact: true }).fill('5');
  // No reason: refused next to the field, nothing posted.
  await fix.getByRole('button', { name: '入库更正' }).click();
  await expect(fieldError(page, '更正原因')).toBeVisible();
  await fix.getByLabel('更正原因', { exact: true }).fill('实收 5 包，验收时误录为 50 包');
  await Promise.all([answered(page, 'supplies.acceptCorrect'), fix.getByRole('button', { name: '入库更正' }).click()]);
  await expect(drawer.locator('.ant-tag', { hasText: '已更正' })).toBeVisible();
  const record = drawer.locator('.sup-corrections');
  await expect(record).toContainText('入库更正记录');
  await expect(record).toContainText('50 包，1,225.00');
  await expect(record).toContainText('5 包，122.50');
  await shot(page, 'supplies-accept-corrected');
  await page.keyboard.press('Escape');

  // The signed 验收单 still shows 50 as accepted, and lists the correction beneath.
  const form = flat(await printToPdf(page, `/print/supplies/acceptance/${p.id}`, 'acceptance-corrected.pdf'));
  expect(form).toContain('A4复印纸（70g500张/包）包5024.501,225.0050合格');
  expect(form).toContain('验收后入库更正');
  await expect(page.locator('.sup-correction-table td', { hasText: '实收 5 包，验收时误录为 50 包' })).toHaveCount(1);
  expect(form).toContain('壹仟贰佰贰拾伍元整（入库更正后¥122.50）');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', `${OUT}/acceptance-corrected.pdf`, `${OUT}/acceptance-corrected`]);
  // The 出入库明细账: the red line in 收入, the balance 5 包.
  const ledger = flat(await printToPdf(page, `/print/register/supplies.movements?f=${encodeURIComponent(JSON.stringify({ year: Number(p.year) }))}`, 'ledger-corrected.pdf'));
  expect(ledger).toMatch(/-45-1,102.505122.50/);
  const red = page.locator('.paper tbody tr', { hasText: '入库更正（调减）' });
  await expect(red).toHaveCount(1);
  await expect(red).toContainText('实收 5 包，验收时误录为 50 包');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', `${OUT}/ledger-corrected.pdf`, `${OUT}/ledger-corrected`]);
});
