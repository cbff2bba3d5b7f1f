// The expense forms on paper (portrait A4): `#/print/expenses/application/<id>` 事前申请单,
// `#/print/expenses/claim/<id>` 费用报销审批单 (amount in figures and 人民币大写, 附单据 N 张, invoices, the
// signature blocks 经办人 → … → 单位负责人 with names and dates where signed), `#/print/expenses/advance/<id>`
// 借款单. The registers (报销、事前申请、借支、备用金日记账、月度汇总) print through `#/print/register/<key>`.
import { Alert } from 'antd';
import { Route, Routes, useParams } from 'react-router';
import { EXP_REGISTER_ADVANCES, EXP_REGISTER_APPS, EXP_REGISTER_CLAIMS, PAYMENT_METHOD_LABELS, type AdvanceDetail, type AppDetail, type ClaimDetail, type Signature } from '../../../db/contract/expenses';
import { formatYuan } from '../../../db/contract/money';
import { api } from '../../api';
import { Amount, approvalStep, FieldGrid, FormFooter, FormSheet, PrintToolbar, SignatureBlocks, type PrintAuditInfo, type PrintMeta, type SignatureStep } from '../../print';
import { metaFor, useFormPrint } from '../supplies/Print';
import './i18n';

export function ExpensesPrint() {
  return (
    <Routes>
      <Route path="application/:id" element={<ApplicationForm />} />
      <Route path="claim/:id" element={<ClaimForm />} />
      <Route path="advance/:id" element={<AdvanceSlip />} />
    </Routes>
  );
}

/** A recorded signature as the paper shows it: 同意/不同意, the comment, when and how it was given. */
const toBlock = (s: Signature, label = s.step): SignatureStep => approvalStep(label, s.approval);

/** 费用报销审批单's blocks in their order; the 分管领导 reviews legality and compliance. */
const CLAIM_LABELS: Record<string, string> = { 分管领导: '分管领导（合规性审核意见）', 超额审批: '超额审批（单位负责人）' };
const CLAIM_DEFAULT_STEPS = ['经办人', '验收人', '科室负责人', '分管领导', '财务审核', '单位负责人'];

function claimBlocks(d: ClaimDetail): SignatureStep[] {
  const byStep = new Map(d.signatures.map((s) => [s.step, s]));
  const steps = d.signatures.length ? d.signatures.map((s) => s.step) : CLAIM_DEFAULT_STEPS;
  return steps.map((step) => {
    const s = byStep.get(step);
    return s ? toBlock(s, CLAIM_LABELS[step] ?? step) : { label: CLAIM_LABELS[step] ?? step };
  });
}

