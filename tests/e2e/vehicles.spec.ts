// Issue 6 "Done means": a trip walked in Chinese from application through co-signed approval,
// dispatch, departure and return; an odometer gap and a weekend trip show their flags; the printed
// register, the 派车单 and the vehicle file are produced as PDFs and looked at.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import dayjs from 'dayjs';
import ExcelJS from 'exceljs';
import { test, expect, type Page } from './fixtures';
import type { Host } from './host';
import { ADMIN, APPROVER, CLERK, answered, expectShell, go, open, pickOption, seedAdmin, seedPerson, shot, signIn } from './ui';

const OUT = 'test-results/print';
const DRIVER = { name: '陈师傅', login: 'chensf', department: '办公室', post: '驾驶员', password: 'Init-Pass-04', newPassword: 'Driver-Road-2025!' };
const FMT = 'YYYY-MM-DD HH:mm';
/** The wall clock in Shanghai (the browser runs there; this process may not). */
const shanghaiNow = () => dayjs().add(480 - dayjs().utcOffset(), 'minute');

/** Type a date (and time) into an antd picker the way a person does, then confirm it. */
async function typeDate(page: Page, input: ReturnType<Page['locator']>, value: string) {
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

async function chooseIn(page: Page, dialog: ReturnType<Page['getByRole']>, label: string, option: string) {
  await dialog.getByLabel(label).click();
  await pickOption(page, option);
}

const dialogNamed = (page: Page, name: string | RegExp) => page.getByRole('dialog', { name });

/** Does [from, to] (Shanghai wall clock) touch a weekend or holiday? Asked of the core's calendar, as the form asks it. */
async function touchesOffDay(host: Host, session: string, from: dayjs.Dayjs, to: dayjs.Dayjs) {
  const iso = (d: dayjs.Dayjs) => `${d.format('YYYY-MM-DDTHH:mm')}:00+08:00`;
  return (await host.call('vehicles.offDays', { from: iso(from), to: iso(to) }, session)).length > 0;
}

test('公务用车：建档、申请、会签审批、派车、出车、回车，里程不连续与周末用车显示标记，打印登记表和车辆档案', async ({ page, host }) => {
  test.setTimeout(180_000);
  const admin = await seedAdmin(host);
  await seedPerson(host, admin, CLERK, ['clerk']);
  await seedPerson(host, admin, APPROVER, ['approver']);
  await seedPerson(host, admin, DRIVER, ['clerk']);

  await open(page, host);
  await signIn(page, CLERK.login, CLERK.newPassword);
  await expectShell(page, CLERK.name);
  await go(page, '公务用车');
  await expect(page.getByRole('heading', { name: '公务用车' })).toBeVisible();

  // ---- 一车一档: a new-energy car; a malformed plate is refused next to the field ----
  await page.getByRole('tab', { name: '车辆档案' }).click();
  await page.getByRole('button', { name: '新建车辆档案' }).click();
  let dlg = dialogNamed(page, '新建车辆档案');
  await dlg.getByLabel('车牌号').fill('湘B·D123');
  await dlg.getByLabel('品牌型号').fill('比亚迪汉 EV');
  await dlg.getByLabel('车辆类型').fill('轿车');
  await chooseIn(page, dlg, '能源类型', '纯电动');
  await dlg.getByLabel('车架号').fill('LC0CE4CB5N1234567');
  await dlg.getByLabel('发动机号').fill('TZ220XS0012');
  await typeDate(page, dlg.getByLabel('购置日期'), '2023-05-10');
  await dlg.getByLabel('购置价格（元）').fill('229800');
  await typeDate(page, dlg.getByLabel('保险到期日'), shanghaiNow().add(20, 'day').format('YYYY-MM-DD'));
  await typeDate(page, dlg.getByLabel('年检到期日'), shanghaiNow().add(200, 'day').format('YYYY-MM-DD'));
  await dlg.getByLabel('建档时里程（公里）').fill('12850');
  await chooseIn(page, dlg, '专职驾驶员', DRIVER.name);
  await dlg.getByRole('button', { name: '保存' }).click();
  await expect(dlg.locator('.ant-form-item-explain-error').first()).toContainText('车牌号格式不正确');
  await dlg.getByLabel('车牌号').fill('湘B·D12345');
  await dlg.getByRole('button', { name: '保存' }).click();
  await expect(dlg).toBeHidden();
  await expect(page.getByRole('row', { name: /湘B·D12345/ })).toContainText('比亚迪汉 EV');
  await expect(page.getByRole('row', { name: /湘B·D12345/ })).toContainText('天后到期');
  await shot(page, 'vehicles-fleet');

  // ---- 用车申请 ----
  await page.getByRole('tab', { name: '用车登记' }).click();
  await page.getByRole('button', { name: '登记用车申请' }).click();
  dlg = dialogNamed(page, '登记用车申请');
  await chooseIn(page, dlg, '用车人', ADMIN.name);
  await expect(dlg.locator('.ant-form-item', { hasText: '用车部门' })).toContainText(ADMIN.department);
  await dlg.getByLabel('用车事由').fill('赴区人民法院送达法律援助案件材料');
  await dlg.getByLabel('目的地').fill('区人民法院');
  await dlg.getByLabel('行车路线').fill('局机关—区人民法院—局机关');
  await dlg.getByLabel('乘车人员').fill(`${ADMIN.name}、李明`);
  await dlg.getByLabel('乘车人数').fill('2');
  const start = shanghaiNow();
  const inputs = dlg.locator('.ant-picker-range input');
  await typeDate(page, inputs.nth(0), start.format(FMT));
  await typeDate(page, inputs.nth(1), start.add(3, 'hour').format(FMT));
  // Run on a weekend or holiday (or late enough on a Friday that the three hours reach Saturday), the
  // form asks for the reason before it will save, and the trip is flagged like the weekend one below.
  const firstOff = await touchesOffDay(host, admin, start, start.add(3, 'hour'));
  if (firstOff) await dlg.getByLabel('节假日用车事由').fill('节假日值班，处置突发矛盾纠纷');
  await dlg.getByRole('button', { name: '保存' }).click();
  await expect(dlg).toBeHidden();
  const number = `派车〔${start.year()}〕第0001号`;
  const drawer = page.locator('.ant-drawer');
  await expect(drawer).toContainText(number);
  await expect(drawer).toContainText('待审批');

  // ---- 审批: the approver co-signs at the clerk's desk with their own password ----
  await drawer.getByRole('button', { name: '审批', exact: true }).click();
  dlg = dialogNamed(page, `审批用车申请 ${number}`);
  await dlg.getByLabel('审批人登录名').fill(APPROVER.login);
  await dlg.getByLabel('审批人密码').fill('wrong-password');
  await dlg.getByRole('button', { name: '保存' }).click();
  await expect(dlg.locator('.ant-form-item-explain-error')).toContainText('审批人登录名或密码不正确');
  await dlg.getByLabel('审批人密码').fill(APPROVER.newPassword);
  await dlg.getByLabel('意见说明').fill('同意，注意行车安全');
  await dlg.getByRole('button', { name: '保存' }).click();
  await expect(dlg).toBeHidden();
  await expect(drawer).toContainText('待派车');
  await expect(drawer).toContainText(APPROVER.name);

  // ---- 派车 ----
  await drawer.getByRole('button', { name: '派车', exact: true }).click();
  dlg = dialogNamed(page, `派车 ${number}`);
  await chooseIn(page, dlg, '车辆', '湘B·D12345');
  await expect(dlg.locator('.ant-select').nth(1)).toContainText(DRIVER.name);
  await shot(page, 'vehicles-dispatch');
  await dlg.getByRole('button', { name: '保存' }).click();
  await expect(dlg).toBeHidden();
  await expect(drawer).toContainText('已派车');

  // ---- 出车: the odometer starts where the file left it ----
  await drawer.getByRole('button', { name: '出车', exact: true }).click();
  dlg = dialogNamed(page, `登记出车 ${number}`);
  await expect(dlg).toContainText('该车上次回车里程：12850 公里');
  await expect(dlg.getByLabel('出车里程（公里）')).toHaveValue('12850');
  await dlg.getByRole('button', { name: '保存' }).click();
  await expect(dlg).toBeHidden();
  await expect(drawer).toContainText('已出车');

  // ---- 回车: a return before the departure is refused; then a normal return with a parking fee ----
  await drawer.getByRole('button', { name: '回车', exact: true }).click();
  dlg = dialogNamed(page, `登记回车 ${number}`);
  await typeDate(page, dlg.getByLabel('回车时间'), start.subtract(1, 'hour').format(FMT));
  await dlg.getByLabel('回车里程（公里）').fill('12853');
  await dlg.getByRole('button', { name: '保存' }).click();
  await expect(dlg.locator('.ant-form-item-explain-error')).toContainText('回车时间必须晚于出车时间');
  const back = shanghaiNow().add(4, 'minute');
  await typeDate(page, dlg.getByLabel('回车时间'), back.format(FMT));
  await dlg.getByRole('button', { name: '添加费用' }).click();
  await dlg.getByLabel('费用类别').click();
  await pickOption(page, '停车费');
  await dlg.getByLabel('金额（元）').fill('10');
  await dlg.getByLabel('说明').fill('法院停车场');
  await dlg.getByRole('button', { name: '保存' }).click();
  await expect(dlg).toBeHidden();
  await expect(drawer).toContainText('已回车');
  await expect(drawer).toContainText('10.00 元');
  await expect(drawer.getByText('登记回车 ' + number)).toBeVisible();
  await shot(page, 'vehicles-trip-detail');
  await drawer.getByRole('button', { name: 'Close', exact: true }).or(drawer.locator('.ant-drawer-close')).first().click();

  // ---- a weekend trip (reason required, flagged) that leaves with an odometer gap (reason required, flagged) ----
  const saturday = shanghaiNow().add(7, 'day').day(6);
  await page.getByRole('button', { name: '登记用车申请' }).click();
  dlg = dialogNamed(page, '登记用车申请');
  await chooseIn(page, dlg, '用车人', ADMIN.name);
  await dlg.getByLabel('用车事由').fill('周末社区矫正对象突发情况现场处置');
  await dlg.getByLabel('目的地').fill('马坡岭街道');
  const inputs2 = dlg.locator('.ant-picker-range input');
  await typeDate(page, inputs2.nth(0), saturday.hour(9).minute(0).format(FMT));
  await typeDate(page, inputs2.nth(1), saturday.hour(12).minute(0).format(FMT));
  await expect(dlg).toContainText('计划用车时间包含休息日');
  await dlg.getByRole('button', { name: '保存' }).click();
  await expect(dlg.locator('.ant-form-item-explain-error')).toContainText('请填写节假日用车事由');
  await dlg.getByLabel('节假日用车事由').fill('周末社区矫正对象突发情况，须现场处置');
  await dlg.getByRole('button', { name: '保存' }).click();
  await expect(dlg).toBeHidden();
  const number2 = `派车〔${saturday.year()}〕第${saturday.year() === start.year() ? '0002' : '0001'}号`;
  await expect(drawer).toContainText(number2);
  await expect(drawer).toContainText('节假日用车');
  await drawer.getByRole('button', { name: '审批', exact: true }).click();
  dlg = dialogNamed(page, `审批用车申请 ${number2}`);
  await dlg.getByLabel('审批人登录名').fill(APPROVER.login);
  await dlg.getByLabel('审批人密码').fill(APPROVER.newPassword);
  await dlg.getByRole('button', { name: '保存' }).click();
  await expect(dlg).toBeHidden();
  await drawer.getByRole('button', { name: '派车', exact: true }).click();
  dlg = dialogNamed(page, `派车 ${number2}`);
  await chooseIn(page, dlg, '车辆', '湘B·D12345');
  await dlg.getByRole('button', { name: '保存' }).click();
  await expect(dlg).toBeHidden();
  await drawer.getByRole('button', { name: '出车', exact: true }).click();
  dlg = dialogNamed(page, `登记出车 ${number2}`);
  await expect(dlg).toContainText('该车上次回车里程：12853 公里');
  await typeDate(page, dlg.getByLabel('出车时间'), back.add(1, 'minute').format(FMT));
  await dlg.getByLabel('出车里程（公里）').fill('12860');
  await expect(dlg).toContainText('相差 7 公里');
  await dlg.getByRole('button', { name: '保存' }).click();
  await expect(dlg.locator('.ant-form-item-explain-error')).toContainText('请填写里程不连续说明');
  await dlg.getByLabel('里程不连续说明').fill('上次回车后驾驶员送修试车，未登记');
  await dlg.getByRole('button', { name: '保存' }).click();
  await expect(dlg).toBeHidden();
  await expect(drawer).toContainText('里程不连续');
  await drawer.locator('.ant-drawer-close').click();

  // The list shows both flags on the row; 仅看异常 keeps only flagged trips.
  const row2 = page.getByRole('row', { name: new RegExp(number2.replace(/[〔〕]/g, '.')) });
  await expect(row2).toContainText('里程不连续');
  await expect(row2).toContainText('节假日用车');
  await page.getByText('仅看异常').click();
  await Promise.all([answered(page, 'vehicles.list'), page.getByRole('button', { name: '查询' }).click()]);
  await expect(page.locator('.ant-table-tbody .ant-table-row')).toHaveCount(firstOff ? 2 : 1);
  await shot(page, 'vehicles-trips');
  await page.getByRole('button', { name: '重置' }).click();

  // ---- monthly statistics, home tile ----
  await page.getByRole('tab', { name: '月度统计' }).click();
  await expect(page.locator('.vehicles-chart canvas')).toBeVisible();
  await expect(page.getByRole('row', { name: /湘B·D12345/ }).first()).toContainText('3');
  await shot(page, 'vehicles-stats');
  await page.getByRole('tab', { name: '费用与事件' }).click();
  await expect(page.getByRole('row', { name: /法院停车场/ })).toContainText('停车费');
  await shot(page, 'vehicles-logs');
  await page.getByRole('tab', { name: '节假日安排' }).click();
  await expect(page.getByText('只有系统管理员可以修改节假日安排。')).toBeVisible();
  await shot(page, 'vehicles-calendar');
  await page.getByRole('tab', { name: '车辆档案' }).click();
  await page.getByRole('link', { name: '湘B·D12345' }).click();
  await expect(page.getByRole('heading', { name: /湘B·D12345 比亚迪汉 EV/ })).toBeVisible();
  await expect(page.getByRole('tabpanel')).toContainText(number2);
  await shot(page, 'vehicles-file-page');
  await go(page, '首页');
  const tile = page.getByTestId('vehicles-tile');
  await expect(tile).toContainText('在外车辆');
  await expect(tile).toContainText('湘B·D12345 保险');
  await shot(page, 'vehicles-home');

  // ---- prints: the register, the 派车单 and the vehicle file, as PDFs ----
  mkdirSync(OUT, { recursive: true });
  const year = start.year();
  const pdf = async (route: string, file: string) => {
    await page.evaluate((r) => (window.location.hash = r), route);
    await page.locator('body[data-print-ready="1"]').waitFor({ timeout: 30_000 });
    await page.pdf({ path: `${OUT}/${file}.pdf`, preferCSSPageSize: true, printBackground: true });
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', `${OUT}/${file}.pdf`, `${OUT}/${file}`]);
    return execFileSync('pdftotext', ['-layout', `${OUT}/${file}.pdf`, '-']).toString();
  };
  const squash = (text: string) => text.replace(/\s+/g, '');
  const register = await pdf(`#/print/register/vehicles.trips?f=${encodeURIComponent(JSON.stringify({ year }))}`, 'vehicles-register');
  expect(register).toContain(`${ADMIN.unitName}公务用车使用登记表（${year}年）`);
  expect(register).toContain('第0001号');
  expect(register).toContain('第0002号');
  expect(squash(register)).toContain('里程不连续');
  // Table cells interleave in the PDF's text; the flags are checked on the page that was printed.
  await expect(page.locator('.paper-table tbody tr').nth(1)).toContainText('节假日用车：周末社区矫正对象突发情况');
  await expect(page.locator('.paper-table tbody tr.flagged')).toHaveCount(firstOff ? 2 : 1);
  expect(register).toContain(`制表人：${CLERK.name}`);
  expect(squash(register)).toContain('第1页共1页');
  const form = await pdf('#/print/vehicles/trip/1', 'vehicles-dispatch-slip');
  expect(form).toContain(`${ADMIN.unitName}公务用车派车单`);
  expect(form).toContain('湘B·D12345');
  expect(form).toContain(APPROVER.name);
  const file = await pdf('#/print/vehicles/file/1', 'vehicles-file');
  expect(file).toContain(`${ADMIN.unitName}公务车辆档案`);
  expect(file).toContain('LC0CE4CB5N1234567');
  expect(squash(file)).toContain('法院停车场');
  expect(file).toContain(number2.slice(-6));
});

test('纸质公务用车登记表导入：下载模板、试运行逐行报告问题、全部导入后列表标明“纸质登记导入”', async ({ page, host }) => {
  const admin = await seedAdmin(host);
  await seedPerson(host, admin, CLERK, ['clerk']);
  await seedPerson(host, admin, APPROVER, ['approver']);
  await seedPerson(host, admin, DRIVER, ['clerk']);
  const clerk = (await host.call('accounts.signIn', { login: CLERK.login, password: CLERK.newPassword })).sessionId;
  await host.call(
    'vehicles.vehicleCreate',
    { plate: '湘B12345', model: '大众帕萨特', vehicleType: '轿车', energy: '燃油', color: '黑', vin: 'LSVAB2BM0MN123456', engineNo: 'CUF1', seats: 5, purchaseDate: '2022-06-01', purchasePrice: 21_580_000, insuranceExpiry: '2030-06-30', inspectionExpiry: '2030-06-30', odometerStart: 10_000, department: '', notes: '' },
    clerk,
  );
  const sheet = async (rows: unknown[][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('用车');
    ws.addRow(['编号', '车牌', '用车人', '事由', '目的地', '出车时间', '回车时间', '出车里程', '回车里程', '驾驶员', '审批人', '节假日用车事由', '备注']);
    for (const r of rows) ws.addRow(r);
    return { name: '用车登记.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await wb.xlsx.writeBuffer()) };
  };
  const row = ['派车〔2025〕第0007号', '湘B12345', CLERK.name, '送达法律文书', '区人民法院', '2025-03-03 09:00', '2025-03-03 11:30', 10_000, 10_036, DRIVER.name, APPROVER.name, '', ''];

  await open(page, host);
  await signIn(page, CLERK.login, CLERK.newPassword);
  await expectShell(page, CLERK.name);
  await go(page, '公务用车');
  await page.getByRole('button', { name: '导入' }).click();
  const dlg = dialogNamed(page, /导入：公务用车使用登记表/);
  const [template] = await Promise.all([page.waitForEvent('download'), dlg.getByRole('button', { name: '下载导入模板' }).click()]);
  expect(template.suggestedFilename()).toContain('公务用车使用登记表');
  // A file with a weekend trip that gives no reason: reported by row and column, nothing imported.
  await Promise.all([answered(page, 'output.importCheck'), dlg.locator('input[type=file]').setInputFiles(await sheet([row, [...row.slice(0, 5), '2025-03-08 09:00', '2025-03-08 10:00', 10_036, 10_050, ...row.slice(9)].map((v, i) => (i === 0 ? '' : v))]))]);
  await expect(dlg.locator('.ant-table-row', { hasText: '节假日用车事由' })).toContainText('2025-03-08（周六）');
  await expect(dlg.getByRole('button', { name: /^导入/ })).toBeDisabled();
  await shot(page, 'vehicles-import-problems');
  await Promise.all([answered(page, 'output.importCheck'), dlg.locator('input[type=file]').setInputFiles(await sheet([row]))]);
  await expect(dlg).toContainText('试运行通过：共 1 行');
  await Promise.all([answered(page, 'output.importCommit'), dlg.getByRole('button', { name: '导入 1 条' }).click()]);
  await expect(dlg).toBeHidden();
  await page.getByLabel('年度').click();
  await pickOption(page, '2025年');
  await page.getByRole('button', { name: '查询' }).click();
  const line = page.locator('.ant-table-row', { hasText: '派车〔2025〕第0007号' });
  await expect(line).toContainText('纸质登记导入');
  await expect(line).toContainText(APPROVER.name);
  await shot(page, 'vehicles-imported-trip');
});

test('回车里程误录：荒唐读数被拒绝；已回车的记录用“更正里程”改正，原登记保留可见，登记表打印更正说明', async ({ page, host }) => {
  test.setTimeout(180_000);
  const admin = await seedAdmin(host);
  await seedPerson(host, admin, CLERK, ['clerk']);
  await seedPerson(host, admin, APPROVER, ['approver']);
  await seedPerson(host, admin, DRIVER, ['clerk']);
  const clerk = (await host.call('accounts.signIn', { login: CLERK.login, password: CLERK.newPassword })).sessionId;
  const people = await host.call('accounts.people', { limit: 20 }, clerk);
  const idOf = (name: string) => people.find((p) => p.name === name)!.id;
  const car = await host.call(
    'vehicles.vehicleCreate',
    { plate: '湘B12345', model: '大众帕萨特', vehicleType: '轿车', energy: '燃油', color: '黑', vin: 'LSVAB2BM0MN123456', engineNo: 'CUF1', seats: 5, purchaseDate: '2022-06-01', purchasePrice: 21_580_000, insuranceExpiry: '2030-06-30', inspectionExpiry: '2030-06-30', odometerStart: 10_000, department: '', notes: '' },
    clerk,
  );
  // A past working day, as the core's calendar knows it.
  let day = shanghaiNow().subtract(3, 'day');
  while (await touchesOffDay(host, clerk, day.hour(8), day.hour(18))) day = day.subtract(1, 'day');
  const iso = (h: number) => `${day.format('YYYY-MM-DD')}T${String(h).padStart(2, '0')}:00:00+08:00`;
  const trip = await host.call('vehicles.apply', { applicantId: idOf(CLERK.name), appliedOn: day.format('YYYY-MM-DD'), reason: '送达法律文书', destination: '区人民法院', route: '局机关—区法院', passengers: CLERK.name, passengerCount: 1, plannedOut: iso(9), plannedReturn: iso(17) }, clerk);
  await host.call('vehicles.approve', { id: trip.id, approval: { mode: 'paper', decision: 'approved', comment: '同意', signerId: idOf(APPROVER.name), signedAt: iso(8), filingNo: '派审-1' } }, clerk);
  await host.call('vehicles.dispatch', { id: trip.id, vehicleId: car.id, driverId: idOf(DRIVER.name) }, clerk);
  await host.call('vehicles.depart', { id: trip.id, outAt: iso(9), outOdometer: 10_000 }, clerk);

  await open(page, host);
  await signIn(page, CLERK.login, CLERK.newPassword);
  await expectShell(page, CLERK.name);
  await go(page, '公务用车');
  await page.getByRole('button', { name: trip.number }).click();
  const drawer = page.locator('.ant-drawer');
  // 9,999,999: no car drives that far in a day — refused next to the field.
  await drawer.getByRole('button', { name: '回车', exact: true }).click();
  let dlg = dialogNamed(page, `登记回车 ${trip.number}`);
  await typeDate(page, dlg.getByLabel('回车时间'), `${day.format('YYYY-MM-DD')} 17:00`);
  await dlg.getByLabel('回车里程（公里）').fill('9999999');
  await Promise.all([answered(page, 'vehicles.return'), dlg.getByRole('button', { name: '保存' }).click()]);
  await expect(dlg.locator('.ant-form-item-explain-error')).toContainText('请核对回车里程表读数');
  // 10,500 for 10,050: plausible, accepted, and wrong.
  await dlg.getByLabel('回车里程（公里）').fill('10500');
  await Promise.all([answered(page, 'vehicles.return'), dlg.getByRole('button', { name: '保存' }).click()]);
  await expect(dlg).toBeHidden();
  await expect(drawer).toContainText('已回车');

  await drawer.getByRole('button', { name: '更正里程' }).click();
  dlg = dialogNamed(page, `更正里程 ${trip.number}`);
  await expect(dlg).toContainText('原登记：出车 10000、回车 10500 公里');
  await dlg.getByLabel('回车里程（公里）').fill('10050');
  // The form refuses an empty reason before anything is sent.
  await dlg.getByRole('button', { name: '更正里程' }).click();
  await expect(dlg.locator('.ant-form-item-explain-error')).toContainText('请填写更正原因');
  await dlg.getByLabel('更正原因').fill('回车里程误录，据里程表照片更正');
  await Promise.all([answered(page, 'vehicles.correct'), dlg.getByRole('button', { name: '更正里程' }).click()]);
  await expect(dlg).toBeHidden();
  await expect(drawer.getByTestId('trip-corrections')).toContainText('回车 10500→10050（回车里程误录，据里程表照片更正）');
  await expect(drawer).toContainText('50');
  await shot(page, 'vehicles-trip-corrected');

  mkdirSync(OUT, { recursive: true });
  await page.evaluate((y) => (window.location.hash = `#/print/register/vehicles.trips?f=${encodeURIComponent(JSON.stringify({ year: y }))}`), day.year());
  await page.locator('body[data-print-ready="1"]').waitFor({ timeout: 30_000 });
  await page.pdf({ path: `${OUT}/vehicles-register-corrected.pdf`, preferCSSPageSize: true, printBackground: true });
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', `${OUT}/vehicles-register-corrected.pdf`, `${OUT}/vehicles-register-corrected`]);
  const text = execFileSync('pdftotext', ['-layout', `${OUT}/vehicles-register-corrected.pdf`, '-']).toString().replace(/\s+/g, '');
  expect(text).toContain('更正里程');
  // Table cells interleave in the PDF's text; the row is checked on the page that was printed.
  const row = page.locator('.paper-table tbody tr').first();
  await expect(row).toContainText('10050');
  await expect(row).toContainText('更正里程（原出车 10000、回车 10500，李娜：回车里程误录，据里程表照片更正）');
});
