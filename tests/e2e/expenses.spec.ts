// Issue 9 "Done means", in Chinese as the office does it: an application approved by its amount tier
// (分管领导 then 主要负责人), accepted by a witness, reimbursed with two receipts attached (a PNG and a
// PDF) through the whole signature chain 经办人 → 验收人 → 科室负责人 → 分管领导（合规性审核）→ 财务审核 →
// 单位负责人 and paid; the printed 费用报销审批单 shows the amount in 大写 and 附单据 2 张; an advance settled
// by that reimbursement plus cash. A 30,000 元 application is refused until a finalised 党组会议
// decision is linked, the refusal shown next to the field.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from './fixtures';
import type { Host } from './host';
import { addDays } from '../../db/contract/time';
import { ADMIN, CLERK, answered, expectShell, go, open, pickOption, seedAdmin, seedPerson, shot, signIn, signOut } from './ui';

const OUT = 'test-results/expenses';
const WITNESS = { name: '刘洋', login: 'liuyang', department: '办公室', post: '科员', password: 'Init-Pass-21', newPassword: 'Summer-Rain-2025!' };
const HEAD = { name: '张伟', login: 'zhangwei', department: '综合科', post: '科长', password: 'Init-Pass-22', newPassword: 'Autumn-Moon-2025!' };
const LEADER = { name: '何平', login: 'heping', department: '局领导', post: '副局长', password: 'Init-Pass-23', newPassword: 'Lead-Pass-2025!' };
const PRINCIPAL = { name: '王志强', login: 'wangzq', department: '局领导', post: '党组书记、局长', password: 'Init-Pass-24', newPassword: 'Secr-Pass-2025!' };
const FINANCE = { name: '陈会计', login: 'chenkj', department: '计财室', post: '会计', password: 'Init-Pass-25', newPassword: 'Money-Book-2025!' };
const OFFICE = { name: '周建华', login: 'zhoujh', department: '办公室', post: '办公室主任', password: 'Init-Pass-26', newPassword: 'Office-Pass-2025!' };
const DISCIPLINE = { name: '陈静', login: 'chenjing', department: '派驻纪检监察组', post: '组长', password: 'Init-Pass-27', newPassword: 'Head-Pass-2025!' };

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const year = () => today().slice(0, 4);
const squash = (s: string) => s.replace(/\s+/g, '');
const dialog = (page: Page, title: string | RegExp) => page.getByRole('dialog', { name: title });
const drawer = (page: Page) => page.locator('.ant-drawer-open .ant-drawer-section');
const drawerState = (page: Page) => page.locator('.ant-drawer-open .ant-drawer-extra');

// ---- small files for the receipts, generated here ----

function crc32(buf: Buffer) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}
const chunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
/** A 320 × 200 PNG that looks like a receipt slip: white paper, a red stamp, grey lines. */
function receiptPng() {
  const w = 320;
  const h = 200;
  const rows: Buffer[] = [];
  for (let y = 0; y < h; y++) {
    const row = Buffer.alloc(1 + w * 3, 255);
    for (let x = 0; x < w; x++) {
      const o = 1 + x * 3;
      const line = y > 40 && y % 24 === 0 && x > 20 && x < w - 20;
      const stamp = (x - 250) ** 2 + (y - 140) ** 2 < 36 ** 2 && (x - 250) ** 2 + (y - 140) ** 2 > 30 ** 2;
      const title = y > 12 && y < 28 && x > 90 && x < 230;
      if (line || title) row.fill(120, o, o + 3);
      if (stamp) (row[o] = 200), (row[o + 1] = 30), (row[o + 2] = 30);
    }
    row[0] = 0;
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}
/** A one-page PDF (a scanned invoice stands in). */
function invoicePdf() {
  const objs = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 300] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>'];
  const text = 'BT /F1 18 Tf 40 240 Td (Invoice 24110000000012345678  434.50) Tj ET';
  objs.push(`<< /Length ${text.length} >>\nstream\n${text}\nendstream`, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function files() {
  mkdirSync(OUT, { recursive: true });
  const png = `${OUT}/餐费发票.png`;
  const pdf = `${OUT}/电子发票.pdf`;
  const txt = `${OUT}/说明.txt`;
  writeFileSync(png, receiptPng());
  writeFileSync(pdf, invoicePdf());
  writeFileSync(txt, '这不是发票');
  return { png, pdf, txt };
}

// ---- steps ----

async function choose(page: Page, scope: ReturnType<typeof dialog>, label: string, text: string) {
  const box = scope.getByLabel(label, { exact: true });
  await box.click();
  await box.fill(text);
  await pickOption(page, text);
}

async function cosign(page: Page, button: string | RegExp, title: RegExp, method: string, who: { login: string; newPassword: string }, comment?: string) {
  await drawer(page).getByRole('button', { name: button }).click();
  const d = dialog(page, title);
  await d.getByLabel('审批人登录名', { exact: true }).fill(who.login);
  await d.getByLabel('审批人密码', { exact: true }).fill(who.newPassword);
  if (comment) await d.getByRole('textbox', { name: /意见/ }).fill(comment);
  await Promise.all([answered(page, method), d.locator('.ant-modal-footer .ant-btn-primary').click()]);
  await expect(d).toBeHidden();
}

async function pdfText(page: Page, name: string) {
  mkdirSync(OUT, { recursive: true });
  const file = `${OUT}/${name}.pdf`;
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, `${OUT}/${name}`]);
  const info = execFileSync('pdfinfo', [file]).toString();
  return { text: execFileSync('pdftotext', ['-layout', file, '-']).toString(), pages: Number(/Pages:\s+(\d+)/.exec(info)![1]) };
}

