// 报销: a reimbursement made from an approved application, with its invoices (the same invoice can
// never be paid twice), receipts attached and shown inline, the signature chain 经办人 → 验收人 →
// 科室负责人 → 分管领导（合规性审核）→ 财务审核 → 单位负责人, then paid with the voucher number.
import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Flex, Form, Input, Radio, Row, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { MinusCircleOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CLAIM_STATES, claimLineInput, EXP_CLAIM_OBJECT, EXP_REGISTER_CLAIMS, PAYMENT_METHODS, type ClaimDetail, type ClaimRow, type PaymentMethod } from '../../../db/contract/expenses';
import { rmbUpper } from '../../../db/contract/money';
import { useApiMutation, useApiQuery } from '../../api';
import { hasRole, useMe } from '../../app/session';
import { dateOf, futureDay } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { KeywordFilter } from '../../components/KeywordFilter';
import { ListTable } from '../../components/ListTable';
import { toFen, yuan } from '../../components/money';
import { StateFilter } from '../../components/StateFilter';
import { useDebounced } from '../../components/useDebounced';
import { fieldRule, zodRule } from '../../components/zodRule';
import { methods } from '../../../db/contract';
import { num, useListFilters } from '../../components/useListParams';
import { YearFilter } from '../../components/YearFilter';
import { openPrint } from '../../print';
import { ApproveDialog, EntryDrawer, EntryHistory, EXP_READS, KEEPER_ROLES, MoneyInput, RegisterToolbar, Section, SignatureChain, SIGNER_ROLES, StateTag, VoidDialog } from './shared';
import { Attachments } from '../../components/Attachments';

const PAGE_SIZE = 20;
/** The step whose signer reviews legality and compliance and must write a comment. */
export const COMPLIANCE_STEP = '分管领导';

