// 借支: an advance applied for, approved, paid (cash from the petty-cash fund or by transfer), then
// settled by reimbursements (冲账) and/or cash returned; overdue ones are flagged. Prints as 借款单.
import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Flex, Form, Input, Radio, Row, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { methods } from '../../../db/contract';
import { ADVANCE_STATES, EXP_ADVANCE_OBJECT, EXP_REGISTER_ADVANCES, type AdvanceDetail, type AdvanceRow } from '../../../db/contract/expenses';
import { rmbUpper } from '../../../db/contract/money';
import { useApiMutation, useApiQuery } from '../../api';
import { hasRole, useMe } from '../../app/session';
import { dateOf, futureDay } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { KeywordFilter } from '../../components/KeywordFilter';
import { ListTable } from '../../components/ListTable';
import { toFen, yuan } from '../../components/money';
import { PersonSelect } from '../../components/PersonSelect';
import { StateFilter } from '../../components/StateFilter';
import { num, useListFilters } from '../../components/useListParams';
import { YearFilter } from '../../components/YearFilter';
import { fieldRule } from '../../components/zodRule';
import { openPrint } from '../../print';
import { ApproveDialog, EntryDrawer, EntryHistory, EXP_READS, KEEPER_ROLES, MoneyInput, RegisterToolbar, Section, SignatureChain, SIGNER_ROLES, StateTag, VoidDialog } from './shared';
import { Attachments } from '../../components/Attachments';

const PAGE_SIZE = 20;

export function Advances() {
  const { t } = useTranslation('expenses');
  const me = useMe();
  const keeper = hasRole(me, KEEPER_ROLES);
  const { params, set, thisYear, year, state, q, page } = useListFilters();
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number | null>(num(params.get('id')) ?? null);
  const overdue = params.get('overdue') === '1' || undefined;
  const list = useApiQuery('expenses.advanceList', { year, state, overdue, q, page, pageSize: PAGE_SIZE }, { placeholderData: (p) => p });
  const columns: TableColumnsType<AdvanceRow> = [
    {
      title: t('f.advanceNumber'),
      dataIndex: 'number',
      width: 170,
      render: (v: string, r) => (
        <Button type="link" size="small" className="exp-link" onClick={() => setOpenId(r.id)}>
          {v}
        </Button>
      ),
    },
    { title: t('f.appliedOn'), dataIndex: 'appliedOn', width: 100 },
    { title: t('f.borrower'), dataIndex: 'borrowerName', width: 80 },
    { title: t('f.department'), dataIndex: 'department', width: 100, ellipsis: true },
    { title: t('f.advancePurpose'), dataIndex: 'purpose', ellipsis: true },
    { title: t('f.advanceAmount'), dataIndex: 'amountFen', width: 110, align: 'right', render: (v: number) => yuan(v) },
    { title: t('f.dueOn'), dataIndex: 'dueOn', width: 100, render: (v: string, r) => (r.overdue ? <Typography.Text type="danger">{v}</Typography.Text> : v) },
    { title: t('f.outstanding'), dataIndex: 'outstandingFen', width: 110, align: 'right', render: (v: number) => yuan(v) },
    {
      title: t('f.state'),
      key: 'state',
      width: 130,
      render: (_, r) => (
        <>
          <StateTag group="advance" state={r.state} />
          {r.overdue ? <Tag className="tag-bad">{t('adv.overdueTag')}</Tag> : null}
        </>
      ),
    },
  ];
  const filter = { year, state, q, extra: overdue ? { overdue: true } : undefined };
  return (
    <>
      <Card size="small" className="filter-card">
        <Form layout="inline" className="filter-bar">
          <YearFilter year={year} onChange={(v) => set({ year: v === thisYear ? null : v })} />
          <StateFilter value={state} states={ADVANCE_STATES} label={(s) => t(`advanceState.${s}`)} set={set} />
          <Form.Item label={t('list.overdueOnly')}>
            <Switch aria-label={t('list.overdueOnly')} size="small" checked={!!overdue} onChange={(v) => set({ overdue: v ? 1 : null })} />
          </Form.Item>
          <KeywordFilter label={t('adv.keyword')} value={q} set={set} />
        </Form>
      </Card>
      <RegisterToolbar register={EXP_REGISTER_ADVANCES} filter={filter} year={year} paperName="借支登记簿" printText={t('adv.printRegister')} newText={keeper ? t('adv.new') : null} onNew={() => setCreating(true)} />
      <ErrorAlert error={list.error} />
      <ListTable<AdvanceRow>
        list={list}
        page={page}
        pageSize={PAGE_SIZE}
        set={set}
        columns={columns}
        onOpen={(r) => setOpenId(r.id)}
        rowClassName={(r) => (r.overdue ? 'exp-row-overdue' : '')}
        empty={t('adv.empty')}
        scroll={{ x: 1100 }}
      />
      {creating ? <AdvanceDialog onClose={() => setCreating(false)} onSaved={(id) => setOpenId(id)} /> : null}
      {openId ? <AdvanceDrawer id={openId} onClose={() => setOpenId(null)} /> : null}
    </>
  );
}

