// Issue 9 in the core: application by tier → acceptance → reimbursement with receipts and the full
// signature chain → paid; large amounts only on a finalised 党组会议 decision that covers them;
// every "bad input" of the issue refused with a Chinese message, naming its field, changing nothing.
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../../db/core/audit';
import { MAX_ATTACHMENT_BYTES } from '../../../db/contract/attachments';
import { ok } from '../../helpers';
import { CHAIN, acceptedApp, invoiceNo, apply, cat, cosign, decision, office, pdf, png, receipts, refusedCleanly, signAll, TODAY } from './fixture';

const line = (key: string, amountFen: number, description = '硒鼓') => ({ invoiceNo: invoiceNo(key), invoiceDate: TODAY, description, amountFen });

describe('the whole path', () => {
  it('an application approved by its tier, accepted by a witness, reimbursed with two receipts through the full chain, paid in cash', async () => {
    const o = await office();
    await ok(o.core, o.s, 'expenses.cashEntry', { kind: 'opening', amountFen: 500_000, note: '备用金期初' });
    const a = await apply(o);
    expect(a.signatures.map((s) => s.step)).toEqual(['分管领导审批']);
    expect(a.signatures[0].who).toContain('何平');
    const approved = await ok(o.core, o.s, 'expenses.appApprove', { id: a.id, approval: cosign('lead') });
    expect(approved).toMatchObject({ state: 'approved', approvers: '何平' });
    const accepted = await ok(o.core, o.s, 'expenses.accept', { applicationId: a.id, witnessId: o.clerk2.id, result: '硒鼓 5 个已收到' });
    expect(accepted.acceptance).toMatchObject({ witnessName: '刘洋' });
    expect(accepted.claimBlockers).toEqual([]);

    const k = await ok(o.core, o.s, 'expenses.claim', { applicationId: a.id, paymentMethod: 'cash', lines: [line('04400001', 100_000), line('04400002', 23_450, '快递费')] });
    expect(k).toMatchObject({ totalFen: 123_450, overApproved: false, state: 'signing', nextStep: '经办人', receipts: 0 });
    expect(k.signatures.map((s) => s.step)).toEqual(['经办人', '验收人', '科室负责人', '分管领导', '财务审核', '单位负责人']);
    // The chain cannot start without the receipts.
    await refusedCleanly(o, 'expenses.sign', { id: k.id, approval: cosign('pres') }, 'attachments');
    await receipts(o, k.id, 2);
    const signed = await signAll(o, k.id);
    expect(signed).toMatchObject({ state: 'approved', receipts: 2 });
    expect(signed.signatures.map((s) => s.signerName)).toEqual(['赵敏', '刘洋', '周建华', '何平', '吴涛', '王志强']);
    expect(signed.signatures[3].comment).toBe('票据齐全，符合规定');
    // Receipts are frozen once the chain has started.
    await refusedCleanly(o, 'expenses.attach', { objectType: 'expense_claim', objectId: k.id, kind: 'receipt', name: '补.png', dataBase64: png() }, 'objectId');

    const paid = await ok(o.core, o.s, 'expenses.pay', { id: k.id, voucherNo: '记-2026-118' });
    expect(paid).toMatchObject({ state: 'paid', paidOn: TODAY, voucherNo: '记-2026-118' });
    const cash = await ok(o.core, o.s, 'expenses.cashStatus', {});
    expect(cash.balanceFen).toBe(500_000 - 123_450);
    const journal = await ok(o.core, o.s, 'expenses.cashList', {});
    expect(journal.rows.map((r) => [r.kind, r.inFen, r.outFen, r.balanceFen])).toEqual([
      ['opening', 500_000, 0, 500_000],
      ['payment', 0, 123_450, 376_550],
    ]);
    // The receipts come back byte for byte, with their hash.
    const att = paid.attachments[0];
    const back = await ok(o.core, o.s, 'expenses.attachmentGet', { id: att.id });
    expect(back.sha256).toHaveLength(64);
    expect(Buffer.from(back.dataBase64, 'base64').length).toBe(att.size);
    expect(verifyChain(o.core.state.db, 'now').ok).toBe(true);
    const audit = o.core.state.db.prepare("SELECT message FROM audit_log WHERE object_type = 'expense_claim' ORDER BY seq").all() as { message: string }[];
    expect(audit.map((r) => r.message).join('\n')).toMatch(/报销签批（分管领导）：何平签字同意/);
    o.core.close();
  });

  it('above 5,000 元 the principal approves too; the applicant and the recorder may not approve; one person one step', async () => {
    const o = await office();
    const a = await apply(o, { estimatedFen: 800_000 });
    expect(a.signatures.map((s) => s.step)).toEqual(['分管领导审批', '主要负责人审批']);
    await refusedCleanly(o, 'expenses.appApprove', { id: a.id, approval: cosign('pres') }, 'approval.login');
    await refusedCleanly(o, 'expenses.appApprove', { id: a.id, approval: cosign('clerk1') }, 'approval.login');
    const first = await ok(o.core, o.s, 'expenses.appApprove', { id: a.id, approval: cosign('lead') });
    expect(first.state).toBe('pending');
    await refusedCleanly(o, 'expenses.appApprove', { id: a.id, approval: cosign('lead') }, 'approval.login');
    // Not yet approved: no acceptance, no reimbursement.
    await refusedCleanly(o, 'expenses.accept', { applicationId: a.id, witnessId: o.clerk2.id, result: '已收到' }, 'applicationId');
    const done = await ok(o.core, o.s, 'expenses.appApprove', { id: a.id, approval: cosign('m3') });
    expect(done).toMatchObject({ state: 'approved', approvers: '何平、马骏' });
    o.core.close();
  });

  it('a reimbursement above the approved amount needs a fresh approval (超额审批)', async () => {
    const o = await office();
    const a = await acceptedApp(o);
    const k = await ok(o.core, o.s, 'expenses.claim', { applicationId: a.id, paymentMethod: 'card', lines: [line('7001', 130_000)] });
    expect(k.overApproved).toBe(true);
    expect(k.signatures.map((s) => s.step)).toContain('超额审批');
    await receipts(o, k.id, 1);
    const signed = await signAll(o, k.id);
    expect(signed.signatures.find((s) => s.step === '超额审批')?.signerName).toBe('王志强');
    o.core.close();
  });

  it('the 分管领导 must write a compliance opinion; a rejection frees the invoices', async () => {
    const o = await office();
    const a = await acceptedApp(o);
    const k = await ok(o.core, o.s, 'expenses.claim', { applicationId: a.id, paymentMethod: 'transfer', lines: [line('8001', 50_000)] });
    await receipts(o, k.id, 1);
    for (const step of ['经办人', '验收人', '科室负责人']) await ok(o.core, o.s, 'expenses.sign', { id: k.id, approval: cosign(CHAIN[step]) });
    await refusedCleanly(o, 'expenses.sign', { id: k.id, approval: cosign('lead', 'approved', '') }, 'approval.comment');
    const back = await ok(o.core, o.s, 'expenses.sign', { id: k.id, approval: cosign('lead', 'rejected', '发票抬头不符') });
    expect(back.state).toBe('rejected');
    // The same invoice may be claimed again on a corrected claim.
    const again = await ok(o.core, o.s, 'expenses.claim', { applicationId: a.id, paymentMethod: 'transfer', lines: [line('8001', 50_000)] });
    expect(again.state).toBe('signing');
    o.core.close();
  });
});