export function Claims() {
  const { t } = useTranslation('expenses');
  const me = useMe();
  const keeper = hasRole(me, KEEPER_ROLES);
  const { params, set, thisYear, year, state, q, page } = useListFilters();
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number | null>(num(params.get('id')) ?? null);
  const categoryId = num(params.get('category'));
  const paymentMethod = (params.get('pay') as PaymentMethod | null) ?? undefined;
  const list = useApiQuery('expenses.list', { year, state, categoryId, paymentMethod, q, page, pageSize: PAGE_SIZE }, { placeholderData: (p) => p });
  const cats = useApiQuery('expenses.categories', { includeInactive: true }, { staleTime: 60_000 });
  const columns: TableColumnsType<ClaimRow> = [
    {
      title: t('f.claimNumber'),
      dataIndex: 'number',
      width: 170,
      render: (v: string, r) => (
        <Button type="link" size="small" className="exp-link" onClick={() => setOpenId(r.id)}>
          {v}
        </Button>
      ),
    },
    { title: t('f.claimedOn'), dataIndex: 'claimedOn', width: 100 },
    { title: t('f.handler'), dataIndex: 'applicantName', width: 76 },
    { title: t('f.category'), dataIndex: 'categoryName', width: 110, ellipsis: true },
    { title: t('f.purpose'), dataIndex: 'purpose', ellipsis: true },
    {
      title: t('f.total'),
      dataIndex: 'totalFen',
      width: 120,
      align: 'right',
      render: (v: number, r) => (
        <>
          {yuan(v)}
          {r.overApproved ? <Tag className="tag-bad exp-tag-gap">{t('claim.overTag')}</Tag> : null}
        </>
      ),
    },
    { title: t('f.receipts'), dataIndex: 'receipts', width: 76, align: 'center' },
    { title: t('f.paymentMethod'), dataIndex: 'paymentMethod', width: 76, render: (v: PaymentMethod) => t(`pay.${v}`) },
    {
      title: t('f.state'),
      key: 'state',
      width: 170,
      render: (_, r) => (
        <>
          <StateTag group="claim" state={r.state} />
          {r.state === 'signing' && r.nextStep ? <Typography.Text type="secondary">{t('claim.waitFor', { step: r.nextStep })}</Typography.Text> : null}
          {r.state === 'paid' && r.voucherNo ? <Typography.Text type="secondary">{r.voucherNo}</Typography.Text> : null}
          {r.reversed ? <Tag className="tag-bad">{t('claim.reversed')}</Tag> : null}
        </>
      ),
    },
  ];
  const filter = { year, state, q, extra: { ...(categoryId ? { categoryId } : {}), ...(paymentMethod ? { paymentMethod } : {}) } };
  return (
    <>
      <Card size="small" className="filter-card">
        <Form layout="inline" className="filter-bar">
          <YearFilter year={year} onChange={(v) => set({ year: v === thisYear ? null : v })} />
          <StateFilter value={state} states={CLAIM_STATES} label={(s) => t(`claimState.${s}`)} set={set} />
          <Form.Item>
            <Select aria-label={t('f.category')} className="filter-select" allowClear placeholder={t('list.anyCategory')} value={categoryId} onChange={(v) => set({ category: v })} options={(cats.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
          <Form.Item>
            <Select aria-label={t('f.paymentMethod')} className="filter-select-narrow" allowClear placeholder={t('f.paymentMethod')} value={paymentMethod} onChange={(v) => set({ pay: v })} options={PAYMENT_METHODS.map((p) => ({ value: p, label: t(`pay.${p}`) }))} />
          </Form.Item>
          <KeywordFilter label={t('claim.keyword')} value={q} set={set} />
        </Form>
      </Card>
      <RegisterToolbar register={EXP_REGISTER_CLAIMS} filter={filter} year={year} paperName="费用报销登记簿" printText={t('claim.printRegister')} newText={keeper ? t('claim.new') : null} onNew={() => setCreating(true)} />
      <ErrorAlert error={list.error} />
      <ListTable<ClaimRow>
        list={list}
        page={page}
        pageSize={PAGE_SIZE}
        set={set}
        columns={columns}
        onOpen={(r) => setOpenId(r.id)}
        empty={t('claim.empty')}
        scroll={{ x: 1100 }}
      />
      {creating ? <ClaimDialog onClose={() => setCreating(false)} onSaved={(id) => setOpenId(id)} /> : null}
      {openId ? <ClaimDrawer id={openId} onClose={() => setOpenId(null)} /> : null}
    </>
  );
}

interface LineValues {
  invoiceNo?: string;
  invoiceDate?: Dayjs;
  description?: string;
  amount?: number;
}
interface ClaimValues {
  applicationId?: number;
  advanceId?: number | null;
  paymentMethod: PaymentMethod;
  payee?: string;
  lines: LineValues[];
  remarks?: string;
}

/** The core names `lines.3.amountFen`; the form holds 元 in `lines.3.amount`. */
const LINE_FIELDS = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`lines.${i}.amountFen`, ['lines', i, 'amount']]));

/** An approved application, searched by number, applicant or purpose. */
function ApprovedAppSelect({ value, onChange, id, ...rest }: { value?: number | null; onChange?: (v: number | null) => void; id?: string; 'aria-label'?: string }) {
  const { t } = useTranslation('expenses');
  const [q, setQ] = useState('');
  const dq = useDebounced(q, 200);
  const list = useApiQuery('expenses.appList', { state: 'approved', q: dq || undefined, page: 1, pageSize: 30 }, { placeholderData: (p) => p, staleTime: 10_000 });
  const current = useApiQuery('expenses.appGet', { id: value ?? 0 }, { enabled: !!value, staleTime: 10_000 });
  const rows = [...(list.data?.rows ?? [])];
  if (current.data && !rows.some((r) => r.id === current.data!.id)) rows.unshift(current.data);
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      placeholder={t('claim.appPlaceholder')}
      onChange={(v) => onChange?.((v as number | undefined) ?? null)}
      loading={list.isFetching}
      notFoundContent={t('claim.noApps')}
      options={rows.map((r) => ({ value: r.id, label: `${r.number} ${r.applicantName} ${r.categoryName}：${r.purpose}（${yuan(r.estimatedFen)} ${t('common.yuan')}）` }))}
    />
  );
}