function ClaimForm() {
  const { id = '' } = useParams();
  const audit: PrintAuditInfo = { register: EXP_REGISTER_CLAIMS, layout: 'form', objectId: id };
  const { data, error } = useFormPrint(async () => {
    const [d, meta] = await Promise.all([api.call('expenses.get', { id: Number(id) }), metaFor(EXP_REGISTER_CLAIMS)]);
    return { d, meta };
  }, audit);
  if (error) return <Alert type="error" title={error} />;
  if (!data) return null;
  const { d, meta } = data as { d: ClaimDetail; meta: PrintMeta };
  const paid = `已支付（${d.paidOn ?? ''}，记账凭证号 ${d.voucherNo ?? ''}）`;
  const status = d.reversal
    ? `${paid}；${d.reversal.on} 红字冲销（红字凭证号 ${d.reversal.voucherNo}）：${d.reversal.reason}`
    : d.state === 'paid'
      ? paid
      : d.state === 'void' ? `作废：${d.voidReason ?? ''}` : d.state === 'rejected' ? '已退回' : d.state === 'approved' ? '签批完毕，待支付' : `签批中${d.nextStep ? `（待${d.nextStep}）` : ''}`;
  return (
    <>
      <PrintToolbar title={`${meta.unitName}费用报销审批单 ${d.number}`} audit={audit} />
      <div className="exp-paper">
        <FormSheet unitName={meta.unitName} title="费用报销审批单" number={d.number} date={d.claimedOn} keyedAt={d.createdAt} footer={<FormFooter preparedBy={meta.preparedBy} generatedAt={meta.generatedAt} checkpoint={meta.checkpoint} />}>
          <FieldGrid
            fields={[
              { label: '报销部门', value: d.department },
              { label: '经办人', value: d.applicantName },
              { label: '费用类别', value: d.categoryName },
              { label: '事前申请', value: d.applicationNumber },
              { label: '报销事由', value: d.purpose, wide: true },
              { label: '预算项目', value: d.budgetItem },
              { label: '文件依据', value: d.basisDoc || '无' },
              { label: '支付方式', value: PAYMENT_METHOD_LABELS[d.paymentMethod] },
              { label: '收款账户', value: d.payee },
            ]}
          />
          <table className="paper-table exp-invoice-table">
            <thead>
              <tr>
                <th>序号</th>
                <th>发票号码</th>
                <th>开票日期</th>
                <th>内容</th>
                <th>金额（元）</th>
              </tr>
            </thead>
            <tbody>
              {d.lines.map((l, i) => (
                <tr key={l.id}>
                  <td className="align-center">{i + 1}</td>
                  <td>{l.invoiceNo}</td>
                  <td className="align-center">{l.invoiceDate}</td>
                  <td>{l.description}</td>
                  <td className="align-right">{formatYuan(l.amountFen)}</td>
                </tr>
              ))}
              <tr>
                <td className="align-center" colSpan={4}>
                  合　计
                </td>
                <td className="align-right">{formatYuan(d.totalFen)}</td>
              </tr>
            </tbody>
          </table>
          <FieldGrid
            fields={[
              { label: '报销金额', value: <Amount fen={d.totalFen} />, wide: true },
              { label: '附单据', value: `${d.receipts} 张` },
              { label: '批准金额', value: `¥${formatYuan(d.approvedFen)}${d.overApproved ? '（超出，须超额审批）' : ''}` },
              ...(d.advanceNumber ? [{ label: '冲借支', value: `${d.advanceNumber}${d.offsetFen ? `，冲抵 ¥${formatYuan(d.offsetFen)}` : ''}`, wide: true }] : []),
              ...(d.acceptance ? [{ label: '验收情况', value: `${d.acceptance.acceptedOn} 由 ${d.acceptance.witnessName} 验收：${d.acceptance.result}`, wide: true }] : []),
              { label: '办理状态', value: status, wide: true },
            ]}
          />
          <SignatureBlocks steps={claimBlocks(d)} />
        </FormSheet>
      </div>
    </>
  );
}

function ApplicationForm() {
  const { id = '' } = useParams();
  const audit: PrintAuditInfo = { register: EXP_REGISTER_APPS, layout: 'form', objectId: id };
  const { data, error } = useFormPrint(async () => {
    const [d, meta] = await Promise.all([api.call('expenses.appGet', { id: Number(id) }), metaFor(EXP_REGISTER_APPS)]);
    return { d, meta };
  }, audit);
  if (error) return <Alert type="error" title={error} />;
  if (!data) return null;
  const { d, meta } = data as { d: AppDetail; meta: PrintMeta };
  const basisFiles = d.attachments.filter((a) => !a.voided);
  const decision = d.large ? (d.decision ? `${d.decision.label}：${d.decision.title}${d.decision.finalised ? '' : '（记录未定稿）'}` : '未关联（大额资金须经党组会议集体决定）') : '不属于大额资金';
  const state = d.state === 'void' ? `作废：${d.voidReason ?? ''}` : d.state === 'rejected' ? '已驳回' : d.state === 'approved' ? '已批准' : '审批中';
  return (
    <>
      <PrintToolbar title={`${meta.unitName}费用事前申请单 ${d.number}`} audit={audit} />
      <div className="exp-paper">
        <FormSheet unitName={meta.unitName} title="费用事前申请单" number={d.number} date={d.appliedOn} keyedAt={d.createdAt} footer={<FormFooter preparedBy={meta.preparedBy} generatedAt={meta.generatedAt} checkpoint={meta.checkpoint} />}>
          <FieldGrid
            fields={[
              { label: '申请人', value: d.applicantName },
              { label: '部门', value: d.department },
              { label: '费用类别', value: d.categoryName },
              { label: '预算项目', value: d.budgetItem },
              { label: '事由', value: d.purpose, wide: true },
              { label: '预计金额', value: <Amount fen={d.estimatedFen} />, wide: true },
              { label: '文件依据', value: `${d.basisDoc || '无'}${basisFiles.length ? `（附件 ${basisFiles.length} 份）` : ''}`, wide: true },
              { label: '集体决策', value: decision, wide: true },
              ...(d.remarks ? [{ label: '备注', value: d.remarks, wide: true }] : []),
              { label: '审批状态', value: state, wide: true },
            ]}
          />
          <SignatureBlocks steps={[{ label: '申请人', name: d.applicantName }, ...d.signatures.map((s) => toBlock(s))]} />
          <h2 className="exp-paper-subtitle">事后验收</h2>
          <FieldGrid
            fields={[
              { label: '验收人', value: d.acceptance?.witnessName ?? '' },
              { label: '验收日期', value: d.acceptance?.acceptedOn ?? '' },
              { label: '验收情况', value: d.acceptance?.result ?? '', wide: true },
              ...(d.acceptance?.lines.length
                ? [
                    {
                      label: '验收明细',
                      value: d.acceptance.lines.map((l, i) => `${i + 1}. ${l.name} × ${l.quantity}，单价 ¥${formatYuan(l.unitPriceFen)}${l.assetNumber ? `，资产编号 ${l.assetNumber}` : l.fixedAsset ? '，固定资产未登记卡片' : ''}`).join('\n'),
                      wide: true,
                    },
                  ]
                : []),
            ]}
          />
          <SignatureBlocks steps={[{ label: '验收人签字', name: d.acceptance?.witnessName, at: null }]} />
        </FormSheet>
      </div>
    </>
  );
}

