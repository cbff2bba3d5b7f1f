// 车辆档案: the fleet with its expiry dates and status; create, edit, change status, import.
import { useState, type ReactNode } from 'react';
import { App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { ENERGY_TYPES, EXPIRY_WARNING_DAYS, FLEET_REGISTER, VEHICLE_STATUSES, vehicleCreateInput, type Vehicle, type VehicleStatus } from '../../../db/contract/vehicles';
import { useApiMutation, useApiQuery, type ApiError } from '../../api';
import { hasRole, useMe } from '../../app/session';
import { ImportDialog } from '../../components/output';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../components/formErrors';
import { fieldRule } from '../../components/zodRule';
import { OutputButtons } from './output';
import { PersonSelect, StatusTag, VEHICLE_READS, dayOf, toFen, useVT, yuanRule } from './util';

/** 12 天后到期 / 已过期, in red within the warning window. */
export function Expiry({ date }: { date: string }) {
  const t = useVT();
  const days = dayjs(date).startOf('day').diff(dayjs().startOf('day'), 'day');
  if (days > EXPIRY_WARNING_DAYS) return <span>{date}</span>;
  return (
    <span className="vehicles-expiring">
      {date}（{days < 0 ? t('vehicle.expired') : t('vehicle.expiring', { n: days })}）
    </span>
  );
}

export function FleetPage() {
  const t = useVT();
  const me = useMe();
  const navigate = useNavigate();
  const clerk = hasRole(me, ['clerk']);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<VehicleStatus | undefined>();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Vehicle | 'new' | null>(null);
  const [statusOf, setStatusOf] = useState<Vehicle | null>(null);
  const [importing, setImporting] = useState(false);
  const list = useApiQuery('vehicles.vehicleList', { q: q || undefined, status, page, pageSize: 20 }, { placeholderData: (p) => p });

  const columns: TableColumnsType<Vehicle> = [
    { title: t('vehicle.plate'), dataIndex: 'plateDisplay', width: 110, fixed: 'left', render: (v: string, r) => <Link to={`/r/vehicles/fleet/${r.id}`}>{v}</Link> },
    { title: t('vehicle.model'), dataIndex: 'model', width: 170, ellipsis: true },
    { title: t('vehicle.vehicleType'), dataIndex: 'vehicleType', width: 80 },
    { title: t('vehicle.energy'), dataIndex: 'energy', width: 80 },
    { title: t('vehicle.seats'), dataIndex: 'seats', width: 90, align: 'right' },
    { title: t('vehicle.driver'), dataIndex: 'driverName', width: 90 },
    { title: t('vehicle.insuranceExpiry'), dataIndex: 'insuranceExpiry', width: 200, render: (d: string, r) => (r.status === 'scrapped' ? d : <Expiry date={d} />) },
    { title: t('vehicle.inspectionExpiry'), dataIndex: 'inspectionExpiry', width: 200, render: (d: string, r) => (r.status === 'scrapped' ? d : <Expiry date={d} />) },
    { title: t('vehicle.lastOdometer'), dataIndex: 'lastOdometer', width: 90, align: 'right' },
    {
      title: t('vehicle.status'),
      key: 'status',
      width: 150,
      render: (_, r) => (
        <Space size={4} wrap>
          <StatusTag status={r.status} />
          {r.outOnTrip ? <Typography.Text type="secondary">{t('vehicle.outOn', { number: r.outOnTrip.replace(/^派车/, '') })}</Typography.Text> : null}
        </Space>
      ),
    },
    {
      title: t('common.more'),
      key: 'actions',
      width: 190,
      fixed: 'right',
      render: (_, r) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => navigate(`/r/vehicles/fleet/${r.id}`)}>
            {t('vehicle.file')}
          </Button>
          {clerk && r.status !== 'scrapped' ? (
            <>
              <Button type="link" size="small" onClick={() => setEditing(r)}>
                {t('common.edit')}
              </Button>
              <Button type="link" size="small" onClick={() => setStatusOf(r)}>
                {t('vehicle.setStatus')}
              </Button>
            </>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Card size="small" className="filter-card">
        <Space wrap>
          <Input.Search allowClear placeholder={`${t('vehicle.plate')}、${t('vehicle.model')}、${t('vehicle.vin')}`} className="filter-keyword" onSearch={(v) => { setQ(v.trim()); setPage(1); }} aria-label={t('common.keyword')} />
          <Select allowClear placeholder={t('vehicle.status')} className="filter-select-narrow" value={status} onChange={(v) => { setStatus(v); setPage(1); }} options={VEHICLE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} aria-label={t('vehicle.status')} />
        </Space>
      </Card>
      <div className="vehicles-toolbar">
        <Space wrap>
          {clerk ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
              {t('vehicle.new')}
            </Button>
          ) : null}
          <OutputButtons register={FLEET_REGISTER.key} filter={{ q: q || undefined, state: status }} printLabel={t('vehicle.printFleet')} />
          {clerk ? (
            <Button icon={<UploadOutlined aria-hidden />} onClick={() => setImporting(true)}>
              {t('vehicle.import')}
            </Button>
          ) : null}
        </Space>
      </div>
      <ErrorAlert error={list.error} />
      <Table<Vehicle>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.rows}
        loading={list.isFetching}
        rowClassName={(r) => (r.status === 'scrapped' ? 'row-disabled' : '')}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showTotal: (total) => t('common.total', { total }), onChange: setPage }}
        scroll={{ x: 1400 }}
      />
      {editing ? <VehicleDialog vehicle={editing} onClose={() => setEditing(null)} /> : null}
      {statusOf ? <StatusDialog vehicle={statusOf} onClose={() => setStatusOf(null)} /> : null}
      <ImportDialog register={FLEET_REGISTER.key} title={t('vehicle.importTitle')} open={importing} onClose={() => setImporting(false)} />
    </>
  );
}