describe('large amounts (大额资金) and the 党组会议 decision', () => {
  it('30,000 元: refused without a decision, with a draft one, with a smaller one; accepted with a finalised decision that covers it', async () => {
    const o = await office();
    const training = await cat(o, '培训费');
    const input = { applicantId: o.presenter.id, categoryId: training, purpose: '全区人民调解员培训班', budgetItem: '业务费-培训', estimatedFen: 3_000_000, basisDoc: '区司法局关于举办人民调解员培训班的通知' };
    const e1 = await refusedCleanly(o, 'expenses.apply', input, 'decisionId');
    expect(e1.message).toContain('党组会议');
    const draft = await decision(o, 3_500_000, false);
    expect((await refusedCleanly(o, 'expenses.apply', { ...input, decisionId: draft }, 'decisionId')).message).toContain('尚未定稿');
    const small = await decision(o, 2_500_000);
    expect((await refusedCleanly(o, 'expenses.apply', { ...input, decisionId: small }, 'decisionId')).message).toContain('不足以覆盖');
    const good = await decision(o, 3_500_000);
    const a = await ok(o.core, o.s, 'expenses.apply', { ...input, decisionId: good });
    expect(a).toMatchObject({ large: true, state: 'pending' });
    expect(a.decision?.label).toContain('党组会议');
    // The same decision cannot cover a second 30,000 元: 35,000 元 in all.
    expect((await refusedCleanly(o, 'expenses.apply', { ...input, decisionId: good }, 'decisionId')).message).toContain('其他申请已使用');
    o.core.close();
  });
});

