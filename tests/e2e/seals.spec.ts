// Issue 5 "Done means": in the browser host, in Chinese — the clerk requests a seal use, the approver
// co-signs, the custodian stamps as 监印人 and records a take-out, the return is confirmed; the printed
// register shows the entry with its number and signature cells; a forbidden step shows a Chinese
// message next to the field and changes nothing; the audit screen shows every step.
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { test, expect, type Page } from './fixtures';
import { ADMIN, APPROVER, CLERK, answered, expectShell, fieldError, go, open, pickOption, seedAdmin, seedPerson, shot, signIn, signOut } from './ui';

const KEEPER = { name: '刘洋', login: 'liuyang', department: '办公室', post: '档案员', password: 'Init-Pass-04', newPassword: 'Summer-Rain-2025!' };
const SEAL = '东城区司法局';
const OUT = 'test-results/seals';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const plusDays = (n: number) => new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);

async function bureau(host: Parameters<typeof seedAdmin>[0]) {
  const admin = await seedAdmin(host);
  await seedPerson(host, admin, CLERK, ['clerk']);
  await seedPerson(host, admin, APPROVER, ['approver']);
  await seedPerson(host, admin, KEEPER, ['clerk']);
  const people = await host.call('accounts.people', { limit: 50 }, admin);
  const id = (name: string) => people.find((p) => p.name === name)!.id;
  const seal = await host.call('seals.sealCreate', { name: SEAL, kind: 'official', approverRule: 'person', approverId: id(APPROVER.name), enabledOn: '2020-01-01', custodianId: id(KEEPER.name), remarks: '存放于办公室保险柜' }, admin);
  return { admin, seal, id };
}

/** A field of the open dialog, by its label. */
const inDialog = (page: Page, title: string) => page.getByRole('dialog', { name: title });

async function choose(page: Page, dialog: ReturnType<typeof inDialog>, label: string, text: string) {
  await dialog.getByLabel(label, { exact: true }).click();
  await dialog.getByLabel(label, { exact: true }).fill(text);
  await pickOption(page, text);
}

