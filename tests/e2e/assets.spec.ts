// Issue 7 "Done means" for fixed assets, in the browser host and in Chinese: a purchase line at or
// above the fixed-asset threshold becomes asset cards at acceptance; the label sheet printed to PDF
// shows a QR code that decodes to the asset number; the card is assigned to a user; a disposal can
// only be carried out after its approval, and then the card leaves the books.
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { test, expect, type Page } from './fixtures';
import { APPROVER, CLERK, answered, expectShell, go, open, pickOption, seedAdmin, seedPerson, shot, signIn } from './ui';
import { decodeQr, readPgm } from '../db/assets/qr-decode';

const KEEPER = { name: '刘洋', login: 'liuyang', department: '办公室', post: '科员', password: 'Init-Pass-04', newPassword: 'Summer-Rain-2025!' };
const STAFF = { name: '孙磊', login: 'sunlei', department: '社区矫正科', post: '科长', password: 'Init-Pass-05', newPassword: 'Autumn-Leaf-2025!' };
const OUT = 'test-results/assets';

const dialog = (page: Page, title: string) => page.getByRole('dialog', { name: title });

async function choose(page: Page, scope: ReturnType<typeof dialog> | Page, label: string, text: string) {
  const box = scope.getByLabel(label, { exact: true });
  await box.click();
  await box.fill(text);
  await pickOption(page, text);
}