describe('bad input', () => {
  it.each([
    [-100, '不能为负数'],
    [0, '必须大于 0'],
    [12.5, '精确到分'],
    [1_000_000_000_001, '超出允许范围'],
  ])('an estimated amount of %s 分 is refused (%s)', async (amount, words) => {
    const o = await office();
    const e = await refusedCleanly(o, 'expenses.apply', { applicantId: o.presenter.id, categoryId: await cat(o, '办公费'), purpose: 'x', budgetItem: 'y', estimatedFen: amount }, 'estimatedFen');
    expect(e.message).toContain(words);
    o.core.close();
  });

  it('a reimbursement without an approved application, or before acceptance, is refused', async () => {
    const o = await office();
    const a = await apply(o);
    await refusedCleanly(o, 'expenses.claim', { applicationId: a.id, paymentMethod: 'card', lines: [line('1', 100)] }, 'applicationId');
    await ok(o.core, o.s, 'expenses.appApprove', { id: a.id, approval: cosign('lead') });
    const e = await refusedCleanly(o, 'expenses.claim', { applicationId: a.id, paymentMethod: 'card', lines: [line('1', 100)] }, 'applicationId');
    expect(e.message).toContain('尚未事后验收');
    // The applicant cannot witness their own purchase.
    await refusedCleanly(o, 'expenses.accept', { applicationId: a.id, witnessId: o.presenter.id, result: '已收到' }, 'witnessId');
    o.core.close();
  });

  it('a subsidy needs its basis document: named on the application, attached to every payment', async () => {
    const o = await office();
    const subsidy = await cat(o, '法律援助办案补贴');
    await refusedCleanly(o, 'expenses.apply', { applicantId: o.presenter.id, categoryId: subsidy, purpose: '2026年第三季度法律援助办案补贴', budgetItem: '法律援助专项', estimatedFen: 360_000 }, 'basisDoc');
    const a = await acceptedApp(o, { categoryId: subsidy, purpose: '2026年第三季度法律援助办案补贴', budgetItem: '法律援助专项', estimatedFen: 360_000, basisDoc: '×司发〔2025〕12号 法律援助补贴标准' });
    const k = await ok(o.core, o.s, 'expenses.claim', { applicationId: a.id, paymentMethod: 'transfer', lines: [line('LA-2026-3', 360_000, '办案补贴发放表')] });
    await receipts(o, k.id, 1);
    const e = await refusedCleanly(o, 'expenses.sign', { id: k.id, approval: cosign('pres') }, 'attachments');
    expect(e.message).toContain('文件依据');
    await ok(o.core, o.s, 'expenses.attach', { objectType: 'expense_claim', objectId: k.id, kind: 'basis', name: '补贴标准文件.pdf', dataBase64: pdf() });
    expect((await ok(o.core, o.s, 'expenses.sign', { id: k.id, approval: cosign('pres') })).nextStep).toBe('验收人');
    o.core.close();
  });

  it('the same invoice (number and amount) cannot be reimbursed twice: refused, pointing at the first claim', async () => {
    const o = await office();
    const a = await acceptedApp(o);
    const first = await ok(o.core, o.s, 'expenses.claim', { applicationId: a.id, paymentMethod: 'card', lines: [line('04400077', 60_000)] });
    const b = await acceptedApp(o, { purpose: '购买复印纸' });
    const e = await refusedCleanly(o, 'expenses.claim', { applicationId: b.id, paymentMethod: 'card', lines: [line('04400078', 1_000), line('04400077', 60_000)] }, 'lines.1.invoiceNo');
    expect(e.message).toContain(first.number);
    // Twice on one claim is caught before the core.
    await refusedCleanly(o, 'expenses.claim', { applicationId: b.id, paymentMethod: 'card', lines: [line('9', 1_000), line('9', 1_000)] }, 'lines.1.invoiceNo');
    // Voiding the first claim releases the invoice.
    await ok(o.core, o.s, 'expenses.claimVoid', { id: first.id, reason: '误填申请' });
    await ok(o.core, o.s, 'expenses.claim', { applicationId: b.id, paymentMethod: 'card', lines: [line('04400077', 60_000)] });
    o.core.close();
  });

  it('an invoice is compared in its canonical form: typed with hyphens, spaces, full-width digits or extra leading zeros, or with another amount, it is still the same invoice', async () => {
    const o = await office();
    const a = await acceptedApp(o);
    const raw = (no: string, amountFen = 60_000) => ({ invoiceNo: no, invoiceDate: TODAY, description: '硒鼓', amountFen });
    const first = await ok(o.core, o.s, 'expenses.claim', { applicationId: a.id, paymentMethod: 'card', lines: [raw('25432000000012345678')] });
    expect(first.lines[0].invoiceNo).toBe('25432000000012345678');
    const b = await acceptedApp(o, { purpose: '购买复印纸' });
    for (const typed of ['2543-2000-0000-1234-5678', '025432000000012345678', '2543 2000 0000 1234 5678', '２５４３２０００００００１２３４５６７８']) {
      const e = await refusedCleanly(o, 'expenses.claim', { applicationId: b.id, paymentMethod: 'card', lines: [raw(typed)] }, 'lines.0.invoiceNo');
      expect(e.message).toContain(first.number);
      expect(e.message).toContain('不能重复报销');
    }
    // Split over two claims at another amount is the same invoice paid twice.
    await refusedCleanly(o, 'expenses.claim', { applicationId: b.id, paymentMethod: 'card', lines: [raw('25432000000012345678', 30_000)] }, 'lines.0.invoiceNo');
    // A paper invoice: 代码 and 号码 typed apart, the 号码's leading zeros left off.
    const k = await ok(o.core, o.s, 'expenses.claim', { applicationId: b.id, paymentMethod: 'card', lines: [raw('144031900111 345678', 1_000)] });
    expect(k.lines[0].invoiceNo).toBe('14403190011100345678');
    // The list finds a claim by the invoice number however it is typed.
    const found = await ok(o.core, o.s, 'output.rows', { register: 'expenses.claims', filter: { q: '2543-2000-0000-1234-5678' } });
    expect(found.rows.map((r) => r.number)).toEqual([first.number]);
    o.core.close();
  });

  it('an invoice number in no format in use is refused next to the field, saying which formats are', async () => {
    const o = await office();
    const a = await acceptedApp(o);
    for (const typed of ['12345', 'FP-2024-001', '1234567890123456789', '2543200000001234567X', '1234567890123456789012']) {
      const e = await refusedCleanly(o, 'expenses.claim', { applicationId: a.id, paymentMethod: 'card', lines: [{ invoiceNo: typed, invoiceDate: TODAY, description: '硒鼓', amountFen: 100 }] }, 'lines.0.invoiceNo');
      expect(e.message).toMatch(/^发票号码应为20 位数电发票号码/);
    }
    o.core.close();
  });

  it('the database itself refuses a non-canonical number or an invoice already on another live claim', async () => {
    const o = await office();
    const a = await acceptedApp(o);
    const k = await ok(o.core, o.s, 'expenses.claim', { applicationId: a.id, paymentMethod: 'card', lines: [line('db', 60_000)] });
    const db = o.core.state.db;
    const insert = (no: string, claimId: number) => () => db.prepare("INSERT INTO expense_claim_lines (claim_id, line_no, invoice_no, invoice_date, description, amount_fen) VALUES (?, 9, ?, '2026-01-01', '硒鼓', 1)").run(claimId, no);
    expect(insert('2543-2000-0000-1234-5678', k.id)).toThrow(/规范形式/);
    const b = await acceptedApp(o, { purpose: '购买复印纸' });
    const other = await ok(o.core, o.s, 'expenses.claim', { applicationId: b.id, paymentMethod: 'card', lines: [line('db2', 1_000)] });
    expect(insert(invoiceNo('db'), other.id)).toThrow(/不能重复报销/);
    o.core.close();
  });

  it('an attachment that is not an image or PDF, or over 20 MB, is refused', async () => {
    const o = await office();
    const a = await acceptedApp(o);
    const k = await ok(o.core, o.s, 'expenses.claim', { applicationId: a.id, paymentMethod: 'card', lines: [line('1', 100)] });
    const att = (dataBase64: string, name = 'x.png') => ({ objectType: 'expense_claim' as const, objectId: k.id, kind: 'receipt' as const, name, dataBase64 });
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]).toString('base64');
    expect((await refusedCleanly(o, 'expenses.attach', att(exe, '发票.png'), 'dataBase64')).message).toContain('图片');
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(big);
    expect((await refusedCleanly(o, 'expenses.attach', att(big.toString('base64')), 'dataBase64')).message).toContain('20 MB');
    const ok20 = big.subarray(0, MAX_ATTACHMENT_BYTES);
    const stored = await ok(o.core, o.s, 'expenses.attach', att(ok20.toString('base64'), '扫描件.png'));
    expect(stored).toMatchObject({ mime: 'image/png', size: MAX_ATTACHMENT_BYTES });
    // The same file twice is refused (one receipt, one claim).
    expect((await refusedCleanly(o, 'expenses.attach', att(ok20.toString('base64'), '又一张.png'), 'dataBase64')).message).toContain(k.number);
    o.core.close();
  });

  it('goods at or above the fixed-asset threshold need an asset card before reimbursement', async () => {
    const o = await office();
    const a = await acceptedApp(o, { purpose: '购置笔记本电脑', estimatedFen: 659_900 }, [{ name: '笔记本电脑', quantity: 1, unitPriceFen: 659_900 }, { name: '电脑包', quantity: 1, unitPriceFen: 9_900 }]);
    expect(a.acceptance!.lines.map((l) => l.fixedAsset)).toEqual([true, false]);
    expect(a.claimBlockers.join()).toContain('固定资产卡片');
    const e = await refusedCleanly(o, 'expenses.claim', { applicationId: a.id, paymentMethod: 'transfer', lines: [line('5501', 659_900)] }, 'applicationId');
    expect(e.message).toContain('笔记本电脑');
    const card = await ok(o.core, o.s, 'assets.create', { name: '笔记本电脑', category: '计算机设备', brand: '华为', model: 'MateBook 14', serialNo: 'SN-9', originalValue: 659_900, fundingSource: '财政拨款', purchaseMethod: '电子卖场', purchasedOn: TODAY });
    const linked = await ok(o.core, o.s, 'expenses.linkAsset', { lineId: a.acceptance!.lines[0].id, assetCardId: card.card.id });
    expect(linked.claimBlockers).toEqual([]);
    expect(linked.acceptance!.lines[0].assetNumber).toBe(card.card.number);
    await ok(o.core, o.s, 'expenses.claim', { applicationId: a.id, paymentMethod: 'transfer', lines: [line('5501', 659_900)] });
    o.core.close();
  });

  it('nothing is deleted: SQL refuses deleting a claim, an invoice, a journal line or an attachment', async () => {
    const o = await office();
    const a = await acceptedApp(o);
    await ok(o.core, o.s, 'expenses.cashEntry', { kind: 'opening', amountFen: 1_000, note: '期初' });
    const k = await ok(o.core, o.s, 'expenses.claim', { applicationId: a.id, paymentMethod: 'card', lines: [line('1', 100)] });
    await receipts(o, k.id, 1);
    const db = o.core.state.db;
    for (const t of ['expense_claims', 'expense_claim_lines', 'petty_cash', 'attachments', 'expense_apps', 'expense_acceptances']) {
      expect(() => db.prepare(`DELETE FROM ${t}`).run()).toThrow(/不可删除|不能/);
    }
    expect(() => db.prepare('UPDATE expense_claims SET total_fen = 1').run()).toThrow(/不能改动/);
    expect(() => db.prepare("INSERT INTO petty_cash (entry_date, kind, note, in_fen, out_fen, balance_fen, recorded_by_id, created_at) VALUES ('2099-01-01', 'topup', 'x', 100, 0, 999999, 1, 'x')").run()).toThrow(/不衔接/);
    o.core.close();
  });
});