interface AdvanceValues {
  borrowerId?: number;
  purpose?: string;
  amount?: number;
  dueOn?: Dayjs;
  paymentMethod: 'cash' | 'transfer';
  appliedOn?: Dayjs;
  remarks?: string;
}

function AdvanceDialog({ onClose, onSaved }: { onClose: () => void; onSaved: (id: number) => void }) {
  const { t } = useTranslation('expenses');
  const { message } = App.useApp();
  const me = useMe();
  const m = useApiMutation('expenses.advance', EXP_READS);
  const settings = useApiQuery('expenses.settings', {}, { staleTime: 60_000 });
  const schema = methods['expenses.advance'].input;
  const months = settings.data?.advanceDueMonths ?? 2;
  return (
    <FormDialog<AdvanceValues>
      title={t('adv.newTitle')}
      okText={t('adv.submit')}
      width={680}
      initialValues={{ borrowerId: me.user.id, appliedOn: dayjs(), dueOn: dayjs().add(months, 'month'), paymentMethod: 'cash' }}
      fieldMap={{ amountFen: 'amount' }}
      onClose={onClose}
      onSubmit={async (v) => {
        const r = await m.mutateAsync({
          borrowerId: v.borrowerId ?? 0,
          purpose: v.purpose ?? '',
          amountFen: toFen(v.amount),
          dueOn: dateOf(v.dueOn),
          paymentMethod: v.paymentMethod,
          appliedOn: dateOf(v.appliedOn),
          remarks: v.remarks ?? '',
        });
        message.success(t('adv.created', { number: r.number }));
        onSaved(r.id);
      }}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="borrowerId" label={t('f.borrower')} rules={[{ required: true, message: t('v.person') }]}>
            <PersonSelect />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="appliedOn" label={t('f.appliedOn')} rules={[{ required: true, message: t('v.date') }]}>
            <DatePicker className="exp-wide" disabledDate={futureDay} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="purpose" label={t('f.advancePurpose')} rules={fieldRule(schema, 'purpose')}>
        <Input.TextArea rows={2} maxLength={300} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="amount" label={t('f.advanceAmountYuan')} rules={[{ required: true, message: t('v.amount') }]}>
            <MoneyInput className="exp-wide" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="paymentMethod" label={t('f.advancePay')}>
            <Radio.Group optionType="button" options={[{ value: 'cash', label: t('pay.cash') }, { value: 'transfer', label: t('pay.transfer') }]} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="dueOn" label={t('f.dueOn')} extra={t('adv.dueHint', { n: months })} rules={[{ required: true, message: t('v.date') }]}>
        <DatePicker className="exp-date" />
      </Form.Item>
      <Form.Item name="remarks" label={`${t('f.remarks')}${t('common.optional')}`}>
        <Input />
      </Form.Item>
    </FormDialog>
  );
}

export function AdvanceDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const q = useApiQuery('expenses.advanceGet', { id });
  return (
    <EntryDrawer query={q} group="advance" size={820} title={(d) => `${d.number} ${d.borrowerName}`} actDate={(d) => d.appliedOn} onClose={onClose}>
      {(d) => <AdvanceBody d={d} />}
    </EntryDrawer>
  );
}