export function ClaimDialog({ applicationId, onClose, onSaved }: { applicationId?: number; onClose: () => void; onSaved: (id: number) => void }) {
  const { t } = useTranslation('expenses');
  const { message } = App.useApp();
  const m = useApiMutation('expenses.claim', EXP_READS);
  const [form] = Form.useForm<ClaimValues>();
  const appId = Form.useWatch('applicationId', form) ?? applicationId;
  const lines = Form.useWatch('lines', form) as LineValues[] | undefined;
  const app = useApiQuery('expenses.appGet', { id: appId ?? 0 }, { enabled: !!appId });
  const a = app.data;
  const advances = useApiQuery('expenses.advanceList', { borrowerId: a?.applicantId, state: 'outstanding', page: 1, pageSize: 50 }, { enabled: !!a });
  const total = (lines ?? []).reduce((s, l) => s + (typeof l?.amount === 'number' ? Math.round(l.amount * 100) : 0), 0);
  const remaining = a ? a.estimatedFen - a.claimedFen : 0;
  return (
    <FormDialog<ClaimValues>
      title={t('claim.newTitle')}
      okText={t('claim.submit')}
      width={960}
      form={form}
      initialValues={{ applicationId, paymentMethod: 'card', lines: [{ invoiceDate: dayjs() }] }}
      fieldMap={LINE_FIELDS}
      onClose={onClose}
      onSubmit={async (v) => {
        const r = await m.mutateAsync({
          applicationId: v.applicationId ?? 0,
          advanceId: v.advanceId ?? null,
          paymentMethod: v.paymentMethod,
          payee: v.payee ?? '',
          remarks: v.remarks ?? '',
          lines: (v.lines ?? []).map((l) => ({ invoiceNo: (l.invoiceNo ?? '').trim(), invoiceDate: dateOf(l.invoiceDate) ?? '', description: l.description ?? '', amountFen: toFen(l.amount) })),
        });
        message.success(t('claim.created', { number: r.number }));
        onSaved(r.id);
      }}
    >
      <Form.Item name="applicationId" label={t('f.application')} rules={[{ required: true, message: t('v.application') }]}>
        <ApprovedAppSelect />
      </Form.Item>
      {a ? (
        <Descriptions size="small" column={3} bordered className="exp-detail">
          <Descriptions.Item label={t('f.handler')}>{a.applicantName}</Descriptions.Item>
          <Descriptions.Item label={t('f.category')}>{a.categoryName}</Descriptions.Item>
          <Descriptions.Item label={t('f.approvedAmount')}>{t('common.yuanOf', { v: yuan(a.estimatedFen) })}</Descriptions.Item>
          <Descriptions.Item label={t('f.purpose')} span={2}>
            {a.purpose}
          </Descriptions.Item>
          <Descriptions.Item label={t('f.claimed')}>{t('common.yuanOf', { v: yuan(a.claimedFen) })}</Descriptions.Item>
        </Descriptions>
      ) : null}
      {a && a.claimBlockers.length ? (
        <Alert
          className="form-alert"
          type="warning"
          showIcon
          title={t('app.blockers')}
          description={
            <ul className="exp-plain-list">
              {a.claimBlockers.map((b) => (
                <li key={b}>{b}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Row gutter={16}>
        <Col span={9}>
          <Form.Item name="paymentMethod" label={t('f.paymentMethod')}>
            <Radio.Group optionType="button" options={PAYMENT_METHODS.map((p) => ({ value: p, label: t(`pay.${p}`) }))} />
          </Form.Item>
        </Col>
        <Col span={15}>
          <Form.Item name="payee" label={`${t('f.payee')}${t('common.optional')}`}>
            <Input placeholder={t('claim.payeeExample')} />
          </Form.Item>
        </Col>
      </Row>
      {advances.data?.rows.length ? (
        <Form.Item name="advanceId" label={`${t('f.offsetAdvance')}${t('common.optional')}`} extra={t('claim.offsetHint')}>
          <Select
            allowClear
            options={advances.data.rows.map((x) => ({ value: x.id, label: `${x.number} ${x.purpose}（${t('claim.outstandingOf', { v: yuan(x.outstandingFen) })}）` }))}
          />
        </Form.Item>
      ) : null}
      <Typography.Text strong>{t('claim.lines')}</Typography.Text>
      <Flex gap={8} className="exp-line-head" aria-hidden>
        <span className="exp-line-invoice">{t('f.invoiceNo')}</span>
        <span className="exp-line-date">{t('f.invoiceDate')}</span>
        <span className="exp-grow">{t('f.description')}</span>
        <span className="exp-line-money">{t('f.amountYuan')}</span>
        <span className="exp-line-btn" />
      </Flex>
      <Form.List name="lines" rules={[{ validator: async (_, v: unknown[]) => (v?.length ? undefined : Promise.reject(new Error(t('v.lines')))) }]}>
        {(fields, { add, remove }, { errors }) => (
          <div className="exp-lines">
            {fields.map((field, i) => (
              <Flex key={field.key} gap={8} align="start" className="exp-line">
                <Form.Item name={[field.name, 'invoiceNo']} rules={[zodRule(claimLineInput.shape.invoiceNo)]} className="exp-line-invoice">
                  <Input aria-label={`${t('f.invoiceNo')} ${i + 1}`} placeholder={t('f.invoiceNo')} maxLength={60} />
                </Form.Item>
                <Form.Item name={[field.name, 'invoiceDate']} rules={[{ required: true, message: t('v.date') }]} className="exp-line-date">
                  <DatePicker aria-label={`${t('f.invoiceDate')} ${i + 1}`} className="exp-wide" disabledDate={futureDay} />
                </Form.Item>
                <Form.Item name={[field.name, 'description']} rules={[{ required: true, whitespace: true, message: t('v.description') }]} className="exp-grow">
                  <Input aria-label={`${t('f.description')} ${i + 1}`} placeholder={t('f.description')} maxLength={100} />
                </Form.Item>
                <Form.Item name={[field.name, 'amount']} rules={[{ required: true, message: t('v.amount') }]} className="exp-line-money">
                  <MoneyInput aria-label={`${t('f.amountYuan')} ${i + 1}`} placeholder={t('f.amount')} className="exp-wide" />
                </Form.Item>
                <span className="exp-line-btn">
                  {fields.length > 1 ? <Button type="text" aria-label={`${t('common.removeLine')} ${i + 1}`} icon={<MinusCircleOutlined aria-hidden />} onClick={() => remove(field.name)} /> : null}
                </span>
              </Flex>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" size="small" icon={<PlusOutlined aria-hidden />} onClick={() => add({ invoiceDate: dayjs() })}>
              {t('claim.addLine')}
            </Button>
          </div>
        )}
      </Form.List>
      <div className="exp-total" data-testid="claim-total">
        {t('claim.totalIs', { v: yuan(total) })}
        {total > 0 && total < 1e14 ? <span className="exp-upper">（{rmbUpper(total)}）</span> : null}
      </div>
      {a && total > remaining ? <Alert className="form-alert" type="warning" showIcon title={t('claim.overHint', { v: yuan(remaining) })} /> : null}
      <Form.Item name="remarks" label={`${t('f.remarks')}${t('common.optional')}`}>
        <Input />
      </Form.Item>
    </FormDialog>
  );
}

export function ClaimDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const q = useApiQuery('expenses.get', { id });
  return (
    <EntryDrawer query={q} group="claim" size={900} title={(d) => `${d.number} ${d.categoryName}`} actDate={(d) => d.claimedOn} onClose={onClose}>
      {(d) => <ClaimBody d={d} />}
    </EntryDrawer>
  );
}

function ClaimBody({ d }: { d: ClaimDetail }) {
  const { t } = useTranslation('expenses');
  const { message } = App.useApp();
  const me = useMe();
  const keeper = hasRole(me, KEEPER_ROLES);
  const signer = hasRole(me, SIGNER_ROLES);
  const [step, setStep] = useState<'sign' | 'pay' | 'void' | 'reverse' | null>(null);
  const sign = useApiMutation('expenses.sign', EXP_READS);
  const voidM = useApiMutation('expenses.claimVoid', EXP_READS);
  const next = d.signatures.find((s) => !s.done);
  const compliance = d.nextStep === COMPLIANCE_STEP;
  return (
    <>
      <Flex gap={8} wrap className="exp-actions">
        {signer && d.state === 'signing' && d.nextStep ? (
          <Button type="primary" onClick={() => setStep('sign')}>
            {t('claim.sign', { step: d.nextStep })}
          </Button>
        ) : null}
        {keeper && d.state === 'approved' ? (
          <Button type="primary" onClick={() => setStep('pay')}>
            {t('claim.pay')}
          </Button>
        ) : null}
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => void openPrint(`/print/expenses/claim/${d.id}`, { suggestedName: `费用报销审批单-${d.number}` })}>
          {t('claim.printForm')}
        </Button>
        {keeper && (d.state === 'signing' || d.state === 'approved') ? (
          <Button danger onClick={() => setStep('void')}>
            {t('claim.void')}
          </Button>
        ) : null}
        {keeper && d.state === 'paid' && !d.reversal ? (
          <Button danger onClick={() => setStep('reverse')}>
            {t('claim.reverse')}
          </Button>
        ) : null}
      </Flex>
      {d.reversal ? (
        <Alert
          className="form-alert"
          type="warning"
          showIcon
          data-testid="claim-reversal"
          title={t('claim.reversedLine', { on: d.reversal.on, voucher: d.reversal.voucherNo, reason: d.reversal.reason, by: d.reversal.byName })}
          description={[d.reversal.cashBackFen ? t('claim.reversedCash', { v: yuan(d.reversal.cashBackFen) }) : '', d.reversal.advanceReopenedFen ? t('claim.reversedAdvance', { v: yuan(d.reversal.advanceReopenedFen) }) : ''].filter(Boolean).join('；') || undefined}
        />
      ) : null}
      {d.state === 'void' ? <Alert className="form-alert" type="warning" showIcon title={`${t('claimState.void')}：${d.voidReason ?? ''}`} /> : null}
      {d.state === 'signing' && !d.signatures.some((x) => x.done) ? <Alert className="form-alert" type="info" showIcon title={d.receipts ? t('claim.receiptsFirstDone', { n: d.receipts }) : t('claim.receiptsFirst')} /> : null}
      {d.overApproved ? <Alert className="form-alert" type="warning" showIcon title={t('claim.overApproved', { total: yuan(d.totalFen), approved: yuan(d.approvedFen) })} /> : null}
      <Descriptions size="small" column={2} bordered className="exp-detail">
        <Descriptions.Item label={t('f.handler')}>
          {d.applicantName}
          {d.department ? <Typography.Text type="secondary">（{d.department}）</Typography.Text> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('f.claimedOn')}>{d.claimedOn}</Descriptions.Item>
        <Descriptions.Item label={t('f.application')}>{d.applicationNumber}</Descriptions.Item>
        <Descriptions.Item label={t('f.category')}>{d.categoryName}</Descriptions.Item>
        <Descriptions.Item label={t('f.purpose')} span={2}>
          {d.purpose}
        </Descriptions.Item>
        <Descriptions.Item label={t('f.budgetItem')}>{d.budgetItem}</Descriptions.Item>
        <Descriptions.Item label={t('f.basisDoc')}>{d.basisDoc || t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('f.total')} span={2}>
          <span data-testid="claim-amount">
            {t('common.yuanOf', { v: yuan(d.totalFen) })}　<span className="exp-upper">{rmbUpper(d.totalFen)}</span>
          </span>
          <Typography.Text type="secondary">　{t('claim.approvedOf', { v: yuan(d.approvedFen) })}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('f.paymentMethod')}>{t(`pay.${d.paymentMethod}`)}</Descriptions.Item>
        <Descriptions.Item label={t('f.payee')}>{d.payee || t('common.none')}</Descriptions.Item>
        {d.advanceNumber ? (
          <Descriptions.Item label={t('f.offsetAdvance')} span={2}>
            {d.advanceNumber}
            {d.offsetFen ? `　${t('claim.offsetOf', { v: yuan(d.offsetFen) })}` : `　${t('claim.offsetAtPay')}`}
          </Descriptions.Item>
        ) : null}
        {d.state === 'paid' ? (
          <>
            <Descriptions.Item label={t('f.paidOn')}>{d.paidOn}</Descriptions.Item>
            <Descriptions.Item label={t('f.voucherNo')}>{d.voucherNo}</Descriptions.Item>
          </>
        ) : null}
        {d.remarks ? (
          <Descriptions.Item label={t('f.remarks')} span={2}>
            {d.remarks}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('f.recordedBy')}>{d.recordedByName}</Descriptions.Item>
        <Descriptions.Item label={t('f.receipts')}>{t('claim.receiptsN', { n: d.receipts })}</Descriptions.Item>
      </Descriptions>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={d.lines}
        className="exp-subtable"
        columns={[
          { title: t('f.invoiceNo'), dataIndex: 'invoiceNo', width: 200 },
          { title: t('f.invoiceDate'), dataIndex: 'invoiceDate', width: 110 },
          { title: t('f.description'), dataIndex: 'description' },
          { title: t('f.amount'), dataIndex: 'amountFen', width: 120, align: 'right', render: (v: number) => yuan(v) },
        ]}
      />
      <Attachments
        register="expenses"
        reads={EXP_READS}
        objectType={EXP_CLAIM_OBJECT}
        objectId={d.id}
        attachments={d.attachments}
        kinds={['receipt', 'other']}
        canUpload={keeper && d.state === 'signing' && !d.signatures.some((x) => x.done)}
        inline
        title={t('claim.receiptsTitle')}
      />
      <Section>{t('claim.chain')}</Section>
      <SignatureChain signatures={d.signatures} compliance={COMPLIANCE_STEP} />
      {d.acceptance ? (
        <Typography.Paragraph className="exp-section">
          {t('claim.acceptanceLine', { witness: d.acceptance.witnessName, date: d.acceptance.acceptedOn })}
          {d.acceptance.result}
        </Typography.Paragraph>
      ) : null}
      <EntryHistory objectType={EXP_CLAIM_OBJECT} objectId={d.id} />
      {step === 'sign' && next ? (
        <ApproveDialog
          title={t('claim.signTitle', { step: d.nextStep ?? next.step, number: d.number })}
          okText={t('claim.signOk')}
          intro={<Typography.Paragraph>{t('claim.signIntro', { who: next.who, amount: yuan(d.totalFen) })}</Typography.Paragraph>}
          commentLabel={compliance ? t('claim.complianceComment') : undefined}
          commentRequired={compliance}
          commentHint={compliance ? t('claim.complianceHint') : undefined}
          onClose={() => setStep(null)}
          onSubmit={async (approval) => {
            await sign.mutateAsync({ id: d.id, approval });
            message.success(t('claim.signed'));
          }}
        />
      ) : null}
      {step === 'pay' ? <PayDialog d={d} onClose={() => setStep(null)} /> : null}
      {step === 'reverse' ? <ReverseDialog d={d} onClose={() => setStep(null)} /> : null}
      {step === 'void' ? (
        <VoidDialog
          title={t('claim.voidTitle', { number: d.number })}
          okText={t('claim.void')}
          onClose={() => setStep(null)}
          onSubmit={(reason) => voidM.mutateAsync({ id: d.id, reason })}
        />
      ) : null}
    </>
  );
}

/** 红字冲销: the paid claim stays as paid; the reversal undoes its payment and frees its invoices. */
function ReverseDialog({ d, onClose }: { d: ClaimDetail; onClose: () => void }) {
  const { t } = useTranslation('expenses');
  const { message } = App.useApp();
  const m = useApiMutation('expenses.claimReverse', EXP_READS);
  const input = methods['expenses.claimReverse'].input;
  return (
    <FormDialog<{ reversedOn?: Dayjs; voucherNo?: string; reason?: string }>
      title={t('claim.reverseTitle', { number: d.number })}
      okText={t('claim.reverse')}
      danger
      width={600}
      initialValues={{ reversedOn: dayjs() }}
      onClose={onClose}
      onSubmit={async (v) => {
        await m.mutateAsync({ id: d.id, reversedOn: dateOf(v.reversedOn), voucherNo: v.voucherNo ?? '', reason: v.reason ?? '' });
        message.success(t('claim.reversed'));
      }}
    >
      <Typography.Paragraph type="secondary">{t('claim.reverseHint', { amount: yuan(d.totalFen) })}</Typography.Paragraph>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="reversedOn" label={t('f.reversedOn')} rules={[{ required: true, message: t('v.date') }]}>
            <DatePicker className="exp-wide" disabledDate={futureDay} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="voucherNo" label={t('f.redVoucherNo')} rules={fieldRule(input, 'voucherNo')}>
            <Input placeholder={t('claim.voucherExample')} maxLength={40} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="reason" label={t('f.reverseReason')} rules={fieldRule(input, 'reason')}>
        <Input.TextArea rows={2} maxLength={300} showCount />
      </Form.Item>
    </FormDialog>
  );
}

function PayDialog({ d, onClose }: { d: ClaimDetail; onClose: () => void }) {
  const { t } = useTranslation('expenses');
  const { message } = App.useApp();
  const m = useApiMutation('expenses.pay', EXP_READS);
  const cash = useApiQuery('expenses.cashStatus', {}, { enabled: d.paymentMethod === 'cash' });
  return (
    <FormDialog<{ paidOn?: Dayjs; voucherNo?: string }>
      title={t('claim.payTitle', { number: d.number })}
      okText={t('claim.pay')}
      width={600}
      initialValues={{ paidOn: dayjs() }}
      onClose={onClose}
      onSubmit={async (v) => {
        await m.mutateAsync({ id: d.id, paidOn: dateOf(v.paidOn), voucherNo: v.voucherNo ?? '' });
        message.success(t('claim.paid'));
      }}
    >
      <Descriptions size="small" column={1} bordered className="exp-detail">
        <Descriptions.Item label={t('f.total')}>
          {t('common.yuanOf', { v: yuan(d.totalFen) })}　<span className="exp-upper">{rmbUpper(d.totalFen)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('f.paymentMethod')}>
          {t(`pay.${d.paymentMethod}`)}
          {d.paymentMethod === 'cash' && cash.data ? <Typography.Text type="secondary">　{t('claim.cashBalance', { v: yuan(cash.data.balanceFen) })}</Typography.Text> : null}
        </Descriptions.Item>
        {d.advanceNumber ? <Descriptions.Item label={t('f.offsetAdvance')}>{t('claim.offsetPay', { number: d.advanceNumber })}</Descriptions.Item> : null}
      </Descriptions>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="paidOn" label={t('f.paidOn')} rules={[{ required: true, message: t('v.date') }]}>
            <DatePicker className="exp-wide" disabledDate={futureDay} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="voucherNo" label={t('f.voucherNo')} rules={[{ required: true, whitespace: true, message: t('v.voucherNo') }]}>
            <Input placeholder={t('claim.voucherExample')} maxLength={40} />
          </Form.Item>
        </Col>
      </Row>
    </FormDialog>
  );
}