async function people(host: Host) {
  const admin = await seedAdmin(host);
  await seedPerson(host, admin, CLERK, ['clerk']);
  await seedPerson(host, admin, WITNESS, ['clerk']);
  await seedPerson(host, admin, HEAD, ['approver']);
  await seedPerson(host, admin, LEADER, ['approver']);
  await seedPerson(host, admin, PRINCIPAL, ['approver']);
  await seedPerson(host, admin, FINANCE, ['clerk']);
  const clerk = (await host.call('accounts.signIn', { login: CLERK.login, password: CLERK.newPassword })).sessionId;
  const list = await host.call('accounts.people', { limit: 50 }, clerk);
  const id = (name: string) => list.find((p) => p.name === name)!.id;
  // 张伟 heads 综合科: the 科室负责人 of its people's reimbursements.
  const dept = (await host.call('departments.list', {}, admin)).find((d) => d.name === HEAD.department)!;
  await host.call('departments.save', { id: dept.id, name: dept.name, headId: id(HEAD.name), activeFrom: dept.activeFrom }, admin);
  return { admin, clerk, id };
}

test('事前申请按金额分档审批 → 验收人验收 → 报销附两张单据、全链签批、支付并冲借支 → 借支现金还款结清；报销审批单大写金额', async ({ page, host }) => {
  test.setTimeout(300_000);
  const { png, pdf, txt } = files();
  await people(host);
  await open(page, host);
  await signIn(page, CLERK.login, CLERK.newPassword);
  await expectShell(page, CLERK.name);
  await go(page, '费用报销');
  await expect(page.getByRole('heading', { name: '备用金与费用报销' })).toBeVisible();

  // ---- the petty-cash fund: opening balance ----
  await page.getByRole('tab', { name: '备用金' }).click();
  await page.getByRole('button', { name: '登记期初余额' }).click();
  const opening = dialog(page, '登记期初余额');
  await opening.getByLabel('金额（元）', { exact: true }).fill('5000');
  await Promise.all([answered(page, 'expenses.cashEntry'), opening.getByRole('button', { name: '保存' }).click()]);
  await expect(page.locator('.exp-stat').first()).toContainText('5,000.00');

  // ---- an advance of 2,000 元 in cash: applied, approved by 分管领导, paid out of petty cash ----
  await page.getByRole('tab', { name: '借支' }).click();
  await page.getByRole('button', { name: '借支申请' }).click();
  const adv = dialog(page, '借支申请');
  await adv.getByLabel('借款事由', { exact: true }).fill('赴市司法局参加人民调解业务培训，预借差旅费');
  await adv.getByLabel('借款金额（元）', { exact: true }).fill('2000');
  await Promise.all([answered(page, 'expenses.advance'), adv.getByRole('button', { name: '提交申请' }).click()]);
  const advNo = `借支〔${year()}〕第0001号`;
  await expect(drawer(page)).toContainText(advNo);
  await expect(drawer(page)).toContainText('贰仟元整');
  await cosign(page, /^审批（/, /借支审批/, 'expenses.advanceApprove', LEADER);
  await drawer(page).getByRole('button', { name: '付款', exact: true }).click();
  await Promise.all([answered(page, 'expenses.advancePay'), dialog(page, /借支付款/).getByRole('button', { name: '付款' }).click()]);
  await expect(drawerState(page)).toContainText('未结清');
  await page.keyboard.press('Escape');

  // ---- the prior application, 6,000 元: two tiers of approval ----
  await page.getByRole('tab', { name: '事前申请' }).click();
  await page.getByRole('button', { name: '新建事前申请' }).click();
  const app = dialog(page, '费用事前申请');
  await app.getByLabel('费用类别', { exact: true }).click();
  await pickOption(page, '办公费');
  await app.getByLabel('事由', { exact: true }).fill('购置档案盒、打印耗材等办公用品');
  await app.getByLabel('预算项目', { exact: true }).fill('2026年办公经费');
  await app.getByLabel('预计金额（元）', { exact: true }).fill('6000');
  await expect(app).toContainText('审批环节：分管领导审批 → 主要负责人审批');
  await shot(page, 'expenses-apply');
  await Promise.all([answered(page, 'expenses.apply'), app.getByRole('button', { name: '提交申请' }).click()]);
  const appNo = `费用申请〔${year()}〕第0001号`;
  await expect(drawer(page)).toContainText(appNo);
  // The applicant cannot approve her own application: the core refuses her co-signature.
  await drawer(page).getByRole('button', { name: '审批（分管领导审批）' }).click();
  const self = dialog(page, /事前申请审批/);
  await self.getByLabel('审批人登录名', { exact: true }).fill(CLERK.login);
  await self.getByLabel('审批人密码', { exact: true }).fill(CLERK.newPassword);
  await Promise.all([answered(page, 'expenses.appApprove'), self.locator('.ant-modal-footer .ant-btn-primary').click()]);
  await expect(self.locator('.ant-form-item-explain-error, .ant-alert-error').first()).toBeVisible();
  await self.getByRole('button', { name: '取消' }).click();
  await cosign(page, '审批（分管领导审批）', /事前申请审批：分管领导审批/, 'expenses.appApprove', LEADER);
  await cosign(page, '审批（主要负责人审批）', /事前申请审批：主要负责人审批/, 'expenses.appApprove', PRINCIPAL);
  await expect(drawerState(page)).toContainText('已批准');
  await expect(drawer(page)).toContainText('尚未事后验收');

  // ---- acceptance by a witness other than the applicant ----
  await drawer(page).getByRole('button', { name: '事后验收' }).click();
  const acc = dialog(page, /事后验收：/);
  await choose(page, acc, '验收人', WITNESS.name);
  await acc.getByLabel('验收情况', { exact: true }).fill('档案盒 200 个、硒鼓 4 支已到货，品名数量与清单一致，质量合格。');
  await Promise.all([answered(page, 'expenses.accept'), acc.getByRole('button', { name: '登记验收' }).click()]);
  await expect(drawer(page)).toContainText(WITNESS.name);
  await shot(page, 'expenses-application-drawer');

  // ---- the reimbursement: two invoices, 800.00 + 434.50 = 1,234.50, settling the advance ----
  await drawer(page).getByRole('button', { name: '填写报销单' }).click();
  const claim = dialog(page, '费用报销单');
  await expect(claim).toContainText(appNo);
  await claim.getByLabel('发票号码 1', { exact: true }).fill('24110000000012340001');
  await claim.getByLabel('内容 1', { exact: true }).fill('档案盒 200 个');
  await claim.getByLabel('金额（元） 1', { exact: true }).fill('800');
  await claim.getByRole('button', { name: '添加发票' }).click();
  await claim.getByLabel('发票号码 2', { exact: true }).fill('24110000000012345678');
  await claim.getByLabel('内容 2', { exact: true }).fill('硒鼓 4 支');
  await claim.getByLabel('金额（元） 2', { exact: true }).fill('434.50');
  await expect(claim.getByTestId('claim-total')).toContainText('1,234.50');
  await expect(claim.getByTestId('claim-total')).toContainText('壹仟贰佰叁拾肆元伍角');
  await claim.getByLabel('冲借支（选填）', { exact: true }).click();
  await pickOption(page, advNo);
  await shot(page, 'expenses-claim-form');
  await Promise.all([answered(page, 'expenses.claim'), claim.getByRole('button', { name: '提交报销' }).click()]);
  const claimNo = `报销〔${year()}〕第0001号`;
  await expect(drawer(page)).toContainText(claimNo);
  await expect(page.getByRole('tab', { name: '报销', exact: true })).toHaveAttribute('aria-selected', 'true');

  // Receipts: a text file is refused next to the upload; then a photo and a PDF, shown inline.
  const upload = drawer(page).locator('input[type=file]');
  await Promise.all([answered(page, 'expenses.attach'), upload.setInputFiles(txt)]);
  await expect(drawer(page).locator('.att-upload .ant-form-item-explain-error')).toContainText('附件只能是图片（JPG、PNG）或 PDF 文件');
  await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/call') && (r.request().postDataJSON() as { input?: { name?: string } }).input?.name === '电子发票.pdf'), upload.setInputFiles([png, pdf])]);
  await expect(drawer(page).getByTestId('receipt')).toHaveCount(2);
  await expect(drawer(page).locator('img.att-card-img')).toBeVisible();
  await expect(drawer(page).getByTestId('receipt').filter({ hasText: '电子发票.pdf' })).toContainText('PDF 文件');
  await expect(drawer(page)).toContainText('已附单据 2 张');
  await drawer(page).getByTestId('receipt').first().scrollIntoViewIfNeeded();
  await shot(page, 'expenses-claim-receipts');
  // A PDF cannot be framed under the page's policy: it is downloaded to view.
  const [download] = await Promise.all([page.waitForEvent('download'), drawer(page).getByRole('button', { name: '下载查看' }).click()]);
  expect(download.suggestedFilename()).toBe('电子发票.pdf');

  // The signature chain.
  await cosign(page, '签批（经办人）', /报销签批：经办人/, 'expenses.sign', CLERK);
  await expect(drawer(page).locator('input[type=file]')).toHaveCount(0);
  await cosign(page, '签批（验收人）', /报销签批：验收人/, 'expenses.sign', WITNESS);
  await cosign(page, '签批（科室负责人）', /报销签批：科室负责人/, 'expenses.sign', HEAD);
  // 分管领导: the compliance review needs a comment.
  await drawer(page).getByRole('button', { name: '签批（分管领导）' }).click();
  const lead = dialog(page, /报销签批：分管领导/);
  await lead.getByLabel('审批人登录名', { exact: true }).fill(LEADER.login);
  await lead.getByLabel('审批人密码', { exact: true }).fill(LEADER.newPassword);
  await lead.locator('.ant-modal-footer .ant-btn-primary').click();
  await expect(lead.locator('.ant-form-item-explain-error')).toContainText('请填写审核意见');
  await lead.getByLabel('合规性审核意见', { exact: true }).fill('经审核，支出事项已事前批准并经验收，票据真实合规，同意报销。');
  await shot(page, 'expenses-compliance');
  await Promise.all([answered(page, 'expenses.sign'), lead.locator('.ant-modal-footer .ant-btn-primary').click()]);
  await expect(lead).toBeHidden();
  await cosign(page, '签批（财务审核）', /报销签批：财务审核/, 'expenses.sign', FINANCE);
  await cosign(page, '签批（单位负责人）', /报销签批：单位负责人/, 'expenses.sign', PRINCIPAL);
  await expect(drawerState(page)).toContainText('待支付');

  // Paid, with the voucher number.
  await drawer(page).getByRole('button', { name: '支付', exact: true }).click();
  const pay = dialog(page, /报销支付/);
  await pay.getByLabel('记账凭证号', { exact: true }).fill(`记-${year()}-06-015`);
  await Promise.all([answered(page, 'expenses.pay'), pay.getByRole('button', { name: '支付' }).click()]);
  await expect(drawerState(page)).toContainText('已支付');
  await expect(drawer(page)).toContainText('冲抵 1,234.50 元');
  await shot(page, 'expenses-claim-paid');

  // ---- 费用报销审批单 on paper ----
  const [popup] = await Promise.all([page.waitForEvent('popup'), drawer(page).getByRole('button', { name: '打印报销审批单' }).click()]);
  await popup.locator('body[data-print-ready="1"]').waitFor({ timeout: 60_000 });
  await popup.screenshot({ path: `${OUT}/claim-form-screen.png`, fullPage: true });
  const form = await pdfText(popup, 'claim-form');
  // The label wraps in its cell and pdftotext interleaves it with the opinion beside it: checked on the page.
  await expect(popup.locator('.signature-box').nth(3)).toContainText('票据真实合规');
  await expect(popup.locator('th', { hasText: '分管领导' })).toHaveText('分管领导（合规性审核意见）');
  await popup.close();
  const flat = squash(form.text);
  expect(form.pages).toBe(1);
  expect(flat).toContain('费用报销审批单');
  expect(flat).toContain(claimNo);
  expect(flat).toContain('¥1,234.50');
  expect(flat).toContain('人民币（大写）壹仟贰佰叁拾肆元伍角');
  expect(flat).toContain('附单据2张');
  expect(flat).toContain('票据真实合规');
  for (const p of [CLERK, WITNESS, HEAD, LEADER, FINANCE, PRINCIPAL]) expect(flat, p.name).toContain(`签字：${p.name}`);
  expect(flat).toContain('24110000000012345678');
  await page.keyboard.press('Escape');

  // ---- the advance: 1,234.50 settled by the reimbursement, 765.50 returned in cash ----
  await page.getByRole('tab', { name: '借支' }).click();
  const advRow = page.locator('.ant-table-tbody tr', { hasText: advNo });
  await expect(advRow).toContainText('765.50');
  await advRow.getByRole('button', { name: advNo }).click();
  await expect(drawer(page)).toContainText('报销冲账');
  await drawer(page).getByRole('button', { name: '现金还款' }).click();
  const ret = dialog(page, /借支现金还款/);
  await expect(ret.getByLabel('还款金额（元）', { exact: true })).toHaveValue('765.50');
  await Promise.all([answered(page, 'expenses.advanceReturn'), ret.getByRole('button', { name: '现金还款' }).click()]);
  await expect(drawerState(page)).toContainText('已结清');
  await expect(drawer(page)).toContainText('现金还款');
  await shot(page, 'expenses-advance-settled');
  const [slip] = await Promise.all([page.waitForEvent('popup'), drawer(page).getByRole('button', { name: '打印借款单' }).click()]);
  await slip.locator('body[data-print-ready="1"]').waitFor({ timeout: 60_000 });
  const slipText = squash((await pdfText(slip, 'advance-slip')).text);
  await slip.close();
  expect(slipText).toContain('借款单');
  expect(slipText).toContain('贰仟元整');
  expect(slipText).toContain('未结清¥0.00');
  await page.keyboard.press('Escape');

  // ---- petty cash: 5,000 − 2,000 + 765.50 ----
  await page.getByRole('tab', { name: '备用金' }).click();
  await expect(page.locator('.exp-stat').first()).toContainText('3,765.50');
  await expect(page.locator('.ant-table-tbody').first()).toContainText('借支还款');
  await shot(page, 'expenses-cash');
  const [journal] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: '打印日记账' }).click()]);
  await journal.locator('body[data-print-ready="1"]').waitFor({ timeout: 60_000 });
  const journalText = squash((await pdfText(journal, 'petty-cash')).text);
  await journal.close();
  expect(journalText).toContain('备用金现金日记账');
  expect(journalText).toContain('3,765.50');

  // ---- the monthly summary and the home tile ----
  await page.getByRole('tab', { name: '月度汇总' }).click();
  await expect(page.locator('.exp-monthly')).toContainText('1,234.50');
  await shot(page, 'expenses-monthly');
  const [summary] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: '打印汇总表' }).click()]);
  await summary.locator('body[data-print-ready="1"]').waitFor({ timeout: 60_000 });
  const summaryText = squash((await pdfText(summary, 'monthly')).text);
  await summary.close();
  expect(summaryText).toContain('费用分类月度汇总表');
  expect(summaryText).toContain('1,234.50');
  await page.getByRole('tab', { name: '设置' }).click();
  await expect(page.getByText('只有系统管理员可以修改设置。')).toBeVisible();
  await shot(page, 'expenses-settings-clerk');
  await page.evaluate(() => (window.location.hash = '#/'));
  await expect(page.getByTestId('expenses-tile')).toContainText('备用金余额');
  await expect(page.getByTestId('expenses-tile')).toContainText('3,765.50');
  await page.getByTestId('expenses-tile').scrollIntoViewIfNeeded();
  await shot(page, 'expenses-home');
});