function AdvanceBody({ d }: { d: AdvanceDetail }) {
  const { t } = useTranslation('expenses');
  const { message } = App.useApp();
  const me = useMe();
  const keeper = hasRole(me, KEEPER_ROLES);
  const signer = hasRole(me, SIGNER_ROLES);
  const [step, setStep] = useState<'approve' | 'pay' | 'return' | 'void' | null>(null);
  const approve = useApiMutation('expenses.advanceApprove', EXP_READS);
  const voidM = useApiMutation('expenses.advanceVoid', EXP_READS);
  const next = d.signatures.find((s) => !s.done);
  return (
    <>
      <Flex gap={8} wrap className="exp-actions">
        {signer && d.state === 'pending' && next ? (
          <Button type="primary" onClick={() => setStep('approve')}>
            {t('adv.approve', { step: next.step })}
          </Button>
        ) : null}
        {keeper && d.state === 'approved' ? (
          <Button type="primary" onClick={() => setStep('pay')}>
            {t('adv.pay')}
          </Button>
        ) : null}
        {keeper && d.state === 'outstanding' ? (
          <Button type="primary" onClick={() => setStep('return')}>
            {t('adv.return')}
          </Button>
        ) : null}
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => void openPrint(`/print/expenses/advance/${d.id}`, { suggestedName: `借款单-${d.number}` })}>
          {t('adv.printForm')}
        </Button>
        {keeper && (d.state === 'pending' || d.state === 'approved') ? (
          <Button danger onClick={() => setStep('void')}>
            {t('adv.void')}
          </Button>
        ) : null}
      </Flex>
      {d.state === 'void' ? <Alert className="form-alert" type="warning" showIcon title={`${t('advanceState.void')}：${d.voidReason ?? ''}`} /> : null}
      {d.overdue ? <Alert className="form-alert" type="error" showIcon title={t('adv.overdue', { due: d.dueOn, v: yuan(d.outstandingFen) })} /> : null}
      <Descriptions size="small" column={2} bordered className="exp-detail">
        <Descriptions.Item label={t('f.borrower')}>
          {d.borrowerName}
          {d.department ? <Typography.Text type="secondary">（{d.department}）</Typography.Text> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('f.appliedOn')}>{d.appliedOn}</Descriptions.Item>
        <Descriptions.Item label={t('f.advancePurpose')} span={2}>
          {d.purpose}
        </Descriptions.Item>
        <Descriptions.Item label={t('f.advanceAmount')} span={2}>
          {t('common.yuanOf', { v: yuan(d.amountFen) })}　<span className="exp-upper">{rmbUpper(d.amountFen)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('f.advancePay')}>{t(`pay.${d.paymentMethod}`)}</Descriptions.Item>
        <Descriptions.Item label={t('f.dueOn')}>{d.dueOn}</Descriptions.Item>
        <Descriptions.Item label={t('f.paidOn')}>{d.paidOn ?? t('adv.notPaid')}</Descriptions.Item>
        <Descriptions.Item label={t('f.settled')}>
          {t('common.yuanOf', { v: yuan(d.settledFen) })}
          <Typography.Text type={d.outstandingFen ? 'danger' : 'secondary'}>　{t('adv.outstandingOf', { v: yuan(d.outstandingFen) })}</Typography.Text>
        </Descriptions.Item>
        {d.remarks ? (
          <Descriptions.Item label={t('f.remarks')} span={2}>
            {d.remarks}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('f.recordedBy')}>{d.recordedByName}</Descriptions.Item>
        <Descriptions.Item label={t('f.approvers')}>{d.approvers}</Descriptions.Item>
      </Descriptions>
      <Section>{t('adv.chain')}</Section>
      <SignatureChain signatures={d.signatures} />
      <Section>{t('adv.settlements')}</Section>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={d.settlements}
        className="exp-subtable"
        locale={{ emptyText: t('adv.noSettlements') }}
        columns={[
          { title: t('f.date'), dataIndex: 'on', width: 110 },
          { title: t('f.settleKind'), dataIndex: 'kind', width: 120, render: (k: 'claim' | 'cash' | 'reversal') => t(`settle.${k}`) },
          { title: t('f.claimNumber'), dataIndex: 'claimNumber', width: 180 },
          { title: t('f.amount'), dataIndex: 'amountFen', width: 120, align: 'right', render: (v: number) => yuan(v) },
          { title: t('f.note'), dataIndex: 'note', ellipsis: true },
          { title: t('f.recordedBy'), dataIndex: 'recordedByName', width: 80 },
        ]}
      />
      <Attachments register="expenses" reads={EXP_READS} objectType={EXP_ADVANCE_OBJECT} objectId={d.id} attachments={d.attachments} kinds={['other', 'basis']} canUpload={keeper && d.state === 'pending' && !d.signatures.some((x) => x.done)} />
      <EntryHistory objectType={EXP_ADVANCE_OBJECT} objectId={d.id} />
      {step === 'approve' && next ? (
        <ApproveDialog
          title={t('adv.approveTitle', { step: next.step, number: d.number })}
          okText={t('app.approveOk')}
          intro={<Typography.Paragraph>{t('adv.approveIntro', { who: next.who, name: d.borrowerName, amount: yuan(d.amountFen) })}</Typography.Paragraph>}
          onClose={() => setStep(null)}
          onSubmit={async (approval) => {
            await approve.mutateAsync({ id: d.id, approval });
            message.success(t('app.approved'));
          }}
        />
      ) : null}
      {step === 'pay' ? <PayAdvanceDialog d={d} onClose={() => setStep(null)} /> : null}
      {step === 'return' ? <ReturnDialog d={d} onClose={() => setStep(null)} /> : null}
      {step === 'void' ? (
        <VoidDialog
          title={t('adv.voidTitle', { number: d.number })}
          okText={t('adv.void')}
          onClose={() => setStep(null)}
          onSubmit={(reason) => voidM.mutateAsync({ id: d.id, reason })}
        />
      ) : null}
    </>
  );
}