async function pickDate(dialog: ReturnType<typeof inDialog>, label: string, value: string) {
  const input = dialog.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

test('申请 → 会签审批 → 监印用印 → 外带借出 → 确认归还；登记簿打印出编号和签字栏；违规操作就地提示且不改变数据；审计日志记下每一步', async ({ page, host }) => {
  test.setTimeout(120_000);
  const { seal } = await bureau(host);
  await open(page, host);
  await signIn(page, CLERK.login, CLERK.newPassword);
  await expectShell(page, CLERK.name);
  await go(page, '印章管理');
  await expect(page.getByRole('heading', { name: '印章管理与用印登记' })).toBeVisible();

  // ---- the clerk fills in the request; blank paper is refused next to the field ----
  await page.getByRole('button', { name: '用印申请' }).click();
  const req = inDialog(page, '用印申请');
  await choose(page, req, '印章', SEAL);
  await expect(req.getByText(`审批人：${APPROVER.name}`)).toBeVisible();
  await choose(page, req, '申请人', CLERK.name);
  await req.getByLabel('用印事由', { exact: true }).fill('与区财政局签订法律顾问服务合同');
  await req.getByLabel('文件名称', { exact: true }).fill('空白');
  await req.getByLabel('文号（选填）', { exact: true }).fill('东司合〔2025〕3号');
  await req.getByLabel('份数', { exact: true }).fill('3');
  await req.getByLabel('外带').check();
  await pickDate(req, '计划借出日期', today());
  await pickDate(req, '计划归还日期', plusDays(1));
  await req.getByRole('button', { name: '用印申请' }).click();
  await expect(fieldError(page, '文件名称')).toContainText('不得在空白纸张');
  await shot(page, 'seals-request-blank');
  await req.getByLabel('文件名称', { exact: true }).fill('法律顾问服务合同');
  await Promise.all([answered(page, 'seals.request'), req.getByRole('button', { name: '用印申请' }).click()]);
  const year = today().slice(0, 4);
  const number = `用印〔${year}〕第0001号`;
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.getByText(`用印登记 ${number}`)).toBeVisible();
  await expect(drawer.locator('.ant-tag', { hasText: '待审批' })).toBeVisible();
  await shot(page, 'seals-requested');

  // ---- the approver co-signs on this workstation; a wrong password is refused at the password field ----
  await drawer.getByRole('button', { name: '审批', exact: true }).click();
  const appr = inDialog(page, '用印审批');
  await expect(appr.getByText(`应由 ${APPROVER.name} 审批`)).toBeVisible();
  await appr.getByLabel('审批人登录名', { exact: true }).fill(APPROVER.login);
  await appr.getByLabel('审批人密码', { exact: true }).fill('Wrong-Pass-1');
  await Promise.all([answered(page, 'seals.approve'), appr.getByRole('button', { name: '用印审批' }).click()]);
  await expect(fieldError(page, '审批人密码')).toHaveText('审批人登录名或密码不正确。');
  await expect(drawer.locator('.ant-tag', { hasText: '待审批' })).toBeVisible();
  await appr.getByLabel('审批人密码', { exact: true }).fill(APPROVER.newPassword);
  await shot(page, 'seals-approve');
  await Promise.all([answered(page, 'seals.approve'), appr.getByRole('button', { name: '用印审批' }).click()]);
  await expect(appr).toBeHidden();
  await expect(drawer.locator('.ant-tag', { hasText: '已批准' })).toBeVisible();

  // ---- stamping more copies than approved is refused next to the count; then the custodian stamps ----
  await drawer.getByRole('button', { name: '用印', exact: true }).click();
  const stamp = inDialog(page, '登记用印（监印）');
  await expect(stamp.getByText(`由保管人${KEEPER.name}作为监印人监督用印`)).toBeVisible();
  await stamp.getByLabel('实际用印份数', { exact: true }).fill('5');
  await Promise.all([answered(page, 'seals.stamp'), stamp.getByRole('button', { name: '用印', exact: true }).click()]);
  await expect(fieldError(page, '实际用印份数')).toHaveText('实际用印份数不能超过批准的份数（3 份）');
  await shot(page, 'seals-stamp-refused');
  await expect(drawer.locator('.ant-tag', { hasText: '已批准' })).toBeVisible();
  await stamp.getByLabel('实际用印份数', { exact: true }).fill('3');
  await Promise.all([answered(page, 'seals.stamp'), stamp.getByRole('button', { name: '用印', exact: true }).click()]);
  await expect(stamp).toBeHidden();
  await expect(drawer.locator('.ant-tag', { hasText: '已用印' })).toBeVisible();

  // ---- take-out and return (confirmed by the custodian, not the borrower) ----
  await drawer.getByRole('button', { name: '借出', exact: true }).click();
  const out = inDialog(page, '登记外带借出');
  await Promise.all([answered(page, 'seals.checkOut'), out.getByRole('button', { name: '借出', exact: true }).click()]);
  await expect(drawer.locator('.ant-tag', { hasText: '已借出' })).toBeVisible();
  await drawer.getByRole('button', { name: '归还', exact: true }).click();
  const back = inDialog(page, '登记归还');
  await expect(back.locator('.ant-select-content, .ant-select-selection-item').filter({ hasText: KEEPER.name }).first()).toBeVisible();
  await Promise.all([answered(page, 'seals.return'), back.getByRole('button', { name: '归还', exact: true }).click()]);
  await expect(drawer.locator('.ant-tag', { hasText: '已归还' })).toBeVisible();
  await expect(drawer).toContainText(`（${KEEPER.name}）`);
  await expect(drawer.locator('.seal-timeline')).toContainText('印章归还确认');
  await shot(page, 'seals-drawer-returned');
  await drawer.locator('.ant-drawer-close').click();

  const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: number });
  await expect(row).toContainText('法律顾问服务合同');
  await expect(row).toContainText(APPROVER.name);
  await expect(row).toContainText(KEEPER.name);
  await expect(row).toContainText('已归还');
  await shot(page, 'seals-list');

  // ---- the printed register: number, names, and the signature cells ----
  await page.evaluate((y) => (window.location.hash = `#/print/register/seals.usage?f=${encodeURIComponent(JSON.stringify({ year: Number(y) }))}`), year);
  await page.locator('body[data-print-ready="1"]').waitFor();
  await expect(page.getByRole('heading', { name: `${ADMIN.unitName}用印登记簿（${year}年）` })).toBeVisible();
  const headers = page.locator('.paper-table thead tr:not(.paper-head) th');
  await expect(headers).toHaveText(['序号', '编号', '日期', '印章', '用印事由', '文件名称及文号', '份数', '申请人', '申请人签字', '审批人', '审批人签字', '监印人', '监印人签字', '外带及归还', '备注']);
  await expect(page.locator('.paper-table tbody tr').first()).toContainText(number);
  await expect(page.locator('.paper-table tbody td.signature')).toHaveCount(3);
  mkdirSync(OUT, { recursive: true });
  await page.pdf({ path: `${OUT}/usage.pdf`, preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', `${OUT}/usage.pdf`, '-']).toString();
  expect(text).toContain(`${ADMIN.unitName}用印登记簿（${year}年）`);
  // The number wraps inside its cell as 用印〔2026〕 / 第0001号.
  expect(text).toContain(`用印〔${year}〕`);
  expect(text).toContain('第0001号');
  for (const s of [APPROVER.name, KEEPER.name, CLERK.name]) expect(text).toContain(s);
  // The signature headers wrap onto two lines in their narrow cells (申请人 / 签字).
  expect((text.match(/签字/g) ?? []).length).toBeGreaterThanOrEqual(3);
  expect(text).toMatch(/第\s*1\s*页\s*共\s*1\s*页/);
  expect(execFileSync('pdfinfo', [`${OUT}/usage.pdf`]).toString()).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/);
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', `${OUT}/usage.pdf`, `${OUT}/usage`]);

  // ---- the single 用印审批单 (portrait) ----
  await page.evaluate(() => (window.location.hash = '#/r/seals'));
  await page.locator('.ant-table-tbody tr.ant-table-row', { hasText: number }).getByRole('button', { name: number }).click();
  await expect(drawer.getByRole('button', { name: '打印用印审批单' })).toBeVisible();
  const popup = page.waitForEvent('popup');
  await drawer.getByRole('button', { name: '打印用印审批单' }).click();
  const form = await popup;
  // A new tab has no session of its own (sessionStorage), so the form is checked in this tab.
  const hash = new URL(form.url()).hash;
  await form.close();
  await page.evaluate((h) => (window.location.hash = h), hash);
  await page.locator('body[data-print-ready="1"]').waitFor();
  await expect(page.getByRole('heading', { name: `${ADMIN.unitName}用印审批单` })).toBeVisible();
  await expect(page.locator('.paper-form')).toContainText(`编号：${number}`);
  await expect(page.locator('.paper-form')).toContainText('同意');
  await page.pdf({ path: `${OUT}/form.pdf`, preferCSSPageSize: true, printBackground: true });
  expect(execFileSync('pdfinfo', [`${OUT}/form.pdf`]).toString()).toMatch(/Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/);
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', `${OUT}/form.pdf`, `${OUT}/form`]);

  // ---- nothing changed by the refused steps; the audit screen shows every step ----
  const list = await host.call('seals.list', {}, (await host.call('accounts.signIn', { login: ADMIN.login, password: ADMIN.password })).sessionId);
  expect(list.rows).toHaveLength(1);
  expect(list.rows[0]).toMatchObject({ number, stampedCount: 3, copies: 3, state: 'returned', sealId: seal.id });
  await page.evaluate(() => (window.location.hash = '#/'));
  await expectShell(page, CLERK.name);
  await signOut(page);
  await signIn(page, ADMIN.login, ADMIN.password);
  await expectShell(page, ADMIN.name);
  await go(page, '审计日志');
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  for (const step of ['用印申请', '用印审批', '登记用印（监印）', '印章外带借出', '印章归还确认']) {
    await expect(rows.filter({ hasText: step }).filter({ hasText: '成功' }).first()).toBeVisible();
  }
  await expect(rows.filter({ hasText: '用印审批' }).filter({ hasText: '失败' }).first()).toBeVisible();
  await expect(rows.filter({ hasText: '登记用印（监印）' }).filter({ hasText: '失败' }).first()).toBeVisible();
  await shot(page, 'seals-audit');
});

