// The vehicles' own logs: repairs, maintenance, fuel, other costs, accidents and violations.
import { useState } from 'react';
import { App, Button, Card, Checkbox, Col, DatePicker, Dropdown, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { COST_TYPES, LOG_INPUTS, LOG_KINDS, RESPONSIBILITIES, type LogKind, type VehicleLog } from '../../../db/contract/vehicles';
import { useApiMutation, useApiQuery, type ApiError } from '../../api';
import { hasRole, useMe } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../components/formErrors';
import { fieldRule } from '../../components/zodRule';
import { PersonSelect, VEHICLE_READS, VehicleSelect, dayOf, plate, toFen, useVT, yearOptions, yuan, yuanRule } from './util';

export function LogTable({ vehicleId }: { vehicleId?: number }) {
  const t = useVT();
  const me = useMe();
  const clerk = hasRole(me, ['clerk']);
  const [kind, setKind] = useState<LogKind | undefined>();
  const [year, setYear] = useState<number | undefined>(vehicleId ? undefined : dayjs().year());
  const [q, setQ] = useState('');
  const [unresolved, setUnresolved] = useState(false);
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState<LogKind | null>(null);
  const [voiding, setVoiding] = useState<VehicleLog | null>(null);
  const [resolving, setResolving] = useState<VehicleLog | null>(null);
  const list = useApiQuery('vehicles.logList', { vehicleId, kind, year, q: q || undefined, unresolved: unresolved || undefined, page, pageSize: 20 }, { placeholderData: (p) => p });

  const columns: TableColumnsType<VehicleLog> = [
    { title: t('log.date'), dataIndex: 'date', width: 100 },
    ...(vehicleId ? [] : [{ title: t('log.vehicle'), key: 'plate', width: 116, render: (_: unknown, r: VehicleLog) => plate(r.plate) }]),
    { title: t('log.kind'), key: 'kind', width: 100, render: (_, r) => <Tag>{r.kind === 'cost' ? r.costType : t(`kind.${r.kind}`)}</Tag> },
    { title: t('log.place'), dataIndex: 'place', width: 150, ellipsis: true },
    { title: t('log.content'), dataIndex: 'content', width: 200, ellipsis: { showTitle: true } },
    { title: t('log.amount'), dataIndex: 'amount', width: 110, align: 'right', render: (v: number) => yuan(v) },
    { title: t('log.litres'), dataIndex: 'litres', width: 100, align: 'right' },
    { title: t('log.odometer'), dataIndex: 'odometer', width: 100, align: 'right' },
    { title: t('log.person'), dataIndex: 'personName', width: 90 },
    { title: t('log.trip'), dataIndex: 'tripNumber', width: 170 },
    {
      title: t('log.remarks'),
      key: 'remarks',
      width: 170,
      render: (_, r) => (
        <Space size={2} wrap>
          {r.voidedAt ? (
            <Tooltip title={r.voidReason}>
              <Tag>{t('log.voided')}</Tag>
            </Tooltip>
          ) : null}
          {(r.kind === 'accident' || r.kind === 'violation') && !r.voidedAt ? (
            r.resolvedAt ? (
              <Tooltip title={r.resolution}>
                <Tag color="green">{t('log.resolved')}</Tag>
              </Tooltip>
            ) : (
              <Tag color="orange">{t('log.unresolved')}</Tag>
            )
          ) : null}
          {r.kind === 'violation' && r.points ? <span>{`${t('log.points')} ${r.points}`}</span> : null}
          {r.kind === 'accident' && r.responsibility ? <span>{r.responsibility}</span> : null}
          {r.remarks ? <span className="vehicles-remark">{r.remarks}</span> : null}
        </Space>
      ),
    },
    ...(clerk
      ? [
          {
            title: t('common.more'),
            key: 'actions',
            width: 150,
            fixed: 'right' as const,
            render: (_: unknown, r: VehicleLog) =>
              r.voidedAt ? null : (
                <Space size={0}>
                  {(r.kind === 'accident' || r.kind === 'violation') && !r.resolvedAt ? (
                    <Button type="link" size="small" onClick={() => setResolving(r)}>
                      {t('log.resolve')}
                    </Button>
                  ) : null}
                  <Button type="link" size="small" danger onClick={() => setVoiding(r)}>
                    {t('log.void')}
                  </Button>
                </Space>
              ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Space wrap className="vehicles-toolbar">
        {clerk ? (
          <Dropdown menu={{ items: LOG_KINDS.map((k) => ({ key: k, label: t('log.add', { kind: t(`kind.${k}`) }) })), onClick: ({ key }) => setAdding(key as LogKind) }}>
            <Button type="primary" icon={<PlusOutlined aria-hidden />}>
              {t('log.new')}
            </Button>
          </Dropdown>
        ) : null}
        <Select allowClear placeholder={t('log.kind')} className="filter-select-narrow" value={kind} onChange={(v) => { setKind(v); setPage(1); }} options={LOG_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} aria-label={t('log.kind')} />
        <Select allowClear placeholder={t('common.year')} className="filter-select-narrow" value={year} onChange={(v) => { setYear(v); setPage(1); }} options={yearOptions()} aria-label={t('common.year')} />
        <Input.Search allowClear placeholder={t('common.keyword')} className="filter-keyword" onSearch={(v) => { setQ(v.trim()); setPage(1); }} aria-label={t('common.keyword')} />
        <Checkbox checked={unresolved} onChange={(e) => { setUnresolved(e.target.checked); setPage(1); }}>
          {t('log.unresolvedOnly')}
        </Checkbox>
      </Space>
      <ErrorAlert error={list.error} />
      <Table<VehicleLog>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.rows}
        loading={list.isFetching}
        rowClassName={(r) => (r.voidedAt ? 'row-disabled' : '')}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showTotal: (total) => t('common.total', { total }), onChange: setPage }}
        scroll={{ x: 1500 }}
      />
      {adding ? <LogDialog kind={adding} vehicleId={vehicleId} onClose={() => setAdding(null)} /> : null}
      {voiding ? <ReasonDialog title={`${t('log.void')} ${voiding.date} ${voiding.kind === 'cost' ? voiding.costType : t(`kind.${voiding.kind}`)}`} label={t('log.voidReason')} method="vehicles.logVoid" field="reason" id={voiding.id} done={t('log.voidDone')} onClose={() => setVoiding(null)} /> : null}
      {resolving ? <ReasonDialog title={t('log.resolve')} label={t('log.resolution')} method="vehicles.logResolve" field="resolution" id={resolving.id} done={t('log.resolveDone')} onClose={() => setResolving(null)} /> : null}
    </>
  );
}

export function LogsPage() {
  return (
    <Card size="small">
      <LogTable />
    </Card>
  );
}

function ReasonDialog({ title, label, method, field, id, done, onClose }: { title: string; label: string; method: 'vehicles.logVoid' | 'vehicles.logResolve'; field: 'reason' | 'resolution'; id: number; done: string; onClose: () => void }) {
  const t = useVT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, string>>();
  const [error, setError] = useState<ApiError | null>(null);
  const m = useApiMutation(method, VEHICLE_READS);
  const submit = async (v: Record<string, string>) => {
    setError(null);
    try {
      await m.mutateAsync({ id, [field]: v[field] ?? '' } as never);
      message.success(done);
      onClose();
    } catch (e) {
      setError(applyApiError(form, e));
    }
  };
  return (
    <Modal open title={title} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={m.isPending} mask={{ closable: false }} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} aria-label={title}>
        <Form.Item name={field} label={label} rules={[{ required: true, whitespace: true, message: `请填写${label}` }]}>
          <Input.TextArea rows={3} maxLength={300} showCount autoFocus />
        </Form.Item>
        <ErrorAlert error={error} />
      </Form>
    </Modal>
  );
}

interface LogValues {
  vehicleId?: number;
  date?: Dayjs;
  place?: string;
  content?: string;
  amount?: number;
  litres?: number;
  odometer?: number | null;
  personId?: number | null;
  costType?: string;
  responsibility?: string;
  points?: number;
  remarks?: string;
}

export function LogDialog({ kind, vehicleId, onClose }: { kind: LogKind; vehicleId?: number; onClose: () => void }) {
  const t = useVT();
  const { message } = App.useApp();
  const [form] = Form.useForm<LogValues>();
  const [error, setError] = useState<ApiError | null>(null);
  const add = useApiMutation('vehicles.logAdd', VEHICLE_READS);
  const schema = LOG_INPUTS[kind];
  const labels = t(`log.fields.${kind}`, { returnObjects: true }) as { place: string; content: string; amount: string; odometer: string; person: string };
  const required = (label: string) => [{ required: true, message: `请填写${label}` }];
  const placeRequired = kind === 'repair' || kind === 'maintenance' || kind === 'accident' || kind === 'violation';

  const submit = async (v: LogValues) => {
    setError(null);
    try {
      await add.mutateAsync({
        kind,
        vehicleId: v.vehicleId ?? vehicleId ?? 0,
        date: v.date ? dayOf(v.date) : '',
        place: v.place ?? '',
        content: v.content ?? '',
        amount: toFen(v.amount),
        ...(kind === 'fuel' ? { litres: v.litres ?? 0, odometer: v.odometer ?? -1 } : { odometer: v.odometer ?? null }),
        personId: v.personId ?? null,
        ...(kind === 'cost' ? { costType: v.costType } : {}),
        ...(kind === 'accident' ? { responsibility: v.responsibility } : {}),
        ...(kind === 'violation' ? { points: v.points ?? 0 } : {}),
        remarks: v.remarks ?? '',
      } as never);
      message.success(t('log.done'));
      onClose();
    } catch (e) {
      setError(applyApiError(form, e));
    }
  };

  return (
    <Modal open title={t('log.add', { kind: t(`kind.${kind}`) })} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={add.isPending} width={680} mask={{ closable: false }} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ vehicleId, date: dayjs(), costType: '路桥费', responsibility: '待认定', points: 0 }} aria-label={t('log.add', { kind: t(`kind.${kind}`) })}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="vehicleId" label={t('log.vehicle')} rules={[{ required: true, message: `请选择${t('log.vehicle')}` }]}>
              <VehicleSelect />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="date" label={t('log.date')} rules={[{ required: true, message: `请选择${t('log.date')}` }]}>
              <DatePicker className="vehicles-full" />
            </Form.Item>
          </Col>
          {kind === 'cost' ? (
            <Col span={12}>
              <Form.Item name="costType" label={t('log.costType')}>
                <Select options={COST_TYPES.map((c) => ({ value: c, label: c }))} />
              </Form.Item>
            </Col>
          ) : null}
          <Col span={12}>
            <Form.Item name="place" label={labels.place} rules={placeRequired ? fieldRule(schema, 'place') : []}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={kind === 'cost' ? 24 : 12}>
            <Form.Item name="content" label={labels.content} rules={fieldRule(schema, 'content')}>
              {kind === 'accident' ? <Input.TextArea rows={3} maxLength={1000} /> : <Input maxLength={300} />}
            </Form.Item>
          </Col>
          {kind === 'fuel' ? (
            <Col span={8}>
              <Form.Item name="litres" label={t('log.litres')} rules={[...required(t('log.litres')), ...fieldRule(schema, 'litres')]}>
                <InputNumber min={0.01} max={2000} precision={2} className="vehicles-full" />
              </Form.Item>
            </Col>
          ) : null}
          <Col span={8}>
            <Form.Item name="amount" label={labels.amount} rules={[yuanRule(labels.amount.replace(/（元）$/, ''), { required: true, positive: kind === 'fuel' || kind === 'cost' })]}>
              <InputNumber min={0} precision={2} className="vehicles-full" />
            </Form.Item>
          </Col>
          {kind !== 'accident' && kind !== 'violation' && kind !== 'cost' ? (
            <Col span={8}>
              <Form.Item name="odometer" label={labels.odometer} rules={kind === 'fuel' ? required(labels.odometer) : []}>
                <InputNumber min={0} precision={0} className="vehicles-full" />
              </Form.Item>
            </Col>
          ) : null}
          {kind === 'accident' ? (
            <Col span={8}>
              <Form.Item name="responsibility" label={t('log.responsibility')}>
                <Select options={RESPONSIBILITIES.map((r) => ({ value: r, label: r }))} />
              </Form.Item>
            </Col>
          ) : null}
          {kind === 'violation' ? (
            <Col span={8}>
              <Form.Item name="points" label={t('log.points')} rules={fieldRule(schema, 'points')}>
                <InputNumber min={0} max={12} precision={0} className="vehicles-full" />
              </Form.Item>
            </Col>
          ) : null}
          <Col span={8}>
            <Form.Item name="personId" label={labels.person}>
              <PersonSelect allowClear />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="remarks" label={t('log.remarks')}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
        </Row>
        <ErrorAlert error={error} />
      </Form>
    </Modal>
  );
}