/** A finalised 党组会议 whose decision item covers 35,000 元, seeded through the core as the minutes tests do. */
async function partyDecision(host: Host, admin: string, clerk: string, id: (n: string) => number) {
  await seedPerson(host, admin, OFFICE, ['approver']);
  await seedPerson(host, admin, DISCIPLINE, ['auditor']);
  const ids = await host.call('accounts.people', { limit: 50 }, clerk);
  const pid = (n: string) => ids.find((p) => p.name === n)?.id ?? id(n);
  const types = await host.call('minutes.types', {}, clerk);
  const party = types.find((t) => t.code === 'party_group')!;
  await host.call(
    'minutes.typeSave',
    {
      id: party.id,
      name: '党组会议',
      kind: 'meeting',
      plannedPerYear: 24,
      retention: '永久',
      requiresReview: true,
      reviewers: { leaderId: pid(LEADER.name), officeId: pid(OFFICE.name), secretaryId: pid(PRINCIPAL.name) },
      disciplineHead: { userId: pid(DISCIPLINE.name), name: DISCIPLINE.name },
      members: [
        { userId: pid(PRINCIPAL.name), name: PRINCIPAL.name, post: '党组书记、局长' },
        { userId: pid(LEADER.name), name: LEADER.name, post: '党组成员、副局长' },
        { name: '马骏', post: '党组成员' },
        { name: '张卫东', post: '党组成员、副局长' },
        { name: '李红', post: '党组成员' },
      ],
    },
    clerk,
  );
  const a = await host.call(
    'minutes.agendaSubmit',
    {
      typeId: party.id,
      submittedOn: today(),
      title: '关于机关办公楼屋面防水维修的请示',
      department: '办公室',
      presenter: { name: OFFICE.name },
      category: 'decision',
      major: 'fund',
      amount: 3_500_000,
      decisionSought: '同意使用办公经费 3.5 万元维修机关办公楼屋面防水',
      legalityDone: true,
      legalityNote: '经法制审核，符合规定',
    },
    clerk,
  );
  for (const [step, p] of [
    ['leader', LEADER],
    ['office', OFFICE],
    ['secretary', PRINCIPAL],
  ] as const) {
    await host.call('minutes.agendaReview', { id: a.id, step, approval: { mode: 'cosign', decision: 'approved', comment: '同意', login: p.login, password: p.newPassword } }, clerk);
  }
  const partyType = (await host.call('minutes.types', {}, clerk)).find((t) => t.id === party.id)!;
  const m = await host.call(
    'minutes.create',
    {
      typeId: party.id,
      date: today(),
      startTime: '09:00',
      endTime: '10:30',
      place: '局机关三楼会议室',
      host: { userId: pid(PRINCIPAL.name), name: PRINCIPAL.name },
      recorder: { name: CLERK.name },
      members: partyType.members.map((x) => ({ ...x, present: true, absentReason: '' })),
      discipline: { invited: true, attended: true, name: '', reason: '' },
      items: [
        {
          agendaId: a.id,
          title: 'x',
          remarks: [{ speaker: { name: LEADER.name }, content: '屋面渗漏严重，影响档案室安全，建议尽快维修。' }],
          voteFor: 5,
          voteAgainst: 0,
          voteAbstain: 0,
          outcome: 'passed',
          decision: '同意使用办公经费 3.5 万元维修机关办公楼屋面防水，由办公室按规定组织实施。',
          executor: '办公室',
        },
      ],
    },
    clerk,
  );
  try {
    await host.call('minutes.finalise', { id: m.id }, clerk);
  } catch {
    await host.call('minutes.finalise', { id: m.id, acknowledgement: '经核对，记录完整' }, clerk);
  }
  return m;
}