test('固定资产采购验收生成卡片 → 标签 PDF 的二维码解码为资产编号 → 领用分配 → 处置须先审批', async ({ page, host }) => {
  test.setTimeout(180_000);
  const admin = await seedAdmin(host);
  await seedPerson(host, admin, CLERK, ['clerk']);
  await seedPerson(host, admin, APPROVER, ['approver']);
  await seedPerson(host, admin, KEEPER, ['clerk']);
  await seedPerson(host, admin, STAFF, ['clerk']);
  await open(page, host);
  await signIn(page, CLERK.login, CLERK.newPassword);
  await expectShell(page, CLERK.name);
  const year = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4);

  // ---- a purchase with a fixed-asset line ----
  await go(page, '办公用品');
  await page.getByRole('tab', { name: '采购验收' }).click();
  await page.getByRole('button', { name: '登记采购' }).click();
  const buy = dialog(page, '登记采购（电子卖场优先）');
  await buy.getByLabel('订单号/合同号', { exact: true }).fill('DZMC-2025-0901');
  await buy.getByLabel('供应商', { exact: true }).fill('湖南某某科技有限公司');
  await buy.locator('.sup-line-kind').getByText('固定资产').click();
  await buy.getByLabel('物品名称 1', { exact: true }).fill('台式计算机');
  await choose(page, buy, '资产类别 1', '计算机设备');
  await buy.getByLabel('品牌 1', { exact: true }).fill('联想');
  await buy.getByLabel('型号 1', { exact: true }).fill('启天M450');
  await buy.getByLabel('数量 1', { exact: true }).fill('2');
  await buy.getByLabel('单价（元） 1', { exact: true }).fill('5680');
  await shot(page, 'assets-purchase-form');
  await Promise.all([answered(page, 'supplies.purchaseCreate'), buy.getByRole('button', { name: '登记采购' }).click()]);
  const drawer = page.locator('.ant-drawer');
  await drawer.getByRole('button', { name: '履约验收', exact: true }).click();
  const acc = dialog(page, `履约验收：采购〔${year}〕第0001号`);
  await choose(page, acc, '验收人', KEEPER.name);
  await Promise.all([answered(page, 'supplies.accept'), acc.getByRole('button', { name: '履约验收' }).click()]);
  const first = `ZC-${year}-00001`;
  await expect(drawer.getByText(`已生成资产卡片：${first}、ZC-${year}-00002`)).toBeVisible();
  await page.keyboard.press('Escape');

  // ---- the cards are in the asset register; the label of the first prints with its QR code ----
  await go(page, '固定资产');
  await expect(page.getByRole('heading', { name: '固定资产管理' })).toBeVisible();
  const row = page.locator('.ant-table-tbody tr', { hasText: first });
  await expect(row).toContainText('台式计算机');
  await expect(row).toContainText('5,680.00');
  await expect(row).toContainText('闲置');
  await row.locator('.ant-checkbox-input').check();
  await shot(page, 'assets-list');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: '打印标签' }).click()]);
  await popup.locator('body[data-print-ready="1"]').waitFor({ timeout: 60_000 });
  await expect(popup.locator('.asset-label')).toHaveCount(1);
  mkdirSync(OUT, { recursive: true });
  await popup.pdf({ path: `${OUT}/labels.pdf`, preferCSSPageSize: true, printBackground: true });
  await popup.screenshot({ path: `${OUT}/labels-screen.png` });
  await popup.close();
  expect(execFileSync('pdftotext', ['-layout', `${OUT}/labels.pdf`, '-']).toString()).toContain(first);
  execFileSync('pdftoppm', ['-gray', '-r', '300', '-f', '1', '-l', '1', `${OUT}/labels.pdf`, `${OUT}/labels`]);
  const pgm = readPgm(readFileSync(`${OUT}/labels-1.pgm`));
  // The QR of the first label sits in the top-left 70 × 35 mm cell: decode that cell.
  const mm = 300 / 25.4;
  const w = Math.round(70 * mm);
  const h = Math.round(45 * mm);
  const cell = { width: w, height: h, data: new Uint8Array(w * h) };
  for (let y = 0; y < h; y++) cell.data.set(pgm.data.subarray(y * pgm.width, y * pgm.width + w), y * w);
  expect(decodeQr(cell)).toBe(first);
  execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', '-x', '0', '-y', '0', '-W', '827', '-H', '300', `${OUT}/labels.pdf`, `${OUT}/labels-top`]);

  // ---- assign it to a user ----
  await page.getByRole('button', { name: '领用分配' }).click();
  const asg = dialog(page, '领用分配（1）');
  await choose(page, asg, '使用人', STAFF.name);
  await asg.getByLabel('存放地点', { exact: true }).fill('机关大楼 205 室');
  await Promise.all([answered(page, 'assets.assign'), asg.getByRole('button', { name: '领用分配' }).click()]);
  await expect(row).toContainText('孙磊');
  await expect(row).toContainText('在用');

  // ---- disposal: requested, cannot be carried out before approval; approved; carried out ----
  await row.locator('.ant-checkbox-input').check();
  await page.getByRole('button', { name: '申请处置' }).click();
  const dsp = dialog(page, '资产处置申请');
  await dsp.getByLabel('处置原因', { exact: true }).fill('主板损坏，经鉴定无维修价值');
  await Promise.all([answered(page, 'assets.disposalCreate'), dsp.getByRole('button', { name: '申请处置' }).click()]);
  await expect(row).toContainText('处置中');
  await page.getByRole('tab', { name: '资产处置' }).click();
  await page.getByRole('button', { name: `资处〔${year}〕第0001号` }).click();
  await expect(drawer.locator('.ant-tag', { hasText: '待审批' })).toBeVisible();
  await expect(drawer.getByRole('button', { name: '执行处置' })).toHaveCount(0);
  await drawer.getByRole('button', { name: '审批', exact: true }).click();
  const ap = dialog(page, `资产处置审批：资处〔${year}〕第0001号`);
  await ap.getByLabel('审批人登录名', { exact: true }).fill(APPROVER.login);
  await ap.getByLabel('审批人密码', { exact: true }).fill(APPROVER.newPassword);
  await Promise.all([answered(page, 'assets.disposalApprove'), ap.getByRole('button', { name: '审批' }).click()]);
  await drawer.getByRole('button', { name: '执行处置' }).click();
  const ex = dialog(page, `执行资产处置：资处〔${year}〕第0001号`);
  await ex.getByLabel('处置情况', { exact: true }).fill('交区机关事务管理局统一回收');
  await Promise.all([answered(page, 'assets.disposalExecute'), ex.getByRole('button', { name: '执行处置' }).click()]);
  await expect(drawer.locator('.ant-tag', { hasText: '已处置' }).first()).toBeVisible();
  await shot(page, 'assets-disposed');
  await page.keyboard.press('Escape');
  // The asset card and the disposal form on paper.
  const print = async (route: string, file: string) => {
    await page.evaluate((r) => (window.location.hash = `#${r}`), route);
    await page.locator('body[data-print-ready="1"]').waitFor({ timeout: 60_000 });
    await page.pdf({ path: `${OUT}/${file}`, preferCSSPageSize: true, printBackground: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', `${OUT}/${file}`, `${OUT}/${file.replace('.pdf', '')}`]);
    const text = execFileSync('pdftotext', ['-layout', `${OUT}/${file}`, '-']).toString().replace(/\s+/g, '');
    await page.goBack();
    return text;
  };
  const cardText = await print('/print/assets/card/1', 'card.pdf');
  expect(cardText).toContain('固定资产卡片');
  expect(cardText).toContain(first);
  expect(cardText).toContain('伍仟陆佰捌拾元整');
  expect(cardText).toMatch(/领用分配闲置：（未分配）.*孙磊/);
  const dispText = await print('/print/assets/disposal/1', 'disposal.pdf');
  expect(dispText).toContain('固定资产处置审批表');
  // The decision prints with how and when it was given (issue 27).
  expect(dispText).toMatch(/同意（本机会签\d{4}-\d\d-\d\d\d\d:\d\d）/);
  expect(dispText).toContain('签字：张伟');
  await expect(page.getByRole('heading', { name: '固定资产管理' })).toBeVisible();
  await page.getByRole('tab', { name: '资产卡片' }).click();
  await expect(page.locator('.ant-table-tbody tr', { hasText: first })).toHaveCount(0);
  await page.getByText('只看在账').click();
  await expect(page.locator('.ant-table-tbody tr', { hasText: first })).toContainText('报废');
  await page.evaluate(() => (window.location.hash = '#/'));
  await expect(page.getByTestId('assets-tile')).toBeVisible();
});