describe('advances and the petty-cash fund', () => {
  it('an advance paid in cash is settled by a reimbursement plus cash returned; the fund balances; never below zero', async () => {
    const o = await office();
    await ok(o.core, o.s, 'expenses.cashEntry', { kind: 'opening', amountFen: 300_000, note: '备用金期初' });
    const v = await ok(o.core, o.s, 'expenses.advance', { borrowerId: o.presenter.id, purpose: '赴市局参加培训差旅借款', amountFen: 200_000, paymentMethod: 'cash' });
    expect(v.dueOn > TODAY).toBe(true);
    await refusedCleanly(o, 'expenses.advanceApprove', { id: v.id, approval: cosign('pres') }, 'approval.login');
    await ok(o.core, o.s, 'expenses.advanceApprove', { id: v.id, approval: cosign('lead') });
    const out = await ok(o.core, o.s, 'expenses.advancePay', { id: v.id });
    expect(out).toMatchObject({ state: 'outstanding', outstandingFen: 200_000 });
    expect((await ok(o.core, o.s, 'expenses.attention', {})).outstandingAdvances).toBe(1);

    const a = await acceptedApp(o, { categoryId: await cat(o, '差旅费'), purpose: '赴市局参加培训', estimatedFen: 150_000 });
    const k = await ok(o.core, o.s, 'expenses.claim', { applicationId: a.id, advanceId: v.id, paymentMethod: 'cash', lines: [line('T-1', 150_000, '住宿费')] });
    await receipts(o, k.id, 1);
    await signAll(o, k.id);
    const paid = await ok(o.core, o.s, 'expenses.pay', { id: k.id, voucherNo: '记-9' });
    expect(paid.offsetFen).toBe(150_000);
    await refusedCleanly(o, 'expenses.advanceReturn', { id: v.id, amountFen: 60_000 }, 'amountFen');
    const settled = await ok(o.core, o.s, 'expenses.advanceReturn', { id: v.id, amountFen: 50_000, note: '交回余款' });
    expect(settled).toMatchObject({ state: 'settled', outstandingFen: 0, settledFen: 200_000 });
    expect(settled.settlements.map((s) => [s.kind, s.amountFen])).toEqual([
      ['claim', 150_000],
      ['cash', 50_000],
    ]);
    // 300,000 − 200,000 advanced + 50,000 returned; the reimbursement paid nothing out (all offset).
    expect((await ok(o.core, o.s, 'expenses.cashStatus', {})).balanceFen).toBe(150_000);

    // A cash payment larger than the fund is refused and changes nothing.
    const big = await acceptedApp(o, { purpose: '购买会议用品', estimatedFen: 400_000 });
    const k2 = await ok(o.core, o.s, 'expenses.claim', { applicationId: big.id, paymentMethod: 'cash', lines: [line('C-2', 400_000, '会议用品')] });
    await receipts(o, k2.id, 1);
    await signAll(o, k2.id);
    expect((await refusedCleanly(o, 'expenses.pay', { id: k2.id, voucherNo: '记-10' }, 'id')).message).toContain('余额不足');

    // The month's count: a difference needs a reason; the checker is someone else.
    const month = TODAY.slice(0, 7);
    await refusedCleanly(o, 'expenses.cashCount', { month, countedFen: 149_000, checkerId: o.fin.id }, 'note');
    await refusedCleanly(o, 'expenses.cashCount', { month, countedFen: 150_000, checkerId: o.clerk.id }, 'checkerId');
    const count = await ok(o.core, o.s, 'expenses.cashCount', { month, countedFen: 150_000, checkerId: o.fin.id });
    expect(count).toMatchObject({ bookFen: 150_000, differenceFen: 0, checkerName: '吴涛' });
    o.core.close();
  });

  it('the monthly summary adds paid reimbursements by category and month', async () => {
    const o = await office();
    for (const [amount, name] of [
      [10_000, '办公费'],
      [20_050, '办公费'],
    ] as const) {
      const a = await acceptedApp(o, { estimatedFen: amount, categoryId: await cat(o, name) });
      const k = await ok(o.core, o.s, 'expenses.claim', { applicationId: a.id, paymentMethod: 'card', lines: [line(`M-${amount}`, amount)] });
      await receipts(o, k.id, 1);
      await signAll(o, k.id);
      await ok(o.core, o.s, 'expenses.pay', { id: k.id, voucherNo: `记-${amount}` });
    }
    const year = Number(TODAY.slice(0, 4));
    const m = await ok(o.core, o.s, 'expenses.monthly', { year });
    const office_ = m.rows.find((r) => r.categoryName === '办公费')!;
    expect(office_.totalFen).toBe(30_050);
    expect(office_.months[Number(TODAY.slice(5, 7)) - 1]).toBe(30_050);
    expect(m.totalFen).toBe(30_050);
    const rows = await ok(o.core, o.s, 'output.rows', { register: 'expenses.monthly', filter: { year } });
    expect(rows.rows.at(-1)).toMatchObject({ category: '合计', total: 30_050 });
    // A month without spending prints blank, not 0.00.
    expect(rows.rows.at(-1)![`m${(Number(TODAY.slice(5, 7)) % 12) + 1}`]).toBeNull();
    const claims = await ok(o.core, o.s, 'output.rows', { register: 'expenses.claims', filter: { year } });
    expect(claims.rows.map((r) => r.receipts)).toEqual([1, 1]);
    o.core.close();
  });
});