test('先用印后补批在首页红色提示直至审批人补签；印章交接登记并打印交接单；统计', async ({ page, host }) => {
  test.setTimeout(120_000);
  const { admin, seal, id } = await bureau(host);
  await seedPerson(host, admin, { name: '周敏', login: 'zhoumin', department: '办公室', post: '主任', password: 'Init-Pass-05', newPassword: 'Autumn-Leaf-2025!' }, ['clerk']);
  const clerkSession = (await host.call('accounts.signIn', { login: CLERK.login, password: CLERK.newPassword })).sessionId;
  await host.call('seals.request', { sealId: seal.id, reason: '报送材料', documentTitle: '关于2025年度法治政府建设情况的报告', copies: 2, applicantId: id(CLERK.name) }, clerkSession);
  await host.call('accounts.signOut', {}, clerkSession);

  await open(page, host);
  await signIn(page, CLERK.login, CLERK.newPassword);
  await expectShell(page, CLERK.name);
  const tile = page.getByTestId('seals-tile');
  await expect(tile).toContainText('待审批');
  await expect(tile.locator('li', { hasText: '待审批' })).toContainText('1');

  // ---- emergency: stamp first with a written reason ----
  await go(page, '印章管理');
  await page.getByRole('button', { name: '先用印后补批' }).click();
  const emg = page.getByRole('dialog', { name: '先用印后补批（紧急情况）' });
  await choose(page, emg, '印章', SEAL);
  await choose(page, emg, '申请人', CLERK.name);
  await emg.getByLabel('用印事由', { exact: true }).fill('向区法院提交行政应诉材料');
  await emg.getByLabel('文件名称', { exact: true }).fill('行政应诉答辩状');
  await emg.getByLabel('份数', { exact: true }).fill('2');
  await emg.getByLabel('实际用印份数', { exact: true }).fill('2');
  await choose(page, emg, '电话同意的领导', APPROVER.name);
  await emg.getByLabel('先用印后补批的理由', { exact: true }).fill('急');
  await emg.getByRole('button', { name: '先用印后补批（紧急情况）' }).click();
  await expect(fieldError(page, '先用印后补批的理由')).toContainText('至少 6 个字');
  await emg.getByLabel('先用印后补批的理由', { exact: true }).fill('法院要求当日下午提交，局领导在外开会，电话同意先行用印');
  await shot(page, 'seals-emergency-form');
  await Promise.all([answered(page, 'seals.emergencyStamp'), emg.getByRole('button', { name: '先用印后补批（紧急情况）' }).click()]);
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.locator('.ant-tag', { hasText: '事后补批·待补签' })).toBeVisible();
  await expect(drawer.locator('.seal-emergency-alert')).toContainText('电话同意');
  await drawer.locator('.ant-drawer-close').click();
  await expect(page.locator('tr.seal-row-emergency')).toHaveCount(1);
  await shot(page, 'seals-list-emergency');

  // ---- the home tile shows it in red ----
  await go(page, '首页');
  await expect(tile.locator('li.seal-tile-red', { hasText: '事后补批待补签' })).toContainText('1');
  await expect(tile.locator('.seal-tile-rows li.seal-tile-red')).toContainText('行政应诉答辩状');
  await shot(page, 'seals-home-tile');

  // ---- handover of the seal before a witness, and its slip ----
  await go(page, '印章管理');
  await page.getByRole('tab', { name: '印章目录' }).click();
  await expect(page.getByRole('button', { name: '登记印章' })).toBeVisible();
  const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: SEAL });
  await expect(row).toContainText(KEEPER.name);
  await row.getByRole('button', { name: '交接' }).click();
  const ho = page.getByRole('dialog', { name: `印章交接：${SEAL}` });
  await choose(page, ho, '接收人', '周敏');
  await choose(page, ho, '监交人', KEEPER.name);
  await Promise.all([answered(page, 'seals.handover'), ho.getByRole('button', { name: '印章交接' }).click()]);
  await expect(fieldError(page, '监交人')).toHaveText('监交人不能是移交人或接收人本人');
  await choose(page, ho, '监交人', CLERK.name);
  await Promise.all([answered(page, 'seals.handover'), ho.getByRole('button', { name: '印章交接' }).click()]);
  // The slip is offered at once; the browser opens it in a new tab (which has no session of its own).
  const popup = page.waitForEvent('popup');
  await page.getByRole('dialog').getByRole('button', { name: '打印交接单' }).click();
  const slipTab = await popup;
  const slipHash = new URL(slipTab.url()).hash;
  await slipTab.close();
  await expect(row).toContainText('周敏');
  await shot(page, 'seals-catalogue');
  const handovers = (await host.call('seals.sealGet', { id: seal.id }, (await host.call('accounts.signIn', { login: ADMIN.login, password: ADMIN.password })).sessionId)).handovers;
  expect(handovers.map((h) => h.toName)).toEqual(['周敏', KEEPER.name]);
  expect(slipHash).toBe(`#/print/seals/handover/${seal.id}/${handovers[0].id}`);
  await page.evaluate((h) => (window.location.hash = h), slipHash);
  await page.locator('body[data-print-ready="1"]').waitFor();
  await expect(page.getByRole('heading', { name: `${ADMIN.unitName}印章交接单` })).toBeVisible();
  mkdirSync(OUT, { recursive: true });
  await page.pdf({ path: `${OUT}/handover.pdf`, preferCSSPageSize: true, printBackground: true });
  const slip = execFileSync('pdftotext', ['-layout', `${OUT}/handover.pdf`, '-']).toString();
  for (const s of [handovers[0].number, SEAL, KEEPER.name, '周敏', CLERK.name, '监交人']) expect(slip).toContain(s);
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', `${OUT}/handover.pdf`, `${OUT}/handover`]);
  await page.evaluate(() => (window.location.hash = '#/'));
  await expectShell(page, CLERK.name);
  await signOut(page);

  // ---- the approver signs in and approves afterwards (事后补批); the red mark clears ----
  await signIn(page, APPROVER.login, APPROVER.newPassword);
  await expectShell(page, APPROVER.name);
  await tile.locator('.seal-tile-rows li.seal-tile-red a').first().click();
  await expect(drawer.getByRole('button', { name: '事后补批' })).toBeVisible();
  await drawer.getByRole('button', { name: '事后补批' }).click();
  const appr = page.getByRole('dialog', { name: '事后补批' });
  await appr.getByLabel('审批人登录名', { exact: true }).fill(APPROVER.login);
  await appr.getByLabel('审批人密码', { exact: true }).fill(APPROVER.newPassword);
  await Promise.all([answered(page, 'seals.approve'), appr.getByRole('button', { name: '用印审批' }).click()]);
  await expect(appr).toBeHidden();
  await expect(drawer.locator('.ant-tag', { hasText: '事后补批' })).toBeVisible();
  await expect(drawer.locator('.ant-tag', { hasText: '待补签' })).toHaveCount(0);
  // The confirmation toast lies over the drawer's close button: it must let the click through (and,
  // hovered, not stop its own timer and stay there).
  await expect(page.locator('.ant-message-notice', { hasText: '审批已记录' })).toHaveCSS('pointer-events', 'none');
  await drawer.locator('.ant-drawer-close').click();
  await go(page, '首页');
  await expect(tile.locator('li', { hasText: '事后补批待补签' })).toHaveCount(0);

  // ---- statistics ----
  await go(page, '印章管理');
  await page.getByRole('tab', { name: '用印统计' }).click();
  await expect(page.locator('.seal-stat-cards')).toContainText('事后补批');
  await expect(page.locator('.ant-table-tbody tr', { hasText: SEAL })).toBeVisible();
  await shot(page, 'seals-stats');

  // ---- no serious accessibility problems on the register's screens ----
  for (const tab of ['用印统计', '印章目录', '分管领导', '用印登记']) {
    await page.getByRole('tab', { name: tab }).click();
    await page.waitForTimeout(300);
    expect(await seriousViolations(page), tab).toEqual([]);
  }
});

