// 领用: a staff member's request recorded by the clerk, approved per tier (co-sign or paper), issued
// in full or in part against the stock on hand, closed or voided; 退库 from an issue. The 领用登记表
// with a signature cell per recipient prints from the generic register route.
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Drawer, Flex, Form, Input, InputNumber, Skeleton, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FileAddOutlined, MinusCircleOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { methods } from '../../../db/contract';
import { REQ_STATES, type Movement, type ReqState, type RequisitionDetail, type RequisitionRow } from '../../../db/contract/supplies';
import { ApiError, useApiMutation, useApiQuery } from '../../api';
import { hasRole, useMe } from '../../app/session';
import { ApprovalFields, approvalDefaults, approvalOf, type ApprovalValues } from '../../components/ApprovalFields';
import { AuditTrail } from '../../components/AuditTrail';
import { dateOf, futureDay } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { KeywordFilter } from '../../components/KeywordFilter';
import { ListTable } from '../../components/ListTable';
import { yuan } from '../../components/money';
import { PersonSelect } from '../../components/PersonSelect';
import { StateFilter } from '../../components/StateFilter';
import { num, useListFilters } from '../../components/useListParams';
import { YearFilter } from '../../components/YearFilter';
import { fieldRule } from '../../components/zodRule';
import { openPrint, registerPrintRoute } from '../../print';
import { Approvals, ItemSelect, SUPPLY_READS, qty, useSupplyApprovalText, type ItemOption } from './shared';
import { DatePicker } from 'antd';

const PAGE_SIZE = 20;
export const REQ_STATE_CLASS: Record<ReqState, string> = { pending: 'tag-warn', approved: 'tag-ok', partial: 'tag-warn', issued: 'tag-ok', closed: 'tag-off', rejected: 'tag-bad', void: 'tag-off' };

export function Requisitions() {
  const { t } = useTranslation('supplies');
  const me = useMe();
  const clerk = hasRole(me, ['clerk']);
  const { params, set, thisYear, year, state, q, page } = useListFilters();
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number | null>(num(params.get('id')) ?? null);
  const requesterId = num(params.get('person'));
  const list = useApiQuery('supplies.requisitionList', { year, state, requesterId, q, page, pageSize: PAGE_SIZE }, { placeholderData: (p) => p });

  const columns: TableColumnsType<RequisitionRow> = [
    {
      title: t('f.number'),
      dataIndex: 'number',
      width: 160,
      render: (v: string, r) => (
        <Button type="link" size="small" className="sup-link" onClick={() => setOpenId(r.id)}>
          {v}
        </Button>
      ),
    },
    { title: t('f.requestedOn'), dataIndex: 'date', width: 100 },
    { title: t('f.requester'), key: 'who', width: 150, ellipsis: true, render: (_, r) => `${r.requesterName}${r.department ? ` · ${r.department}` : ''}` },
    { title: t('f.purpose'), dataIndex: 'purpose', width: 140, ellipsis: true },
    { title: t('f.lines'), dataIndex: 'summary', ellipsis: true },
    { title: t('f.estAmount'), dataIndex: 'estAmount', width: 96, align: 'right', render: (v: number) => yuan(v) },
    { title: t('f.approvers'), dataIndex: 'approvers', width: 110, ellipsis: true },
    {
      title: t('f.state'),
      key: 'state',
      width: 150,
      render: (_, r) => (
        <>
          <Tag className={REQ_STATE_CLASS[r.state]}>{t(`rState.${r.state}`)}</Tag>
          {r.nextStep ? <Typography.Text type="secondary">{t('req.nextStep', { step: r.nextStep })}</Typography.Text> : null}
        </>
      ),
    },
  ];

  return (
    <>
      <Card size="small" className="filter-card">
        <Form layout="inline" className="filter-bar">
          <YearFilter year={year} onChange={(v) => set({ year: v === thisYear ? null : v })} />
          <StateFilter value={state} states={REQ_STATES} label={(s) => t(`rState.${s}`)} set={set} />
          <Form.Item>
            <PersonSelect aria-label={t('f.requester')} className="filter-select" allowClear placeholder={t('f.requester')} value={requesterId} onChange={(v) => set({ person: v })} />
          </Form.Item>
          <KeywordFilter label={t('req.keyword')} value={q} set={set} />
        </Form>
      </Card>
      <div className="sup-toolbar">
        {clerk ? (
          <Button type="primary" icon={<FileAddOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('req.new')}
          </Button>
        ) : null}
        <span className="sup-toolbar-gap" />
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => void openPrint(registerPrintRoute('supplies.issues', { year }), { landscape: true, suggestedName: '办公用品领用登记表' })}>
          {t('req.printIssues')}
        </Button>
      </div>
      <ErrorAlert error={list.error} />
      <ListTable<RequisitionRow>
        list={list}
        page={page}
        pageSize={PAGE_SIZE}
        set={set}
        columns={columns}
        onOpen={(r) => setOpenId(r.id)}
        empty={t('req.empty')}
        scroll={{ x: 1100 }}
      />
      {creating ? <NewRequisition onClose={() => setCreating(false)} onCreated={(id) => setOpenId(id)} /> : null}
      {openId ? <RequisitionDrawer id={openId} onClose={() => setOpenId(null)} /> : null}
    </>
  );
}