function PayAdvanceDialog({ d, onClose }: { d: AdvanceDetail; onClose: () => void }) {
  const { t } = useTranslation('expenses');
  const { message } = App.useApp();
  const m = useApiMutation('expenses.advancePay', EXP_READS);
  const cash = useApiQuery('expenses.cashStatus', {}, { enabled: d.paymentMethod === 'cash' });
  return (
    <FormDialog<{ paidOn?: Dayjs }>
      title={t('adv.payTitle', { number: d.number })}
      okText={t('adv.pay')}
      width={560}
      initialValues={{ paidOn: dayjs() }}
      onClose={onClose}
      onSubmit={async (v) => {
        await m.mutateAsync({ id: d.id, paidOn: dateOf(v.paidOn) });
        message.success(t('adv.paid'));
      }}
    >
      <Typography.Paragraph>
        {t('adv.payIntro', { name: d.borrowerName, v: yuan(d.amountFen), how: t(`pay.${d.paymentMethod}`) })}
        {d.paymentMethod === 'cash' && cash.data ? t('claim.cashBalance', { v: yuan(cash.data.balanceFen) }) : ''}
      </Typography.Paragraph>
      <Form.Item name="paidOn" label={t('f.paidOn')} rules={[{ required: true, message: t('v.date') }]}>
        <DatePicker className="exp-date" disabledDate={futureDay} />
      </Form.Item>
    </FormDialog>
  );
}

function ReturnDialog({ d, onClose }: { d: AdvanceDetail; onClose: () => void }) {
  const { t } = useTranslation('expenses');
  const { message } = App.useApp();
  const m = useApiMutation('expenses.advanceReturn', EXP_READS);
  return (
    <FormDialog<{ amount?: number; returnedOn?: Dayjs; note?: string }>
      title={t('adv.returnTitle', { number: d.number })}
      okText={t('adv.return')}
      width={600}
      initialValues={{ amount: d.outstandingFen / 100, returnedOn: dayjs() }}
      fieldMap={{ amountFen: 'amount' }}
      onClose={onClose}
      onSubmit={async (v) => {
        await m.mutateAsync({ id: d.id, amountFen: toFen(v.amount), returnedOn: dateOf(v.returnedOn), note: v.note ?? '' });
        message.success(t('adv.returned'));
      }}
    >
      <Typography.Paragraph>{t('adv.returnIntro', { v: yuan(d.outstandingFen) })}</Typography.Paragraph>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="amount" label={t('f.returnAmount')} rules={[{ required: true, message: t('v.amount') }]}>
            <MoneyInput className="exp-wide" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="returnedOn" label={t('f.returnedOn')} rules={[{ required: true, message: t('v.date') }]}>
            <DatePicker className="exp-wide" disabledDate={futureDay} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={`${t('f.note')}${t('common.optional')}`}>
        <Input maxLength={200} />
      </Form.Item>
    </FormDialog>
  );
}