test('纸质登记簿补录：未记审批人的旧登记导入后标红，统计计为未审批，登记簿打印标红', async ({ page, host }) => {
  test.setTimeout(90_000);
  await bureau(host);
  const last = String(Number(today().slice(0, 4)) - 1);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('用印登记簿');
  ws.addRow(['编号', '日期', '印章', '用印事由', '文件名称', '文号', '份数', '申请人', '申请部门', '审批人', '监印人', '外带', '应还日期', '归还日期', '归还确认人', '作废原因', '备注']);
  ws.addRow([`用印〔${last}〕第0001号`, `${last}-03-02`, SEAL, '报送材料', '纸质登记的年度总结', '', 2, CLERK.name, CLERK.department, APPROVER.name, KEEPER.name, '否', '', '', '', '', '']);
  ws.addRow([`用印〔${last}〕第0002号`, `${last}-03-05`, SEAL, '报送材料', '未记审批人的旧登记', '', 1, CLERK.name, CLERK.department, '', KEEPER.name, '否', '', '', '', '', '']);
  const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  const clerkSession = (await host.call('accounts.signIn', { login: CLERK.login, password: CLERK.newPassword })).sessionId;
  expect(await host.call('output.importCommit', { register: 'seals.usage', base64 }, clerkSession)).toEqual({ imported: 2 });
  await host.call('accounts.signOut', {}, clerkSession);

  await open(page, host);
  await signIn(page, CLERK.login, CLERK.newPassword);
  await expectShell(page, CLERK.name);
  await page.evaluate(() => (window.location.hash = '#/r/seals?flag=paperGap&year=all'));
  const gap = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '未记审批人的旧登记' });
  await expect(gap).toHaveClass(/seal-row-emergency/);
  await expect(gap.locator('.ant-tag', { hasText: '补录·无审批记录' })).toBeVisible();
  await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(1);
  await shot(page, 'seals-list-paper-gap');
  await gap.dblclick();
  const drawer = page.locator('.ant-drawer');
  await expect(drawer.getByRole('alert')).toContainText('纸质登记未记审批人，没有审批记录，统计中计为未审批');
  await expect(drawer.getByRole('button', { name: '用印审批', exact: true })).toHaveCount(0);
  await expect(drawer).toContainText(`用印时间${last}-03-05`);
  await expect(drawer).not.toContainText(`${last}-03-05 00:00`);
  await shot(page, 'seals-drawer-paper-gap');
  await drawer.locator('.ant-drawer-close').click();

  await page.evaluate(() => (window.location.hash = '#/r/seals'));
  await page.getByRole('tab', { name: '用印统计' }).click();
  await page.getByLabel('年度').click();
  await pickOption(page, last);
  const card = page.locator('.seal-stat-cards .ant-card', { hasText: '补录·无审批记录' });
  await expect(card).toHaveClass(/seal-stat-bad/);
  await expect(card.locator('.ant-statistic-content-value')).toHaveText('1');
  await shot(page, 'seals-stats-paper-gap');

  await page.evaluate((y) => (window.location.hash = `#/print/register/seals.usage?f=${encodeURIComponent(JSON.stringify({ year: Number(y) }))}`), last);
  await page.locator('body[data-print-ready="1"]').waitFor();
  const printed = page.locator('.paper-table tbody tr', { hasText: '未记审批人的旧登记' });
  await expect(printed).toHaveClass(/flagged/);
  await expect(printed).toContainText('补录：纸质登记簿未记审批人，无审批记录');
  await expect(page.locator('.paper-table tbody tr', { hasText: '纸质登记的年度总结' })).not.toHaveClass(/flagged/);
  mkdirSync(OUT, { recursive: true });
  await page.pdf({ path: `${OUT}/usage-paper-gap.pdf`, preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', `${OUT}/usage-paper-gap.pdf`, '-']).toString();
  // The 备注 cell wraps the mark (read whole on the page above).
  expect(text).toContain('补录：纸质');
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', `${OUT}/usage-paper-gap.pdf`, `${OUT}/usage-paper-gap`]);
});