interface VehicleValues {
  plate?: string;
  model?: string;
  vehicleType?: string;
  energy?: (typeof ENERGY_TYPES)[number];
  color?: string;
  vin?: string;
  engineNo?: string;
  seats?: number;
  purchaseDate?: Dayjs;
  purchasePrice?: number;
  driverId?: number | null;
  insuranceExpiry?: Dayjs;
  inspectionExpiry?: Dayjs;
  odometerStart?: number;
  department?: string;
  notes?: string;
}

export function VehicleDialog({ vehicle, onClose }: { vehicle: Vehicle | 'new'; onClose: () => void }) {
  const t = useVT();
  const { message } = App.useApp();
  const [form] = Form.useForm<VehicleValues>();
  const [error, setError] = useState<ApiError | null>(null);
  const create = useApiMutation('vehicles.vehicleCreate', VEHICLE_READS);
  const update = useApiMutation('vehicles.vehicleUpdate', VEHICLE_READS);
  const isNew = vehicle === 'new';
  const schema = vehicleCreateInput;

  const submit = async (v: VehicleValues) => {
    setError(null);
    const input = {
      plate: v.plate ?? '',
      model: v.model ?? '',
      vehicleType: v.vehicleType ?? '',
      energy: v.energy ?? '燃油',
      color: v.color ?? '',
      vin: v.vin ?? '',
      engineNo: v.engineNo ?? '',
      seats: v.seats ?? 0,
      purchaseDate: v.purchaseDate ? dayOf(v.purchaseDate) : '',
      purchasePrice: toFen(v.purchasePrice),
      driverId: v.driverId ?? null,
      insuranceExpiry: v.insuranceExpiry ? dayOf(v.insuranceExpiry) : '',
      inspectionExpiry: v.inspectionExpiry ? dayOf(v.inspectionExpiry) : '',
      odometerStart: v.odometerStart ?? 0,
      department: v.department ?? '',
      notes: v.notes ?? '',
    };
    try {
      const r = isNew ? await create.mutateAsync(input) : await update.mutateAsync({ id: vehicle.id, ...input });
      message.success(isNew ? t('vehicle.created', { plate: r.plateDisplay }) : t('vehicle.updated'));
      onClose();
    } catch (e) {
      setError(applyApiError(form, e));
    }
  };

  const initial: VehicleValues = isNew
    ? { energy: '燃油', seats: 5, odometerStart: 0 }
    : {
        ...vehicle,
        plate: vehicle.plateDisplay,
        purchaseDate: dayjs(vehicle.purchaseDate),
        purchasePrice: vehicle.purchasePrice / 100,
        insuranceExpiry: dayjs(vehicle.insuranceExpiry),
        inspectionExpiry: dayjs(vehicle.inspectionExpiry),
      };

  const item = (name: keyof VehicleValues, label: string, child: ReactNode, span = 8, rules = fieldRule(schema, name)) => (
    <Col span={span}>
      <Form.Item name={name} label={label} rules={rules}>
        {child}
      </Form.Item>
    </Col>
  );

  return (
    <Modal open title={isNew ? t('vehicle.new') : `${t('vehicle.edit')} ${vehicle.plateDisplay}`} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={create.isPending || update.isPending} width={820} mask={{ closable: false }} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial} aria-label={isNew ? t('vehicle.new') : t('vehicle.edit')}>
        <Row gutter={16}>
          {item('plate', t('vehicle.plate'), <Input placeholder="湘B·D12345" maxLength={20} />)}
          {item('model', t('vehicle.model'), <Input maxLength={60} />)}
          {item('vehicleType', t('vehicle.vehicleType'), <Input placeholder={t('vehicle.typePlaceholder')} maxLength={20} />)}
          {item('energy', t('vehicle.energy'), <Select options={ENERGY_TYPES.map((e) => ({ value: e, label: e }))} />)}
          {item('color', t('vehicle.color'), <Input maxLength={20} />)}
          {item('seats', t('vehicle.seats'), <InputNumber min={1} max={60} precision={0} className="vehicles-full" />)}
          {item('vin', t('vehicle.vin'), <Input maxLength={17} className="vehicles-mono" />, 12)}
          {item('engineNo', t('vehicle.engineNo'), <Input maxLength={30} className="vehicles-mono" />, 12)}
          {item('purchaseDate', t('vehicle.purchaseDate'), <DatePicker className="vehicles-full" />, 8, [{ required: true, message: `请选择${t('vehicle.purchaseDate')}` }])}
          {item('purchasePrice', t('vehicle.purchasePrice'), <InputNumber min={0} precision={2} className="vehicles-full" />, 8, [yuanRule('购置价格', { required: true })])}
          {item('odometerStart', t('vehicle.odometerStart'), <InputNumber min={0} precision={0} className="vehicles-full" />)}
          {item('insuranceExpiry', t('vehicle.insuranceExpiry'), <DatePicker className="vehicles-full" />, 8, [{ required: true, message: `请选择${t('vehicle.insuranceExpiry')}` }])}
          {item('inspectionExpiry', t('vehicle.inspectionExpiry'), <DatePicker className="vehicles-full" />, 8, [{ required: true, message: `请选择${t('vehicle.inspectionExpiry')}` }])}
          {item('driverId', t('vehicle.driver'), <PersonSelect allowClear />, 8, [])}
          {item('department', t('vehicle.department'), <Input maxLength={60} />)}
          {item('notes', t('vehicle.notes'), <Input maxLength={500} />, 16)}
        </Row>
        <ErrorAlert error={error} />
      </Form>
    </Modal>
  );
}

