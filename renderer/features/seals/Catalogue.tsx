// 印章目录: every seal with its current custodian and approver rule; registering a seal, changing
// its rule, handing it over (交接) before a witness, and its status (停用/封存/销毁/启用).
import { useState } from 'react';
import { Alert, App, Button, Col, DatePicker, Descriptions, Drawer, Flex, Form, Input, Radio, Row, Select, Skeleton, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, PrinterOutlined, SwapOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { methods } from '../../../db/contract';
import { APPROVER_RULES, SEAL_KINDS, SEAL_STATUSES, type Handover, type Seal, type SealStatus } from '../../../db/contract/seals';
import { useApiMutation, useApiQuery } from '../../api';
import { hasRole, useMe } from '../../app/session';
import { AuditTrail } from '../../components/AuditTrail';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { fieldRule } from '../../components/zodRule';
import { openPrint, registerPrintRoute } from '../../print';
import { PersonSelect } from './pickers';
import { SealStatusTag } from './tags';
import { SEAL_READS } from './UseDialogs';

const futureDay = (d: Dayjs) => d.isAfter(dayjs(), 'day');

export function Catalogue() {
  const { t } = useTranslation('seals');
  const me = useMe();
  const keeper = hasRole(me, ['clerk', 'admin']);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<SealStatus | undefined>();
  const [open, setOpen] = useState<number | null>(null);
  const [editing, setEditing] = useState<Seal | 'new' | null>(null);
  const [handing, setHanding] = useState<Seal | null>(null);
  const [changing, setChanging] = useState<Seal | null>(null);
  const list = useApiQuery('seals.catalogueList', { q: q || undefined, status, pageSize: 500 }, { placeholderData: (p) => p });

  const columns: TableColumnsType<Seal> = [
    {
      title: t('cat.name'),
      dataIndex: 'name',
      width: 250,
      ellipsis: { showTitle: true },
      render: (v: string, s) => (
        <Button type="link" size="small" className="seal-link" onClick={() => setOpen(s.id)}>
          {v}
        </Button>
      ),
    },
    { title: t('cat.kind'), dataIndex: 'kind', width: 130, render: (k: Seal['kind']) => t(`kind.${k}`) },
    { title: t('cat.status'), dataIndex: 'status', width: 76, render: (s: SealStatus) => <SealStatusTag status={s} /> },
    {
      title: t('cat.custodian'),
      key: 'custodian',
      width: 110,
      render: (_, s) => (s.custodianName ? s.custodianActive ? s.custodianName : <Typography.Text type="danger">{s.custodianName}</Typography.Text> : <Typography.Text type="danger">{t('cat.noCustodian')}</Typography.Text>),
    },
    { title: t('cat.custodianSince'), dataIndex: 'custodianSince', width: 104 },
    { title: t('cat.approver'), dataIndex: 'approverText', width: 140, ellipsis: true },
    { title: t('cat.out'), key: 'out', width: 170, render: (_, s) => (s.outOnNumber ? <Typography.Text className="seal-text-bad">{s.outOnNumber}</Typography.Text> : '') },
  ];
  if (keeper) {
    columns.push({
      title: '',
      key: 'actions',
      width: 170,
      fixed: 'right',
      render: (_, s) =>
        s.status === 'destroyed' ? null : (
          <Flex gap={0} wrap>
            <Button type="link" size="small" onClick={() => setHanding(s)}>
              {t('cat.handover')}
            </Button>
            <Button type="link" size="small" onClick={() => setEditing(s)}>
              {t('cat.edit')}
            </Button>
            <Button type="link" size="small" onClick={() => setChanging(s)}>
              {t('cat.setStatus')}
            </Button>
          </Flex>
        ),
    });
  }

  return (
    <>
      <div className="seal-toolbar">
        {keeper ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
            {t('cat.newSeal')}
          </Button>
        ) : null}
        <Select
          aria-label={t('cat.status')}
          className="filter-select-narrow"
          allowClear
          placeholder={t('cat.status')}
          value={status}
          onChange={setStatus}
          options={SEAL_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <Input.Search aria-label={t('cat.name')} className="search-box" allowClear placeholder={`${t('cat.name')} / ${t('cat.custodian')}`} onSearch={(v) => setQ(v.trim())} />
        <span className="seal-toolbar-gap" />
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => void openPrint(registerPrintRoute('seals.catalogue', status ? { state: status } : {}), { landscape: true, suggestedName: t('paper.catalogue') })}>
          {t('cat.printCatalogue')}
        </Button>
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => void openPrint(registerPrintRoute('seals.handovers', { year: dayjs().year() }), { landscape: true, suggestedName: t('paper.handovers') })}>
          {t('cat.printHandovers')}
        </Button>
      </div>
      <ErrorAlert error={list.error} />
      <Table<Seal>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.rows}
        loading={list.isFetching}
        pagination={false}
        rowClassName={(s) => (s.status === 'destroyed' || s.status === 'sealed' ? 'row-disabled' : '')}
        scroll={{ x: 1100 }}
      />
      {open ? <SealDrawer id={open} onClose={() => setOpen(null)} onHandover={(s) => setHanding(s)} /> : null}
      {editing ? <SealDialog seal={editing} onClose={() => setEditing(null)} /> : null}
      {handing ? <HandoverDialog seal={handing} onClose={() => setHanding(null)} /> : null}
      {changing ? <StatusDialog seal={changing} onClose={() => setChanging(null)} /> : null}
    </>
  );
}