test('纸质签批待本人确认：经办人录入纸质签批，审批人登录后在首页看到并确认，登记簿标明已确认', async ({ page, host }) => {
  test.setTimeout(90_000);
  const { seal, id } = await bureau(host);
  const clerkSession = (await host.call('accounts.signIn', { login: CLERK.login, password: CLERK.newPassword })).sessionId;
  const use = await host.call('seals.request', { sealId: seal.id, reason: '报送材料', documentTitle: '关于2025年度安全生产工作的报告', copies: 1, applicantId: id(KEEPER.name) }, clerkSession);
  await host.call('accounts.signOut', {}, clerkSession);

  // ---- the clerk records the leader's signed paper form ----
  await open(page, host);
  await signIn(page, CLERK.login, CLERK.newPassword);
  await expectShell(page, CLERK.name);
  await page.evaluate((n) => (window.location.hash = `#/r/seals?id=${n}&year=all`), use.id);
  const drawer = page.locator('.ant-drawer');
  await drawer.getByRole('button', { name: '审批', exact: true }).click();
  const appr = inDialog(page, '用印审批');
  await appr.getByText('纸质签批', { exact: true }).click();
  await appr.getByLabel('纸质审批单归档号', { exact: true }).fill('纸审-2026-118');
  await Promise.all([answered(page, 'seals.approve'), appr.getByRole('button', { name: '用印审批' }).click()]);
  await expect(appr).toBeHidden();
  await drawer.getByRole('tab', { name: '审批记录' }).click();
  await expect(drawer.locator('.ant-tag', { hasText: '待签批人确认' })).toBeVisible();
  await shot(page, 'paper-recorded');
  await drawer.locator('.ant-drawer-close').click();
  await signOut(page);

  // ---- the leader signs in and finds it waiting for their word ----
  await signIn(page, APPROVER.login, APPROVER.newPassword);
  await expectShell(page, APPROVER.name);
  // Wherever the sign-in lands, a notice says so and leads to the list.
  const notice = page.locator('.ant-notification-notice', { hasText: '有 1 条纸质签批等待您本人确认' });
  await expect(notice).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/paper-notice.png' });
  await notice.getByRole('button', { name: '去确认' }).click();
  const card = page.getByTestId('paper-awaiting');
  await expect(card).toContainText('待我确认的纸质签批（1）');
  const row = card.locator('.ant-table-tbody tr', { hasText: '关于2025年度安全生产工作的报告' });
  await expect(row).toContainText('纸审-2026-118');
  await expect(row).toContainText(CLERK.name);
  await shot(page, 'paper-awaiting');
  // A dispute without a reason is refused next to the field; then the leader confirms instead.
  await row.getByRole('button', { name: '提出异议' }).click();
  const dispute = inDialog(page, '对纸质签批提出异议');
  await dispute.getByRole('button', { name: '提出异议' }).click();
  await expect(fieldError(page, '异议理由')).toContainText('提出异议须写明理由');
  await dispute.getByRole('button', { name: /取\s*消/ }).click();
  await expect(dispute).toBeHidden();
  await Promise.all([answered(page, 'approvals.confirm'), row.getByRole('button', { name: '确认' }).click()]);
  await expect(card).toBeHidden();

  // ---- the register says the signer confirmed it ----
  const year = today().slice(0, 4);
  await page.evaluate((y) => (window.location.hash = `#/print/register/seals.usage?f=${encodeURIComponent(JSON.stringify({ year: Number(y) }))}`), year);
  await page.locator('body[data-print-ready="1"]').waitFor();
  await expect(page.locator('.paper-table tbody tr', { hasText: '关于2025年度安全生产工作的报告' })).toContainText('纸质签批经签批人确认');
  mkdirSync(OUT, { recursive: true });
  await page.pdf({ path: `${OUT}/usage-confirmed.pdf`, preferCSSPageSize: true, printBackground: true });
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', `${OUT}/usage-confirmed.pdf`, `${OUT}/usage-confirmed`]);
});

async function seriousViolations(page: Page) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}