test('30,000 元的事前申请：未关联已定稿的党组会议决定时被拒绝（提示在字段旁），关联后方可提交并审批；事前申请单打印大写金额', async ({ page, host }) => {
  test.setTimeout(180_000);
  const { admin, clerk, id } = await people(host);
  await partyDecision(host, admin, clerk, id);
  await open(page, host);
  await signIn(page, CLERK.login, CLERK.newPassword);
  await expectShell(page, CLERK.name);
  await go(page, '费用报销');
  await page.getByRole('button', { name: '新建事前申请' }).click();
  const app = dialog(page, '费用事前申请');
  await app.getByLabel('费用类别', { exact: true }).click();
  await pickOption(page, '维修费');
  await app.getByLabel('事由', { exact: true }).fill('机关办公楼屋面防水维修');
  await app.getByLabel('预算项目', { exact: true }).fill('2026年房屋维修经费');
  await app.getByLabel('预计金额（元）', { exact: true }).fill('30000');
  await expect(app).toContainText('大额资金（20,000.00 元及以上）须经党组会议集体决定');
  // Without the decision the core refuses, and says so next to the decision field.
  await Promise.all([answered(page, 'expenses.apply'), app.getByRole('button', { name: '提交申请' }).click()]);
  const decisionItem = app.locator('.ant-form-item').filter({ has: page.getByLabel('党组会议决定事项', { exact: true }) });
  await expect(decisionItem.locator('.ant-form-item-explain-error')).toContainText('达到大额资金标准');
  await expect(decisionItem.locator('.ant-form-item-explain-error')).toContainText('须关联党组会议的决定事项');
  await shot(page, 'expenses-large-refused');
  await app.getByLabel('党组会议决定事项', { exact: true }).click();
  await pickOption(page, '关于机关办公楼屋面防水维修的请示');
  await Promise.all([answered(page, 'expenses.apply'), app.getByRole('button', { name: '提交申请' }).click()]);
  await expect(app).toBeHidden();
  const d = drawer(page);
  await expect(d).toContainText('关于机关办公楼屋面防水维修的请示');
  await expect(d).toContainText('已定稿');
  await cosign(page, '审批（分管领导审批）', /分管领导审批/, 'expenses.appApprove', LEADER);
  await cosign(page, '审批（主要负责人审批）', /主要负责人审批/, 'expenses.appApprove', PRINCIPAL);
  await expect(drawerState(page)).toContainText('已批准');
  await shot(page, 'expenses-large-approved');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
  const [popup] = await Promise.all([page.waitForEvent('popup'), d.getByRole('button', { name: '打印事前申请单' }).click()]);
  await popup.locator('body[data-print-ready="1"]').waitFor({ timeout: 60_000 });
  const text = squash((await pdfText(popup, 'application-form')).text);
  await popup.close();
  expect(text).toContain(`${ADMIN.unitName}费用事前申请单`);
  expect(text).toContain('人民币（大写）叁万元整');
  expect(text).toContain('关于机关办公楼屋面防水维修的请示');
  expect(text).toContain(`签字：${LEADER.name}`);
  expect(text).toContain(`签字：${PRINCIPAL.name}`);
  // The register prints too.
  await page.keyboard.press('Escape');
  const [reg] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: '打印登记簿' }).click()]);
  await reg.locator('body[data-print-ready="1"]').waitFor({ timeout: 60_000 });
  const regText = squash((await pdfText(reg, 'applications-register')).text);
  await reg.close();
  expect(regText).toContain('费用事前申请登记簿');
  expect(regText).toContain('30,000.00');
  // The year-end archive: a cover with the retention period, then the year's register.
  const [arc] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: '年度归档打印' }).click()]);
  await arc.locator('body[data-print-ready="1"]').waitFor({ timeout: 60_000 });
  const arcText = await pdfText(arc, 'applications-archive');
  await arc.close();
  expect(squash(arcText.text)).toContain('保管期限：30年');
  expect(arcText.pages).toBe(2);
});

