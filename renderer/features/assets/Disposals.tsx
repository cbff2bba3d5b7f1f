// 资产处置: requests (from the selected cards), approval (co-sign or paper), execution, the collective
// decision link (三重一大) and its 待集体决策核验 flag, void; the 处置审批表 prints per request.
import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Drawer, Flex, Form, Input, InputNumber, Select, Skeleton, Table, Tabs, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { methods } from '../../../db/contract';
import { DISPOSAL_STATES, type DisposalDetail, type DisposalRow, type DisposalState } from '../../../db/contract/assets';
import { useApiMutation, useApiQuery } from '../../api';
import { hasRole, useMe } from '../../app/session';
import { ApprovalFields, approvalDefaults, approvalOf, type ApprovalValues } from '../../components/ApprovalFields';
import { AuditTrail } from '../../components/AuditTrail';
import { dateOf, fmtTime, futureDay, years } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { KeywordFilter } from '../../components/KeywordFilter';
import { toFen, yuan } from '../../components/money';
import { ExportButtons } from '../../components/output';
import { num, useListParams } from '../../components/useListParams';
import { fieldRule } from '../../components/zodRule';
import { openPrint, registerPrintRoute } from '../../print';
import { Approvals, useSupplyApprovalText } from '../supplies/shared';
import { ASSET_READS, DecisionFields, STATUS_CLASS } from './Cards';

const STATE_CLASS: Record<DisposalState, string> = { pending: 'tag-warn', approved: 'tag-ok', rejected: 'tag-bad', done: 'tag-off', void: 'tag-off' };

export function Disposals() {
  const { t } = useTranslation('assets');
  const [params, setParams] = useSearchParams();
  const set = useListParams(params, setParams);
  const [openId, setOpenId] = useState<number | null>(num(params.get('id')) ?? null);
  const year = num(params.get('year'));
  const state = params.get('state') ?? undefined;
  const q = params.get('q') ?? undefined;
  const page = num(params.get('page')) ?? 1;
  const list = useApiQuery('assets.disposalList', { year, state, q, page, pageSize: 20 }, { placeholderData: (p) => p });
  const columns: TableColumnsType<DisposalRow> = [
    {
      title: t('f.docNumber'),
      dataIndex: 'number',
      width: 160,
      render: (v: string, r) => (
        <Button type="link" size="small" className="sup-link" onClick={() => setOpenId(r.id)}>
          {v}
        </Button>
      ),
    },
    { title: t('f.appliedOn'), dataIndex: 'date', width: 100 },
    { title: t('f.method'), dataIndex: 'method', width: 90, render: (m: string) => t(`method.${m}`) },
    { title: t('f.assets'), dataIndex: 'summary', ellipsis: true },
    { title: t('f.totalValue'), dataIndex: 'totalValue', width: 110, align: 'right', render: (v: number) => yuan(v) },
    { title: t('f.approver'), dataIndex: 'approverName', width: 80 },
    {
      title: t('f.status'),
      key: 's',
      width: 190,
      render: (_, r) => (
        <>
          <Tag className={STATE_CLASS[r.state]}>{t(`dState.${r.state}`)}</Tag>
          {r.decisionPending ? <Tag className="tag-bad">{t('disp.pendingFlag')}</Tag> : null}
        </>
      ),
    },
  ];
  return (
    <>
      <Card size="small" className="filter-card">
        <Form layout="inline" className="filter-bar">
          <Form.Item>
            <Select aria-label={t('list.year')} className="filter-select-narrow" value={year ?? 'all'} onChange={(v) => set({ year: v === 'all' ? null : v })} options={[{ value: 'all', label: t('list.allYears') }, ...years().map((y) => ({ value: y, label: `${y}` }))]} />
          </Form.Item>
          <Form.Item>
            <Select aria-label={t('f.status')} className="filter-select" allowClear placeholder={t('list.anyStatus')} value={state} onChange={(v) => set({ state: v })} options={DISPOSAL_STATES.map((s) => ({ value: s, label: t(`dState.${s}`) }))} />
          </Form.Item>
          <KeywordFilter label={t('disp.keyword')} value={q} set={set} />
        </Form>
      </Card>
      <div className="sup-toolbar">
        <span className="sup-toolbar-gap" />
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => void openPrint(registerPrintRoute('assets.disposals', { year, state }), { landscape: true, suggestedName: '固定资产处置登记簿' })}>
          {t('disp.printRegister')}
        </Button>
        <ExportButtons register="assets.disposals" filter={{ year, state, q }} />
      </div>
      <ErrorAlert error={list.error} />
      <Table<DisposalRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.rows}
        loading={list.isFetching}
        locale={{ emptyText: t('disp.empty') }}
        onRow={(r) => ({ onDoubleClick: () => setOpenId(r.id) })}
        onChange={(p) => set({ page: p.current && p.current > 1 ? p.current : null }, true)}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showSizeChanger: false }}
        scroll={{ x: 960 }}
      />
      {openId ? <DisposalDrawer id={openId} onClose={() => setOpenId(null)} /> : null}
    </>
  );
}