export function StatusDialog({ vehicle, onClose }: { vehicle: Vehicle; onClose: () => void }) {
  const t = useVT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ status?: VehicleStatus; reason?: string }>();
  const [error, setError] = useState<ApiError | null>(null);
  const set = useApiMutation('vehicles.vehicleSetStatus', VEHICLE_READS);
  const submit = async (v: { status?: VehicleStatus; reason?: string }) => {
    setError(null);
    try {
      await set.mutateAsync({ id: vehicle.id, status: v.status ?? vehicle.status, reason: v.reason ?? '' });
      message.success(t('common.saved'));
      onClose();
    } catch (e) {
      setError(applyApiError(form, e));
    }
  };
  return (
    <Modal open title={t('vehicle.statusTitle', { plate: vehicle.plateDisplay })} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={set.isPending} mask={{ closable: false }} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} aria-label={t('vehicle.setStatus')}>
        <Form.Item name="status" label={t('vehicle.status')} rules={[{ required: true, message: `请选择${t('vehicle.status')}` }]}>
          <Select options={VEHICLE_STATUSES.filter((s) => s !== vehicle.status).map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('vehicle.statusReason')} rules={[{ required: true, whitespace: true, message: `请填写${t('vehicle.statusReason')}` }]}>
          <Input.TextArea rows={2} maxLength={200} showCount />
        </Form.Item>
        <ErrorAlert error={error} />
      </Form>
    </Modal>
  );
}