function SealDrawer({ id, onClose, onHandover }: { id: number; onClose: () => void; onHandover: (s: Seal) => void }) {
  const { t } = useTranslation('seals');
  const me = useMe();
  const q = useApiQuery('seals.sealGet', { id });
  const d = q.data;
  const s = d?.seal;
  return (
    <Drawer open size={720} onClose={onClose} destroyOnHidden title={s?.name ?? ' '} extra={s ? <SealStatusTag status={s.status} /> : null}>
      <ErrorAlert error={q.error} />
      {!d || !s ? (
        <Skeleton active />
      ) : (
        <>
          {!s.usable ? <Alert className="form-alert" type="warning" showIcon title={t('cat.unusable', { why: s.unusableReason })} /> : null}
          <Descriptions size="small" column={2} bordered className="seal-detail">
            <Descriptions.Item label={t('cat.kind')}>{t(`kind.${s.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('cat.enabledOn')}>{s.enabledOn}</Descriptions.Item>
            <Descriptions.Item label={t('cat.custodian')}>{s.custodianName ?? t('cat.noCustodian')}</Descriptions.Item>
            <Descriptions.Item label={t('cat.custodianSince')}>{s.custodianSince ?? ''}</Descriptions.Item>
            <Descriptions.Item label={t('cat.approverRule')}>{t(`rule.${s.approverRule}`)}</Descriptions.Item>
            <Descriptions.Item label={t('cat.approver')}>{s.approverText}</Descriptions.Item>
            {s.retiredOn ? (
              <Descriptions.Item label={t('cat.retireRecord')} span={2}>
                {s.retiredOn} {t(`status.${s.status}`)}；{s.retireMethod}；{t('st.witnesses')}：{s.retireWitnesses}
              </Descriptions.Item>
            ) : null}
            {s.remarks ? (
              <Descriptions.Item label={t('cat.remarks')} span={2}>
                {s.remarks}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Tabs
            className="seal-history"
            items={[
              {
                key: 'handovers',
                label: t('cat.handovers'),
                children: (
                  <>
                    {hasRole(me, ['clerk', 'admin']) && s.status !== 'destroyed' ? (
                      <Button className="seal-inline-btn" icon={<SwapOutlined aria-hidden />} onClick={() => onHandover(s)}>
                        {t('cat.handover')}
                      </Button>
                    ) : null}
                    <HandoverTable rows={d.handovers} />
                  </>
                ),
              },
              {
                key: 'status',
                label: t('cat.statusChanges'),
                children: (
                  <ul className="seal-plain-list">
                    {d.statusChanges.map((c) => (
                      <li key={c.id}>
                        {c.date} {c.fromStatus ? `${t(`status.${c.fromStatus}`)} → ` : ''}
                        {t(`status.${c.toStatus}`)}：{c.reason}
                        {c.method ? `；${c.method}` : ''}
                        {c.witnesses ? `；${t('st.witnesses')}：${c.witnesses}` : ''}
                        <Typography.Text type="secondary">
                          {' '}
                          （{c.recordedByName}）
                        </Typography.Text>
                      </li>
                    ))}
                  </ul>
                ),
              },
              { key: 'audit', label: t('detail.audit'), children: <AuditTrail objectType="seal" objectId={s.id} className="seal-timeline" /> },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}

export function HandoverTable({ rows }: { rows: Handover[] }) {
  const { t } = useTranslation('seals');
  return (
    <Table<Handover>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: t('ho.number'), dataIndex: 'number', width: 150 },
        { title: t('ho.date'), dataIndex: 'date', width: 100 },
        { title: t('ho.from'), dataIndex: 'fromName', width: 80, render: (v: string | null) => v ?? t('ho.firstTime') },
        { title: t('ho.to'), dataIndex: 'toName', width: 70 },
        { title: t('ho.witness'), dataIndex: 'witnessName', width: 70 },
        { title: t('ho.note'), dataIndex: 'note', ellipsis: true },
        {
          title: '',
          key: 'print',
          width: 60,
          render: (_, h) => (
            <Button type="link" size="small" onClick={() => void openPrint(`/print/seals/handover/${h.sealId}/${h.id}`, { suggestedName: `${t('print.slipTitle')}-${h.number}` })}>
              {t('ho.slip')}
            </Button>
          ),
        },
      ]}
    />
  );
}

interface SealValues {
  name: string;
  kind?: Seal['kind'];
  approverRule: Seal['approverRule'];
  approverId?: number;
  approverPost?: string;
  enabledOn?: Dayjs;
  custodianId?: number;
  remarks?: string;
}

function SealDialog({ seal, onClose }: { seal: Seal | 'new'; onClose: () => void }) {
  const { t } = useTranslation('seals');
  const { message } = App.useApp();
  const isNew = seal === 'new';
  const create = useApiMutation('seals.sealCreate', SEAL_READS);
  const update = useApiMutation('seals.sealUpdate', SEAL_READS);
  const [form] = Form.useForm<SealValues>();
  const rule = Form.useWatch('approverRule', form);
  const schema = isNew ? methods['seals.sealCreate'].input : methods['seals.sealUpdate'].input;
  return (
    <FormDialog<SealValues>
      form={form}
      title={isNew ? t('cat.newSeal') : `${t('cat.edit')}：${seal.name}`}
      width={680}
      initialValues={
        isNew
          ? { approverRule: 'post', approverPost: '局长', enabledOn: dayjs() }
          : { name: seal.name, kind: seal.kind, approverRule: seal.approverRule, approverId: seal.approverId ?? undefined, approverPost: seal.approverPost ?? undefined, enabledOn: dayjs(seal.enabledOn), remarks: seal.remarks }
      }
      onClose={onClose}
      onSubmit={async (v) => {
        const common = {
          name: v.name ?? '',
          kind: v.kind as Seal['kind'],
          approverRule: v.approverRule,
          approverId: v.approverRule === 'person' ? (v.approverId ?? null) : null,
          approverPost: v.approverRule === 'post' ? (v.approverPost ?? '') : undefined,
          enabledOn: v.enabledOn?.format('YYYY-MM-DD') ?? '',
          remarks: v.remarks ?? '',
        };
        if (isNew) {
          const s = await create.mutateAsync({ ...common, custodianId: v.custodianId ?? null });
          message.success(t('cat.created', { name: s.name }));
        } else {
          await update.mutateAsync({ id: seal.id, ...common });
          message.success(t('cat.saved'));
        }
      }}
    >
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item name="name" label={t('cat.name')} rules={fieldRule(schema, 'name')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="kind" label={t('cat.kind')} rules={[{ required: true, message: t('v.kind') }]}>
            <Select options={SEAL_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="approverRule" label={t('cat.approverRule')}>
        <Radio.Group options={APPROVER_RULES.map((r) => ({ value: r, label: t(`rule.${r}`) }))} />
      </Form.Item>
      {rule === 'person' ? (
        <Form.Item name="approverId" label={t('cat.approverPerson')} rules={[{ required: true, message: t('v.approverPerson') }]}>
          <PersonSelect role="approver" />
        </Form.Item>
      ) : rule === 'post' ? (
        <Form.Item name="approverPost" label={t('cat.approverPost')} extra={t('cat.approverPostHint')} rules={[{ required: true, whitespace: true, message: t('v.approverPost') }]}>
          <Input />
        </Form.Item>
      ) : (
        <Typography.Paragraph type="secondary">{t('cat.deptLeaderHint')}</Typography.Paragraph>
      )}
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="enabledOn" label={t('cat.enabledOn')} rules={[{ required: true, message: t('v.enabledOn') }]}>
            <DatePicker className="seal-wide" disabledDate={futureDay} />
          </Form.Item>
        </Col>
        {isNew ? (
          <Col span={12}>
            <Form.Item name="custodianId" label={t('cat.firstCustodian')} extra={t('cat.firstCustodianHint')}>
              <PersonSelect allowClear />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
      <Form.Item name="remarks" label={`${t('cat.remarks')}${t('common.optional')}`} rules={fieldRule(schema, 'remarks')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormDialog>
  );
}

function HandoverDialog({ seal, onClose }: { seal: Seal; onClose: () => void }) {
  const { t } = useTranslation('seals');
  const { message, modal } = App.useApp();
  const m = useApiMutation('seals.handover', SEAL_READS);
  return (
    <FormDialog<{ toId?: number; witnessId?: number; date?: Dayjs; note?: string }>
      title={`${t('ho.title')}：${seal.name}`}
      okText={t('ho.title')}
      initialValues={{ date: dayjs(), note: '' }}
      onClose={onClose}
      onSubmit={async (v) => {
        const h = await m.mutateAsync({ sealId: seal.id, toId: v.toId ?? 0, witnessId: v.witnessId ?? 0, date: v.date?.format('YYYY-MM-DD') ?? '', note: v.note ?? '' });
        message.success(t('ho.done', { number: h.number }));
        modal.confirm({
          title: t('ho.done', { number: h.number }),
          content: t('ho.printSlip'),
          okText: t('ho.printSlip'),
          cancelText: t('common.no'),
          onOk: () => void openPrint(`/print/seals/handover/${h.sealId}/${h.id}`, { suggestedName: `${t('print.slipTitle')}-${h.number}` }),
        });
      }}
    >
      <Alert className="form-alert" type="info" showIcon title={t('ho.hint')} />
      <Descriptions size="small" column={2} bordered className="seal-summary">
        <Descriptions.Item label={t('cat.name')}>{seal.name}</Descriptions.Item>
        <Descriptions.Item label={t('ho.from')}>{seal.custodianName ?? t('ho.firstTime')}</Descriptions.Item>
      </Descriptions>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="toId" label={t('ho.to')} rules={[{ required: true, message: t('v.to') }]}>
            <PersonSelect />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="witnessId" label={t('ho.witness')} rules={[{ required: true, message: t('v.witness') }]}>
            <PersonSelect />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="date" label={t('ho.date')} rules={[{ required: true, message: t('v.hoDate') }]}>
            <DatePicker className="seal-wide" disabledDate={futureDay} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={`${t('ho.note')}${t('common.optional')}`} rules={fieldRule(methods['seals.handover'].input, 'note')}>
        <Input />
      </Form.Item>
    </FormDialog>
  );
}

function StatusDialog({ seal, onClose }: { seal: Seal; onClose: () => void }) {
  const { t } = useTranslation('seals');
  const { message } = App.useApp();
  const m = useApiMutation('seals.sealSetStatus', SEAL_READS);
  const [form] = Form.useForm<{ status?: SealStatus; date?: Dayjs; reason: string; method?: string; witnesses?: string }>();
  const to = Form.useWatch('status', form);
  const retire = to === 'sealed' || to === 'destroyed';
  return (
    <FormDialog
      form={form}
      title={`${t('st.title')}：${seal.name}`}
      danger={to === 'destroyed'}
      initialValues={{ date: dayjs() }}
      onClose={onClose}
      onSubmit={async (v) => {
        await m.mutateAsync({ id: seal.id, status: v.status as SealStatus, date: v.date?.format('YYYY-MM-DD') ?? '', reason: v.reason ?? '', method: retire ? v.method : undefined, witnesses: retire ? v.witnesses : undefined });
        message.success(t('st.done'));
      }}
    >
      <Form.Item name="status" label={t('st.to')} rules={[{ required: true, message: t('v.status') }]}>
        <Radio.Group options={SEAL_STATUSES.filter((s) => s !== seal.status).map((s) => ({ value: s, label: t(`status.${s}`) }))} />
      </Form.Item>
      {to === 'destroyed' ? <Alert className="form-alert" type="error" showIcon title={t('st.warn')} /> : null}
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item name="date" label={t('st.date')} rules={[{ required: true, message: t('v.date') }]}>
            <DatePicker className="seal-wide" disabledDate={futureDay} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="reason" label={t('st.reason')} rules={fieldRule(methods['seals.sealSetStatus'].input, 'reason')}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      {retire ? (
        <>
          <Form.Item name="method" label={t('st.method')} rules={[{ required: true, whitespace: true, message: t('v.method') }]}>
            <Input placeholder={to === 'sealed' ? t('st.methodSealed') : t('st.methodDestroyed')} />
          </Form.Item>
          <Form.Item name="witnesses" label={t('st.witnesses')} rules={[{ required: true, whitespace: true, message: t('v.witnesses') }]}>
            <Input placeholder={t('st.witnessesHint')} />
          </Form.Item>
        </>
      ) : null}
    </FormDialog>
  );
}