interface NewValues {
  requesterId?: number;
  requestedOn?: dayjs.Dayjs;
  purpose: string;
  lines: { itemId?: number; quantity?: number }[];
  remarks?: string;
}

function NewRequisition({ onClose, onCreated }: { onClose: () => void; onCreated: (id: number) => void }) {
  const { t } = useTranslation('supplies');
  const { message } = App.useApp();
  const m = useApiMutation('supplies.requisitionCreate', SUPPLY_READS);
  const schema = methods['supplies.requisitionCreate'].input;
  const [picked, setPicked] = useState<Record<number, ItemOption | null>>({});
  return (
    <FormDialog<NewValues>
      title={t('req.newTitle')}
      okText={t('req.new')}
      width={760}
      initialValues={{ lines: [{}] }}
      onClose={onClose}
      onSubmit={async (v) => {
        const d = await m.mutateAsync({
          requesterId: v.requesterId ?? 0,
          requestedOn: dateOf(v.requestedOn),
          purpose: v.purpose ?? '',
          lines: (v.lines ?? []).map((l) => ({ itemId: l.itemId ?? 0, quantity: l.quantity as number })),
          remarks: v.remarks ?? '',
        });
        message.success(t('req.created', { number: d.number }));
        onCreated(d.id);
      }}
    >
      <Flex gap={16}>
        <Form.Item name="requesterId" label={t('f.requester')} rules={[{ required: true, message: t('v.person') }]} className="sup-grow">
          <PersonSelect />
        </Form.Item>
        <Form.Item name="requestedOn" label={`${t('f.requestedOn')}${t('common.optional')}`}>
          <DatePicker disabledDate={futureDay} />
        </Form.Item>
      </Flex>
      <Form.Item name="purpose" label={t('f.purpose')} rules={fieldRule(schema, 'purpose')}>
        <Input />
      </Form.Item>
      <Form.List name="lines">
        {(fields, { add, remove }) => (
          <div className="sup-lines">
            {fields.map((field, i) => {
              const it = picked[field.key];
              return (
                <Flex key={field.key} gap={8} align="start">
                  <Form.Item name={[field.name, 'itemId']} label={i === 0 ? t('f.item') : undefined} rules={[{ required: true, message: t('v.item') }]} className="sup-grow">
                    <ItemSelect aria-label={`${t('f.item')} ${i + 1}`} onPick={(x) => setPicked((p) => ({ ...p, [field.key]: x }))} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'quantity']}
                    label={i === 0 ? t('f.quantity') : undefined}
                    rules={[{ required: true, message: t('v.qty') }]}
                    extra={it ? `${t('f.stock')} ${qty(it.balanceQty)} ${it.unit}` : undefined}
                  >
                    <InputNumber aria-label={`${t('f.quantity')} ${i + 1}`} min={0} precision={it && !it.wholeUnit ? 3 : undefined} addonAfter={it?.unit} className="sup-qty" />
                  </Form.Item>
                  <Button aria-label={t('purchase.removeLine')} type="text" icon={<MinusCircleOutlined aria-hidden />} disabled={fields.length === 1} onClick={() => remove(field.name)} className={i === 0 ? 'sup-line-btn-first' : undefined} />
                </Flex>
              );
            })}
            <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({})}>
              {t('req.addLine')}
            </Button>
          </div>
        )}
      </Form.List>
      <Form.Item name="remarks" label={`${t('f.remarks')}${t('common.optional')}`} rules={fieldRule(schema, 'remarks')}>
        <Input />
      </Form.Item>
    </FormDialog>
  );
}