test('管理员设置审批分档与费用类别；首页提示逾期借支（借款人姓名）；各页面在 1366×768 下完整显示、无严重无障碍问题', async ({ page, host }) => {
  test.setTimeout(180_000);
  const { admin, clerk, id } = await people(host);
  // An advance paid three months ago, due last month and still outstanding.
  const day = (monthsAgo: number) => {
    const d = new Date(Date.now() + 8 * 3_600_000);
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() - monthsAgo);
    return d.toISOString().slice(0, 10);
  };
  await host.call('expenses.cashEntry', { kind: 'opening', amountFen: 1_000_000, entryDate: day(3), note: '备用金期初余额' }, clerk);
  const v = await host.call('expenses.advance', { borrowerId: id(WITNESS.name), purpose: '下乡开展法治宣传活动预借经费', amountFen: 150_000, appliedOn: day(3), dueOn: day(1), paymentMethod: 'cash' }, clerk);
  await host.call('expenses.advanceApprove', { id: v.id, approval: { mode: 'cosign', decision: 'approved', comment: '同意', login: LEADER.login, password: LEADER.newPassword } }, clerk);
  await host.call('expenses.advancePay', { id: v.id, paidOn: day(3) }, clerk);
  const cats = await host.call('expenses.categories', {}, clerk);
  await host.call('expenses.apply', { applicantId: id(WITNESS.name), categoryId: cats.find((c) => c.name === '培训费')!.id, purpose: '参加全市人民调解员业务培训', budgetItem: '2026年培训经费', estimatedFen: 180_000, basisDoc: '关于举办全市人民调解员培训班的通知（市司通〔2026〕8号）' }, clerk);

  const axe = async (what: string) => {
    const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(r.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical').map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(' ')).slice(0, 2).join(' | ')}`), what).toEqual([]);
  };
  await open(page, host);
  await signIn(page, CLERK.login, CLERK.newPassword);
  await expectShell(page, CLERK.name);
  const tile = page.getByTestId('expenses-tile');
  await expect(tile).toContainText('借支逾期未还');
  await expect(tile).toContainText(WITNESS.name);
  await expect(tile).toContainText('事前申请待审批');
  await tile.scrollIntoViewIfNeeded();
  await shot(page, 'expenses-tile-overdue');
  await tile.getByRole('link', { name: /借支逾期未还/ }).click();
  await expect(page.locator('.ant-table-tbody tr', { hasText: WITNESS.name })).toContainText('逾期');
  // The overdue borrower cannot borrow again.
  await page.getByRole('button', { name: '借支申请' }).click();
  const adv = dialog(page, '借支申请');
  await choose(page, adv, '借款人', WITNESS.name);
  await adv.getByLabel('借款事由', { exact: true }).fill('再次借款');
  await adv.getByLabel('借款金额（元）', { exact: true }).fill('100');
  await Promise.all([answered(page, 'expenses.advance'), adv.getByRole('button', { name: '提交申请' }).click()]);
  await expect(adv.locator('.ant-form-item-explain-error')).toContainText('前账未清不得再借');
  await shot(page, 'expenses-advance-refused');
  await adv.getByRole('button', { name: '取消' }).click();
  for (const [hash, name, wait] of [
    ['#/r/expenses', 'expenses-applications', '参加全市人民调解员业务培训'],
    ['#/r/expenses/advances', 'expenses-advances', '下乡开展法治宣传活动预借经费'],
    ['#/r/expenses/claims', 'expenses-claims', '没有报销单'],
    ['#/r/expenses/cash', 'expenses-cash-page', '现金借支'],
    ['#/r/expenses/monthly', 'expenses-monthly-empty', '办公费'],
  ] as const) {
    await page.evaluate((h) => (window.location.hash = h), hash);
    await expect(page.getByText(wait).first()).toBeVisible();
    await page.waitForTimeout(300);
    await shot(page, name);
    await axe(name);
  }
  // The month-end count: the checker is someone else; the count agrees with the book.
  await page.evaluate(() => (window.location.hash = '#/r/expenses/cash'));
  await page.getByRole('button', { name: '月末盘点' }).click();
  const count = dialog(page, '月末盘点');
  await choose(page, count, '监盘人', FINANCE.name);
  await Promise.all([answered(page, 'expenses.cashCount'), count.getByRole('button', { name: '登记盘点' }).click()]);
  await expect(page.locator('.exp-stat').nth(1)).toContainText('账实相符');
  await signOut(page);
  await signIn(page, ADMIN.login, ADMIN.password);
  await expectShell(page, ADMIN.name);

  // ---- the administrator: 大额资金标准 and a new category ----
  await page.evaluate(() => (window.location.hash = '#/r/expenses/settings'));
  const form = page.getByRole('form', { name: '费用报销设置' });
  await expect(form.getByLabel('大额资金标准（元）', { exact: true })).toHaveValue('20000.00');
  await form.getByLabel('大额资金标准（元）', { exact: true }).fill('30000');
  await Promise.all([answered(page, 'expenses.saveSettings'), form.getByRole('button', { name: '保存' }).click()]);
  await expect(page.getByText('设置已保存')).toBeVisible();
  await page.getByRole('button', { name: '新增类别' }).click();
  const cat = dialog(page, '新增类别');
  await cat.getByLabel('费用类别', { exact: true }).fill('印刷费');
  await Promise.all([answered(page, 'expenses.categoryCreate'), cat.getByRole('button', { name: '保存' }).click()]);
  await expect(page.locator('.ant-table-tbody', { hasText: '印刷费' })).toBeVisible();
  await shot(page, 'expenses-settings-admin');
  await axe('设置');
  const s = await host.call('expenses.settings', {}, admin);
  expect(s.largeFrom).toBe(3_000_000);
});