export function DisposalDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation('assets');
  const q = useApiQuery('assets.disposalGet', { id });
  const d = q.data;
  return (
    <Drawer open size={800} onClose={onClose} destroyOnHidden title={d ? d.number : ' '} extra={d ? <Tag className={STATE_CLASS[d.state]}>{t(`dState.${d.state}`)}</Tag> : null}>
      <ErrorAlert error={q.error} />
      {d ? <DisposalBody d={d} /> : <Skeleton active />}
    </Drawer>
  );
}

function DisposalBody({ d }: { d: DisposalDetail }) {
  const { t } = useTranslation('assets');
  const me = useMe();
  const clerk = hasRole(me, ['clerk']);
  const [step, setStep] = useState<'approve' | 'execute' | 'decision' | 'void' | null>(null);
  const actions = [
    { key: 'approve' as const, label: t('disp.approve'), show: hasRole(me, ['clerk', 'approver']) && d.state === 'pending', primary: true },
    { key: 'execute' as const, label: t('disp.execute'), show: clerk && d.state === 'approved', primary: true },
    { key: 'decision' as const, label: t('disp.decision'), show: clerk && d.decisionPending },
    { key: 'void' as const, label: t('disp.void'), show: clerk && (d.state === 'pending' || d.state === 'approved'), danger: true },
  ];
  return (
    <>
      <Flex gap={8} wrap className="sup-actions">
        {actions
          .filter((a) => a.show)
          .map((a) => (
            <Button key={a.key} type={'primary' in a && a.primary ? 'primary' : 'default'} danger={'danger' in a && a.danger} onClick={() => setStep(a.key)}>
              {a.label}
            </Button>
          ))}
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => void openPrint(`/print/assets/disposal/${d.id}`, { suggestedName: `资产处置审批表-${d.number}` })}>
          {t('disp.print')}
        </Button>
      </Flex>
      {d.decisionPending ? <Alert className="form-alert" type="error" showIcon title={t('disp.pendingFlag')} description={d.decisionRef || undefined} /> : null}
      {d.voidReason ? <Alert className="form-alert" type="warning" showIcon title={`${t('dState.void')}：${d.voidReason}`} /> : null}
      <Descriptions size="small" column={2} bordered className="sup-detail">
        <Descriptions.Item label={t('f.method')}>{t(`method.${d.method}`)}</Descriptions.Item>
        <Descriptions.Item label={t('f.appliedOn')}>{d.date}</Descriptions.Item>
        <Descriptions.Item label={t('f.reason')} span={2}>
          {d.reason}
        </Descriptions.Item>
        <Descriptions.Item label={t('f.totalValue')}>{t('yuan', { v: yuan(d.totalValue) })}</Descriptions.Item>
        <Descriptions.Item label={t('f.applicant')}>{d.applicantName}</Descriptions.Item>
        <Descriptions.Item label={t('f.decision')} span={2}>
          {d.decisionRequired ? `${d.decisionLabel ?? d.decisionRef}${d.decisionVerified ? `（${t('disp.verified')}）` : ''}` : t('disp.notRequired')}
        </Descriptions.Item>
        {d.approverName ? (
          <Descriptions.Item label={t('f.approver')} span={2}>
            {d.approverName} · {fmtTime(d.approvedAt)}
          </Descriptions.Item>
        ) : null}
        {d.executedOn ? (
          <>
            <Descriptions.Item label={t('f.executedOn')}>{d.executedOn}</Descriptions.Item>
            <Descriptions.Item label={t('f.proceeds')}>{yuan(d.proceeds)}</Descriptions.Item>
            <Descriptions.Item label={t('f.executedNote')} span={2}>
              {d.executedNote}
            </Descriptions.Item>
          </>
        ) : null}
      </Descriptions>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={d.assets}
        columns={[
          { title: t('f.number'), dataIndex: 'number', width: 150 },
          { title: t('f.name'), dataIndex: 'name', ellipsis: true },
          { title: t('f.model'), key: 'm', ellipsis: true, render: (_, c) => [c.brand, c.model].filter(Boolean).join(' ') },
          { title: t('f.value'), dataIndex: 'originalValue', width: 100, align: 'right', render: (v: number) => yuan(v) },
          { title: t('f.status'), dataIndex: 'status', width: 70, render: (s: keyof typeof STATUS_CLASS) => <Tag className={STATUS_CLASS[s]}>{t(`status.${s}`)}</Tag> },
        ]}
      />
      <Tabs
        className="sup-history"
        items={[
          { key: 'ap', label: t('card.approvals'), children: <Approvals objectType="asset_disposal" objectId={d.id} /> },
          { key: 'h', label: t('card.audit'), children: <AuditTrail objectType="asset_disposal" objectId={d.id} /> },
        ]}
      />
      {step === 'approve' ? <ApproveDisposal d={d} onClose={() => setStep(null)} /> : null}
      {step === 'execute' ? <ExecuteDisposal d={d} onClose={() => setStep(null)} /> : null}
      {step === 'decision' ? <DecisionDialog d={d} onClose={() => setStep(null)} /> : null}
      {step === 'void' ? <VoidDisposal d={d} onClose={() => setStep(null)} /> : null}
    </>
  );
}