type Step = 'approve' | 'issue' | 'close' | 'void';

export function RequisitionDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation('supplies');
  const q = useApiQuery('supplies.requisitionGet', { id });
  const d = q.data;
  return (
    <Drawer open size={760} onClose={onClose} destroyOnHidden title={d ? `${d.number}` : ' '} extra={d ? <Tag className={REQ_STATE_CLASS[d.state]}>{t(`rState.${d.state}`)}</Tag> : null}>
      <ErrorAlert error={q.error} />
      {d ? <RequisitionBody d={d} /> : <Skeleton active />}
    </Drawer>
  );
}

function RequisitionBody({ d }: { d: RequisitionDetail }) {
  const { t } = useTranslation('supplies');
  const me = useMe();
  const clerk = hasRole(me, ['clerk']);
  const [step, setStep] = useState<Step | null>(null);
  const [ret, setRet] = useState<Movement | null>(null);
  const actions: { key: Step; label: string; show: boolean; primary?: boolean; danger?: boolean }[] = [
    { key: 'approve', label: t('req.approve'), show: hasRole(me, ['clerk', 'approver']) && d.state === 'pending', primary: true },
    { key: 'issue', label: t('req.issue'), show: clerk && (d.state === 'approved' || d.state === 'partial'), primary: true },
    { key: 'close', label: t('req.close'), show: clerk && d.state === 'partial' },
    { key: 'void', label: t('req.void'), show: clerk && (d.state === 'pending' || d.state === 'approved'), danger: true },
  ];
  return (
    <>
      <Flex gap={8} wrap className="sup-actions">
        {actions
          .filter((a) => a.show)
          .map((a) => (
            <Button key={a.key} type={a.primary ? 'primary' : 'default'} danger={a.danger} onClick={() => setStep(a.key)}>
              {a.label}
            </Button>
          ))}
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => void openPrint(registerPrintRoute('supplies.issues', { extra: { requisitionId: d.id } }), { landscape: true, suggestedName: `领用登记表-${d.number}` })}>
          {t('req.printIssues')}
        </Button>
      </Flex>
      {d.state === 'pending' ? <Alert className="form-alert" type="info" showIcon title={t('req.stepsHint', { amount: yuan(d.estAmount), steps: d.steps.join(' → ') })} /> : null}
      {d.closeReason ? <Alert className="form-alert" type="warning" showIcon title={`${t(`rState.${d.state}`)}：${d.closeReason}`} /> : null}
      <Descriptions size="small" column={2} bordered className="sup-detail">
        <Descriptions.Item label={t('f.requester')}>
          {d.requesterName}
          {d.department ? ` · ${d.department}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('f.requestedOn')}>{d.date}</Descriptions.Item>
        <Descriptions.Item label={t('f.purpose')} span={2}>
          {d.purpose}
        </Descriptions.Item>
        <Descriptions.Item label={t('f.steps')}>{d.steps.join(' → ')}</Descriptions.Item>
        <Descriptions.Item label={t('f.approvers')}>{d.approvers || t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('f.estAmount')}>{yuan(d.estAmount)}</Descriptions.Item>
        <Descriptions.Item label={t('f.recordedBy')}>{d.recordedByName}</Descriptions.Item>
      </Descriptions>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={d.lines}
        columns={[
          { title: t('f.item'), key: 'item', render: (_, l) => `${l.itemName}${l.spec ? `（${l.spec}）` : ''}` },
          { title: t('f.quantity'), key: 'q', width: 90, align: 'right', render: (_, l) => `${qty(l.quantity)} ${l.unit}` },
          { title: t('f.issued'), key: 'i', width: 80, align: 'right', render: (_, l) => qty(l.issuedQty) },
          { title: t('f.stock'), key: 's', width: 90, align: 'right', render: (_, l) => `${qty(l.balanceQty)} ${l.unit}` },
        ]}
      />
      <Tabs
        className="sup-history"
        items={[
          {
            key: 'issues',
            label: t('req.issues'),
            children: (
              <Table<Movement>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={d.issues}
                locale={{ emptyText: t('detail.noHistory') }}
                columns={[
                  { title: t('f.date'), dataIndex: 'date', width: 96 },
                  { title: t('f.kind'), dataIndex: 'kind', width: 60, render: (k: string) => t(`kind.${k}`) },
                  { title: t('f.item'), dataIndex: 'itemName', ellipsis: true },
                  { title: t('f.quantity'), key: 'q', width: 80, align: 'right', render: (_, m) => `${qty(m.quantity)} ${m.unit}` },
                  { title: t('f.issuedBy'), dataIndex: 'handledByName', width: 70 },
                  {
                    title: t('common.actions'),
                    key: 'a',
                    width: 70,
                    render: (_, m) => (clerk && m.kind === 'issue' && m.returnedQty < m.quantity ? <Button size="small" onClick={() => setRet(m)}>{t('req.ret')}</Button> : m.returnedQty ? `${t('kind.return')} ${qty(m.returnedQty)}` : null),
                  },
                ]}
              />
            ),
          },
          { key: 'approvals', label: t('detail.approvals'), children: <Approvals objectType="supply_requisition" objectId={d.id} /> },
          { key: 'history', label: t('detail.history'), children: <AuditTrail objectType="supply_requisition" objectId={d.id} /> },
        ]}
      />
      {step === 'approve' ? <ApproveDialog d={d} onClose={() => setStep(null)} /> : null}
      {step === 'issue' ? <IssueDialog d={d} onClose={() => setStep(null)} /> : null}
      {step === 'close' || step === 'void' ? <CloseDialog d={d} kind={step} onClose={() => setStep(null)} /> : null}
      {ret ? <ReturnDialog m={ret} onClose={() => setRet(null)} /> : null}
    </>
  );
}

function ApproveDialog({ d, onClose }: { d: RequisitionDetail; onClose: () => void }) {
  const { t } = useTranslation('supplies');
  const { message } = App.useApp();
  const m = useApiMutation('supplies.requisitionApprove', SUPPLY_READS);
  const approvalText = useSupplyApprovalText();
  return (
    <FormDialog<{ approval: ApprovalValues }>
      title={t('req.approveTitle', { step: d.nextStep ?? '' })}
      okText={t('req.approve')}
      width={640}
      initialValues={{ approval: approvalDefaults(d.nextApproverIds[0]) }}
      onClose={onClose}
      onSubmit={async ({ approval }) => {
        await m.mutateAsync({ id: d.id, approval: approvalOf(approval) });
        message.success(t('req.approved'));
      }}
    >
      {(form) => (
        <>
          <Descriptions size="small" column={2} bordered className="sup-summary">
            <Descriptions.Item label={t('f.number')}>{d.number}</Descriptions.Item>
            <Descriptions.Item label={t('f.requester')}>{d.requesterName}</Descriptions.Item>
            <Descriptions.Item label={t('f.lines')} span={2}>
              {d.summary}
            </Descriptions.Item>
          </Descriptions>
          <ApprovalFields form={form} text={approvalText} />
        </>
      )}
    </FormDialog>
  );
}

function IssueDialog({ d, onClose }: { d: RequisitionDetail; onClose: () => void }) {
  const { t } = useTranslation('supplies');
  const { message } = App.useApp();
  const m = useApiMutation('supplies.issue', SUPPLY_READS);
  const open = d.lines.filter((l) => l.issuedQty < l.quantity);
  type V = { issuedOn?: dayjs.Dayjs; note?: string } & Record<string, unknown>;
  return (
    <FormDialog<V>
      title={t('req.issueTitle', { number: d.number })}
      okText={t('req.issue')}
      width={720}
      initialValues={Object.fromEntries(open.map((l) => [`qty_${l.id}`, Math.min(l.quantity - l.issuedQty, Math.max(0, l.balanceQty))]))}
      onClose={onClose}
      onSubmit={async (v: V) => {
        const sent = open.filter((l) => ((v[`qty_${l.id}`] as number | null) ?? 0) > 0);
        const lines = sent.map((l) => ({ lineId: l.id, quantity: v[`qty_${l.id}`] as number }));
        try {
          await m.mutateAsync({ id: d.id, issuedOn: dateOf(v.issuedOn), lines, note: v.note ?? '' });
        } catch (e) {
          // The core names `lines.<i>.quantity` of what was sent: put it under that item's box.
          const at = e instanceof ApiError ? /^lines\.(\d+)\./.exec(e.field ?? '') : null;
          if (at && sent[Number(at[1])]) throw new ApiError({ code: (e as ApiError).code, message: (e as ApiError).message, field: `qty_${sent[Number(at[1])].id}` });
          throw e;
        }
        message.success(t('req.issued'));
      }}
    >
      <Alert className="form-alert" type="info" showIcon title={t('req.issueHint')} />
      {open.map((l) => (
        <Flex key={l.id} gap={12} align="center" className="sup-issue-row">
          <span className="sup-grow">
            {l.itemName}
            {l.spec ? `（${l.spec}）` : ''}
            <Typography.Text type="secondary">
              {' '}
              · {t('f.left')} {qty(l.quantity - l.issuedQty)} {l.unit} · {t('f.stock')} {qty(l.balanceQty)}
            </Typography.Text>
          </span>
          <Form.Item name={`qty_${l.id}`} className="sup-issue-qty">
            <InputNumber aria-label={`${t('req.issueQty')} ${l.itemName}`} min={0} precision={l.wholeUnit ? 0 : 3} addonAfter={l.unit} className="sup-qty" />
          </Form.Item>
        </Flex>
      ))}
      <Flex gap={16} className="sup-after-lines">
        <Form.Item name="issuedOn" label={`${t('f.date')}${t('common.optional')}`}>
          <DatePicker disabledDate={futureDay} />
        </Form.Item>
        <Form.Item name="note" label={`${t('f.note')}${t('common.optional')}`} className="sup-grow">
          <Input />
        </Form.Item>
      </Flex>
    </FormDialog>
  );
}

function CloseDialog({ d, kind, onClose }: { d: RequisitionDetail; kind: 'close' | 'void'; onClose: () => void }) {
  const { t } = useTranslation('supplies');
  const { message } = App.useApp();
  const m = useApiMutation(kind === 'close' ? 'supplies.requisitionClose' : 'supplies.requisitionVoid', SUPPLY_READS);
  return (
    <FormDialog<{ reason: string }>
      title={t(kind === 'close' ? 'req.closeTitle' : 'req.voidTitle')}
      okText={t(kind === 'close' ? 'req.close' : 'req.void')}
      danger
      onClose={onClose}
      onSubmit={async (v) => {
        await m.mutateAsync({ id: d.id, reason: v.reason ?? '' });
        message.success(t(kind === 'close' ? 'req.closed' : 'req.voided'));
      }}
    >
      <Form.Item name="reason" label={t('f.reason')} rules={fieldRule(methods['supplies.requisitionClose'].input, 'reason')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormDialog>
  );
}

function ReturnDialog({ m: mv, onClose }: { m: Movement; onClose: () => void }) {
  const { t } = useTranslation('supplies');
  const { message } = App.useApp();
  const m = useApiMutation('supplies.returnStock', SUPPLY_READS);
  const schema = methods['supplies.returnStock'].input;
  return (
    <FormDialog<{ quantity?: number; reason: string; returnedOn?: dayjs.Dayjs }>
      title={t('req.retTitle')}
      okText={t('req.ret')}
      initialValues={{ quantity: mv.quantity - mv.returnedQty }}
      onClose={onClose}
      onSubmit={async (v) => {
        await m.mutateAsync({ movementId: mv.id, quantity: v.quantity as number, reason: v.reason ?? '', returnedOn: dateOf(v.returnedOn) });
        message.success(t('req.returned'));
      }}
    >
      <Typography.Paragraph>
        {mv.itemName} · {mv.recipientName} · {mv.date} · {qty(mv.quantity)} {mv.unit}
      </Typography.Paragraph>
      <Flex gap={16}>
        <Form.Item name="quantity" label={t('req.retQty')} rules={[{ required: true, message: t('v.qty') }]}>
          <InputNumber min={0} addonAfter={mv.unit} className="sup-qty" />
        </Form.Item>
        <Form.Item name="returnedOn" label={`${t('f.date')}${t('common.optional')}`}>
          <DatePicker disabledDate={futureDay} />
        </Form.Item>
      </Flex>
      <Form.Item name="reason" label={t('req.retReason')} rules={fieldRule(schema, 'reason')}>
        <Input />
      </Form.Item>
    </FormDialog>
  );
}