function AdvanceSlip() {
  const { id = '' } = useParams();
  const audit: PrintAuditInfo = { register: EXP_REGISTER_ADVANCES, layout: 'form', objectId: id };
  const { data, error } = useFormPrint(async () => {
    const [d, meta] = await Promise.all([api.call('expenses.advanceGet', { id: Number(id) }), metaFor(EXP_REGISTER_ADVANCES)]);
    return { d, meta };
  }, audit);
  if (error) return <Alert type="error" title={error} />;
  if (!data) return null;
  const { d, meta } = data as { d: AdvanceDetail; meta: PrintMeta };
  const settled = d.settlements.length
    ? d.settlements
        .map((s) => `${s.on} ${s.kind === 'claim' ? `报销冲账（${s.claimNumber ?? ''}）` : s.kind === 'reversal' ? `红字冲销恢复（${s.claimNumber ?? ''}）` : '现金还款'} ¥${formatYuan(s.amountFen)}${s.note && s.kind === 'cash' ? `（${s.note}）` : ''}`)
        .join('\n')
    : '';
  return (
    <>
      <PrintToolbar title={`${meta.unitName}借款单 ${d.number}`} audit={audit} />
      <div className="exp-paper">
        <FormSheet unitName={meta.unitName} title="借款单" number={d.number} date={d.appliedOn} keyedAt={d.createdAt} footer={<FormFooter preparedBy={meta.preparedBy} generatedAt={meta.generatedAt} checkpoint={meta.checkpoint} />}>
          <FieldGrid
            fields={[
              { label: '借款人', value: d.borrowerName },
              { label: '部门', value: d.department },
              { label: '借款事由', value: d.purpose, wide: true },
              { label: '借款金额', value: <Amount fen={d.amountFen} />, wide: true },
              { label: '付款方式', value: d.paymentMethod === 'cash' ? '现金' : '转账' },
              { label: '还款期限', value: d.dueOn },
              { label: '借款日期', value: d.appliedOn },
              { label: '付款日期', value: d.paidOn ?? '' },
              { label: '结算情况', value: `已结清 ¥${formatYuan(d.settledFen)}，未结清 ¥${formatYuan(d.outstandingFen)}${settled ? `\n${settled}` : ''}`, wide: true },
              ...(d.remarks ? [{ label: '备注', value: d.remarks, wide: true }] : []),
            ]}
          />
          <SignatureBlocks steps={[{ label: '借款人', name: d.borrowerName }, ...d.signatures.map((s) => toBlock(s)), { label: '出纳付款' }]} />
        </FormSheet>
      </div>
    </>
  );
}