describe('indexes', () => {
  it('every list filter of the reimbursement register uses its index', async () => {
    const o = await office();
    const db = o.core.state.db;
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan("SELECT id FROM expense_claims k WHERE k.claimed_on >= '2025-01-01' AND k.claimed_on <= '2025-12-31' ORDER BY k.claimed_on DESC, k.id DESC LIMIT 50")).toMatch(/expense_claims_date/);
    expect(plan("SELECT id FROM expense_claims k WHERE k.state = 'signing' ORDER BY k.claimed_on DESC, k.id DESC LIMIT 50")).toMatch(/expense_claims_state/);
    expect(plan('SELECT id FROM expense_claims k WHERE k.category_id = 3 ORDER BY k.claimed_on DESC, k.id DESC LIMIT 50')).toMatch(/expense_claims_category/);
    expect(plan('SELECT id FROM expense_claims k WHERE k.applicant_id = 3 ORDER BY k.claimed_on DESC, k.id DESC LIMIT 50')).toMatch(/expense_claims_applicant/);
    expect(plan("SELECT 1 FROM expense_claim_lines WHERE invoice_no = 'X' AND amount_fen = 1 AND active = 1")).toMatch(/expense_claim_lines_invoice/);
    expect(plan("SELECT id FROM expense_apps a WHERE a.state = 'pending' ORDER BY a.applied_on DESC, a.id DESC LIMIT 50")).toMatch(/expense_apps_state/);
    expect(plan("SELECT id FROM expense_advances v WHERE v.state = 'outstanding' AND v.due_on < '2026-01-01'")).toMatch(/expense_advances_(due|state)/);
    o.core.close();
  });
});