function ApproveDisposal({ d, onClose }: { d: DisposalDetail; onClose: () => void }) {
  const { t } = useTranslation('assets');
  const { message } = App.useApp();
  const m = useApiMutation('assets.disposalApprove', [...ASSET_READS]);
  const approvalText = useSupplyApprovalText();
  return (
    <FormDialog<{ approval: ApprovalValues }>
      title={t('disp.approveTitle', { number: d.number })}
      okText={t('disp.approve')}
      width={640}
      initialValues={{ approval: approvalDefaults() }}
      onClose={onClose}
      onSubmit={async ({ approval }) => {
        await m.mutateAsync({ id: d.id, approval: approvalOf(approval) });
        message.success(t('disp.approved'));
      }}
    >
      {(form) => (
        <>
          <Descriptions size="small" column={1} bordered className="sup-summary">
            <Descriptions.Item label={t('f.assets')}>{d.summary}</Descriptions.Item>
            <Descriptions.Item label={t('f.totalValue')}>{t('yuan', { v: yuan(d.totalValue) })}</Descriptions.Item>
          </Descriptions>
          {d.decisionPending ? <Alert className="form-alert" type="warning" showIcon title={t('disp.pendingFlag')} description={d.decisionRef} /> : null}
          <ApprovalFields form={form} text={approvalText} />
        </>
      )}
    </FormDialog>
  );
}

function ExecuteDisposal({ d, onClose }: { d: DisposalDetail; onClose: () => void }) {
  const { t } = useTranslation('assets');
  const { message } = App.useApp();
  const m = useApiMutation('assets.disposalExecute', [...ASSET_READS]);
  return (
    <FormDialog<{ executedOn?: Dayjs; proceeds?: number; note: string }>
      title={t('disp.executeTitle', { number: d.number })}
      okText={t('disp.execute')}
      danger
      initialValues={{ executedOn: dayjs(), proceeds: 0 }}
      onClose={onClose}
      onSubmit={async (v) => {
        await m.mutateAsync({ id: d.id, executedOn: dateOf(v.executedOn), proceeds: toFen(v.proceeds ?? 0), note: v.note ?? '' });
        message.success(t('disp.executed'));
      }}
    >
      <Flex gap={16}>
        <Form.Item name="executedOn" label={t('f.executedOn')}>
          <DatePicker disabledDate={futureDay} />
        </Form.Item>
        <Form.Item name="proceeds" label={t('f.proceeds')}>
          <InputNumber min={0} step={0.01} />
        </Form.Item>
      </Flex>
      <Form.Item name="note" label={t('f.executedNote')} rules={fieldRule(methods['assets.disposalExecute'].input, 'note')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormDialog>
  );
}

function DecisionDialog({ d, onClose }: { d: DisposalDetail; onClose: () => void }) {
  const { t } = useTranslation('assets');
  const { message } = App.useApp();
  const m = useApiMutation('assets.disposalDecision', [...ASSET_READS]);
  return (
    <FormDialog<{ decisionId?: number | null; decisionRef?: string }>
      title={t('disp.decisionTitle')}
      initialValues={{ decisionId: d.decisionId, decisionRef: d.decisionRef }}
      onClose={onClose}
      onSubmit={async (v) => {
        await m.mutateAsync({ id: d.id, decisionId: v.decisionId ?? null, decisionRef: v.decisionRef ?? '' });
        message.success(t('disp.decisionSaved'));
      }}
    >
      <DecisionFields />
    </FormDialog>
  );
}

function VoidDisposal({ d, onClose }: { d: DisposalDetail; onClose: () => void }) {
  const { t } = useTranslation('assets');
  const { message } = App.useApp();
  const m = useApiMutation('assets.disposalVoid', [...ASSET_READS]);
  return (
    <FormDialog<{ reason: string }>
      title={t('disp.voidTitle')}
      okText={t('disp.void')}
      danger
      onClose={onClose}
      onSubmit={async (v) => {
        await m.mutateAsync({ id: d.id, reason: v.reason ?? '' });
        message.success(t('disp.voided'));
      }}
    >
      <Form.Item name="reason" label={t('f.voidReason')} rules={fieldRule(methods['assets.disposalVoid'].input, 'reason')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormDialog>
  );
}