test('各页面在 1366×768 下完整显示、无严重无障碍问题：物品目录、收发存、设置、资产处置、清查表、资产卡片', async ({ page, host }) => {
  test.setTimeout(180_000);
  const admin = await seedAdmin(host);
  await seedPerson(host, admin, CLERK, ['clerk']);
  await seedPerson(host, admin, APPROVER, ['approver']);
  await seedPerson(host, admin, KEEPER, ['clerk']);
  await seedPerson(host, admin, STAFF, ['clerk']);
  const c = (await host.call('accounts.signIn', { login: CLERK.login, password: CLERK.newPassword })).sessionId;
  const people = await host.call('accounts.people', { limit: 50 }, c);
  const id = (name: string) => people.find((p) => p.name === name)!.id;
  const paper = await host.call('supplies.itemCreate', { name: 'A4复印纸', spec: '70g 500张/包', unit: '包', category: '办公用纸', reorderLevel: 60 }, c);
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const p = await host.call(
    'supplies.purchaseCreate',
    {
      orderNo: 'DZMC-1',
      supplier: '湖南某某科技有限公司',
      buyerId: id(CLERK.name),
      purchasedOn: today,
      lines: [
        { itemId: paper.id, quantity: 50, unitPrice: 2_450 },
        { name: '公务用车', unit: '辆', quantity: 2, unitPrice: 2_800_000, assetCategory: '车辆', brand: '比亚迪', model: '汉 EV' },
        { name: '便携式计算机', unit: '台', quantity: 3, unitPrice: 659_900, assetCategory: '计算机设备', brand: '华为', model: 'MateBook 14' },
      ],
    },
    c,
  );
  await host.call('supplies.accept', { id: p.id, acceptedOn: today, acceptorIds: [id(KEEPER.name)], lines: p.lines.map((l) => ({ lineId: l.id, acceptedQty: l.quantity, quality: 'ok' as const })), opinion: '合格' }, c);
  await host.call('supplies.requisitionCreate', { requesterId: id(STAFF.name), purpose: '日常办公', lines: [{ itemId: paper.id, quantity: 3 }] }, c);
  const cars = await host.call('assets.list', { category: '车辆' }, c);
  await host.call('assets.disposalCreate', { assetIds: cars.rows.map((r) => r.id), method: 'sale', reason: '公车改革，车辆拍卖', decisionRef: '党组会议 2026年第3次 议题2' }, c);
  const laptops = await host.call('assets.list', { category: '计算机设备' }, c);
  await host.call('assets.assign', { assetIds: laptops.rows.map((r) => r.id), userId: id(STAFF.name), location: '机关大楼 205 室' }, c);
  const chk = await host.call('assets.checkCreate', { title: '社区矫正科资产清查', checkedOn: today, scope: 'department', scopeValue: STAFF.department }, c);

  const axe = async (what: string) => {
    const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 2).join(' | ')}`), what).toEqual([]);
  };
  await open(page, host);
  await signIn(page, CLERK.login, CLERK.newPassword);
  await expectShell(page, CLERK.name);
  await expect(page.getByTestId('supplies-tile')).toContainText('库存低于下限');
  await expect(page.getByTestId('assets-tile')).toContainText('处置待审批');
  await expect(page.getByTestId('assets-tile')).toContainText('待集体决策核验');
  await shot(page, 'assets-home-tiles');
  for (const [hash, name, wait] of [
    ['#/r/supplies/items', 'supplies-items', 'A4复印纸'],
    ['#/r/supplies/summary', 'supplies-summary-screen', 'A4复印纸'],
    ['#/r/supplies/settings', 'supplies-settings', '固定资产标准'],
    ['#/r/supplies/requisitions', 'supplies-requisitions', '待审批'],
    ['#/r/assets/disposals', 'assets-disposals', '待集体决策核验'],
    ['#/r/assets/settings', 'assets-settings', '资产编号规则'],
    [`#/r/assets/checks/${chk.id}`, 'assets-check-sheet', 'MateBook'],
  ] as const) {
    await page.evaluate((h) => (window.location.hash = h), hash);
    await expect(page.getByText(wait).first()).toBeVisible();
    await page.waitForTimeout(300);
    await shot(page, name);
    await axe(name);
  }
  // The card with its history.
  await page.evaluate(() => (window.location.hash = '#/r/assets'));
  await page.locator('.ant-table-tbody tr', { hasText: '便携式计算机' }).first().getByRole('button').first().click();
  await expect(page.locator('.ant-drawer')).toContainText('领用分配');
  await shot(page, 'assets-card-drawer');
  await axe('资产卡片');

  // The check sheet: confirming without a reviewer is refused next to the field; then every asset is
  // found, the sheet confirmed and read-only.
  await page.locator('.ant-drawer-close').click();
  await page.evaluate((h) => (window.location.hash = h), `#/r/assets/checks/${chk.id}`);
  await choose(page, page, '清查人', CLERK.name);
  await page.getByRole('button', { name: '其余全部相符' }).click();
  await page.getByRole('button', { name: '确认清查' }).click();
  await Promise.all([answered(page, 'assets.checkConfirm'), page.locator('.ant-modal-confirm').getByRole('button', { name: '确认清查' }).click()]);
  await expect(page.locator('.ant-form-item-explain-error')).toContainText('请填写复核人');
  await choose(page, page, '复核人', STAFF.name);
  await page.getByRole('button', { name: '确认清查' }).click();
  await Promise.all([answered(page, 'assets.checkConfirm'), page.locator('.ant-modal-confirm').getByRole('button', { name: '确认清查' }).click()]);
  await expect(page.locator('.ant-alert-success')).toContainText('已确认的清查表只读。');
  await expect(page.getByRole('button', { name: '保存清查结果' })).toHaveCount(0);
  await expect(page.locator('.sup-detail')).toContainText(STAFF.name);
});