test('补录的报销单：审批单日期旁注明补录日期，纸质签批印签批当日而非录入当日，并注明归档号和补录', async ({ page, host }) => {
  test.setTimeout(180_000);
  const { clerk, id } = await people(host);
  const day = (n: number) => addDays(today(), -n);
  const cats = await host.call('expenses.categories', {}, clerk);
  const paper = (who: { name: string }, on: string, no: string) => ({ mode: 'paper' as const, decision: 'approved' as const, comment: '同意', signerId: id(who.name), signedAt: `${on}T10:00:00+08:00`, filingNo: no });
  const appSigner: Record<string, { name: string }> = { 分管领导审批: LEADER };
  let a = await host.call('expenses.apply', { applicantId: id(CLERK.name), categoryId: cats.find((c) => c.name === '办公费')!.id, purpose: '购置档案盒', budgetItem: '办公经费', estimatedFen: 60_000, appliedOn: day(40) }, clerk);
  while (a.state === 'pending') a = await host.call('expenses.appApprove', { id: a.id, approval: paper(appSigner[a.signatures.find((s) => !s.done)!.step] ?? PRINCIPAL, day(40), `SQ-${day(40)}`) }, clerk);
  await host.call('expenses.accept', { applicationId: a.id, witnessId: id(WITNESS.name), result: '档案盒 100 个已到货，验收合格', acceptedOn: day(35) }, clerk);
  let k = await host.call('expenses.claim', { applicationId: a.id, paymentMethod: 'card', claimedOn: day(30), lines: [{ invoiceNo: '2544 2000 1234 5678 9012', invoiceDate: day(36), description: '档案盒 100 个', amountFen: 60_000 }] }, clerk);
  expect(k.lines[0].invoiceNo).toBe('25442000123456789012');
  await host.call('expenses.attach', { objectType: 'expense_claim', objectId: k.id, kind: 'receipt', name: '发票.png', dataBase64: receiptPng().toString('base64') }, clerk);
  const chain: Record<string, { name: string }> = { 经办人: CLERK, 验收人: WITNESS, 科室负责人: HEAD, 分管领导: LEADER, 财务审核: FINANCE, 单位负责人: PRINCIPAL, 超额审批: PRINCIPAL };
  let n = 0;
  while (k.state === 'signing') k = await host.call('expenses.sign', { id: k.id, approval: paper(chain[k.nextStep!], day(30), `BX-${++n}`) }, clerk);
  expect(k.state).toBe('approved');

  await open(page, host);
  await signIn(page, CLERK.login, CLERK.newPassword);
  await expectShell(page, CLERK.name);
  await go(page, '费用报销');
  await page.getByRole('tab', { name: '报销', exact: true }).click();
  await page.locator('.ant-table-tbody tr', { hasText: k.number }).getByRole('button', { name: k.number }).click();
  await expect(drawerState(page).getByTestId('back-entry')).toHaveText(`${today()} 补录`);
  await shot(page, 'expenses-claim-back-entered');
  const [form] = await Promise.all([page.waitForEvent('popup'), drawer(page).getByRole('button', { name: /打印/ }).first().click()]);
  await form.locator('body[data-print-ready="1"]').waitFor({ timeout: 60_000 });
  const flat = squash((await pdfText(form, 'claim-form-back-entered')).text);
  await form.close();
  expect(flat).toContain(`日期：${day(30)}（${today()}补录）`);
  // Every signature is dated the day it was signed on paper, never the day it was keyed in.
  expect(flat.match(new RegExp(`日期：${day(30)}`, 'g'))!.length).toBeGreaterThanOrEqual(7);
  expect(flat).not.toContain(`日期：${today()}`);
  expect(flat).toContain(`纸质签批，归档号BX-1，${today()}补录`);

  // Paid, then found wrong: a paid claim is not voided but reversed in red (红字冲销), and its invoice is free again.
  await host.call('expenses.pay', { id: k.id, paidOn: day(29), voucherNo: '记-2026-031' }, clerk);
  await page.reload();
  await expect(drawer(page)).toBeHidden();
  await page.getByRole('tab', { name: '报销', exact: true }).click();
  await page.locator('.ant-table-tbody tr', { hasText: k.number }).getByRole('button', { name: k.number }).click();
  await drawer(page).getByRole('button', { name: '红字冲销' }).click();
  const rev = dialog(page, /红字冲销报销单/);
  await rev.getByLabel('红字凭证号', { exact: true }).fill('记-2026-040');
  await rev.getByRole('button', { name: '红字冲销' }).click();
  await expect(rev.locator('.ant-form-item-explain-error')).toContainText('请填写冲销原因');
  await rev.getByLabel('冲销原因', { exact: true }).fill('发票金额误录，按财务规定红字冲销后重新报销');
  await Promise.all([answered(page, 'expenses.claimReverse'), rev.getByRole('button', { name: '红字冲销' }).click()]);
  await expect(rev).toBeHidden();
  await expect(drawer(page).getByTestId('claim-reversal')).toContainText('红字凭证号 记-2026-040：发票金额误录');
  await expect(drawer(page).getByRole('button', { name: '红字冲销' })).toHaveCount(0);
  await shot(page, 'expenses-claim-reversed');
  const again = await host.call('expenses.claim', { applicationId: a.id, paymentMethod: 'card', lines: [{ invoiceNo: '25442000123456789012', invoiceDate: day(36), description: '档案盒 100 个', amountFen: 55_000 }] }, clerk);
  expect(again.totalFen).toBe(55_000);

  // The printed 报销登记簿 says 补录 under the claim's date, with the day it was keyed in.
  await page.evaluate((r) => {
    delete document.body.dataset.printReady;
    window.location.hash = `#${r}`;
  }, `/print/register/expenses.claims?f=${encodeURIComponent(JSON.stringify({}))}`);
  await page.locator('body[data-print-ready="1"]').waitFor({ timeout: 60_000 });
  const row = page.locator('.paper tbody tr', { hasText: k.number });
  await expect(row.locator('td', { has: page.locator('.paper-keyed') })).toHaveText(`${day(30)}${today()} 补录`);
  await expect(page.locator('.paper tbody tr', { hasText: again.number }).locator('.paper-keyed')).toHaveCount(0);
  await pdfText(page, 'claims-register-back-entered');
});
